#pragma once
// The payer's socket: connects to the endpoint in an offer over TLS 1.3,
// refuses any key but the one the offer pins, opens a channel over it, binds
// the connection to the channel by signing the server's challenge with the
// channel key, and buys a provider's file as one purchase, chunk by chunk:
// every chunk is checked against its SHA-256 from the catalogue on arrival,
// and payment runs at most `lead` chunks ahead of the chunks that arrived
// intact (protocol.md "Paid data over a socket").
// Blocking: for the CLI and worker threads.

#include "FileProvider.h"
#include "Framing.h"
#include "PayerChannels.h"
#include "channel/ChannelEngine.h"

#include <QSslSocket>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <set>

namespace spillway::transport {

struct DownloadProgress {
    qint64 chunksDone = 0;
    qint64 chunks = 0;
    qint64 bytes = 0;
    qint64 paidSat = 0;
    qint64 maxChunksPaidAhead = 0; ///< the most chunks ever paid for but not yet arrived intact
};

/// A purchase as the provider states it: chunk i may leave once `start + pricePerChunk·(i+1)` is acknowledged.
struct PurchaseTerms {
    qint64 id = 0;
    qint64 start = 0;
    qint64 end = 0;
    qint64 chunks = 0;
    qint64 pricePerChunk = 0;
    bool resumed = false;
};

class PaymentClient {
public:
    using KeySource = std::function<Result<bitcoin::PrivateKey>(uint32_t)>;
    /// `channelKeys` gives the payer's channel key for a key index (the wallet's channelKey).
    PaymentClient(channel::ChannelEngine &engine, KeySource channelKeys)
        : m_own(std::make_unique<EngineChannels>(engine)), m_channels(*m_own), m_keys(std::move(channelKeys))
    {
    }
    /// Through `channels` (not owned), e.g. calls handed to the thread that owns the engine.
    PaymentClient(PayerChannels &channels, KeySource channelKeys) : m_channels(channels), m_keys(std::move(channelKeys)) {}

    /// Connects and checks the server's key against the offer's fingerprint
    /// (TLS_KEY_MISMATCH otherwise) and the offer it sends against ours.
    Status connectTo(const channel::OfferMsg &offer, int timeoutMs = 15000);
    /// The whole catalogue, page by page.
    Result<QList<CatalogEntry>> catalog();
    /// Fetches `entry`'s chunk hashes and checks them against its root.
    Status fetchChunkHashes(CatalogEntry &entry);
    /// The most a purchase may cost (PRICE_TOO_HIGH above it); no limit by default.
    void setMaxPrice(qint64 sat) { m_maxPrice = sat; }
    /// Proves to the server that this connection holds `channel`'s payer key.
    Status bind(const bitcoin::OutPoint &channel);
    /// Begins (or, while it is open, resumes) the purchase of `entry` on a bound
    /// channel; with `resumeOnly`, only resumes. Checks the terms against the
    /// catalogue, against what we paid and against the maximum price.
    Result<PurchaseTerms> purchase(const bitcoin::OutPoint &channel, const CatalogEntry &entry, bool resumeOnly = false);
    /// A bound channel with this offer's payee and a purchase of `entry` on it:
    /// one whose open purchase of this file can be resumed, else one with room
    /// for the whole price, else a new one opened over the socket with capacity
    /// for the whole file.
    Result<std::pair<bitcoin::OutPoint, PurchaseTerms>> channelFor(const channel::OfferMsg &offer, const CatalogEntry &entry,
                                                                    uint32_t expiryBlocks = 144,
                                                                    std::optional<int64_t> capacity = std::nullopt);
    /// Opens a channel over the socket; returns its id.
    Result<bitcoin::OutPoint> openChannel(const channel::OfferMsg &offer, const channel::OpenTerms &terms);
    /// Buys `entry` (chunk hashes fetched) into `outPath` under `terms`, keeping
    /// the intact chunks of a partial file; pays at most `lead` chunks ahead of
    /// what arrived intact; stops with CHUNK_CORRUPT at the first bad chunk.
    Status download(const bitcoin::OutPoint &channel, const PurchaseTerms &terms, const CatalogEntry &entry, const QString &outPath,
                    int lead, const std::function<void(const DownloadProgress &)> &progress = {});
    void close();
    /// Asks a running download to stop after the chunk in hand (pause); thread-safe.
    void requestStop() { m_stop = true; }

private:
    Status send(FrameKind kind, const QByteArray &payload);
    Status sendMessage(const channel::Message &m);
    Result<std::pair<FrameKind, QByteArray>> readFrame(int timeoutMs = 30000);
    /// Reads until a frame of `kind`; messages on the way are handled (acks), an error message ends the wait.
    Result<QByteArray> awaitFrame(FrameKind kind, int timeoutMs = 30000);
    /// Waits until the channel is open on our side (the payee wants its confirmations).
    Status waitOpen(const bitcoin::OutPoint &channel);

    std::unique_ptr<PayerChannels> m_own;
    PayerChannels &m_channels;
    KeySource m_keys;
    QSslSocket m_socket;
    FrameDecoder m_decoder;
    channel::OfferMsg m_serverOffer;
    QByteArray m_challenge;
    Bytes m_fingerprint;
    std::set<bitcoin::OutPoint> m_bound;
    qint64 m_maxPrice = std::numeric_limits<qint64>::max();
    std::atomic<bool> m_stop{false};
};

} // namespace spillway::transport
