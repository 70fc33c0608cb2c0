#pragma once
// The one place amounts are written and read in the window: satoshis or BTC, as
// the user chose (Settings), grouped and pointed by the user's QLocale, parsed
// exactly (no floating point) with a plain sentence when the text is not an amount.

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace spillway::ui {

class BitcoinUnits {
    Q_DECLARE_TR_FUNCTIONS(spillway::ui::BitcoinUnits)
public:
    enum class Unit { Sat, Btc };
    static constexpr qint64 kCoin = 100'000'000;
    static constexpr qint64 kMaxSat = 21'000'000 * kCoin;

    /// The unit chosen in Settings (this wallet's, else the default: sat).
    static Unit chosen();
    static QString name(Unit u);
    /// "1,234 sat", "0.00123400 BTC" (group and decimal signs of the locale).
    static QString format(qint64 sat, Unit u, bool withUnit = true);

    struct Parsed {
        std::optional<qint64> sat; ///< empty when the text is not an amount
        QString problem;           ///< why, as a sentence (empty for an empty text)
    };
    /// Reads what the user typed in unit `u`: the locale's or a plain '.' as the decimal
    /// point, group separators ignored, at most 8 decimals in BTC, none in sat.
    static Parsed parse(const QString &text, Unit u);
};

} // namespace spillway::ui
