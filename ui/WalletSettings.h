#pragma once
// Settings that belong to a wallet (amounts' unit, new channels' expiry) kept
// apart per wallet, beside those that belong to the person (language), which stay
// global: two wallets side by side no longer share a unit. A wallet's setting
// falls back to the global one saved by earlier versions.

#include <QString>
#include <QVariant>

namespace spillway::ui {

class WalletSettings {
public:
    /// The wallet this process shows (its data directory; one window per process).
    static void setWallet(const QString &dataDir);
    static QVariant value(const QString &key, const QVariant &fallback = {});
    static void setValue(const QString &key, const QVariant &value);
    /// The QSettings group of the current wallet ("wallets/<name>-<hash of its path>").
    static QString group();
    /// The group of the wallet in `dataDir`, whichever wallet is current.
    static QString groupFor(const QString &dataDir);
    /// A setting of the wallet in `dataDir` only (no global fallback): for what two
    /// wallets in one process must never share, such as the port a seller listens on.
    static QVariant valueFor(const QString &dataDir, const QString &key, const QVariant &fallback = {});
    static void setValueFor(const QString &dataDir, const QString &key, const QVariant &value);
};

} // namespace spillway::ui
