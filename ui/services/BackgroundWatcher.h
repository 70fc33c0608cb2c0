#pragma once
// The background watcher as a systemd user service: a unit from the template
// resources/systemd/spillway-watch.service.in running `spillway-cli channel
// watch --follow` for this data directory and chain, enabled or disabled from
// Settings. systemctl is run through a small runner that tests replace.

#include "chain/ChainSettings.h"
#include "common/Result.h"

#include <QStringList>

namespace spillway::ui {

/// Runs `systemctl ARGS` (the real one: QProcess, 30 s at most).
class SystemctlRunner {
public:
    virtual ~SystemctlRunner() = default;
    virtual Status run(const QStringList &args);
};

class BackgroundWatcher {
public:
    /// `unitDir`: where user units go (default ~/.config/systemd/user).
    BackgroundWatcher(QString dataDir, chain::ChainSettings chain, QString cliPath, SystemctlRunner &runner, QString unitDir = {});

    /// "spillway-watch-<8 hex digits of the data directory's SHA-256>.service".
    QString unitName() const;
    QString unitPath() const;
    /// The command line ExecStart runs, argument by argument.
    QStringList execStart() const;
    /// The unit file's text (ExecStart quoted for systemd).
    QString unitText() const;
    /// A node with an RPC user and password cannot be watched this way: the password
    /// stays in the keychain and out of unit files. Empty when the chain can be.
    QString unsupportedReason() const;

    bool installed() const;
    /// Writes the unit, reloads systemd and enables it (started now and at every login).
    Status install();
    /// Disables and stops it, and removes the unit.
    Status uninstall();

private:
    QString m_dataDir;
    chain::ChainSettings m_chain;
    QString m_cli;
    SystemctlRunner &m_runner;
    QString m_unitDir;
};

} // namespace spillway::ui
