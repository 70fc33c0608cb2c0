#include "Base58.h"
#include "Hash.h"

#include <algorithm>

namespace spillway::bitcoin {

namespace {
constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

int digitOf(char c)
{
    const char *p = std::char_traits<char>::find(kAlphabet, 58, c);
    return p ? static_cast<int>(p - kAlphabet) : -1;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == '\v';
}
} // namespace

std::string base58Encode(ByteView data)
{
    size_t zeroes = 0;
    while (zeroes < data.size() && data[zeroes] == 0)
        ++zeroes;
    // log(256) / log(58), rounded up.
    std::vector<uint8_t> b58((data.size() - zeroes) * 138 / 100 + 1);
    size_t length = 0;
    for (size_t i = zeroes; i < data.size(); ++i) {
        int carry = data[i];
        size_t j = 0;
        for (auto it = b58.rbegin(); (carry != 0 || j < length) && it != b58.rend(); ++it, ++j) {
            carry += 256 * (*it);
            *it = static_cast<uint8_t>(carry % 58);
            carry /= 58;
        }
        length = j;
    }
    auto it = b58.begin() + static_cast<long>(b58.size() - length);
    while (it != b58.end() && *it == 0)
        ++it;
    std::string out(zeroes, '1');
    for (; it != b58.end(); ++it)
        out += kAlphabet[*it];
    return out;
}

Result<Bytes> base58Decode(std::string_view s, size_t maxLen)
{
    size_t p = 0;
    while (p < s.size() && isSpace(s[p]))
        ++p;
    size_t zeroes = 0, length = 0;
    while (p < s.size() && s[p] == '1') {
        if (++zeroes > maxLen)
            return makeError(ErrorCode::OversizedField, "base58 text too long");
        ++p;
    }
    std::vector<uint8_t> b256((s.size() - p) * 733 / 1000 + 1);
    while (p < s.size() && !isSpace(s[p])) {
        int carry = digitOf(s[p]);
        if (carry < 0)
            return makeError(ErrorCode::InvalidBase58, "character outside the base58 alphabet");
        size_t i = 0;
        for (auto it = b256.rbegin(); (carry != 0 || i < length) && it != b256.rend(); ++it, ++i) {
            carry += 58 * (*it);
            *it = static_cast<uint8_t>(carry % 256);
            carry /= 256;
        }
        length = i;
        if (length + zeroes > maxLen)
            return makeError(ErrorCode::OversizedField, "base58 text too long");
        ++p;
    }
    while (p < s.size() && isSpace(s[p]))
        ++p;
    if (p != s.size())
        return makeError(ErrorCode::InvalidBase58, "text after the base58 string");
    auto it = b256.begin() + static_cast<long>(b256.size() - length);
    Bytes out(zeroes, 0);
    out.insert(out.end(), it, b256.end());
    return out;
}

std::string base58CheckEncode(ByteView payload)
{
    Bytes data(payload.begin(), payload.end());
    Hash256 h = sha256d(payload);
    data.insert(data.end(), h.begin(), h.begin() + 4);
    return base58Encode(data);
}

Result<Bytes> base58CheckDecode(std::string_view text, size_t maxPayload)
{
    auto raw = base58Decode(text, maxPayload > SIZE_MAX - 4 ? SIZE_MAX : maxPayload + 4);
    if (!raw)
        return raw.error();
    if (raw->size() < 4)
        return makeError(ErrorCode::InvalidBase58, "too short for a checksum");
    ByteView body(raw->data(), raw->size() - 4);
    Hash256 h = sha256d(body);
    if (!std::equal(h.begin(), h.begin() + 4, raw->end() - 4))
        return makeError(ErrorCode::InvalidChecksum, "base58 checksum");
    return Bytes(body.begin(), body.end());
}

} // namespace spillway::bitcoin
