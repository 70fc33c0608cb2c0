#pragma once
// A network's name as the user reads it (translated), from the core's short name
// ("main", "testnet", "testnet4", "signet", "regtest", "local").

#include <QCoreApplication>
#include <QString>

namespace spillway::ui {

class NetworkNames {
    Q_DECLARE_TR_FUNCTIONS(spillway::ui::NetworkNames)
public:
    static QString display(const QString &name);
    /// The name inside a sentence ("…is on the local chain").
    static QString inSentence(const QString &name);
};

} // namespace spillway::ui
