#pragma once
// The balances at a glance, in the status bar: spendable, unconfirmed, newly
// mined (when there is any), locked in channels we pay through, owed to us in
// channels we receive on, and the total, in the unit the user chose.

#include <QWidget>

#include <functional>

class QLabel;

namespace spillway::ui {

struct Balances {
    qint64 spendable = 0, unconfirmed = 0, immature = 0, paying = 0, receiving = 0;
    qint64 total() const { return spendable + unconfirmed + immature + paying + receiving; }
    bool operator==(const Balances &) const = default;
};

class BalanceBar : public QWidget {
    Q_OBJECT
public:
    explicit BalanceBar(QWidget *parent = nullptr);

    /// How an amount in satoshis is written (the window's unit).
    void setFormatter(std::function<QString(qint64)> format);
    void setBalances(const Balances &b);
    const Balances &balances() const { return m_balances; }

private:
    void render();
    std::function<QString(qint64)> m_format;
    Balances m_balances;
    QLabel *m_spendable, *m_unconfirmed, *m_immature, *m_paying, *m_receiving, *m_total;
};

} // namespace spillway::ui
