#pragma once
// Open channel: import the payee's offer, choose capacity, expiry and variant,
// read the summary, then the payer's wallet funds the channel.

#include <QWizard>

class QSpinBox;
class QPlainTextEdit;
class QComboBox;
class QLabel;

namespace spillway::ui {

class ImportDialog;

class OpenChannelWizard : public QWizard {
    Q_OBJECT
public:
    explicit OpenChannelWizard(QWidget *parent = nullptr);
    QString offerText() const;
    qint64 capacity() const;
    int expiryBlocks() const;
    bool refundVariant() const;
    /// The commitment fee in sat, or 0 for the chain's estimate.
    qint64 commitFee() const;
    /// Test hook and the Image… button: fill the offer from a QR image.
    bool setOfferFromImage(const QImage &image);
    void setOfferText(const QString &text);

private:
    void updateSummary();
    QPlainTextEdit *m_offer;
    QSpinBox *m_capacity;
    QSpinBox *m_expiry;
    QSpinBox *m_fee;
    QComboBox *m_variant;
    QLabel *m_summary;
    QLabel *m_offerInfo;
};

} // namespace spillway::ui
