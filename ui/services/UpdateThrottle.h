#pragma once
// Turns a stream of "something changed" pokes into updates at a fixed rate: the
// first poke after a quiet spell schedules one update `intervalMs` later, and
// pokes while one is scheduled only ride along. Unlike a single-shot timer
// restarted on every poke (a debounce), a steady stream cannot postpone the
// update for ever: under load it fires once per interval.

#include <QObject>
#include <QTimer>

namespace spillway::ui {

class UpdateThrottle : public QObject {
    Q_OBJECT
public:
    explicit UpdateThrottle(int intervalMs, QObject *parent = nullptr);

    int interval() const { return m_timer.interval(); }
    bool pending() const { return m_timer.isActive(); }
    /// Test and bench counters.
    qint64 pokes() const { return m_pokes; }
    qint64 fires() const { return m_fires; }

public Q_SLOTS:
    void poke();

Q_SIGNALS:
    void fire();

private:
    QTimer m_timer;
    qint64 m_pokes = 0;
    qint64 m_fires = 0;
};

} // namespace spillway::ui
