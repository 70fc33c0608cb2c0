#include "FileProvider.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>

namespace spillway::transport {

FileProvider::FileProvider(QString dir, qint64 chunkSize, qint64 pricePerMiB)
    : m_dir(std::move(dir)), m_chunkSize(chunkSize), m_pricePerMiB(pricePerMiB)
{
}

Status FileProvider::scan()
{
    m_entries.clear();
    QDir d(m_dir);
    if (!d.exists())
        return makeError(ErrorCode::InvalidArgument, "no directory " + m_dir.toStdString());
    for (const QFileInfo &fi : d.entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        CatalogEntry e;
        e.name = fi.fileName();
        e.size = fi.size();
        e.chunkSize = m_chunkSize;
        // Price per chunk from the price per MiB, rounded up to a whole satoshi.
        e.pricePerChunk = (m_pricePerMiB * m_chunkSize + (1 << 20) - 1) >> 20;
        e.sha256 = QString::fromLatin1(h.result().toHex());
        m_entries.append(e);
    }
    return {};
}

std::optional<CatalogEntry> FileProvider::entry(const QString &name) const
{
    for (const auto &e : m_entries)
        if (e.name == name)
            return e;
    return std::nullopt;
}

Result<QByteArray> FileProvider::chunk(const QString &name, qint64 index) const
{
    auto e = entry(name);
    if (!e || index < 0 || index >= e->chunks())
        return makeError(ErrorCode::NotFound, "no such chunk");
    QFile f(QDir(m_dir).filePath(name));
    if (!f.open(QIODevice::ReadOnly) || !f.seek(index * e->chunkSize))
        return makeError(ErrorCode::StorageFailed, "cannot read " + name.toStdString());
    return f.read(e->chunkSize);
}

QJsonArray FileProvider::toJson(const QList<CatalogEntry> &entries)
{
    QJsonArray a;
    for (const auto &e : entries)
        a.append(QJsonObject{{QStringLiteral("name"), e.name},
                             {QStringLiteral("size"), e.size},
                             {QStringLiteral("chunk_size"), e.chunkSize},
                             {QStringLiteral("price_per_chunk_sat"), e.pricePerChunk},
                             {QStringLiteral("sha256"), e.sha256}});
    return a;
}

QList<CatalogEntry> FileProvider::fromJson(const QJsonArray &array)
{
    QList<CatalogEntry> out;
    for (const auto &v : array) {
        const QJsonObject o = v.toObject();
        CatalogEntry e;
        e.name = o.value(QLatin1String("name")).toString();
        e.size = o.value(QLatin1String("size")).toInteger();
        e.chunkSize = o.value(QLatin1String("chunk_size")).toInteger();
        e.pricePerChunk = o.value(QLatin1String("price_per_chunk_sat")).toInteger();
        e.sha256 = o.value(QLatin1String("sha256")).toString();
        if (e.chunkSize > 0 && e.size >= 0)
            out.append(e);
    }
    return out;
}

} // namespace spillway::transport
