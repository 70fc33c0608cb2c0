#include "LabelStore.h"

#include <QDir>

namespace spillway::store {

namespace {
const std::vector<SqliteDatabase::Migration> &migrations()
{
    static const std::vector<SqliteDatabase::Migration> m = {
        {QStringLiteral("CREATE TABLE labels(kind TEXT NOT NULL, id TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY(kind, id))")},
    };
    return m;
}
} // namespace

QString LabelStore::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("labels.sqlite"));
}

Status LabelStore::open(const QString &dataDir)
{
    return m_db.open(fileIn(dataDir), migrations());
}

Status LabelStore::set(const QString &kind, const QString &id, const QString &label)
{
    return m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.query();
        if (label.trimmed().isEmpty()) {
            q.prepare(QStringLiteral("DELETE FROM labels WHERE kind = ? AND id = ?"));
            q.addBindValue(kind);
            q.addBindValue(id);
        } else {
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO labels(kind, id, label) VALUES(?, ?, ?)"));
            q.addBindValue(kind);
            q.addBindValue(id);
            q.addBindValue(label.trimmed());
        }
        return SqliteDatabase::run(q, "label");
    });
}

Result<QHash<QString, QString>> LabelStore::all(const QString &kind)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT id, label FROM labels WHERE kind = ?"));
    q.addBindValue(kind);
    SPW_TRY(SqliteDatabase::run(q, "labels"));
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<std::vector<Label>> LabelStore::everything()
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT kind, id, label FROM labels ORDER BY kind, id"));
    SPW_TRY(SqliteDatabase::run(q, "labels"));
    std::vector<Label> out;
    while (q.next())
        out.push_back(Label{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

Result<bool> LabelStore::restore(const Label &label)
{
    if (label.kind.isEmpty() || label.id.isEmpty() || label.label.trimmed().isEmpty())
        return false;
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO labels(kind, id, label) VALUES(?, ?, ?)"));
    q.addBindValue(label.kind);
    q.addBindValue(label.id);
    q.addBindValue(label.label.trimmed());
    SPW_TRY(SqliteDatabase::run(q, "label"));
    return q.numRowsAffected() > 0;
}

} // namespace spillway::store
