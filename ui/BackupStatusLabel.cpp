#include "BackupStatusLabel.h"

#include "services/WalletService.h"

#include <QLocale>

namespace spillway::ui {

BackupStatusLabel::BackupStatusLabel(WalletService *service, QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("backupStatusLabel"));
    if (service)
        connect(service, &WalletService::backupStatusChanged, this, &BackupStatusLabel::setStatus);
}

void BackupStatusLabel::setStatus(const QString &folder, const QDateTime &lastWritten, bool writable, int channelsToWatch,
                                  const QString &problem)
{
    QString text, tip;
    m_warning = false;
    if (folder.isEmpty()) {
        m_warning = channelsToWatch > 0;
        text = m_warning ? tr("No backup: channels are open and no backup folder is set") : tr("Backups off");
        tip = tr("Choose a backup folder in Settings: the recovery phrase alone does not bring back the newest payments.");
    } else if (!writable || !problem.isEmpty()) {
        m_warning = true;
        text = tr("Backup failing: the folder cannot be written");
        tip = problem.isEmpty() ? folder : folder + QLatin1Char('\n') + problem;
    } else {
        text = lastWritten.isValid() ? tr("Last backup: %1").arg(QLocale().toString(lastWritten.toLocalTime(), QLocale::ShortFormat))
                                     : tr("No backup written yet");
        tip = folder;
    }
    setText(text);
    setToolTip(tip);
    setStyleSheet(m_warning ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
}

} // namespace spillway::ui
