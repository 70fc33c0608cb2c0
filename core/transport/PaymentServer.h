#pragma once
// The payee's socket: TLS 1.3 with its pinned self-signed identity, framed
// protocol messages, and (with a FileProvider) paid-for data (protocol.md
// "Paid data over a socket", docs/protocol.md "Socket frames"):
// - a connection draws on a channel only after signing this connection's
//   random challenge with the channel's payer key (ChannelBinding.h);
// - files are sold as purchases, each priced from where the channel's
//   previous one ended (store::PurchaseStore), one open purchase per channel;
// - a chunk leaves only once the payment covering it is durably stored.
// Bounded: a cap on connections; per connection, a frame rate above which it
// is not read until the next second (push back, never drop an honest payer),
// a limit on unsent bytes above which its requests wait (back-pressure),
// handshake, idle, slow-frame and stalled-reader time-outs; cheap checks
// (binding, channel state, sequence, expiry) before any signature work; a bad
// frame closes that connection only.

#include "FileProvider.h"
#include "Framing.h"
#include "TlsIdentity.h"
#include "channel/Messages.h"
#include "store/ChannelStore.h"
#include "store/PurchaseStore.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <map>
#include <optional>

class QSslServer;
class QSslSocket;
class QTcpSocket;
class QTimer;

namespace spillway::channel {
class ChannelEngine;
}

namespace spillway::transport {

struct ServerLimits {
    int maxConnections = 256;
    int maxFramesPerSecond = 20000;   ///< above it a connection is not read until the next second
    qint64 maxUnsentBytes = 4 << 20;  ///< above it a connection's requests wait until it reads
    int handshakeTimeoutMs = 10000;
    int idleTimeoutMs = 120000;       ///< no complete frame for this long: dropped
    int frameTimeoutMs = 30000;       ///< a frame that takes longer to arrive (a trickle): dropped
    int chunkDelayMs = 0; ///< a slow provider, for demos and tests (0: as fast as it goes)
    int proposalTtlSeconds = 3600;    ///< a proposal made over the socket and not funded within this long is forgotten
    int maxProposalsPerConnection = 16; ///< more on one connection: dropped
};

class PaymentServer : public QObject {
    Q_OBJECT
public:
    PaymentServer(channel::ChannelEngine &engine, TlsIdentity identity, const Bytes &offerMessage,
                  FileProvider *provider = nullptr, ServerLimits limits = {}, QObject *parent = nullptr);
    ~PaymentServer() override;

    /// The offer sent to every new connection (it names the port, so it comes after listen()).
    void setOffer(const Bytes &offerMessage)
    {
        m_offer = QByteArray(reinterpret_cast<const char *>(offerMessage.data()), static_cast<qsizetype>(offerMessage.size()));
    }
    /// Listens on host:port (port 0 picks a free one); returns the port.
    Result<quint16> listen(const QString &host, quint16 port);
    /// The chain tip, for the expiry check done before any signature work
    /// (the engine checks it again); -1 while unknown.
    void setTipHeight(int height) { m_tipHeight = height; }
    int connectionCount() const { return static_cast<int>(m_peers.size()); }
    qint64 chunksServed() const { return m_chunksServed; }
    /// Payments handed to the engine for its checks (signature work): the ones
    /// the cheap checks let through.
    qint64 paymentsChecked() const { return m_paymentsChecked; }

Q_SIGNALS:
    void log(const QString &line);
    /// Channel state changed (payments stored, a channel opened or closed).
    void channelsChanged();

private:
    struct Peer;
    enum class Pause { None, Rate, Output };
    void accept(QTcpSocket *socket);
    /// Reads what the peer sent, within its frame rate, unless it is paused.
    void readPeer(QSslSocket *s);
    void scheduleFlush();
    /// Handles what every peer sent since the last pass (see readPeer).
    void flush();
    /// Periodic: slow frames, stalled readers, reads resumed.
    void sweep();
    void onWritten(QSslSocket *s);
    qint64 unsent(QSslSocket *s, const Peer &peer) const;
    /// The leading run of payments in the peer's queue, taken off it.
    static std::vector<channel::PaymentMsg> takePayments(Peer &peer);
    /// Where the answer to one payment comes from: a refusal by the cheap checks, or the engine.
    struct AnswerSlot {
        QSslSocket *socket;
        QByteArray refusal;  ///< empty: the engine's answer at batchIndex
        size_t batchIndex;
    };
    /// The cheap checks (binding, channel state, sequence, expiry): payments that
    /// pass go to `batch`; `slots` says, in order, where each answer comes from.
    void gatePayments(QSslSocket *s, const std::vector<channel::PaymentMsg> &run, std::vector<channel::PaymentMsg> &batch,
                      std::vector<AnswerSlot> &slots);
    /// Checks and stores `batch` (one synced commit), then writes every answer in order.
    void answerPayments(const std::vector<channel::PaymentMsg> &batch, const std::vector<AnswerSlot> &slots);
    void handleFrame(QSslSocket *s, FrameKind kind, const QByteArray &payload, std::vector<QByteArray> &out);
    void handleBind(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out);
    void handlePurchase(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out);
    void handleChunk(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out);
    void handleHashes(QSslSocket *s, const QByteArray &payload, std::vector<QByteArray> &out);
    void drop(QSslSocket *s, const QString &why);

    channel::ChannelEngine &m_engine;
    TlsIdentity m_identity;
    QByteArray m_offer;
    FileProvider *m_provider;
    ServerLimits m_limits;
    QSslServer *m_server = nullptr;
    QTimer *m_sweep = nullptr;
    std::map<QSslSocket *, std::unique_ptr<Peer>> m_peers;
    std::unique_ptr<store::PurchaseStore> m_purchases; ///< with a provider
    std::map<bitcoin::OutPoint, QSslSocket *> m_purchaseHolders; ///< the live connection holding a channel's open purchase
    qint64 m_chunksServed = 0;
    qint64 m_paymentsChecked = 0;
    int m_tipHeight = -1;
    qint64 m_lastPurge = 0;
    std::map<bitcoin::OutPoint, qint64> m_socketProposals; ///< proposals made over this server, and when
    bool m_flushQueued = false;
};

} // namespace spillway::transport
