// The local chain's mempool policy, as Bitcoin Core's where fee bumping meets it
// (protocol.md "Fee bumping and the deadline"): replacement of unconfirmed spends
// that pay more (full RBF, BIP 125 rules 3 and 4), a full mempool's minimum
// feerate, packages (a child with its parents, as `submitpackage`), and blocks
// that take packages by ancestor feerate above a minimum, so that a stuck
// settlement and its bump can be tried with no node.
#include "LocalChainDb.h"
#include "LocalChainSql.h"

#include <QSqlDatabase>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace spillway::chain {

using namespace bitcoin;
using namespace sql;

namespace {

constexpr size_t kMaxReplaced = 100; // Core's MAX_REPLACEMENT_CANDIDATES

Result<int64_t> metaInt(QSqlDatabase db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(q, "meta");
    return q.next() ? q.value(0).toString().toLongLong() : int64_t{0};
}

} // namespace

Result<LocalChainPolicy> LocalChainDb::policy()
{
    SPW_TRY(open());
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    LocalChainPolicy p;
    auto mine = metaInt(db, QStringLiteral("mine_min_feerate"));
    if (!mine)
        return mine.error();
    auto pool = metaInt(db, QStringLiteral("mempool_min_feerate"));
    if (!pool)
        return pool.error();
    p.mineMinFeeRate = *mine;
    p.mempoolMinFeeRate = *pool;
    return p;
}

namespace {

constexpr size_t kIdsPerStatement = 800;

/// Runs `select` (ending in "IN (") for `txids`, a few hundred per statement, and hands
/// every row to `row`.
Status selectByTxids(QSqlDatabase db, const QString &select, const std::vector<Hash256> &txids, const char *what,
                     const std::function<void(const QSqlQuery &)> &row)
{
    for (size_t start = 0; start < txids.size(); start += kIdsPerStatement) {
        const size_t n = std::min(kIdsPerStatement, txids.size() - start);
        QString sql = select;
        for (size_t i = 0; i < n; ++i)
            sql += i ? QStringLiteral(",?") : QStringLiteral("?");
        sql += QLatin1Char(')');
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (size_t i = 0; i < n; ++i)
            q.addBindValue(qb(txids[start + i]));
        if (!q.exec())
            return sqlError(q, what);
        while (q.next())
            row(q);
    }
    return {};
}

} // namespace

Result<std::vector<SpendInfo>> LocalChainDb::spends(const std::vector<OutPoint> &outpoints)
{
    SPW_TRY(open());
    std::map<OutPoint, SpendInfo> found;
    // By transaction (the primary key's prefix): every output of each, the asked ones kept.
    std::vector<Hash256> txids;
    for (const auto &op : outpoints) {
        found.emplace(op, SpendInfo{});
        txids.push_back(op.txid);
    }
    std::sort(txids.begin(), txids.end());
    txids.erase(std::unique(txids.begin(), txids.end()), txids.end());
    SPW_TRY(selectByTxids(QSqlDatabase::database(m_connection),
                          QStringLiteral("SELECT o.txid, o.vout, o.spent_by, t.height FROM outputs o "
                                         "LEFT JOIN txs t ON t.txid = o.spent_by WHERE o.txid IN ("),
                          txids, "spends", [&found](const QSqlQuery &q) {
                              const auto it = found.find(OutPoint{hashFromQb(q.value(0).toByteArray()),
                                                                  static_cast<uint32_t>(q.value(1).toLongLong())});
                              if (it == found.end())
                                  return;
                              SpendInfo &s = it->second;
                              s.exists = true;
                              if (!q.value(2).isNull()) {
                                  s.spent = true;
                                  s.spender = hashFromQb(q.value(2).toByteArray());
                                  s.spenderHeight = q.value(3).isNull() ? -1 : q.value(3).toInt();
                              }
                          }));
    std::vector<SpendInfo> out;
    out.reserve(outpoints.size());
    for (const auto &op : outpoints)
        out.push_back(found[op]);
    return out;
}

Result<std::vector<TxStatus>> LocalChainDb::statuses(const std::vector<Hash256> &txids)
{
    SPW_TRY(open());
    auto t = tip();
    if (!t)
        return t.error();
    std::map<Hash256, TxStatus> found;
    for (const auto &id : txids)
        found.emplace(id, TxStatus{});
    SPW_TRY(selectByTxids(QSqlDatabase::database(m_connection), QStringLiteral("SELECT txid, height FROM txs WHERE txid IN ("), txids,
                          "statuses", [&found, tipHeight = t->height](const QSqlQuery &q) {
                              const auto it = found.find(hashFromQb(q.value(0).toByteArray()));
                              if (it == found.end())
                                  return;
                              TxStatus &s = it->second;
                              s.known = true;
                              if (q.value(1).isNull()) {
                                  s.inMempool = true;
                              } else {
                                  s.blockHeight = q.value(1).toInt();
                                  s.confirmations = tipHeight - s.blockHeight + 1;
                              }
                          }));
    std::vector<TxStatus> out;
    out.reserve(txids.size());
    for (const auto &id : txids)
        out.push_back(found[id]);
    return out;
}

