#include "ChainSettings.h"

#include "CoreRpcBackend.h"
#include "LocalChain.h"

#include <QDir>

namespace spillway::chain {

using bitcoin::NetworkId;

QFuture<Result<ChainTip>> ChainBackend::mine(int count, const bitcoin::Script &payTo)
{
    (void)count;
    (void)payTo;
    return QtFuture::makeReadyFuture(Result<ChainTip>(makeError(ErrorCode::InvalidArgument, "this chain does not mine on request")));
}

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
    if (!rpc.url.userName().isEmpty() && rpc.user.isEmpty()) {
        rpc.user = rpc.url.userName();
        rpc.password = rpc.url.password();
    }
    if (rpc.user.isEmpty() && rpc.cookieFile.isEmpty())
        rpc.cookieFile = defaultCookieFile(settings.network);
    CoreRpcOptions options;
    options.endpoint = rpc;
    options.network = settings.network;
    options.pollMs = settings.pollMs;
    return std::unique_ptr<ChainBackend>(std::make_unique<CoreRpcBackend>(options));
}

} // namespace spillway::chain
