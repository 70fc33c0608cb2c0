#include "ChannelTableModel.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QStyle>

namespace spillway::ui {

ChannelTableModel::ChannelTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    m_ticker.setSingleShot(true);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ChannelTableModel::tick);
}

int ChannelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChannelTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChannelColumn: return tr("Channel");
    case RoleColumn: return tr("Role");
    case StateColumn: return tr("State");
    case CapacityColumn: return tr("Capacity");
    case PaidColumn: return tr("Paid");
    case RemainingColumn: return tr("Remaining");
    case CountdownColumn: return tr("Refund possible in");
    case LastPaymentColumn: return tr("Last payment");
    default: return {};
    }
}

QString ChannelTableModel::formatAmount(qint64 sat) const
{
    if (m_unit == Unit::Btc)
        return tr("%1 BTC").arg(QString::number(static_cast<double>(sat) / 1e8, 'f', 8));
    return tr("%L1 sat").arg(sat);
}

int ChannelTableModel::blocksLeft(const ChannelSummary &c) const
{
    return c.expiryHeight - m_tipHeight;
}

qint64 ChannelTableModel::etaSeconds(const ChannelSummary &c) const
{
    // Expected time of block `expiry`: the tip's time plus one interval per block left.
    const qint64 eta = m_tipTime + static_cast<qint64>(blocksLeft(c)) * m_blockInterval - m_now();
    return std::max<qint64>(eta, 0);
}

int ChannelTableModel::urgency(const ChannelSummary &c) const
{
    if (c.isFinal())
        return 0;
    const int left = blocksLeft(c);
    if (left < c.safetyMargin)
        return 2;
    if (left < 2 * c.safetyMargin)
        return 1;
    return 0;
}

