// The fee reserve: confirmed coins the wallet keeps aside so that a payee whose
// payout is too small to pay its own fee bump still has something to bump with
// (protocol.md "Fee bumping and the deadline"). Sends and fundings leave at
// least this much in confirmed coins; a bump child may spend it.
#include "Wallet.h"

#include "store/SqliteDatabase.h"

#include <QSqlQuery>

namespace spillway::wallet {

using store::SqliteDatabase;

Result<int64_t> Wallet::feeReserve()
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'fee_reserve'"));
    SPW_TRY(SqliteDatabase::run(q, "fee reserve"));
    return q.next() ? q.value(0).toString().toLongLong() : int64_t{0};
}

Status Wallet::setFeeReserve(int64_t sat)
{
    if (sat < 0 || sat > bitcoin::Amount::kMaxMoney)
        return makeError(ErrorCode::InvalidAmount, "a reserve of 0 sat or more");
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('fee_reserve', ?)"));
    q.addBindValue(QString::number(sat));
    return SqliteDatabase::run(q, "fee reserve");
}

} // namespace spillway::wallet
