#pragma once
// Spillway's messages inside one `ur:bytes` (protocol.md "Animated QR codes"): the
// byte string holds, for each message in order, its length as a compact size and
// then the binary message ("SPW" ...). Used when an answer is more than one
// message (the cltv opening's proposal + funded) or too big for one QR code.

#include "common/Bytes.h"

#include <string>
#include <vector>

namespace spillway::ur {

inline constexpr size_t kMaxBundledMessages = 16;

/// Messages in their text form (bech32m "spw1…", either case, one per entry) to
/// the bundle's bytes. Errors: INVALID_BECH32 (not a message text), INVALID_ARGUMENT
/// (none, or more than kMaxBundledMessages).
[[nodiscard]] Result<Bytes> bundleMessageTexts(const std::vector<std::string> &texts);

/// The bundle's messages back in their text form (lower case). Errors: BAD_MESSAGE
/// (not a Spillway bundle: empty, a message without the "SPW" magic, too many),
/// TRUNCATED, TRAILING_DATA.
[[nodiscard]] Result<std::vector<std::string>> messageTextsFromBundle(ByteView bundle);

} // namespace spillway::ur
