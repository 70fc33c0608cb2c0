#pragma once
// Settings' "Watching while Spillway is closed" section: a systemd user
// service running `spillway-cli channel watch --follow` for this data
// directory (BackgroundWatcher), on or off.

#include <QGroupBox>

class QCheckBox;
class QLabel;

namespace spillway::ui {

class WalletService;

class WatcherSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    WatcherSettingsBox(WalletService *service, QWidget *parent = nullptr);
    /// When the choice changed: the service installs or removes the unit.
    void apply();

private:
    WalletService *m_service;
    bool m_installed = false;
    QCheckBox *m_enabled;
    QCheckBox *m_closeToTray;
    QLabel *m_note;
};

} // namespace spillway::ui