Result<int64_t> LocalChainDb::mempoolFee(const Hash256 &txid)
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT fee FROM txs WHERE txid = ? AND height IS NULL"));
    q.addBindValue(qb(txid));
    if (!q.exec())
        return sqlError(q, "mempool fee");
    if (!q.next())
        return makeError(ErrorCode::NotFound, "not in the mempool: " + toDisplayHex(txid));
    return q.value(0).toLongLong();
}

Status LocalChainDb::setPolicy(const LocalChainPolicy &p)
{
    SPW_TRY(open());
    for (int64_t rate : {p.mineMinFeeRate, p.mempoolMinFeeRate})
        if (rate < 0 || rate > kMaxFeeRate.satPerKvB)
            return makeError(ErrorCode::InvalidArgument, "a feerate between 0 and the cap");
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('mine_min_feerate', ?), ('mempool_min_feerate', ?)"));
    q.addBindValue(QString::number(p.mineMinFeeRate));
    q.addBindValue(QString::number(p.mempoolMinFeeRate));
    if (!q.exec())
        return sqlError(q, "policy");
    return {};
}

Status LocalChainDb::replaceConflicts(const Transaction &tx, int64_t fee, const std::vector<Hash256> &conflicts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // The conflicts and everything that spends them, unconfirmed all.
    std::vector<Hash256> evict = conflicts;
    std::set<Hash256> seen(conflicts.begin(), conflicts.end());
    QSqlQuery children(db);
    children.prepare(QStringLiteral("SELECT DISTINCT spent_by FROM outputs WHERE txid = ? AND spent_by IS NOT NULL"));
    for (size_t i = 0; i < evict.size(); ++i) {
        if (evict.size() > kMaxReplaced)
            return makeError(ErrorCode::TxDoubleSpend, "too many potential replacements");
        children.addBindValue(qb(evict[i]));
        if (!children.exec())
            return sqlError(children, "descendants");
        while (children.next()) {
            const Hash256 c = hashFromQb(children.value(0).toByteArray());
            if (seen.insert(c).second)
                evict.push_back(c);
        }
    }
    const Hash256 txid = tx.txid();
    for (const auto &in : tx.inputs)
        if (seen.count(in.prevout.txid))
            return makeError(ErrorCode::TxDoubleSpend, "replacement-adds-unconfirmed: it spends what it replaces");
    int64_t replacedFees = 0;
    QSqlQuery feeOf(db);
    feeOf.prepare(QStringLiteral("SELECT fee, height FROM txs WHERE txid = ?"));
    for (const auto &e : evict) {
        feeOf.addBindValue(qb(e));
        if (!feeOf.exec() || !feeOf.next())
            return sqlError(feeOf, "replaced fee");
        if (!feeOf.value(1).isNull())
            return makeError(ErrorCode::TxDoubleSpend, "a confirmed transaction spends the same coin");
        replacedFees += feeOf.value(0).toLongLong();
    }
    // Rule 3: more than all it evicts; rule 4: and the relay fee for its own size on top.
    const int64_t relay = FeeRate{m_options.minRelayFeeSatPerKvB}.feeFor(static_cast<int64_t>(tx.vsize()));
    if (fee < replacedFees + relay)
        return makeError(ErrorCode::TxDoubleSpend, "insufficient fee, rejecting replacement " + toDisplayHex(txid) + ": " +
                                                       std::to_string(fee) + " sat < " + std::to_string(replacedFees) + " + " +
                                                       std::to_string(relay) + " sat");
    QSqlQuery unspend(db), dropOuts(db), dropTx(db);
    unspend.prepare(QStringLiteral("UPDATE outputs SET spent_by = NULL WHERE spent_by = ?"));
    dropOuts.prepare(QStringLiteral("DELETE FROM outputs WHERE txid = ?"));
    dropTx.prepare(QStringLiteral("DELETE FROM txs WHERE txid = ?"));
    for (const auto &e : evict)
        for (QSqlQuery *q : {&unspend, &dropOuts, &dropTx}) {
            q->addBindValue(qb(e));
            if (!q->exec())
                return sqlError(*q, "evict");
        }
    return {};
}

