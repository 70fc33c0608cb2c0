#pragma once
// Imports a message or a PSBT: paste it, open a .spw/.psbt file, read a QR code
// from an image file, the clipboard, the screen or a camera, or drop a file.
// Animated codes (BC-UR: ur:bytes with Spillway's messages, ur:crypto-psbt or
// ur:psbt) are reassembled from their frames in any order, with progress shown.

#include <QDialog>

#include <memory>

class QPlainTextEdit;
class QLabel;
class QProgressBar;

namespace spillway::ur {
class UrDecoder;
}

namespace spillway::ui {

class QrFrameReader;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QString &title, QWidget *parent = nullptr);
    ~ImportDialog() override;
    /// What to import: the messages (one per line) or the PSBT (base64). Pasted or
    /// loaded UR lines are reassembled here too.
    QString text() const;
    /// An image (a screen grab, a file, a camera frame) whose QR code is read.
    /// True if a code was found and taken (a part of an animated code counts).
    bool importImage(const QImage &image);
    bool importFile(const QString &path);
    /// A code's text as scanned: a message, a PSBT, or one part of an animated UR.
    bool acceptCode(const QString &code);
    /// The camera's decoder: the QVideoSink's frames go here.
    QrFrameReader *frameReader() const { return m_reader; }
    /// 0..100 while an animated code is being read.
    int animatedProgress() const;

Q_SIGNALS:
    /// A whole message, PSBT or animated code was read.
    void codeComplete();

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    void startCamera();
    void resetAnimated();
    void finishAnimated();
    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QProgressBar *m_progress;
    QrFrameReader *m_reader;
    std::unique_ptr<ur::UrDecoder> m_ur;
    QString m_lastCode;
};

} // namespace spillway::ui
