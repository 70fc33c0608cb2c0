#include "LocalChainDb.h"

#include "LocalChainSql.h"
#include "bitcoin/Interpreter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace spillway::chain {

using namespace bitcoin;
using namespace sql;

namespace {

constexpr int kSchemaVersion = 1;
constexpr int64_t kLocktimeThreshold = 500000000;

} // namespace

struct LocalChainDb::Coin {
    TxOut output;
    int height = -1; ///< -1: in the mempool
    bool coinbase = false;
    bool spent = false;
    Hash256 spender{};
    int spenderHeight = -1;
};

LocalChainDb::LocalChainDb(QString path, LocalChainOptions options)
    : m_path(std::move(path)), m_connection(QStringLiteral("localchain-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_options(options)
{
}

LocalChainDb::~LocalChainDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Status LocalChainDb::open()
{
    if (m_open)
        return {};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!db.open())
        return makeError(ErrorCode::ChainUnavailable, "cannot open " + m_path.toStdString() + ": " + db.lastError().text().toStdString());
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        // Two processes creating the file at once: switching a new file to WAL needs a lock
        // that SQLite does not wait for (no busy handler there), so ask again for a while.
        bool done = q.exec(QString::fromLatin1(pragma));
        for (int attempt = 0; !done && attempt < 100; ++attempt) {
            QThread::msleep(50);
            done = q.exec(QString::fromLatin1(pragma));
        }
        if (!done)
            return sqlError(q, pragma);
    }
    SPW_TRY(begin());
    const char *schema[] = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS blocks(height INTEGER PRIMARY KEY, hash BLOB NOT NULL, time INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS txs(txid BLOB PRIMARY KEY, raw BLOB NOT NULL, height INTEGER, "
        "seq INTEGER NOT NULL, fee INTEGER NOT NULL, coinbase INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS outputs(txid BLOB NOT NULL, vout INTEGER NOT NULL, value INTEGER NOT NULL, "
        "script BLOB NOT NULL, height INTEGER, coinbase INTEGER NOT NULL, spent_by BLOB, PRIMARY KEY(txid, vout))",
        "CREATE INDEX IF NOT EXISTS outputs_script ON outputs(script)",
        "CREATE INDEX IF NOT EXISTS txs_height ON txs(height)",
    };
    for (const char *s : schema) {
        if (!q.exec(QString::fromLatin1(s))) {
            Error e = sqlError(q, s);
            rollback();
            return e;
        }
    }
    q.exec(QStringLiteral("SELECT value FROM meta WHERE key='schema_version'"));
    if (!q.next()) {
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES('schema_version', ?), ('network', 'local')"));
        ins.addBindValue(QString::number(kSchemaVersion));
        Writer w;
        w.bytes(asBytes("Spillway local chain genesis"));
        w.i64(now);
        QSqlQuery gen(db);
        gen.prepare(QStringLiteral("INSERT INTO blocks(height, hash, time) VALUES(0, ?, ?)"));
        gen.addBindValue(qb(sha256d(w.data())));
        gen.addBindValue(static_cast<qint64>(now));
        if (!ins.exec() || !gen.exec()) {
            Error e = sqlError(ins.lastError().isValid() ? ins : gen, "creating the chain");
            rollback();
            return e;
        }
    } else if (q.value(0).toInt() > kSchemaVersion) {
        rollback();
        return makeError(ErrorCode::ChainCorrupt, "the chain file comes from a newer Spillway");
    }
    SPW_TRY(commit());
    m_open = true;
    return {};
}

Status LocalChainDb::begin()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // IMMEDIATE takes the write lock now, so two processes never interleave a
    // read-check-write sequence (no lost or duplicated transactions).
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q, "BEGIN IMMEDIATE");
    return {};
}

Status LocalChainDb::commit()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(q, "COMMIT");
        rollback();
        return e;
    }
    return {};
}

void LocalChainDb::rollback()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("ROLLBACK"));
}

Result<FeeRate> LocalChainDb::feeEstimate()
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key='fee_estimate'")) && q.next())
        return FeeRate{q.value(0).toString().toLongLong()};
    return FeeRate{m_options.estimateFeeSatPerKvB};
}

