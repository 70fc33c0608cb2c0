#pragma once
// The camera's path: each QVideoFrame a QVideoSink delivers is turned into a
// grey image (the luma plane where the frame has one) and searched for a QR code
// on a worker thread, one frame at a time; frames that arrive meanwhile are
// dropped, as a camera outruns any decoder.

#include <QObject>
#include <QString>

class QImage;
class QVideoFrame;

namespace spillway::ui {

class QrFrameReader : public QObject {
    Q_OBJECT
public:
    explicit QrFrameReader(QObject *parent = nullptr);
    /// Starts decoding `frame` unless one is being decoded; false if dropped.
    bool offerFrame(const QVideoFrame &frame);
    /// The same for an image (a screen region grabbed on a timer).
    bool offerImage(const QImage &image);
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// True if every frame decoded so far was decoded off the GUI thread.
    [[nodiscard]] bool decodedOffGuiThread() const { return m_offGuiThread; }
    /// A grey image of the frame: its Y plane (YUV formats) or its RGB converted.
    static QImage lumaOf(const QVideoFrame &frame);

Q_SIGNALS:
    /// A code was found in a frame (repeats included: the receiver filters). A
    /// frame with several codes gives one signal each.
    void codeRead(const QString &text);
    /// A frame was searched (found or not).
    void frameSearched(bool found);

private:
    template <typename F>
    bool start(F grey);
    bool m_busy = false;
    bool m_offGuiThread = true;
};

} // namespace spillway::ui
