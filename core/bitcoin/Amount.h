#pragma once
// Amount: integer satoshis with checked arithmetic (protocol.md "Roles and amounts").

#include "common/Result.h"

#include <compare>
#include <cstdint>
#include <string>

namespace spillway::bitcoin {

class Amount {
public:
    static constexpr int64_t kCoin = 100'000'000;
    static constexpr int64_t kMaxMoney = 21'000'000 * kCoin;

    constexpr Amount() = default;
    static constexpr Amount fromSat(int64_t sat) { return Amount(sat); }
    /// Parses "1.5", "0.00000001" (BTC, at most 8 decimals) exactly, no floating point.
    static Result<Amount> parseBtc(std::string_view text);

    [[nodiscard]] constexpr int64_t sat() const { return m_sat; }
    /// In [0, 21e6 BTC], what a transaction output may carry (Core's MoneyRange).
    [[nodiscard]] constexpr bool inMoneyRange() const { return m_sat >= 0 && m_sat <= kMaxMoney; }

    [[nodiscard]] Result<Amount> checkedAdd(Amount o) const;
    [[nodiscard]] Result<Amount> checkedSub(Amount o) const;
    [[nodiscard]] Result<Amount> checkedMul(int64_t factor) const;

    /// "0.00100000" style, 8 decimals.
    [[nodiscard]] std::string toBtcString() const;

    constexpr auto operator<=>(const Amount &) const = default;

private:
    constexpr explicit Amount(int64_t sat) : m_sat(sat) {}
    int64_t m_sat = 0;
};

} // namespace spillway::bitcoin
