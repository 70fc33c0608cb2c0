#pragma once
// The status bar's word on backups: when the newest was written, or a warning
// when channels are open with no backup folder set, or the folder cannot be
// written (docs/backup.md).

#include <QDateTime>
#include <QLabel>

namespace spillway::ui {

class WalletService;

class BackupStatusLabel : public QLabel {
    Q_OBJECT
public:
    /// Follows `service`'s backupStatusChanged (none: shows nothing until setStatus).
    explicit BackupStatusLabel(WalletService *service, QWidget *parent = nullptr);

    /// True while the label warns (tests, and the style).
    bool warning() const { return m_warning; }

public Q_SLOTS:
    void setStatus(const QString &folder, const QDateTime &lastWritten, bool writable, int channelsToWatch, const QString &problem);

private:
    bool m_warning = false;
};

} // namespace spillway::ui
