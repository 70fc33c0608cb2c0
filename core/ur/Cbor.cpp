#include "Cbor.h"

namespace spillway::ur::cbor {

namespace {

Error bad(const char *what)
{
    return makeError(ErrorCode::BadMessage, std::string("CBOR: ") + what);
}

} // namespace

void appendHead(Bytes &out, Major major, uint64_t value)
{
    const auto m = static_cast<uint8_t>(static_cast<uint8_t>(major) << 5);
    auto push = [&](int bytes) {
        for (int i = bytes - 1; i >= 0; --i)
            out.push_back(static_cast<uint8_t>(value >> (8 * i)));
    };
    if (value < 24) {
        out.push_back(static_cast<uint8_t>(m | value));
    } else if (value <= 0xFF) {
        out.push_back(m | 24);
        push(1);
    } else if (value <= 0xFFFF) {
        out.push_back(m | 25);
        push(2);
    } else if (value <= 0xFFFFFFFFull) {
        out.push_back(m | 26);
        push(4);
    } else {
        out.push_back(m | 27);
        push(8);
    }
}

void appendUnsigned(Bytes &out, uint64_t value)
{
    appendHead(out, Major::Unsigned, value);
}

void appendBytes(Bytes &out, ByteView data)
{
    appendHead(out, Major::Bytes, data.size());
    out.insert(out.end(), data.begin(), data.end());
}

Bytes byteString(ByteView data)
{
    Bytes out;
    out.reserve(data.size() + 9);
    appendBytes(out, data);
    return out;
}

Result<uint64_t> Reader::head(Major expected)
{
    if (m_pos >= m_data.size())
        return makeError(ErrorCode::Truncated, "CBOR: item expected");
    const uint8_t first = m_data[m_pos];
    if ((first >> 5) != static_cast<uint8_t>(expected))
        return bad("unexpected item type");
    const uint8_t info = first & 0x1F;
    if (info < 24) {
        ++m_pos;
        return uint64_t{info};
    }
    if (info > 27)
        return bad("indefinite or reserved length");
    const size_t n = size_t{1} << (info - 24);
    if (m_data.size() - m_pos - 1 < n)
        return makeError(ErrorCode::Truncated, "CBOR: head cut short");
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i)
        v = (v << 8) | m_data[m_pos + 1 + i];
    // Deterministic encoding: the shortest head only.
    const uint64_t floor = n == 1 ? 24 : n == 2 ? 0x100 : n == 4 ? 0x10000 : 0x100000000ull;
    if (v < floor)
        return bad("non-shortest head");
    m_pos += 1 + n;
    return v;
}

Result<ByteView> Reader::readBytes(size_t maxLen)
{
    auto len = head(Major::Bytes);
    if (!len)
        return len.error();
    if (*len > maxLen)
        return makeError(ErrorCode::OversizedField, "CBOR: byte string too long");
    if (*len > m_data.size() - m_pos)
        return makeError(ErrorCode::Truncated, "CBOR: byte string cut short");
    const ByteView v = m_data.subspan(m_pos, static_cast<size_t>(*len));
    m_pos += static_cast<size_t>(*len);
    return v;
}

bool Reader::nextIs(Major major) const
{
    return m_pos < m_data.size() && (m_data[m_pos] >> 5) == static_cast<uint8_t>(major);
}

Result<Bytes> readByteStringBody(ByteView cbor, size_t maxLen, std::initializer_list<uint64_t> allowedTags)
{
    Reader r(cbor);
    if (r.nextIs(Major::Tag)) {
        auto tag = r.head(Major::Tag);
        if (!tag)
            return tag.error();
        bool allowed = false;
        for (uint64_t t : allowedTags)
            allowed = allowed || t == *tag;
        if (!allowed)
            return bad("unexpected tag");
    }
    auto bytes = r.readBytes(maxLen);
    if (!bytes)
        return bytes.error();
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, "CBOR: data after the byte string");
    return Bytes(bytes->begin(), bytes->end());
}

} // namespace spillway::ur::cbor
