#pragma once
// QR codes through ZXing-cpp: protocol messages are drawn upper case so the code
// uses alphanumeric mode, at error-correction level M.

#include <QImage>
#include <QString>

#include <optional>

namespace spillway::ui {

/// A black-on-white QR code of `text`, `scale` pixels per module, with a quiet zone.
QImage renderQrCode(const QString &text, int scale = 4);
/// The text of the first QR code found in `image` (a camera frame, a file, the screen),
/// dark on light or light on dark.
std::optional<QString> decodeQrCode(const QImage &image);

} // namespace spillway::ui
