#pragma once
// Settings' "Wallet password" section: whether the seed is locked with a
// password, and Set, Change and Remove, each through a PasswordDialog, acted on
// at once by the service (not with the dialog's OK).

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace spillway::ui {

class PasswordDialog;
class WalletService;

class PasswordSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    PasswordSettingsBox(WalletService *service, QWidget *parent = nullptr);
    /// Test hook: the password dialog open now, if any.
    PasswordDialog *dialog() const { return m_dialog; }

private:
    void showState(bool hasPassword);
    void ask(int mode);

    WalletService *m_service;
    QLabel *m_state;
    QPushButton *m_set, *m_change, *m_remove;
    PasswordDialog *m_dialog = nullptr;
};

} // namespace spillway::ui
