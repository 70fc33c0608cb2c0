#include "SqliteDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace spillway::store {

SqliteDatabase::~SqliteDatabase()
{
    close();
}

void SqliteDatabase::close()
{
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase d = db();
        if (d.isOpen())
            d.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
    m_open = false;
}

Status SqliteDatabase::run(QSqlQuery &q, const char *what)
{
    if (!q.exec())
        return makeError(ErrorCode::StorageFailed, std::string(what) + ": " + q.lastError().text().toStdString());
    return {};
}

Status SqliteDatabase::exec(const QString &sql)
{
    QSqlQuery q = query();
    if (!q.exec(sql))
        return makeError(ErrorCode::StorageFailed, sql.left(60).toStdString() + ": " + q.lastError().text().toStdString());
    return {};
}

Status SqliteDatabase::open(const QString &path, const std::vector<Migration> &migrations)
{
    close();
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_connection = QStringLiteral("spillway-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    d.setDatabaseName(path);
    d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    if (!d.open())
        return makeError(ErrorCode::StorageFailed, "cannot open " + path.toStdString() + ": " + d.lastError().text().toStdString());
    for (const char *p : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        // A file another connection is creating: the switch to WAL is not covered by the
        // busy timeout, so it is asked again for a while.
        Status st = exec(QString::fromLatin1(p));
        for (int attempt = 0; !st.ok() && attempt < 100; ++attempt) {
            QThread::msleep(50);
            st = exec(QString::fromLatin1(p));
        }
        SPW_TRY(st);
    }
    Status st = transaction([&]() -> Status {
        QSqlQuery q = query();
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return makeError(ErrorCode::StorageFailed, "schema version");
        m_version = q.value(0).toInt();
        if (m_version > static_cast<int>(migrations.size()))
            return makeError(ErrorCode::StorageFailed, "the file comes from a newer Spillway");
        for (size_t v = static_cast<size_t>(m_version); v < migrations.size(); ++v) {
            for (const QString &sql : migrations[v])
                SPW_TRY(exec(sql));
            SPW_TRY(exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)));
            m_version = static_cast<int>(v + 1);
        }
        return {};
    });
    if (!st.ok())
        return st;
    m_open = true;
    return {};
}

} // namespace spillway::store
