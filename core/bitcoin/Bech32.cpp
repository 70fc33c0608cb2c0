#include "Bech32.h"

namespace spillway::bitcoin {

namespace {
constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr uint32_t kBech32Const = 1;
constexpr uint32_t kBech32mConst = 0x2bc830a3;

uint32_t polymod(const Bytes &values)
{
    uint32_t chk = 1;
    for (uint8_t v : values) {
        uint8_t top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        if (top & 1) chk ^= 0x3b6a57b2;
        if (top & 2) chk ^= 0x26508e6d;
        if (top & 4) chk ^= 0x1ea119fa;
        if (top & 8) chk ^= 0x3d4233dd;
        if (top & 16) chk ^= 0x2a1462b3;
    }
    return chk;
}

Bytes expandHrp(std::string_view hrp)
{
    Bytes r;
    r.reserve(hrp.size() * 2 + 1);
    for (char c : hrp)
        r.push_back(static_cast<uint8_t>(c) >> 5);
    r.push_back(0);
    for (char c : hrp)
        r.push_back(static_cast<uint8_t>(c) & 31);
    return r;
}

int charsetIndex(char c)
{
    for (int i = 0; i < 32; ++i)
        if (kCharset[i] == c)
            return i;
    return -1;
}
} // namespace

std::string bech32Encode(Bech32Encoding enc, std::string_view hrp, ByteView values)
{
    Bytes v = expandHrp(hrp);
    v.insert(v.end(), values.begin(), values.end());
    v.insert(v.end(), 6, 0);
    const uint32_t mod = polymod(v) ^ (enc == Bech32Encoding::Bech32 ? kBech32Const : kBech32mConst);
    std::string out(hrp);
    out += '1';
    out.reserve(out.size() + values.size() + 6);
    for (uint8_t x : values)
        out += kCharset[x];
    for (int i = 0; i < 6; ++i)
        out += kCharset[(mod >> (5 * (5 - i))) & 31];
    return out;
}

Result<Bech32Decoded> bech32Decode(std::string_view s, size_t maxLength)
{
    bool lower = false, upper = false;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126)
            return makeError(ErrorCode::InvalidBech32, "character out of range");
        if (c >= 'a' && c <= 'z')
            lower = true;
        if (c >= 'A' && c <= 'Z')
            upper = true;
    }
    if (lower && upper)
        return makeError(ErrorCode::InvalidBech32, "mixed case");
    if (s.size() > maxLength)
        return makeError(ErrorCode::InvalidBech32, "too long");
    const size_t pos = s.rfind('1');
    if (pos == std::string_view::npos || pos == 0 || pos + 7 > s.size())
        return makeError(ErrorCode::InvalidBech32, "missing separator or checksum");
    Bech32Decoded out;
    for (size_t i = 0; i < pos; ++i) {
        char c = s[i];
        out.hrp += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    Bytes values;
    values.reserve(s.size() - pos - 1);
    for (size_t i = pos + 1; i < s.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        int v = charsetIndex(c);
        if (v < 0)
            return makeError(ErrorCode::InvalidBech32, "invalid data character");
        values.push_back(static_cast<uint8_t>(v));
    }
    Bytes check = expandHrp(out.hrp);
    check.insert(check.end(), values.begin(), values.end());
    const uint32_t mod = polymod(check);
    if (mod == kBech32Const)
        out.encoding = Bech32Encoding::Bech32;
    else if (mod == kBech32mConst)
        out.encoding = Bech32Encoding::Bech32m;
    else
        return makeError(ErrorCode::InvalidChecksum, "bech32 checksum");
    out.data.assign(values.begin(), values.end() - 6);
    return out;
}

bool convertBits(Bytes &out, ByteView in, int fromBits, int toBits, bool pad)
{
    uint32_t acc = 0;
    int bits = 0;
    const uint32_t maxv = (1u << toBits) - 1;
    for (uint8_t value : in) {
        if (value >> fromBits)
            return false;
        acc = (acc << fromBits) | value;
        bits += fromBits;
        while (bits >= toBits) {
            bits -= toBits;
            out.push_back(static_cast<uint8_t>((acc >> bits) & maxv));
        }
    }
    if (pad) {
        if (bits)
            out.push_back(static_cast<uint8_t>((acc << (toBits - bits)) & maxv));
    } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv)) {
        return false;
    }
    return true;
}

Result<std::string> encodeSegwitAddress(std::string_view hrp, int version, ByteView program)
{
    if (hrp.empty() || hrp.size() > 83)
        return makeError(ErrorCode::InvalidAddress, "bad human-readable part");
    for (char c : hrp)
        if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z'))
            return makeError(ErrorCode::InvalidAddress, "bad human-readable part");
    if (version < 0 || version > 16)
        return makeError(ErrorCode::InvalidAddress, "witness version out of range");
    if (program.size() < 2 || program.size() > 40 || (version == 0 && program.size() != 20 && program.size() != 32))
        return makeError(ErrorCode::InvalidAddress, "witness program length");
    Bytes values{static_cast<uint8_t>(version)};
    convertBits(values, program, 8, 5, true);
    return bech32Encode(version == 0 ? Bech32Encoding::Bech32 : Bech32Encoding::Bech32m, hrp, values);
}

Result<SegwitAddress> decodeSegwitAddress(std::string_view hrp, std::string_view address)
{
    auto dec = bech32Decode(address);
    if (!dec)
        return dec.error();
    if (dec->hrp != hrp)
        return makeError(ErrorCode::WrongNetwork, "address prefix " + dec->hrp);
    if (dec->data.empty() || dec->data[0] > 16)
        return makeError(ErrorCode::InvalidAddress, "bad witness version");
    SegwitAddress out;
    out.version = dec->data[0];
    if (!convertBits(out.program, ByteView(dec->data).subspan(1), 5, 8, false))
        return makeError(ErrorCode::InvalidAddress, "bad padding");
    if (out.program.size() < 2 || out.program.size() > 40)
        return makeError(ErrorCode::InvalidAddress, "program length");
    if (out.version == 0 && out.program.size() != 20 && out.program.size() != 32)
        return makeError(ErrorCode::InvalidAddress, "v0 program length");
    const auto want = out.version == 0 ? Bech32Encoding::Bech32 : Bech32Encoding::Bech32m;
    if (dec->encoding != want)
        return makeError(ErrorCode::InvalidAddress, "wrong checksum variant for the witness version");
    return out;
}

} // namespace spillway::bitcoin
