#pragma once
// ChainBackend over Bitcoin Core's JSON-RPC (or any node that speaks it), for
// regtest, signet, testnet and mainnet. Needs no wallet in the node: it reads
// blocks from the wallet's birthday (setScanStart) with getblockhash/getblock,
// keeps following the tip, rolls back blocks that leave the best chain, and
// lays the node's mempool over what it read. Broadcasts go through
// testmempoolaccept (where the node has it) and sendrawtransaction, with the
// node's reject reasons mapped to the local chain's error codes.

#include "ChainBackend.h"
#include "RpcClient.h"
#include "SerialWorker.h"

#include <QTimer>

#include <memory>

namespace spillway::chain {

struct CoreRpcOptions {
    RpcEndpoint endpoint;
    bitcoin::NetworkId network = bitcoin::NetworkId::Regtest;
    int pollMs = 2000; ///< how often the tip is looked at for tipChanged (0: never)
};

/// What "Test connection" reports.
struct NodeInfo {
    QString chain;      ///< the node's name for it: "main", "test", "signet", "regtest"
    int height = -1;
    int headers = -1;
    QString version;    ///< "Satoshi:27.0.0", "bcoin:v1.0.2"
    bool pruned = false;
    int pruneHeight = -1;
    /// getnetworkinfo's "relayfee" (sat/kvB): 100 (0.1 sat/vB) on Core 30, 1000 on
    /// older Core and bcoin. Fee rates used never go below kMinFeeRate whatever it says.
    int64_t relayFeeSatPerKvB = -1;
};

/// Fee rates when the node has no estimate, and the least ever used (sat/kvB).
constexpr int64_t kFallbackFeeRateMain = 10000;
constexpr int64_t kFallbackFeeRateTest = 1000;
constexpr int64_t kMinFeeRate = 1000;

/// The node's reject reason (from testmempoolaccept or sendrawtransaction) as our error.
Error rejectionError(int rpcCode, const QString &reason);
/// testmempoolaccept's answer for `txid` (its own entry, whatever the order):
/// ok when allowed, else the mapped reject reason (details appended) or package error.
Status acceptVerdict(const QJsonValue &answer, const bitcoin::Hash256 &txid);

class CoreRpcBackend : public ChainBackend {
    Q_OBJECT
public:
    explicit CoreRpcBackend(CoreRpcOptions options, QObject *parent = nullptr);
    ~CoreRpcBackend() override;

    const bitcoin::Network &network() const override;
    QString describe() const override;
    void setScanStart(int height) override;
    void setScanStateFile(const QString &path) override;

    QFuture<Result<ChainTip>> tip() override;
    QFuture<Result<bitcoin::Hash256>> broadcast(const bitcoin::Transaction &tx) override;
    QFuture<Result<TxStatus>> transactionStatus(const bitcoin::Hash256 &txid) override;
    QFuture<Result<bitcoin::Transaction>> transaction(const bitcoin::Hash256 &txid) override;
    QFuture<Result<SpendInfo>> outpointSpend(const bitcoin::OutPoint &outpoint) override;
    QFuture<Result<std::vector<Utxo>>> unspentOutputs(const std::vector<bitcoin::Script> &scripts) override;
    QFuture<Result<FeeRate>> estimateFeeRate(int targetBlocks) override;
    QFuture<Result<ChainTip>> mine(int count, const bitcoin::Script &payTo) override;
    QFuture<Result<std::vector<bitcoin::Hash256>>> broadcastPackage(const std::vector<bitcoin::Transaction> &txs) override;
    QFuture<Result<int64_t>> mempoolFee(const bitcoin::Hash256 &txid) override;
    /// The mean spacing of the last 144 blocks (fewer on a young chain); 0 on regtest,
    /// where blocks come when generated.
    QFuture<Result<int>> blockInterval() override;

    /// Connects and checks the node: network, sync state, pruning.
    QFuture<Result<NodeInfo>> nodeInfo();

    class Follower; ///< the worker-thread state (CoreRpcBackend.cpp)

private:
    template <typename F>
    auto run(F &&f);

    CoreRpcOptions m_options;
    SerialWorker m_worker;
    std::unique_ptr<Follower> m_follower; ///< touched only on m_worker's thread
};

} // namespace spillway::chain
