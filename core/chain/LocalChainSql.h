#pragma once
// Row helpers shared by the local chain's files (LocalChainDb.cpp, LocalMempool.cpp,
// LocalChainImport.cpp): blobs in and out of SQLite, and a storage error.
#include "bitcoin/Hash.h"
#include "common/Result.h"

#include <QByteArray>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace spillway::chain::sql {

inline QByteArray qb(ByteView b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

inline Bytes fromQb(const QByteArray &a)
{
    return Bytes(a.begin(), a.end());
}

inline bitcoin::Hash256 hashFromQb(const QByteArray &a)
{
    bitcoin::Hash256 h{};
    if (a.size() == 32)
        std::copy(a.begin(), a.end(), h.begin());
    return h;
}

inline Error sqlError(const QSqlQuery &q, const char *what)
{
    return makeError(ErrorCode::StorageFailed, std::string(what) + ": " + q.lastError().text().toStdString());
}

} // namespace spillway::chain::sql
