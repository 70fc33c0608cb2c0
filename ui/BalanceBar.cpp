#include "BalanceBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace spillway::ui {

BalanceBar::BalanceBar(QWidget *parent) : QWidget(parent), m_format([](qint64 sat) { return tr("%L1 sat").arg(sat); })
{
    setObjectName(QStringLiteral("balanceBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    auto label = [&](const char *name, const QString &tip) {
        auto *l = new QLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        l->setToolTip(tip);
        l->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred); // never squeezed: the figures are the point
        layout->addWidget(l);
        return l;
    };
    m_spendable = label("statusSpendableLabel", tr("Confirmed coins you can spend now."));
    m_unconfirmed = label("statusUnconfirmedLabel", tr("Coins of yours in transactions not yet in a block, change included."));
    m_immature = label("statusImmatureLabel", tr("Newly mined coins, spendable after 100 blocks."));
    m_paying = label("statusPayingLabel", tr("Your money locked in channels you pay through, not yet paid out."));
    m_receiving = label("statusReceivingLabel", tr("What channels you receive on have paid you, until you settle them."));
    m_total = label("statusTotalLabel", tr("Everything above together, newly mined coins included."));
    render();
}

void BalanceBar::setFormatter(std::function<QString(qint64)> format)
{
    m_format = std::move(format);
    render();
}

void BalanceBar::setBalances(const Balances &b)
{
    if (b == m_balances)
        return;
    m_balances = b;
    render();
}

void BalanceBar::render()
{
    const Balances &b = m_balances;
    m_spendable->setText(tr("Spendable: %1").arg(m_format(b.spendable)));
    m_unconfirmed->setText(tr("Unconfirmed: %1").arg(m_format(b.unconfirmed)));
    m_immature->setText(tr("Immature: %1").arg(m_format(b.immature)));
    m_immature->hide(); // newly mined coins (test chains) are on the Wallet tab; the total counts them
    m_paying->setText(tr("In channels, paying: %1").arg(m_format(b.paying)));
    m_receiving->setText(tr("receiving: %1").arg(m_format(b.receiving)));
    m_total->setText(tr("<b>Total: %1</b>").arg(m_format(b.total()).toHtmlEscaped()));
}

} // namespace spillway::ui
