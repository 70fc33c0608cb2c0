#pragma once
// Where a wallet's backups go: a folder the user chose, kept per data directory
// in <datadir>/backup.json so that the GUI's Settings, `spillway-cli backup`
// and every process sharing the data directory see the same choice.

#include "common/Bytes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace spillway::backup {

struct BackupSettings {
    QString folder;   ///< absolute; empty: backups are off
    QString fileName; ///< this wallet's file in the folder (BackupKey::fileName)

    bool enabled() const { return !folder.isEmpty(); }
    QString path() const;

    static QString fileIn(const QString &dataDir);
    /// No settings file: backups off.
    static Result<BackupSettings> load(const QString &dataDir);
    /// Written atomically (write, fsync, rename).
    Status save(const QString &dataDir) const;
};

/// What the status bar and `backup folder --json` show.
struct BackupStatus {
    BackupSettings settings;
    std::optional<QDateTime> lastWritten; ///< the backup file's modification time
    bool folderWritable = false;
};
BackupStatus backupStatus(const QString &dataDir);

/// Whether a file can be created in `folder` (tried for real, then removed).
Status checkFolderWritable(const QString &folder);

/// Writes `data` to `path` atomically: a temporary file beside it, fsync, rename
/// over the old one (and, with `syncDirectory`, an fsync of the folder so the
/// rename itself is durable). A reader sees the old file or the new one, never a mix.
Status writeFileAtomically(const QString &path, ByteView data, bool syncDirectory);

} // namespace spillway::backup
