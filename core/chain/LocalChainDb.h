#pragma once
// The embedded local chain's storage and rules, synchronous. One SQLite file
// (WAL) that several processes on the machine share: every write runs in an
// IMMEDIATE transaction, so blocks and mempool changes are atomic across
// processes. Use one instance per thread (Qt SQL connections are per thread);
// LocalChain wraps it for asynchronous use.

#include "ChainTypes.h"
#include "bitcoin/Block.h"
#include "bitcoin/Network.h"
#include "common/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace spillway::chain {

struct LocalChainOptions {
    int coinbaseMaturity = 100;
    int64_t minRelayFeeSatPerKvB = 1000;   ///< Core's default minimum relay fee
    int64_t estimateFeeSatPerKvB = 2000;   ///< what estimateFeeRate answers
    int halvingInterval = 150;             ///< as regtest
};

/// How the local chain plays a congested network (protocol.md "Fee bumping and the
/// deadline"): kept in the chain file, so every process on it sees the same.
struct LocalChainPolicy {
    int64_t mineMinFeeRate = 0;     ///< sat/kvB: blocks take packages by ancestor feerate at or above this
    int64_t mempoolMinFeeRate = 0;  ///< sat/kvB: a full mempool's minimum for a transaction alone
};

class LocalChainDb {
public:
    explicit LocalChainDb(QString path, LocalChainOptions options = {});
    ~LocalChainDb();
    LocalChainDb(const LocalChainDb &) = delete;
    LocalChainDb &operator=(const LocalChainDb &) = delete;

    /// Opens (creating the schema and genesis block when new).
    Status open();
    const QString &path() const { return m_path; }
    const bitcoin::Network &network() const { return bitcoin::network(bitcoin::NetworkId::Local); }

    Result<ChainTip> tip();
    /// Validates like Core's mempool acceptance and stores the transaction.
    Result<bitcoin::Hash256> accept(const bitcoin::Transaction &tx);
    /// Appends another node's block as it is (no checks: that node judged it),
    /// so that this chain mirrors that node's (LocalChainImport.cpp). A genesis
    /// block (null parent) replaces this chain's own while the chain is new; any
    /// other block must extend the tip. Transactions already in the local mempool
    /// are confirmed by it.
    Result<ChainTip> importBlock(const bitcoin::Block &block);
    /// Mines `count` blocks paying subsidy and fees to `payTo`; returns the new tip.
    /// Blocks take the mempool's packages by ancestor feerate, best first, down to
    /// `minFeeRate` (sat/kvB; default: the policy's); the rest waits.
    Result<ChainTip> mine(int count, const bitcoin::Script &payTo, std::optional<int64_t> minFeeRate = std::nullopt);
    /// A child with its unconfirmed parents, judged together as Core's submitpackage
    /// does: each pays the minimum relay fee, together they pay the mempool minimum.
    Result<std::vector<bitcoin::Hash256>> acceptPackage(const std::vector<bitcoin::Transaction> &txs);
    Result<LocalChainPolicy> policy();
    /// Many at once, a few SQL statements for all (the watcher's pass).
    Result<std::vector<SpendInfo>> spends(const std::vector<bitcoin::OutPoint> &outpoints);
    Result<std::vector<TxStatus>> statuses(const std::vector<bitcoin::Hash256> &txids);
    /// The fee of a transaction waiting in the mempool.
    Result<int64_t> mempoolFee(const bitcoin::Hash256 &txid);
    Status setPolicy(const LocalChainPolicy &policy);
    Result<TxStatus> status(const bitcoin::Hash256 &txid);
    Result<bitcoin::Transaction> transaction(const bitcoin::Hash256 &txid);
    Result<SpendInfo> spend(const bitcoin::OutPoint &outpoint);
    Result<std::vector<Utxo>> unspent(const std::vector<bitcoin::Script> &scripts);
    /// What estimateFeeRate answers: the options' rate (2 sat/vB), unless one was
    /// set in the chain file (`chain fee-estimate`), so that a user or a test can
    /// see how channels behave when fees rise.
    Result<FeeRate> feeEstimate();
    Status setFeeEstimate(FeeRate rate);
    /// Checks the file's invariants (every spend points at a stored tx, no
    /// output spent twice, mempool txs unconfirmed): used by tests and `chain check`.
    Status checkConsistency();

    bitcoin::Amount subsidyAt(int height) const;

private:
    struct Coin;
    struct Accepted {
        bitcoin::Hash256 txid{};
        int64_t fee = 0;
        int64_t vsize = 0;
        bool alreadyKnown = false;
    };
    /// Judges and stores one transaction inside an open write transaction.
    Result<Accepted> acceptOne(const bitcoin::Transaction &tx, bool mempoolMinApplies);
    /// Full RBF: evicts `conflicts` and their descendants when `fee` pays for them (BIP 125 rules 3 and 4).
    Status replaceConflicts(const bitcoin::Transaction &tx, int64_t fee, const std::vector<bitcoin::Hash256> &conflicts);
    /// The mempool transactions a block takes, parents first, and their fees.
    Result<std::pair<std::vector<bitcoin::Hash256>, int64_t>> selectForBlock(int64_t minFeeRate);
    Result<Coin> findCoin(const bitcoin::OutPoint &op);
    Result<int64_t> medianTimePast(int height);
    Status begin();
    Status commit();
    void rollback();

    QString m_path;
    QString m_connection;
    LocalChainOptions m_options;
    bool m_open = false;
};

} // namespace spillway::chain
