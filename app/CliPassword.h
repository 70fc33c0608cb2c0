#pragma once
// spillway-cli and the wallet password (docs/wallet-password.md): where a
// command gets the password when the seed is sealed (--password-file FILE, the
// SPILLWAY_WALLET_PASSWORD variable, else a prompt on the terminal; never a
// plain argument), and `wallet password set|change|remove`.

#include "chain/ChainBackend.h"
#include "common/Bytes.h"
#include "wallet/Wallet.h"

#include <QStringList>

#include <memory>

namespace spillway::cli {

/// Where passwords come from in this process: --password-file and --new-password-file
/// (empty: not given). Set once by main() after the options are read.
void setPasswordFiles(const QString &passwordFile, const QString &newPasswordFile);

/// The wallet password: the file, else SPILLWAY_WALLET_PASSWORD, else asked on the
/// terminal when standard input is one. WALLET_LOCKED when none of them gives one.
Result<SecretBytes> readPassword();

/// Wallet::open with readPassword as its password source: a command asks for the
/// password only when it needs a key of a sealed seed.
Result<std::unique_ptr<wallet::Wallet>> openWallet(const QString &dataDir, chain::ChainBackend &chain);

/// `wallet password set|change|remove`.
int passwordCommand(wallet::Wallet &w, bool json, const QStringList &args);

} // namespace spillway::cli
