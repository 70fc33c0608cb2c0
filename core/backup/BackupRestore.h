#pragma once
// A wallet restored from its recovery phrase and a backup (docs/backup.md,
// "Restoring"): `spillway-cli wallet restore --backup`, and the place a GUI's
// first-run dialog would call.

#include "BackupStores.h"
#include "chain/ChainBackend.h"

#include <string_view>

namespace spillway::backup {

struct RestoreResult {
    int64_t backupWritten = 0;  ///< when the backup was made (seconds since the epoch)
    ImportSummary imported;
    QString folder;             ///< where backups carry on (the file's folder), empty if not writable
};

/// Opens `backupFile` with the phrase before anything is written (a damaged file,
/// another phrase's backup or another network's changes nothing), puts its
/// channels, offers and purchases into `dataDir`'s stores, then restores the
/// wallet (seed into the keychain) and keeps backing up in the file's folder.
/// Blocking (keychain, chain): not on a GUI thread. The caller runs the watcher.
Result<RestoreResult> restoreWallet(const QString &dataDir, chain::ChainBackend &chain, std::string_view phrase, int birthHeight,
                                    const QString &backupFile);

} // namespace spillway::backup
