#define ZX_USE_UTF8 1
#include "QrCode.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

namespace spillway::ui {

QImage renderQrCode(const QString &text, int scale)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setEccLevel(4); // zxing-cpp maps 3..4 to level M
    writer.setMargin(0);
    const ZXing::BitMatrix m = writer.encode(text.toStdString(), 0, 0);
    const int quiet = 4;
    const int size = (m.width() + 2 * quiet) * scale;
    QImage img(size, size, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x)
            if (m.get(x, y))
                for (int dy = 0; dy < scale; ++dy) {
                    uchar *line = img.scanLine((y + quiet) * scale + dy);
                    for (int dx = 0; dx < scale; ++dx)
                        line[(x + quiet) * scale + dx] = 0;
                }
    return img;
}

namespace {

std::optional<QString> decodeGray(const QImage &gray)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.bytesPerLine()));
    const ZXing::Result r = ZXing::ReadBarcode(view, hints);
    if (!r.isValid())
        return std::nullopt;
    return QString::fromStdString(r.text());
}

QStringList decodeAllGray(const QImage &gray)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.bytesPerLine()));
    QStringList out;
    for (const ZXing::Result &r : ZXing::ReadBarcodes(view, hints))
        if (r.isValid() && !out.contains(QString::fromStdString(r.text())))
            out << QString::fromStdString(r.text());
    return out;
}

} // namespace

QStringList decodeQrCodes(const QImage &image)
{
    if (image.isNull())
        return {};
    QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    QStringList found = decodeAllGray(gray);
    gray.invertPixels();
    for (const QString &t : decodeAllGray(gray))
        if (!found.contains(t))
            found << t;
    return found;
}

bool isCodeForSpillway(const QString &text)
{
    const QString t = text.trimmed();
    return t.startsWith(QLatin1String("spw1"), Qt::CaseInsensitive) || t.startsWith(QLatin1String("ur:"), Qt::CaseInsensitive) ||
           t.startsWith(QLatin1String("cHNidP8"));
}

std::optional<QString> decodeQrCode(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    if (auto t = decodeGray(gray))
        return t;
    // Light on dark (a dark-mode screen): zxing-cpp 1.4 has no option for inverted
    // codes, so the inverted image is read too.
    gray.invertPixels();
    return decodeGray(gray);
}

} // namespace spillway::ui
