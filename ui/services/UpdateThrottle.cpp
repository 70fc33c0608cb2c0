#include "UpdateThrottle.h"

namespace spillway::ui {

UpdateThrottle::UpdateThrottle(int intervalMs, QObject *parent) : QObject(parent), m_timer(this) // a child: moves threads with it
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_fires;
        Q_EMIT fire();
    });
}

void UpdateThrottle::poke()
{
    ++m_pokes;
    if (!m_timer.isActive()) // never restarted: a stream of pokes cannot hold it off
        m_timer.start();
}

} // namespace spillway::ui