QString ChannelTableModel::countdownText(const ChannelSummary &c) const
{
    if (c.isFinal())
        return tr("closed");
    const int left = blocksLeft(c);
    if (left <= 0)
        return tr("refund possible now");
    const qint64 s = etaSeconds(c);
    QString eta;
    if (s >= 86400)
        eta = tr("~%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
    else if (s >= 3600)
        eta = tr("~%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    else
        eta = tr("~%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%n block(s) (%1)", nullptr, left).arg(eta);
}

static QString stateText(ChannelSummary::State s)
{
    switch (s) {
    case ChannelSummary::State::Offered: return ChannelTableModel::tr("offered");
    case ChannelSummary::State::Opening: return ChannelTableModel::tr("opening");
    case ChannelSummary::State::Open: return ChannelTableModel::tr("open");
    case ChannelSummary::State::Closing: return ChannelTableModel::tr("closing");
    case ChannelSummary::State::Settled: return ChannelTableModel::tr("settled");
    case ChannelSummary::State::Refunded: return ChannelTableModel::tr("refunded");
    case ChannelSummary::State::Expired: return ChannelTableModel::tr("expired");
    }
    return {};
}

QVariant ChannelTableModel::cell(const ChannelSummary &c, int column) const
{
    switch (column) {
    case ChannelColumn: return c.label.isEmpty() ? c.peer : tr("%1 (%2)").arg(c.label, c.peer);
    case RoleColumn: return c.role == ChannelSummary::Role::Paying ? tr("paying") : tr("receiving");
    case StateColumn: return stateText(c.state);
    case CapacityColumn: return formatAmount(c.capacitySat);
    case PaidColumn: return formatAmount(c.paidSat);
    case RemainingColumn: return formatAmount(c.remainingSat());
    case CountdownColumn: return countdownText(c);
    case LastPaymentColumn:
        return c.lastPaymentTime ? QLocale().toString(QDateTime::fromSecsSinceEpoch(c.lastPaymentTime), QLocale::ShortFormat)
                                 : tr("none");
    default: return {};
    }
}

QVariant ChannelTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChannelSummary &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cell(c, index.column());
    case IdRole: return c.id;
    case CapacitySatRole: return c.capacitySat;
    case PaidSatRole: return c.paidSat;
    case RemainingSatRole: return c.remainingSat();
    case RemainingFractionRole: return c.maxPayableSat > 0 ? static_cast<double>(c.remainingSat()) / c.maxPayableSat : 0.0;
    case ExpiryHeightRole: return c.expiryHeight;
    case BlocksLeftRole: return blocksLeft(c);
    case EtaSecondsRole: return etaSeconds(c);
    case UrgencyRole: return urgency(c);
    case StateRole: return static_cast<int>(c.state);
    case SortRole:
        switch (index.column()) {
        case CapacityColumn: return c.capacitySat;
        case PaidColumn: return c.paidSat;
        case RemainingColumn: return c.remainingSat();
        case CountdownColumn: return c.isFinal() ? std::numeric_limits<int>::max() : blocksLeft(c);
        case LastPaymentColumn: return c.lastPaymentTime;
        default: return cell(c, index.column());
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= CapacityColumn && index.column() <= RemainingColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CountdownColumn) {
            const int u = urgency(c);
            if (u == 2)
                return QColor(0xc6, 0x28, 0x28);
            if (u == 1)
                return QColor(0xb2, 0x6a, 0x00);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == CountdownColumn && qApp && qobject_cast<QApplication *>(qApp)) {
            const int u = urgency(c);
            if (u == 2)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            if (u == 1)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return {};
    default:
        return {};
    }
}

namespace {
// The roles the countdown column's look depends on, without SortRole: a block or
// a second later every channel moves by the same amount, the order stays, and a
// sorting proxy is spared a re-sort of every row.
const QList<int> kCountdownRoles = {Qt::DisplayRole,
                                    Qt::ToolTipRole,
                                    Qt::ForegroundRole,
                                    Qt::DecorationRole,
                                    ChannelTableModel::BlocksLeftRole,
                                    ChannelTableModel::EtaSecondsRole,
                                    ChannelTableModel::UrgencyRole};
const QList<int> kEtaRoles = {Qt::DisplayRole, Qt::ToolTipRole, ChannelTableModel::EtaSecondsRole};
} // namespace

void ChannelTableModel::setChannels(const QList<ChannelSummary> &channels)
{
    QList<ChannelSummary> fresh;
    QHash<QString, qsizetype> freshAt;
    const int liveBefore = m_live;
    for (const ChannelSummary &c : channels) {
        const int row = rowOf(c.id);
        if (row < 0) {
            // A channel seen twice in one snapshot: the later copy wins.
            if (const auto at = freshAt.constFind(c.id); at != freshAt.cend()) {
                fresh[*at] = c;
            } else {
                freshAt.insert(c.id, fresh.size());
                fresh.append(c);
            }
            continue;
        }
        const ChannelSummary old = m_rows[row];
        if (old == c)
            continue;
        m_rows[row] = c;
        m_live += (c.isFinal() ? 0 : 1) - (old.isFinal() ? 0 : 1);
        // Signal exactly the cells whose text changed, one signal per run of columns.
        const qint64 now = m_now();
        int first = -1;
        for (int col = 0; col <= ColumnCount; ++col) {
            const bool differs = col < ColumnCount &&
                                 (cell(old, col) != cell(c, col) || (col == CountdownColumn && urgency(old) != urgency(c)) ||
                                  (col == RemainingColumn && old.maxPayableSat != c.maxPayableSat));
            if (differs && first < 0)
                first = col;
            if (!differs && first >= 0) {
                Q_EMIT dataChanged(index(row, first), index(row, col - 1));
                first = -1;
            }
        }
        m_countdownKeys[row] = countdownKey(c, now, nullptr);
    }
    if (!fresh.isEmpty()) {
        // New channels in one insertion: a sorting proxy and the view take them in one go.
        const int at = static_cast<int>(m_rows.size());
        const qint64 now = m_now();
        beginInsertRows({}, at, at + static_cast<int>(fresh.size()) - 1);
        m_rows.reserve(at + fresh.size());
        m_countdownKeys.reserve(at + fresh.size());
        for (ChannelSummary &c : fresh) {
            m_rowOfId.insert(c.id, static_cast<int>(m_rows.size()));
            m_countdownKeys.append(countdownKey(c, now, nullptr));
            m_live += c.isFinal() ? 0 : 1;
            m_rows.append(std::move(c));
        }
        endInsertRows();
    }
    if (m_live != liveBefore || (m_live > 0 && !m_ticker.isActive()))
        scheduleTick(m_live > 0 ? 1 : -1);
}

qint64 ChannelTableModel::countdownKey(const ChannelSummary &c, qint64 now, qint64 *secondsToNextChange) const
{
    if (secondsToNextChange)
        *secondsToNextChange = -1;
    if (c.isFinal() || blocksLeft(c) <= 0)
        return -1; // "closed", "refund possible now": no clock in the text
    const qint64 eta = std::max<qint64>(m_tipTime + static_cast<qint64>(blocksLeft(c)) * m_blockInterval - now, 0);
    // countdownText shows seconds under an hour, minutes under a day, hours beyond.
    const qint64 step = eta >= 86400 ? 3600 : eta >= 3600 ? 60 : 1;
    if (secondsToNextChange && eta > 0)
        *secondsToNextChange = eta % step + 1;
    return eta - eta % step;
}

std::pair<int, int> ChannelTableModel::refreshKeys(bool all)
{
    const qint64 now = m_now();
    qint64 next = -1;
    int first = -1, last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const ChannelSummary &c = m_rows[row];
        if (c.isFinal() && !all)
            continue;
        qint64 in = -1;
        const qint64 key = countdownKey(c, now, &in);
        if (in > 0 && (next < 0 || in < next))
            next = in;
        if (key != m_countdownKeys[row] || all) {
            m_countdownKeys[row] = key;
            if (first < 0)
                first = row;
            last = row;
        }
    }
    scheduleTick(next);
    return {first, last};
}

