#include "Bip21.h"

#include "Address.h"

#include <cctype>
#include <set>

namespace spillway::bitcoin {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<std::string> percentDecode(std::string_view s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size())
            return makeError(ErrorCode::InvalidArgument, "a % escape is cut short");
        const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
        if (hi < 0 || lo < 0)
            return makeError(ErrorCode::InvalidArgument, "a bad % escape");
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string percentEncode(std::string_view s)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

Result<PaymentRequest> parseBip21(std::string_view uri, const Network &net)
{
    while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.front())))
        uri.remove_prefix(1);
    while (!uri.empty() && std::isspace(static_cast<unsigned char>(uri.back())))
        uri.remove_suffix(1);
    constexpr std::string_view scheme = "bitcoin:";
    if (uri.size() < scheme.size() || lower(uri.substr(0, scheme.size())) != scheme)
        return makeError(ErrorCode::InvalidArgument, "not a bitcoin: URI");
    uri.remove_prefix(scheme.size());
    if (uri.substr(0, 2) == "//") // some wallets write bitcoin://address
        uri.remove_prefix(2);
    const size_t q = uri.find('?');
    PaymentRequest r;
    auto address = percentDecode(uri.substr(0, q));
    if (!address)
        return address.error();
    r.address = *address;
    if (r.address.empty())
        return makeError(ErrorCode::InvalidAddress, "the URI has no address");
    auto script = decodeAddress(r.address, net);
    if (!script)
        return script.error();
    r.address = encodeAddress(*script, net).value_or(r.address); // "BC1Q…" from a QR code as "bc1q…"
    std::set<std::string> seen;
    std::string_view rest = q == std::string_view::npos ? std::string_view{} : uri.substr(q + 1);
    while (!rest.empty()) {
        const size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        const size_t eq = pair.find('=');
        auto key = percentDecode(pair.substr(0, eq));
        auto value = percentDecode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!key)
            return key.error();
        if (!value)
            return value.error();
        const std::string k = lower(*key);
        if (!seen.insert(k).second)
            return makeError(ErrorCode::InvalidArgument, "the parameter " + k + " appears twice");
        if (k == "amount") {
            auto a = Amount::parseBtc(*value); // always BTC, whatever unit the wallet shows
            if (!a)
                return a.error();
            if (a->sat() <= 0)
                return makeError(ErrorCode::InvalidAmount, "the amount must be positive");
            r.amount = *a;
        } else if (k == "label") {
            r.label = *value;
        } else if (k == "message") {
            r.message = *value;
        } else if (k.rfind("req-", 0) == 0) {
            // A requirement this wallet does not know: paying anyway could pay wrongly.
            return makeError(ErrorCode::InvalidArgument, "the request requires " + k.substr(4) + ", which this wallet does not support");
        }
        // Other parameters are optional extras (lightning=, pj=, ...): ignored.
    }
    return r;
}

std::string makeBip21(const PaymentRequest &request, bool upperCaseAddress)
{
    std::string uri = upperCaseAddress ? "BITCOIN:" : "bitcoin:"; // keys stay lower case, as BIP 21 writes them
    std::string address = request.address;
    // Bech32 is case-insensitive and upper case fits a QR code's alphanumeric mode;
    // base58 is not (its case is part of the address).
    const std::string l = lower(address);
    const bool bech32 = l.rfind("bc1", 0) == 0 || l.rfind("tb1", 0) == 0 || l.rfind("bcrt1", 0) == 0;
    if (upperCaseAddress && bech32)
        for (char &c : address)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    uri += address;
    char sep = '?';
    auto add = [&](std::string_view key, const std::string &value) {
        uri += sep;
        uri += key;
        uri += '=';
        uri += value;
        sep = '&';
    };
    if (request.amount) {
        std::string btc = request.amount->toBtcString();
        while (!btc.empty() && btc.back() == '0')
            btc.pop_back();
        if (!btc.empty() && btc.back() == '.')
            btc.pop_back();
        add("amount", btc);
    }
    if (!request.label.empty())
        add("label", percentEncode(request.label));
    if (!request.message.empty())
        add("message", percentEncode(request.message));
    return uri;
}

} // namespace spillway::bitcoin
