#pragma once
// Settings' "Backups" section: the folder encrypted backups go to, the same
// setting as `spillway-cli backup folder` (kept in the wallet's data directory).

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spillway::ui {

class WalletService;

class BackupSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    BackupSettingsBox(WalletService *service, QWidget *parent = nullptr);
    QString folder() const;
    /// When the folder changed: the service stores it and writes a backup at once.
    void apply();

private:
    void chooseFolder();

    WalletService *m_service;
    QString m_saved;
    QLineEdit *m_folder;
    QPushButton *m_choose;
    QLabel *m_note;
};

} // namespace spillway::ui
