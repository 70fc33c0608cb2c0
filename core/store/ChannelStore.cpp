#include "ChannelStore.h"

#include <QDateTime>

#include <set>
#include <QDir>
#include <QSqlError>

namespace spillway::store {

using namespace bitcoin;
using channel::ChannelParams;

namespace {

const std::vector<SqliteDatabase::Migration> &migrations()
{
    static const std::vector<SqliteDatabase::Migration> m = {
        {
            QStringLiteral("CREATE TABLE channels(id BLOB PRIMARY KEY, role INTEGER NOT NULL, state INTEGER NOT NULL, "
                           "params BLOB NOT NULL, key_index INTEGER NOT NULL, label TEXT NOT NULL, funding_tx BLOB NOT NULL, "
                           "refund_sig BLOB, seq INTEGER NOT NULL, paid INTEGER NOT NULL, payer_sig BLOB NOT NULL, "
                           "signed_seq INTEGER NOT NULL, signed_paid INTEGER NOT NULL, min_conf INTEGER NOT NULL, "
                           "safety_margin INTEGER NOT NULL, closing_txid BLOB NOT NULL, closed_height INTEGER NOT NULL, "
                           "final_payee INTEGER NOT NULL, final_payer INTEGER NOT NULL, created INTEGER NOT NULL, "
                           "updated INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE offers(payee_pub BLOB PRIMARY KEY, key_index INTEGER NOT NULL, offer BLOB NOT NULL, "
                           "created INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE payments(channel BLOB NOT NULL, seq INTEGER NOT NULL, paid INTEGER NOT NULL, "
                           "time INTEGER NOT NULL, PRIMARY KEY(channel, seq))"),
        },
        // 2: the payee keeps the newest settlement fully signed; the payer's sweep of
        // its locked output; a row version for compare-and-swap updates.
        {
            QStringLiteral("ALTER TABLE channels ADD COLUMN settlement BLOB"),
            QStringLiteral("ALTER TABLE channels ADD COLUMN swept INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE channels ADD COLUMN version INTEGER NOT NULL DEFAULT 0"),
        },
        // 3: a store-wide change sequence (the GUI reads only the rows written since
        // it last looked) and each channel's payment count and newest payment time,
        // so that a summary never reads the payment log.
        {
            QStringLiteral("ALTER TABLE channels ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE channels ADD COLUMN payment_count INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE channels ADD COLUMN last_payment INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE channels SET change_seq = rowid, "
                           "payment_count = (SELECT COUNT(*) FROM payments WHERE payments.channel = channels.id), "
                           "last_payment = COALESCE((SELECT MAX(time) FROM payments WHERE payments.channel = channels.id), 0)"),
            QStringLiteral("CREATE INDEX channels_by_change ON channels(change_seq)"),
        },
        // 4: an offer the payee withdrew is kept (its key stays used) but no longer answered.
        {
            QStringLiteral("ALTER TABLE offers ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0"),
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

Bytes fromBlob(const QByteArray &a)
{
    return Bytes(a.begin(), a.end());
}

template <size_t N>
std::array<uint8_t, N> arrayFrom(const QByteArray &a)
{
    std::array<uint8_t, N> out{};
    if (a.size() == static_cast<qsizetype>(N))
        std::copy(a.begin(), a.end(), out.begin());
    return out;
}

const char *kColumns = "id, role, state, params, key_index, label, funding_tx, refund_sig, seq, paid, payer_sig, signed_seq, "
                       "signed_paid, min_conf, safety_margin, closing_txid, closed_height, final_payee, final_payer, created, updated, "
                       "settlement, swept, version, change_seq, payment_count, last_payment";

Result<ChannelRecord> readRow(const QSqlQuery &q)
{
    ChannelRecord r;
    auto params = channel::decodeParams(fromBlob(q.value(3).toByteArray()));
    if (!params)
        return params.error();
    r.params = *params;
    r.role = static_cast<ChannelRole>(q.value(1).toInt());
    r.state = static_cast<ChannelState>(q.value(2).toInt());
    r.keyIndex = q.value(4).toUInt();
    r.label = q.value(5).toString().toStdString();
    r.fundingTx = fromBlob(q.value(6).toByteArray());
    if (!q.value(7).isNull())
        r.refundSig = arrayFrom<64>(q.value(7).toByteArray());
    r.seq = static_cast<uint64_t>(q.value(8).toLongLong());
    r.paid = q.value(9).toLongLong();
    r.payerSig = arrayFrom<64>(q.value(10).toByteArray());
    r.signedSeq = static_cast<uint64_t>(q.value(11).toLongLong());
    r.signedPaid = q.value(12).toLongLong();
    r.minConfirmations = q.value(13).toUInt();
    r.safetyMargin = q.value(14).toUInt();
    r.closingTxid = arrayFrom<32>(q.value(15).toByteArray());
    r.closedHeight = q.value(16).toInt();
    r.finalPayee = q.value(17).toLongLong();
    r.finalPayer = q.value(18).toLongLong();
    r.created = q.value(19).toLongLong();
    r.updated = q.value(20).toLongLong();
    if (!q.value(21).isNull())
        r.settlementTx = fromBlob(q.value(21).toByteArray());
    r.swept = q.value(22).toInt() != 0;
    r.version = q.value(23).toLongLong();
    r.changeSeq = q.value(24).toLongLong();
    r.paymentCount = static_cast<uint64_t>(q.value(25).toLongLong());
    r.lastPaymentTime = q.value(26).toLongLong();
    return r;
}

} // namespace

std::string_view roleName(ChannelRole r)
{
    return r == ChannelRole::Payer ? "paying" : "receiving";
}

std::string_view stateName(ChannelState s)
{
    switch (s) {
    case ChannelState::Proposed: return "offered";
    case ChannelState::Opening: return "opening";
    case ChannelState::Open: return "open";
    case ChannelState::Closing: return "closing";
    case ChannelState::Settled: return "settled";
    case ChannelState::Refunded: return "refunded";
    }
    return "unknown";
}

QString ChannelStore::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("channels.sqlite"));
}

Status ChannelStore::open(const QString &dataDir)
{
    return m_db.open(fileIn(dataDir), migrations());
}

Result<std::optional<ChannelRecord>> ChannelStore::find(const OutPoint &id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT %1 FROM channels WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(idBlob(id));
    SPW_TRY(SqliteDatabase::run(q, "find channel"));
    if (!q.next())
        return std::optional<ChannelRecord>{};
    auto r = readRow(q);
    if (!r)
        return r.error();
    return std::optional<ChannelRecord>{*r};
}

Result<ChannelRecord> ChannelStore::findByText(const QString &text)
{
    if (text.contains(QLatin1Char(':'))) {
        auto op = OutPoint::parse(text.toStdString());
        if (!op)
            return makeError(ErrorCode::ChannelUnknown, text.toStdString());
        auto r = find(*op);
        if (!r)
            return r.error();
        if (!*r)
            return makeError(ErrorCode::ChannelUnknown, text.toStdString());
        return **r;
    }
    auto everything = all();
    if (!everything)
        return everything.error();
    std::optional<ChannelRecord> hit;
    for (const auto &c : *everything) {
        if (QString::fromStdString(toDisplayHex(c.id().txid)).startsWith(text.toLower())) {
            if (hit)
                return makeError(ErrorCode::InvalidArgument, "several channels start with " + text.toStdString());
            hit = c;
        }
    }
    if (!hit || text.isEmpty())
        return makeError(ErrorCode::ChannelUnknown, text.toStdString());
    return *hit;
}

Result<std::vector<ChannelRecord>> ChannelStore::all()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT %1 FROM channels ORDER BY created, rowid").arg(QLatin1String(kColumns))))
        return makeError(ErrorCode::StorageFailed, "channels");
    std::vector<ChannelRecord> out;
    while (q.next()) {
        auto r = readRow(q);
        if (!r)
            return r.error();
        out.push_back(*r);
    }
    return out;
}

Result<int64_t> ChannelStore::refresh(std::map<OutPoint, ChannelRecord> &cache)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM channels").arg(QLatin1String(kColumns))))
        return makeError(ErrorCode::StorageFailed, "channels");
    std::set<OutPoint> seen;
    int64_t decoded = 0;
    while (q.next()) {
        const QByteArray id = q.value(0).toByteArray();
        if (id.size() != 36)
            return makeError(ErrorCode::StorageFailed, "a channel row without an id");
        OutPoint op;
        std::copy(id.constBegin(), id.constBegin() + 32, reinterpret_cast<char *>(op.txid.data()));
        const auto *i = reinterpret_cast<const uint8_t *>(id.constData()) + 32;
        op.index = uint32_t(i[0]) | uint32_t(i[1]) << 8 | uint32_t(i[2]) << 16 | uint32_t(i[3]) << 24;
        seen.insert(op);
        const auto it = cache.find(op);
        if (it != cache.end() && it->second.version == q.value(23).toLongLong() && it->second.changeSeq == q.value(24).toLongLong())
            continue;
        auto r = readRow(q);
        if (!r)
            return r.error();
        cache[op] = std::move(*r);
        ++decoded;
    }
    for (auto it = cache.begin(); it != cache.end();)
        it = seen.count(it->first) ? std::next(it) : cache.erase(it);
    return decoded;
}

