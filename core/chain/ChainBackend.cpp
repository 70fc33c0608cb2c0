#include "ChainBackend.h"

namespace spillway::chain {

QFuture<Result<std::vector<bitcoin::Hash256>>> ChainBackend::broadcastPackage(const std::vector<bitcoin::Transaction> &txs)
{
    (void)txs;
    return QtFuture::makeReadyFuture(Result<std::vector<bitcoin::Hash256>>(
        makeError(ErrorCode::NoPackageRelay, "this chain takes transactions one at a time only")));
}

QFuture<Result<std::vector<TxStatus>>> ChainBackend::transactionStatuses(const std::vector<bitcoin::Hash256> &txids)
{
    std::vector<TxStatus> out;
    out.reserve(txids.size());
    for (const auto &t : txids) {
        auto s = await(transactionStatus(t));
        if (!s)
            return QtFuture::makeReadyFuture(Result<std::vector<TxStatus>>(s.error()));
        out.push_back(*s);
    }
    return QtFuture::makeReadyFuture(Result<std::vector<TxStatus>>(std::move(out)));
}

QFuture<Result<std::vector<SpendInfo>>> ChainBackend::outpointSpends(const std::vector<bitcoin::OutPoint> &outpoints)
{
    std::vector<SpendInfo> out;
    out.reserve(outpoints.size());
    for (const auto &op : outpoints) {
        auto s = await(outpointSpend(op));
        if (!s)
            return QtFuture::makeReadyFuture(Result<std::vector<SpendInfo>>(s.error()));
        out.push_back(*s);
    }
    return QtFuture::makeReadyFuture(Result<std::vector<SpendInfo>>(std::move(out)));
}

QFuture<Result<int64_t>> ChainBackend::mempoolFee(const bitcoin::Hash256 &txid)
{
    (void)txid;
    return QtFuture::makeReadyFuture(Result<int64_t>(makeError(ErrorCode::NotFound, "this chain does not say a transaction's fee")));
}

QFuture<Result<int>> ChainBackend::blockInterval()
{
    return QtFuture::makeReadyFuture(Result<int>(static_cast<int>(network().blockIntervalSeconds)));
}

QFuture<Result<ChainTip>> ChainBackend::mine(int count, const bitcoin::Script &payTo)
{
    (void)count;
    (void)payTo;
    return QtFuture::makeReadyFuture(Result<ChainTip>(makeError(ErrorCode::InvalidArgument, "this chain does not mine on request")));
}

void ChainBackend::setPollInterval(int milliseconds)
{
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &ChainBackend::poll);
    }
    if (milliseconds > 0)
        m_pollTimer->start(milliseconds);
    else
        m_pollTimer->stop();
}

void ChainBackend::stopPolling()
{
    if (m_pollTimer)
        m_pollTimer->stop();
}

void ChainBackend::reportTip(QFuture<Result<ChainTip>> tip)
{
    tip.then(this, [this](const Result<ChainTip> &r) {
        if (r.ok() && !(*r == m_lastTip)) {
            m_lastTip = *r;
            Q_EMIT tipChanged(*r);
        }
    });
}

void ChainBackend::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    reportTip(tip().then(this, [this](Result<ChainTip> r) {
        m_polling = false;
        return r;
    }));
}

} // namespace spillway::chain
