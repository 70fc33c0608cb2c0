#include "BackupRestore.h"

#include "BackupSettings.h"
#include "bitcoin/Bip39.h"
#include "wallet/Wallet.h"

#include <QFileInfo>

namespace spillway::backup {

Result<RestoreResult> restoreWallet(const QString &dataDir, chain::ChainBackend &chain, std::string_view phrase, int birthHeight,
                                    const QString &backupFile)
{
    if (wallet::Wallet::exists(dataDir))
        return makeError(ErrorCode::WalletExists, dataDir.toStdString());
    auto entropy = bitcoin::mnemonicToEntropy(phrase);
    if (!entropy)
        return entropy.error();
    auto key = BackupKey::fromSeed(bitcoin::mnemonicToSeed(phrase).view(), chain.network());
    if (!key)
        return key.error();
    auto contents = readBackupFile(backupFile, *key);
    if (!contents)
        return contents.error();
    if (contents->network != chain.network().id)
        return makeError(ErrorCode::WrongNetwork, "the backup is for " + std::string(bitcoin::network(contents->network).name));

    RestoreResult out;
    out.backupWritten = contents->written;
    {
        store::ChannelStore channels;
        store::PurchaseStore purchases;
        store::LabelStore labels;
        SPW_TRY(channels.open(dataDir));
        SPW_TRY(purchases.open(dataDir));
        SPW_TRY(labels.open(dataDir));
        auto imported = importContents(*contents, channels, purchases, labels);
        if (!imported)
            return imported.error();
        out.imported = *imported;
    }
    SPW_TRY(wallet::Wallet::restore(dataDir, chain, phrase, {}, birthHeight));
    const QString folder = QFileInfo(backupFile).absolutePath();
    if (checkFolderWritable(folder).ok() && BackupSettings{folder, key->fileName(chain.network().id)}.save(dataDir).ok())
        out.folder = folder;
    return out;
}

} // namespace spillway::backup
