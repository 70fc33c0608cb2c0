#include "PaymentServer.h"

#include "ChannelBinding.h"
#include "channel/ChannelEngine.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <deque>
#include <set>

namespace spillway::transport {

using namespace bitcoin;
using store::ChannelRecord;
using store::ChannelState;

namespace {

/// Bytes taken off the socket per read: the decoder never holds much more.
constexpr qint64 kReadPiece = 64 * 1024;
/// What the socket itself buffers before TCP pushes back on the peer.
constexpr qint64 kSocketReadBuffer = 256 * 1024;
/// Decoded frames (and their bytes) waiting for their turn, per connection, before reading stops.
constexpr size_t kMaxPendingFrames = 4096;
constexpr qint64 kMaxPendingBytes = 1 << 20;
/// Payments older than the newest accepted one, per channel and pass, passed on to the engine.
constexpr int kMaxRepeatsPerPass = 64;

QByteArray messageFrame(const channel::Message &m)
{
    const Bytes b = channel::encodeMessage(m);
    return encodeFrame(FrameKind::Message, QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
}

QByteArray errorFrame(const OutPoint &channel, ErrorCode code, const std::string &text = {})
{
    channel::ErrorMsg e;
    e.channel = channel;
    e.code = static_cast<uint16_t>(code);
    e.text = text.empty() ? std::string(errorCodeName(code)) : std::string(errorCodeName(code)) + ": " + text;
    return messageFrame(e);
}

bool isFinal(ChannelState s)
{
    return s == ChannelState::Closing || s == ChannelState::Settled || s == ChannelState::Refunded;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

struct PaymentServer::Peer {
    FrameDecoder decoder;
    QTimer idle;
    qint64 windowStart = 0;
    int framesInWindow = 0;
    Pause pause = Pause::None;
    qint64 partialSince = 0;   ///< when the decoder began holding an incomplete frame
    qint64 lastWriteProgress = 0;
    qint64 delayedBytes = 0;   ///< chunk frames waiting for chunkDelayMs
    qint64 nextChunkAt = 0;    ///< with chunkDelayMs: when the next chunk may leave
    QByteArray challenge;
    int proposals = 0;
    std::set<OutPoint> bound;
    std::map<OutPoint, store::Purchase> purchases; ///< the open purchases this connection holds
    std::deque<std::pair<FrameKind, QByteArray>> pending; ///< decoded, waiting for the next flush
    qint64 pendingBytes = 0;

    bool queueFull() const { return pending.size() >= kMaxPendingFrames || pendingBytes >= kMaxPendingBytes; }
    std::pair<FrameKind, QByteArray> pop()
    {
        auto f = std::move(pending.front());
        pending.pop_front();
        pendingBytes -= f.second.size();
        return f;
    }
};

PaymentServer::PaymentServer(channel::ChannelEngine &engine, TlsIdentity identity, const Bytes &offerMessage,
                             FileProvider *provider, ServerLimits limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_identity(std::move(identity)),
      m_offer(reinterpret_cast<const char *>(offerMessage.data()), static_cast<qsizetype>(offerMessage.size())),
      m_provider(provider), m_limits(limits)
{
    if (m_provider) {
        // The purchase ledger lives beside the channel store.
        m_purchases = std::make_unique<store::PurchaseStore>();
        const QString dir = QFileInfo(m_engine.store().database().db().databaseName()).absolutePath();
        if (const Status st = m_purchases->open(dir); !st.ok()) {
            Q_EMIT log(QString::fromStdString(st.error().describe()));
            m_purchases.reset();
        }
    }
    m_sweep = new QTimer(this);
    m_sweep->setInterval(std::clamp(m_limits.frameTimeoutMs / 4, 50, 1000));
    connect(m_sweep, &QTimer::timeout, this, &PaymentServer::sweep);
    m_sweep->start();
}

PaymentServer::~PaymentServer() = default;

Result<quint16> PaymentServer::listen(const QString &host, quint16 port)
{
    m_server = new QSslServer(this);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(m_identity.certificate);
    conf.setPrivateKey(m_identity.key);
    conf.setProtocol(QSsl::TlsV1_3OrLater);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server->setSslConfiguration(conf);
    m_server->setHandshakeTimeout(m_limits.handshakeTimeoutMs);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection())
            accept(s);
    });
    connect(m_server, &QSslServer::errorOccurred, this, [](QSslSocket *s, QAbstractSocket::SocketError) { s->abort(); });
    if (!m_server->listen(QHostAddress(host), port))
        return makeError(ErrorCode::ChainUnavailable, "cannot listen on " + host.toStdString() + ": " +
                                                           m_server->errorString().toStdString());
    return m_server->serverPort();
}

void PaymentServer::accept(QTcpSocket *tcp)
{
    auto *s = qobject_cast<QSslSocket *>(tcp);
    if (!s) {
        tcp->abort();
        tcp->deleteLater();
        return;
    }
    if (static_cast<int>(m_peers.size()) >= m_limits.maxConnections) {
        s->abort();
        s->deleteLater();
        return;
    }
    auto peer = std::make_unique<Peer>();
    peer->idle.setSingleShot(true);
    peer->idle.setInterval(m_limits.idleTimeoutMs);
    connect(&peer->idle, &QTimer::timeout, s, [this, s] { drop(s, QStringLiteral("idle")); });
    peer->idle.start();
    peer->lastWriteProgress = nowMs();
    peer->challenge = QByteArray(kChallengeBytes, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(peer->challenge.data()), kChallengeBytes / 4);
    const QByteArray challenge = peer->challenge;
    m_peers[s] = std::move(peer);
    // What the socket holds unread is bounded: past it, TCP pushes back on the peer.
    s->setReadBufferSize(kSocketReadBuffer);
    connect(s, &QSslSocket::readyRead, this, [this, s] { readPeer(s); });
    connect(s, &QSslSocket::bytesWritten, this, [this, s] { onWritten(s); });
    connect(s, &QSslSocket::encryptedBytesWritten, this, [this, s] { onWritten(s); });
    connect(s, &QSslSocket::disconnected, this, [this, s] { drop(s, QString()); });
    // The offer first (the payer checks it against the key it pinned), then this
    // connection's challenge (a payer binds its channel by signing it).
    s->write(encodeFrame(FrameKind::Message, m_offer));
    s->write(encodeFrame(FrameKind::Challenge, challenge));
}

void PaymentServer::drop(QSslSocket *s, const QString &why)
{
    auto it = m_peers.find(s);
    if (it == m_peers.end())
        return;
    if (!why.isEmpty())
        Q_EMIT log(QStringLiteral("closing a connection: %1").arg(why));
    // Its purchases stay open in the ledger: the payer may resume them on another connection.
    for (auto h = m_purchaseHolders.begin(); h != m_purchaseHolders.end();)
        h = h->second == s ? m_purchaseHolders.erase(h) : std::next(h);
    m_peers.erase(it);
    s->abort();
    s->deleteLater();
}

qint64 PaymentServer::unsent(QSslSocket *s, const Peer &peer) const
{
    return s->bytesToWrite() + s->encryptedBytesToWrite() + peer.delayedBytes;
}

void PaymentServer::scheduleFlush()
{
    // Frames from every peer that is readable now are handled together in the
    // next pass of the event loop: one synced commit for all their payments.
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &PaymentServer::flush, Qt::QueuedConnection);
    }
}