Status ChannelStore::write(ChannelRecord &rec, bool insert, bool logPayment, PaymentCount carried)
{
    const int64_t now = QDateTime::currentSecsSinceEpoch();
    if (logPayment) {
        auto fresh = this->logPayment(rec);
        if (!fresh)
            return fresh.error();
        carried.added += *fresh ? 1 : 0;
        carried.time = std::max(carried.time, now);
    }
    // Every write takes the next store-wide change number: a reader that saw changes
    // up to n asks for the rows above n (changedSince), not for every row.
    QSqlQuery q = m_db.query();
    if (insert)
        q.prepare(QStringLiteral("INSERT INTO channels(%1) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, "
                                 "(SELECT COALESCE(MAX(change_seq), 0) + 1 FROM channels), ?, ?)")
                      .arg(QLatin1String(kColumns)));
    else
        q.prepare(QStringLiteral("UPDATE channels SET id = ?, role = ?, state = ?, params = ?, key_index = ?, label = ?, "
                                 "funding_tx = ?, refund_sig = ?, seq = ?, paid = ?, payer_sig = ?, signed_seq = ?, "
                                 "signed_paid = ?, min_conf = ?, safety_margin = ?, closing_txid = ?, closed_height = ?, "
                                 "final_payee = ?, final_payer = ?, created = ?, updated = ?, settlement = ?, swept = ?, "
                                 "version = version + 1, change_seq = (SELECT MAX(change_seq) + 1 FROM channels), "
                                 "payment_count = payment_count + ?, last_payment = MAX(last_payment, ?) "
                                 // Compare-and-swap: another process (the GUI beside `channel watch
                                 // --follow`, `serve` beside a CLI command) may have written the row
                                 // since this copy was read; then nothing is written.
                                 "WHERE id = ? AND version = ?"));
    q.addBindValue(idBlob(rec.id()));
    q.addBindValue(static_cast<int>(rec.role));
    q.addBindValue(static_cast<int>(rec.state));
    q.addBindValue(toBlob(channel::encodeParams(rec.params)));
    q.addBindValue(rec.keyIndex);
    q.addBindValue(QString::fromStdString(rec.label));
    q.addBindValue(toBlob(rec.fundingTx));
    q.addBindValue(rec.refundSig ? QVariant(toBlob(*rec.refundSig)) : QVariant(QMetaType(QMetaType::QByteArray)));
    q.addBindValue(static_cast<qint64>(rec.seq));
    q.addBindValue(static_cast<qint64>(rec.paid));
    q.addBindValue(toBlob(rec.payerSig));
    q.addBindValue(static_cast<qint64>(rec.signedSeq));
    q.addBindValue(static_cast<qint64>(rec.signedPaid));
    q.addBindValue(rec.minConfirmations);
    q.addBindValue(rec.safetyMargin);
    q.addBindValue(toBlob(rec.closingTxid));
    q.addBindValue(rec.closedHeight);
    q.addBindValue(static_cast<qint64>(rec.finalPayee));
    q.addBindValue(static_cast<qint64>(rec.finalPayer));
    q.addBindValue(static_cast<qint64>(rec.created ? rec.created : now));
    q.addBindValue(static_cast<qint64>(now));
    q.addBindValue(rec.settlementTx.empty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(toBlob(rec.settlementTx)));
    q.addBindValue(rec.swept ? 1 : 0);
    q.addBindValue(static_cast<qint64>(carried.added));
    q.addBindValue(static_cast<qint64>(carried.time));
    if (!insert) {
        q.addBindValue(idBlob(rec.id()));
        q.addBindValue(static_cast<qint64>(rec.version));
    }
    SPW_TRY(SqliteDatabase::run(q, insert ? "insert channel" : "update channel"));
    if (!insert && q.numRowsAffected() != 1) {
        QSqlQuery e = m_db.query();
        e.prepare(QStringLiteral("SELECT seq, signed_seq, version FROM channels WHERE id = ?"));
        e.addBindValue(idBlob(rec.id()));
        SPW_TRY(SqliteDatabase::run(e, "find channel"));
        if (!e.next())
            return makeError(ErrorCode::ChannelUnknown, rec.id().toString());
        return makeError(ErrorCode::ChannelChangedElsewhere,
                         "stored: payment " + std::to_string(e.value(0).toLongLong()) + " (signed " + std::to_string(e.value(1).toLongLong()) +
                             ", version " + std::to_string(e.value(2).toLongLong()) + "), this copy: payment " + std::to_string(rec.seq) +
                             " (version " + std::to_string(rec.version) + ")");
    }
    if (!insert)
        ++rec.version;
    return {};
}

