#pragma once
// Shows messages for the other side: a QR code, the text, and buttons to copy or
// save it. One message that fits a code is drawn as its text, upper case
// (alphanumeric mode). Anything bigger (several messages, a PSBT) becomes a BC-UR
// animation: ur:bytes for Spillway's messages (protocol.md "Animated QR codes"),
// ur:crypto-psbt for PSBTs, its fountain parts shown one after another with a counter.

#include <QDialog>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace spillway::ur {
class UrEncoder;
}

namespace spillway::ui {

class MessageDialog : public QDialog {
    Q_OBJECT
public:
    MessageDialog(const QString &title, const QStringList &texts, QWidget *parent = nullptr);
    ~MessageDialog() override;
    QString text() const;
    /// The QR code as shown now (tests import it through the same path as a camera frame).
    QImage qrImage() const;
    /// True when the code is an animation of several parts.
    bool isAnimated() const;
    /// The number of fragments of the animation (1 when still).
    int partCount() const;
    /// The text of the code shown now ("UR:CRYPTO-PSBT/3-8/…" or the message).
    QString currentCode() const { return m_code; }

    /// Milliseconds between frames.
    static constexpr int kFrameIntervalMs = 250;
    /// Bytes of the message per frame: about a version-13 QR code at level M.
    static constexpr size_t kFragmentBytes = 200;
    /// A single message longer than this (text form) is animated too.
    static constexpr int kMaxStillChars = 1200;

Q_SIGNALS:
    /// A new frame of the animation is shown (its sequence number).
    void frameShown(int seqNum);

private:
    void showNextFrame();
    QStringList m_texts;
    QLabel *m_qr;
    QLabel *m_counter;
    QPlainTextEdit *m_edit;
    QTimer *m_timer = nullptr;
    std::unique_ptr<ur::UrEncoder> m_encoder;
    QString m_code;
};

} // namespace spillway::ui
