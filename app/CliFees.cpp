#include "CliFees.h"

namespace spillway::cli {

using namespace bitcoin;

QJsonObject bumpJson(const channel::SettlementBump &b)
{
    return QJsonObject{
        {QStringLiteral("child_txid"), QString::fromStdString(toDisplayHex(b.childTxid))},
        {QStringLiteral("child_fee_sat"), static_cast<qint64>(b.childFee)},
        {QStringLiteral("package_fee_rate_sat_per_kvb"), static_cast<qint64>(b.packageSatPerKvB)},
        {QStringLiteral("wanted_fee_rate_sat_per_kvb"), static_cast<qint64>(b.wantedSatPerKvB)},
        {QStringLiteral("wallet_coins"), b.walletCoins},
        {QStringLiteral("package"), b.package},
        {QStringLiteral("capped_by_budget"), b.cappedByBudget},
    };
}

QJsonArray bumpHistoryJson(channel::ChannelEngine &engine, const OutPoint &channel)
{
    QJsonArray list;
    auto *store = engine.bumpStore();
    if (!store)
        return list;
    auto rows = store->forChannel(channel);
    if (!rows)
        return list;
    for (const auto &r : *rows)
        list.append(QJsonObject{
            {QStringLiteral("parent_txid"), QString::fromStdString(toDisplayHex(r.parent))},
            {QStringLiteral("child_txid"), QString::fromStdString(toDisplayHex(r.child))},
            {QStringLiteral("child_fee_sat"), static_cast<qint64>(r.childFee)},
            {QStringLiteral("package_fee_rate_sat_per_kvb"), static_cast<qint64>(r.packageSatPerKvB)},
            {QStringLiteral("wallet_coins"), r.walletCoins},
            {QStringLiteral("package"), r.package},
            {QStringLiteral("time"), static_cast<qint64>(r.time)},
        });
    return list;
}

Result<QJsonObject> budgetCommand(channel::ChannelEngine &engine, const std::optional<store::ChannelRecord> &channel,
                                  const QString &value)
{
    auto *store = engine.bumpStore();
    if (!store)
        return makeError(ErrorCode::StorageFailed, "cannot open bumps.sqlite in the data directory");
    if (!value.isEmpty()) {
        const bool reset = value == QLatin1String("default");
        bool ok = false;
        const int percent = reset ? 0 : value.toInt(&ok);
        if (!reset && !ok)
            return makeError(ErrorCode::InvalidArgument, "a fee budget is a percentage, 1 to 100 (or 'default' for a channel)");
        if (channel)
            SPW_TRY(store->setBudgetPercent(channel->id(), reset ? std::nullopt : std::optional<int>(percent)));
        else if (reset)
            SPW_TRY(store->setDefaultBudgetPercent(store::kDefaultBumpBudgetPercent));
        else
            SPW_TRY(store->setDefaultBudgetPercent(percent));
    }
    auto wallet = store->defaultBudgetPercent();
    if (!wallet)
        return wallet.error();
    QJsonObject o{{QStringLiteral("wallet_budget_percent"), *wallet}};
    if (channel) {
        auto own = store->budgetPercent(channel->id());
        if (!own)
            return own.error();
        o.insert(QStringLiteral("channel"), QString::fromStdString(channel->id().toString()));
        o.insert(QStringLiteral("budget_percent"), *own);
        // What it allows today: a share of what the closing transaction saves us.
        const int64_t saved = channel->role == store::ChannelRole::Payee ? channel->paid
                                                                        : channel->params.capacity.sat() - channel->signedPaid;
        o.insert(QStringLiteral("budget_sat"), static_cast<qint64>(saved * *own / 100));
    }
    return o;
}

} // namespace spillway::cli
