#include "BackgroundWatcher.h"

#include "backup/BackupSettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>

namespace spillway::ui {

namespace {

/// One argument as systemd reads ExecStart: double-quoted, with \ and " escaped,
/// % doubled (specifiers) and $ doubled (variables).
QString systemdQuote(const QString &arg)
{
    QString out;
    for (const QChar c : arg) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('%'))
            out += QLatin1Char('%');
        if (c == QLatin1Char('$'))
            out += QLatin1Char('$');
        out += c;
    }
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

Status SystemctlRunner::run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("systemctl"), args);
    if (!p.waitForStarted(5000))
        return makeError(ErrorCode::InvalidArgument, "systemctl is not available: this desktop has no systemd user manager");
    p.waitForFinished(30000);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "systemctl " + args.join(QLatin1Char(' ')).toStdString() + ": " + p.readAllStandardError().trimmed().toStdString());
    return {};
}

BackgroundWatcher::BackgroundWatcher(QString dataDir, chain::ChainSettings chain, QString cliPath, SystemctlRunner &runner, QString unitDir)
    : m_dataDir(QDir(dataDir).absolutePath()), m_chain(std::move(chain)), m_cli(std::move(cliPath)), m_runner(runner),
      m_unitDir(unitDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.config/systemd/user") : std::move(unitDir))
{
}

QString BackgroundWatcher::unitName() const
{
    const QByteArray h = QCryptographicHash::hash(m_dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return QStringLiteral("spillway-watch-%1.service").arg(QString::fromLatin1(h));
}

QString BackgroundWatcher::unitPath() const
{
    return QDir(m_unitDir).filePath(unitName());
}

QStringList BackgroundWatcher::execStart() const
{
    const std::string_view net = bitcoin::network(m_chain.network).name;
    QStringList a{m_cli, QStringLiteral("--datadir"), m_dataDir, QStringLiteral("--network"),
                  QString::fromLatin1(net.data(), static_cast<qsizetype>(net.size()))};
    if (m_chain.isLocal()) {
        if (!m_chain.chainFile.isEmpty())
            a << QStringLiteral("--chain") << QDir(m_chain.chainFile).absolutePath();
    } else {
        if (!m_chain.rpc.url.isEmpty())
            a << QStringLiteral("--rpc-url") << m_chain.rpc.url.toString();
        if (!m_chain.rpc.cookieFile.isEmpty())
            a << QStringLiteral("--rpc-cookie") << m_chain.rpc.cookieFile;
    }
    a << QStringLiteral("channel") << QStringLiteral("watch") << QStringLiteral("--follow");
    return a;
}

QString BackgroundWatcher::unitText() const
{
    QFile t(QStringLiteral(":/systemd/spillway-watch.service.in"));
    if (!t.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(t.readAll());
    QStringList quoted;
    for (const QString &arg : execStart())
        quoted << systemdQuote(arg);
    QString dirText = m_dataDir;
    dirText.replace(QLatin1Char('%'), QStringLiteral("%%")).replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QStringLiteral("@EXEC_START@"), quoted.join(QLatin1Char(' ')));
    text.replace(QStringLiteral("@DATADIR_TEXT@"), dirText);
    return text;
}

QString BackgroundWatcher::unsupportedReason() const
{
    if (!m_chain.isLocal() && !m_chain.rpc.user.isEmpty())
        return QStringLiteral("the node is reached with a user name and password, which stay in the keychain: use Core's cookie file");
    return {};
}

bool BackgroundWatcher::installed() const
{
    return QFile::exists(unitPath());
}

Status BackgroundWatcher::install()
{
    if (const QString why = unsupportedReason(); !why.isEmpty())
        return makeError(ErrorCode::InvalidArgument, why.toStdString());
    const QString text = unitText();
    if (text.isEmpty())
        return makeError(ErrorCode::StorageFailed, "the unit template is missing");
    QDir().mkpath(m_unitDir);
    const QByteArray bytes = text.toUtf8();
    SPW_TRY(backup::writeFileAtomically(unitPath(), ByteView(reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size())),
                                        true));
    SPW_TRY(m_runner.run({QStringLiteral("--user"), QStringLiteral("daemon-reload")}));
    return m_runner.run({QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"), unitName()});
}

Status BackgroundWatcher::uninstall()
{
    const Status st = m_runner.run({QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"), unitName()});
    QFile::remove(unitPath());
    (void)m_runner.run({QStringLiteral("--user"), QStringLiteral("daemon-reload")});
    return st;
}

} // namespace spillway::ui
