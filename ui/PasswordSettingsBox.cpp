#include "PasswordSettingsBox.h"

#include "PasswordDialog.h"
#include "services/WalletService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

PasswordSettingsBox::PasswordSettingsBox(WalletService *service, QWidget *parent)
    : QGroupBox(tr("Wallet password"), parent), m_service(service)
{
    setObjectName(QStringLiteral("passwordSettingsBox"));
    auto *column = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("passwordStateLabel"));
    m_state->setWordWrap(true);
    column->addWidget(m_state);
    auto *row = new QHBoxLayout;
    m_set = new QPushButton(tr("Set…"), this);
    m_set->setObjectName(QStringLiteral("setPasswordButton"));
    m_change = new QPushButton(tr("Change…"), this);
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removePasswordButton"));
    row->addWidget(m_set);
    row->addWidget(m_change);
    row->addWidget(m_remove);
    row->addStretch(1);
    column->addLayout(row);
    connect(m_set, &QPushButton::clicked, this, [this] { ask(int(PasswordDialog::Mode::Set)); });
    connect(m_change, &QPushButton::clicked, this, [this] { ask(int(PasswordDialog::Mode::Change)); });
    connect(m_remove, &QPushButton::clicked, this, [this] { ask(int(PasswordDialog::Mode::Remove)); });
    connect(service, &WalletService::passwordChanged, this, &PasswordSettingsBox::showState);
    showState(service->hasPassword());
}

void PasswordSettingsBox::showState(bool hasPassword)
{
    m_state->setText(hasPassword ? tr("The wallet's seed is locked with a password in the keychain. Spillway asks for it at "
                                      "start and before showing the recovery phrase; the background watcher settles and "
                                      "refunds channels without it.")
                                 : tr("This wallet has no password: its seed is protected by the keychain alone."));
    m_set->setVisible(!hasPassword);
    m_change->setVisible(hasPassword);
    m_remove->setVisible(hasPassword);
}

void PasswordSettingsBox::ask(int mode)
{
    auto *d = new PasswordDialog(PasswordDialog::Mode(mode), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = d;
    connect(d, &QObject::destroyed, this, [this, d] {
        if (m_dialog == d)
            m_dialog = nullptr;
    });
    connect(d, &QDialog::accepted, this, [this, d] {
        QMetaObject::invokeMethod(m_service, [s = m_service, current = d->takePassword(), next = d->takeNewPassword()] {
            s->changePassword(current, next);
        });
    });
    d->open();
}

} // namespace spillway::ui
