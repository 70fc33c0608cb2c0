#pragma once
// Fee bumping's own records (protocol.md "Fee bumping and the deadline"): the
// budget a bump may spend (a wallet-wide percentage of what the closing
// transaction saves us, 50 % unless set, and per-channel overrides) and every
// child the wallet broadcast, for the user to read. Kept in
// <datadir>/bumps.sqlite beside the channel store.

#include "SqliteDatabase.h"
#include "bitcoin/Transaction.h"

#include <optional>
#include <vector>

namespace spillway::store {

constexpr int kDefaultBumpBudgetPercent = 50;

struct BumpRow {
    bitcoin::OutPoint channel;
    bitcoin::Hash256 parent{};
    bitcoin::Hash256 child{};
    int64_t childFee = 0;
    int64_t packageSatPerKvB = 0;
    bool walletCoins = false;   ///< the child also spent wallet coins (our output was too small)
    bool package = false;       ///< went in with its parent as a package (a full mempool)
    int64_t time = 0;
};

class BumpStore {
public:
    Status open(const QString &dataDir);
    static QString fileIn(const QString &dataDir);

    /// The wallet's budget (percent of the value a closing transaction saves us).
    Result<int> defaultBudgetPercent();
    Status setDefaultBudgetPercent(int percent);
    /// The channel's own budget if set, else the wallet's.
    Result<int> budgetPercent(const bitcoin::OutPoint &channel);
    /// `percent` unset: the channel follows the wallet's again.
    Status setBudgetPercent(const bitcoin::OutPoint &channel, std::optional<int> percent);

    Status record(const BumpRow &row);
    /// The channel's bumps, oldest first.
    Result<std::vector<BumpRow>> forChannel(const bitcoin::OutPoint &channel);

private:
    SqliteDatabase m_db;
};

} // namespace spillway::store