Status LocalChainDb::setFeeEstimate(FeeRate rate)
{
    SPW_TRY(open());
    if (rate.satPerKvB < m_options.minRelayFeeSatPerKvB || rate.satPerKvB > kMaxFeeRate.satPerKvB)
        return makeError(ErrorCode::InvalidArgument, "a fee estimate between the minimum relay fee and the cap");
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('fee_estimate', ?)"));
    q.addBindValue(QString::number(rate.satPerKvB));
    if (!q.exec())
        return makeError(ErrorCode::StorageFailed, "fee estimate");
    return {};
}

Result<ChainTip> LocalChainDb::tip()
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT height, time, hash FROM blocks ORDER BY height DESC LIMIT 1")) || !q.next())
        return makeError(ErrorCode::ChainCorrupt, "no blocks");
    ChainTip t;
    t.height = q.value(0).toInt();
    t.time = q.value(1).toLongLong();
    t.hash = hashFromQb(q.value(2).toByteArray());
    return t;
}

Result<int64_t> LocalChainDb::medianTimePast(int height)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT time FROM blocks WHERE height <= ? ORDER BY height DESC LIMIT 11"));
    q.addBindValue(height);
    if (!q.exec())
        return sqlError(q, "median time");
    std::vector<int64_t> times;
    while (q.next())
        times.push_back(q.value(0).toLongLong());
    if (times.empty())
        return int64_t{0};
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

Result<LocalChainDb::Coin> LocalChainDb::findCoin(const OutPoint &op)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT o.value, o.script, o.height, o.coinbase, o.spent_by, t.height FROM outputs o "
                             "LEFT JOIN txs t ON t.txid = o.spent_by WHERE o.txid = ? AND o.vout = ?"));
    q.addBindValue(qb(op.txid));
    q.addBindValue(static_cast<qint64>(op.index));
    if (!q.exec())
        return sqlError(q, "coin lookup");
    if (!q.next())
        return makeError(ErrorCode::TxMissingInputs, op.toString());
    Coin c;
    c.output = TxOut{Amount::fromSat(q.value(0).toLongLong()), Script(fromQb(q.value(1).toByteArray()))};
    c.height = q.value(2).isNull() ? -1 : q.value(2).toInt();
    c.coinbase = q.value(3).toInt() != 0;
    c.spent = !q.value(4).isNull();
    if (c.spent) {
        c.spender = hashFromQb(q.value(4).toByteArray());
        c.spenderHeight = q.value(5).isNull() ? -1 : q.value(5).toInt();
    }
    return c;
}

Amount LocalChainDb::subsidyAt(int height) const
{
    const int halvings = height / m_options.halvingInterval;
    if (halvings >= 64)
        return Amount::fromSat(0);
    return Amount::fromSat((50 * Amount::kCoin) >> halvings);
}