void PaymentServer::readPeer(QSslSocket *s)
{
    auto it = m_peers.find(s);
    if (it == m_peers.end())
        return;
    Peer &peer = *it->second;
    if (peer.pause != Pause::None)
        return; // left in the socket (bounded by its read buffer)
    const qint64 now = nowMs();
    if (now - peer.windowStart >= 1000) {
        peer.windowStart = now;
        peer.framesInWindow = 0;
    }
    bool took = false;
    while (true) {
        // Frames already decoded first, within this second's allowance.
        while (peer.framesInWindow < m_limits.maxFramesPerSecond && !peer.queueFull()) {
            auto f = peer.decoder.next();
            if (!f)
                break;
            peer.pendingBytes += f->second.size();
            peer.pending.push_back(std::move(*f));
            ++peer.framesInWindow;
            took = true;
        }
        if (peer.decoder.failed())
            return drop(s, QStringLiteral("bad frame"));
        if (peer.framesInWindow >= m_limits.maxFramesPerSecond) {
            // Push back: not read again before the next second; nothing is lost.
            peer.pause = Pause::Rate;
            peer.idle.stop();
            peer.partialSince = 0;
            QTimer::singleShot(static_cast<int>(std::max<qint64>(1, peer.windowStart + 1000 - now)), s, [this, s] {
                auto p = m_peers.find(s);
                if (p == m_peers.end() || p->second->pause != Pause::Rate)
                    return;
                p->second->pause = Pause::None;
                p->second->idle.start();
                readPeer(s);
            });
            break;
        }
        if (peer.queueFull() || s->bytesAvailable() == 0)
            break;
        if (!peer.decoder.feed(s->read(kReadPiece)))
            return drop(s, QStringLiteral("bad frame"));
    }
    if (took)
        peer.idle.start(); // a complete frame: not idle (a trickle of bytes is not enough)
    // A frame begun and not finished: the sweep drops it if it takes too long.
    if (peer.decoder.buffered() == 0 || peer.pause != Pause::None)
        peer.partialSince = 0;
    else if (peer.partialSince == 0 || took)
        peer.partialSince = now;
    if (!peer.pending.empty())
        scheduleFlush();
}

