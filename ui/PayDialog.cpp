#include "PayDialog.h"
#include "AmountField.h"
#include "QrMessageView.h"
#include "models/ChannelTableModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

PayDialog::PayDialog(const ChannelSummary &channel, const ChannelTableModel *model, BitcoinUnits::Unit unit, QWidget *parent)
    : QDialog(parent), m_id(channel.id), m_model(model)
{
    setObjectName(QStringLiteral("payDialog"));
    setWindowTitle(tr("Pay"));
    auto *layout = new QVBoxLayout(this);
    m_left = new QLabel(this);
    m_left->setObjectName(QStringLiteral("payLeftLabel"));
    layout->addWidget(m_left);
    // In the chosen unit, never cut: above what the channel has left it turns red and says the limit.
    m_amount = new AmountField(this);
    m_amount->setObjectName(QStringLiteral("payAmountField"));
    m_amount->setUnit(unit);
    m_amount->setMaximum(channel.remainingSat());
    m_amount->setValue(std::min<qint64>(1000, channel.remainingSat()));
    layout->addWidget(m_amount);
    auto *quick = new QHBoxLayout;
    for (qint64 v : {1000, 10000, 100000}) {
        auto *b = new QPushButton(m_model->formatAmount(v), this);
        b->setObjectName(QStringLiteral("quickPay%1Button").arg(v));
        b->setToolTip(tr("Pay this amount now"));
        connect(b, &QPushButton::clicked, this, [this, v] { pay(v); });
        quick->addWidget(b);
        m_quick << b;
        m_quickValues << v;
    }
    layout->addLayout(quick);
    m_sent = new QLabel(this);
    m_sent->setObjectName(QStringLiteral("paySentLabel"));
    m_sent->setWordWrap(true);
    layout->addWidget(m_sent);
    m_codeTitle = new QLabel(this);
    m_codeTitle->setObjectName(QStringLiteral("payCodeLabel"));
    m_codeTitle->hide();
    layout->addWidget(m_codeTitle);
    m_code = new QrMessageView(this);
    m_code->setObjectName(QStringLiteral("payCodeView"));
    m_code->hide();
    layout->addWidget(m_code);
    auto *buttons = new QDialogButtonBox(this);
    m_pay = buttons->addButton(tr("Pay"), QDialogButtonBox::AcceptRole);
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_pay->setDefault(true); // Enter pays again
    buttons->addButton(QDialogButtonBox::Close);
    // Pay keeps the window open for the next payment; Close closes it.
    connect(m_pay, &QPushButton::clicked, this, [this] {
        if (m_amount->value())
            pay(*m_amount->value());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_amount, &AmountField::valueChanged, this, &PayDialog::updateButtons);
    layout->addWidget(buttons);
    setChannel(channel);
}

void PayDialog::setChannel(const ChannelSummary &c)
{
    m_channel = c;
    m_amount->setMaximum(c.remainingSat());
    m_left->setText(tr("%1 left in this channel.").arg(m_model->formatAmount(c.remainingSat())));
    if (m_paidHere > 0)
        m_sent->setText(tr("%n payment(s) from this window. Paid %1 in all, %2 acknowledged by the payee.", nullptr, m_paidHere)
                            .arg(m_model->formatAmount(c.paidSat), m_model->formatAmount(c.ackedSat)));
    updateButtons();
}

void PayDialog::pay(qint64 amount)
{
    if (amount <= 0 || amount > m_channel.remainingSat() || m_channel.state != ChannelSummary::State::Open)
        return;
    ++m_paidHere;
    ++m_awaiting;
    Q_EMIT payRequested(m_id, amount);
}

void PayDialog::showPayment(const QString &title, const QStringList &texts)
{
    m_awaiting = std::max(0, m_awaiting - 1);
    m_codeTitle->setText(tr("%1: show this to the payee.").arg(title));
    m_codeTitle->show();
    m_code->setMessages(texts);
    m_code->show();
}

void PayDialog::updateButtons()
{
    const bool open = m_channel.state == ChannelSummary::State::Open;
    m_pay->setEnabled(open && m_amount->value().has_value());
    for (int i = 0; i < m_quick.size(); ++i)
        m_quick[i]->setEnabled(open && m_quickValues[i] <= m_channel.remainingSat());
    if (!open) {
        // Closing or closed: no amount left to offer, no payment code to show.
        m_sent->setText(tr("The channel is no longer open: no more payments."));
        m_left->clear();
        m_codeTitle->hide();
        m_code->hide();
    }
}

} // namespace spillway::ui
