#include "ChannelAnnouncements.h"
#include "BitcoinUnits.h"

#include <QCoreApplication>

namespace spillway::ui {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("spillway::ui::ChannelAnnouncements", s);
}
QString amount(int64_t sat)
{
    return BitcoinUnits::format(sat, BitcoinUnits::chosen());
}
} // namespace

Announcement announcementOf(const channel::WatchEvent &e, const QString &name)
{
    using Kind = channel::WatchEvent::Kind;
    switch (e.kind) {
    case Kind::AutoSettled:
        return {tr("Channel settled automatically"),
                tr("Spillway settled \"%1\" by itself before its deadline: %2 come to you once the settlement confirms.")
                    .arg(name, amount(e.amount))};
    case Kind::AutoRefunded:
        return {tr("Refund sent automatically"),
                tr("\"%1\" expired, and Spillway sent its refund by itself: your money comes back once it confirms.").arg(name)};
    case Kind::Settled:
        return {tr("Channel settled"), tr("\"%1\" is settled on the chain: %2 are yours.").arg(name, amount(e.amount))};
    case Kind::Refunded:
        return {tr("Channel refunded"), tr("\"%1\" is refunded on the chain: %2 went back to the payer.").arg(name, amount(e.amount))};
    case Kind::Other:
        break;
    }
    return {};
}

} // namespace spillway::ui
