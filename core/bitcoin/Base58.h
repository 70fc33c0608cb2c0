#pragma once
// Base58 and Base58Check (Core's base58.cpp semantics).

#include "common/Bytes.h"

namespace spillway::bitcoin {

std::string base58Encode(ByteView data);
/// Rejects characters outside the alphabet; surrounding whitespace is allowed as in Core.
Result<Bytes> base58Decode(std::string_view text, size_t maxLen = 1000);
/// data followed by the first 4 bytes of its double SHA-256.
std::string base58CheckEncode(ByteView payload);
Result<Bytes> base58CheckDecode(std::string_view text, size_t maxPayload = 1000);

} // namespace spillway::bitcoin
