#include "SeedLock.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace spillway::wallet {

namespace {

constexpr char kMagic[7] = {'S', 'P', 'W', 'L', 'O', 'C', 'K'};
constexpr size_t kSaltAt = 12, kNonceAt = 28, kCheckAt = 40, kLengthAt = 56;
constexpr size_t kNonceSize = 12;
/// Largest plaintext a blob may hold: a 64-byte seed or up to 32 bytes of entropy.
constexpr uint32_t kMaxPlain = 1024;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

bool paramsInRange(uint8_t logN, uint8_t r, uint8_t p)
{
    // Up to N = 2^20 with r = 8 (1 GiB): nothing a changed header can make worse.
    return logN >= 10 && logN <= 20 && r >= 1 && r <= 16 && p >= 1 && p <= 4 && (uint64_t(128) * r << logN) <= (uint64_t(1) << 30);
}

Result<SeedKey> derive(ByteView password, const std::array<uint8_t, 16> &salt, uint8_t logN, uint8_t r, uint8_t p)
{
    SecretBytes out(64);
    const uint64_t n = uint64_t(1) << logN;
    // scrypt's own need (128 r (N + p + 2) bytes) and room to spare.
    const uint64_t maxmem = uint64_t(128) * r * (n + p + 2) + (uint64_t(1) << 20);
    if (EVP_PBE_scrypt(reinterpret_cast<const char *>(password.data()), password.size(), salt.data(), salt.size(), n, r, p,
                       maxmem, out.data(), out.size()) != 1)
        return makeError(ErrorCode::Unknown, "scrypt failed");
    SeedKey k;
    k.aesKey = SecretBytes(ByteView(out.data(), 32));
    std::copy(out.data() + 32, out.data() + 48, k.check.begin());
    k.salt = salt;
    k.logN = logN;
    k.r = r;
    k.p = p;
    return k;
}

uint32_t readLength(ByteView blob)
{
    return uint32_t(blob[kLengthAt]) | uint32_t(blob[kLengthAt + 1]) << 8 | uint32_t(blob[kLengthAt + 2]) << 16 |
           uint32_t(blob[kLengthAt + 3]) << 24;
}

/// The header's own checks: version, parameters, length against the blob's size.
Status checkHeader(ByteView blob)
{
    if (!SeedLock::isSealed(blob) || blob.size() < SeedLock::kHeaderSize + SeedLock::kTagSize)
        return makeError(ErrorCode::SeedDamaged, "the locked seed is too short");
    if (blob[7] != SeedLock::kVersion)
        return makeError(ErrorCode::SeedDamaged, "locked seed version " + std::to_string(blob[7]) + " is not known to this build");
    if (!paramsInRange(blob[8], blob[9], blob[10]))
        return makeError(ErrorCode::SeedDamaged, "scrypt parameters out of range");
    const uint32_t len = readLength(blob);
    if (len == 0 || len > kMaxPlain || blob.size() != SeedLock::kHeaderSize + len + SeedLock::kTagSize)
        return makeError(ErrorCode::SeedDamaged, "the locked seed's length does not match its header");
    return {};
}

} // namespace

bool SeedLock::isSealed(ByteView entry)
{
    return entry.size() >= sizeof(kMagic) && std::memcmp(entry.data(), kMagic, sizeof(kMagic)) == 0;
}

Result<SeedKey> SeedLock::newKey(ByteView password, uint8_t logN)
{
    if (password.empty())
        return makeError(ErrorCode::InvalidArgument, "the password is empty");
    if (!paramsInRange(logN, 8, 1))
        return makeError(ErrorCode::InvalidArgument, "scrypt N out of range");
    std::array<uint8_t, 16> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return makeError(ErrorCode::Unknown, "no random bytes");
    return derive(password, salt, logN, 8, 1);
}

Result<SeedKey> SeedLock::keyFor(ByteView blob, ByteView password)
{
    SPW_TRY(checkHeader(blob));
    std::array<uint8_t, 16> salt{};
    std::copy(blob.begin() + kSaltAt, blob.begin() + kSaltAt + 16, salt.begin());
    auto key = derive(password, salt, blob[8], blob[9], blob[10]);
    if (!key)
        return key.error();
    if (CRYPTO_memcmp(key->check.data(), blob.data() + kCheckAt, key->check.size()) != 0)
        return makeError(ErrorCode::WrongPassword);
    return key;
}

bool SeedLock::fits(ByteView blob, const SeedKey &key)
{
    return checkHeader(blob).ok() && blob[8] == key.logN && blob[9] == key.r && blob[10] == key.p &&
           std::equal(key.salt.begin(), key.salt.end(), blob.begin() + kSaltAt) &&
           CRYPTO_memcmp(key.check.data(), blob.data() + kCheckAt, key.check.size()) == 0;
}

Result<Bytes> SeedLock::seal(ByteView secret, const SeedKey &key)
{
    if (key.aesKey.size() != 32 || secret.empty() || secret.size() > kMaxPlain)
        return makeError(ErrorCode::InvalidArgument, "nothing to seal, or no key");
    Bytes out(kHeaderSize + secret.size() + kTagSize, 0);
    std::memcpy(out.data(), kMagic, sizeof(kMagic));
    out[7] = kVersion;
    out[8] = key.logN;
    out[9] = key.r;
    out[10] = key.p;
    std::copy(key.salt.begin(), key.salt.end(), out.begin() + kSaltAt);
    if (RAND_bytes(out.data() + kNonceAt, static_cast<int>(kNonceSize)) != 1)
        return makeError(ErrorCode::Unknown, "no random bytes");
    std::copy(key.check.begin(), key.check.end(), out.begin() + kCheckAt);
    const auto len = static_cast<uint32_t>(secret.size());
    for (int i = 0; i < 4; ++i)
        out[kLengthAt + static_cast<size_t>(i)] = static_cast<uint8_t>(len >> (8 * i));
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int n = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.aesKey.data(), out.data() + kNonceAt) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &n, out.data(), static_cast<int>(kHeaderSize)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + kHeaderSize, &n, secret.data(), static_cast<int>(secret.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kHeaderSize + n, &n) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize), out.data() + kHeaderSize + secret.size()) != 1)
        return makeError(ErrorCode::Unknown, "AES-GCM failed");
    return out;
}

Result<SecretBytes> SeedLock::open(ByteView blob, const SeedKey &key)
{
    SPW_TRY(checkHeader(blob));
    if (key.aesKey.size() != 32 || !fits(blob, key))
        return makeError(ErrorCode::WrongPassword, "the key is not this seed's");
    const size_t len = readLength(blob);
    SecretBytes plain(len);
    std::array<uint8_t, kTagSize> tag{};
    std::copy(blob.end() - static_cast<ptrdiff_t>(kTagSize), blob.end(), tag.begin());
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int n = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.aesKey.data(), blob.data() + kNonceAt) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &n, blob.data(), static_cast<int>(kHeaderSize)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain.data(), &n, blob.data() + kHeaderSize, static_cast<int>(len)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) != 1)
        return makeError(ErrorCode::Unknown, "AES-GCM failed");
    if (EVP_DecryptFinal_ex(ctx.get(), plain.data() + n, &n) != 1)
        return makeError(ErrorCode::SeedDamaged, "the locked seed fails its authentication");
    return plain;
}

} // namespace spillway::wallet
