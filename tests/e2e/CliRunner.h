#pragma once
// Runs spillway-cli as a separate process, as a user or a script would.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

namespace spillway::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

class CliRunner {
public:
    CliRunner(const QString &chainFile, QString dataDir)
        : m_chainArgs{QStringLiteral("--chain"), chainFile}, m_dataDir(std::move(dataDir))
    {
    }
    /// Any chain options: "--network regtest --rpc-url ... --rpc-cookie ...".
    CliRunner(QStringList chainArgs, QString dataDir) : m_chainArgs(std::move(chainArgs)), m_dataDir(std::move(dataDir)) {}

    CliResult run(const QStringList &args, const QByteArray &stdinData = {},
                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) const
    {
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList all = m_chainArgs;
        all << QStringLiteral("--datadir") << m_dataDir;
        all += args;
        p.start(QStringLiteral(SPILLWAY_CLI), all);
        if (!p.waitForStarted(10000))
            return {};
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return CliResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                         p.readAllStandardError()};
    }
    /// Runs with --json and expects success.
    QJsonObject json(const QStringList &args) const
    {
        QStringList a = args;
        a << QStringLiteral("--json");
        const CliResult r = run(a);
        if (r.exitCode != 0)
            qWarning("spillway-cli %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return r.exitCode == 0 ? r.json() : QJsonObject{};
    }
    const QString &dataDir() const { return m_dataDir; }

private:
    QStringList m_chainArgs;
    QString m_dataDir;
};

inline qint64 satField(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toInteger(-1);
}

} // namespace spillway::test