Result<bool> ChannelStore::logPayment(const ChannelRecord &rec)
{
    const bool payer = rec.role == ChannelRole::Payer;
    const qint64 seq = static_cast<qint64>(payer ? rec.signedSeq : rec.seq);
    const qint64 paid = static_cast<qint64>(payer ? rec.signedPaid : rec.paid);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery p = m_db.query();
    p.prepare(QStringLiteral("INSERT OR IGNORE INTO payments(channel, seq, paid, time) VALUES(?, ?, ?, ?)"));
    p.addBindValue(idBlob(rec.id()));
    p.addBindValue(seq);
    p.addBindValue(paid);
    p.addBindValue(now);
    SPW_TRY(SqliteDatabase::run(p, "log payment"));
    if (p.numRowsAffected() == 1)
        return true; // a new payment: the channel's count goes up
    // The newest word on a sequence number wins: a payer that caught up with its payee
    // after a restore signs new payments on sequence numbers its older copy had used.
    QSqlQuery u = m_db.query();
    u.prepare(QStringLiteral("UPDATE payments SET paid = ?, time = ? WHERE channel = ? AND seq = ?"));
    u.addBindValue(paid);
    u.addBindValue(now);
    u.addBindValue(idBlob(rec.id()));
    u.addBindValue(seq);
    SPW_TRY(SqliteDatabase::run(u, "log payment"));
    return false;
}

