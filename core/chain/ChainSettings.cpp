#include "ChainSettings.h"

#include "CoreRpcBackend.h"
#include "LocalChain.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace spillway::chain {

using bitcoin::NetworkId;


QUrl defaultRpcUrl(NetworkId network)
{
    int port = 8332;
    switch (network) {
    case NetworkId::Main: port = 8332; break;
    case NetworkId::Testnet: port = 18332; break;
    case NetworkId::Testnet4: port = 48332; break;
    case NetworkId::Signet: port = 38332; break;
    case NetworkId::Regtest: port = 18443; break;
    case NetworkId::Local: break;
    }
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}

QString defaultCookieFile(NetworkId network)
{
    QString sub;
    switch (network) {
    case NetworkId::Main: break;
    case NetworkId::Testnet: sub = QStringLiteral("testnet3/"); break;
    case NetworkId::Testnet4: sub = QStringLiteral("testnet4/"); break;
    case NetworkId::Signet: sub = QStringLiteral("signet/"); break;
    case NetworkId::Regtest: sub = QStringLiteral("regtest/"); break;
    case NetworkId::Local: return {};
    }
    return QDir::homePath() + QStringLiteral("/.bitcoin/") + sub + QStringLiteral(".cookie");
}

QString defaultDataDir(NetworkId network)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/spillway/");
    if (network == NetworkId::Local)
        return base + QStringLiteral("wallet");
    const auto &name = bitcoin::network(network).name;
    return base + QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())) + QStringLiteral("/wallet");
}

ChainSettings savedChainSettings(const QString &group)
{
    QSettings s;
    if (!group.isEmpty())
        s.beginGroup(group);
    ChainSettings c;
    c.chainFile = s.value(QStringLiteral("chainFile")).toString();
    s.beginGroup(QStringLiteral("chain"));
    c.network = bitcoin::networkFromName(s.value(QStringLiteral("network"), QStringLiteral("local")).toString().toStdString())
                    .value_or(NetworkId::Local);
    c.rpc.url = QUrl(s.value(QStringLiteral("rpcUrl")).toString());
    c.rpc.cookieFile = s.value(QStringLiteral("rpcCookie")).toString();
    c.rpc.user = s.value(QStringLiteral("rpcUser")).toString();
    return c;
}

ChainSettings withoutUrlCredentials(ChainSettings c)
{
    if (!c.rpc.url.userName().isEmpty() || !c.rpc.url.password().isEmpty()) {
        if (c.rpc.user.isEmpty()) {
            c.rpc.user = c.rpc.url.userName();
            if (c.rpc.password.isEmpty())
                c.rpc.password = c.rpc.url.password();
        }
        c.rpc.url.setUserInfo(QString());
    }
    return c;
}

bool hasSavedChainSettings(const QString &group)
{
    return QSettings().contains(group.isEmpty() ? QStringLiteral("chain/network") : group + QStringLiteral("/chain/network"));
}

void saveChainSettings(const ChainSettings &settings, const QString &group)
{
    const ChainSettings c = withoutUrlCredentials(settings);
    QSettings s;
    if (!group.isEmpty())
        s.beginGroup(group);
    s.setValue(QStringLiteral("chainFile"), c.chainFile);
    s.beginGroup(QStringLiteral("chain"));
    const auto &name = bitcoin::network(c.network).name;
    s.setValue(QStringLiteral("network"), QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
    s.setValue(QStringLiteral("rpcUrl"), c.rpc.url.toString());
    s.setValue(QStringLiteral("rpcCookie"), c.rpc.cookieFile);
    s.setValue(QStringLiteral("rpcUser"), c.rpc.user);
}

QString rpcPasswordKey(NetworkId network)
{
    const auto &name = bitcoin::network(network).name;
    return QStringLiteral("rpc-password/") + QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

Result<std::unique_ptr<ChainBackend>> makeBackend(ChainSettings settings)
{
    if (settings.isLocal()) {
        const QString file = settings.chainFile.isEmpty() ? LocalChain::defaultPath() : settings.chainFile;
        return std::unique_ptr<ChainBackend>(std::make_unique<LocalChain>(file));
    }
    RpcEndpoint &rpc = settings.rpc;
    if (rpc.url.isEmpty())
        rpc.url = defaultRpcUrl(settings.network);
    if (!rpc.url.isValid() || (rpc.url.scheme() != QLatin1String("http") && rpc.url.scheme() != QLatin1String("https")) ||
        rpc.url.host().isEmpty())
        return makeError(ErrorCode::InvalidArgument, "the RPC URL must look like http://127.0.0.1:8332/");
    settings = withoutUrlCredentials(std::move(settings));
    if (rpc.user.isEmpty() && rpc.cookieFile.isEmpty())
        rpc.cookieFile = defaultCookieFile(settings.network);
    CoreRpcOptions options;
    options.endpoint = rpc;
    options.network = settings.network;
    options.pollMs = settings.pollMs;
    return std::unique_ptr<ChainBackend>(std::make_unique<CoreRpcBackend>(options));
}

} // namespace spillway::chain
