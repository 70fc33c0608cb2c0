#include "PurchaseStore.h"

#include "bitcoin/Amount.h"
#include "bitcoin/Serialize.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>

namespace spillway::store {

using namespace bitcoin;

namespace {

const std::vector<SqliteDatabase::Migration> &migrations()
{
    static const std::vector<SqliteDatabase::Migration> m = {
        {
            QStringLiteral("CREATE TABLE purchases(id INTEGER PRIMARY KEY AUTOINCREMENT, channel BLOB NOT NULL, file TEXT NOT NULL, "
                           "sha256 TEXT NOT NULL, chunks INTEGER NOT NULL, price_per_chunk INTEGER NOT NULL, start_paid INTEGER NOT NULL, "
                           "state INTEGER NOT NULL, ended_at INTEGER NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX purchases_by_channel ON purchases(channel, state)"),
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

const char *kColumns = "id, channel, file, sha256, chunks, price_per_chunk, start_paid, state, ended_at, created";

Purchase readRow(const QSqlQuery &q)
{
    Purchase p;
    p.id = q.value(0).toLongLong();
    const QByteArray ch = q.value(1).toByteArray();
    if (ch.size() == 36) {
        std::copy(ch.constBegin(), ch.constBegin() + 32, reinterpret_cast<char *>(p.channel.txid.data()));
        const auto *i = reinterpret_cast<const uint8_t *>(ch.constData()) + 32;
        p.channel.index = uint32_t(i[0]) | uint32_t(i[1]) << 8 | uint32_t(i[2]) << 16 | uint32_t(i[3]) << 24;
    }
    p.file = q.value(2).toString().toStdString();
    p.sha256 = q.value(3).toString().toStdString();
    p.chunks = q.value(4).toLongLong();
    p.pricePerChunk = q.value(5).toLongLong();
    p.start = q.value(6).toLongLong();
    p.state = static_cast<PurchaseState>(q.value(7).toInt());
    p.endedAt = q.value(8).toLongLong();
    p.created = q.value(9).toLongLong();
    return p;
}

} // namespace

QString PurchaseStore::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("purchases.sqlite"));
}

Status PurchaseStore::open(const QString &dataDir)
{
    return m_db.open(fileIn(dataDir), migrations());
}

Result<std::optional<Purchase>> PurchaseStore::openPurchase(const OutPoint &channel)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE channel = ? AND state = 0 ORDER BY id DESC LIMIT 1").arg(QLatin1String(kColumns)));
    q.addBindValue(idBlob(channel));
    SPW_TRY(SqliteDatabase::run(q, "open purchase"));
    if (!q.next())
        return std::optional<Purchase>{};
    return std::optional<Purchase>{readRow(q)};
}

Result<Purchase> PurchaseStore::begin(const OutPoint &channel, const std::string &file, const std::string &sha256, int64_t chunks,
                                      int64_t pricePerChunk, int64_t acked)
{
    if (chunks < 0 || pricePerChunk < 0 || (chunks > 0 && pricePerChunk > Amount::kMaxMoney / chunks))
        return makeError(ErrorCode::InvalidAmount, "a purchase's price is out of range");
    Purchase p;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Status st = m_db.transaction([&]() -> Status {
        // 1. The open one, if any, is given up: it ends at what was paid of it.
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE channel = ? AND state = 0").arg(QLatin1String(kColumns)));
        q.addBindValue(idBlob(channel));
        SPW_TRY(SqliteDatabase::run(q, "open purchase"));
        std::vector<Purchase> open;
        while (q.next())
            open.push_back(readRow(q));
        for (const Purchase &o : open) {
            QSqlQuery u = m_db.query();
            u.prepare(QStringLiteral("UPDATE purchases SET state = 2, ended_at = ?, updated = ? WHERE id = ?"));
            u.addBindValue(static_cast<qint64>(std::clamp(acked, o.start, o.end())));
            u.addBindValue(now);
            u.addBindValue(static_cast<qint64>(o.id));
            SPW_TRY(SqliteDatabase::run(u, "give up purchase"));
        }
        // 2. The new one starts where the previous ended, or at what is acknowledged if more.
        QSqlQuery last = m_db.query();
        last.prepare(QStringLiteral("SELECT MAX(ended_at) FROM purchases WHERE channel = ? AND state != 0"));
        last.addBindValue(idBlob(channel));
        SPW_TRY(SqliteDatabase::run(last, "last purchase"));
        const int64_t previousEnd = last.next() && !last.value(0).isNull() ? last.value(0).toLongLong() : 0;
        p.channel = channel;
        p.file = file;
        p.sha256 = sha256;
        p.chunks = chunks;
        p.pricePerChunk = pricePerChunk;
        p.start = std::max(previousEnd, acked);
        p.state = PurchaseState::Open;
        p.created = now;
        if (p.end() > Amount::kMaxMoney)
            return makeError(ErrorCode::AmountOverflow, "the purchase would end beyond all the money there is");
        QSqlQuery ins = m_db.query();
        ins.prepare(QStringLiteral("INSERT INTO purchases(channel, file, sha256, chunks, price_per_chunk, start_paid, state, ended_at, "
                                   "created, updated) VALUES(?, ?, ?, ?, ?, ?, 0, 0, ?, ?)"));
        ins.addBindValue(idBlob(channel));
        ins.addBindValue(QString::fromStdString(file));
        ins.addBindValue(QString::fromStdString(sha256));
        ins.addBindValue(static_cast<qint64>(chunks));
        ins.addBindValue(static_cast<qint64>(pricePerChunk));
        ins.addBindValue(static_cast<qint64>(p.start));
        ins.addBindValue(now);
        ins.addBindValue(now);
        SPW_TRY(SqliteDatabase::run(ins, "begin purchase"));
        p.id = ins.lastInsertId().toLongLong();
        return {};
    });
    if (!st.ok())
        return st.error();
    return p;
}

Status PurchaseStore::finish(int64_t id)
{
    QSqlQuery u = m_db.query();
    u.prepare(QStringLiteral("UPDATE purchases SET state = 1, ended_at = start_paid + price_per_chunk * chunks, updated = ? "
                             "WHERE id = ? AND state = 0"));
    u.addBindValue(QDateTime::currentSecsSinceEpoch());
    u.addBindValue(static_cast<qint64>(id));
    return SqliteDatabase::run(u, "finish purchase");
}

Result<std::vector<Purchase>> PurchaseStore::forChannel(const OutPoint &channel)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE channel = ? ORDER BY id").arg(QLatin1String(kColumns)));
    q.addBindValue(idBlob(channel));
    SPW_TRY(SqliteDatabase::run(q, "purchases"));
    std::vector<Purchase> out;
    while (q.next())
        out.push_back(readRow(q));
    return out;
}

