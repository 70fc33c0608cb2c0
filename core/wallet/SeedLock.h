#pragma once
// The optional wallet password: the seed (and the phrase's entropy) sealed with
// a key from the password before they go to the OS keychain (docs/wallet-password.md).
//
// Sealed blob = header (60 bytes, AES-GCM's additional data) | ciphertext | tag (16)
//   magic "SPWLOCK" | version u8 (1) | log2(N) u8 | r u8 | p u8 | 0 u8
//   | salt (16, random per password) | nonce (12, random per blob) | check (16)
//   | plaintext length u32 little-endian
// Key: scrypt(password, salt, N, r, p) gives 64 bytes: the first 32 are the
// AES-256-GCM key, the next 16 the check stored in the header, so a wrong password
// is told apart (WRONG_PASSWORD) from a changed blob (SEED_DAMAGED). An entry
// without the magic is an old, unsealed seed and is used as it is.

#include "common/Bytes.h"

#include <array>

namespace spillway::wallet {

/// The key one password gives for one salt and set of scrypt parameters.
struct SeedKey {
    SecretBytes aesKey;               ///< 32 bytes
    std::array<uint8_t, 16> check{};  ///< stored in the header: tells a wrong password
    std::array<uint8_t, 16> salt{};
    uint8_t logN = 0, r = 0, p = 0;
};

class SeedLock {
public:
    static constexpr uint8_t kVersion = 1;
    static constexpr size_t kHeaderSize = 60;
    static constexpr size_t kTagSize = 16;
    /// scrypt N = 2^16 (64 MiB, a few hundred ms), r = 8, p = 1.
    static constexpr uint8_t kDefaultLogN = 16;

    /// Whether `entry` is a sealed blob (else an old, plain keychain entry).
    static bool isSealed(ByteView entry);
    /// A fresh salt and the key `password` gives with it. INVALID_ARGUMENT for an
    /// empty password (no password is "remove", not a password).
    static Result<SeedKey> newKey(ByteView password, uint8_t logN = kDefaultLogN);
    /// The key `password` gives for `blob`'s salt and parameters. WRONG_PASSWORD
    /// when the password's check does not match the header's; SEED_DAMAGED for a
    /// blob too short, of an unknown version or with parameters out of range (never
    /// a slow derivation chosen by a changed header).
    static Result<SeedKey> keyFor(ByteView blob, ByteView password);
    /// Whether `key` was derived for `blob`'s salt and parameters (a key kept in
    /// memory no longer fits once the password was changed by another process).
    static bool fits(ByteView blob, const SeedKey &key);
    /// Seals `secret` under `key` with a fresh nonce.
    static Result<Bytes> seal(ByteView secret, const SeedKey &key);
    /// The secret inside `blob`. WRONG_PASSWORD when the key is not this blob's;
    /// SEED_DAMAGED when the blob fails its authentication.
    static Result<SecretBytes> open(ByteView blob, const SeedKey &key);
};

} // namespace spillway::wallet
