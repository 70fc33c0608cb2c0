#pragma once
// One thread that runs jobs one after another and hands back QFutures: what a
// chain backend needs so that its state (a SQLite connection, an RPC socket)
// lives on one thread and no caller ever waits on its own thread.

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace spillway::chain {

class SerialWorker {
public:
    explicit SerialWorker(const QString &name)
    {
        m_thread.setObjectName(name);
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
    }
    ~SerialWorker() { stop({}); }
    SerialWorker(const SerialWorker &) = delete;
    SerialWorker &operator=(const SerialWorker &) = delete;

    /// Runs `last` on the thread (to release what lives there), then ends it. Idempotent.
    void stop(const std::function<void()> &last)
    {
        if (!m_thread.isRunning())
            return;
        if (last)
            QMetaObject::invokeMethod(m_context, last, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    template <typename F>
    auto run(F &&f) -> QFuture<std::invoke_result_t<F &>>
    {
        using R = std::invoke_result_t<F &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(m_context, [promise, f = std::forward<F>(f)]() mutable {
            promise->addResult(f());
            promise->finish();
        }, Qt::QueuedConnection);
        return future;
    }

private:
    QThread m_thread;
    QObject *m_context = nullptr;
};

} // namespace spillway::chain