Result<LocalChainDb::Accepted> LocalChainDb::acceptOne(const Transaction &tx, bool mempoolMinApplies)
{
    // Inside the caller's write transaction (BEGIN IMMEDIATE): the caller commits or rolls back.
    const Hash256 txid = tx.txid();
    SPW_TRY(tx.checkBasic());
    if (tx.inputs.size() == 1 && tx.inputs[0].prevout.isNull())
        return makeError(ErrorCode::InvalidTransaction, "a coinbase cannot be broadcast");
    if (tx.version < 1 || tx.version > 2)
        return makeError(ErrorCode::TxNonStandard, "version");
    if (tx.weight() > 400000)
        return makeError(ErrorCode::TxNonStandard, "too large");
    // Bitcoin Core's IsStandardTx order: every output's type first ("scriptpubkey"), then dust.
    for (size_t i = 0; i < tx.outputs.size(); ++i)
        if (!isStandardOutput(tx.outputs[i].scriptPubKey))
            return makeError(ErrorCode::TxNonStandard, "scriptpubkey: output " + std::to_string(i) + " is of no standard type");
    for (size_t i = 0; i < tx.outputs.size(); ++i) {
        const TxOut &o = tx.outputs[i];
        if (outputType(o.scriptPubKey) == OutputType::NullData)
            continue; // OP_RETURN outputs are exempt from the dust rule
        if (o.value.sat() < dustThreshold(o.scriptPubKey))
            return makeError(ErrorCode::TxDust, "output " + std::to_string(i) + " of " + std::to_string(o.value.sat()) +
                                                    " sat is below " + std::to_string(dustThreshold(o.scriptPubKey)));
    }

    auto fail = [](Error e) -> Result<Accepted> { return e; };
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    {
        QSqlQuery known(db);
        known.prepare(QStringLiteral("SELECT height FROM txs WHERE txid = ?"));
        known.addBindValue(qb(txid));
        if (!known.exec())
            return fail(sqlError(known, "lookup"));
        if (known.next()) {
            if (!known.value(0).isNull())
                return makeError(ErrorCode::TxAlreadyConfirmed, toDisplayHex(txid));
            return Accepted{txid, 0, static_cast<int64_t>(tx.vsize()), true}; // already in the mempool: harmless
        }
    }
    QSqlQuery tq(db);
    if (!tq.exec(QStringLiteral("SELECT MAX(height), (SELECT time FROM blocks ORDER BY height DESC LIMIT 1) FROM blocks")) || !tq.next())
        return fail(sqlError(tq, "tip"));
    const int tipHeight = tq.value(0).toInt();
    const int nextHeight = tipHeight + 1;
    auto mtpResult = medianTimePast(tipHeight);
    if (!mtpResult)
        return fail(mtpResult.error());
    const int64_t mtp = *mtpResult;

    // Finality (Core's IsFinalTx against the next block and median time past).
    if (tx.lockTime != 0) {
        const int64_t limit = tx.lockTime < kLocktimeThreshold ? nextHeight : mtp;
        if (static_cast<int64_t>(tx.lockTime) >= limit) {
            const bool allFinal = std::all_of(tx.inputs.begin(), tx.inputs.end(),
                                              [](const TxIn &in) { return in.sequence == TxIn::kSequenceFinal; });
            if (!allFinal)
                return fail(makeError(ErrorCode::TxNonFinal, "locked until " + std::string(tx.lockTime < kLocktimeThreshold ? "height " : "time ") +
                                                                std::to_string(tx.lockTime)));
        }
    }

    std::vector<Coin> coins;
    std::vector<Hash256> conflicts; // unconfirmed spends of our inputs: replaced if we pay more (full RBF, as Core)
    int64_t totalIn = 0;
    for (const auto &in : tx.inputs) {
        auto coin = findCoin(in.prevout);
        if (!coin)
            return fail(coin.error());
        if (coin->spent && coin->spenderHeight >= 0)
            return fail(makeError(ErrorCode::TxDoubleSpend, in.prevout.toString()));
        if (coin->spent && std::find(conflicts.begin(), conflicts.end(), coin->spender) == conflicts.end())
            conflicts.push_back(coin->spender);
        if (coin->coinbase && nextHeight - coin->height < m_options.coinbaseMaturity)
            return fail(makeError(ErrorCode::TxImmatureCoinbase, "mined at " + std::to_string(coin->height) + ", spendable at " +
                                                                    std::to_string(coin->height + m_options.coinbaseMaturity)));
        totalIn += coin->output.value.sat();
        coins.push_back(*coin);
    }

    // BIP 68 relative lock times (Core's CalculateSequenceLocks).
    if (tx.version >= 2) {
        for (size_t i = 0; i < tx.inputs.size(); ++i) {
            const uint32_t seq = tx.inputs[i].sequence;
            if (seq & TxIn::kSequenceLocktimeDisableFlag)
                continue;
            const int coinHeight = coins[i].height < 0 ? nextHeight : coins[i].height;
            const int64_t value = seq & TxIn::kSequenceLocktimeMask;
            if (seq & TxIn::kSequenceLocktimeTypeFlag) {
                auto coinMtp = medianTimePast(std::max(coinHeight - 1, 0));
                if (!coinMtp)
                    return fail(coinMtp.error());
                const int64_t minTime = *coinMtp + (value << 9) - 1;
                if (minTime >= mtp)
                    return fail(makeError(ErrorCode::TxSequenceLocked, "input " + std::to_string(i)));
            } else {
                const int64_t minHeight = coinHeight + value - 1;
                if (minHeight >= nextHeight)
                    return fail(makeError(ErrorCode::TxSequenceLocked, "input " + std::to_string(i) + " until height " +
                                                                          std::to_string(minHeight + 1)));
            }
        }
    }

    int64_t totalOut = 0;
    for (const auto &o : tx.outputs)
        totalOut += o.value.sat();
    if (totalIn < totalOut)
        return fail(makeError(ErrorCode::InvalidTransaction, "outputs exceed inputs"));
    const int64_t fee = totalIn - totalOut;
    const int64_t minFee = FeeRate{m_options.minRelayFeeSatPerKvB}.feeFor(static_cast<int64_t>(tx.vsize()));
    if (fee < minFee)
        return fail(makeError(ErrorCode::TxFeeTooLow, "min relay fee not met, " + std::to_string(fee) + " sat < " + std::to_string(minFee) + " sat"));
    if (const int64_t maxFee = kMaxFeeRate.feeFor(static_cast<int64_t>(tx.vsize())); fee > maxFee)
        return fail(makeError(ErrorCode::TxFeeTooHigh, std::to_string(fee) + " sat > " + std::to_string(maxFee) + " sat"));
    if (mempoolMinApplies) {
        // A full mempool (the chain's policy): alone, a transaction must pay its current minimum.
        auto pol = policy();
        if (!pol)
            return fail(pol.error());
        if (const int64_t floor = FeeRate{pol->mempoolMinFeeRate}.feeFor(static_cast<int64_t>(tx.vsize())); fee < floor)
            return fail(makeError(ErrorCode::TxMempoolFull, "mempool min fee not met, " + std::to_string(fee) + " sat < " +
                                                                std::to_string(floor) + " sat"));
    }

    const SighashCache cache(tx);
    for (size_t i = 0; i < tx.inputs.size(); ++i) {
        const ScriptError err = verifyInput(tx, i, coins[i].output, kStandardFlags, &cache);
        if (err != ScriptError::OK)
            return fail(makeError(ErrorCode::ScriptFailed, "input " + std::to_string(i) + ": " + std::string(scriptErrorName(err))));
    }

    if (!conflicts.empty())
        SPW_TRY(replaceConflicts(tx, fee, conflicts));

    // Store: the transaction, its outputs, and the spends.
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO txs(txid, raw, height, seq, fee, coinbase) "
                               "VALUES(?, ?, NULL, (SELECT COALESCE(MAX(seq), 0) + 1 FROM txs), ?, 0)"));
    ins.addBindValue(qb(txid));
    ins.addBindValue(qb(tx.serialize()));
    ins.addBindValue(static_cast<qint64>(fee));
    if (!ins.exec())
        return fail(sqlError(ins, "store tx"));
    QSqlQuery out(db);
    out.prepare(QStringLiteral("INSERT INTO outputs(txid, vout, value, script, height, coinbase, spent_by) VALUES(?, ?, ?, ?, NULL, 0, NULL)"));
    for (size_t i = 0; i < tx.outputs.size(); ++i) {
        out.addBindValue(qb(txid));
        out.addBindValue(static_cast<qint64>(i));
        out.addBindValue(static_cast<qint64>(tx.outputs[i].value.sat()));
        out.addBindValue(qb(tx.outputs[i].scriptPubKey.bytes()));
        if (!out.exec())
            return fail(sqlError(out, "store outputs"));
    }
    QSqlQuery sp(db);
    sp.prepare(QStringLiteral("UPDATE outputs SET spent_by = ? WHERE txid = ? AND vout = ? AND spent_by IS NULL"));
    for (const auto &in : tx.inputs) {
        sp.addBindValue(qb(txid));
        sp.addBindValue(qb(in.prevout.txid));
        sp.addBindValue(static_cast<qint64>(in.prevout.index));
        if (!sp.exec() || sp.numRowsAffected() != 1)
            return fail(makeError(ErrorCode::TxDoubleSpend, in.prevout.toString()));
    }
    return Accepted{txid, fee, static_cast<int64_t>(tx.vsize()), false};
}

