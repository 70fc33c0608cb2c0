#include "LocalChain.h"

#include <QStandardPaths>

#include <memory>

namespace spillway::chain {

using namespace bitcoin;

LocalChain::LocalChain(QString path, LocalChainOptions options, QObject *parent)
    : ChainBackend(parent), m_path(std::move(path)), m_options(options), m_worker(QStringLiteral("local-chain"))
{
    connect(&m_mineTimer, &QTimer::timeout, this, [this] { mine(1, m_autoMineTo); });
    setPollInterval(500);
}

LocalChain::~LocalChain()
{
    stopPolling();
    m_mineTimer.stop();
    // The connection must close on the thread that opened it.
    m_worker.stop([this] { m_db.reset(); });
}

QString LocalChain::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/spillway/chain/local-chain.sqlite");
}

const Network &LocalChain::network() const
{
    return bitcoin::network(NetworkId::Local);
}

QString LocalChain::describe() const
{
    return tr("local chain %1").arg(m_path);
}

template <typename F>
auto LocalChain::run(F &&f)
{
    return m_worker.run([this, f = std::forward<F>(f)]() mutable {
        if (!m_db)
            m_db = std::make_unique<LocalChainDb>(m_path, m_options);
        return f(*m_db);
    });
}

QFuture<Result<ChainTip>> LocalChain::tip()
{
    return run([](LocalChainDb &db) { return db.tip(); });
}

QFuture<Result<Hash256>> LocalChain::broadcast(const Transaction &tx)
{
    return run([tx](LocalChainDb &db) { return db.accept(tx); });
}

QFuture<Result<TxStatus>> LocalChain::transactionStatus(const Hash256 &txid)
{
    return run([txid](LocalChainDb &db) { return db.status(txid); });
}

QFuture<Result<Transaction>> LocalChain::transaction(const Hash256 &txid)
{
    return run([txid](LocalChainDb &db) { return db.transaction(txid); });
}

QFuture<Result<SpendInfo>> LocalChain::outpointSpend(const OutPoint &outpoint)
{
    return run([outpoint](LocalChainDb &db) { return db.spend(outpoint); });
}

QFuture<Result<std::vector<Utxo>>> LocalChain::unspentOutputs(const std::vector<Script> &scripts)
{
    return run([scripts](LocalChainDb &db) { return db.unspent(scripts); });
}

QFuture<Result<FeeRate>> LocalChain::estimateFeeRate(int targetBlocks)
{
    (void)targetBlocks; // the local chain has no fee market
    return run([](LocalChainDb &db) { return db.feeEstimate(); });
}

QFuture<Status> LocalChain::setFeeEstimate(FeeRate rate)
{
    return run([rate](LocalChainDb &db) { return db.setFeeEstimate(rate); });
}

QFuture<Result<ChainTip>> LocalChain::mine(int count, const Script &payTo)
{
    auto f = run([count, payTo](LocalChainDb &db) { return db.mine(count, payTo); });
    reportTip(f);
    return f;
}

QFuture<Result<ChainTip>> LocalChain::mine(int count, const Script &payTo, int64_t minSatPerKvB)
{
    auto f = run([count, payTo, minSatPerKvB](LocalChainDb &db) { return db.mine(count, payTo, minSatPerKvB); });
    reportTip(f);
    return f;
}

QFuture<Result<std::vector<Hash256>>> LocalChain::broadcastPackage(const std::vector<Transaction> &txs)
{
    return run([txs](LocalChainDb &db) { return db.acceptPackage(txs); });
}

QFuture<Result<std::vector<TxStatus>>> LocalChain::transactionStatuses(const std::vector<Hash256> &txids)
{
    return run([txids](LocalChainDb &db) { return db.statuses(txids); });
}

QFuture<Result<std::vector<SpendInfo>>> LocalChain::outpointSpends(const std::vector<OutPoint> &outpoints)
{
    return run([outpoints](LocalChainDb &db) { return db.spends(outpoints); });
}

QFuture<Result<int64_t>> LocalChain::mempoolFee(const Hash256 &txid)
{
    return run([txid](LocalChainDb &db) { return db.mempoolFee(txid); });
}

QFuture<Result<LocalChainPolicy>> LocalChain::policy()
{
    return run([](LocalChainDb &db) { return db.policy(); });
}

QFuture<Status> LocalChain::setPolicy(LocalChainPolicy policy)
{
    return run([policy](LocalChainDb &db) { return db.setPolicy(policy); });
}

QFuture<Status> LocalChain::checkConsistency()
{
    return run([](LocalChainDb &db) { return db.checkConsistency(); });
}

QFuture<Result<int>> LocalChain::blockInterval()
{
    return QtFuture::makeReadyFuture(Result<int>(m_mineTimer.isActive() ? m_mineTimer.interval() / 1000 : 0));
}

void LocalChain::setAutoMine(int seconds, const Script &payTo)
{
    m_autoMineTo = payTo;
    if (seconds > 0)
        m_mineTimer.start(seconds * 1000);
    else
        m_mineTimer.stop();
}



} // namespace spillway::chain
