#include "TrayController.h"

#include "Notifier.h"
#include "services/WalletService.h"

#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSystemTrayIcon>

namespace spillway::ui {

namespace {

bool needsWatching(const ChannelSummary &c)
{
    return c.state == ChannelSummary::State::Opening || c.state == ChannelSummary::State::Open || c.state == ChannelSummary::State::Closing;
}

} // namespace

TrayController::TrayController(QMainWindow *window, WalletService *service) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("trayController"));
    window->installEventFilter(this);
    m_notifier = new Notifier(window, service, [this] { return m_tray; });
    if (service) {
        connect(service, &WalletService::channelsChanged, this, &TrayController::setChannels);
        connect(service, &WalletService::tipChanged, this, &TrayController::setTip);
    }
}

void TrayController::setChannels(const QList<ChannelSummary> &channels)
{
    m_channels = channels;
    if (m_tray)
        m_tray->setToolTip(tr("Spillway: %n channel(s) watched", nullptr, static_cast<int>(deadlines().size())));
}

void TrayController::setTip(int height, qint64, int blockInterval)
{
    m_height = height;
    m_blockInterval = blockInterval > 0 ? blockInterval : 600;
}

QStringList TrayController::deadlines() const
{
    QStringList out;
    for (const ChannelSummary &c : m_channels) {
        if (!needsWatching(c))
            continue;
        const QString name = c.label.isEmpty() ? c.id.left(12) + QStringLiteral("…") : c.label;
        const bool payee = c.role == ChannelSummary::Role::Receiving;
        // The payee settles one safety margin before expiry; the payer's refund is final after it.
        const int due = payee ? c.expiryHeight - c.safetyMargin : c.expiryHeight;
        const int blocks = due - m_height;
        const QString when = blocks <= 0 ? tr("due now") : tr("in %n block(s), about %1", nullptr, blocks).arg(
                                                                  QLocale().toString(QDateTime::currentDateTime().addSecs(qint64(blocks) * m_blockInterval),
                                                                                     QLocale::ShortFormat));
        out << (payee ? tr("%1: auto-settle at height %2 (%3), %4 sat at stake").arg(name).arg(due).arg(when).arg(c.paidSat)
                      : tr("%1: auto-refund at height %2 (%3), %4 sat at stake").arg(name).arg(due).arg(when).arg(c.capacitySat - c.paidSat));
    }
    return out;
}

bool TrayController::closesToTray() const
{
    return QSystemTrayIcon::isSystemTrayAvailable() && QSettings().value(QStringLiteral("closeToTray"), true).toBool();
}

void TrayController::ensureTray()
{
    if (m_tray)
        return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/spillway.svg")), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    auto *menu = new QMenu(m_window);
    menu->addAction(tr("Show Spillway"), m_window, [w = m_window] {
        w->show();
        w->raise();
        w->activateWindow();
    });
    menu->addAction(tr("Quit"), this, &TrayController::requestQuit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, m_window, [w = m_window](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger) {
            w->show();
            w->raise();
        }
    });
    setChannels(m_channels);
}

bool TrayController::confirmQuit()
{
    const QStringList at = deadlines();
    if (at.isEmpty())
        return true;
    const QString text = tr("Spillway settles and refunds at the deadlines only while it runs (or the background watcher "
                            "does). Quit anyway?\n\n%1")
                             .arg(at.join(QLatin1Char('\n')));
    if (m_autoAnswer)
        return m_autoAnswer(text);
    return QMessageBox::question(m_window, tr("Channels are open"), text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void TrayController::requestQuit()
{
    if (!confirmQuit())
        return;
    m_quitting = true;
    QApplication::quit();
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || m_quitting)
        return QObject::eventFilter(watched, event);
    if (deadlines().isEmpty())
        return false; // nothing to watch: the window closes as it always did
    if (closesToTray()) {
        ensureTray();
        m_tray->show();
        m_window->hide();
        if (!m_hintShown) {
            m_tray->showMessage(tr("Spillway keeps watching"),
                                tr("%n channel(s) are watched from here until you quit.", nullptr, static_cast<int>(deadlines().size())));
            m_hintShown = true;
        }
        event->ignore();
        return true;
    }
    if (confirmQuit()) {
        m_quitting = true;
        return false;
    }
    event->ignore();
    return true;
}

} // namespace spillway::ui
