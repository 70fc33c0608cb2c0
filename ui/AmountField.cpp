#include "AmountField.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace spillway::ui {

AmountField::AmountField(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("amountLineEdit"));
    m_unitLabel = new QLabel(this);
    m_unitLabel->setObjectName(QStringLiteral("amountUnitLabel"));
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("amountProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problemLabel->hide();
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_unitLabel, 0, 1);
    layout->addWidget(m_problemLabel, 1, 0, 1, 2);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        check();
        Q_EMIT valueChanged();
    });
    setUnit(m_unit);
}

void AmountField::setUnit(BitcoinUnits::Unit u)
{
    const std::optional<qint64> v = m_value;
    m_unit = u;
    m_unitLabel->setText(BitcoinUnits::name(u));
    if (v)
        m_edit->setText(BitcoinUnits::format(*v, u, false)); // the same amount, written in the new unit
    else
        check();
}

void AmountField::setMaximum(std::optional<qint64> sat)
{
    m_max = sat;
    check();
}

void AmountField::setMinimum(qint64 sat)
{
    m_min = sat;
    check();
}

std::optional<qint64> AmountField::value() const
{
    return m_problem.isEmpty() ? m_value : std::nullopt;
}

void AmountField::setValue(qint64 sat)
{
    m_edit->setText(BitcoinUnits::format(sat, m_unit, false));
}

void AmountField::clear()
{
    m_edit->clear();
}

void AmountField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void AmountField::check()
{
    const BitcoinUnits::Parsed p = BitcoinUnits::parse(m_edit->text(), m_unit);
    m_value = p.sat;
    m_problem = p.problem;
    if (m_problem.isEmpty() && m_value && m_max && *m_value > *m_max)
        m_problem = tr("At most %1.").arg(BitcoinUnits::format(*m_max, m_unit));
    else if (m_problem.isEmpty() && m_value && *m_value < m_min)
        m_problem = tr("At least %1.").arg(BitcoinUnits::format(m_min, m_unit));
    m_edit->setStyleSheet(m_problem.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    m_edit->setToolTip(m_problem);
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
}

} // namespace spillway::ui
