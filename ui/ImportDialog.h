#pragma once
// Imports a message or a PSBT: paste it, open a .spw/.psbt file, read a QR code
// from an image file, the clipboard, the screen or a camera, or drop a file.

#include <QDialog>

class QPlainTextEdit;
class QLabel;

namespace spillway::ui {

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QString &title, QWidget *parent = nullptr);
    QString text() const;
    /// The camera's path: a frame (or any image) whose QR code becomes the text.
    bool importImage(const QImage &image);
    bool importFile(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    void startCamera();
    QPlainTextEdit *m_edit;
    QLabel *m_status;
};

} // namespace spillway::ui
