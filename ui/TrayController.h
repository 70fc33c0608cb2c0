#pragma once
// Watching while the window is closed (docs/backup.md): while channels need
// watching, closing the window hides it to a system tray icon and the process
// keeps settling and refunding at the deadlines; where the desktop has no tray,
// closing asks first. Quitting with channels open names the deadlines at stake
// and when auto-settle or auto-refund is due. Settings' "closeToTray" (default
// on) turns hiding off.

#include "models/ChannelSummary.h"
#include "services/WalletService.h" // Q_DECLARE_METATYPE(QList<ChannelSummary>) before this moc uses it

#include <QObject>
#include <QVariant>

#include <functional>

class QMainWindow;
class QSystemTrayIcon;

namespace spillway::ui {

class Notifier;
class WalletService;

class TrayController : public QObject {
    Q_OBJECT
public:
    /// Follows `service`'s channels and tip; watches `window`'s close events.
    TrayController(QMainWindow *window, WalletService *service);

    /// Tests: answers "quit with channels open" instead of a message box (the
    /// question's text comes in; true quits).
    void setAutoAnswer(std::function<bool(const QString &text)> answer) { m_autoAnswer = std::move(answer); }
    /// The channels whose deadlines matter now, one line each (empty: none).
    QStringList deadlines() const;
    /// Whether closing hides to the tray (a tray exists and the setting is on).
    bool closesToTray() const;
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    /// The one door for notifications (tray messages while the icon shows).
    Notifier *notifier() const { return m_notifier; }

public Q_SLOTS:
    /// Quit, after asking when channels are open (the Quit action and the tray's menu).
    void requestQuit();
    void setChannels(const QList<spillway::ui::ChannelSummary> &channels);
    void setTip(int height, qint64 time, int blockInterval);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool confirmQuit();
    void ensureTray();

    QMainWindow *m_window;
    QList<ChannelSummary> m_channels;
    int m_height = 0;
    int m_blockInterval = 600;
    QSystemTrayIcon *m_tray = nullptr;
    Notifier *m_notifier = nullptr;
    bool m_quitting = false;
    bool m_hintShown = false;
    std::function<bool(const QString &)> m_autoAnswer;
};

} // namespace spillway::ui
