#pragma once
// Continuous backups (docs/backup.md): after each durable commit of the channel
// store, the writer's own thread writes the store as it is then, encrypted, to
// the wallet's backup folder (write, fsync, rename). Commits do not wait for
// their own backup: a commit returns once the backup of the commit before it is
// written, so a backup lags the store by at most one (group) commit while the
// payment path overlaps the two fsyncs. Several processes sharing a data
// directory take turns through a lock file in it, each writing the newest state.

#include "BackupFile.h"
#include "BackupSettings.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace spillway::wallet {
class Wallet;
}

namespace spillway::backup {

class BackupWriter {
public:
    /// Where the key comes from (the wallet's keychain seed): asked once, on the
    /// thread that commits, the first time a backup folder is set.
    using KeySource = std::function<Result<BackupKey>()>;

    BackupWriter(QString dataDir, bitcoin::NetworkId net, KeySource keys);
    /// Writes what is still owed (the newest commit), then stops.
    ~BackupWriter();
    BackupWriter(const BackupWriter &) = delete;
    BackupWriter &operator=(const BackupWriter &) = delete;

    /// Observes `store`: every commit calls committed().
    void attach(store::ChannelStore &store);
    /// After a durable commit: asks for a backup and waits until the one asked for
    /// by the previous commit is written. Nothing when no folder is set.
    void committed();
    /// Writes a backup of the store as it is now and waits for it.
    Status writeNow();
    /// The newest write's outcome (ok before any).
    Status lastStatus() const;
    /// Backups written by this writer (tests and the bench count them).
    int written() const;
    /// Commits it was told of while a folder was set.
    uint64_t commits() const;
    /// Told when a write fails after one that did not (once per failing spell, not
    /// on every commit), on the writer's thread (the GUI notifies, the CLI prints).
    void setFailureObserver(std::function<void(const Error &)> observer);

private:
    bool ensureKey();
    void run();
    Status writeOnce();

    const QString m_dataDir;
    const bitcoin::NetworkId m_network;
    KeySource m_keys;
    std::unique_ptr<BackupKey> m_key;        ///< set once, then only read
    bool m_keyFailed = false;

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    uint64_t m_requested = 0;  ///< commits asked for
    uint64_t m_done = 0;       ///< the newest request a finished write covered
    bool m_stop = false;
    Status m_last;
    int m_written = 0;
    std::function<void(const Error &)> m_onFailure;

    // The writer thread's own: stores opened on it, the lock file, the settings as
    // last read (read again only when the file's modification time moves).
    BackupSettings m_settings;
    bool m_wroteFile = false;
    QDateTime m_settingsTime;
    std::unique_ptr<store::ChannelStore> m_channels;
    std::unique_ptr<store::PurchaseStore> m_purchases;
    std::unique_ptr<store::LabelStore> m_labels; ///< opened once labels.sqlite exists
    int m_lockFd = -1;
    std::thread m_thread;
};

/// The wallet's backup key: from its keychain seed at m/7377'/coin'/kBackupKeyIndex'.
Result<BackupKey> backupKeyOf(wallet::Wallet &wallet);

} // namespace spillway::backup
