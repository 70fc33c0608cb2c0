#include "BitcoinUnits.h"
#include "WalletSettings.h"

#include <QLocale>
#include <QSettings>

namespace spillway::ui {

BitcoinUnits::Unit BitcoinUnits::chosen()
{
    return WalletSettings::value(QStringLiteral("unit")).toString() == QLatin1String("btc") ? Unit::Btc : Unit::Sat;
}

QString BitcoinUnits::name(Unit u)
{
    return u == Unit::Btc ? QStringLiteral("BTC") : tr("sat");
}

QString BitcoinUnits::format(qint64 sat, Unit u, bool withUnit)
{
    const QLocale locale;
    QString number;
    if (u == Unit::Sat) {
        number = locale.toString(sat);
    } else {
        const qint64 a = sat < 0 ? -sat : sat;
        QString frac = QString::number(a % kCoin).rightJustified(8, QLatin1Char('0'));
        number = (sat < 0 ? locale.negativeSign() : QString()) + locale.toString(a / kCoin) + locale.decimalPoint() + frac;
    }
    return withUnit ? tr("%1 %2").arg(number, name(u)) : number;
}

BitcoinUnits::Parsed BitcoinUnits::parse(const QString &text, Unit u)
{
    const QLocale locale;
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    // The decimal point: the locale's, or a plain '.' (typed or pasted from elsewhere).
    const QString point = locale.decimalPoint();
    QString spaces = t;
    for (QChar c : {QChar(' '), QChar(0x00a0), QChar(0x202f)})
        spaces.remove(c);
    t = spaces;
    QString group = locale.groupSeparator();
    if (group.trimmed().isEmpty() || group == QString(QChar(0x00a0)) || group == QString(QChar(0x202f)))
        group.clear(); // a space: already gone
    if (point != QLatin1String("."))
        t.replace(point, QStringLiteral("."));
    if (!group.isEmpty() && group != QLatin1String(".")) {
        // Group separators only where they group thousands: "0,001" is not one BTC.
        const qsizetype dotAt = t.indexOf(QLatin1Char('.'));
        const QString whole = dotAt < 0 ? t : t.left(dotAt);
        if (whole.contains(group)) {
            const QStringList parts = whole.split(group);
            bool grouped = !parts.first().isEmpty() && parts.first().size() <= 3 && !parts.first().startsWith(QLatin1Char('0'));
            for (qsizetype i = 1; i < parts.size(); ++i)
                grouped = grouped && parts[i].size() == 3;
            if (!grouped)
                return {std::nullopt, tr("\"%1\" is not an amount: use %2 for the decimal point.").arg(text.trimmed(), point)};
            t = parts.join(QString()) + (dotAt < 0 ? QString() : t.mid(dotAt));
        }
    }
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot), frac = dot < 0 ? QString() : t.mid(dot + 1);
    auto digits = [](const QString &s) {
        for (QChar c : s)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        return true;
    };
    if ((whole.isEmpty() && frac.isEmpty()) || !digits(whole) || !digits(frac) || frac.contains(QLatin1Char('.')))
        return {std::nullopt, tr("Enter an amount in %1, for example %2.").arg(name(u), u == Unit::Btc ? format(100'000, u, false)
                                                                                                       : locale.toString(100'000))};
    if (u == Unit::Sat && !frac.isEmpty() && frac.count(QLatin1Char('0')) != frac.size())
        return {std::nullopt, tr("A satoshi cannot be divided: enter a whole number of sat (1 BTC is 100,000,000 sat).")};
    if (u == Unit::Btc && frac.size() > 8)
        return {std::nullopt, tr("BTC has at most 8 decimal places (0.00000001 BTC is 1 sat).")};
    if (whole.size() > 16)
        return {std::nullopt, tr("That is more than all the bitcoin there will ever be (21 million BTC).")};
    const qint64 w = whole.isEmpty() ? 0 : whole.toLongLong();
    qint64 sat = w;
    if (u == Unit::Btc) {
        const qint64 f = frac.isEmpty() ? 0 : frac.leftJustified(8, QLatin1Char('0')).toLongLong();
        if (w > kMaxSat / kCoin)
            return {std::nullopt, tr("That is more than all the bitcoin there will ever be (21 million BTC).")};
        sat = w * kCoin + f;
    }
    if (sat > kMaxSat)
        return {std::nullopt, tr("That is more than all the bitcoin there will ever be (21 million BTC).")};
    return {sat, QString()};
}

} // namespace spillway::ui
