#pragma once
// secp256k1 keys and ECDSA signatures through libsecp256k1 (one randomized context).

#include "Hash.h"

#include <array>

namespace spillway::bitcoin {

using CompactSignature = std::array<uint8_t, 64>;

class PublicKey {
public:
    PublicKey() = default;
    /// Accepts 33-byte compressed or 65-byte uncompressed points on the curve.
    static Result<PublicKey> parse(ByteView bytes);

    const Bytes &bytes() const { return m_bytes; }
    bool isCompressed() const { return m_bytes.size() == 33; }
    bool isValid() const { return !m_bytes.empty(); }
    Hash160 hash() const { return hash160(m_bytes); }

    /// Verifies a DER signature the way Core's CPubKey::Verify does: lax DER parse,
    /// S normalised (low-S is a separate policy check), then ECDSA verify.
    bool verifyDer(const Hash256 &digest, ByteView der) const;
    /// Verifies a 64-byte compact (r||s) signature; high S is rejected.
    bool verifyCompact(const Hash256 &digest, const CompactSignature &sig) const;

    /// BIP 32 public tweak: P + t·G.
    Result<PublicKey> tweakAdd(ByteView tweak32) const;
    /// The same point in the other encoding.
    PublicKey compressed() const;

    bool operator==(const PublicKey &) const = default;

private:
    Bytes m_bytes;
};

class PrivateKey {
public:
    PrivateKey() = default;
    /// 32 bytes in [1, n-1].
    static Result<PrivateKey> fromBytes(ByteView bytes, bool compressed = true);
    /// From OpenSSL's CSPRNG.
    static PrivateKey generate();

    ByteView bytes() const { return m_secret.view(); }
    bool isValid() const { return m_secret.size() == 32; }
    bool isCompressed() const { return m_compressed; }
    PublicKey publicKey() const;

    /// RFC 6979 deterministic ECDSA, always low S, strict DER.
    Bytes signDer(const Hash256 &digest) const;
    CompactSignature signCompact(const Hash256 &digest) const;

    /// BIP 32 private tweak: (k + t) mod n.
    Result<PrivateKey> tweakAdd(ByteView tweak32) const;

private:
    SecretBytes m_secret;
    bool m_compressed = true;
};

/// Core's CPubKey::Verify on raw key bytes (hybrid keys too, as legacy scripts allow).
bool verifyEcdsaLax(ByteView pubkey, const Hash256 &digest, ByteView der);
/// BIP 66 strict DER + hash type byte (Core's IsValidSignatureEncoding).
bool isValidSignatureEncoding(ByteView sigWithHashType);
/// True if the DER signature (without hash type) has S <= n/2.
bool isLowDerSignature(ByteView der);
/// Strict DER (no hash type) <-> compact 64 bytes.
Result<CompactSignature> derToCompact(ByteView der);
Bytes compactToDer(const CompactSignature &sig);

} // namespace spillway::bitcoin
