#pragma once
// A real regtest node for the RPC backend's tests, started on a free loopback
// port with its own temporary data directory and stopped afterwards:
//   bcoin    bcoin 1.0.2 from npm (scripts/install-regtest-node puts it in a
//            cache folder; SPILLWAY_BCOIN_DIR names it), run through
//            scripts/regtest-node/start.js with Core-like regtest rules;
//   bitcoind Bitcoin Core, when SPILLWAY_BITCOIND names its binary.

#include "chain/RpcClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace spillway::test {

class RegtestNode {
public:
    enum class Kind { Bcoin, Bitcoind };

    ~RegtestNode() { stop(); }

    /// Starts the node; on failure returns why (empty on success).
    QString start(Kind kind, const QString &dataDir)
    {
        m_kind = kind;
        m_dataDir = dataDir;
        QDir().mkpath(dataDir);
        m_port = freePort();
        return launch({});
    }

    /// Stops Bitcoin Core and starts it again on the same data directory and
    /// port, with `extra` arguments (bcoin's chain lives in memory: not for it).
    /// Core writes a new cookie on every start.
    QString restart(const QStringList &extra = {})
    {
        if (m_kind != Kind::Bitcoind)
            return QStringLiteral("only bitcoind restarts with its chain");
        stop();
        return launch(extra);
    }

private:
    QString launch(const QStringList &extra)
    {
        const QString dataDir = m_dataDir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // The node dies with the test, even when the test crashes or is killed:
        // no node left running after a failed run.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        if (m_kind == Kind::Bcoin) {
            const QString cache = env.value(QStringLiteral("SPILLWAY_BCOIN_DIR"));
            if (cache.isEmpty() || !QFile::exists(cache + QStringLiteral("/node_modules/bcoin/package.json")))
                return QStringLiteral("bcoin is not installed: run scripts/install-regtest-node and set SPILLWAY_BCOIN_DIR to the folder it prints");
            env.insert(QStringLiteral("NODE_PATH"), cache + QStringLiteral("/node_modules"));
            env.insert(QStringLiteral("NODE_BACKEND"), QStringLiteral("js"));
            m_process.setProcessEnvironment(env);
            m_process.start(QStringLiteral("node"), {QStringLiteral(SPILLWAY_REGTEST_NODE_SCRIPT), QStringLiteral("--port"),
                                                     QString::number(m_port), QStringLiteral("--datadir"), dataDir});
            m_cookie = dataDir + QStringLiteral("/.cookie");
        } else {
            const QString binary = env.value(QStringLiteral("SPILLWAY_BITCOIND"));
            if (binary.isEmpty())
                return QStringLiteral("SPILLWAY_BITCOIND is not set");
            // Like mainnet's policy (regtest accepts non-standard transactions by default).
            m_process.start(binary, QStringList{QStringLiteral("-regtest"), QStringLiteral("-datadir=") + dataDir,
                                     QStringLiteral("-rpcport=") + QString::number(m_port),
                                     QStringLiteral("-port=") + QString::number(freePort()), QStringLiteral("-listen=0"),
                                     QStringLiteral("-server"), QStringLiteral("-rpcbind=127.0.0.1"),
                                     QStringLiteral("-rpcallowip=127.0.0.1"), QStringLiteral("-acceptnonstdtxn=0"),
                                     QStringLiteral("-fallbackfee=0"), QStringLiteral("-printtoconsole=0")} +
                                        extra);
            m_cookie = dataDir + QStringLiteral("/regtest/.cookie");
        }
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("cannot start the node: ") + m_process.errorString();
        // Ready when it answers getblockchaininfo (Core answers -28 while loading).
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            if (m_process.state() != QProcess::Running)
                return QStringLiteral("the node exited: ") + QString::fromUtf8(m_process.readAllStandardError());
            if (QFile::exists(m_cookie)) {
                chain::RpcClient rpc(endpoint());
                auto r = rpc.call(QStringLiteral("getblockchaininfo"));
                if (r && !r->failed)
                    return {};
            }
            QThread::msleep(100);
        }
        return QStringLiteral("the node did not answer within 60 s");
    }

public:

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    chain::RpcEndpoint endpoint() const
    {
        chain::RpcEndpoint e;
        e.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
        e.cookieFile = m_cookie;
        e.timeoutMs = 60000;
        return e;
    }
    /// The CLI's options for this node.
    QStringList cliArgs() const
    {
        return {QStringLiteral("--network"), QStringLiteral("regtest"), QStringLiteral("--rpc-url"),
                endpoint().url.toString(), QStringLiteral("--rpc-cookie"), m_cookie};
    }
    QString name() const { return m_kind == Kind::Bcoin ? QStringLiteral("bcoin") : QStringLiteral("bitcoind"); }
    int port() const { return m_port; }
    Kind kind() const { return m_kind; }

    static int freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

private:
    Kind m_kind = Kind::Bcoin;
    QString m_dataDir;
    QString m_cookie;
    int m_port = 0;
    QProcess m_process;
};

} // namespace spillway::test
