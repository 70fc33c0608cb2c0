#include "SendPanel.h"

#include "AmountField.h"
#include "ImportDialog.h"
#include "QrCode.h"
#include "NetworkNames.h"
#include "SendConfirmDialog.h"
#include "services/WalletService.h"

#include "bitcoin/Address.h"
#include "bitcoin/Bip21.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace spillway::ui {

namespace {
const bitcoin::Network *networkNamed(const QString &name)
{
    const auto id = bitcoin::networkFromName(name.toStdString());
    return id ? &bitcoin::network(*id) : nullptr;
}
} // namespace

SendPanel::SendPanel(WalletService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("sendPanel"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("sendAddressLineEdit"));
    m_address->setPlaceholderText(tr("Address to pay, or a bitcoin: payment link"));
    m_address->setClearButtonEnabled(true);
    m_addressProblem = new QLabel(this);
    m_addressProblem->setObjectName(QStringLiteral("sendAddressProblemLabel"));
    m_addressProblem->setWordWrap(true);
    m_addressProblem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_addressProblem->hide();
    m_requestNote = new QLabel(this);
    m_requestNote->setObjectName(QStringLiteral("sendRequestNoteLabel"));
    m_requestNote->setWordWrap(true);
    m_requestNote->hide();
    // A payment link from a QR code: the Import dialog's sources (camera, image,
    // clipboard, screen, file, drop).
    auto *scan = new QPushButton(tr("Scan…"), this);
    scan->setObjectName(QStringLiteral("sendScanButton"));
    scan->setToolTip(tr("Read a bitcoin: payment link or an address from a QR code or a file."));
    connect(scan, &QPushButton::clicked, this, [this] {
        auto *d = new ImportDialog(tr("Scan a payment request"), this);
        d->setObjectName(QStringLiteral("sendScanDialog"));
        // A payment link or an address, not a channel message.
        d->setCodeFilter([](const QString &code) {
            const QString t = code.trimmed();
            return t.startsWith(QLatin1String("bitcoin:"), Qt::CaseInsensitive) || (!t.isEmpty() && !t.contains(QLatin1Char(' ')) && !isCodeForSpillway(t));
        });
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &QDialog::accepted, this, [this, d] { m_address->setText(d->text().trimmed()); });
        d->open();
    });
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(scan);
    auto *addressColumn = new QVBoxLayout;
    addressColumn->addLayout(addressRow);
    addressColumn->addWidget(m_addressProblem);
    addressColumn->addWidget(m_requestNote);
    form->addRow(tr("Send to:"), addressColumn);

    m_amount = new AmountField(this);
    m_amount->setObjectName(QStringLiteral("sendAmountField"));
    m_max = new QPushButton(tr("Max"), this);
    m_max->setObjectName(QStringLiteral("sendMaxButton"));
    m_max->setCheckable(true);
    m_max->setToolTip(tr("Send everything spendable; the fee is taken from the amount."));
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_max, 0, Qt::AlignTop);
    form->addRow(tr("Amount:"), amountRow);

    m_fee = new QComboBox(this);
    m_fee->setObjectName(QStringLiteral("feeComboBox"));
    m_customRate = new QDoubleSpinBox(this);
    m_customRate->setObjectName(QStringLiteral("customFeeRateSpinBox"));
    m_customRate->setRange(1.0, 5000.0); // the broadcast cap (chain::kMaxFeeRate) is 5,000 sat/vB
    m_customRate->setDecimals(1);
    m_customRate->setValue(2.0);
    m_customRate->setSuffix(tr(" sat/vB"));
    m_customRate->hide();
    auto *feeRow = new QHBoxLayout;
    feeRow->addWidget(m_fee, 1);
    feeRow->addWidget(m_customRate);
    form->addRow(tr("Fee:"), feeRow);
    updateFees();

    m_send = new QPushButton(tr("Send…"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    form->addRow(QString(), m_send);

    connect(m_address, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().startsWith(QLatin1String("bitcoin:"), Qt::CaseInsensitive)) {
            takeUri(text);
            return;
        }
        checkAddress();
    });
    connect(m_max, &QPushButton::toggled, this, [this](bool on) {
        m_amount->setEnabled(!on);
        if (on)
            m_amount->clear();
    });
    connect(m_fee, &QComboBox::currentIndexChanged, this, [this] { m_customRate->setVisible(m_fee->currentIndex() == 3); });
    connect(m_send, &QPushButton::clicked, this, &SendPanel::requestPreview);
    if (m_service) {
        connect(m_service, &WalletService::feeEstimates, this, [this](qint64 fast, qint64 normal, qint64 slow) {
            m_estimates[0] = fast;
            m_estimates[1] = normal;
            m_estimates[2] = slow;
            updateFees();
        });
        connect(m_service, &WalletService::sendPreviewReady, this, &SendPanel::showPreview);
        connect(m_service, &WalletService::failed, this, [this] {
            m_waiting = false;
            m_send->setEnabled(true);
        });
        connect(m_service, &WalletService::sent, this, [this] {
            // Gone: the form starts empty for the next payment.
            m_address->clear();
            m_amount->clear();
            m_max->setChecked(false);
            m_requestNote->hide();
            m_requestLabel.clear();
            m_send->setEnabled(true);
        });
    }
}

void SendPanel::setNetwork(const QString &name)
{
    m_network = name;
    checkAddress();
}

void SendPanel::setUnit(BitcoinUnits::Unit u)
{
    m_unit = u;
    m_amount->setUnit(u);
}

