#include "BackupWriter.h"

#include "BackupStores.h"
#include "wallet/Wallet.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace spillway::backup {

BackupWriter::BackupWriter(QString dataDir, bitcoin::NetworkId net, KeySource keys)
    : m_dataDir(std::move(dataDir)), m_network(net), m_keys(std::move(keys))
{
    m_thread = std::thread([this] { run(); });
}

BackupWriter::~BackupWriter()
{
    {
        std::lock_guard l(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void BackupWriter::attach(store::ChannelStore &store)
{
    store.setCommitObserver([this] { committed(); });
}

bool BackupWriter::ensureKey()
{
    if (m_key)
        return true;
    if (m_keyFailed)
        return false;
    // A stat, no read, while backups are off: this runs after every commit.
    if (!QFile::exists(BackupSettings::fileIn(m_dataDir)))
        return false;
    auto settings = BackupSettings::load(m_dataDir);
    if (!settings || !settings->enabled())
        return false;
    auto key = m_keys();
    std::lock_guard l(m_mutex);
    if (!key) {
        // Said once; backups stay off in this process rather than asking the keychain on every commit.
        m_keyFailed = true;
        m_last = key.error();
        if (m_onFailure)
            m_onFailure(key.error());
        return false;
    }
    m_key = std::make_unique<BackupKey>(std::move(*key));
    return true;
}

void BackupWriter::committed()
{
    if (!ensureKey())
        return;
    std::unique_lock l(m_mutex);
    const uint64_t asked = ++m_requested;
    m_cv.notify_all();
    // The lag bound: the previous commit's backup is on disk before this one returns.
    m_cv.wait(l, [&] { return m_done + 1 >= asked; });
}

Status BackupWriter::writeNow()
{
    m_keyFailed = false; // asked for explicitly: the keychain is asked again
    if (!ensureKey()) {
        std::lock_guard l(m_mutex);
        if (!m_last.ok())
            return m_last;
        return makeError(ErrorCode::BackupFailed, "no backup folder is set (spillway-cli backup folder DIR)");
    }
    std::unique_lock l(m_mutex);
    const uint64_t asked = ++m_requested;
    m_cv.notify_all();
    m_cv.wait(l, [&] { return m_done >= asked; });
    return m_last;
}

Status BackupWriter::lastStatus() const
{
    std::lock_guard l(m_mutex);
    return m_last;
}

int BackupWriter::written() const
{
    std::lock_guard l(m_mutex);
    return m_written;
}

uint64_t BackupWriter::commits() const
{
    std::lock_guard l(m_mutex);
    return m_requested;
}

void BackupWriter::setFailureObserver(std::function<void(const Error &)> observer)
{
    std::lock_guard l(m_mutex);
    m_onFailure = std::move(observer);
}

void BackupWriter::run()
{
    std::unique_lock l(m_mutex);
    while (true) {
        m_cv.wait(l, [&] { return m_stop || m_requested > m_done; });
        if (m_requested > m_done) {
            // Whatever was asked for until now is covered by one write: it reads the store after them.
            const uint64_t covering = m_requested;
            l.unlock();
            const Status st = writeOnce();
            l.lock();
            m_done = covering;
            const bool wasOk = m_last.ok();
            m_last = st;
            if (st.ok() && m_wroteFile)
                ++m_written;
            else if (wasOk && m_onFailure)
                m_onFailure(st.error());
            m_cv.notify_all();
            continue;
        }
        if (m_stop)
            break;
    }
    l.unlock();
    // The stores' connections belong to this thread: closed here.
    m_channels.reset();
    m_purchases.reset();
    m_labels.reset();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

Status BackupWriter::writeOnce()
{
    m_wroteFile = false;
    const QFileInfo info(BackupSettings::fileIn(m_dataDir));
    if (!info.exists())
        return {};
    if (info.lastModified() != m_settingsTime || !m_settingsTime.isValid()) {
        auto loaded = BackupSettings::load(m_dataDir);
        if (!loaded)
            return loaded.error();
        m_settings = *loaded;
        m_settingsTime = info.lastModified();
    }
    const BackupSettings *settings = &m_settings;
    if (!settings->enabled() || !m_key)
        return {};
    if (m_lockFd < 0) {
        m_lockFd = ::open(QFile::encodeName(QDir(m_dataDir).filePath(QStringLiteral("backup.lock"))).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_lockFd < 0)
            return makeError(ErrorCode::BackupFailed, "cannot open the backup lock in " + m_dataDir.toStdString());
    }
    // One process at a time reads the store and replaces the file, so the newest
    // snapshot is the one left in place.
    while (::flock(m_lockFd, LOCK_EX) != 0) {
        if (errno != EINTR)
            return makeError(ErrorCode::BackupFailed, "cannot lock the backup");
    }
    struct Unlock {
        int fd;
        ~Unlock() { ::flock(fd, LOCK_UN); }
    } unlock{m_lockFd};
    if (!m_channels) {
        m_channels = std::make_unique<store::ChannelStore>();
        if (const Status st = m_channels->open(m_dataDir); !st.ok()) {
            m_channels.reset();
            return st;
        }
    }
    if (!m_purchases && QFile::exists(store::PurchaseStore::fileIn(m_dataDir))) {
        m_purchases = std::make_unique<store::PurchaseStore>();
        if (const Status st = m_purchases->open(m_dataDir); !st.ok()) {
            m_purchases.reset();
            return st;
        }
    }
    if (!m_labels && QFile::exists(store::LabelStore::fileIn(m_dataDir))) {
        m_labels = std::make_unique<store::LabelStore>();
        if (const Status st = m_labels->open(m_dataDir); !st.ok()) {
            m_labels.reset();
            return st;
        }
    }
    auto contents = snapshot(*m_channels, m_purchases.get(), m_labels.get(), m_network);
    if (!contents)
        return contents.error();
    auto sealed = sealContents(*m_key, *contents);
    if (!sealed)
        return sealed.error();
    SPW_TRY(writeFileAtomically(QDir(settings->folder).filePath(m_key->fileName(m_network)), *sealed, false));
    m_wroteFile = true;
    return {};
}

Result<BackupKey> backupKeyOf(wallet::Wallet &wallet)
{
    auto k = wallet.channelKey(kBackupKeyIndex);
    if (!k)
        return k.error();
    return BackupKey::fromSecret(k->bytes());
}

} // namespace spillway::backup
