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
    case AcknowledgedColumn: return tr("Acknowledged");
    case CountdownColumn: return tr("Time left");
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

Countdown ChannelTableModel::countdown(const ChannelSummary &c, qint64 now, bool withText) const
{
    return countdownOf(c, ChainClock{m_tipHeight, m_tipTime, m_blockInterval, now}, withText);
}

int ChannelTableModel::urgency(const ChannelSummary &c) const
{
    switch (countdown(c, m_now(), false).tone) {
    case Countdown::Tone::Danger: return 2;
    case Countdown::Tone::Warning: return 1;
    default: return 0;
    }
}

QString ChannelTableModel::outcomeText(const ChannelSummary &c) const
{
    const bool paying = c.role == ChannelSummary::Role::Paying;
    if (c.state == ChannelSummary::State::Refunded)
        return paying ? tr("Refunded: %1 back to you").arg(formatAmount(c.finalPayerSat))
                      : tr("Refunded to the payer: %1").arg(formatAmount(c.finalPayerSat));
    return paying ? tr("Settled: %1 paid, %2 back to you").arg(formatAmount(c.finalPayeeSat), formatAmount(c.finalPayerSat))
                  : tr("Settled: %1 to you, %2 back to the payer").arg(formatAmount(c.finalPayeeSat), formatAmount(c.finalPayerSat));
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
    if (c.isOfferOnly()) {
        // An offer no payer has answered yet: what it allows, nothing paid.
        switch (column) {
        case ChannelColumn: return c.label.isEmpty() ? tr("(an offer)") : c.label;
        case RoleColumn: return tr("receiving");
        case StateColumn: return stateText(c.state);
        case CapacityColumn: return tr("up to %1").arg(formatAmount(c.capacitySat));
        case CountdownColumn: return countdown(c).text;
        default: return QString();
        }
    }
    switch (column) {
    case ChannelColumn: return c.label.isEmpty() ? c.peer : tr("%1 (%2)").arg(c.label, c.peer);
    case RoleColumn: return c.role == ChannelSummary::Role::Paying ? tr("paying") : tr("receiving");
    case StateColumn: return stateText(c.state);
    case CapacityColumn: return formatAmount(c.capacitySat);
    case PaidColumn: return formatAmount(c.paidSat);
    case AcknowledgedColumn:
        // The payer's payments count once the payee has imported them; the payee's are all its own.
        return c.role == ChannelSummary::Role::Paying ? formatAmount(c.ackedSat) : QString();
    case RemainingColumn: return c.isFinal() ? outcomeText(c) : formatAmount(c.remainingSat());
    case CountdownColumn: return countdown(c).text;
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
        return cell(c, index.column());
    case Qt::ToolTipRole:
        if (index.column() == AcknowledgedColumn && c.role == ChannelSummary::Role::Paying && c.ackedSat < c.paidSat)
            return tr("%1 signed; the payee has acknowledged %2 so far. The rest counts once the payee imports those payments.")
                .arg(formatAmount(c.paidSat), formatAmount(c.ackedSat));
        if (index.column() == CountdownColumn && c.role == ChannelSummary::Role::Receiving && !c.isFinal() &&
            c.state != ChannelSummary::State::Closing && c.paidSat > 0)
            return tr("Spillway settles this channel by itself %n block(s) before it expires (the safety margin), "
                      "if it is still open then. Settle sooner to be paid sooner.",
                      nullptr, c.safetyMargin);
        return cell(c, index.column());
    case IdRole: return c.id;
    case CapacitySatRole: return c.capacitySat;
    case PaidSatRole: return c.paidSat;
    case RemainingSatRole: return c.remainingSat();
    case RemainingFractionRole:
        if (c.isFinal() || c.isOfferOnly())
            return {}; // no bar: the outcome in words
        return c.maxPayableSat > 0 ? static_cast<double>(c.remainingSat()) / c.maxPayableSat : 0.0;
    case ExpiryHeightRole: return c.expiryHeight;
    case BlocksLeftRole: return blocksLeft(c);
    case EtaSecondsRole: return countdown(c, m_now(), false).etaSeconds;
    case UrgencyRole: return urgency(c);
    case ToneRole: return static_cast<int>(countdown(c, m_now(), false).tone);
    case StateRole: return static_cast<int>(c.state);
    case SortRole:
        switch (index.column()) {
        case CapacityColumn: return c.capacitySat;
        case PaidColumn: return c.paidSat;
        case AcknowledgedColumn: return c.ackedSat;
        case RemainingColumn: return c.remainingSat();
        case CountdownColumn: return c.isFinal() ? std::numeric_limits<int>::max() : blocksLeft(c);
        case LastPaymentColumn: return c.lastPaymentTime;
        default: return cell(c, index.column());
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= CapacityColumn && index.column() <= RemainingColumn && !(index.column() == RemainingColumn && c.isFinal()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CountdownColumn) {
            switch (countdown(c, m_now(), false).tone) {
            case Countdown::Tone::Danger: return QColor(0xc6, 0x28, 0x28);
            case Countdown::Tone::Warning: return QColor(0xb2, 0x6a, 0x00);
            case Countdown::Tone::Good: return QColor(0x2e, 0x7d, 0x32);
            case Countdown::Tone::Neutral: return {};
            }
        }
        if (index.column() == AcknowledgedColumn && c.role == ChannelSummary::Role::Paying && c.ackedSat < c.paidSat)
            return QColor(0xb2, 0x6a, 0x00);
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
                                    ChannelTableModel::UrgencyRole,
                                    ChannelTableModel::ToneRole};
const QList<int> kEtaRoles = {Qt::DisplayRole, Qt::ToolTipRole, ChannelTableModel::EtaSecondsRole};
} // namespace

void ChannelTableModel::setChannels(const QList<ChannelSummary> &channels)
{
    QList<ChannelSummary> fresh;
    QHash<QString, qsizetype> freshAt;
    qint64 next = -1; // seconds to the soonest countdown text change among the rows written
    const qint64 now = m_now();
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
        int first = -1;
        for (int col = 0; col <= ColumnCount; ++col) {
            const bool differs = col < ColumnCount &&
                                 (cell(old, col) != cell(c, col) || (col == CountdownColumn && countdown(old, now, false).tone != countdown(c, now, false).tone) ||
                                  (col == RemainingColumn && old.maxPayableSat != c.maxPayableSat));
            if (differs && first < 0)
                first = col;
            if (!differs && first >= 0) {
                Q_EMIT dataChanged(index(row, first), index(row, col - 1));
                first = -1;
            }
        }
        const Countdown cd = countdown(c, now, false);
        m_countdownKeys[row] = cd.key;
        if (cd.secondsToNextChange > 0 && (next < 0 || cd.secondsToNextChange < next))
            next = cd.secondsToNextChange;
    }
    if (!fresh.isEmpty()) {
        // New channels in one insertion: a sorting proxy and the view take them in one go.
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at + static_cast<int>(fresh.size()) - 1);
        m_rows.reserve(at + fresh.size());
        m_countdownKeys.reserve(at + fresh.size());
        for (ChannelSummary &c : fresh) {
            m_rowOfId.insert(c.id, static_cast<int>(m_rows.size()));
            const Countdown cd = countdown(c, now, false);
            m_countdownKeys.append(cd.key);
            if (cd.secondsToNextChange > 0 && (next < 0 || cd.secondsToNextChange < next))
                next = cd.secondsToNextChange;
            m_live += c.isFinal() ? 0 : 1;
            m_rows.append(std::move(c));
        }
        endInsertRows();
    }
    // The ticker wakes for the soonest text change among the rows just written, unless
    // it was to wake sooner anyway; with no open channel it sleeps.
    if (m_live == 0)
        scheduleTick(-1);
    else if (next > 0 && (!m_ticker.isActive() || next * 1000 < m_ticker.remainingTime()))
        scheduleTick(next);
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
        const Countdown cd = countdown(c, now, false);
        const qint64 in = cd.secondsToNextChange;
        const qint64 key = cd.key;
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
    const int s = std::max(seconds, 0);
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

bool ChannelTableModel::removeChannel(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_live -= m_rows[row].isFinal() ? 0 : 1;
    m_rows.removeAt(row);
    m_countdownKeys.removeAt(row);
    m_rowOfId.remove(id);
    for (int r = row; r < m_rows.size(); ++r)
        m_rowOfId[m_rows[r].id] = r;
    endRemoveRows();
    if (m_live == 0)
        scheduleTick(-1);
    return true;
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
