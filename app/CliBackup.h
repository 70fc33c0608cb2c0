#pragma once
// spillway-cli's backup commands (docs/cli.md "Backups", docs/backup.md), apart
// from cli.cpp: `backup folder [DIR]`, `backup now`, `backup off`, and
// `wallet restore --backup FILE`.

#include "backup/BackupWriter.h"
#include "chain/ChainBackend.h"

#include <QStringList>

#include <memory>
#include <string_view>

namespace spillway::wallet {
class Wallet;
}

namespace spillway::cli {

/// `backup folder [DIR]`, `backup now`, `backup off`.
int backupCommand(const QString &dataDir, bool json, chain::ChainBackend &chain, const QString &sub, const QStringList &args);

/// `wallet restore --backup FILE`: the backup is checked against the phrase before
/// anything is written; then its channels, offers and purchases, then the wallet.
int restoreWithBackup(const QString &dataDir, bool json, chain::ChainBackend &chain, std::string_view phrase, int birthday,
                      const QString &backupFile);

/// The backup writer of a process that changes channel state: attached to `store`,
/// writing whenever a folder is set; failures are said on stderr.
std::unique_ptr<backup::BackupWriter> attachBackups(const QString &dataDir, wallet::Wallet &w, store::ChannelStore &store);

} // namespace spillway::cli
