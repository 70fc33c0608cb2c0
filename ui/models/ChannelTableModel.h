#pragma once
// The channels table: one row per channel, fed by the service's snapshots.
// New channels are inserted (beginInsertRows), changed cells emit dataChanged
// for exactly those cells; the lock-time countdown ticks through one timer that
// emits dataChanged for the countdown column only.

#include "ChannelCountdown.h"
#include "ChannelSummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace spillway::ui {

class ChannelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ChannelColumn, RoleColumn, StateColumn, CapacityColumn, PaidColumn, AcknowledgedColumn, RemainingColumn,
                  CountdownColumn, LastPaymentColumn, ColumnCount };
    enum Roles {
        IdRole = Qt::UserRole + 1,
        CapacitySatRole,
        PaidSatRole,
        RemainingSatRole,
        RemainingFractionRole, ///< 0..1 for the bar
        ExpiryHeightRole,
        BlocksLeftRole,
        EtaSecondsRole,
        UrgencyRole,           ///< 0 nothing to fear, 1 warning, 2 danger (the payee's automatic settlement nears)
        ToneRole,              ///< Countdown::Tone as an int (Good: the payer's refund is possible)
        StateRole,
        SortRole,
    };
    enum class Unit { Sat, Btc };

    explicit ChannelTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces the snapshot: inserts new rows, updates changed cells, keeps order.
    void setChannels(const QList<ChannelSummary> &channels);
    /// Takes a row away (an offer withdrawn or answered); false when there is none.
    bool removeChannel(const QString &id);
    /// A new block: the countdown column changes.
    void setTip(int height, qint64 blockTime);
    void setBlockInterval(int seconds);
    void setUnit(Unit unit);
    /// Test hook: the clock the ETA is computed from (default: the system clock).
    void setClock(std::function<qint64()> now);
    /// Ticks the ETA: one dataChanged for the countdown column, over the rows whose
    /// countdown text changed since the last tick (none: no signal at all). The
    /// ticker then sleeps until the next change of any text (a second under an
    /// hour left, a minute under a day, an hour beyond) and stops with no open channel.
    void tick();
    /// Milliseconds until the ticker's next tick, -1 when it is stopped (tests).
    int nextTickMs() const { return m_ticker.isActive() ? m_ticker.interval() : -1; }

    const ChannelSummary *channelAt(int row) const;
    int rowOf(const QString &id) const;

    QString formatAmount(qint64 sat) const;

private:
    int blocksLeft(const ChannelSummary &c) const;
    Countdown countdown(const ChannelSummary &c, qint64 now, bool withText = true) const;
    Countdown countdown(const ChannelSummary &c) const { return countdown(c, m_now()); }
    int urgency(const ChannelSummary &c) const;
    /// A closed channel's outcome, in the Remaining column instead of a bar.
    QString outcomeText(const ChannelSummary &c) const;
    QVariant cell(const ChannelSummary &c, int column) const;
    /// Recomputes the keys of every row; first/last row whose key changed (or -1).
    std::pair<int, int> refreshKeys(bool all);
    void scheduleTick(qint64 secondsToNextChange);

    QList<ChannelSummary> m_rows;
    QList<qint64> m_countdownKeys;   ///< per row, the key its countdown text was last signalled at
    QHash<QString, int> m_rowOfId;
    int m_live = 0;                  ///< rows not yet settled or refunded (the ones that count down)
    int m_tipHeight = 0;
    qint64 m_tipTime = 0;
    int m_blockInterval = 600; ///< 0: blocks come on request, the countdowns count blocks only
    Unit m_unit = Unit::Sat;
    std::function<qint64()> m_now;
    QTimer m_ticker;
};

} // namespace spillway::ui
