#include "ReceivePanel.h"

#include "AmountField.h"
#include "QrCode.h"
#include "services/WalletService.h"

#include "bitcoin/Bip21.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace spillway::ui {

ReceivePanel::ReceivePanel(WalletService *service, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("receivePanel"));
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_addressLabel = new QLabel(this);
    m_addressLabel->setObjectName(QStringLiteral("receiveAddressLabel"));
    m_addressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Receive address:"), m_addressLabel);
    auto *copy = new QPushButton(tr("Copy address"), this);
    copy->setObjectName(QStringLiteral("copyAddressButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_address); });
    auto *fresh = new QPushButton(tr("New address"), this);
    fresh->setObjectName(QStringLiteral("newAddressButton"));
    if (service)
        connect(fresh, &QPushButton::clicked, service, [service] { service->newReceiveAddress(); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(fresh);
    form->addRow(QString(), buttons);
    m_amount = new AmountField(this);
    m_amount->setObjectName(QStringLiteral("receiveAmountField"));
    m_amount->setPlaceholderText(tr("Optional"));
    form->addRow(tr("Request amount:"), m_amount);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("receiveLabelLineEdit"));
    m_label->setPlaceholderText(tr("Optional: who pays, or what for"));
    form->addRow(tr("Label:"), m_label);
    m_uriLabel = new QLabel(this);
    m_uriLabel->setObjectName(QStringLiteral("receiveUriLabel"));
    m_uriLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uriLabel->setWordWrap(true);
    form->addRow(tr("Payment link:"), m_uriLabel);
    auto *copyUri = new QPushButton(tr("Copy link"), this);
    copyUri->setObjectName(QStringLiteral("copyUriButton"));
    connect(copyUri, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(uri()); });
    form->addRow(QString(), copyUri);
    outer->addLayout(form, 2);
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("receiveQrLabel"));
    m_qr->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_qr, 1);
    connect(m_amount, &AmountField::valueChanged, this, &ReceivePanel::render);
    connect(m_label, &QLineEdit::textChanged, this, &ReceivePanel::render);
}

void ReceivePanel::setAddress(const QString &address)
{
    m_address = address;
    m_addressLabel->setText(address);
    render();
}

void ReceivePanel::setUnit(BitcoinUnits::Unit u)
{
    m_amount->setUnit(u);
}

QString ReceivePanel::uri() const
{
    if (m_address.isEmpty())
        return {};
    bitcoin::PaymentRequest r;
    r.address = m_address.toStdString();
    if (const auto sat = m_amount->value())
        r.amount = bitcoin::Amount::fromSat(*sat);
    r.label = m_label->text().trimmed().toStdString();
    return QString::fromStdString(bitcoin::makeBip21(r));
}

void ReceivePanel::render()
{
    const QString link = uri();
    m_uriLabel->setText(link);
    if (link.isEmpty()) {
        m_qr->clear();
        return;
    }
    bitcoin::PaymentRequest r;
    r.address = m_address.toStdString();
    if (const auto sat = m_amount->value())
        r.amount = bitcoin::Amount::fromSat(*sat);
    r.label = m_label->text().trimmed().toStdString();
    // Upper case where BIP 21 allows it: the QR code's compact alphanumeric mode.
    m_qr->setPixmap(QPixmap::fromImage(renderQrCode(QString::fromStdString(bitcoin::makeBip21(r, true)), 3)));
}

} // namespace spillway::ui
