#include "WatcherSettingsBox.h"

#include "services/WalletService.h"

#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace spillway::ui {

WatcherSettingsBox::WatcherSettingsBox(WalletService *service, QWidget *parent)
    : QGroupBox(tr("Watching while Spillway is closed"), parent), m_service(service), m_installed(service->backgroundWatcherInstalled())
{
    setObjectName(QStringLiteral("watcherSettingsBox"));
    auto *layout = new QVBoxLayout(this);
    m_closeToTray = new QCheckBox(tr("Closing the window keeps Spillway watching in the tray while channels are open"), this);
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayCheckBox"));
    m_closeToTray->setChecked(QSettings().value(QStringLiteral("closeToTray"), true).toBool());
    layout->addWidget(m_closeToTray);
    m_enabled = new QCheckBox(tr("Watch my channels with a background service (systemd, starts at login)"), this);
    m_enabled->setObjectName(QStringLiteral("backgroundWatcherCheckBox"));
    m_enabled->setChecked(m_installed);
    layout->addWidget(m_enabled);
    m_note = new QLabel(tr("The service settles or refunds at the deadline even when this window is closed. A payee's settlement is "
                           "stored fully signed and needs no key; a payer's refund, a fee bump or a sweep needs the wallet's key "
                           "from the keychain and waits until your session's keychain is unlocked."),
                        this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
}

void WatcherSettingsBox::apply()
{
    QSettings().setValue(QStringLiteral("closeToTray"), m_closeToTray->isChecked()); // TrayController reads it at each close
    if (m_enabled->isChecked() == m_installed)
        return;
    m_installed = m_enabled->isChecked();
    QMetaObject::invokeMethod(m_service, [s = m_service, on = m_installed] { s->setBackgroundWatcher(on); });
}

} // namespace spillway::ui
