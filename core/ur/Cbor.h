#pragma once
// The little of CBOR (RFC 8949) that URs need: unsigned integers, byte strings,
// arrays and tags, always in the shortest (deterministic) form. A reader that
// refuses anything else, indefinite lengths and non-shortest heads included.

#include "common/Bytes.h"

namespace spillway::ur::cbor {

enum class Major : uint8_t { Unsigned = 0, Bytes = 2, Array = 4, Tag = 6 };

/// Tags of the PSBT UR types (BCR-2020-006): `psbt` today, `crypto-psbt` before 2024.
inline constexpr uint64_t kTagPsbt = 40310;
inline constexpr uint64_t kTagCryptoPsbt = 310;

void appendHead(Bytes &out, Major major, uint64_t value);
void appendUnsigned(Bytes &out, uint64_t value);
void appendBytes(Bytes &out, ByteView data);
/// `data` as one CBOR byte string (the body of ur:bytes, ur:psbt, ur:crypto-psbt).
[[nodiscard]] Bytes byteString(ByteView data);

/// Reads items front to back; every call checks bounds and shortest form.
class Reader {
public:
    explicit Reader(ByteView data) : m_data(data) {}
    [[nodiscard]] Result<uint64_t> head(Major expected);
    [[nodiscard]] Result<uint64_t> readUnsigned() { return head(Major::Unsigned); }
    /// A byte string of at most `maxLen` bytes (a view into the input).
    [[nodiscard]] Result<ByteView> readBytes(size_t maxLen);
    /// True when the next item has this major type (false at the end).
    [[nodiscard]] bool nextIs(Major major) const;
    [[nodiscard]] bool atEnd() const { return m_pos == m_data.size(); }

private:
    ByteView m_data;
    size_t m_pos = 0;
};

/// The contents of a UR body that is one byte string, optionally preceded by one
/// of `allowedTags` (a PSBT written with its tag). Nothing may follow it.
[[nodiscard]] Result<Bytes> readByteStringBody(ByteView cbor, size_t maxLen, std::initializer_list<uint64_t> allowedTags = {});

} // namespace spillway::ur::cbor