Result<Hash256> LocalChainDb::accept(const Transaction &tx)
{
    SPW_TRY(open());
    SPW_TRY(begin());
    auto accepted = acceptOne(tx, true);
    if (!accepted) {
        rollback();
        return accepted.error();
    }
    SPW_TRY(commit());
    return accepted->txid;
}

Result<ChainTip> LocalChainDb::mine(int count, const Script &payTo, std::optional<int64_t> minFeeRate)
{
    SPW_TRY(open());
    if (count < 1 || count > 100000)
        return makeError(ErrorCode::InvalidArgument, "mine 1 to 100000 blocks");
    if (minFeeRate && (*minFeeRate < 0 || *minFeeRate > kMaxFeeRate.satPerKvB))
        return makeError(ErrorCode::InvalidArgument, "a minimum feerate between 0 and the cap");
    SPW_TRY(begin());
    auto fail = [this](Error e) -> Result<ChainTip> {
        rollback();
        return e;
    };
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    for (int n = 0; n < count; ++n) {
        if (!q.exec(QStringLiteral("SELECT height, hash, time FROM blocks ORDER BY height DESC LIMIT 1")) || !q.next())
            return fail(sqlError(q, "tip"));
        const int height = q.value(0).toInt() + 1;
        const Hash256 prevHash = hashFromQb(q.value(1).toByteArray());
        const int64_t time = std::max<int64_t>(QDateTime::currentSecsSinceEpoch(), q.value(2).toLongLong() + 1);

        int64_t floor = 0;
        if (minFeeRate) {
            floor = *minFeeRate;
        } else {
            auto pol = policy();
            if (!pol)
                return fail(pol.error());
            floor = pol->mineMinFeeRate;
        }
        auto selected = selectForBlock(floor);
        if (!selected)
            return fail(selected.error());
        std::vector<Hash256> txids = selected->first;
        const int64_t fees = selected->second;

        Transaction coinbase;
        coinbase.version = 2;
        TxIn in;
        in.prevout.index = 0xffffffff;
        in.scriptSig = ScriptBuilder().number(height).push(asBytes("spillway")).build();
        coinbase.inputs.push_back(in);
        coinbase.outputs.push_back(TxOut{Amount::fromSat(subsidyAt(height).sat() + fees), payTo});
        const Hash256 cbid = coinbase.txid();
        txids.insert(txids.begin(), cbid);

        Writer header;
        header.bytes(prevHash);
        for (const auto &t : txids)
            header.bytes(t);
        header.i64(time);
        header.i32(height);
        const Hash256 hash = sha256d(header.data());

        QSqlQuery b(db);
        b.prepare(QStringLiteral("INSERT INTO blocks(height, hash, time) VALUES(?, ?, ?)"));
        b.addBindValue(height);
        b.addBindValue(qb(hash));
        b.addBindValue(static_cast<qint64>(time));
        if (!b.exec())
            return fail(sqlError(b, "store block"));
        QSqlQuery conf(db);
        conf.prepare(QStringLiteral("UPDATE txs SET height = ? WHERE txid = ?"));
        QSqlQuery confOut(db);
        confOut.prepare(QStringLiteral("UPDATE outputs SET height = ? WHERE txid = ?"));
        for (size_t i = 1; i < txids.size(); ++i) { // [0] is the coinbase, stored below
            for (QSqlQuery *u : {&conf, &confOut}) {
                u->addBindValue(height);
                u->addBindValue(qb(txids[i]));
                if (!u->exec())
                    return fail(sqlError(*u, "confirm"));
            }
        }
        QSqlQuery cb(db);
        cb.prepare(QStringLiteral("INSERT INTO txs(txid, raw, height, seq, fee, coinbase) "
                                  "VALUES(?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM txs), 0, 1)"));
        cb.addBindValue(qb(cbid));
        cb.addBindValue(qb(coinbase.serialize()));
        cb.addBindValue(height);
        QSqlQuery cbo(db);
        cbo.prepare(QStringLiteral("INSERT INTO outputs(txid, vout, value, script, height, coinbase, spent_by) VALUES(?, 0, ?, ?, ?, 1, NULL)"));
        cbo.addBindValue(qb(cbid));
        cbo.addBindValue(static_cast<qint64>(coinbase.outputs[0].value.sat()));
        cbo.addBindValue(qb(payTo.bytes()));
        cbo.addBindValue(height);
        if (!cb.exec() || !cbo.exec())
            return fail(sqlError(cb, "store coinbase"));
    }
    SPW_TRY(commit());
    return tip();
}