void PaymentServer::onWritten(QSslSocket *s)
{
    auto it = m_peers.find(s);
    if (it == m_peers.end())
        return;
    Peer &peer = *it->second;
    peer.lastWriteProgress = nowMs();
    if (peer.pause == Pause::Output && unsent(s, peer) <= m_limits.maxUnsentBytes / 2) {
        peer.pause = Pause::None;
        peer.idle.start();
        scheduleFlush();
        readPeer(s);
    }
}

void PaymentServer::sweep()
{
    const qint64 now = nowMs();
    std::vector<std::pair<QSslSocket *, QString>> toDrop;
    std::vector<QSslSocket *> toRead;
    for (auto &[s, peer] : m_peers) {
        if (peer->pause == Pause::None && peer->partialSince != 0 && now - peer->partialSince > m_limits.frameTimeoutMs)
            toDrop.emplace_back(s, QStringLiteral("too slow (a frame took more than %1 ms)").arg(m_limits.frameTimeoutMs));
        else if (peer->pause == Pause::Output && now - peer->lastWriteProgress > m_limits.idleTimeoutMs)
            toDrop.emplace_back(s, QStringLiteral("not reading"));
        else if (peer->pause == Pause::None && (s->bytesAvailable() > 0 || peer->decoder.buffered() > 0))
            toRead.push_back(s);
    }
    for (const auto &[s, why] : toDrop)
        drop(s, why);
    for (QSslSocket *s : toRead)
        readPeer(s);
    // Proposals made over the socket expire unfunded: a stranger's proposals do
    // not pile up in the store. (Proposals a user accepted from a file or a QR
    // code are the user's business: the payer may take its time to fund.)
    const qint64 purgeEveryMs = std::clamp<qint64>(qint64(m_limits.proposalTtlSeconds) * 1000 / 2, 200, 60000);
    if (now - m_lastPurge >= purgeEveryMs) {
        m_lastPurge = now;
        int removed = 0;
        for (auto it = m_socketProposals.begin(); it != m_socketProposals.end();) {
            if (now - it->second < qint64(m_limits.proposalTtlSeconds) * 1000) {
                ++it;
                continue;
            }
            auto gone = m_engine.store().removeUnfundedProposal(it->first);
            removed += gone && *gone ? 1 : 0;
            it = m_socketProposals.erase(it); // forgotten, or funded meanwhile
        }
        if (removed > 0) {
            Q_EMIT log(QStringLiteral("forgot %1 proposal(s) never funded").arg(removed));
            Q_EMIT channelsChanged();
        }
    }
}

namespace {

/// The payment a frame carries, if it carries one.
std::optional<channel::PaymentMsg> paymentIn(const std::pair<FrameKind, QByteArray> &frame)
{
    if (frame.first != FrameKind::Message)
        return std::nullopt;
    auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(frame.second.constData()),
                                             static_cast<size_t>(frame.second.size())));
    if (!m || !std::holds_alternative<channel::PaymentMsg>(*m))
        return std::nullopt;
    return std::get<channel::PaymentMsg>(*m);
}

} // namespace

std::vector<channel::PaymentMsg> PaymentServer::takePayments(Peer &peer)
{
    std::vector<channel::PaymentMsg> run;
    while (!peer.pending.empty()) {
        auto payment = paymentIn(peer.pending.front());
        if (!payment)
            break;
        run.push_back(std::move(*payment));
        peer.pop();
    }
    return run;
}

