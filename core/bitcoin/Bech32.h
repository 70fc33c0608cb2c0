#pragma once
// Bech32 (BIP 173) and bech32m (BIP 350). The length limit is a parameter so that
// protocol messages can exceed 90 characters (protocol.md "Messages").

#include "common/Bytes.h"

namespace spillway::bitcoin {

enum class Bech32Encoding { Bech32, Bech32m };

struct Bech32Decoded {
    Bech32Encoding encoding;
    std::string hrp; ///< lower case
    Bytes data;      ///< 5-bit values, checksum removed
};

/// hrp must be lower case; output is lower case.
std::string bech32Encode(Bech32Encoding enc, std::string_view hrp, ByteView values5);
Result<Bech32Decoded> bech32Decode(std::string_view text, size_t maxLength = 90);

/// Regroups bits (8 -> 5 with padding, 5 -> 8 strictly).
bool convertBits(Bytes &out, ByteView in, int fromBits, int toBits, bool pad);

/// Segwit addresses (BIP 173/350): version 0 uses bech32, 1..16 bech32m.
/// Refuses what no decoder accepts: an upper-case or empty hrp, version > 16, a program
/// outside 2..40 bytes, or a v0 program that is not 20 or 32 bytes.
Result<std::string> encodeSegwitAddress(std::string_view hrp, int version, ByteView program);
struct SegwitAddress {
    int version;
    Bytes program;
};
Result<SegwitAddress> decodeSegwitAddress(std::string_view hrp, std::string_view address);

} // namespace spillway::bitcoin
