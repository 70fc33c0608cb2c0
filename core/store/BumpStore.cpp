#include "BumpStore.h"

#include "bitcoin/Serialize.h"

#include <QDateTime>
#include <QDir>

namespace spillway::store {

using namespace bitcoin;

namespace {

const std::vector<SqliteDatabase::Migration> &migrations()
{
    static const std::vector<SqliteDatabase::Migration> m = {
        {
            QStringLiteral("CREATE TABLE settings(key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE channel_budget(channel BLOB PRIMARY KEY, percent INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE bumps(id INTEGER PRIMARY KEY AUTOINCREMENT, channel BLOB NOT NULL, parent BLOB NOT NULL, "
                           "child BLOB NOT NULL, child_fee INTEGER NOT NULL, package_rate INTEGER NOT NULL, "
                           "wallet_coins INTEGER NOT NULL, package INTEGER NOT NULL, time INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX bumps_by_channel ON bumps(channel)"),
        },
    };
    return m;
}

QByteArray idBlob(const OutPoint &op)
{
    Writer w;
    w.bytes(op.txid);
    w.u32(op.index);
    return toBlob(w.data());
}

Hash256 hashOf(const QByteArray &b)
{
    Hash256 h{};
    if (b.size() == 32)
        std::copy(b.begin(), b.end(), h.begin());
    return h;
}

Status checkPercent(int percent)
{
    if (percent < 1 || percent > 100)
        return makeError(ErrorCode::InvalidArgument, "a fee budget is 1 to 100 percent of what the transaction saves us");
    return {};
}

} // namespace

QString BumpStore::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("bumps.sqlite"));
}

Status BumpStore::open(const QString &dataDir)
{
    return m_db.open(fileIn(dataDir), migrations());
}

Result<int> BumpStore::defaultBudgetPercent()
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'budget_percent'"));
    SPW_TRY(SqliteDatabase::run(q, "budget"));
    return q.next() ? q.value(0).toInt() : kDefaultBumpBudgetPercent;
}

Status BumpStore::setDefaultBudgetPercent(int percent)
{
    SPW_TRY(checkPercent(percent));
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES('budget_percent', ?)"));
    q.addBindValue(percent);
    return SqliteDatabase::run(q, "budget");
}

Result<int> BumpStore::budgetPercent(const OutPoint &channel)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT percent FROM channel_budget WHERE channel = ?"));
    q.addBindValue(idBlob(channel));
    SPW_TRY(SqliteDatabase::run(q, "channel budget"));
    if (q.next())
        return q.value(0).toInt();
    return defaultBudgetPercent();
}

Status BumpStore::setBudgetPercent(const OutPoint &channel, std::optional<int> percent)
{
    QSqlQuery q = m_db.query();
    if (percent) {
        SPW_TRY(checkPercent(*percent));
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO channel_budget(channel, percent) VALUES(?, ?)"));
        q.addBindValue(idBlob(channel));
        q.addBindValue(*percent);
    } else {
        q.prepare(QStringLiteral("DELETE FROM channel_budget WHERE channel = ?"));
        q.addBindValue(idBlob(channel));
    }
    return SqliteDatabase::run(q, "channel budget");
}

Status BumpStore::record(const BumpRow &row)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT INTO bumps(channel, parent, child, child_fee, package_rate, wallet_coins, package, time) "
                             "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idBlob(row.channel));
    q.addBindValue(toBlob(row.parent));
    q.addBindValue(toBlob(row.child));
    q.addBindValue(static_cast<qint64>(row.childFee));
    q.addBindValue(static_cast<qint64>(row.packageSatPerKvB));
    q.addBindValue(row.walletCoins ? 1 : 0);
    q.addBindValue(row.package ? 1 : 0);
    q.addBindValue(static_cast<qint64>(row.time ? row.time : QDateTime::currentSecsSinceEpoch()));
    return SqliteDatabase::run(q, "bump");
}

Result<std::vector<BumpRow>> BumpStore::forChannel(const OutPoint &channel)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT parent, child, child_fee, package_rate, wallet_coins, package, time FROM bumps "
                             "WHERE channel = ? ORDER BY id"));
    q.addBindValue(idBlob(channel));
    SPW_TRY(SqliteDatabase::run(q, "bumps"));
    std::vector<BumpRow> rows;
    while (q.next()) {
        BumpRow r;
        r.channel = channel;
        r.parent = hashOf(q.value(0).toByteArray());
        r.child = hashOf(q.value(1).toByteArray());
        r.childFee = q.value(2).toLongLong();
        r.packageSatPerKvB = q.value(3).toLongLong();
        r.walletCoins = q.value(4).toInt() != 0;
        r.package = q.value(5).toInt() != 0;
        r.time = q.value(6).toLongLong();
        rows.push_back(r);
    }
    return rows;
}

} // namespace spillway::store
