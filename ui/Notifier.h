#pragma once
// Notifications through one class (as Bitcoin Core's notificator): a payment
// received, a channel within one safety margin of its deadline, what the
// watcher did (settled, refunded, fee raised, closing transaction broadcast),
// a backup that failed. Tray messages where there is a tray icon, the status
// bar otherwise. (The background service's words go to the journal.)

#include "models/ChannelSummary.h"
#include "services/WalletService.h" // Q_DECLARE_METATYPE(QList<ChannelSummary>) before this moc uses it

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QMainWindow;
class QSystemTrayIcon;

namespace spillway::ui {

class Notifier : public QObject {
    Q_OBJECT
public:
    /// Follows `service`; shows through `tray()` when it returns a visible icon.
    Notifier(QMainWindow *window, WalletService *service, std::function<QSystemTrayIcon *()> tray);

    /// Everything notified so far ("title: text"), for tests.
    const QStringList &history() const { return m_history; }

public Q_SLOTS:
    void notify(const QString &title, const QString &text);
    void onChannels(const QList<spillway::ui::ChannelSummary> &channels);
    void onTip(int height, qint64 time, int blockInterval);
    void onWatcher(const QString &what);
    void onFailure(const QString &code, const QString &sentence);

private:
    void checkDeadlines();

    QMainWindow *m_window;
    std::function<QSystemTrayIcon *()> m_tray;
    QHash<QString, qint64> m_paid;   ///< receiving channels: paid as last seen
    bool m_seenChannels = false;
    QList<ChannelSummary> m_channels;
    int m_height = -1;
    QSet<QString> m_warned;          ///< channels already warned about their deadline
    QStringList m_history;
};

} // namespace spillway::ui
