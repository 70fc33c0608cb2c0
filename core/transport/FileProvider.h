#pragma once
// What a data provider sells: the files of one directory, in fixed-size chunks
// at a price per chunk (the seed's "1 for each 1 G"). Each chunk has its own
// SHA-256, so that a buyer checks every piece on arrival and pays ahead only
// for pieces that arrived intact (protocol.md "Paid data over a socket").

#include "common/Bytes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace spillway::transport {

struct CatalogEntry {
    QString name;
    qint64 size = 0;
    qint64 chunkSize = 0;
    qint64 pricePerChunk = 0;
    QString sha256;          ///< of the whole file, hex
    QString chunkHashesRoot; ///< SHA-256 of the chunks' SHA-256 hashes laid end to end, hex
    QList<QByteArray> chunkHashes; ///< 32 bytes each; the provider's own, or fetched and checked against the root
    qint64 chunks() const { return chunkSize > 0 ? (size + chunkSize - 1) / chunkSize : 0; }
    /// What chunks 0..index of one purchase cost together (payments are cumulative).
    qint64 priceThrough(qint64 index) const { return pricePerChunk * (index + 1); }
    /// The price of the whole file.
    qint64 totalPrice() const { return pricePerChunk * chunks(); }
    /// The length of chunk `index`.
    qint64 chunkLength(qint64 index) const { return std::min(chunkSize, size - index * chunkSize); }
};

/// The root of a list of chunk hashes (raw 32-byte hashes), hex.
QString chunkHashesRoot(const QList<QByteArray> &hashes);

class FileProvider {
public:
    FileProvider(QString dir, qint64 chunkSize, qint64 pricePerMiB);
    /// Scans the directory (file and chunk hashes are computed once).
    Status scan();
    const QList<CatalogEntry> &catalog() const { return m_entries; }
    std::optional<CatalogEntry> entry(const QString &name) const;
    /// The bytes of chunk `index` of `name`.
    Result<QByteArray> chunk(const QString &name, qint64 index) const;
    /// Catalogue page `page` as the Catalog frame carries it: {files, page, pages},
    /// each page well within one frame.
    QJsonObject catalogPage(int page) const;
    int catalogPages() const { return static_cast<int>(m_pages.size()); }
    static QJsonObject toJson(const CatalogEntry &entry);
    static QJsonArray toJson(const QList<CatalogEntry> &entries);
    static QList<CatalogEntry> fromJson(const QJsonArray &array);

private:
    QString m_dir;
    qint64 m_chunkSize;
    qint64 m_pricePerMiB;
    QList<CatalogEntry> m_entries;
    std::vector<std::pair<int, int>> m_pages; ///< [first, end) entry indices per page
};

} // namespace spillway::transport