Result<std::vector<Hash256>> LocalChainDb::acceptPackage(const std::vector<Transaction> &txs)
{
    SPW_TRY(open());
    if (txs.empty() || txs.size() > 25)
        return makeError(ErrorCode::InvalidArgument, "a package is 1 to 25 transactions");
    // Core's only topology: one child, last, and its parents before it.
    const Transaction &child = txs.back();
    for (size_t i = 0; i + 1 < txs.size(); ++i) {
        const Hash256 id = txs[i].txid();
        if (std::none_of(child.inputs.begin(), child.inputs.end(), [&](const TxIn &in) { return in.prevout.txid == id; }))
            return makeError(ErrorCode::InvalidArgument, "package-not-child-with-parents");
    }
    SPW_TRY(begin());
    std::vector<Hash256> ids;
    int64_t fees = 0, vsize = 0;
    for (const auto &tx : txs) {
        // Each alone must pay the minimum relay fee (a version-2 parent below it is
        // refused even in a package); the mempool minimum applies to the package.
        auto a = acceptOne(tx, false);
        if (!a) {
            rollback();
            return a.error();
        }
        ids.push_back(a->txid);
        if (!a->alreadyKnown) {
            fees += a->fee;
            vsize += a->vsize;
        }
    }
    auto pol = policy();
    if (!pol) {
        rollback();
        return pol.error();
    }
    if (const int64_t floor = FeeRate{pol->mempoolMinFeeRate}.feeFor(vsize); vsize > 0 && fees < floor) {
        rollback();
        return makeError(ErrorCode::TxMempoolFull, "package feerate below the mempool minimum, " + std::to_string(fees) + " sat < " +
                                                       std::to_string(floor) + " sat");
    }
    SPW_TRY(commit());
    return ids;
}

Result<std::pair<std::vector<Hash256>, int64_t>> LocalChainDb::selectForBlock(int64_t minFeeRate)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT txid, fee, raw FROM txs WHERE height IS NULL ORDER BY seq")))
        return sqlError(q, "mempool");
    struct Entry {
        int64_t fee = 0;
        int64_t vsize = 0;
        std::vector<Hash256> parents; // in the mempool
        size_t order = 0;
    };
    std::map<Hash256, Entry> pool;
    std::vector<Hash256> order;
    std::vector<std::pair<Hash256, Transaction>> raws;
    while (q.next()) {
        const Hash256 id = hashFromQb(q.value(0).toByteArray());
        auto tx = Transaction::parse(fromQb(q.value(2).toByteArray()));
        if (!tx)
            return makeError(ErrorCode::ChainCorrupt, tx.error().describe());
        pool[id] = Entry{q.value(1).toLongLong(), static_cast<int64_t>(tx->vsize()), {}, order.size()};
        order.push_back(id);
        raws.emplace_back(id, std::move(*tx));
    }
    if (minFeeRate <= 0) { // everything, in arrival order (parents arrive first)
        int64_t fees = 0;
        for (const auto &[id, e] : pool)
            fees += e.fee;
        return std::make_pair(order, fees);
    }
    for (const auto &[id, tx] : raws)
        for (const auto &in : tx.inputs)
            if (pool.count(in.prevout.txid))
                pool[id].parents.push_back(in.prevout.txid);
    // Core's block assembly in small: the package (a transaction with its ancestors not
    // yet taken) with the best ancestor feerate goes in whole, while it pays the floor.
    std::set<Hash256> taken;
    std::vector<Hash256> block;
    int64_t fees = 0;
    auto ancestors = [&](const Hash256 &id) {
        std::vector<Hash256> out{id};
        std::set<Hash256> in{id};
        for (size_t i = 0; i < out.size(); ++i)
            for (const auto &p : pool[out[i]].parents)
                if (!taken.count(p) && in.insert(p).second)
                    out.push_back(p);
        return out;
    };
    for (;;) {
        std::vector<Hash256> best;
        int64_t bestFee = 0, bestVsize = 1;
        for (const auto &id : order) {
            if (taken.count(id))
                continue;
            const auto set = ancestors(id);
            int64_t f = 0, v = 0;
            for (const auto &a : set) {
                f += pool[a].fee;
                v += pool[a].vsize;
            }
            if (best.empty() || f * bestVsize > bestFee * v) {
                best = set;
                bestFee = f;
                bestVsize = v;
            }
        }
        if (best.empty() || bestFee * 1000 < minFeeRate * bestVsize)
            break;
        std::sort(best.begin(), best.end(), [&](const Hash256 &a, const Hash256 &b) { return pool[a].order < pool[b].order; });
        for (const auto &id : best) {
            taken.insert(id);
            block.push_back(id);
            fees += pool[id].fee;
        }
    }
    return std::make_pair(block, fees);
}

} // namespace spillway::chain
