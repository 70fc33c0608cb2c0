#include "Hash.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>

namespace spillway::bitcoin {

namespace {
template <size_t N>
std::array<uint8_t, N> evpDigest(const EVP_MD *md, ByteView data)
{
    std::array<uint8_t, N> out{};
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr);
    return out;
}

const EVP_MD *ripemdMd()
{
    // RIPEMD-160 lives in OpenSSL 3's default provider on Debian 12; fetch it once.
    static const EVP_MD *md = [] {
        const EVP_MD *m = EVP_MD_fetch(nullptr, "RIPEMD160", nullptr);
        if (!m)
            m = EVP_ripemd160();
        return m;
    }();
    return md;
}
} // namespace

Hash256 sha256(ByteView data)
{
    Hash256 out;
    SHA256(data.data(), data.size(), out.data());
    return out;
}

Hash256 sha256d(ByteView data)
{
    Hash256 first = sha256(data);
    return sha256(first);
}

std::array<uint8_t, 20> ripemd160(ByteView data)
{
    return evpDigest<20>(ripemdMd(), data);
}

std::array<uint8_t, 20> sha1(ByteView data)
{
    std::array<uint8_t, 20> out;
    SHA1(data.data(), data.size(), out.data());
    return out;
}

Hash160 hash160(ByteView data)
{
    Hash256 s = sha256(data);
    return ripemd160(s);
}

std::array<uint8_t, 64> hmacSha512(ByteView key, ByteView data)
{
    std::array<uint8_t, 64> out{};
    unsigned int len = 0;
    HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), data.data(), data.size(), out.data(), &len);
    return out;
}

SecretBytes pbkdf2Sha512(ByteView password, ByteView salt, int iterations, size_t outLen)
{
    SecretBytes out(outLen);
    PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(password.data()), static_cast<int>(password.size()),
                      salt.data(), static_cast<int>(salt.size()), iterations, EVP_sha512(),
                      static_cast<int>(outLen), out.data());
    return out;
}

Sha256Writer::Sha256Writer() : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(m_ctx), EVP_sha256(), nullptr);
}

Sha256Writer::~Sha256Writer()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_ctx));
}

void Sha256Writer::write(ByteView data)
{
    EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(m_ctx), data.data(), data.size());
}

Hash256 Sha256Writer::finalize()
{
    Hash256 out;
    unsigned int len = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(m_ctx), out.data(), &len);
    return out;
}

Hash256 Sha256Writer::finalizeDouble()
{
    Hash256 first = finalize();
    return sha256(first);
}

std::string toDisplayHex(const Hash256 &h)
{
    Hash256 r = h;
    std::reverse(r.begin(), r.end());
    return toHex(r);
}

Result<Hash256> fromDisplayHex(std::string_view hex)
{
    auto bytes = fromHex(hex);
    if (!bytes)
        return bytes.error();
    if (bytes->size() != 32)
        return makeError(ErrorCode::InvalidHex, "a hash has 64 hex digits");
    Hash256 h;
    std::reverse_copy(bytes->begin(), bytes->end(), h.begin());
    return h;
}

} // namespace spillway::bitcoin