void PaymentServer::gatePayments(QSslSocket *s, const std::vector<channel::PaymentMsg> &run, std::vector<channel::PaymentMsg> &batch,
                                 std::vector<AnswerSlot> &slots)
{
    const Peer &peer = *m_peers.at(s);
    // Per channel, for this run: its record, the next sequence expected, and how
    // many out-of-order payments were let through (the engine answers one with
    // its newest state; more are refused here, before any signature work).
    struct Gate {
        std::optional<ErrorCode> refusal;
        uint64_t next = 0;
        uint64_t newest = 0;
        int ahead = 0;
        int repeats = 0;
    };
    std::map<OutPoint, Gate> gates;
    for (const channel::PaymentMsg &m : run) {
        auto g = gates.find(m.channel);
        if (g == gates.end()) {
            Gate gate;
            if (!peer.bound.count(m.channel)) {
                gate.refusal = ErrorCode::ChannelNotBound;
            } else if (auto rec = m_engine.store().find(m.channel); !rec || !*rec || (*rec)->role != store::ChannelRole::Payee) {
                gate.refusal = ErrorCode::ChannelUnknown;
            } else if (isFinal((*rec)->state) || (*rec)->state == ChannelState::Proposed) {
                gate.refusal = ErrorCode::ChannelNotOpen;
            } else if (m_tipHeight >= 0 &&
                       static_cast<int64_t>(m_tipHeight) >= static_cast<int64_t>((*rec)->params.expiry) - (*rec)->safetyMargin) {
                gate.refusal = ErrorCode::ChannelExpiring;
            } else {
                gate.newest = (*rec)->seq;
                gate.next = (*rec)->seq + 1;
            }
            g = gates.emplace(m.channel, gate).first;
        }
        Gate &gate = g->second;
        std::optional<ErrorCode> refusal = gate.refusal;
        if (!refusal) {
            if (m.sequence == gate.next) {
                ++gate.next;
            } else if (m.sequence > gate.next) {
                if (gate.ahead++ > 0)
                    refusal = ErrorCode::PaymentSequence;
            } else if (m.sequence == 0 || gate.repeats++ >= kMaxRepeatsPerPass) {
                refusal = ErrorCode::PaymentSequence;
            }
        }
        if (refusal) {
            slots.push_back(AnswerSlot{s, errorFrame(m.channel, *refusal), 0});
            continue;
        }
        slots.push_back(AnswerSlot{s, {}, batch.size()});
        batch.push_back(m);
    }
}

void PaymentServer::answerPayments(const std::vector<channel::PaymentMsg> &batch, const std::vector<AnswerSlot> &slots)
{
    std::vector<channel::Message> answers;
    if (!batch.empty()) {
        m_paymentsChecked += static_cast<qint64>(batch.size());
        answers = m_engine.receivePayments(batch);
        Q_EMIT channelsChanged();
    }
    for (const AnswerSlot &slot : slots) {
        if (!m_peers.count(slot.socket))
            continue; // dropped meanwhile
        if (!slot.refusal.isEmpty())
            slot.socket->write(slot.refusal);
        else if (slot.batchIndex < answers.size())
            slot.socket->write(messageFrame(answers[slot.batchIndex]));
    }
}

void PaymentServer::flush()
{
    m_flushQueued = false;
    // 1. The leading payments of every peer, across peers, as one batch: stored in
    //    one synced transaction before any of their acks leaves. Refusals by the
    //    cheap checks are answered in order with the acks.
    {
        std::vector<channel::PaymentMsg> batch;
        std::vector<AnswerSlot> slots;
        for (auto &[s, peer] : m_peers)
            if (peer->pause != Pause::Output)
                gatePayments(s, takePayments(*peer), batch, slots);
        answerPayments(batch, slots);
    }
    // 2. What follows, peer by peer and in order (a chunk request after its payment
    //    is answered only once that payment is stored, above), while the peer's
    //    unsent bytes stay under the limit.
    std::vector<QSslSocket *> busy;
    for (auto &[s, peer] : m_peers)
        if (!peer->pending.empty() && peer->pause != Pause::Output)
            busy.push_back(s);
    for (QSslSocket *s : busy) {
        while (true) {
            auto it = m_peers.find(s);
            if (it == m_peers.end() || it->second->pending.empty())
                break;
            Peer &peer = *it->second;
            if (unsent(s, peer) > m_limits.maxUnsentBytes) {
                // Back-pressure: its requests wait (and it is not read) until it reads.
                peer.pause = Pause::Output;
                peer.idle.stop();
                peer.partialSince = 0;
                break;
            }
            const std::vector<channel::PaymentMsg> run = takePayments(peer);
            if (!run.empty()) {
                std::vector<channel::PaymentMsg> batch;
                std::vector<AnswerSlot> slots;
                gatePayments(s, run, batch, slots);
                answerPayments(batch, slots);
                continue;
            }
            const auto frame = peer.pop();
            std::vector<QByteArray> out;
            handleFrame(s, frame.first, frame.second, out);
            if (m_peers.count(s))
                for (const auto &f : out)
                    s->write(f);
        }
    }
    // Peers whose queue emptied read again.
    std::vector<QSslSocket *> readable;
    for (auto &[s, peer] : m_peers)
        if (peer->pause == Pause::None && peer->pending.empty() && (s->bytesAvailable() > 0 || peer->decoder.buffered() > 0))
            readable.push_back(s);
    for (QSslSocket *s : readable)
        readPeer(s);
}

