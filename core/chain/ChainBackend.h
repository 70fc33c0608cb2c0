#pragma once
// The one interface everything talks to the chain through: the embedded local
// chain today, Bitcoin Core's JSON-RPC later. Calls are asynchronous (QFuture)
// because a real node answers over the network; the GUI never waits on them.

#include "ChainTypes.h"
#include "bitcoin/Network.h"
#include "common/Result.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <vector>

namespace spillway::chain {

class ChainBackend : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~ChainBackend() override = default;

    virtual const bitcoin::Network &network() const = 0;
    /// Human-readable description ("local chain /path/chain.sqlite").
    virtual QString describe() const = 0;
    /// The lowest height the wallet's coins and channels can be at (its
    /// birthday). Backends that read blocks start there; others ignore it.
    virtual void setScanStart(int height) { (void)height; }
    /// Where a block-reading backend keeps what it read between runs (ScanState.h;
    /// the wallet gives <datadir>/chain-scan.state), so that a new process reads
    /// only the blocks since the last one. Call after setScanStart. Others ignore it.
    virtual void setScanStateFile(const QString &path) { (void)path; }

    virtual QFuture<Result<ChainTip>> tip() = 0;
    /// Accepts into the mempool, or says why not (NON_FINAL, MISSING_INPUTS,
    /// DOUBLE_SPEND, SCRIPT_FAILED with the interpreter's code, FEE_TOO_LOW, DUST, ...).
    virtual QFuture<Result<bitcoin::Hash256>> broadcast(const bitcoin::Transaction &tx) = 0;
    virtual QFuture<Result<TxStatus>> transactionStatus(const bitcoin::Hash256 &txid) = 0;
    virtual QFuture<Result<bitcoin::Transaction>> transaction(const bitcoin::Hash256 &txid) = 0;
    virtual QFuture<Result<SpendInfo>> outpointSpend(const bitcoin::OutPoint &outpoint) = 0;
    /// Unspent outputs (confirmed and in the mempool) paying any of `scripts`.
    virtual QFuture<Result<std::vector<Utxo>>> unspentOutputs(const std::vector<bitcoin::Script> &scripts) = 0;
    virtual QFuture<Result<FeeRate>> estimateFeeRate(int targetBlocks) = 0;
    /// A child with its unconfirmed parents (child last), judged together: for a
    /// parent below a full mempool's minimum. Core: submitpackage; the local chain
    /// the same rules; a node without package relay: NO_PACKAGE_RELAY.
    virtual QFuture<Result<std::vector<bitcoin::Hash256>>> broadcastPackage(const std::vector<bitcoin::Transaction> &txs);
    /// Many statuses and spends at once (the watcher's pass over every channel). The
    /// default asks one by one; a backend that can answer in one go does.
    virtual QFuture<Result<std::vector<TxStatus>>> transactionStatuses(const std::vector<bitcoin::Hash256> &txids);
    virtual QFuture<Result<std::vector<SpendInfo>>> outpointSpends(const std::vector<bitcoin::OutPoint> &outpoints);
    /// The fee of a transaction in the mempool (NOT_FOUND when it is not there), for a
    /// child paying for a parent whose inputs are not ours.
    virtual QFuture<Result<int64_t>> mempoolFee(const bitcoin::Hash256 &txid);
    /// Seconds between blocks as this chain has them lately, for the time a number
    /// of blocks will take; 0 when blocks come on request and a time would mislead
    /// (the local chain unless it mines on a schedule, a regtest node). The default:
    /// the network's target spacing.
    virtual QFuture<Result<int>> blockInterval();

    /// Mines `count` blocks paying `payTo`: the local chain, and a regtest node
    /// (generatetoaddress). Elsewhere: INVALID_ARGUMENT.
    virtual QFuture<Result<ChainTip>> mine(int count, const bitcoin::Script &payTo);
    /// How often to look for new blocks for tipChanged (0 stops).
    void setPollInterval(int milliseconds);

Q_SIGNALS:
    /// A new best block (from this process or another one sharing the chain).
    void tipChanged(spillway::chain::ChainTip tip);

protected:
    /// Emits tipChanged once `tip` brings a tip other than the last one seen.
    void reportTip(QFuture<Result<ChainTip>> tip);
    /// Stops polling (a backend's destructor, before its worker goes).
    void stopPolling();

private:
    void poll();

    QTimer *m_pollTimer = nullptr;
    ChainTip m_lastTip;
    bool m_polling = false;
};

/// Blocks until a backend answer arrives (CLI and worker threads only).
template <typename T>
Result<T> await(QFuture<Result<T>> future)
{
    return future.result();
}

} // namespace spillway::chain
