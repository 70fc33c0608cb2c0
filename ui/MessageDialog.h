#pragma once
// Shows messages for the other side: a QR code (QrMessageView: still, or an
// animated BC-UR for anything bigger than one code), the text, and buttons to copy
// or save it.

#include <QDialog>

class QPlainTextEdit;

namespace spillway::ui {

class QrMessageView;

class MessageDialog : public QDialog {
    Q_OBJECT
public:
    MessageDialog(const QString &title, const QStringList &texts, QWidget *parent = nullptr);
    QString text() const;
    /// The QR code as shown now (tests import it through the same path as a camera frame).
    QImage qrImage() const;
    /// True when the code is an animation of several parts.
    bool isAnimated() const;
    /// The number of fragments of the animation (1 when still).
    int partCount() const;
    /// The text of the code shown now ("UR:CRYPTO-PSBT/3-8/…" or the message).
    QString currentCode() const;
    QrMessageView *codeView() const { return m_view; }

Q_SIGNALS:
    /// A new frame of the animation is shown (its sequence number).
    void frameShown(int seqNum);

private:
    QStringList m_texts;
    QrMessageView *m_view;
    QPlainTextEdit *m_edit;
};

} // namespace spillway::ui
