#include "FileProvider.h"

#include "Framing.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace spillway::transport {

namespace {
/// A catalogue page stays this far below one frame (the JSON around the entries).
constexpr qsizetype kPageBudget = kMaxFrame - 4096;
} // namespace

QString chunkHashesRoot(const QList<QByteArray> &hashes)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const auto &c : hashes)
        h.addData(c);
    return QString::fromLatin1(h.result().toHex());
}

FileProvider::FileProvider(QString dir, qint64 chunkSize, qint64 pricePerMiB)
    : m_dir(std::move(dir)), m_chunkSize(chunkSize), m_pricePerMiB(pricePerMiB)
{
}

Status FileProvider::scan()
{
    m_entries.clear();
    m_pages.clear();
    QDir d(m_dir);
    if (!d.exists())
        return makeError(ErrorCode::InvalidArgument, "no directory " + m_dir.toStdString());
    if (m_chunkSize <= 0)
        return makeError(ErrorCode::InvalidArgument, "the chunk size must be positive");
    for (const QFileInfo &fi : d.entryInfoList(QDir::Files, QDir::Name)) {
        QFile f(fi.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash whole(QCryptographicHash::Sha256);
        CatalogEntry e;
        e.name = fi.fileName();
        e.size = fi.size();
        e.chunkSize = m_chunkSize;
        // Price per chunk from the price per MiB, rounded up to a whole satoshi.
        e.pricePerChunk = (m_pricePerMiB * m_chunkSize + (1 << 20) - 1) >> 20;
        for (qint64 i = 0; i < e.chunks(); ++i) {
            const QByteArray piece = f.read(e.chunkLength(i));
            whole.addData(piece);
            e.chunkHashes.append(QCryptographicHash::hash(piece, QCryptographicHash::Sha256));
        }
        e.sha256 = QString::fromLatin1(whole.result().toHex());
        e.chunkHashesRoot = chunkHashesRoot(e.chunkHashes);
        m_entries.append(e);
    }
    // Pages: as many entries as fit well within one frame.
    int first = 0;
    qsizetype used = 0;
    for (int i = 0; i < m_entries.size(); ++i) {
        const qsizetype len = QJsonDocument(toJson(m_entries[i])).toJson(QJsonDocument::Compact).size() + 1;
        if (i > first && used + len > kPageBudget) {
            m_pages.emplace_back(first, i);
            first = i;
            used = 0;
        }
        used += len;
    }
    m_pages.emplace_back(first, static_cast<int>(m_entries.size()));
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

QJsonObject FileProvider::catalogPage(int page) const
{
    QJsonArray files;
    if (page >= 0 && page < catalogPages())
        for (int i = m_pages[page].first; i < m_pages[page].second; ++i)
            files.append(toJson(m_entries[i]));
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("page"), page}, {QStringLiteral("pages"), catalogPages()}};
}

QJsonObject FileProvider::toJson(const CatalogEntry &e)
{
    return QJsonObject{{QStringLiteral("name"), e.name},
                       {QStringLiteral("size"), e.size},
                       {QStringLiteral("chunk_size"), e.chunkSize},
                       {QStringLiteral("price_per_chunk_sat"), e.pricePerChunk},
                       {QStringLiteral("sha256"), e.sha256},
                       {QStringLiteral("chunk_hashes_root"), e.chunkHashesRoot}};
}

QJsonArray FileProvider::toJson(const QList<CatalogEntry> &entries)
{
    QJsonArray a;
    for (const auto &e : entries)
        a.append(toJson(e));
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
        e.chunkHashesRoot = o.value(QLatin1String("chunk_hashes_root")).toString();
        // Nonsense is left out: a negative price or size, a chunk count beyond reason.
        if (e.chunkSize > 0 && e.size >= 0 && e.pricePerChunk >= 0 && e.chunks() <= (1 << 24) && !e.name.isEmpty() &&
            e.pricePerChunk <= 2'100'000'000'000'000LL / std::max<qint64>(e.chunks(), 1))
            out.append(e);
    }
    return out;
}

} // namespace spillway::transport
