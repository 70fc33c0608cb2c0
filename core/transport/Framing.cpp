#include "Framing.h"

namespace spillway::transport {

QByteArray encodeFrame(FrameKind kind, const QByteArray &payload)
{
    const uint32_t len = static_cast<uint32_t>(payload.size() + 1);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(len) + 4);
    out.append(static_cast<char>(len >> 24));
    out.append(static_cast<char>(len >> 16));
    out.append(static_cast<char>(len >> 8));
    out.append(static_cast<char>(len));
    out.append(static_cast<char>(kind));
    out.append(payload);
    return out;
}

bool FrameDecoder::feed(const QByteArray &bytes)
{
    if (m_failed)
        return false;
    m_buffer.append(bytes);
    if (m_buffer.size() >= 4) {
        const auto *p = reinterpret_cast<const uint8_t *>(m_buffer.constData());
        const uint32_t len = uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
        if (len == 0 || len > kMaxFrame)
            m_failed = true;
    }
    return !m_failed;
}

std::optional<std::pair<FrameKind, QByteArray>> FrameDecoder::next()
{
    if (m_failed || m_buffer.size() < 4)
        return std::nullopt;
    const auto *p = reinterpret_cast<const uint8_t *>(m_buffer.constData());
    const uint32_t len = uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
    if (len == 0 || len > kMaxFrame) {
        m_failed = true;
        return std::nullopt;
    }
    if (static_cast<uint64_t>(m_buffer.size()) < 4ull + len)
        return std::nullopt;
    const uint8_t kind = p[4];
    QByteArray payload = m_buffer.mid(5, len - 1);
    m_buffer.remove(0, 4 + len);
    if (kind < 1 || kind > kLastFrameKind) {
        m_failed = true;
        return std::nullopt;
    }
    // Check the next frame's length too, so a bad one fails early.
    feed({});
    return std::make_pair(static_cast<FrameKind>(kind), payload);
}

} // namespace spillway::transport
