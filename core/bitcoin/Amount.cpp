#include "Amount.h"

#include <cstdlib>

namespace spillway::bitcoin {

Result<Amount> Amount::checkedAdd(Amount o) const
{
    int64_t r;
    if (__builtin_add_overflow(m_sat, o.m_sat, &r))
        return makeError(ErrorCode::AmountOverflow, "addition overflows");
    return Amount(r);
}

Result<Amount> Amount::checkedSub(Amount o) const
{
    int64_t r;
    if (__builtin_sub_overflow(m_sat, o.m_sat, &r))
        return makeError(ErrorCode::AmountOverflow, "subtraction overflows");
    return Amount(r);
}

Result<Amount> Amount::checkedMul(int64_t factor) const
{
    int64_t r;
    if (__builtin_mul_overflow(m_sat, factor, &r))
        return makeError(ErrorCode::AmountOverflow, "multiplication overflows");
    return Amount(r);
}

std::string Amount::toBtcString() const
{
    uint64_t abs = m_sat < 0 ? 0 - static_cast<uint64_t>(m_sat) : static_cast<uint64_t>(m_sat);
    std::string frac = std::to_string(abs % kCoin);
    frac.insert(0, 8 - frac.size(), '0');
    return (m_sat < 0 ? "-" : "") + std::to_string(abs / kCoin) + "." + frac;
}

Result<Amount> Amount::parseBtc(std::string_view text)
{
    if (text.empty())
        return makeError(ErrorCode::InvalidAmount, "empty amount");
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if ((whole.empty() && frac.empty()) || frac.size() > 8 || whole.size() > 8)
        return makeError(ErrorCode::InvalidAmount, "not a BTC amount with at most 8 decimals");
    int64_t w = 0, f = 0;
    for (char c : whole) {
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidAmount, "not a number");
        w = w * 10 + (c - '0');
    }
    for (size_t i = 0; i < 8; ++i) {
        char c = i < frac.size() ? frac[i] : '0';
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidAmount, "not a number");
        f = f * 10 + (c - '0');
    }
    Amount a(w * kCoin + f);
    if (!a.inMoneyRange())
        return makeError(ErrorCode::InvalidAmount, "more than 21 million BTC");
    return a;
}

} // namespace spillway::bitcoin