void ChannelTableModel::scheduleTick(qint64 secondsToNextChange)
{
    if (m_live == 0 || secondsToNextChange < 0) {
        // Nothing counts down (no open channel, or every clock at zero): no timer
        // until a channel or a block comes.
        m_ticker.stop();
        return;
    }
    m_ticker.start(static_cast<int>(std::min<qint64>(secondsToNextChange, 3600) * 1000));
}

void ChannelTableModel::setTip(int height, qint64 blockTime)
{
    if (height == m_tipHeight && blockTime == m_tipTime)
        return;
    m_tipHeight = height;
    m_tipTime = blockTime;
    (void)refreshKeys(true);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CountdownColumn), index(rowCount() - 1, CountdownColumn), kCountdownRoles);
}

void ChannelTableModel::setBlockInterval(int seconds)
{
    const int s = std::max(seconds, 1);
    if (s == m_blockInterval)
        return;
    m_blockInterval = s;
    tick();
}

void ChannelTableModel::setUnit(Unit unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CapacityColumn), index(rowCount() - 1, RemainingColumn), {Qt::DisplayRole, Qt::ToolTipRole});
}

void ChannelTableModel::setClock(std::function<qint64()> now)
{
    m_now = std::move(now);
}

void ChannelTableModel::tick()
{
    const auto [first, last] = refreshKeys(false);
    if (first < 0)
        return; // no text changed: no signal, no repaint
    Q_EMIT dataChanged(index(first, CountdownColumn), index(last, CountdownColumn), kEtaRoles);
}

const ChannelSummary *ChannelTableModel::channelAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ChannelTableModel::rowOf(const QString &id) const
{
    return m_rowOfId.value(id, -1);
}

} // namespace spillway::ui
