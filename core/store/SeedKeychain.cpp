#include "SeedKeychain.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QSemaphore>
#include <QThread>

#include <optional>

namespace spillway::store {

namespace {

Error keychainError(QKeychain::Error e, const QString &text)
{
    switch (e) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::SeedNotFound);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::KeychainDenied, text.toStdString());
    default:
        return makeError(ErrorCode::KeychainUnavailable, text.toStdString());
    }
}

QString entryKey(const QString &walletId)
{
    return QStringLiteral("wallet-seed-") + walletId;
}

template <typename Job>
Job *makeJob(const QString &walletId)
{
    auto *job = new Job(QString::fromLatin1(SeedKeychain::kService));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(walletId));
    return job;
}

// Keychain jobs always run on the application's main thread: the Secret Service
// backend delivers its answers to the main context it was first used from, so a
// job started on a short-lived worker thread may never hear back. A worker waits
// on a semaphore while the main thread's event loop runs the job.
template <typename T, typename Start>
T waitFor(Start start)
{
    std::optional<T> result;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread()) {
        QEventLoop loop;
        start(&loop, [&](T r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec();
        return std::move(*result);
    }
    QSemaphore done;
    QMetaObject::invokeMethod(app, [&] {
        start(app, [&](T r) {
            result.emplace(std::move(r));
            done.release();
        });
    }, Qt::QueuedConnection);
    done.acquire();
    return std::move(*result);
}

} // namespace

void SeedKeychain::read(const QString &walletId, QObject *context, std::function<void(Result<SecretBytes>)> done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(walletId);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError) {
            done(keychainError(job->error(), job->errorString()));
            return;
        }
        QByteArray data = job->binaryData();
        SecretBytes seed(ByteView(reinterpret_cast<const uint8_t *>(data.constData()), static_cast<size_t>(data.size())));
        secureWipe(data.data(), static_cast<size_t>(data.size()));
        done(std::move(seed));
    });
    job->start();
}

void SeedKeychain::write(const QString &walletId, const SecretBytes &seed, QObject *context, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(walletId);
    QByteArray data(reinterpret_cast<const char *>(seed.data()), static_cast<qsizetype>(seed.size()));
    job->setBinaryData(data);
    secureWipe(data.data(), static_cast<size_t>(data.size()));
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError)
            done(keychainError(job->error(), job->errorString()));
        else
            done(Status{});
    });
    job->start();
}

void SeedKeychain::remove(const QString &walletId, QObject *context, std::function<void(Status)> done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(walletId);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            done(keychainError(job->error(), job->errorString()));
        else
            done(Status{});
    });
    job->start();
}

Result<SecretBytes> SeedKeychain::readBlocking(const QString &walletId)
{
    return waitFor<Result<SecretBytes>>([&](QObject *ctx, auto cb) { read(walletId, ctx, cb); });
}

Status SeedKeychain::writeBlocking(const QString &walletId, const SecretBytes &seed)
{
    return waitFor<Status>([&](QObject *ctx, auto cb) { write(walletId, seed, ctx, cb); });
}

Status SeedKeychain::removeBlocking(const QString &walletId)
{
    return waitFor<Status>([&](QObject *ctx, auto cb) { remove(walletId, ctx, cb); });
}

} // namespace spillway::store
