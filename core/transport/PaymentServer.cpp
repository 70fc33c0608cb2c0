#include "PaymentServer.h"

#include <deque>

#include "channel/ChannelEngine.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace spillway::transport {

using namespace bitcoin;

namespace {
QByteArray messageFrame(const channel::Message &m)
{
    const Bytes b = channel::encodeMessage(m);
    return encodeFrame(FrameKind::Message, QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
}
} // namespace

struct PaymentServer::Peer {
    FrameDecoder decoder;
    QTimer idle;
    qint64 windowStart = 0;
    int framesInWindow = 0;
    qint64 nextChunkAt = 0; ///< with chunkDelayMs: when the next chunk may leave
    std::deque<std::pair<FrameKind, QByteArray>> pending; ///< decoded, waiting for the next flush
};

PaymentServer::PaymentServer(channel::ChannelEngine &engine, TlsIdentity identity, const Bytes &offerMessage,
                             FileProvider *provider, ServerLimits limits, QObject *parent)
    : QObject(parent), m_engine(engine), m_identity(std::move(identity)),
      m_offer(reinterpret_cast<const char *>(offerMessage.data()), static_cast<qsizetype>(offerMessage.size())),
      m_provider(provider), m_limits(limits)
{
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
    m_peers[s] = std::move(peer);
    connect(s, &QSslSocket::readyRead, this, [this, s] { onReadable(s); });
    connect(s, &QSslSocket::disconnected, this, [this, s] { drop(s, QString()); });
    // The offer first: the payer checks it against the key it pinned.
    s->write(encodeFrame(FrameKind::Message, m_offer));
}

void PaymentServer::drop(QSslSocket *s, const QString &why)
{
    auto it = m_peers.find(s);
    if (it == m_peers.end())
        return;
    if (!why.isEmpty())
        Q_EMIT log(QStringLiteral("closing a connection: %1").arg(why));
    m_peers.erase(it);
    s->abort();
    s->deleteLater();
}

void PaymentServer::onReadable(QSslSocket *s)
{
    auto it = m_peers.find(s);
    if (it == m_peers.end())
        return;
    Peer &peer = *it->second;
    peer.idle.start();
    if (!peer.decoder.feed(s->readAll()))
        return drop(s, QStringLiteral("bad frame"));
    // Pipelining: everything that arrived together is handled together, and the
    // payments among it are stored in one synced transaction before any ack leaves.
    std::vector<std::pair<FrameKind, QByteArray>> frames;
    while (auto f = peer.decoder.next())
        frames.push_back(*f);
    if (peer.decoder.failed())
        return drop(s, QStringLiteral("bad frame"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - peer.windowStart >= 1000) {
        peer.windowStart = now;
        peer.framesInWindow = 0;
    }
    peer.framesInWindow += static_cast<int>(frames.size());
    if (peer.framesInWindow > m_limits.maxFramesPerSecond)
        return drop(s, QStringLiteral("too many frames"));

    for (auto &f : frames)
        peer.pending.push_back(std::move(f));
    // Frames from every peer that is readable now are handled together in the
    // next pass of the event loop: one synced commit for all their payments.
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &PaymentServer::flush, Qt::QueuedConnection);
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

std::vector<channel::PaymentMsg> PaymentServer::takePayments(std::deque<std::pair<FrameKind, QByteArray>> &pending)
{
    std::vector<channel::PaymentMsg> run;
    while (!pending.empty()) {
        auto payment = paymentIn(pending.front());
        if (!payment)
            break;
        run.push_back(std::move(*payment));
        pending.pop_front();
    }
    return run;
}

void PaymentServer::flush()
{
    m_flushQueued = false;
    std::map<QSslSocket *, std::vector<QByteArray>> out;
    // 1. The leading payments of every peer, across peers, as one batch: stored in
    //    one synced transaction before any of their acks leaves.
    std::vector<channel::PaymentMsg> batch;
    std::vector<QSslSocket *> owners;
    for (auto &[s, peer] : m_peers) {
        for (auto &payment : takePayments(peer->pending)) {
            batch.push_back(std::move(payment));
            owners.push_back(s);
        }
    }
    if (!batch.empty()) {
        const auto answers = m_engine.receivePayments(batch);
        for (size_t k = 0; k < answers.size() && k < owners.size(); ++k)
            out[owners[k]].push_back(messageFrame(answers[k]));
        Q_EMIT channelsChanged();
    }
    // 2. What follows, peer by peer and in order (a chunk request after its payment
    //    is answered only once that payment is stored, above).
    std::vector<QSslSocket *> busy;
    for (auto &[s, peer] : m_peers)
        if (!peer->pending.empty())
            busy.push_back(s);
    for (QSslSocket *s : busy) {
        while (true) {
            auto it = m_peers.find(s);
            if (it == m_peers.end() || it->second->pending.empty())
                break;
            auto &pending = it->second->pending;
            const std::vector<channel::PaymentMsg> run = takePayments(pending);
            if (!run.empty()) {
                for (const auto &a : m_engine.receivePayments(run))
                    out[s].push_back(messageFrame(a));
                Q_EMIT channelsChanged();
                continue;
            }
            const auto frame = std::move(pending.front());
            pending.pop_front();
            handleFrame(s, frame.first, frame.second, out[s]);
        }
    }
    for (auto &[s, frames] : out) {
        if (m_peers.find(s) == m_peers.end())
            continue; // dropped meanwhile
        for (const auto &f : frames)
            s->write(f);
    }
}

void PaymentServer::handleFrame(QSslSocket *s, FrameKind kind, const QByteArray &payload, std::vector<QByteArray> &out)
{
    auto sendMessage = [&out](const channel::Message &m) { out.push_back(messageFrame(m)); };
    switch (kind) {
    case FrameKind::Message: {
        auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(payload.constData()), static_cast<size_t>(payload.size())));
        if (!m)
            return drop(s, QStringLiteral("bad message"));
        auto r = m_engine.receive(*m);
        if (!r) {
            sendMessage(m_engine.errorFor(*m, r.error()));
            return;
        }
        for (const auto &a : *r)
            sendMessage(a);
        Q_EMIT channelsChanged();
        return;
    }
    case FrameKind::Catalog:
        if (m_provider)
            out.push_back(encodeFrame(FrameKind::Catalog, QJsonDocument(FileProvider::toJson(m_provider->catalog())).toJson(QJsonDocument::Compact)));
        return;
    case FrameKind::Chunk: {
        const QJsonObject req = QJsonDocument::fromJson(payload).object();
        const QString name = req.value(QLatin1String("file")).toString();
        const qint64 index = req.value(QLatin1String("index")).toInteger(-1);
        auto entry = m_provider ? m_provider->entry(name) : std::nullopt;
        auto id = OutPoint::parse(req.value(QLatin1String("channel")).toString().toStdString());
        if (!entry || !id || index < 0 || index >= entry->chunks())
            return drop(s, QStringLiteral("bad chunk request"));
        // Only what is paid for and durably stored leaves.
        auto rec = m_engine.store().find(*id);
        if (!rec || !*rec || (*rec)->role != store::ChannelRole::Payee || (*rec)->paid < entry->priceThrough(index)) {
            channel::ErrorMsg e;
            e.channel = *id;
            e.code = static_cast<uint16_t>(ErrorCode::PaymentNotIncreasing);
            e.text = "chunk " + std::to_string(index) + " is not paid for yet";
            sendMessage(e);
            return;
        }
        auto data = m_provider->chunk(name, index);
        if (!data)
            return drop(s, QStringLiteral("cannot read the file"));
        // The chunk in frames of at most 60 KiB: index, offset, bytes.
        const qsizetype piece = 60 * 1024;
        std::vector<QByteArray> chunkFrames;
        for (qsizetype off = 0; off < data->size() || (off == 0 && data->isEmpty()); off += piece) {
            QByteArray p(8, '\0');
            for (int k = 0; k < 4; ++k) {
                p[k] = static_cast<char>(index >> (8 * (3 - k)));
                p[4 + k] = static_cast<char>(off >> (8 * (3 - k)));
            }
            p.append(data->mid(off, piece));
            chunkFrames.push_back(encodeFrame(FrameKind::Chunk, p));
            if (data->isEmpty())
                break;
        }
        ++m_chunksServed;
        if (m_limits.chunkDelayMs <= 0) {
            out.insert(out.end(), chunkFrames.begin(), chunkFrames.end());
            return;
        }
        Peer &peer = *m_peers[s];
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        peer.nextChunkAt = std::max(now, peer.nextChunkAt) + m_limits.chunkDelayMs;
        QTimer::singleShot(static_cast<int>(peer.nextChunkAt - now), s, [s, chunkFrames] {
            for (const auto &f : chunkFrames)
                s->write(f);
        });
        return;
    }
    case FrameKind::Bye:
        return drop(s, QString());
    }
}

} // namespace spillway::transport
