#pragma once
// Two read-only lists the windows show: the payments of one channel (detail
// pane) and the wallet's transactions (wallet tab). Both append rows for new
// entries and signal changed cells; they never reset on a refresh.

#include "BitcoinUnits.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace spillway::ui {

struct PaymentRow {
    qint64 sequence = 0;
    qint64 paidSat = 0;  ///< cumulative
    qint64 time = 0;
    bool operator==(const PaymentRow &) const = default;
};

struct WalletTxRow {
    QString txid;
    QString kind;        ///< receive, send, mined, channel-open
    qint64 amountSat = 0;
    qint64 feeSat = 0;
    int height = -1;
    qint64 time = 0;
    QString address;
    QString label;       ///< the user's, from the label store
    bool operator==(const WalletTxRow &) const = default;
};

class PaymentHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SequenceColumn, AmountColumn, IncrementColumn, TimeColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Another channel's payments replace the list; the same channel's only append.
    void setPayments(const QString &channelId, const QList<PaymentRow> &rows);
    const QString &channelId() const { return m_channel; }
    void setUnit(BitcoinUnits::Unit u);

private:
    BitcoinUnits::Unit m_unit = BitcoinUnits::Unit::Sat;
    QString m_channel;
    QList<PaymentRow> m_rows;
};

class WalletHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, AmountColumn, FeeColumn, StatusColumn, LabelColumn, TxidColumn, ColumnCount };
    enum Roles {
        TxidRole = Qt::UserRole + 1,
        ConfirmationsRole, ///< 0 unconfirmed
        SortRole,          ///< raw values: newest first sorts by time, then by height
    };
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setRows(const QList<WalletTxRow> &rows);
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// The Label column is edited in place: the model asks (labelEdited), the store keeps it.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    /// The chain's height: the Status column counts confirmations from it.
    void setTip(int height);
    void setUnit(BitcoinUnits::Unit u);
    const WalletTxRow *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }

Q_SIGNALS:
    void labelEdited(const QString &txid, const QString &label);

private:
    QString status(const WalletTxRow &r) const;
    QList<WalletTxRow> m_rows;
    QHash<QString, int> m_rowOf; ///< txid + kind -> row
    int m_tip = 0;
    BitcoinUnits::Unit m_unit = BitcoinUnits::Unit::Sat;
};

} // namespace spillway::ui

Q_DECLARE_METATYPE(QList<spillway::ui::PaymentRow>)
Q_DECLARE_METATYPE(QList<spillway::ui::WalletTxRow>)
