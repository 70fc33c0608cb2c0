#pragma once
// Socket framing (protocol.md "Transports"): a 4-byte big-endian length, then
// one frame of at most 64 KiB. A bad length poisons the decoder: the connection
// it belongs to is closed, nothing else is affected.

#include "common/Bytes.h"

#include <QByteArray>

#include <optional>

namespace spillway::transport {

constexpr uint32_t kMaxFrame = 64 * 1024;

/// Kinds of frame: the first byte after the length.
enum class FrameKind : uint8_t {
    Message = 1,   ///< a protocol message (binary form, "SPW" 1 ...)
    Catalog = 2,   ///< provider: JSON list of files on offer (request: empty)
    Chunk = 3,     ///< provider: request {file, index} or the chunk's bytes
    Bye = 4,       ///< either side is done
};

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
