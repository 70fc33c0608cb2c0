#pragma once
// The amount input used wherever the user types an amount: in the chosen unit
// (BTC "0.001" or sat "100,000"), exact, never cut: a value above the maximum
// stays as typed, in red, with the limit said beside it.

#include "BitcoinUnits.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace spillway::ui {

class AmountField : public QWidget {
    Q_OBJECT
public:
    explicit AmountField(QWidget *parent = nullptr);

    void setUnit(BitcoinUnits::Unit u);
    BitcoinUnits::Unit unit() const { return m_unit; }
    /// The largest acceptable amount (e.g. what a channel has left); none by default.
    void setMaximum(std::optional<qint64> sat);
    void setMinimum(qint64 sat);
    /// The amount, when the text is one and within the limits.
    std::optional<qint64> value() const;
    void setValue(qint64 sat);
    void clear();
    /// Why the text is not an acceptable amount, as a sentence (empty: it is, or it is empty).
    QString problem() const { return m_problem; }
    QLineEdit *lineEdit() const { return m_edit; }
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void valueChanged();

private:
    void check();
    QLineEdit *m_edit;
    QLabel *m_unitLabel;
    QLabel *m_problemLabel;
    BitcoinUnits::Unit m_unit = BitcoinUnits::Unit::Sat;
    std::optional<qint64> m_max;
    qint64 m_min = 1;
    std::optional<qint64> m_value;
    QString m_problem;
};

} // namespace spillway::ui
