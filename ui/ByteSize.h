#pragma once
// File sizes in the unit that suits them: 512 B, 3.4 KiB, 12.0 MiB, 1.5 GiB
// (powers of 1024; the number through the user's QLocale).

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace spillway::ui {

class ByteSize {
    Q_DECLARE_TR_FUNCTIONS(spillway::ui::ByteSize)
public:
    static QString format(qint64 bytes, const QLocale &locale = QLocale());
    /// A rate: "3.4 MiB/s".
    static QString formatRate(double bytesPerSecond, const QLocale &locale = QLocale());
};

} // namespace spillway::ui
