#pragma once
// spillway-cli's offers (`channel offers`, `channel withdraw`): the payee's offers
// and whether a channel came from each, and taking one back.
#include "common/Result.h"
#include "store/ChannelStore.h"

#include <QJsonObject>
#include <QString>

namespace spillway::cli {

/// Every offer made, oldest first: key, label, when, and its state
/// ("outstanding", "answered": a channel came from it, "withdrawn"), with its text.
Result<QJsonObject> offersCommand(store::ChannelStore &channels);
/// Withdraws the offer whose key (hex) starts with `keyPrefix` (at least 8 digits,
/// one offer only): a proposal for it is then refused with OFFER_WITHDRAWN.
Result<QJsonObject> withdrawOfferCommand(store::ChannelStore &channels, const QString &keyPrefix);

} // namespace spillway::cli
