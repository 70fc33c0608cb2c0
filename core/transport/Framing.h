#pragma once
// Socket framing (protocol.md "Transports"): a 4-byte big-endian length, then
// one frame of at most 64 KiB. A bad length poisons the decoder: the connection
// it belongs to is closed, nothing else is affected.

#include "common/Bytes.h"

#include <QByteArray>

#include <optional>

namespace spillway::transport {

constexpr uint32_t kMaxFrame = 64 * 1024;

/// Kinds of frame: the first byte after the length (docs/protocol.md "Socket frames").
enum class FrameKind : uint8_t {
    Message = 1,   ///< a protocol message (binary form, "SPW" 1 ...)
    Catalog = 2,   ///< request {page} (or empty: page 0); answer {files, page, pages}
    Chunk = 3,     ///< request {file, index, channel}; answer index, offset, bytes
    Bye = 4,       ///< either side is done
    Challenge = 5, ///< server, right after the offer: 32 fresh random bytes for this connection
    Bind = 6,      ///< request channel ‖ payer signature over the challenge; answer the channel
    Purchase = 7,  ///< request {file, channel}; answer the purchase's terms (start, price, chunks)
    Hashes = 8,    ///< request {file, from}; answer from, total, then up to kHashesPerFrame SHA-256
};
constexpr uint8_t kLastFrameKind = 8;
/// Chunk hashes per Hashes frame (32 KiB of hashes).
constexpr int kHashesPerFrame = 1024;

QByteArray encodeFrame(FrameKind kind, const QByteArray &payload);

class FrameDecoder {
public:
    /// Appends received bytes; false once a frame announced more than kMaxFrame.
    bool feed(const QByteArray &bytes);
    /// The next complete frame (kind, payload), if any.
    std::optional<std::pair<FrameKind, QByteArray>> next();
    bool failed() const { return m_failed; }
    qsizetype buffered() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    bool m_failed = false;
};

} // namespace spillway::transport