Result<std::vector<Purchase>> PurchaseStore::all()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT %1 FROM purchases ORDER BY id").arg(QLatin1String(kColumns))))
        return makeError(ErrorCode::StorageFailed, "purchases");
    std::vector<Purchase> out;
    while (q.next())
        out.push_back(readRow(q));
    return out;
}

Result<bool> PurchaseStore::restore(const Purchase &p)
{
    bool added = false;
    const Status st = m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("SELECT 1 FROM purchases WHERE channel = ? AND file = ? AND created = ? AND start_paid = ?"));
        q.addBindValue(idBlob(p.channel));
        q.addBindValue(QString::fromStdString(p.file));
        q.addBindValue(static_cast<qint64>(p.created));
        q.addBindValue(static_cast<qint64>(p.start));
        SPW_TRY(SqliteDatabase::run(q, "find purchase"));
        if (q.next())
            return {};
        QSqlQuery ins = m_db.query();
        ins.prepare(QStringLiteral("INSERT INTO purchases(channel, file, sha256, chunks, price_per_chunk, start_paid, state, ended_at, "
                                   "created, updated) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        ins.addBindValue(idBlob(p.channel));
        ins.addBindValue(QString::fromStdString(p.file));
        ins.addBindValue(QString::fromStdString(p.sha256));
        ins.addBindValue(static_cast<qint64>(p.chunks));
        ins.addBindValue(static_cast<qint64>(p.pricePerChunk));
        ins.addBindValue(static_cast<qint64>(p.start));
        ins.addBindValue(static_cast<int>(p.state));
        ins.addBindValue(static_cast<qint64>(p.endedAt));
        ins.addBindValue(static_cast<qint64>(p.created));
        ins.addBindValue(QDateTime::currentSecsSinceEpoch());
        SPW_TRY(SqliteDatabase::run(ins, "restore purchase"));
        added = true;
        return {};
    });
    if (!st.ok())
        return st.error();
    return added;
}

} // namespace spillway::store
