#pragma once
// Bitcoin wire serialization: little-endian integers and compact sizes.

#include "common/Bytes.h"

#include <cstdint>
#include <string>

namespace spillway::bitcoin {

/// Core's MAX_SIZE: no length prefix may exceed this.
constexpr uint64_t kMaxCompactSize = 0x02000000;

class Writer {
public:
    void u8(uint8_t v) { m_out.push_back(v); }
    void u16(uint16_t v) { le(v, 2); }
    void u32(uint32_t v) { le(v, 4); }
    void u64(uint64_t v) { le(v, 8); }
    void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
    void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
    void compactSize(uint64_t n);
    void bytes(ByteView b) { m_out.insert(m_out.end(), b.begin(), b.end()); }
    /// compact size length, then the bytes.
    void varBytes(ByteView b)
    {
        compactSize(b.size());
        bytes(b);
    }
    const Bytes &data() const { return m_out; }
    Bytes take() { return std::move(m_out); }

private:
    void le(uint64_t v, int n)
    {
        for (int i = 0; i < n; ++i)
            m_out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
    Bytes m_out;
};

/// Bounds-checked reader: every read reports truncation as an error value.
class Reader {
public:
    explicit Reader(ByteView data) : m_data(data) {}

    Result<uint8_t> u8();
    Result<uint16_t> u16();
    Result<uint32_t> u32();
    Result<uint64_t> u64();
    Result<int32_t> i32();
    Result<int64_t> i64();
    /// Canonical compact size only (Core rejects non-shortest forms), at most kMaxCompactSize.
    Result<uint64_t> compactSize();
    /// A compact size read as a number, not a length: canonical, full 64-bit
    /// range, no kMaxCompactSize cap (protocol.md "Messages": `n`, `paid_n`).
    Result<uint64_t> compactInteger();
    Result<ByteView> bytes(size_t n);
    Result<Bytes> varBytes();

    size_t remaining() const { return m_data.size() - m_pos; }
    size_t position() const { return m_pos; }
    bool atEnd() const { return m_pos == m_data.size(); }
    uint8_t peek() const { return m_data[m_pos]; }

private:
    Result<uint64_t> le(int n);
    ByteView m_data;
    size_t m_pos = 0;
};

inline void writeLe32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<uint8_t>(v >> (8 * i));
}
inline uint32_t readLe32(const uint8_t *p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline uint32_t readBe32(const uint8_t *p)
{
    return uint32_t(p[3]) | uint32_t(p[2]) << 8 | uint32_t(p[1]) << 16 | uint32_t(p[0]) << 24;
}
inline void writeBe32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<uint8_t>(v >> (8 * (3 - i)));
}

} // namespace spillway::bitcoin
