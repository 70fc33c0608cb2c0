#pragma once
// Bytewords (BCR-2020-012): bytes as four-letter words, with a CRC-32 of the bytes
// appended (big-endian) before encoding. URs use the minimal style (two letters a
// byte); the standard and URI styles are the whole words separated by a space or a dash.

#include "common/Bytes.h"

#include <string>
#include <string_view>

namespace spillway::ur {

enum class BytewordsStyle { Standard, Uri, Minimal };

/// The 256 words, in byte order.
[[nodiscard]] std::string_view byteword(uint8_t value);

/// `data` followed by its CRC-32, as words in `style` (lower case).
[[nodiscard]] std::string bytewordsEncode(ByteView data, BytewordsStyle style);

/// The bytes before the CRC-32. Either case is read. Errors: BAD_MESSAGE (a letter or
/// word that is no byteword, a wrong separator, shorter than the checksum),
/// INVALID_CHECKSUM, OVERSIZED_FIELD (more than `maxBytes` bytes).
[[nodiscard]] Result<Bytes> bytewordsDecode(std::string_view text, BytewordsStyle style, size_t maxBytes);

} // namespace spillway::ur
