#include "Address.h"
#include "Base58.h"
#include "Bech32.h"

namespace spillway::bitcoin {

std::optional<std::string> encodeAddress(const Script &spk, const Network &net)
{
    const Bytes &b = spk.bytes();
    if (b.size() == 25 && b[0] == OP_DUP && b[1] == OP_HASH160 && b[2] == 20 && b[23] == OP_EQUALVERIFY &&
        b[24] == OP_CHECKSIG) {
        Bytes payload{net.p2pkhPrefix};
        payload.insert(payload.end(), b.begin() + 3, b.begin() + 23);
        return base58CheckEncode(payload);
    }
    if (spk.isPayToScriptHash()) {
        Bytes payload{net.p2shPrefix};
        payload.insert(payload.end(), b.begin() + 2, b.begin() + 22);
        return base58CheckEncode(payload);
    }
    int version;
    Bytes program;
    if (spk.witnessProgram(version, program)) {
        auto a = encodeSegwitAddress(net.hrp, version, program);
        if (!a)
            return std::nullopt;
        return *a;
    }
    return std::nullopt;
}

Result<Script> decodeAddress(std::string_view address, const Network &net)
{
    std::string lowerPrefix;
    for (size_t i = 0; i < address.size() && i < net.hrp.size(); ++i) {
        char c = address[i];
        lowerPrefix += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    // As Core's DecodeDestination: the network's hrp as a prefix means bech32.
    const bool looksBech32 = lowerPrefix == net.hrp;
    if (!looksBech32) {
        auto data = base58CheckDecode(address, 21);
        if (data && data->size() == 21) {
            Hash160 h;
            std::copy(data->begin() + 1, data->end(), h.begin());
            if ((*data)[0] == net.p2pkhPrefix)
                return p2pkh(h);
            if ((*data)[0] == net.p2shPrefix)
                return p2sh(h);
            return makeError(ErrorCode::WrongNetwork, "base58 prefix");
        }
        // A valid bech32 string for another network is a network error, not a typo.
        auto other = bech32Decode(address);
        if (other && other->hrp != net.hrp)
            return makeError(ErrorCode::WrongNetwork, "address prefix " + other->hrp);
        if (!data)
            return makeError(ErrorCode::InvalidAddress, data.error().describe());
        return makeError(ErrorCode::InvalidAddress, "wrong length");
    }
    auto seg = decodeSegwitAddress(net.hrp, address);
    if (!seg)
        return makeError(seg.error().code == ErrorCode::WrongNetwork ? ErrorCode::WrongNetwork : ErrorCode::InvalidAddress,
                         seg.error().describe());
    return witnessProgramScript(seg->version, seg->program);
}

std::string encodeWif(const PrivateKey &key, const Network &net)
{
    Bytes payload{net.wifPrefix};
    payload.insert(payload.end(), key.bytes().begin(), key.bytes().end());
    if (key.isCompressed())
        payload.push_back(1);
    std::string s = base58CheckEncode(payload);
    secureWipe(payload.data(), payload.size());
    return s;
}

Result<PrivateKey> decodeWif(std::string_view wif, const Network &net)
{
    auto data = base58CheckDecode(wif, 34);
    if (!data)
        return data.error();
    SecretBytes secret(*data);
    secureWipe(data->data(), data->size());
    const bool compressed = secret.size() == 34 && secret[33] == 1;
    if (!(secret.size() == 33 || compressed))
        return makeError(ErrorCode::InvalidPrivateKey, "wrong WIF length");
    if (secret[0] != net.wifPrefix)
        return makeError(ErrorCode::WrongNetwork, "WIF prefix");
    return PrivateKey::fromBytes(ByteView(secret.data() + 1, 32), compressed);
}

} // namespace spillway::bitcoin
