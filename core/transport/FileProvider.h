#pragma once
// What a data provider sells: the files of one directory, in fixed-size chunks
// at a price per chunk (the seed's "1 for each 1 G").

#include "common/Bytes.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace spillway::transport {

struct CatalogEntry {
    QString name;
    qint64 size = 0;
    qint64 chunkSize = 0;
    qint64 pricePerChunk = 0;
    QString sha256;
    qint64 chunks() const { return (size + chunkSize - 1) / chunkSize; }
    /// What chunks 0..index cost together (payments are cumulative).
    qint64 priceThrough(qint64 index) const { return pricePerChunk * (index + 1); }
};

class FileProvider {
public:
    FileProvider(QString dir, qint64 chunkSize, qint64 pricePerMiB);
    /// Scans the directory (file hashes are computed once).
    Status scan();
    const QList<CatalogEntry> &catalog() const { return m_entries; }
    std::optional<CatalogEntry> entry(const QString &name) const;
    /// The bytes of chunk `index` of `name`.
    Result<QByteArray> chunk(const QString &name, qint64 index) const;
    static QJsonArray toJson(const QList<CatalogEntry> &entries);
    static QList<CatalogEntry> fromJson(const QJsonArray &array);

private:
    QString m_dir;
    qint64 m_chunkSize;
    qint64 m_pricePerMiB;
    QList<CatalogEntry> m_entries;
};

} // namespace spillway::transport