Result<TxStatus> LocalChainDb::status(const Hash256 &txid)
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT t.height, (SELECT MAX(height) FROM blocks) FROM txs t WHERE t.txid = ?"));
    q.addBindValue(qb(txid));
    if (!q.exec())
        return sqlError(q, "status");
    TxStatus s;
    if (!q.next())
        return s;
    s.known = true;
    if (q.value(0).isNull()) {
        s.inMempool = true;
    } else {
        s.blockHeight = q.value(0).toInt();
        s.confirmations = q.value(1).toInt() - s.blockHeight + 1;
    }
    return s;
}

Result<Transaction> LocalChainDb::transaction(const Hash256 &txid)
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT raw FROM txs WHERE txid = ?"));
    q.addBindValue(qb(txid));
    if (!q.exec())
        return sqlError(q, "transaction");
    if (!q.next())
        return makeError(ErrorCode::NotFound, toDisplayHex(txid));
    auto tx = Transaction::parse(fromQb(q.value(0).toByteArray()));
    if (!tx)
        return makeError(ErrorCode::ChainCorrupt, tx.error().describe());
    return tx;
}

Result<SpendInfo> LocalChainDb::spend(const OutPoint &op)
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT o.spent_by, t.height FROM outputs o LEFT JOIN txs t ON t.txid = o.spent_by "
                             "WHERE o.txid = ? AND o.vout = ?"));
    q.addBindValue(qb(op.txid));
    q.addBindValue(static_cast<qint64>(op.index));
    if (!q.exec())
        return sqlError(q, "spend");
    SpendInfo s;
    if (!q.next())
        return s;
    s.exists = true;
    if (!q.value(0).isNull()) {
        s.spent = true;
        s.spender = hashFromQb(q.value(0).toByteArray());
        s.spenderHeight = q.value(1).isNull() ? -1 : q.value(1).toInt();
    }
    return s;
}