Status ChannelStore::insert(const ChannelRecord &rec)
{
    ChannelRecord copy = rec;
    copy.version = 0;
    return committed(m_db.transaction([&] { return write(copy, true, false, {}); }));
}

Status ChannelStore::insertMany(const std::vector<ChannelRecord> &recs)
{
    return committed(m_db.transaction([&]() -> Status {
        for (const auto &r : recs) {
            ChannelRecord copy = r;
            copy.version = 0;
            SPW_TRY(write(copy, true, false, {}));
        }
        return {};
    }));
}

Status ChannelStore::update(ChannelRecord &rec, bool logPayment)
{
    const int64_t read = rec.version;
    const Status st = m_db.transaction([&] { return write(rec, false, logPayment, {}); });
    if (!st.ok())
        rec.version = read; // rolled back: still the version it was read at
    return committed(st);
}

Status ChannelStore::updateMany(std::vector<ChannelRecord> &recs, bool logPayments)
{
    std::vector<int64_t> read;
    for (const auto &r : recs)
        read.push_back(r.version);
    const Status st = m_db.transaction([&]() -> Status {
        PaymentCount carried; // payments of superseded states, counted on the channel's last write
        for (size_t i = 0; i < recs.size(); ++i) {
            // Only the newest state of a channel needs its row written; every payment is logged.
            const bool superseded = i + 1 < recs.size() && recs[i + 1].id() == recs[i].id();
            if (superseded && logPayments) {
                auto fresh = logPayment(recs[i]);
                if (!fresh)
                    return fresh.error();
                carried.added += *fresh ? 1 : 0;
                carried.time = QDateTime::currentSecsSinceEpoch();
            } else if (!superseded) {
                SPW_TRY(write(recs[i], false, logPayments, carried));
                carried = {};
            }
        }
        return {};
    });
    for (size_t i = 0; i < recs.size(); ++i) {
        if (!st.ok())
            recs[i].version = read[i];
        else if (i + 1 < recs.size() && recs[i + 1].id() == recs[i].id())
            recs[i].version = read[i] + 1; // its successor's write covered it
    }
    return committed(st);
}

Result<ChannelStore::Changes> ChannelStore::changedSince(int64_t changeSeq)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM channels WHERE change_seq > ? ORDER BY change_seq").arg(QLatin1String(kColumns)));
    q.addBindValue(static_cast<qint64>(changeSeq));
    SPW_TRY(SqliteDatabase::run(q, "changed channels"));
    Changes out;
    out.through = changeSeq;
    while (q.next()) {
        auto r = readRow(q);
        if (!r)
            return r.error();
        out.through = std::max(out.through, r->changeSeq);
        out.channels.push_back(std::move(*r));
    }
    return out;
}

