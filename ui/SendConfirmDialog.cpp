#include "SendConfirmDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

SendConfirmDialog::SendConfirmDialog(const SendPreview &p, BitcoinUnits::Unit unit, QWidget *parent) : QDialog(parent), m_preview(p)
{
    setObjectName(QStringLiteral("sendConfirmDialog"));
    setWindowTitle(tr("Confirm payment"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Check the address and the amounts. Once sent, a Bitcoin payment cannot be taken back."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto row = [&](const QString &caption, const QString &value, const char *name) {
        auto *l = new QLabel(value, this);
        l->setObjectName(QString::fromLatin1(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(caption, l);
        m_summary += caption + QLatin1Char(' ') + value + QLatin1Char('\n');
    };
    const QLocale locale;
    row(tr("Pay to:"), p.address, "confirmAddressLabel");
    row(tr("Amount:"), BitcoinUnits::format(p.amountSat, unit) + (p.max ? tr(" (everything spendable, after the fee)") : QString()),
        "confirmAmountLabel");
    row(tr("Network fee:"), tr("%1 (%2 sat/vB, %3 vB)")
                                .arg(BitcoinUnits::format(p.feeSat, unit), locale.toString(p.feeRateSatPerKvB / 1000.0, 'f', 1),
                                     locale.toString(p.vsize)),
        "confirmFeeLabel");
    row(tr("Total from your wallet:"), BitcoinUnits::format(p.totalSat(), unit), "confirmTotalLabel");
    row(tr("Change back to you:"), BitcoinUnits::format(p.changeSat, unit), "confirmChangeLabel");
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(this);
    auto *send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("confirmSendButton"));
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelSendButton"));
    cancel->setDefault(true); // Enter does not send money by accident
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace spillway::ui
