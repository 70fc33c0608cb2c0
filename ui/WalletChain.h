#pragma once
// The chain a wallet talks to (network, local chain file, Core RPC address,
// cookie, user), kept with the wallet's own settings (WalletSettings' group):
// two wallets on one computer may follow different chains. The person's settings
// (language) stay global. A wallet that has no chain of its own yet takes the one
// earlier versions saved for everyone, once: it is copied into the wallet's group
// and a later change of the global one no longer moves it.

#include "chain/ChainSettings.h"

namespace spillway::ui {

class WalletChain {
public:
    /// The chain of the wallet whose settings group is `group` (WalletSettings::groupFor).
    static chain::ChainSettings load(const QString &group);
    static void save(const QString &group, const chain::ChainSettings &settings);
    /// The wallet `spillway` opens without --datadir or --network: the one Settings last
    /// switched to (a change of network there), else, as earlier versions did, the default
    /// wallet of the globally saved network, else the local chain's.
    static QString defaultWallet();
    static void setDefaultWallet(const QString &dataDir);
};

} // namespace spillway::ui
