#pragma once
// Buy in the window, never holding the wallet service's thread: the socket's
// blocking work (connecting, the catalogue, chunk hashes, the download) runs
// on a thread of its own; each call into the channel engine is handed to the
// service's thread, the only one that touches the engine (transport::PayerChannels);
// and the wait for the funding's confirmations is no wait at all: the runner
// looks again after every watcher pass at a new tip (tipChanged), then connects
// again and downloads (the provider drops idle connections, and an open purchase
// resumes where it stopped). So Mine a block, Pay, Settle ... keep working while
// a purchase waits or downloads.

#include "PurchaseStage.h"
#include "bitcoin/Transaction.h"
#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <mutex>

class QThread;
class QTimer;

namespace spillway::channel {
class ChannelEngine;
struct WatchEvent;
struct OfferMsg;
}
namespace spillway::chain {
class ChainBackend;
}
namespace spillway::wallet {
class Wallet;
}
namespace spillway::transport {
class PaymentClient;
}

namespace spillway::ui {

class PurchaseRunner : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString offerText;
        QString file;
        QString outPath;
        int lead = 4;
        qint64 maxPrice = 0; ///< what the user confirmed; a purchase costing more is refused (PRICE_TOO_HIGH)
    };

    explicit PurchaseRunner(QObject *parent = nullptr);
    ~PurchaseRunner() override;

    /// What it pays from, used only on this object's thread; null: no wallet yet.
    void setCore(channel::ChannelEngine *engine, wallet::Wallet *wallet, chain::ChainBackend *chain);
    /// Where the events of the watcher passes a purchase runs go (on this object's
    /// thread): the window announces them as it does its own.
    void setWatchEvents(std::function<void(const std::vector<channel::WatchEvent> &)> sink) { m_watchEvents = std::move(sink); }
    bool busy() const { return m_phase != Phase::Idle; }
    /// Lists the provider's files (catalogReady, or failed).
    void listFiles(const QString &offerText);
    /// Begins (or resumes) a purchase; ignored while one runs.
    void start(const Request &request);
    /// A watcher pass ran at a new tip: a purchase waiting for confirmations looks again.
    void tipChanged();
    /// From any thread: pauses after the chunk in hand, or ends the wait for confirmations.
    void pause();
    /// From a thread other than this object's, before the engine goes: ends the
    /// purchase and waits for its threads.
    void shutDown();

Q_SIGNALS:
    void catalogReady(const QStringList &names, const QList<qint64> &sizes, const QList<qint64> &prices, const QStringList &hashes);
    /// Listing failed: a sentence, and the code with its context for Details.
    void failed(const QString &code, const QString &sentence, const QString &details);
    void stageChanged(const spillway::ui::PurchaseStage &stage);
    /// The purchase ended: done (`message` says where the file is), failed or paused (`message` says why).
    void finished(bool ok, const QString &message);
    /// A channel was opened or paid: the window's tables look again.
    void channelsTouched();

private:
    enum class Phase { Idle, Running, Waiting };
    struct Readiness {
        bool ready = false;
        int confirmations = 0;
        int needed = 1;
    };
    struct Outcome {
        enum class Kind { Done, Waiting, Failed } kind = Kind::Failed;
        bitcoin::OutPoint channel;
        Readiness readiness;
        PurchaseStage stage; ///< Done or Failed
    };
    class ServiceChannels;

    /// Runs `job` on a new thread of its own.
    void runJob(std::function<void()> job);
    /// The thread's part: connect, buy the channel, then wait or download (on a job thread).
    Outcome attempt(const Request &request);
    void settle(const Outcome &outcome);
    /// On this thread: whether `channel` has the provider's confirmations.
    Result<Readiness> readiness(const bitcoin::OutPoint &channel);
    void recheck();
    void waitingStage(const Readiness &r);
    void finish(const PurchaseStage &stage);
    /// Runs `call` on this object's thread and hands back its result (from a job thread).
    template <typename F>
    auto onOwnThread(F call) -> decltype(call());
    /// `sentence`: instead of the code's own.
    Outcome failure(const Error &e, const QString &sentence = {});
    /// What to say when connecting failed: the provider does not answer (empty: the code's sentence).
    static QString unreachable(const Error &e, const channel::OfferMsg &offer);

    channel::ChannelEngine *m_engine = nullptr;
    std::function<void(const std::vector<channel::WatchEvent> &)> m_watchEvents;
    wallet::Wallet *m_wallet = nullptr;
    chain::ChainBackend *m_chain = nullptr;
    Phase m_phase = Phase::Idle;
    Request m_request;
    bitcoin::OutPoint m_waitingFor;
    int m_shownConfirmations = -1;
    QTimer *m_recheck;
    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_abandoned{false};
    std::mutex m_mutex; ///< guards m_client and m_threads
    transport::PaymentClient *m_client = nullptr;
    QList<QThread *> m_threads;
};

} // namespace spillway::ui
