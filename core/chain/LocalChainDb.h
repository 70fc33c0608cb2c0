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

#include <vector>

namespace spillway::chain {

struct LocalChainOptions {
    int coinbaseMaturity = 100;
    int64_t minRelayFeeSatPerKvB = 1000;   ///< Core's default minimum relay fee
    int64_t estimateFeeSatPerKvB = 2000;   ///< what estimateFeeRate answers
    int halvingInterval = 150;             ///< as regtest
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
    Result<ChainTip> mine(int count, const bitcoin::Script &payTo);
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
