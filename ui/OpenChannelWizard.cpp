#include "OpenChannelWizard.h"
#include "AmountField.h"
#include "WalletSettings.h"
#include "ImportDialog.h"
#include "QrCode.h"

#include "channel/Messages.h"
#include "channel/OpeningTerms.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <QWizardPage>

namespace spillway::ui {

namespace {
/// A page whose Next (or Finish) waits for `complete`.
class CheckedPage : public QWizardPage {
public:
    CheckedPage(std::function<bool()> complete, QWidget *parent) : QWizardPage(parent), m_complete(std::move(complete)) {}
    bool isComplete() const override { return m_complete(); }

private:
    std::function<bool()> m_complete;
};
} // namespace

OpenChannelWizard::OpenChannelWizard(QWidget *parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("openChannelWizard"));
    setWindowTitle(tr("Open a channel"));

    // Next waits for an offer this wallet can take; Finish for terms the payee will take.
    auto *offerPage = new CheckedPage([this] { return m_check.offer.has_value(); }, this);
    m_offerPage = offerPage;
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

    // A change of the terms replaces the reason they were refused with a fresh check.
    const auto termsEdited = [this] {
        m_refused.clear();
        updateSummary();
    };
    auto *termsPage = new CheckedPage([this] { return termsProblem().isEmpty(); }, this);
    m_terms = termsPage;
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
    m_termsProblem = new QLabel(termsPage);
    m_termsProblem->setObjectName(QStringLiteral("termsProblemLabel"));
    m_termsProblem->setWordWrap(true);
    m_termsProblem->setStyleSheet(QStringLiteral("color: #c62828"));
    form->addRow(m_termsProblem);
    connect(m_variant, &QComboBox::currentIndexChanged, this, termsEdited);
    connect(m_capacity, &AmountField::valueChanged, this, termsEdited);
    connect(m_expiry, &QSpinBox::valueChanged, this, termsEdited);
    connect(m_fee, &AmountField::valueChanged, this, termsEdited);
    m_termsPage = addPage(termsPage);
    termsPage->setFinalPage(true); // Finish here already; the summary is a Next away

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
    if (currentPage() == m_offerPage && !m_check.offer)
        return false; // the page says why, in red (Next is off too; this holds for a key press)
    if (currentId() == m_termsPage && !termsProblem().isEmpty()) {
        m_capacity->setFocus();
        return false; // the page says why, in red
    }
    return QWizard::validateCurrentPage();
}

void OpenChannelWizard::setWallet(bitcoin::NetworkId network, qint64 feeEstimateSatPerKvB, qint64 spendableSat)
{
    m_network = network;
    m_feeEstimate = feeEstimateSatPerKvB;
    m_spendable = spendableSat;
    updateSummary();
}

QString OpenChannelWizard::termsProblem() const
{
    if (!m_check.offer)
        return m_check.problem;
    if (!m_capacity->value())
        return m_capacity->problem().isEmpty() ? tr("Enter the capacity.") : m_capacity->problem();
    if (!m_fee->problem().isEmpty())
        return m_fee->problem();
    return checkTerms(*m_check.offer, TermsInput{*m_capacity->value(), m_expiry->value(), commitFee(), refundVariant(), m_spendable});
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

void OpenChannelWizard::startWithOffer(const QString &text)
{
    setOfferText(text);
    if (m_check.offer) {
        setStartId(m_termsPage);
        if (isVisible())
            restart();
    }
}

void OpenChannelWizard::restoreTerms(const QString &offerText, qint64 capacitySat, int expiryBlocks, bool refundVariant,
                                     qint64 commitFeeSat, const QString &problem)
{
    m_variant->setCurrentIndex(m_variant->findData(refundVariant ? QStringLiteral("refund") : QStringLiteral("cltv")));
    startWithOffer(offerText);
    m_capacity->setValue(capacitySat);
    m_expiry->setValue(expiryBlocks);
    if (commitFeeSat > 0)
        m_fee->setValue(commitFeeSat);
    m_refused = problem;
    updateSummary();
}

void OpenChannelWizard::setOfferText(const QString &text)
{
    m_offer->setPlainText(text);
}

void OpenChannelWizard::updateSummary()
{
    const bool hadOffer = m_check.offer.has_value();
    m_check = checkOffer(offerText(), m_network, m_feeEstimate);
    const BitcoinUnits::Unit unit = BitcoinUnits::chosen();
    int expiry = m_expiry->value();
    if (m_check.offer) {
        const auto &o = *m_check.offer;
        m_capacity->setMinimum(std::max<qint64>(1000, o.minCapacity));
        m_capacity->setMaximum(o.maxCapacity > 0 ? std::optional<qint64>(o.maxCapacity) : std::nullopt);
        expiry = effectiveExpiryDelta(o, expiry);
        // Only the kinds the payee offers can be chosen.
        if (auto *items = qobject_cast<QStandardItemModel *>(m_variant->model())) {
            for (int i = 0; i < m_variant->count(); ++i) {
                const bool offered = m_variant->itemData(i).toString() == QLatin1String("refund") ? (o.variants & 0b01) : (o.variants & 0b10);
                items->item(i)->setEnabled(offered);
                if (!offered && m_variant->currentIndex() == i && !hadOffer)
                    m_variant->setCurrentIndex(1 - i);
            }
        }
        m_offerInfo->setStyleSheet(QString());
        m_offerInfo->setText(tr("Offer \"%1\": capacity %2 to %3, refund after %4 to %5 blocks.")
                                 .arg(QString::fromStdString(o.label))
                                 .arg(BitcoinUnits::format(o.minCapacity, unit))
                                 .arg(BitcoinUnits::format(o.maxCapacity, unit))
                                 .arg(std::min(o.minExpiryDelta + channel::kOpeningLeeway, o.maxExpiryDelta))
                                 .arg(o.maxExpiryDelta));
    } else {
        // Said on the first page, in red, before Next can be pressed.
        m_offerInfo->setStyleSheet(QStringLiteral("color: #c62828"));
        m_offerInfo->setText(m_check.problem);
        if (expiry == 0)
            expiry = static_cast<int>(bitcoin::network(m_network).defaultExpiryDelta);
    }
    if (hadOffer != m_check.offer.has_value())
        Q_EMIT m_offerPage->completeChanged();
    // The problem as typed, else why the wallet refused these terms last time (until they change).
    const QString problem = m_check.offer ? termsProblem() : QString();
    m_termsProblem->setText(problem.isEmpty() ? m_refused : problem);
    Q_EMIT m_terms->completeChanged();
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
