#include "HistoryModels.h"

#include <QSet>

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

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
    case AmountColumn: return BitcoinUnits::format(r.paidSat, m_unit);
    case IncrementColumn: return tr("+%1").arg(BitcoinUnits::format(r.paidSat - before, m_unit));
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

QString WalletHistoryModel::status(const WalletTxRow &r) const
{
    if (r.height < 0)
        return tr("unconfirmed");
    if (m_tip <= 0)
        return tr("block %L1").arg(r.height);
    const int confirmations = std::max(m_tip - r.height + 1, 1);
    return tr("%n confirmation(s)", nullptr, confirmations);
}

QVariant WalletHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WalletTxRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::ToolTipRole: return index.column() == TxidColumn ? r.txid : r.address;
    case Qt::EditRole: return index.column() == LabelColumn ? QVariant(r.label) : QVariant();
    case TxidRole: return r.txid;
    case ConfirmationsRole: return r.height < 0 || m_tip <= 0 ? 0 : std::max(m_tip - r.height + 1, 1);
    case SortRole:
        switch (index.column()) {
        // Unconfirmed first, then by time, newest first when sorted descending.
        case TimeColumn: {
            // Block first (unconfirmed above every block), then time: rows mined in one
            // go share a time, not a height.
            const qint64 height = r.height < 0 ? 10'000'000 : r.height;
            return height * 10'000'000'000LL + std::clamp<qint64>(r.time, 0, 9'999'999'999LL);
        }
        case AmountColumn: return r.amountSat;
        case FeeColumn: return r.feeSat;
        case StatusColumn: return r.height < 0 ? std::numeric_limits<int>::max() : r.height;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == FeeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
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
    case AmountColumn: return BitcoinUnits::format(r.amountSat, m_unit);
    case FeeColumn: return r.feeSat ? BitcoinUnits::format(r.feeSat, m_unit) : QString();
    case StatusColumn: return status(r);
    case LabelColumn: return r.label;
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
    case LabelColumn: return tr("Label");
    case TxidColumn: return tr("Transaction");
    default: return {};
    }
}

void WalletHistoryModel::setRows(const QList<WalletTxRow> &rows)
{
    // Rows the wallet no longer lists (a send replaced by a fee bump, a refused one) go.
    QSet<QString> listed;
    for (const WalletTxRow &r : rows)
        listed.insert(r.txid + QLatin1Char('/') + r.kind);
    bool removed = false;
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (listed.contains(m_rows[i].txid + QLatin1Char('/') + m_rows[i].kind))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        removed = true;
    }
    if (removed) {
        m_rowOf.clear();
        for (int i = 0; i < static_cast<int>(m_rows.size()); ++i)
            m_rowOf.insert(m_rows[i].txid + QLatin1Char('/') + m_rows[i].kind, i);
    }
    QList<WalletTxRow> fresh;
    for (const WalletTxRow &r : rows) {
        const int found = m_rowOf.value(r.txid + QLatin1Char('/') + r.kind, -1);
        if (found < 0) {
            fresh.append(r);
        } else if (!(m_rows[found] == r)) {
            m_rows[found] = r;
            Q_EMIT dataChanged(index(found, 0), index(found, ColumnCount - 1));
        }
    }
    if (fresh.isEmpty())
        return;
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at + static_cast<int>(fresh.size()) - 1);
    for (const WalletTxRow &r : fresh) {
        m_rowOf.insert(r.txid + QLatin1Char('/') + r.kind, static_cast<int>(m_rows.size()));
        m_rows.append(r);
    }
    endInsertRows();
}

Qt::ItemFlags WalletHistoryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool WalletHistoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != LabelColumn)
        return false;
    WalletTxRow &r = m_rows[index.row()];
    const QString label = value.toString().trimmed();
    if (label == r.label)
        return true;
    r.label = label; // shown at once; the store keeps it and the next refresh agrees
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    Q_EMIT labelEdited(r.txid, label);
    return true;
}

void WalletHistoryModel::setTip(int height)
{
    if (height == m_tip)
        return;
    m_tip = height;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn), {Qt::DisplayRole, ConfirmationsRole});
}

void WalletHistoryModel::setUnit(BitcoinUnits::Unit u)
{
    if (u == m_unit)
        return;
    m_unit = u;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AmountColumn), index(rowCount() - 1, FeeColumn), {Qt::DisplayRole});
}

void PaymentHistoryModel::setUnit(BitcoinUnits::Unit u)
{
    if (u == m_unit)
        return;
    m_unit = u;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AmountColumn), index(rowCount() - 1, IncrementColumn), {Qt::DisplayRole});
}

} // namespace spillway::ui