void PaymentServer::handleFrame(QSslSocket *s, FrameKind kind, const QByteArray &payload, std::vector<QByteArray> &out)
{
    switch (kind) {
    case FrameKind::Message: {
        auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(payload.constData()), static_cast<size_t>(payload.size())));
        if (!m)
            return drop(s, QStringLiteral("bad message"));
        if (std::holds_alternative<channel::ProposalMsg>(*m) && ++m_peers.at(s)->proposals > m_limits.maxProposalsPerConnection)
            return drop(s, QStringLiteral("too many proposals"));
        // A message that names an existing channel acts on it only from a connection bound to it.
        if (const auto *close = std::get_if<channel::CloseMsg>(&*m); close && !m_peers.at(s)->bound.count(close->channel)) {
            out.push_back(errorFrame(close->channel, ErrorCode::ChannelNotBound));
            return;
        }
        auto r = m_engine.receive(*m);
        if (!r) {
            // A payment out of sequence gets the catch-up state: this connection is bound to the channel.
            out.push_back(messageFrame(m_engine.errorFor(*m, r.error())));
            return;
        }
        if (const auto *proposal = std::get_if<channel::ProposalMsg>(&*m))
            m_socketProposals.emplace(proposal->funding, nowMs());
        for (const auto &a : *r)
            out.push_back(messageFrame(a));
        Q_EMIT channelsChanged();
        return;
    }
    case FrameKind::Catalog: {
        if (!m_provider)
            return;
        const int page = payload.isEmpty() ? 0 : QJsonDocument::fromJson(payload).object().value(QLatin1String("page")).toInt(-1);
        out.push_back(encodeFrame(FrameKind::Catalog, QJsonDocument(m_provider->catalogPage(page)).toJson(QJsonDocument::Compact)));
        return;
    }
    case FrameKind::Bind:
        return handleBind(s, payload, out);
    case FrameKind::Purchase:
        return handlePurchase(s, payload, out);
    case FrameKind::Chunk:
        return handleChunk(s, payload, out);
    case FrameKind::Hashes:
        return handleHashes(s, payload, out);
    case FrameKind::Challenge:
        return drop(s, QStringLiteral("a challenge is the server's to send"));
    case FrameKind::Bye:
        return drop(s, QString());
    }
}

void PaymentServer::handleBind(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out)
{
    auto req = BindRequest::parse(payload);
    if (!req)
        return drop(s, QStringLiteral("bad bind request"));
    auto rec = m_engine.store().find(req->channel);
    if (!rec || !*rec || (*rec)->role != store::ChannelRole::Payee) {
        out.push_back(errorFrame(req->channel, ErrorCode::ChannelUnknown));
        return;
    }
    if (isFinal((*rec)->state)) {
        out.push_back(errorFrame(req->channel, ErrorCode::ChannelNotOpen, std::string(store::stateName((*rec)->state))));
        return;
    }
    Peer &peer = *m_peers.at(s);
    auto payer = PublicKey::parse((*rec)->params.payerPub);
    if (!payer || !payer->verifyCompact(bindDigest(peer.challenge, req->channel, m_identity.fingerprint), req->signature)) {
        Q_EMIT log(QStringLiteral("refused to bind %1: not the payer's signature").arg(QString::fromStdString(req->channel.toString())));
        out.push_back(errorFrame(req->channel, ErrorCode::BindBadSignature));
        return;
    }
    peer.bound.insert(req->channel);
    out.push_back(encodeFrame(FrameKind::Bind, serializeChannelId(req->channel)));
}

