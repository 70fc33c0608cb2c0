#include "BackupSettingsBox.h"

#include "backup/BackupSettings.h"
#include "services/WalletService.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

BackupSettingsBox::BackupSettingsBox(WalletService *service, QWidget *parent)
    : QGroupBox(tr("Backups"), parent), m_service(service)
{
    setObjectName(QStringLiteral("backupSettingsBox"));
    if (auto s = backup::BackupSettings::load(service->dataDir()))
        m_saved = s->folder;
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_folder = new QLineEdit(m_saved, this);
    m_folder->setObjectName(QStringLiteral("backupFolderLineEdit"));
    m_folder->setPlaceholderText(tr("no folder: backups are off"));
    m_choose = new QPushButton(tr("Choose…"), this);
    m_choose->setObjectName(QStringLiteral("chooseBackupFolderButton"));
    row->addWidget(m_folder, 1);
    row->addWidget(m_choose);
    layout->addLayout(row);
    m_note = new QLabel(tr("After every payment and every channel change, an encrypted copy of the channels goes to this folder "
                           "(a second disk or a synced folder). Your recovery phrase and this file bring every channel back; "
                           "the file alone opens for no one."),
                        this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    connect(m_choose, &QPushButton::clicked, this, &BackupSettingsBox::chooseFolder);
}

QString BackupSettingsBox::folder() const
{
    return m_folder->text().trimmed();
}

void BackupSettingsBox::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Backup folder"), folder());
    if (!dir.isEmpty())
        m_folder->setText(dir);
}

void BackupSettingsBox::apply()
{
    if (folder() == m_saved)
        return;
    QMetaObject::invokeMethod(m_service, [s = m_service, f = folder()] { s->setBackupFolder(f); });
    m_saved = folder();
}

} // namespace spillway::ui
