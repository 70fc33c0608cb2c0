#pragma once
// Open channel: import the payee's offer, choose capacity, expiry and variant,
// read the summary, then the payer's wallet funds the channel.

#include "OfferChecks.h"

#include <QWizard>

class QSpinBox;
class QPlainTextEdit;
class QComboBox;
class QLabel;
class QWizardPage;

namespace spillway::ui {

class ImportDialog;
class AmountField;

class OpenChannelWizard : public QWizard {
    Q_OBJECT
public:
    explicit OpenChannelWizard(QWidget *parent = nullptr);
    /// The wallet's network (an offer for another is refused on the first page), the
    /// chain's fee estimate in sat/kvB (0: unknown) and the spendable balance (-1: unknown).
    void setWallet(bitcoin::NetworkId network, qint64 feeEstimateSatPerKvB, qint64 spendableSat);
    QString offerText() const;
    qint64 capacity() const;
    int expiryBlocks() const;
    bool refundVariant() const;
    /// The commitment fee in sat, or 0 for the chain's estimate.
    qint64 commitFee() const;
    /// Test hook and the Image… button: fill the offer from a QR image.
    bool setOfferFromImage(const QImage &image);
    void setOfferText(const QString &text);
    /// Before show: the offer read from a code; when this wallet can take it, the wizard
    /// starts at the terms, where Finish opens the channel at once.
    void startWithOffer(const QString &text);
    /// Before show: terms the wallet could not fund, given back at the terms page with `problem`.
    void restoreTerms(const QString &offerText, qint64 capacitySat, int expiryBlocks, bool refundVariant, qint64 commitFeeSat,
                      const QString &problem);
    /// The terms page goes on only with a capacity the offer allows.
    bool validateCurrentPage() override;

private:
    void updateSummary();
    /// The terms' problem in a sentence, empty when the payee will take them.
    QString termsProblem() const;
    QPlainTextEdit *m_offer;
    AmountField *m_capacity; ///< in the chosen unit, within the offer's limits (red with the limit beyond)
    int m_termsPage = -1;
    QSpinBox *m_expiry;
    AmountField *m_fee; ///< empty: from the chain's estimate
    QComboBox *m_variant;
    QLabel *m_summary;
    QLabel *m_offerInfo;
    QLabel *m_termsProblem;
    QWizardPage *m_offerPage;
    QWizardPage *m_terms;
    OfferCheck m_check;
    bitcoin::NetworkId m_network = bitcoin::NetworkId::Local;
    qint64 m_feeEstimate = 0;
    qint64 m_spendable = -1;
    QString m_refused; ///< why the wallet refused the terms this wizard was reopened with
};

} // namespace spillway::ui
