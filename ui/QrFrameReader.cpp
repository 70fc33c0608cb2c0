#include "QrFrameReader.h"
#include "QrCode.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QImage>
#include <QThread>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QtConcurrent>

#include <cstring>

namespace spillway::ui {

QrFrameReader::QrFrameReader(QObject *parent) : QObject(parent) {}

QImage QrFrameReader::lumaOf(const QVideoFrame &frame)
{
    QVideoFrame f(frame);
    if (!f.isValid() || !f.map(QVideoFrame::ReadOnly))
        return {};
    const int w = f.width(), h = f.height();
    QImage out;
    switch (f.pixelFormat()) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8: {
        // The first plane is the luma: exactly the grey image a QR reader wants.
        out = QImage(w, h, QImage::Format_Grayscale8);
        const uchar *src = f.bits(0);
        const int stride = f.bytesPerLine(0);
        for (int y = 0; y < h; ++y)
            std::memcpy(out.scanLine(y), src + static_cast<qsizetype>(y) * stride, static_cast<size_t>(w));
        break;
    }
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_UYVY: {
        const int first = f.pixelFormat() == QVideoFrameFormat::Format_YUYV ? 0 : 1;
        out = QImage(w, h, QImage::Format_Grayscale8);
        const uchar *src = f.bits(0);
        const int stride = f.bytesPerLine(0);
        for (int y = 0; y < h; ++y) {
            const uchar *line = src + static_cast<qsizetype>(y) * stride + first;
            uchar *dst = out.scanLine(y);
            for (int x = 0; x < w; ++x)
                dst[x] = line[2 * x];
        }
        break;
    }
    default: {
        const QImage::Format fmt = QVideoFrameFormat::imageFormatFromPixelFormat(f.pixelFormat());
        if (fmt != QImage::Format_Invalid) {
            out = QImage(f.bits(0), w, h, f.bytesPerLine(0), fmt).convertToFormat(QImage::Format_Grayscale8);
        } else {
            f.unmap();
            return frame.toImage().convertToFormat(QImage::Format_Grayscale8);
        }
    }
    }
    f.unmap();
    return out;
}

template <typename F>
bool QrFrameReader::start(F grey)
{
    if (m_busy)
        return false;
    m_busy = true;
    QThread *gui = QCoreApplication::instance() ? QCoreApplication::instance()->thread() : nullptr;
    // A watcher owned by the reader, not QFuture::then: Qt 6.4's continuations with
    // a context object crash now and then when the returned future is dropped.
    using Found = std::pair<QStringList, bool>;
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Found r = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_offGuiThread = m_offGuiThread && r.second;
        Q_EMIT frameSearched(!r.first.isEmpty());
        for (const QString &code : r.first)
            Q_EMIT codeRead(code);
    });
    watcher->setFuture(QtConcurrent::run([grey, gui] {
        const bool off = QThread::currentThread() != gui;
        return Found(decodeQrCodes(grey()), off);
    }));
    return true;
}

bool QrFrameReader::offerFrame(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return false;
    return start([frame] { return lumaOf(frame); });
}

bool QrFrameReader::offerImage(const QImage &image)
{
    if (image.isNull())
        return false;
    return start([image] { return image; });
}

} // namespace spillway::ui
