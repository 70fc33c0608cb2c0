#pragma once
// Pay: an amount (in the chosen unit, never cut), quick amounts, and a Pay button
// that pays and stays open for the next payment (issue 16): with the Import window
// scanning beside it, each click is one payment on its way, no other click. It
// follows the channel: what is left, what the payee has acknowledged.

#include "BitcoinUnits.h"
#include "models/ChannelSummary.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace spillway::ui {

class AmountField;
class ChannelTableModel;

class PayDialog : public QDialog {
    Q_OBJECT
public:
    PayDialog(const ChannelSummary &channel, const ChannelTableModel *model, BitcoinUnits::Unit unit, QWidget *parent);
    const QString &channelId() const { return m_id; }
    /// The channel as it is now (left, acknowledged); closed, paying is off.
    void setChannel(const ChannelSummary &channel);
    /// The payment just made, as a QR code here, for the payee's camera or screen scan.
    void showPayment(const QString &title, const QStringList &texts);
    class QrMessageView *paymentView() const { return m_code; }
    /// A payment was asked for and its message has not come back yet.
    bool awaitingPayment() const { return m_awaiting > 0; }
    /// The service refused a payment: its message will not come.
    void paymentRefused() { m_awaiting = std::max(0, m_awaiting - 1); }

Q_SIGNALS:
    void payRequested(const QString &channelId, qint64 amountSat);

private:
    void pay(qint64 amount);
    void updateButtons();

    QString m_id;
    const ChannelTableModel *m_model;
    ChannelSummary m_channel;
    AmountField *m_amount;
    QLabel *m_left;
    QLabel *m_sent;
    QPushButton *m_pay;
    QList<QPushButton *> m_quick;
    QList<qint64> m_quickValues;
    int m_paidHere = 0;
    int m_awaiting = 0;
    QLabel *m_codeTitle;
    class QrMessageView *m_code;
};

} // namespace spillway::ui
