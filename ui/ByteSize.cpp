#include "ByteSize.h"

namespace spillway::ui {

namespace {
/// The number and its unit's index (0: B, 1: KiB, 2: MiB, 3: GiB), one decimal above bytes.
std::pair<QString, int> scaled(double bytes, const QLocale &locale)
{
    if (bytes < 1024.0)
        return {locale.toString(static_cast<qlonglong>(bytes)), 0};
    int unit = 1;
    double v = bytes / 1024.0;
    // Rounded to one decimal, 1023.96 KiB reads 1,024.0 KiB: move up a unit before that.
    while (unit < 3 && v >= 1024.0 - 0.05) {
        v /= 1024.0;
        ++unit;
    }
    return {locale.toString(v, 'f', 1), unit};
}
} // namespace

QString ByteSize::format(qint64 bytes, const QLocale &locale)
{
    const auto [number, unit] = scaled(static_cast<double>(std::max<qint64>(bytes, 0)), locale);
    switch (unit) {
    case 0:
        return tr("%1 B").arg(number);
    case 1:
        return tr("%1 KiB").arg(number);
    case 2:
        return tr("%1 MiB").arg(number);
    default:
        return tr("%1 GiB").arg(number);
    }
}

QString ByteSize::formatRate(double bytesPerSecond, const QLocale &locale)
{
    const auto [number, unit] = scaled(std::max(bytesPerSecond, 0.0), locale);
    switch (unit) {
    case 0:
        return tr("%1 B/s").arg(number);
    case 1:
        return tr("%1 KiB/s").arg(number);
    case 2:
        return tr("%1 MiB/s").arg(number);
    default:
        return tr("%1 GiB/s").arg(number);
    }
}

} // namespace spillway::ui
