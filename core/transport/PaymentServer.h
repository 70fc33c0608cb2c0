#pragma once
// The payee's socket: TLS 1.3 with its pinned self-signed identity, framed
// protocol messages, and (with a FileProvider) paid-for data: a chunk leaves
// only once the payment covering it is durably stored. Bounded: a cap on
// connections and on frames per second per peer, handshake and idle time-outs;
// a bad frame closes that connection only.

#include "FileProvider.h"
#include "Framing.h"
#include "TlsIdentity.h"
#include "channel/Messages.h"

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
    int maxFramesPerSecond = 20000;
    int handshakeTimeoutMs = 10000;
    int idleTimeoutMs = 120000;
    int chunkDelayMs = 0; ///< a slow provider, for demos and tests (0: as fast as it goes)
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
    int connectionCount() const { return static_cast<int>(m_peers.size()); }
    qint64 chunksServed() const { return m_chunksServed; }

Q_SIGNALS:
    void log(const QString &line);
    /// Channel state changed (payments stored, a channel opened or closed).
    void channelsChanged();

private:
    struct Peer;
    void accept(QTcpSocket *socket);
    void onReadable(QSslSocket *s);
    /// Handles what every peer sent since the last pass (see onReadable).
    void flush();
    /// The leading run of payments in `pending`, taken off it.
    static std::vector<channel::PaymentMsg> takePayments(std::deque<std::pair<FrameKind, QByteArray>> &pending);
    void handleFrame(QSslSocket *s, FrameKind kind, const QByteArray &payload, std::vector<QByteArray> &out);
    void drop(QSslSocket *s, const QString &why);

    channel::ChannelEngine &m_engine;
    TlsIdentity m_identity;
    QByteArray m_offer;
    FileProvider *m_provider;
    ServerLimits m_limits;
    QSslServer *m_server = nullptr;
    std::map<QSslSocket *, std::unique_ptr<Peer>> m_peers;
    qint64 m_chunksServed = 0;
    bool m_flushQueued = false;
};

} // namespace spillway::transport
