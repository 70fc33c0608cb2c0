#include "Serialize.h"

namespace spillway::bitcoin {

void Writer::compactSize(uint64_t n)
{
    if (n < 253) {
        u8(static_cast<uint8_t>(n));
    } else if (n <= 0xffff) {
        u8(253);
        u16(static_cast<uint16_t>(n));
    } else if (n <= 0xffffffffu) {
        u8(254);
        u32(static_cast<uint32_t>(n));
    } else {
        u8(255);
        u64(n);
    }
}

Result<uint64_t> Reader::le(int n)
{
    if (remaining() < static_cast<size_t>(n))
        return makeError(ErrorCode::Truncated, "at byte " + std::to_string(m_pos));
    uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v |= uint64_t(m_data[m_pos + i]) << (8 * i);
    m_pos += n;
    return v;
}

Result<uint8_t> Reader::u8()
{
    auto r = le(1);
    if (!r)
        return r.error();
    return static_cast<uint8_t>(*r);
}
Result<uint16_t> Reader::u16()
{
    auto r = le(2);
    if (!r)
        return r.error();
    return static_cast<uint16_t>(*r);
}
Result<uint32_t> Reader::u32()
{
    auto r = le(4);
    if (!r)
        return r.error();
    return static_cast<uint32_t>(*r);
}
Result<uint64_t> Reader::u64()
{
    return le(8);
}
Result<int32_t> Reader::i32()
{
    auto r = le(4);
    if (!r)
        return r.error();
    return static_cast<int32_t>(static_cast<uint32_t>(*r));
}
Result<int64_t> Reader::i64()
{
    auto r = le(8);
    if (!r)
        return r.error();
    return static_cast<int64_t>(*r);
}

Result<uint64_t> Reader::compactSize()
{
    auto n = compactInteger();
    if (n && *n > kMaxCompactSize)
        return makeError(ErrorCode::OversizedField, "length " + std::to_string(*n));
    return n;
}

Result<uint64_t> Reader::compactInteger()
{
    auto first = u8();
    if (!first)
        return first.error();
    uint64_t n = *first;
    if (n == 253) {
        auto v = u16();
        if (!v)
            return v.error();
        n = *v;
        if (n < 253)
            return makeError(ErrorCode::NonCanonicalCompactSize);
    } else if (n == 254) {
        auto v = u32();
        if (!v)
            return v.error();
        n = *v;
        if (n < 0x10000u)
            return makeError(ErrorCode::NonCanonicalCompactSize);
    } else if (n == 255) {
        auto v = u64();
        if (!v)
            return v.error();
        n = *v;
        if (n < 0x100000000ull)
            return makeError(ErrorCode::NonCanonicalCompactSize);
    }
    return n;
}

Result<ByteView> Reader::bytes(size_t n)
{
    if (remaining() < n)
        return makeError(ErrorCode::Truncated, "needs " + std::to_string(n) + " bytes at " + std::to_string(m_pos));
    ByteView v = m_data.subspan(m_pos, n);
    m_pos += n;
    return v;
}

Result<Bytes> Reader::varBytes()
{
    auto n = compactSize();
    if (!n)
        return n.error();
    auto b = bytes(*n);
    if (!b)
        return b.error();
    return Bytes(b->begin(), b->end());
}

} // namespace spillway::bitcoin