void PaymentServer::handlePurchase(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out)
{
    const QJsonObject req = QJsonDocument::fromJson(payload).object();
    auto id = OutPoint::parse(req.value(QLatin1String("channel")).toString().toStdString());
    if (!id)
        return drop(s, QStringLiteral("bad purchase request"));
    Peer &peer = *m_peers.at(s);
    if (!peer.bound.count(*id)) {
        out.push_back(errorFrame(*id, ErrorCode::ChannelNotBound));
        return;
    }
    const QString name = req.value(QLatin1String("file")).toString();
    auto entry = m_provider ? m_provider->entry(name) : std::nullopt;
    if (!entry) {
        out.push_back(errorFrame(*id, ErrorCode::NotFound, "no file " + name.toStdString()));
        return;
    }
    if (!m_purchases) {
        out.push_back(errorFrame(*id, ErrorCode::StorageFailed, "no purchase ledger"));
        return;
    }
    auto rec = m_engine.store().find(*id);
    if (!rec || !*rec || isFinal((*rec)->state)) {
        out.push_back(errorFrame(*id, ErrorCode::ChannelNotOpen));
        return;
    }
    // One open purchase per channel: another live connection holding it keeps it.
    if (auto h = m_purchaseHolders.find(*id); h != m_purchaseHolders.end() && h->second != s) {
        out.push_back(errorFrame(*id, ErrorCode::PurchaseBusy));
        return;
    }
    auto open = m_purchases->openPurchase(*id);
    if (!open) {
        out.push_back(errorFrame(*id, open.error().code));
        return;
    }
    store::Purchase purchase;
    bool resumed = false;
    if (*open && (*open)->file == entry->name.toStdString() && (*open)->sha256 == entry->sha256.toStdString() &&
        (*open)->chunks == entry->chunks() && (*open)->pricePerChunk == entry->pricePerChunk) {
        purchase = **open; // the same file again while its purchase is open: resumed at its price
        resumed = true;
    } else if (req.value(QLatin1String("resume_only")).toBool()) {
        out.push_back(errorFrame(*id, ErrorCode::NoPurchase, "no open purchase of " + name.toStdString() + " to resume"));
        return;
    } else {
        auto begun = m_purchases->begin(*id, entry->name.toStdString(), entry->sha256.toStdString(), entry->chunks(),
                                        entry->pricePerChunk, (*rec)->paid);
        if (!begun) {
            out.push_back(errorFrame(*id, begun.error().code));
            return;
        }
        purchase = *begun;
    }
    peer.purchases[*id] = purchase;
    m_purchaseHolders[*id] = s;
    Q_EMIT log(QStringLiteral("%1 purchase %2 of %3 on %4 from %5 sat (%6 sat)")
                   .arg(resumed ? QStringLiteral("resumed") : QStringLiteral("began"))
                   .arg(purchase.id)
                   .arg(name, QString::fromStdString(id->toString()))
                   .arg(purchase.start)
                   .arg(purchase.end() - purchase.start));
    const QJsonObject answer{{QStringLiteral("id"), static_cast<qint64>(purchase.id)},
                             {QStringLiteral("channel"), QString::fromStdString(id->toString())},
                             {QStringLiteral("file"), name},
                             {QStringLiteral("sha256"), entry->sha256},
                             {QStringLiteral("chunks"), entry->chunks()},
                             {QStringLiteral("price_per_chunk_sat"), entry->pricePerChunk},
                             {QStringLiteral("start_sat"), static_cast<qint64>(purchase.start)},
                             {QStringLiteral("end_sat"), static_cast<qint64>(purchase.end())},
                             {QStringLiteral("resumed"), resumed}};
    out.push_back(encodeFrame(FrameKind::Purchase, QJsonDocument(answer).toJson(QJsonDocument::Compact)));
}

