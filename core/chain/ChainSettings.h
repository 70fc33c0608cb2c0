#pragma once
// Which chain a wallet talks to, as the CLI's options and the GUI's Settings
// give it, and the backend made from that: the embedded local chain, or a
// Bitcoin Core node over JSON-RPC for regtest, signet, testnet and mainnet.

#include "ChainBackend.h"
#include "RpcClient.h"

#include <memory>

namespace spillway::chain {

struct ChainSettings {
    bitcoin::NetworkId network = bitcoin::NetworkId::Local;
    QString chainFile;  ///< local chain file
    RpcEndpoint rpc;    ///< for every other network
    int pollMs = 2000;  ///< RPC: how often the tip is looked at

    bool isLocal() const { return network == bitcoin::NetworkId::Local; }
};

/// Core's default RPC address for a network ("http://127.0.0.1:8332/" on main).
QUrl defaultRpcUrl(bitcoin::NetworkId network);
/// Core's default cookie file for a network (~/.bitcoin/regtest/.cookie, ...).
QString defaultCookieFile(bitcoin::NetworkId network);

/// The default wallet directory: <data>/spillway/wallet on the local chain,
/// <data>/spillway/<network>/wallet elsewhere (a wallet belongs to one network).
QString defaultDataDir(bitcoin::NetworkId network);

/// The GUI's saved choice (QSettings group "chain"). The RPC password is not
/// in it: it lives in the OS keychain under rpcPasswordKey().
/// Moves `user:password@` out of the RPC URL into rpc.user / rpc.password (where
/// those are empty) and strips it from the URL, so that no password is ever
/// written with the URL (the password belongs in the OS keychain).
ChainSettings withoutUrlCredentials(ChainSettings settings);
/// `group`: a QSettings group holding a wallet's own (ui/WalletChain.h); empty: the
/// global one earlier versions kept for every wallet.
ChainSettings savedChainSettings(const QString &group = {});
/// Whether `group` (empty: the global place) has a chain saved.
bool hasSavedChainSettings(const QString &group = {});
/// Writes everything but the password (the URL without credentials).
void saveChainSettings(const ChainSettings &settings, const QString &group = {});
QString rpcPasswordKey(bitcoin::NetworkId network);

/// The backend the settings describe; fills in Core's defaults (URL, cookie)
/// where a field is empty. Does not connect: the first call does.
Result<std::unique_ptr<ChainBackend>> makeBackend(ChainSettings settings);

} // namespace spillway::chain
