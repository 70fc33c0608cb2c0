#pragma once
// Send on the Wallet tab: an address (or a pasted BIP 21 "bitcoin:" URI) checked
// as it is typed, an amount in the chosen unit or Max, a fee from the chain's
// estimates or a custom rate, and a confirmation of the priced payment before
// anything is broadcast. The form is cleared once the payment has left.

#include "BitcoinUnits.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace spillway::ui {

class AmountField;
class SendConfirmDialog;
class WalletService;

class SendPanel : public QWidget {
    Q_OBJECT
public:
    explicit SendPanel(WalletService *service, QWidget *parent = nullptr);

    /// The wallet's network ("main", "regtest", "local", ...): addresses are checked for it.
    void setNetwork(const QString &name);
    void setUnit(BitcoinUnits::Unit u);
    /// Fills the form from a "bitcoin:" URI; false (and a sentence shown) if it is refused.
    bool takeUri(const QString &uri);
    /// Test hook: the confirmation dialog on screen, if any.
    SendConfirmDialog *confirmDialog() const { return m_confirm; }
    /// What is wrong with the address typed, as a sentence (empty: nothing, or no address yet).
    QString addressProblem() const;

private:
    void checkAddress();
    void updateFees();
    void requestPreview();
    void showPreview(const QString &address, qint64 amount, qint64 fee, qint64 rate, qint64 vsize, qint64 change, bool max);
    qint64 chosenRate() const;

    WalletService *m_service;
    QString m_network;
    BitcoinUnits::Unit m_unit = BitcoinUnits::Unit::Sat;
    QLineEdit *m_address;
    QLabel *m_addressProblem;
    QLabel *m_requestNote;
    QString m_requestLabel; ///< the pasted request's label: the payment's label in the history
    AmountField *m_amount;
    QPushButton *m_max;
    QComboBox *m_fee;
    QDoubleSpinBox *m_customRate;
    QPushButton *m_send;
    qint64 m_estimates[3] = {};
    bool m_waiting = false;
    SendConfirmDialog *m_confirm = nullptr;
};

} // namespace spillway::ui
