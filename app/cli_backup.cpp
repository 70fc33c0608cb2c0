// spillway-cli backup ... and wallet restore --backup (CliBackup.h).
#include "CliBackup.h"
#include "CliPassword.h"

#include "backup/BackupRestore.h"
#include "channel/ChannelEngine.h"
#include "wallet/Wallet.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace spillway::cli {

namespace {

int fail(const Error &e)
{
    std::fprintf(stderr, "%s\n", e.describe().c_str());
    return 1;
}

void printJson(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
}

QJsonValue timeJson(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(t->toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

int printStatus(const QString &dataDir, bool json)
{
    const backup::BackupStatus st = backup::backupStatus(dataDir);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("folder"), st.settings.folder},
                              {QStringLiteral("file"), st.settings.path()},
                              {QStringLiteral("last_written"), timeJson(st.lastWritten)},
                              {QStringLiteral("writable"), st.folderWritable}});
        return 0;
    }
    if (!st.settings.enabled()) {
        std::printf("no backup folder is set: spillway-cli backup folder DIR\n");
        return 0;
    }
    std::printf("folder: %s\nfile: %s\nlast written: %s\n%s", qPrintable(st.settings.folder), qPrintable(st.settings.path()),
                st.lastWritten ? qPrintable(st.lastWritten->toString(Qt::ISODate)) : "never",
                st.folderWritable ? "" : "warning: the folder is not writable: backups fail until it is\n");
    return 0;
}

} // namespace

std::unique_ptr<backup::BackupWriter> attachBackups(const QString &dataDir, wallet::Wallet &w, store::ChannelStore &store)
{
    auto writer = std::make_unique<backup::BackupWriter>(dataDir, w.network().id, [&w] { return backup::backupKeyOf(w); });
    writer->setFailureObserver([](const Error &e) { std::fprintf(stderr, "backup: %s\n", e.describe().c_str()); });
    writer->attach(store);
    return writer;
}

int backupCommand(const QString &dataDir, bool json, chain::ChainBackend &chain, const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("folder") && args.isEmpty())
        return printStatus(dataDir, json);
    auto opened = openWallet(dataDir, chain);
    if (!opened)
        return fail(opened.error());
    wallet::Wallet &w = **opened;
    if (sub == QLatin1String("off")) {
        if (const Status st = backup::BackupSettings{}.save(dataDir); !st.ok())
            return fail(st.error());
        return printStatus(dataDir, json);
    }
    if (sub == QLatin1String("folder")) {
        const QString folder = QDir(args[0]).absolutePath();
        QDir().mkpath(folder);
        if (const Status st = backup::checkFolderWritable(folder); !st.ok())
            return fail(st.error());
        auto key = backup::backupKeyOf(w);
        if (!key)
            return fail(key.error());
        const backup::BackupSettings settings{folder, key->fileName(w.network().id)};
        if (const Status st = settings.save(dataDir); !st.ok())
            return fail(st.error());
    } else if (sub != QLatin1String("now")) {
        std::fprintf(stderr, "INVALID_ARGUMENT: unknown backup command '%s'. See spillway-cli --help.\n", qPrintable(sub));
        return 2;
    }
    // Setting the folder writes the first backup at once; `backup now` writes one.
    store::ChannelStore channels;
    if (const Status st = channels.open(dataDir); !st.ok())
        return fail(st.error());
    backup::BackupWriter writer(dataDir, w.network().id, [&w] { return backup::backupKeyOf(w); });
    if (const Status st = writer.writeNow(); !st.ok())
        return fail(st.error());
    return printStatus(dataDir, json);
}

int restoreWithBackup(const QString &dataDir, bool json, chain::ChainBackend &chain, std::string_view phrase, int birthday,
                      const QString &backupFile)
{
    auto restored = backup::restoreWallet(dataDir, chain, phrase, birthday, backupFile);
    if (!restored)
        return fail(restored.error());
    auto w = openWallet(dataDir, chain);
    if (!w)
        return fail(w.error());
    if (const Status st = (*w)->sync(); !st.ok())
        return fail(st.error());
    store::ChannelStore channels;
    if (const Status st = channels.open(dataDir); !st.ok())
        return fail(st.error());
    auto backups = attachBackups(dataDir, **w, channels);
    // The watcher catches up with the chain: channels closed meanwhile are seen closed.
    channel::ChannelEngine engine(**w, chain, channels);
    auto events = engine.watch();
    if (!events)
        return fail(events.error());
    for (const auto &e : *events)
        std::fprintf(stderr, "channel %s: %s\n", e.channel.toString().c_str(), e.what.c_str());
    auto address = (*w)->newReceiveAddress();
    if (!address)
        return fail(address.error());
    const QDateTime written = QDateTime::fromSecsSinceEpoch(restored->backupWritten);
    const backup::ImportSummary &imported = restored->imported;
    if (json) {
        printJson(QJsonObject{{QStringLiteral("wallet_id"), (*w)->walletId()},
                              {QStringLiteral("address"), *address},
                              {QStringLiteral("data_dir"), dataDir},
                              {QStringLiteral("backup_written"), written.toUTC().toString(Qt::ISODate)},
                              {QStringLiteral("channels_restored"), imported.channels},
                              {QStringLiteral("offers_restored"), imported.offers},
                              {QStringLiteral("purchases_restored"), imported.purchases},
                              {QStringLiteral("labels_restored"), imported.labels},
                              {QStringLiteral("backup_folder"), restored->folder}});
    } else {
        std::printf("wallet %s restored with %d channel(s), %d offer(s) and %d purchase(s) from the backup of %s\n"
                    "receive address: %s\n",
                    qPrintable((*w)->walletId()), imported.channels, imported.offers, imported.purchases,
                    qPrintable(written.toString(Qt::ISODate)), qPrintable(*address));
        if (!restored->folder.isEmpty())
            std::printf("backups continue in %s\n", qPrintable(restored->folder));
    }
    return 0;
}

} // namespace spillway::cli