Status ChannelStore::insertOffer(const OfferRecord &offer)
{
    return committed(m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("INSERT INTO offers(payee_pub, key_index, offer, created) VALUES(?, ?, ?, ?)"));
        q.addBindValue(toBlob(offer.offer.payeePub));
        q.addBindValue(offer.keyIndex);
        q.addBindValue(toBlob(channel::encodeMessage(offer.offer)));
        q.addBindValue(static_cast<qint64>(QDateTime::currentSecsSinceEpoch()));
        return SqliteDatabase::run(q, "insert offer");
    }));
}

Result<std::optional<OfferRecord>> ChannelStore::offerForKey(const Bytes &payeePub)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT key_index, offer, created, withdrawn FROM offers WHERE payee_pub = ?"));
    q.addBindValue(toBlob(payeePub));
    SPW_TRY(SqliteDatabase::run(q, "find offer"));
    if (!q.next())
        return std::optional<OfferRecord>{};
    auto m = channel::decodeStoredOffer(fromBlob(q.value(1).toByteArray()));
    if (!m)
        return makeError(ErrorCode::StorageFailed, "stored offer is damaged");
    return std::optional<OfferRecord>{OfferRecord{*m, q.value(0).toUInt(), q.value(2).toLongLong(), q.value(3).toBool()}};
}

Result<std::vector<OfferRecord>> ChannelStore::offers()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT key_index, offer, created, withdrawn FROM offers ORDER BY created, rowid")))
        return makeError(ErrorCode::StorageFailed, "offers");
    std::vector<OfferRecord> out;
    while (q.next()) {
        if (auto m = channel::decodeStoredOffer(fromBlob(q.value(1).toByteArray())))
            out.push_back(OfferRecord{*m, q.value(0).toUInt(), q.value(2).toLongLong(), q.value(3).toBool()});
    }
    return out;
}

Status ChannelStore::withdrawOffer(const Bytes &payeePub)
{
    return committed(m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("UPDATE offers SET withdrawn = 1 WHERE payee_pub = ?"));
        q.addBindValue(toBlob(payeePub));
        SPW_TRY(SqliteDatabase::run(q, "withdraw offer"));
        if (q.numRowsAffected() != 1)
            return makeError(ErrorCode::OfferUnknown, "no offer with that key");
        return {};
    }));
}

Result<uint32_t> ChannelStore::nextKeyIndex()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT MAX(k) FROM (SELECT MAX(key_index) AS k FROM channels UNION ALL "
                               "SELECT MAX(key_index) FROM offers)")) ||
        !q.next())
        return makeError(ErrorCode::StorageFailed, "key index");
    return q.value(0).isNull() ? 0u : q.value(0).toUInt() + 1;
}

Result<std::optional<int64_t>> ChannelStore::paidAt(const OutPoint &id, uint64_t seq)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT paid FROM payments WHERE channel = ? AND seq = ?"));
    q.addBindValue(idBlob(id));
    q.addBindValue(static_cast<qint64>(seq));
    SPW_TRY(SqliteDatabase::run(q, "payment"));
    if (!q.next())
        return std::optional<int64_t>{};
    return std::optional<int64_t>{q.value(0).toLongLong()};
}

Result<std::vector<ChannelStore::PaymentRow>> ChannelStore::payments(const OutPoint &id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT seq, paid, time FROM payments WHERE channel = ? ORDER BY seq"));
    q.addBindValue(idBlob(id));
    SPW_TRY(SqliteDatabase::run(q, "payments"));
    std::vector<PaymentRow> out;
    while (q.next())
        out.push_back(PaymentRow{static_cast<uint64_t>(q.value(0).toLongLong()), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return out;
}

Result<bool> ChannelStore::removeUnfundedProposal(const OutPoint &id)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("DELETE FROM channels WHERE id = ? AND role = ? AND state = ?"));
    q.addBindValue(idBlob(id));
    q.addBindValue(static_cast<int>(ChannelRole::Payee));
    q.addBindValue(static_cast<int>(ChannelState::Proposed));
    SPW_TRY(SqliteDatabase::run(q, "remove unfunded proposal"));
    const bool removed = q.numRowsAffected() > 0;
    if (removed)
        (void)committed(Status{});
    return removed;
}

} // namespace spillway::store
