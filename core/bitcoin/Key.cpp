#include "Key.h"

#include <openssl/rand.h>
#include <secp256k1.h>

#include <cstring>
#include <mutex>

namespace spillway::bitcoin {

namespace {

secp256k1_context *ctx()
{
    // One context for the process, randomized once against side channels.
    static secp256k1_context *c = [] {
        secp256k1_context *cc = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        unsigned char seed[32];
        if (RAND_bytes(seed, sizeof seed) == 1) {
            int ok = secp256k1_context_randomize(cc, seed);
            (void)ok;
        }
        secureWipe(seed, sizeof seed);
        return cc;
    }();
    return c;
}

// Core's ecdsa_signature_parse_der_lax (pubkey.cpp): accepts BER-ish encodings that
// pre-BIP66 blocks contain, so legacy signatures verify as Core verifies them.
bool parseDerLax(secp256k1_ecdsa_signature *sig, const uint8_t *input, size_t inputlen)
{
    size_t rpos, rlen, spos, slen;
    size_t pos = 0;
    size_t lenbyte;
    unsigned char tmpsig[64] = {0};
    int overflow = 0;

    secp256k1_ecdsa_signature_parse_compact(secp256k1_context_static, sig, tmpsig);

    if (pos == inputlen || input[pos] != 0x30)
        return false;
    pos++;
    if (pos == inputlen)
        return false;
    lenbyte = input[pos++];
    if (lenbyte & 0x80) {
        lenbyte -= 0x80;
        if (lenbyte > inputlen - pos)
            return false;
        pos += lenbyte;
    }
    if (pos == inputlen || input[pos] != 0x02)
        return false;
    pos++;
    if (pos == inputlen)
        return false;
    lenbyte = input[pos++];
    if (lenbyte & 0x80) {
        lenbyte -= 0x80;
        if (lenbyte > inputlen - pos)
            return false;
        while (lenbyte > 0 && input[pos] == 0) {
            pos++;
            lenbyte--;
        }
        static_assert(sizeof(size_t) >= 4);
        if (lenbyte >= 4)
            return false;
        rlen = 0;
        while (lenbyte > 0) {
            rlen = (rlen << 8) + input[pos];
            pos++;
            lenbyte--;
        }
    } else {
        rlen = lenbyte;
    }
    if (rlen > inputlen - pos)
        return false;
    rpos = pos;
    pos += rlen;

    if (pos == inputlen || input[pos] != 0x02)
        return false;
    pos++;
    if (pos == inputlen)
        return false;
    lenbyte = input[pos++];
    if (lenbyte & 0x80) {
        lenbyte -= 0x80;
        if (lenbyte > inputlen - pos)
            return false;
        while (lenbyte > 0 && input[pos] == 0) {
            pos++;
            lenbyte--;
        }
        if (lenbyte >= 4)
            return false;
        slen = 0;
        while (lenbyte > 0) {
            slen = (slen << 8) + input[pos];
            pos++;
            lenbyte--;
        }
    } else {
        slen = lenbyte;
    }
    if (slen > inputlen - pos)
        return false;
    spos = pos;

    while (rlen > 0 && input[rpos] == 0) {
        rlen--;
        rpos++;
    }
    if (rlen > 32) {
        overflow = 1;
    } else if (rlen) {
        std::memcpy(tmpsig + 32 - rlen, input + rpos, rlen);
    }
    while (slen > 0 && input[spos] == 0) {
        slen--;
        spos++;
    }
    if (slen > 32) {
        overflow = 1;
    } else if (slen) {
        std::memcpy(tmpsig + 64 - slen, input + spos, slen);
    }
    if (!overflow)
        overflow = !secp256k1_ecdsa_signature_parse_compact(secp256k1_context_static, sig, tmpsig);
    if (overflow) {
        std::memset(tmpsig, 0, 64);
        secp256k1_ecdsa_signature_parse_compact(secp256k1_context_static, sig, tmpsig);
    }
    return true;
}

} // namespace

Result<PublicKey> PublicKey::parse(ByteView bytes)
{
    if (bytes.size() != 33 && bytes.size() != 65)
        return makeError(ErrorCode::InvalidPublicKey, "a public key has 33 or 65 bytes");
    secp256k1_pubkey pk;
    if (!secp256k1_ec_pubkey_parse(ctx(), &pk, bytes.data(), bytes.size()))
        return makeError(ErrorCode::InvalidPublicKey, "not a point on secp256k1");
    if (bytes.size() == 65 && bytes[0] != 0x04)
        return makeError(ErrorCode::InvalidPublicKey, "hybrid keys are not accepted");
    PublicKey k;
    k.m_bytes.assign(bytes.begin(), bytes.end());
    return k;
}

bool PublicKey::verifyDer(const Hash256 &digest, ByteView der) const
{
    return verifyEcdsaLax(m_bytes, digest, der);
}

bool verifyEcdsaLax(ByteView pubkey, const Hash256 &digest, ByteView der)
{
    // CPubKey::GetLen: the first byte fixes the size (hybrid 0x06/0x07 allowed here).
    if (pubkey.empty())
        return false;
    const uint8_t h = pubkey[0];
    const size_t want = (h == 2 || h == 3) ? 33 : (h == 4 || h == 6 || h == 7) ? 65 : 0;
    if (want == 0 || pubkey.size() != want)
        return false;
    secp256k1_pubkey pk;
    if (!secp256k1_ec_pubkey_parse(ctx(), &pk, pubkey.data(), pubkey.size()))
        return false;
    secp256k1_ecdsa_signature sig;
    if (!parseDerLax(&sig, der.data(), der.size()))
        return false;
    secp256k1_ecdsa_signature_normalize(ctx(), &sig, &sig);
    return secp256k1_ecdsa_verify(ctx(), &sig, digest.data(), &pk) == 1;
}

bool PublicKey::verifyCompact(const Hash256 &digest, const CompactSignature &compact) const
{
    secp256k1_pubkey pk;
    if (m_bytes.empty() || !secp256k1_ec_pubkey_parse(ctx(), &pk, m_bytes.data(), m_bytes.size()))
        return false;
    secp256k1_ecdsa_signature sig;
    if (!secp256k1_ecdsa_signature_parse_compact(ctx(), &sig, compact.data()))
        return false;
    return secp256k1_ecdsa_verify(ctx(), &sig, digest.data(), &pk) == 1;
}

Result<PublicKey> PublicKey::tweakAdd(ByteView tweak32) const
{
    secp256k1_pubkey pk;
    if (tweak32.size() != 32 || !secp256k1_ec_pubkey_parse(ctx(), &pk, m_bytes.data(), m_bytes.size()))
        return makeError(ErrorCode::InvalidPublicKey);
    if (!secp256k1_ec_pubkey_tweak_add(ctx(), &pk, tweak32.data()))
        return makeError(ErrorCode::InvalidExtendedKey, "tweak out of range");
    PublicKey out;
    out.m_bytes.resize(33);
    size_t len = 33;
    secp256k1_ec_pubkey_serialize(ctx(), out.m_bytes.data(), &len, &pk, SECP256K1_EC_COMPRESSED);
    return out;
}

PublicKey PublicKey::compressed() const
{
    secp256k1_pubkey pk;
    PublicKey out;
    if (m_bytes.empty() || !secp256k1_ec_pubkey_parse(ctx(), &pk, m_bytes.data(), m_bytes.size()))
        return out;
    out.m_bytes.resize(33);
    size_t len = 33;
    secp256k1_ec_pubkey_serialize(ctx(), out.m_bytes.data(), &len, &pk, SECP256K1_EC_COMPRESSED);
    return out;
}

Result<PrivateKey> PrivateKey::fromBytes(ByteView bytes, bool compressed)
{
    if (bytes.size() != 32 || !secp256k1_ec_seckey_verify(ctx(), bytes.data()))
        return makeError(ErrorCode::InvalidPrivateKey, "not a scalar in [1, n-1]");
    PrivateKey k;
    k.m_secret = SecretBytes(bytes);
    k.m_compressed = compressed;
    return k;
}

PrivateKey PrivateKey::generate()
{
    SecretBytes buf(32);
    do {
        if (RAND_bytes(buf.data(), 32) != 1)
            std::abort(); // no entropy: never sign with a guessable key
    } while (!secp256k1_ec_seckey_verify(ctx(), buf.data()));
    PrivateKey k;
    k.m_secret = std::move(buf);
    return k;
}

PublicKey PrivateKey::publicKey() const
{
    secp256k1_pubkey pk;
    PublicKey out;
    if (!isValid() || !secp256k1_ec_pubkey_create(ctx(), &pk, m_secret.data()))
        return out;
    Bytes ser(m_compressed ? 33 : 65);
    size_t len = ser.size();
    secp256k1_ec_pubkey_serialize(ctx(), ser.data(), &len, &pk,
                                  m_compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED);
    return *PublicKey::parse(ser);
}

Bytes PrivateKey::signDer(const Hash256 &digest) const
{
    secp256k1_ecdsa_signature sig;
    // nullptr nonce function = RFC 6979; libsecp256k1 always produces low S.
    int ok = secp256k1_ecdsa_sign(ctx(), &sig, digest.data(), m_secret.data(), nullptr, nullptr);
    (void)ok;
    Bytes der(72);
    size_t len = der.size();
    secp256k1_ecdsa_signature_serialize_der(ctx(), der.data(), &len, &sig);
    der.resize(len);
    return der;
}

CompactSignature PrivateKey::signCompact(const Hash256 &digest) const
{
    secp256k1_ecdsa_signature sig;
    int ok = secp256k1_ecdsa_sign(ctx(), &sig, digest.data(), m_secret.data(), nullptr, nullptr);
    (void)ok;
    CompactSignature out;
    secp256k1_ecdsa_signature_serialize_compact(ctx(), out.data(), &sig);
    return out;
}

Result<PrivateKey> PrivateKey::tweakAdd(ByteView tweak32) const
{
    if (tweak32.size() != 32)
        return makeError(ErrorCode::InvalidPrivateKey);
    SecretBytes k(m_secret.view());
    if (!secp256k1_ec_seckey_tweak_add(ctx(), k.data(), tweak32.data()))
        return makeError(ErrorCode::InvalidExtendedKey, "tweak out of range");
    return fromBytes(k.view(), m_compressed);
}

bool isValidSignatureEncoding(ByteView sig)
{
    // Format: 0x30 [total-length] 0x02 [R-length] [R] 0x02 [S-length] [S] [sighash]
    if (sig.size() < 9 || sig.size() > 73)
        return false;
    if (sig[0] != 0x30)
        return false;
    if (sig[1] != sig.size() - 3)
        return false;
    size_t lenR = sig[3];
    if (5 + lenR >= sig.size())
        return false;
    size_t lenS = sig[5 + lenR];
    if (lenR + lenS + 7 != sig.size())
        return false;
    if (sig[2] != 0x02)
        return false;
    if (lenR == 0)
        return false;
    if (sig[4] & 0x80)
        return false;
    if (lenR > 1 && sig[4] == 0x00 && !(sig[5] & 0x80))
        return false;
    if (sig[lenR + 4] != 0x02)
        return false;
    if (lenS == 0)
        return false;
    if (sig[lenR + 6] & 0x80)
        return false;
    if (lenS > 1 && sig[lenR + 6] == 0x00 && !(sig[lenR + 7] & 0x80))
        return false;
    return true;
}

bool isLowDerSignature(ByteView der)
{
    secp256k1_ecdsa_signature sig;
    if (!parseDerLax(&sig, der.data(), der.size()))
        return false;
    return !secp256k1_ecdsa_signature_normalize(ctx(), nullptr, &sig);
}

Result<CompactSignature> derToCompact(ByteView der)
{
    secp256k1_ecdsa_signature sig;
    if (!secp256k1_ecdsa_signature_parse_der(ctx(), &sig, der.data(), der.size()))
        return makeError(ErrorCode::InvalidSignature, "not strict DER");
    CompactSignature out;
    secp256k1_ecdsa_signature_serialize_compact(ctx(), out.data(), &sig);
    return out;
}

Bytes compactToDer(const CompactSignature &compact)
{
    secp256k1_ecdsa_signature sig;
    Bytes der;
    if (!secp256k1_ecdsa_signature_parse_compact(ctx(), &sig, compact.data()))
        return der;
    der.resize(72);
    size_t len = der.size();
    secp256k1_ecdsa_signature_serialize_der(ctx(), der.data(), &len, &sig);
    der.resize(len);
    return der;
}

} // namespace spillway::bitcoin
