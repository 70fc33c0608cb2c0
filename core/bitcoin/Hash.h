#pragma once
// Hash functions, all from OpenSSL libcrypto (nothing hand-rolled).

#include "common/Bytes.h"

#include <array>
#include <compare>

namespace spillway::bitcoin {

using Hash256 = std::array<uint8_t, 32>;
using Hash160 = std::array<uint8_t, 20>;

Hash256 sha256(ByteView data);
/// SHA-256(SHA-256(x)): txids, sighashes, checksums.
Hash256 sha256d(ByteView data);
std::array<uint8_t, 20> ripemd160(ByteView data);
std::array<uint8_t, 20> sha1(ByteView data);
/// RIPEMD-160(SHA-256(x)).
Hash160 hash160(ByteView data);
std::array<uint8_t, 64> hmacSha512(ByteView key, ByteView data);
/// PBKDF2-HMAC-SHA512 (BIP 39 seeds).
SecretBytes pbkdf2Sha512(ByteView password, ByteView salt, int iterations, size_t outLen);

/// Incremental SHA-256 (used by sighash caching).
class Sha256Writer {
public:
    Sha256Writer();
    ~Sha256Writer();
    Sha256Writer(const Sha256Writer &) = delete;
    Sha256Writer &operator=(const Sha256Writer &) = delete;
    void write(ByteView data);
    Hash256 finalize();
    /// Double SHA-256 of everything written.
    Hash256 finalizeDouble();

private:
    void *m_ctx;
};

/// Hex of a hash in Bitcoin's display order (byte-reversed), as txids are shown.
std::string toDisplayHex(const Hash256 &h);
Result<Hash256> fromDisplayHex(std::string_view hex);

} // namespace spillway::bitcoin
