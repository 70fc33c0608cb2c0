#include "BackupSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace spillway::backup {

namespace {

Status failed(const QString &what, int err)
{
    return makeError(ErrorCode::BackupFailed, what.toStdString() + ": " + std::strerror(err));
}

} // namespace

QString BackupSettings::path() const
{
    return folder.isEmpty() || fileName.isEmpty() ? QString() : QDir(folder).filePath(fileName);
}

QString BackupSettings::fileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("backup.json"));
}

Result<BackupSettings> BackupSettings::load(const QString &dataDir)
{
    QFile f(fileIn(dataDir));
    if (!f.exists())
        return BackupSettings{};
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::StorageFailed, "cannot read " + f.fileName().toStdString());
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(64 * 1024), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::StorageFailed, f.fileName().toStdString() + " is not valid JSON");
    const QJsonObject o = doc.object();
    BackupSettings s;
    s.folder = o.value(QLatin1String("folder")).toString();
    s.fileName = o.value(QLatin1String("file")).toString();
    // Only a plain name: the file stays inside the folder the user chose.
    if (s.fileName.contains(QLatin1Char('/')) || s.fileName.startsWith(QLatin1Char('.')))
        s.fileName.clear();
    return s;
}

Status BackupSettings::save(const QString &dataDir) const
{
    QDir().mkpath(dataDir);
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("folder"), folder}, {QStringLiteral("file"), fileName}})
                                .toJson(QJsonDocument::Indented);
    return writeFileAtomically(fileIn(dataDir), ByteView(reinterpret_cast<const uint8_t *>(json.constData()), static_cast<size_t>(json.size())),
                               true);
}

BackupStatus backupStatus(const QString &dataDir)
{
    BackupStatus st;
    if (auto s = BackupSettings::load(dataDir))
        st.settings = *s;
    if (!st.settings.enabled())
        return st;
    st.folderWritable = checkFolderWritable(st.settings.folder).ok();
    const QFileInfo fi(st.settings.path());
    if (!st.settings.fileName.isEmpty() && fi.exists())
        st.lastWritten = fi.lastModified();
    return st;
}

Status checkFolderWritable(const QString &folder)
{
    const QFileInfo fi(folder);
    if (!fi.exists() || !fi.isDir())
        return makeError(ErrorCode::BackupFailed, folder.toStdString() + " is not a folder");
    const QString probe = QDir(folder).filePath(QStringLiteral(".spillway-write-test-%1").arg(::getpid()));
    const QByteArray p = QFile::encodeName(probe);
    const int fd = ::open(p.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(folder + QStringLiteral(" is not writable"), errno);
    ::close(fd);
    ::unlink(p.constData());
    return {};
}

Status writeFileAtomically(const QString &path, ByteView data, bool syncDirectory)
{
    const QFileInfo target(path);
    const QString tmp = target.absoluteDir().filePath(QStringLiteral(".%1.tmp-%2").arg(target.fileName()).arg(::getpid()));
    const QByteArray tmpName = QFile::encodeName(tmp);
    const int fd = ::open(tmpName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(QStringLiteral("cannot create ") + tmp, errno);
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tmpName.constData());
            return failed(QStringLiteral("cannot write ") + tmp, err);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmpName.constData());
        return failed(QStringLiteral("cannot sync ") + tmp, err);
    }
    ::close(fd);
    if (::rename(tmpName.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpName.constData());
        return failed(QStringLiteral("cannot rename over ") + path, err);
    }
    if (syncDirectory) {
        const int dfd = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            (void)::fsync(dfd);
            ::close(dfd);
        }
    }
    return {};
}

} // namespace spillway::backup
