#include "OpenChannelWizard.h"
#include "AmountField.h"
#include "WalletSettings.h"
#include "ImportDialog.h"
#include "QrCode.h"

#include "channel/Messages.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizardPage>

namespace spillway::ui {

OpenChannelWizard::OpenChannelWizard(QWidget *parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("openChannelWizard"));
    setWindowTitle(tr("Open a channel"));

    auto *offerPage = new QWizardPage(this);
    offerPage->setTitle(tr("The payee's offer"));
    offerPage->setSubTitle(tr("Scan or paste the offer the payee showed you."));
    auto *ol = new QVBoxLayout(offerPage);
    m_offer = new QPlainTextEdit(offerPage);
    m_offer->setObjectName(QStringLiteral("offerTextEdit"));
    ol->addWidget(m_offer);
    auto *fromImage = new QPushButton(tr("From an image or the camera…"), offerPage);
    fromImage->setObjectName(QStringLiteral("offerImportButton"));
    connect(fromImage, &QPushButton::clicked, this, [this] {
        ImportDialog d(tr("Import the offer"), this);
        if (d.exec() == QDialog::Accepted)
            m_offer->setPlainText(d.text());
    });
    ol->addWidget(fromImage);
    m_offerInfo = new QLabel(offerPage);
    m_offerInfo->setObjectName(QStringLiteral("offerInfoLabel"));
    m_offerInfo->setWordWrap(true);
    ol->addWidget(m_offerInfo);
    connect(m_offer, &QPlainTextEdit::textChanged, this, &OpenChannelWizard::updateSummary);
    addPage(offerPage);

    auto *termsPage = new QWizardPage(this);
    termsPage->setTitle(tr("Terms"));
    auto *form = new QFormLayout(termsPage);
    m_capacity = new AmountField(termsPage);
    m_capacity->setObjectName(QStringLiteral("capacityAmountField"));
    m_capacity->setUnit(BitcoinUnits::chosen());
    m_capacity->setMinimum(1000);
    m_capacity->setValue(100'000);
    form->addRow(tr("Capacity:"), m_capacity);
    m_expiry = new QSpinBox(termsPage);
    m_expiry->setObjectName(QStringLiteral("expirySpinBox"));
    // 0: the network's default distance (1008 blocks on mainnet), within the offer's limits.
    m_expiry->setRange(0, 52560);
    m_expiry->setSpecialValueText(tr("the network's default"));
    m_expiry->setValue(WalletSettings::value(QStringLiteral("defaultExpiryBlocks"), 0).toInt());
    m_expiry->setSuffix(tr(" blocks"));
    form->addRow(tr("Refund possible after:"), m_expiry);
    m_fee = new AmountField(termsPage);
    m_fee->setObjectName(QStringLiteral("feeAmountField"));
    m_fee->setUnit(BitcoinUnits::chosen());
    m_fee->setMinimum(0);
    m_fee->setMaximum(1'000'000);
    m_fee->setPlaceholderText(tr("from the chain's estimate")); // empty: the estimate
    form->addRow(tr("Closing fee:"), m_fee);
    m_variant = new QComboBox(termsPage);
    m_variant->setObjectName(QStringLiteral("variantComboBox"));
    m_variant->addItem(tr("CLTV (BIP 65): one round trip"), QStringLiteral("cltv"));
    m_variant->addItem(tr("Pre-signed refund: the payee signs the refund first"), QStringLiteral("refund"));
    form->addRow(tr("Kind:"), m_variant);
    connect(m_capacity, &AmountField::valueChanged, this, &OpenChannelWizard::updateSummary);
    connect(m_expiry, &QSpinBox::valueChanged, this, &OpenChannelWizard::updateSummary);
    connect(m_fee, &AmountField::valueChanged, this, &OpenChannelWizard::updateSummary);
    m_termsPage = addPage(termsPage);

    auto *summaryPage = new QWizardPage(this);
    summaryPage->setTitle(tr("Summary"));
    auto *sl = new QVBoxLayout(summaryPage);
    m_summary = new QLabel(summaryPage);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    sl->addWidget(m_summary);
    addPage(summaryPage);
    updateSummary();
}

QString OpenChannelWizard::offerText() const
{
    return m_offer->toPlainText().trimmed();
}

qint64 OpenChannelWizard::capacity() const
{
    return m_capacity->value().value_or(0);
}

bool OpenChannelWizard::validateCurrentPage()
{
    if (currentId() == m_termsPage && (!m_capacity->value() || !m_fee->problem().isEmpty())) {
        m_capacity->setFocus();
        return false; // the field says why, in red
    }
    return QWizard::validateCurrentPage();
}

int OpenChannelWizard::expiryBlocks() const
{
    return m_expiry->value();
}

qint64 OpenChannelWizard::commitFee() const
{
    return m_fee->value().value_or(0);
}

bool OpenChannelWizard::refundVariant() const
{
    return m_variant->currentData().toString() == QLatin1String("refund");
}

bool OpenChannelWizard::setOfferFromImage(const QImage &image)
{
    auto t = decodeQrCode(image);
    if (!t)
        return false;
    m_offer->setPlainText(*t);
    return true;
}

void OpenChannelWizard::setOfferText(const QString &text)
{
    m_offer->setPlainText(text);
}

void OpenChannelWizard::updateSummary()
{
    auto m = channel::messageFromText(offerText().toStdString());
    int expiry = m_expiry->value();
    if (m && std::holds_alternative<channel::OfferMsg>(*m)) {
        const auto &o = std::get<channel::OfferMsg>(*m);
        m_capacity->setMinimum(std::max<qint64>(1000, o.minCapacity));
        m_capacity->setMaximum(o.maxCapacity > 0 ? std::optional<qint64>(o.maxCapacity) : std::nullopt);
        if (expiry == 0)
            expiry = static_cast<int>(std::clamp(bitcoin::network(o.network).defaultExpiryDelta, o.minExpiryDelta,
                                                 std::max(o.minExpiryDelta, o.maxExpiryDelta)));
        const BitcoinUnits::Unit unit = BitcoinUnits::chosen();
        m_offerInfo->setText(tr("Offer \"%1\": capacity %2 to %3, refund after %4 to %5 blocks.")
                                 .arg(QString::fromStdString(o.label))
                                 .arg(BitcoinUnits::format(o.minCapacity, unit))
                                 .arg(BitcoinUnits::format(o.maxCapacity, unit))
                                 .arg(o.minExpiryDelta)
                                 .arg(o.maxExpiryDelta));
    } else {
        m_offerInfo->setText(offerText().isEmpty() ? QString() : tr("This is not an offer."));
        if (expiry == 0)
            expiry = static_cast<int>(bitcoin::network(bitcoin::NetworkId::Local).defaultExpiryDelta);
    }
    const BitcoinUnits::Unit unit = BitcoinUnits::chosen();
    m_summary->setText(tr("Your wallet locks %1 in a 2-of-2 output with the payee. You pay by signing; "
                          "the payee settles with the newest payment. If the payee disappears, the refund "
                          "returns your money after %n block(s), minus its fee.", nullptr, expiry)
                           .arg(BitcoinUnits::format(capacity(), unit)) +
                       QStringLiteral("<br><br>") +
                       (commitFee() > 0 ? tr("The settlement's fee, %1, comes out of your side; at most %2 can be paid.")
                                              .arg(BitcoinUnits::format(commitFee(), unit), BitcoinUnits::format(capacity() - commitFee(), unit))
                                           : tr("The settlement's fee follows the chain's fee estimate and comes out of your side.")));
}

} // namespace spillway::ui
