#include "CliOffers.h"

#include "channel/Messages.h"

#include <QDateTime>
#include <QJsonArray>

#include <set>

namespace spillway::cli {

Result<QJsonObject> offersCommand(store::ChannelStore &channels)
{
    auto offers = channels.offers();
    if (!offers)
        return offers.error();
    auto all = channels.all();
    if (!all)
        return all.error();
    std::set<Bytes> answered;
    for (const store::ChannelRecord &r : *all)
        if (r.role == store::ChannelRole::Payee)
            answered.insert(r.params.payeePub);
    QJsonArray list;
    for (const store::OfferRecord &o : *offers) {
        const char *state = o.withdrawn ? "withdrawn" : answered.count(o.offer.payeePub) ? "answered" : "outstanding";
        list.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(toHex(o.offer.payeePub))},
                                {QStringLiteral("label"), QString::fromStdString(o.offer.label)},
                                {QStringLiteral("created"), QDateTime::fromSecsSinceEpoch(o.created).toString(Qt::ISODate)},
                                {QStringLiteral("state"), QString::fromLatin1(state)},
                                {QStringLiteral("endpoint"), QString::fromStdString(o.offer.endpoint)},
                                {QStringLiteral("offer"), QString::fromStdString(channel::messageToText(o.offer))}});
    }
    return QJsonObject{{QStringLiteral("offers"), list}};
}

Result<QJsonObject> withdrawOfferCommand(store::ChannelStore &channels, const QString &keyPrefix)
{
    const QString prefix = keyPrefix.trimmed().toLower();
    if (prefix.size() < 8)
        return makeError(ErrorCode::InvalidArgument, "name the offer by at least 8 hex digits of its key (channel offers)");
    auto offers = channels.offers();
    if (!offers)
        return offers.error();
    const store::OfferRecord *found = nullptr;
    for (const store::OfferRecord &o : *offers) {
        if (!QString::fromStdString(toHex(o.offer.payeePub)).startsWith(prefix))
            continue;
        if (found)
            return makeError(ErrorCode::InvalidArgument, "more than one offer's key starts with " + prefix.toStdString());
        found = &o;
    }
    if (!found)
        return makeError(ErrorCode::OfferUnknown, "no offer's key starts with " + prefix.toStdString());
    SPW_TRY(channels.withdrawOffer(found->offer.payeePub));
    return QJsonObject{{QStringLiteral("withdrawn"), QString::fromStdString(toHex(found->offer.payeePub))},
                       {QStringLiteral("label"), QString::fromStdString(found->offer.label)}};
}

} // namespace spillway::cli
