#include "HistoryModels.h"

#include <QDateTime>
#include <QLocale>

namespace spillway::ui {

namespace {
QString when(qint64 t)
{
    return t ? QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat) : QString();
}
} // namespace

QVariant PaymentHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::DisplayRole)
        return {};
    const PaymentRow &r = m_rows.at(index.row());
    const qint64 before = index.row() > 0 ? m_rows.at(index.row() - 1).paidSat : 0;
    switch (index.column()) {
    case SequenceColumn: return r.sequence;
    case AmountColumn: return tr("%L1 sat").arg(r.paidSat);
    case IncrementColumn: return tr("+%L1 sat").arg(r.paidSat - before);
    case TimeColumn: return when(r.time);
    default: return {};
    }
}

QVariant PaymentHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SequenceColumn: return tr("#");
    case AmountColumn: return tr("Paid in total");
    case IncrementColumn: return tr("This payment");
    case TimeColumn: return tr("Time");
    default: return {};
    }
}

void PaymentHistoryModel::setPayments(const QString &channelId, const QList<PaymentRow> &rows)
{
    if (channelId != m_channel || rows.size() < m_rows.size()) {
        // Another channel: its list replaces this one, row by row (no reset).
        if (!m_rows.isEmpty()) {
            beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
            m_rows.clear();
            endRemoveRows();
        }
        m_channel = channelId;
    }
    if (rows.size() > m_rows.size()) {
        beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(rows.size()) - 1);
        m_rows = rows;
        endInsertRows();
    }
}

QVariant WalletHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WalletTxRow &r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return r.address;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return when(r.time);
    case KindColumn:
        if (r.kind == QLatin1String("receive"))
            return tr("received");
        if (r.kind == QLatin1String("send"))
            return tr("sent");
        if (r.kind == QLatin1String("mined"))
            return tr("mined");
        if (r.kind == QLatin1String("channel-open"))
            return tr("channel funding");
        return r.kind;
    case AmountColumn: return tr("%L1 sat").arg(r.amountSat);
    case FeeColumn: return r.feeSat ? tr("%L1 sat").arg(r.feeSat) : QString();
    case StatusColumn: return r.height < 0 ? tr("unconfirmed") : tr("block %L1").arg(r.height);
    case TxidColumn: return r.txid;
    default: return {};
    }
}

QVariant WalletHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("What");
    case AmountColumn: return tr("Amount");
    case FeeColumn: return tr("Fee");
    case StatusColumn: return tr("Status");
    case TxidColumn: return tr("Transaction");
    default: return {};
    }
}

void WalletHistoryModel::setRows(const QList<WalletTxRow> &rows)
{
    for (const WalletTxRow &r : rows) {
        int found = -1;
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows[i].txid == r.txid && m_rows[i].kind == r.kind)
                found = i;
        if (found < 0) {
            const int at = static_cast<int>(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(r);
            endInsertRows();
        } else if (!(m_rows[found] == r)) {
            m_rows[found] = r;
            Q_EMIT dataChanged(index(found, 0), index(found, ColumnCount - 1));
        }
    }
}

} // namespace spillway::ui
