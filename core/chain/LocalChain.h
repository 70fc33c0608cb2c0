#pragma once
// ChainBackend over the embedded local chain file. Every call is queued to one
// worker thread that owns the SQLite connection (a QThread, not a pool: a
// waiting caller must never run a job on its own thread); a timer notices blocks mined
// by other processes sharing the file and emits tipChanged.

#include "ChainBackend.h"
#include "LocalChainDb.h"
#include "SerialWorker.h"

#include <QTimer>

#include <memory>

namespace spillway::chain {

class LocalChain : public ChainBackend {
    Q_OBJECT
public:
    explicit LocalChain(QString path, LocalChainOptions options = {}, QObject *parent = nullptr);
    ~LocalChain() override;

    /// The default chain file: <user data location>/chain/local-chain.sqlite.
    static QString defaultPath();

    const bitcoin::Network &network() const override;
    QString describe() const override;
    const QString &path() const { return m_path; }

    QFuture<Result<ChainTip>> tip() override;
    QFuture<Result<bitcoin::Hash256>> broadcast(const bitcoin::Transaction &tx) override;
    QFuture<Result<TxStatus>> transactionStatus(const bitcoin::Hash256 &txid) override;
    QFuture<Result<bitcoin::Transaction>> transaction(const bitcoin::Hash256 &txid) override;
    QFuture<Result<SpendInfo>> outpointSpend(const bitcoin::OutPoint &outpoint) override;
    QFuture<Result<std::vector<Utxo>>> unspentOutputs(const std::vector<bitcoin::Script> &scripts) override;
    QFuture<Result<FeeRate>> estimateFeeRate(int targetBlocks) override;

    // Local-chain only: mining and checks.
    QFuture<Result<ChainTip>> mine(int count, const bitcoin::Script &payTo) override;
    /// Mines taking only packages at or above `minSatPerKvB` (chain mine --min-feerate).
    QFuture<Result<ChainTip>> mine(int count, const bitcoin::Script &payTo, int64_t minSatPerKvB);
    QFuture<Result<std::vector<bitcoin::Hash256>>> broadcastPackage(const std::vector<bitcoin::Transaction> &txs) override;
    QFuture<Result<int64_t>> mempoolFee(const bitcoin::Hash256 &txid) override;
    /// The auto-mining period (setAutoMine), else 0: blocks come when asked for.
    QFuture<Result<int>> blockInterval() override;
    QFuture<Result<std::vector<TxStatus>>> transactionStatuses(const std::vector<bitcoin::Hash256> &txids) override;
    QFuture<Result<std::vector<SpendInfo>>> outpointSpends(const std::vector<bitcoin::OutPoint> &outpoints) override;
    /// The congestion the chain plays (LocalChainDb.h), for every process on the file.
    QFuture<Result<LocalChainPolicy>> policy();
    QFuture<Status> setPolicy(LocalChainPolicy policy);
    /// Sets what estimateFeeRate answers from now on, for every process on this chain file.
    QFuture<Status> setFeeEstimate(FeeRate rate);
    QFuture<Status> checkConsistency();
    /// Mines one block every `seconds` to `payTo` (0 stops), so countdowns move in a demo.
    void setAutoMine(int seconds, const bitcoin::Script &payTo);

private:
    template <typename F>
    auto run(F &&f);

    QString m_path;
    LocalChainOptions m_options;
    SerialWorker m_worker;              ///< owns the SQLite connection
    std::unique_ptr<LocalChainDb> m_db; ///< touched only on m_worker's thread
    QTimer m_mineTimer;
    bitcoin::Script m_autoMineTo;
};

} // namespace spillway::chain
