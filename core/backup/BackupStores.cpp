#include "BackupStores.h"

#include <QDateTime>
#include <QFile>

namespace spillway::backup {

Result<BackupContents> snapshot(store::ChannelStore &channels, store::PurchaseStore *purchases, store::LabelStore *labels,
                                bitcoin::NetworkId net)
{
    BackupContents c;
    c.network = net;
    c.written = QDateTime::currentSecsSinceEpoch();
    auto all = channels.all();
    if (!all)
        return all.error();
    c.channels = std::move(*all);
    auto offers = channels.offers();
    if (!offers)
        return offers.error();
    c.offers = std::move(*offers);
    if (purchases) {
        auto p = purchases->all();
        if (!p)
            return p.error();
        c.purchases = std::move(*p);
    }
    if (labels) {
        auto l = labels->everything();
        if (!l)
            return l.error();
        c.labels = std::move(*l);
    }
    return c;
}

Result<ImportSummary> importContents(const BackupContents &c, store::ChannelStore &channels, store::PurchaseStore &purchases,
                                     store::LabelStore &labels)
{
    ImportSummary s;
    for (const auto &offer : c.offers) {
        auto there = channels.offerForKey(offer.offer.payeePub);
        if (!there)
            return there.error();
        if (*there)
            continue;
        SPW_TRY(channels.insertOffer(offer));
        ++s.offers;
    }
    for (store::ChannelRecord rec : c.channels) {
        auto there = channels.find(rec.id());
        if (!there)
            return there.error();
        if (*there) {
            ++s.kept;
            continue;
        }
        SPW_TRY(channels.insert(rec));
        // The newest payment goes to the payment log too (what `channel show` lists).
        const bool payer = rec.role == store::ChannelRole::Payer;
        if ((payer ? rec.signedSeq : rec.seq) > 0) {
            rec.version = 0;
            SPW_TRY(channels.update(rec, true));
        }
        ++s.channels;
    }
    for (const auto &p : c.purchases) {
        auto added = purchases.restore(p);
        if (!added)
            return added.error();
        s.purchases += *added ? 1 : 0;
    }
    for (const auto &l : c.labels) {
        auto added = labels.restore(l);
        if (!added)
            return added.error();
        s.labels += *added ? 1 : 0;
    }
    return s;
}

Result<BackupContents> readBackupFile(const QString &path, const BackupKey &key)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidArgument, "cannot read " + path.toStdString());
    if (f.size() > kMaxBackupFileSize)
        return makeError(ErrorCode::BackupUnsupported, path.toStdString() + " is far larger than any backup");
    const QByteArray data = f.readAll();
    auto c = openContents(key, ByteView(reinterpret_cast<const uint8_t *>(data.constData()), static_cast<size_t>(data.size())));
    if (!c)
        return makeError(c.error().code, path.toStdString() + ": " + c.error().context);
    return c;
}

} // namespace spillway::backup
