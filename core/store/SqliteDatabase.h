#pragma once
// A SQLite file through Qt SQL with the settings money state needs: WAL,
// synchronous=FULL (a commit is on disk before it returns), a busy timeout for
// other processes, and a versioned schema applied by numbered migrations.

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <vector>

namespace spillway::store {

class SqliteDatabase {
public:
    /// migrations[i] brings the schema from version i to i+1.
    using Migration = QStringList;

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    Status open(const QString &path, const std::vector<Migration> &migrations);
    void close();
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_connection, false); }
    QSqlQuery query() const { return QSqlQuery(db()); }
    int schemaVersion() const { return m_version; }

    /// BEGIN IMMEDIATE ... COMMIT around `body`; rolled back if it fails.
    template <typename F>
    Status transaction(F &&body)
    {
        SPW_TRY(exec(QStringLiteral("BEGIN IMMEDIATE")));
        Status s = body();
        if (!s.ok()) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return s;
        }
        Status c = exec(QStringLiteral("COMMIT"));
        if (!c.ok())
            (void)exec(QStringLiteral("ROLLBACK"));
        return c;
    }

    Status exec(const QString &sql);
    /// Runs a prepared query; the error names `what`.
    static Status run(QSqlQuery &q, const char *what);

private:
    QString m_connection;
    bool m_open = false;
    int m_version = 0;
};

inline QByteArray toBlob(const std::vector<uint8_t> &b)
{
    if (b.empty())
        return QByteArray(""); // empty, not NULL
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

template <size_t N>
QByteArray toBlob(const std::array<uint8_t, N> &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(N));
}

} // namespace spillway::store
