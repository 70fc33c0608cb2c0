#pragma once
// The last look before money leaves: where it goes, how much, the fee and its
// rate, the total taken from the wallet and the change that comes back.

#include "BitcoinUnits.h"

#include <QDialog>

namespace spillway::ui {

struct SendPreview {
    QString address;
    qint64 amountSat = 0;
    qint64 feeSat = 0;
    qint64 feeRateSatPerKvB = 0;
    qint64 vsize = 0;
    qint64 changeSat = 0;
    bool max = false;
    qint64 totalSat() const { return amountSat + feeSat; }
};

class SendConfirmDialog : public QDialog {
    Q_OBJECT
public:
    SendConfirmDialog(const SendPreview &preview, BitcoinUnits::Unit unit, QWidget *parent = nullptr);
    const SendPreview &preview() const { return m_preview; }
    /// The dialog's text, for tests and screen readers.
    QString summary() const { return m_summary; }

private:
    SendPreview m_preview;
    QString m_summary;
};

} // namespace spillway::ui
