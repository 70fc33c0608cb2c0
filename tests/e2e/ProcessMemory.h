#pragma once
// Peak resident memory (VmHWM) of a process, for the tests that print it.

#include <QFile>
#include <QString>

namespace spillway::test {

/// In KiB; `pid` "self" for this process. -1 when it cannot be read.
inline qint64 peakKiB(const QString &pid = QStringLiteral("self"))
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace spillway::test
