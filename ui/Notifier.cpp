#include "Notifier.h"
#include "models/ChannelCountdown.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace spillway::ui {

namespace {

QString nameOf(const ChannelSummary &c)
{
    return c.label.isEmpty() ? c.id.left(12) + QStringLiteral("…") : c.label;
}

} // namespace

Notifier::Notifier(QMainWindow *window, WalletService *service, std::function<QSystemTrayIcon *()> tray)
    : QObject(window), m_window(window), m_tray(std::move(tray))
{
    setObjectName(QStringLiteral("notifier"));
    if (!service)
        return;
    connect(service, &WalletService::channelsChanged, this, &Notifier::onChannels);
    connect(service, &WalletService::tipChanged, this, &Notifier::onTip);
    connect(service, &WalletService::info, this, &Notifier::onWatcher);
    connect(service, &WalletService::announced, this, &Notifier::notify);
    connect(service, &WalletService::failed, this, &Notifier::onFailure);
}

void Notifier::notify(const QString &title, const QString &text)
{
    m_history << title + QStringLiteral(": ") + text;
    QSystemTrayIcon *icon = m_tray ? m_tray() : nullptr;
    if (icon && icon->isVisible())
        icon->showMessage(title, text);
    else if (m_window)
        m_window->statusBar()->showMessage(title + QStringLiteral(": ") + text, 10000);
}

void Notifier::onChannels(const QList<ChannelSummary> &channels)
{
    for (const ChannelSummary &c : channels) {
        if (c.role != ChannelSummary::Role::Receiving)
            continue;
        const qint64 before = m_paid.value(c.id, -1);
        // The first list is what was there at start: nothing new in it.
        if (m_seenChannels && c.paidSat > std::max<qint64>(before, 0))
            notify(tr("Payment received"), tr("+%1 sat on %2 (%3 sat in all)").arg(c.paidSat - std::max<qint64>(before, 0)).arg(nameOf(c)).arg(c.paidSat));
        m_paid[c.id] = c.paidSat;
    }
    m_seenChannels = true;
    m_channels = channels;
    checkDeadlines();
}

void Notifier::onTip(int height, qint64, int)
{
    m_height = height;
    checkDeadlines();
}

void Notifier::checkDeadlines()
{
    if (m_height < 0)
        return;
    for (const ChannelSummary &c : m_channels) {
        if (c.state != ChannelSummary::State::Open && c.state != ChannelSummary::State::Opening)
            continue;
        // Within one safety margin of the payee's settle-by height (expiry - margin).
        const int left = blocksUntilAutoSettle(c, m_height);
        if (left > c.safetyMargin || m_warned.contains(c.id))
            continue;
        m_warned.insert(c.id);
        notify(tr("Deadline near"), c.role == ChannelSummary::Role::Receiving
                                        ? tr("%1 settles by itself in %2 block(s), at height %3: keep Spillway or its background watcher running")
                                              .arg(nameOf(c)).arg(std::max(left, 0)).arg(c.expiryHeight - c.safetyMargin)
                                        : tr("%1 expires at height %2: its refund goes out by itself then, while Spillway or its background watcher runs")
                                              .arg(nameOf(c)).arg(c.expiryHeight));
    }
}

void Notifier::onWatcher(const QString &what)
{
    // The watcher's events (WatchEvent): closing transactions, confirmations, fee bumps.
    // Settlements and refunds, automatic or confirmed, come as announcements in words.
    static const char *const kWorthSaying[] = {"fee raised", "replaced", "left the best chain", "could not"};
    for (const char *w : kWorthSaying) {
        if (what.contains(QLatin1String(w))) {
            notify(tr("Channel"), what);
            return;
        }
    }
}

void Notifier::onFailure(const QString &code, const QString &sentence)
{
    if (code.startsWith(QLatin1String("BACKUP_")))
        notify(tr("Backup failed"), sentence);
}

} // namespace spillway::ui
