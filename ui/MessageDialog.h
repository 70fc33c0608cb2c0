#pragma once
// Shows messages for the other side: a QR code (upper case, alphanumeric mode),
// the text, and buttons to copy or save it as a .spw file.

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace spillway::ui {

class MessageDialog : public QDialog {
    Q_OBJECT
public:
    MessageDialog(const QString &title, const QStringList &texts, QWidget *parent = nullptr);
    QString text() const;
    /// The QR code as shown (tests import it through the same path as a camera frame).
    QImage qrImage() const;

private:
    QStringList m_texts;
    QLabel *m_qr;
    QPlainTextEdit *m_edit;
};

} // namespace spillway::ui
