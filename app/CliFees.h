#pragma once
// spillway-cli's fee-bumping pieces (`channel bump`, `channel budget`, the bump
// history in `channel show`), apart from cli.cpp's command dispatch.
#include "channel/ChannelEngine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace spillway::cli {

/// `channel bump --json`'s object for one bump.
QJsonObject bumpJson(const channel::SettlementBump &b);
/// The channel's bumps, oldest first, for `channel show --json`.
QJsonArray bumpHistoryJson(channel::ChannelEngine &engine, const bitcoin::OutPoint &channel);
/// `channel budget [ID] [PERCENT|default]`: shows or sets the fee budget, the wallet's
/// (no ID) or one channel's. Answers the object to print.
Result<QJsonObject> budgetCommand(channel::ChannelEngine &engine, const std::optional<store::ChannelRecord> &channel,
                                  const QString &value);

} // namespace spillway::cli
