#pragma once
// A QR code of messages for the other side, still or animated, with its part
// counter: what MessageDialog shows, and what a continuously scanning import
// window shows as its answer. One message that fits a code is drawn as its
// text, upper case (alphanumeric mode); anything bigger (several messages, a
// PSBT) becomes a BC-UR animation: ur:bytes for Spillway's messages (protocol.md
// "Animated QR codes"), ur:crypto-psbt for PSBTs, one fountain part a frame.

#include <QWidget>

#include <memory>

class QLabel;
class QTimer;

namespace spillway::ur {
class UrEncoder;
}

namespace spillway::ui {

class QrMessageView : public QWidget {
    Q_OBJECT
public:
    explicit QrMessageView(QWidget *parent = nullptr);
    ~QrMessageView() override;
    /// Shows `texts` (messages, one each, or one base64 PSBT); restarts any animation.
    void setMessages(const QStringList &texts);
    void clear();
    /// The QR code as shown now.
    QImage qrImage() const;
    bool isAnimated() const;
    /// Fragments of the animation (1 when still, 0 when nothing is shown).
    int partCount() const;
    /// The text of the code shown now ("UR:CRYPTO-PSBT/3-8/…" or the message).
    QString currentCode() const { return m_code; }
    /// True when the texts are a PSBT.
    bool isPsbt() const { return m_isPsbt; }

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
    void showCode(const QString &code);
    QLabel *m_qr;
    QLabel *m_counter;
    QTimer *m_timer;
    std::unique_ptr<ur::UrEncoder> m_encoder;
    QString m_code;
    bool m_isPsbt = false;
};

} // namespace spillway::ui
