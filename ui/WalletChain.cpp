#include "WalletChain.h"

#include <QSettings>

namespace spillway::ui {

namespace {
const QString kDefaultWallet = QStringLiteral("defaultWallet");
}

chain::ChainSettings WalletChain::load(const QString &group)
{
    if (group.isEmpty() || chain::hasSavedChainSettings(group))
        return chain::savedChainSettings(group);
    // Settings from before chains were per wallet: taken over once.
    const chain::ChainSettings global = chain::savedChainSettings();
    if (chain::hasSavedChainSettings() || !global.chainFile.isEmpty())
        chain::saveChainSettings(global, group);
    return global;
}

void WalletChain::save(const QString &group, const chain::ChainSettings &settings)
{
    chain::saveChainSettings(settings, group);
}

QString WalletChain::defaultWallet()
{
    QSettings s;
    const QString chosen = s.value(kDefaultWallet).toString();
    if (!chosen.isEmpty())
        return chosen;
    return chain::defaultDataDir(chain::savedChainSettings().network);
}

void WalletChain::setDefaultWallet(const QString &dataDir)
{
    QSettings().setValue(kDefaultWallet, dataDir);
}

} // namespace spillway::ui
