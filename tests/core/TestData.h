#pragma once
// Helpers shared by the vector tests: load JSON from tests/data, hex, summaries.

#include "common/Bytes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <cstdio>

namespace spillway::test {

inline QJsonDocument loadJson(const char *name)
{
    QFile f(QStringLiteral(SPILLWAY_TEST_DATA "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", name);
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("cannot parse %s: %s", name, qPrintable(err.errorString()));
    return doc;
}

inline Bytes hex(const QString &s)
{
    auto r = fromHex(s.toStdString());
    if (!r)
        qFatal("bad hex in test data: %s", qPrintable(s));
    return *r;
}

inline QString qhex(ByteView b)
{
    return QString::fromStdString(toHex(b));
}

/// Counts the rows of one vector file and prints the summary line the issue asks for.
struct VectorTally {
    const char *file;
    int total = 0;   ///< non-skipped rows
    int passed = 0;
    int skipped = 0; ///< taproot rows
    void print() const
    {
        std::printf("vectors: %s %d/%d passed, %d skipped (taproot)\n", file, passed, total, skipped);
        std::fflush(stdout);
    }
};

} // namespace spillway::test
