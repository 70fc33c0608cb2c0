#include "PurchaseRunner.h"

#include "chain/ChainBackend.h"
#include "channel/ChannelEngine.h"
#include "transport/PayerChannels.h"
#include "transport/PaymentClient.h"
#include "wallet/Wallet.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <optional>

namespace spillway::ui {

using namespace bitcoin;

namespace {
QString sentenceOf(const Error &e)
{
    return QCoreApplication::translate("ErrorCode", errorCodeSentence(e.code).data());
}

/// The socket's troubles in words of their own (the code they share, CHAIN_UNAVAILABLE, has a sentence about the chain).
bool connectionLost(const Error &e)
{
    return e.code == ErrorCode::ChainUnavailable &&
           (e.context.rfind("the server did not answer", 0) == 0 || e.context.rfind("the connection stalled", 0) == 0);
}

QString detailsOf(const Error &e)
{
    const QString code = QString::fromLatin1(errorCodeName(e.code).data());
    return e.context.empty() ? code : QStringLiteral("%1: %2").arg(code, QString::fromStdString(e.context));
}

Result<channel::OfferMsg> offerFrom(const QString &text)
{
    auto m = channel::messageFromText(text.trimmed().toStdString());
    if (!m)
        return m.error();
    if (!std::holds_alternative<channel::OfferMsg>(*m))
        return makeError(ErrorCode::BadMessage, "that is not an offer");
    return std::get<channel::OfferMsg>(*m);
}
} // namespace

/// The engine's calls, each run on the runner's thread (the service's) while the job thread waits.
class PurchaseRunner::ServiceChannels final : public transport::PayerChannels {
public:
    explicit ServiceChannels(PurchaseRunner &runner) : m_runner(runner) {}
    Result<std::optional<store::ChannelRecord>> find(const OutPoint &channel) override
    {
        return m_runner.onOwnThread([&]() -> Result<std::optional<store::ChannelRecord>> { return engine().store().find(channel); });
    }
    Result<std::vector<store::ChannelRecord>> all() override
    {
        return m_runner.onOwnThread([&]() -> Result<std::vector<store::ChannelRecord>> { return engine().store().all(); });
    }
    Result<std::vector<channel::Message>> open(const channel::OfferMsg &offer, const channel::OpenTerms &terms) override
    {
        PurchaseStage s;
        s.step = PurchaseStage::Step::OpeningChannel;
        Q_EMIT m_runner.stageChanged(s);
        return m_runner.onOwnThread([&]() -> Result<std::vector<channel::Message>> { return engine().open(offer, terms); });
    }
    Result<std::vector<channel::Message>> receive(const channel::Message &m) override
    {
        return m_runner.onOwnThread([&]() -> Result<std::vector<channel::Message>> { return engine().receive(m); });
    }
    Result<channel::PaymentMsg> pay(const OutPoint &channel, int64_t increment) override
    {
        return m_runner.onOwnThread([&]() -> Result<channel::PaymentMsg> { return engine().pay(channel, increment); });
    }
    Result<std::vector<channel::PaymentMsg>> unacknowledgedPayments(const OutPoint &channel) override
    {
        return m_runner.onOwnThread([&]() -> Result<std::vector<channel::PaymentMsg>> { return engine().unacknowledgedPayments(channel); });
    }
    void watch() override
    {
        (void)m_runner.onOwnThread([&]() -> Status {
            if (auto events = engine().watch(); events && m_runner.m_watchEvents)
                m_runner.m_watchEvents(*events);
            return {};
        });
    }

private:
    channel::ChannelEngine &engine() { return *m_runner.m_engine; }
    PurchaseRunner &m_runner;
};

template <typename F>
auto PurchaseRunner::onOwnThread(F call) -> decltype(call())
{
    using R = decltype(call());
    // Once the wallet closes, nothing more reaches the engine.
    if (m_abandoned)
        return R(makeError(ErrorCode::Cancelled, "the wallet is closing"));
    std::optional<R> result;
    QMetaObject::invokeMethod(
        this,
        [&] {
            if (!m_engine || m_abandoned)
                result.emplace(makeError(ErrorCode::Cancelled, "the wallet is closing"));
            else
                result.emplace(call());
        },
        Qt::BlockingQueuedConnection);
    return std::move(*result);
}

PurchaseRunner::PurchaseRunner(QObject *parent) : QObject(parent), m_recheck(new QTimer(this))
{
    qRegisterMetaType<spillway::ui::PurchaseStage>();
    // Tips come with every watcher pass; this only covers a tip that came between
    // a look and the start of the wait.
    m_recheck->setInterval(3000);
    connect(m_recheck, &QTimer::timeout, this, &PurchaseRunner::recheck);
}

PurchaseRunner::~PurchaseRunner()
{
    shutDown();
}

void PurchaseRunner::setCore(channel::ChannelEngine *engine, wallet::Wallet *wallet, chain::ChainBackend *chain)
{
    m_engine = engine;
    m_wallet = wallet;
    m_chain = chain;
}

void PurchaseRunner::runJob(std::function<void()> job)
{
    std::lock_guard lock(m_mutex);
    // Threads whose job ended are let go here, on this thread.
    for (qsizetype i = m_threads.size() - 1; i >= 0; --i)
        if (m_threads[i]->isFinished())
            delete m_threads.takeAt(i);
    if (m_abandoned)
        return;
    QThread *t = QThread::create(std::move(job));
    t->setObjectName(QStringLiteral("purchase"));
    m_threads.append(t);
    t->start();
}

void PurchaseRunner::shutDown()
{
    m_abandoned = true;
    pause();
    QList<QThread *> threads;
    {
        std::lock_guard lock(m_mutex);
        threads.swap(m_threads);
    }
    // Not holding the lock: a job may be handing a last call to this object's thread.
    for (QThread *t : threads) {
        while (!t->wait(20))
            if (QThread::currentThread() == thread())
                QCoreApplication::processEvents();
        delete t;
    }
}

void PurchaseRunner::listFiles(const QString &offerText)
{
    if (!m_engine)
        return;
    runJob([this, offerText] {
        auto report = [this](const Error &e, const QString &sentence = {}) {
            Q_EMIT failed(QString::fromLatin1(errorCodeName(e.code).data()), sentence.isEmpty() ? sentenceOf(e) : sentence, detailsOf(e));
        };
        auto offer = offerFrom(offerText);
        if (!offer)
            return report(offer.error());
        ServiceChannels channels(*this);
        transport::PaymentClient client(channels, {});
        if (const Status st = client.connectTo(*offer); !st.ok())
            return report(st.error(), unreachable(st.error(), *offer));
        auto cat = client.catalog();
        client.close();
        if (!cat)
            return report(cat.error());
        QStringList names, hashes;
        QList<qint64> sizes, prices;
        for (const auto &e : *cat) {
            names << e.name;
            sizes << e.size;
            prices << e.priceThrough(e.chunks() - 1);
            hashes << e.sha256;
        }
        Q_EMIT catalogReady(names, sizes, prices, hashes);
    });
}

void PurchaseRunner::start(const Request &request)
{
    if (!m_engine || m_phase != Phase::Idle)
        return;
    m_request = request;
    m_pause = false;
    m_phase = Phase::Running;
    m_shownConfirmations = -1;
    runJob([this, request] {
        const Outcome o = attempt(request);
        QMetaObject::invokeMethod(this, [this, o] { settle(o); }, Qt::QueuedConnection);
    });
}

QString PurchaseRunner::unreachable(const Error &e, const channel::OfferMsg &offer)
{
    if (e.code != ErrorCode::ChainUnavailable)
        return {};
    return tr("The provider at %1 does not answer. It may have stopped selling, or its address cannot be reached from here.")
        .arg(QString::fromStdString(offer.endpoint));
}

PurchaseRunner::Outcome PurchaseRunner::failure(const Error &e, const QString &sentence)
{
    Outcome o;
    o.kind = Outcome::Kind::Failed;
    o.stage.step = PurchaseStage::Step::Failed;
    o.stage.message = !sentence.isEmpty() ? sentence : connectionLost(e) ? tr("The connection to the provider was lost.") : sentenceOf(e);
    o.stage.details = detailsOf(e);
    o.stage.paused = e.code == ErrorCode::Cancelled && m_pause;
    return o;
}

PurchaseRunner::Outcome PurchaseRunner::attempt(const Request &r)
{
    auto offer = offerFrom(r.offerText);
    if (!offer)
        return failure(offer.error());
    PurchaseStage stage;
    stage.step = PurchaseStage::Step::Connecting;
    Q_EMIT stageChanged(stage);
    ServiceChannels channels(*this);
    transport::PaymentClient client(channels, [this](uint32_t index) {
        return onOwnThread([&]() -> Result<PrivateKey> { return m_wallet->channelKey(index); });
    });
    client.setMaxPrice(r.maxPrice); // what the user confirmed: never more
    struct Registration {
        PurchaseRunner &runner;
        Registration(PurchaseRunner &pr, transport::PaymentClient *c) : runner(pr)
        {
            std::lock_guard lock(runner.m_mutex);
            runner.m_client = c;
        }
        ~Registration()
        {
            std::lock_guard lock(runner.m_mutex);
            runner.m_client = nullptr;
        }
    } registration(*this, &client);
    const auto paused = [this] { return failure(makeError(ErrorCode::Cancelled, "paused")); };
    if (const Status st = client.connectTo(*offer); !st.ok())
        return failure(st.error(), unreachable(st.error(), *offer));
    auto cat = client.catalog();
    if (!cat)
        return failure(cat.error());
    std::optional<transport::CatalogEntry> entry;
    for (const auto &e : *cat)
        if (e.name == r.file)
            entry = e;
    if (!entry)
        return failure(makeError(ErrorCode::NotFound, "the provider has no file " + r.file.toStdString()));
    if (const Status st = client.fetchChunkHashes(*entry); !st.ok())
        return failure(st.error());
    if (m_pause)
        return paused();
    auto bought = client.channelFor(*offer, *entry);
    if (!bought)
        return failure(bought.error());
    Q_EMIT channelsTouched();
    auto ready = onOwnThread([&] { return readiness(bought->first); });
    if (!ready)
        return failure(ready.error());
    if (!ready->ready) {
        // The provider serves once the funding has its confirmations: wait for them
        // without a connection (it would time out), then connect again and resume.
        client.close();
        Outcome o;
        o.kind = Outcome::Kind::Waiting;
        o.channel = bought->first;
        o.readiness = *ready;
        return o;
    }
    if (m_pause)
        return paused();
    stage.step = PurchaseStage::Step::Downloading;
    stage.chunks = entry->chunks();
    stage.totalBytes = entry->size;
    Q_EMIT stageChanged(stage);
    QElapsedTimer clock;
    clock.start();
    qint64 baseline = -1; // bytes on disk before this attempt (a resume keeps them)
    const Status st = client.download(bought->first, bought->second, *entry, r.outPath, r.lead, [&](const transport::DownloadProgress &p) {
        if (m_pause)
            client.requestStop(); // a pause asked for before the download began
        if (baseline < 0)
            baseline = p.bytes - entry->chunkLength(std::max<qint64>(p.chunksDone - 1, 0));
        stage.chunksDone = p.chunksDone;
        stage.bytes = p.bytes;
        stage.paidSat = p.paidSat;
        const qint64 ms = std::max<qint64>(clock.elapsed(), 1);
        stage.bytesPerSecond = static_cast<double>(p.bytes - baseline) * 1000.0 / static_cast<double>(ms);
        // The last chunk is in: the whole file's SHA-256 is checked next.
        stage.step = p.chunksDone == p.chunks ? PurchaseStage::Step::Verifying : PurchaseStage::Step::Downloading;
        Q_EMIT stageChanged(stage);
    });
    client.close();
    if (!st.ok())
        return failure(st.error());
    Outcome o;
    o.kind = Outcome::Kind::Done;
    o.channel = bought->first;
    o.stage = stage;
    o.stage.step = PurchaseStage::Step::Done;
    o.stage.chunksDone = entry->chunks();
    o.stage.bytes = entry->size;
    o.stage.path = r.outPath;
    return o;
}

Result<PurchaseRunner::Readiness> PurchaseRunner::readiness(const OutPoint &channel)
{
    auto rec = m_engine->store().find(channel);
    if (!rec)
        return rec.error();
    if (!*rec)
        return makeError(ErrorCode::ChannelUnknown);
    const store::ChannelRecord &r = **rec;
    if (r.state != store::ChannelState::Open && r.state != store::ChannelState::Opening)
        return makeError(ErrorCode::ChannelNotOpen, std::string(store::stateName(r.state)));
    auto st = chain::await(m_chain->transactionStatus(channel.txid));
    if (!st)
        return st.error();
    Readiness out;
    out.confirmations = std::max(0, st->confirmations);
    out.needed = static_cast<int>(std::max<uint32_t>(r.minConfirmations, 1));
    // Our side opens at its first confirmation, the provider's at the offer's minimum.
    out.ready = r.state == store::ChannelState::Open && out.confirmations >= out.needed;
    return out;
}

void PurchaseRunner::settle(const Outcome &o)
{
    switch (o.kind) {
    case Outcome::Kind::Done:
        finish(o.stage);
        return;
    case Outcome::Kind::Failed:
        finish(o.stage);
        return;
    case Outcome::Kind::Waiting:
        if (m_pause)
            return finish(failure(makeError(ErrorCode::Cancelled, "paused while waiting for confirmations")).stage);
        m_phase = Phase::Waiting;
        m_waitingFor = o.channel;
        waitingStage(o.readiness);
        m_recheck->start();
        recheck(); // a block may have come while the job closed its connection
        return;
    }
}

void PurchaseRunner::tipChanged()
{
    recheck();
}

void PurchaseRunner::recheck()
{
    if (m_phase != Phase::Waiting || !m_engine)
        return;
    if (m_pause)
        return finish(failure(makeError(ErrorCode::Cancelled, "paused while waiting for confirmations")).stage);
    auto r = readiness(m_waitingFor);
    if (!r)
        return finish(failure(r.error()).stage);
    if (!r->ready)
        return waitingStage(*r);
    m_recheck->stop();
    m_phase = Phase::Running;
    runJob([this, request = m_request] {
        const Outcome o = attempt(request);
        QMetaObject::invokeMethod(this, [this, o] { settle(o); }, Qt::QueuedConnection);
    });
}

void PurchaseRunner::waitingStage(const Readiness &r)
{
    if (r.confirmations == m_shownConfirmations)
        return;
    m_shownConfirmations = r.confirmations;
    PurchaseStage s;
    s.step = PurchaseStage::Step::WaitingConfirmations;
    s.confirmations = std::min(r.confirmations, r.needed);
    s.confirmationsNeeded = r.needed;
    Q_EMIT stageChanged(s);
}

void PurchaseRunner::finish(const PurchaseStage &stage)
{
    m_recheck->stop();
    m_phase = Phase::Idle;
    Q_EMIT stageChanged(stage);
    if (stage.step == PurchaseStage::Step::Done)
        Q_EMIT finished(true, tr("%1: %L2 bytes, SHA-256 checked.").arg(stage.path).arg(stage.bytes));
    else
        Q_EMIT finished(false, stage.message);
    Q_EMIT channelsTouched();
}

void PurchaseRunner::pause()
{
    m_pause = true;
    {
        std::lock_guard lock(m_mutex);
        if (m_client)
            m_client->requestStop();
    }
    // A purchase waiting for confirmations ends its wait (on this object's thread).
    if (!m_abandoned)
        QMetaObject::invokeMethod(this, &PurchaseRunner::recheck, Qt::QueuedConnection);
}

} // namespace spillway::ui
