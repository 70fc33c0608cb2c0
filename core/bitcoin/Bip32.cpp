#include "Bip32.h"
#include "Base58.h"
#include "Serialize.h"

#include <algorithm>

namespace spillway::bitcoin {

Result<std::vector<uint32_t>> parseDerivationPath(std::string_view path)
{
    std::vector<uint32_t> out;
    if (path.empty() || path[0] != 'm')
        return makeError(ErrorCode::InvalidDerivationPath, "a path starts with m");
    size_t i = 1;
    while (i < path.size()) {
        if (path[i] != '/')
            return makeError(ErrorCode::InvalidDerivationPath, "expected /");
        ++i;
        uint64_t n = 0;
        size_t digits = 0;
        while (i < path.size() && path[i] >= '0' && path[i] <= '9') {
            n = n * 10 + uint64_t(path[i] - '0');
            if (n >= kHardened)
                return makeError(ErrorCode::InvalidDerivationPath, "index too large");
            ++i;
            ++digits;
        }
        if (digits == 0)
            return makeError(ErrorCode::InvalidDerivationPath, "missing index");
        if (i < path.size() && (path[i] == '\'' || path[i] == 'h' || path[i] == 'H')) {
            n |= kHardened;
            ++i;
        }
        out.push_back(static_cast<uint32_t>(n));
    }
    return out;
}

std::string formatDerivationPath(const std::vector<uint32_t> &path)
{
    std::string s = "m";
    for (uint32_t i : path) {
        s += "/" + std::to_string(i & ~kHardened);
        if (i & kHardened)
            s += "'";
    }
    return s;
}

namespace {
Bytes serializeHeader(uint32_t version, uint8_t depth, const std::array<uint8_t, 4> &fp, uint32_t child,
                      const std::array<uint8_t, 32> &chain)
{
    Bytes b(4);
    writeBe32(b.data(), version);
    b.push_back(depth);
    b.insert(b.end(), fp.begin(), fp.end());
    uint8_t c[4];
    writeBe32(c, child);
    b.insert(b.end(), c, c + 4);
    b.insert(b.end(), chain.begin(), chain.end());
    return b;
}

struct Header {
    uint8_t depth;
    std::array<uint8_t, 4> fp;
    uint32_t child;
    std::array<uint8_t, 32> chain;
    Bytes keyData;
};

Result<Header> decodeHeader(std::string_view text, uint32_t expectedVersion)
{
    auto data = base58CheckDecode(text, 78);
    if (!data)
        return makeError(data.error().code == ErrorCode::InvalidChecksum ? ErrorCode::InvalidChecksum
                                                                          : ErrorCode::InvalidExtendedKey,
                         data.error().describe());
    if (data->size() != 78)
        return makeError(ErrorCode::InvalidExtendedKey, "an extended key has 78 bytes");
    if (readBe32(data->data()) != expectedVersion)
        return makeError(ErrorCode::WrongNetwork, "extended key version");
    Header h;
    h.depth = (*data)[4];
    std::copy(data->begin() + 5, data->begin() + 9, h.fp.begin());
    h.child = readBe32(data->data() + 9);
    std::copy(data->begin() + 13, data->begin() + 45, h.chain.begin());
    h.keyData.assign(data->begin() + 45, data->end());
    secureWipe(data->data(), data->size());
    if (h.depth == 0 && (h.child != 0 || h.fp != std::array<uint8_t, 4>{}))
        return makeError(ErrorCode::InvalidExtendedKey, "a master key has no parent");
    return h;
}
} // namespace

std::array<uint8_t, 4> ExtendedPublicKey::fingerprint() const
{
    Hash160 h = key.hash();
    return {h[0], h[1], h[2], h[3]};
}

Result<ExtendedPublicKey> ExtendedPublicKey::derive(uint32_t index) const
{
    if (index & kHardened)
        return makeError(ErrorCode::InvalidDerivationPath, "hardened child of a public key");
    if (depth == 255)
        return makeError(ErrorCode::InvalidDerivationPath, "too deep");
    Bytes data = key.bytes();
    uint8_t idx[4];
    writeBe32(idx, index);
    data.insert(data.end(), idx, idx + 4);
    auto I = hmacSha512(chainCode, data);
    auto child = key.tweakAdd(ByteView(I.data(), 32));
    if (!child)
        return child.error();
    ExtendedPublicKey out;
    out.depth = depth + 1;
    out.parentFingerprint = fingerprint();
    out.childNumber = index;
    std::copy(I.begin() + 32, I.end(), out.chainCode.begin());
    out.key = *child;
    return out;
}

std::string ExtendedPublicKey::encode(uint32_t version) const
{
    Bytes b = serializeHeader(version, depth, parentFingerprint, childNumber, chainCode);
    b.insert(b.end(), key.bytes().begin(), key.bytes().end());
    return base58CheckEncode(b);
}

Result<ExtendedPublicKey> ExtendedPublicKey::decode(std::string_view text, uint32_t expectedVersion)
{
    auto h = decodeHeader(text, expectedVersion);
    if (!h)
        return h.error();
    auto pk = PublicKey::parse(h->keyData);
    if (!pk || !pk->isCompressed())
        return makeError(ErrorCode::InvalidExtendedKey, "bad public key");
    ExtendedPublicKey out;
    out.depth = h->depth;
    out.parentFingerprint = h->fp;
    out.childNumber = h->child;
    out.chainCode = h->chain;
    out.key = *pk;
    return out;
}

Result<ExtendedPrivateKey> ExtendedPrivateKey::fromSeed(ByteView seed)
{
    if (seed.size() < 16 || seed.size() > 64)
        return makeError(ErrorCode::InvalidExtendedKey, "seed must be 16 to 64 bytes");
    auto I = hmacSha512(asBytes("Bitcoin seed"), seed);
    auto k = PrivateKey::fromBytes(ByteView(I.data(), 32));
    if (!k) {
        secureWipe(I.data(), I.size());
        return makeError(ErrorCode::InvalidExtendedKey, "unusable seed");
    }
    ExtendedPrivateKey out;
    out.key = std::move(*k);
    std::copy(I.begin() + 32, I.end(), out.chainCode.begin());
    secureWipe(I.data(), I.size());
    return out;
}

Result<ExtendedPrivateKey> ExtendedPrivateKey::derive(uint32_t index) const
{
    if (depth == 255)
        return makeError(ErrorCode::InvalidDerivationPath, "too deep");
    const PublicKey pub = key.publicKey();
    SecretBytes data;
    if (index & kHardened) {
        Bytes d{0};
        d.insert(d.end(), key.bytes().begin(), key.bytes().end());
        data = SecretBytes(d);
        secureWipe(d.data(), d.size());
    } else {
        data = SecretBytes(pub.bytes());
    }
    Bytes tail(4);
    writeBe32(tail.data(), index);
    SecretBytes msg(data.size() + 4);
    std::copy(data.view().begin(), data.view().end(), msg.data());
    std::copy(tail.begin(), tail.end(), msg.data() + data.size());
    auto I = hmacSha512(chainCode, msg.view());
    auto child = key.tweakAdd(ByteView(I.data(), 32));
    if (!child) {
        secureWipe(I.data(), I.size());
        return child.error();
    }
    ExtendedPrivateKey out;
    out.depth = depth + 1;
    Hash160 h = pub.hash();
    out.parentFingerprint = {h[0], h[1], h[2], h[3]};
    out.childNumber = index;
    std::copy(I.begin() + 32, I.end(), out.chainCode.begin());
    out.key = std::move(*child);
    secureWipe(I.data(), I.size());
    return out;
}

Result<ExtendedPrivateKey> ExtendedPrivateKey::derivePath(const std::vector<uint32_t> &path) const
{
    ExtendedPrivateKey cur = *this;
    for (uint32_t i : path) {
        auto next = cur.derive(i);
        if (!next)
            return next.error();
        cur = std::move(*next);
    }
    return cur;
}

ExtendedPublicKey ExtendedPrivateKey::neuter() const
{
    ExtendedPublicKey p;
    p.depth = depth;
    p.parentFingerprint = parentFingerprint;
    p.childNumber = childNumber;
    p.chainCode = chainCode;
    p.key = key.publicKey();
    return p;
}

std::string ExtendedPrivateKey::encode(uint32_t version) const
{
    Bytes b = serializeHeader(version, depth, parentFingerprint, childNumber, chainCode);
    b.push_back(0);
    b.insert(b.end(), key.bytes().begin(), key.bytes().end());
    std::string s = base58CheckEncode(b);
    secureWipe(b.data(), b.size());
    return s;
}

Result<ExtendedPrivateKey> ExtendedPrivateKey::decode(std::string_view text, uint32_t expectedVersion)
{
    auto h = decodeHeader(text, expectedVersion);
    if (!h)
        return h.error();
    if (h->keyData[0] != 0)
        return makeError(ErrorCode::InvalidExtendedKey, "private key data must start with 0");
    auto k = PrivateKey::fromBytes(ByteView(h->keyData).subspan(1));
    secureWipe(h->keyData.data(), h->keyData.size());
    if (!k)
        return makeError(ErrorCode::InvalidExtendedKey, "private key out of range");
    ExtendedPrivateKey out;
    out.depth = h->depth;
    out.parentFingerprint = h->fp;
    out.childNumber = h->child;
    out.chainCode = h->chain;
    out.key = std::move(*k);
    return out;
}

std::vector<uint32_t> bip84Path(const Network &net, uint32_t account, uint32_t change, uint32_t index)
{
    return {84 | kHardened, net.coinType | kHardened, account | kHardened, change, index};
}

} // namespace spillway::bitcoin
