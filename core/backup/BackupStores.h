#pragma once
// Between the stores and a backup: the snapshot a writer takes of the channel
// store (channels, offers) and the purchase ledger, and the import a restore
// makes of a backup into fresh stores.

#include "BackupFile.h"

namespace spillway::backup {

/// Everything a restore needs, as the stores hold it now. `purchases` and `labels`
/// may be null (a payer never sold anything; nothing was ever labelled).
Result<BackupContents> snapshot(store::ChannelStore &channels, store::PurchaseStore *purchases, store::LabelStore *labels,
                                bitcoin::NetworkId net);

struct ImportSummary {
    int channels = 0;   ///< put back
    int offers = 0;
    int purchases = 0;
    int labels = 0;
    int kept = 0;       ///< already in the store (a restore run again): left as they are
};

/// Puts a backup's channels, offers, purchases and labels into the stores. Running it
/// again adds nothing twice. A channel comes back in its stored state; the
/// watcher then catches up with the chain (a channel closed meanwhile is seen closed).
Result<ImportSummary> importContents(const BackupContents &c, store::ChannelStore &channels, store::PurchaseStore &purchases,
                                     store::LabelStore &labels);

/// Reads and opens a backup file (BACKUP_* errors say why it is refused).
Result<BackupContents> readBackupFile(const QString &path, const BackupKey &key);

} // namespace spillway::backup
