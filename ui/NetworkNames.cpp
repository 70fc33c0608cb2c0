#include "NetworkNames.h"

namespace spillway::ui {

QString NetworkNames::display(const QString &name)
{
    if (name == QLatin1String("main"))
        return tr("mainnet");
    if (name == QLatin1String("local"))
        return tr("local");
    if (name == QLatin1String("testnet"))
        return tr("testnet");
    return name; // testnet4, signet, regtest: names, the same in every language
}

QString NetworkNames::inSentence(const QString &name)
{
    if (name == QLatin1String("local"))
        return tr("the local chain");
    return display(name);
}

} // namespace spillway::ui
