#pragma once
// Receive on the Wallet tab: a fresh address, and a payment request made of it
// with an optional amount and label, shown as a BIP 21 "bitcoin:" link and its
// QR code (the amount in the link is always BTC, whatever unit is shown here).

#include "BitcoinUnits.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace spillway::ui {

class AmountField;
class WalletService;

class ReceivePanel : public QWidget {
    Q_OBJECT
public:
    explicit ReceivePanel(WalletService *service, QWidget *parent = nullptr);

    void setAddress(const QString &address);
    void setUnit(BitcoinUnits::Unit u);
    /// The request as a link ("bitcoin:bcrt1…?amount=0.001&label=…").
    QString uri() const;

private:
    void render();
    QString m_address;
    QLabel *m_addressLabel;
    AmountField *m_amount;
    QLineEdit *m_label;
    QLabel *m_uriLabel;
    QLabel *m_qr;
};

} // namespace spillway::ui