void PaymentServer::handleHashes(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out)
{
    const QJsonObject req = QJsonDocument::fromJson(payload).object();
    auto entry = m_provider ? m_provider->entry(req.value(QLatin1String("file")).toString()) : std::nullopt;
    const qint64 from = req.value(QLatin1String("from")).toInteger(-1);
    if (!entry || from < 0 || (from >= entry->chunks() && from != 0))
        return drop(s, QStringLiteral("bad hashes request"));
    const qint64 n = std::min<qint64>(kHashesPerFrame, entry->chunks() - from);
    QByteArray p(8, '\0');
    const qint64 total = entry->chunks();
    for (int k = 0; k < 4; ++k) {
        p[k] = static_cast<char>(from >> (8 * (3 - k)));
        p[4 + k] = static_cast<char>(total >> (8 * (3 - k)));
    }
    for (qint64 i = from; i < from + n; ++i)
        p.append(entry->chunkHashes[i]);
    out.push_back(encodeFrame(FrameKind::Hashes, p));
}

void PaymentServer::handleChunk(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out)
{
    const QJsonObject req = QJsonDocument::fromJson(payload).object();
    const QString name = req.value(QLatin1String("file")).toString();
    const qint64 index = req.value(QLatin1String("index")).toInteger(-1);
    auto entry = m_provider ? m_provider->entry(name) : std::nullopt;
    auto id = OutPoint::parse(req.value(QLatin1String("channel")).toString().toStdString());
    if (!entry || !id || index < 0 || index >= entry->chunks())
        return drop(s, QStringLiteral("bad chunk request"));
    Peer &peer = *m_peers.at(s);
    if (!peer.bound.count(*id)) {
        out.push_back(errorFrame(*id, ErrorCode::ChannelNotBound));
        return;
    }
    auto p = peer.purchases.find(*id);
    if (p == peer.purchases.end() || p->second.file != name.toStdString()) {
        out.push_back(errorFrame(*id, ErrorCode::NoPurchase, name.toStdString()));
        return;
    }
    const store::Purchase &purchase = p->second;
    // Only what is paid for, within this purchase, durably stored, on an open channel leaves.
    auto rec = m_engine.store().find(*id);
    if (!rec || !*rec || (*rec)->role != store::ChannelRole::Payee || (*rec)->state != ChannelState::Open) {
        out.push_back(errorFrame(*id, ErrorCode::ChannelNotOpen));
        return;
    }
    if ((*rec)->paid < purchase.dueFor(index)) {
        out.push_back(errorFrame(*id, ErrorCode::ChunkNotPaid,
                                 "chunk " + std::to_string(index) + " needs " + std::to_string(purchase.dueFor(index)) + " sat acknowledged"));
        return;
    }
    auto data = m_provider->chunk(name, index);
    if (!data)
        return drop(s, QStringLiteral("cannot read the file"));
    if (index == purchase.chunks - 1) {
        // Its last chunk leaves: the purchase ends here, the next one starts from its end.
        if (m_purchases)
            (void)m_purchases->finish(purchase.id);
        m_purchaseHolders.erase(*id);
        peer.purchases.erase(p);
    }
    // The chunk in frames of at most 60 KiB: index, offset, bytes.
    const qsizetype piece = 60 * 1024;
    std::vector<QByteArray> chunkFrames;
    qint64 bytes = 0;
    for (qsizetype off = 0; off < data->size() || (off == 0 && data->isEmpty()); off += piece) {
        QByteArray f(8, '\0');
        for (int k = 0; k < 4; ++k) {
            f[k] = static_cast<char>(index >> (8 * (3 - k)));
            f[4 + k] = static_cast<char>(off >> (8 * (3 - k)));
        }
        f.append(data->mid(off, piece));
        chunkFrames.push_back(encodeFrame(FrameKind::Chunk, f));
        bytes += chunkFrames.back().size();
        if (data->isEmpty())
            break;
    }
    ++m_chunksServed;
    if (m_limits.chunkDelayMs <= 0) {
        out.insert(out.end(), chunkFrames.begin(), chunkFrames.end());
        return;
    }
    const qint64 now = nowMs();
    peer.nextChunkAt = std::max(now, peer.nextChunkAt) + m_limits.chunkDelayMs;
    peer.delayedBytes += bytes;
    QTimer::singleShot(static_cast<int>(peer.nextChunkAt - now), s, [this, s, chunkFrames, bytes] {
        auto it = m_peers.find(s);
        if (it == m_peers.end())
            return;
        it->second->delayedBytes -= bytes;
        for (const auto &f : chunkFrames)
            s->write(f);
    });
}

} // namespace spillway::transport
