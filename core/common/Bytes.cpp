#include "Bytes.h"

#include <openssl/crypto.h>

namespace spillway {

std::string toHex(ByteView data)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    s.resize(data.size() * 2);
    for (size_t i = 0; i < data.size(); ++i) {
        s[2 * i] = kDigits[data[i] >> 4];
        s[2 * i + 1] = kDigits[data[i] & 15];
    }
    return s;
}

static int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<Bytes> fromHex(std::string_view hex)
{
    if (hex.size() % 2 != 0)
        return makeError(ErrorCode::InvalidHex, "odd number of hex digits");
    Bytes out(hex.size() / 2);
    for (size_t i = 0; i < out.size(); ++i) {
        int hi = hexValue(hex[2 * i]);
        int lo = hexValue(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return makeError(ErrorCode::InvalidHex, "non-hex character");
        out[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    return out;
}

void secureWipe(void *data, size_t size)
{
    OPENSSL_cleanse(data, size);
}

} // namespace spillway