Result<std::vector<Utxo>> LocalChainDb::unspent(const std::vector<Script> &scripts)
{
    SPW_TRY(open());
    auto t = tip();
    if (!t)
        return t.error();
    std::vector<Utxo> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT txid, vout, value, height, coinbase FROM outputs WHERE script = ? AND spent_by IS NULL"));
    for (const auto &s : scripts) {
        q.addBindValue(qb(s.bytes()));
        if (!q.exec())
            return sqlError(q, "unspent");
        while (q.next()) {
            Utxo u;
            u.outpoint = OutPoint{hashFromQb(q.value(0).toByteArray()), static_cast<uint32_t>(q.value(1).toLongLong())};
            u.output = TxOut{Amount::fromSat(q.value(2).toLongLong()), s};
            u.height = q.value(3).isNull() ? -1 : q.value(3).toInt();
            u.confirmations = u.height < 0 ? 0 : t->height - u.height + 1;
            u.coinbase = q.value(4).toInt() != 0;
            out.push_back(u);
        }
    }
    return out;
}

Status LocalChainDb::checkConsistency()
{
    SPW_TRY(open());
    QSqlQuery q(QSqlDatabase::database(m_connection));
    const char *checks[][2] = {
        {"SELECT COUNT(*) FROM outputs o WHERE o.spent_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM txs t WHERE t.txid = o.spent_by)",
         "a spend points at an unknown transaction"},
        {"SELECT COUNT(*) FROM outputs o WHERE NOT EXISTS (SELECT 1 FROM txs t WHERE t.txid = o.txid)", "an output has no transaction"},
        {"SELECT COUNT(*) FROM txs WHERE height IS NOT NULL AND height > (SELECT MAX(height) FROM blocks)", "a transaction is in a future block"},
        {"SELECT COUNT(*) FROM (SELECT height FROM blocks) b WHERE b.height <> (SELECT COUNT(*) FROM blocks b2 WHERE b2.height < b.height)",
         "block heights have gaps"},
        {"SELECT COUNT(*) FROM outputs o JOIN txs s ON s.txid = o.spent_by WHERE s.height IS NOT NULL AND (o.height IS NULL OR o.height > s.height)",
         "a confirmed spend of an unconfirmed or later output"},
    };
    for (const auto &c : checks) {
        if (!q.exec(QString::fromLatin1(c[0])) || !q.next())
            return sqlError(q, c[1]);
        if (q.value(0).toLongLong() != 0)
            return makeError(ErrorCode::ChainCorrupt, c[1]);
    }
    // Every stored transaction's inputs are marked spent by it, exactly once.
    if (!q.exec(QStringLiteral("SELECT raw, txid FROM txs WHERE coinbase = 0")))
        return sqlError(q, "txs");
    QSqlQuery s(QSqlDatabase::database(m_connection));
    s.prepare(QStringLiteral("SELECT spent_by FROM outputs WHERE txid = ? AND vout = ?"));
    while (q.next()) {
        auto tx = Transaction::parse(fromQb(q.value(0).toByteArray()));
        if (!tx)
            return makeError(ErrorCode::ChainCorrupt, "unparsable transaction");
        const QByteArray id = q.value(1).toByteArray();
        for (const auto &in : tx->inputs) {
            s.addBindValue(qb(in.prevout.txid));
            s.addBindValue(static_cast<qint64>(in.prevout.index));
            if (!s.exec() || !s.next() || s.value(0).toByteArray() != id)
                return makeError(ErrorCode::ChainCorrupt, "an input is not marked spent by its transaction");
        }
    }
    return {};
}

} // namespace spillway::chain
