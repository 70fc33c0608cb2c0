#pragma once
// QR codes through ZXing-cpp: protocol messages are drawn upper case so the code
// uses alphanumeric mode, at error-correction level M.

#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>

namespace spillway::ui {

/// A black-on-white QR code of `text`, `scale` pixels per module, with a quiet zone.
QImage renderQrCode(const QString &text, int scale = 4);
/// The text of the first QR code found in `image` (a camera frame, a file, the screen),
/// dark on light or light on dark.
std::optional<QString> decodeQrCode(const QImage &image);
/// Every QR code in `image` (a screen may show several), dark on light or light on dark.
QStringList decodeQrCodes(const QImage &image);
/// A Spillway message, a part of a UR, or a base64 PSBT (not an address, not a URL).
bool isCodeForSpillway(const QString &text);

} // namespace spillway::ui
