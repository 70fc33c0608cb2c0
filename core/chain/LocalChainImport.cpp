// LocalChainDb::importBlock: the local chain as a mirror of another node's
// chain, block by block, so that the local rules can judge the very
// transactions that node judged (tst_regtest feeds each of the project's
// transactions to Bitcoin Core and to the local chain and expects the same
// error code). Kept apart from LocalChainDb.cpp: mining and acceptance there
// never need it.
#include "LocalChainDb.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace spillway::chain {

using namespace bitcoin;

namespace {

QByteArray blob(ByteView b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

Error sqlFailed(const QSqlQuery &q, const char *what)
{
    return makeError(ErrorCode::StorageFailed, std::string(what) + ": " + q.lastError().text().toStdString());
}

} // namespace

Result<ChainTip> LocalChainDb::importBlock(const Block &block)
{
    SPW_TRY(open());
    const Hash256 hash = block.header.hash();
    SPW_TRY(begin());
    auto fail = [this](Error e) -> Result<ChainTip> {
        rollback();
        return e;
    };
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT height, hash, (SELECT COUNT(*) FROM txs) FROM blocks ORDER BY height DESC LIMIT 1")) || !q.next())
        return fail(sqlFailed(q, "tip"));
    const int tipHeight = q.value(0).toInt();
    const QByteArray tipHash = q.value(1).toByteArray();
    const bool pristine = tipHeight == 0 && q.value(2).toInt() == 0;

    if (block.header.prevBlock == Hash256{}) {
        // The other chain's genesis takes the place of ours (its coinbase is unspendable, as in Core).
        if (!pristine)
            return fail(makeError(ErrorCode::InvalidArgument, "a genesis block goes only into a new local chain"));
        QSqlQuery g(db);
        g.prepare(QStringLiteral("UPDATE blocks SET hash = ?, time = ? WHERE height = 0"));
        g.addBindValue(blob(hash));
        g.addBindValue(static_cast<qint64>(block.header.time));
        if (!g.exec())
            return fail(sqlFailed(g, "genesis"));
        SPW_TRY(commit());
        return tip();
    }
    if (blob(block.header.prevBlock) != tipHash)
        return fail(makeError(ErrorCode::InvalidArgument, "the block does not extend the local chain's tip"));
    const int height = tipHeight + 1;

    QSqlQuery b(db);
    b.prepare(QStringLiteral("INSERT INTO blocks(height, hash, time) VALUES(?, ?, ?)"));
    b.addBindValue(height);
    b.addBindValue(blob(hash));
    b.addBindValue(static_cast<qint64>(block.header.time));
    if (!b.exec())
        return fail(sqlFailed(b, "store block"));

    for (size_t t = 0; t < block.transactions.size(); ++t) {
        const Transaction &tx = block.transactions[t];
        const Hash256 txid = tx.txid();
        const bool coinbase = t == 0;
        QSqlQuery known(db);
        known.prepare(QStringLiteral("SELECT height FROM txs WHERE txid = ?"));
        known.addBindValue(blob(txid));
        if (!known.exec())
            return fail(sqlFailed(known, "lookup"));
        if (known.next()) {
            if (!known.value(0).isNull())
                return fail(makeError(ErrorCode::TxAlreadyConfirmed, toDisplayHex(txid)));
            // From the local mempool into this block.
            for (const char *sql : {"UPDATE txs SET height = ? WHERE txid = ?", "UPDATE outputs SET height = ? WHERE txid = ?"}) {
                QSqlQuery u(db);
                u.prepare(QString::fromLatin1(sql));
                u.addBindValue(height);
                u.addBindValue(blob(txid));
                if (!u.exec())
                    return fail(sqlFailed(u, "confirm"));
            }
            continue;
        }
        int64_t fee = 0;
        if (!coinbase) {
            for (const auto &in : tx.inputs) {
                QSqlQuery coin(db);
                coin.prepare(QStringLiteral("SELECT value FROM outputs WHERE txid = ? AND vout = ? AND spent_by IS NULL"));
                coin.addBindValue(blob(in.prevout.txid));
                coin.addBindValue(static_cast<qint64>(in.prevout.index));
                if (!coin.exec())
                    return fail(sqlFailed(coin, "coin"));
                if (!coin.next())
                    return fail(makeError(ErrorCode::TxMissingInputs, "the block spends " + in.prevout.toString() +
                                                                          ", which the local chain lacks or has spent"));
                fee += coin.value(0).toLongLong();
                QSqlQuery spend(db);
                spend.prepare(QStringLiteral("UPDATE outputs SET spent_by = ? WHERE txid = ? AND vout = ?"));
                spend.addBindValue(blob(txid));
                spend.addBindValue(blob(in.prevout.txid));
                spend.addBindValue(static_cast<qint64>(in.prevout.index));
                if (!spend.exec())
                    return fail(sqlFailed(spend, "spend"));
            }
            for (const auto &o : tx.outputs)
                fee -= o.value.sat();
        }
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO txs(txid, raw, height, seq, fee, coinbase) "
                                   "VALUES(?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM txs), ?, ?)"));
        ins.addBindValue(blob(txid));
        ins.addBindValue(blob(tx.serialize()));
        ins.addBindValue(height);
        ins.addBindValue(static_cast<qint64>(fee));
        ins.addBindValue(coinbase ? 1 : 0);
        if (!ins.exec())
            return fail(sqlFailed(ins, "store tx"));
        QSqlQuery out(db);
        out.prepare(QStringLiteral("INSERT INTO outputs(txid, vout, value, script, height, coinbase, spent_by) VALUES(?, ?, ?, ?, ?, ?, NULL)"));
        for (size_t i = 0; i < tx.outputs.size(); ++i) {
            out.addBindValue(blob(txid));
            out.addBindValue(static_cast<qint64>(i));
            out.addBindValue(static_cast<qint64>(tx.outputs[i].value.sat()));
            out.addBindValue(blob(tx.outputs[i].scriptPubKey.bytes()));
            out.addBindValue(height);
            out.addBindValue(coinbase ? 1 : 0);
            if (!out.exec())
                return fail(sqlFailed(out, "store outputs"));
        }
    }
    SPW_TRY(commit());
    return tip();
}

} // namespace spillway::chain