QString SendPanel::addressProblem() const
{
    const QString text = m_address->text().trimmed();
    const bitcoin::Network *net = networkNamed(m_network);
    if (text.isEmpty() || !net)
        return {};
    auto r = bitcoin::decodeAddress(text.toStdString(), *net);
    if (r)
        return {};
    if (r.code() == ErrorCode::WrongNetwork)
        return tr("This address belongs to another Bitcoin network; this wallet is on %1.").arg(NetworkNames::display(m_network));
    return tr("This is not a valid Bitcoin address. Check that it was copied whole, without a missing or changed character.");
}

void SendPanel::checkAddress()
{
    const QString problem = addressProblem();
    m_addressProblem->setText(problem);
    m_addressProblem->setVisible(!problem.isEmpty());
    m_address->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
}

bool SendPanel::takeUri(const QString &uri)
{
    const bitcoin::Network *net = networkNamed(m_network);
    if (!net)
        return false;
    auto r = bitcoin::parseBip21(uri.toStdString(), *net);
    if (!r) {
        QString why;
        switch (r.code()) {
        case ErrorCode::WrongNetwork: why = tr("This payment link is for another Bitcoin network; this wallet is on %1.").arg(NetworkNames::display(m_network)); break;
        case ErrorCode::InvalidAmount: why = tr("The amount in this payment link is not a valid amount of BTC."); break;
        case ErrorCode::InvalidAddress: why = tr("The address in this payment link is not valid."); break;
        default:
            why = r.error().context.rfind("the request requires", 0) == 0
                      ? tr("This payment link asks for something this wallet does not support, so it cannot be paid safely.")
                      : tr("This is not a payment link this wallet can read.");
        }
        m_addressProblem->setText(why);
        m_addressProblem->show();
        return false;
    }
    const QSignalBlocker block(m_address);
    m_address->setText(QString::fromStdString(r->address));
    checkAddress();
    m_max->setChecked(false);
    if (r->amount)
        m_amount->setValue(r->amount->sat()); // the URI's BTC, shown in the chosen unit
    QStringList note;
    if (!r->label.empty())
        note << tr("For: %1").arg(QString::fromStdString(r->label));
    if (!r->message.empty())
        note << tr("Message: %1").arg(QString::fromStdString(r->message));
    m_requestLabel = QString::fromStdString(r->label);
    m_requestNote->setText(note.join(QLatin1Char('\n')));
    m_requestNote->setVisible(!note.isEmpty());
    return true;
}

void SendPanel::updateFees()
{
    const int current = m_fee->currentIndex();
    const QLocale locale;
    auto rate = [&](qint64 kvb) { return kvb > 0 ? tr("%1 sat/vB").arg(locale.toString(kvb / 1000.0, 'f', 1)) : tr("no estimate"); };
    const QString names[3] = {tr("Fast (about 20 minutes): %1"), tr("Normal (about an hour): %1"), tr("Slow (about 4 hours): %1")};
    m_fee->blockSignals(true);
    m_fee->clear();
    for (int i = 0; i < 3; ++i)
        m_fee->addItem(names[i].arg(rate(m_estimates[i])));
    m_fee->addItem(tr("Custom fee rate"));
    m_fee->setCurrentIndex(current < 0 ? 1 : current);
    m_fee->blockSignals(false);
}

qint64 SendPanel::chosenRate() const
{
    const int i = m_fee->currentIndex();
    if (i == 3)
        return qRound64(m_customRate->value() * 1000);
    return i >= 0 && i < 3 ? m_estimates[i] : 0; // 0: the service asks the chain
}

void SendPanel::requestPreview()
{
    if (!m_service || m_waiting)
        return;
    if (m_address->text().trimmed().isEmpty()) {
        m_addressProblem->setText(tr("Enter the address to pay."));
        m_addressProblem->show();
        return;
    }
    if (!addressProblem().isEmpty())
        return;
    const bool max = m_max->isChecked();
    const std::optional<qint64> amount = m_amount->value();
    if (!max && !amount) {
        if (m_amount->problem().isEmpty())
            m_amount->lineEdit()->setPlaceholderText(tr("Enter the amount to send, or press Max."));
        m_amount->lineEdit()->setFocus();
        return;
    }
    m_waiting = true;
    m_send->setEnabled(false);
    QMetaObject::invokeMethod(m_service, [s = m_service, a = m_address->text().trimmed(), sat = max ? 0 : *amount, r = chosenRate(),
                                          l = m_requestLabel] { s->previewSend(a, sat, r, l); });
}

void SendPanel::showPreview(const QString &address, qint64 amount, qint64 fee, qint64 rate, qint64 vsize, qint64 change, bool max)
{
    m_waiting = false;
    m_send->setEnabled(true);
    SendPreview p{address, amount, fee, rate, vsize, change, max};
    auto *d = new SendConfirmDialog(p, m_unit, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = d;
    connect(d, &QObject::destroyed, this, [this, d] {
        if (m_confirm == d)
            m_confirm = nullptr;
    });
    connect(d, &QDialog::accepted, this, [this] {
        m_send->setEnabled(false);
        QMetaObject::invokeMethod(m_service, [s = m_service] { s->confirmSend(); });
    });
    connect(d, &QDialog::rejected, this, [this] { QMetaObject::invokeMethod(m_service, [s = m_service] { s->cancelSend(); }); });
    d->open();
}

} // namespace spillway::ui
