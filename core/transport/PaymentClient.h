#pragma once
// The payer's socket: connects to the endpoint in an offer over TLS 1.3,
// refuses any key but the one the offer pins, opens a channel over it and buys
// a provider's file chunk by chunk, paying for each before (or as) it arrives.
// Blocking: for the CLI and worker threads.

#include "FileProvider.h"
#include "Framing.h"
#include "channel/ChannelEngine.h"

#include <QSslSocket>

#include <atomic>
#include <functional>

namespace spillway::transport {

struct DownloadProgress {
    qint64 chunksDone = 0;
    qint64 chunks = 0;
    qint64 bytes = 0;
    qint64 paidSat = 0;
    qint64 maxChunksPaidAhead = 0; ///< the most chunks ever paid for but not yet on disk
};

class PaymentClient {
public:
    explicit PaymentClient(channel::ChannelEngine &engine) : m_engine(engine) {}

    /// Connects and checks the server's key against the offer's fingerprint
    /// (TLS_KEY_MISMATCH otherwise) and the offer it sends against ours.
    Status connectTo(const channel::OfferMsg &offer, int timeoutMs = 15000);
    Result<QList<CatalogEntry>> catalog();
    /// A channel with this offer's payee that can pay for `entry` (an open one is
    /// reused, so a download resumes on the same channel), else a new one opened
    /// over the socket with capacity for the whole file.
    Result<bitcoin::OutPoint> channelFor(const channel::OfferMsg &offer, const CatalogEntry &entry, uint32_t expiryBlocks = 144,
                                         std::optional<int64_t> capacity = std::nullopt);
    /// Opens a channel over the socket; returns its id.
    Result<bitcoin::OutPoint> openChannel(const channel::OfferMsg &offer, const channel::OpenTerms &terms);
    /// Buys `entry` into `outPath`, resuming a partial file; pays at most `lead`
    /// chunks ahead of what has arrived. Checks the SHA-256 at the end.
    Status download(const bitcoin::OutPoint &channel, const CatalogEntry &entry, const QString &outPath, int lead,
                    const std::function<void(const DownloadProgress &)> &progress = {});
    void close();
    /// Asks a running download to stop after the chunk in hand (pause); thread-safe.
    void requestStop() { m_stop = true; }

private:
    Status send(FrameKind kind, const QByteArray &payload);
    Status sendMessage(const channel::Message &m);
    Result<std::pair<FrameKind, QByteArray>> readFrame(int timeoutMs = 30000);

    channel::ChannelEngine &m_engine;
    QSslSocket m_socket;
    FrameDecoder m_decoder;
    channel::OfferMsg m_serverOffer;
    std::atomic<bool> m_stop{false};
};

} // namespace spillway::transport
