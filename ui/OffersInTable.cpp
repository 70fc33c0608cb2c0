#include "OffersInTable.h"
#include "models/ChannelTableModel.h"
#include "services/WalletService.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMessageBox>
#include <QWidget>

namespace spillway::ui {

OffersInTable::OffersInTable(ChannelTableModel *model, WalletService *service, QWidget *window,
                             std::function<const ChannelSummary *()> selected,
                             std::function<void(const QString &, const QStringList &)> show)
    : QObject(window), m_model(model), m_service(service), m_window(window), m_selected(std::move(selected)),
      m_showTexts(std::move(show))
{
    m_show = new QAction(tr("Show offer"), this);
    m_show->setObjectName(QStringLiteral("showOfferAction"));
    m_show->setToolTip(tr("Show the selected offer again as a QR code, to give to the payer"));
    connect(m_show, &QAction::triggered, this, &OffersInTable::showSelected);
    m_copy = new QAction(tr("Copy offer"), this);
    m_copy->setObjectName(QStringLiteral("copyOfferAction"));
    connect(m_copy, &QAction::triggered, this, [this] {
        if (const ChannelSummary *c = m_selected(); c && c->isOfferOnly())
            QGuiApplication::clipboard()->setText(c->offerText);
    });
    m_withdraw = new QAction(tr("Withdraw offer"), this);
    m_withdraw->setObjectName(QStringLiteral("withdrawOfferAction"));
    m_withdraw->setToolTip(tr("Take the selected offer back: a payer who has it can no longer open a channel with it"));
    connect(m_withdraw, &QAction::triggered, this, [this] {
        const ChannelSummary *c = m_selected();
        if (!c || !c->isOfferOnly() || !m_service)
            return;
        const QString name = c->label.isEmpty() ? tr("this offer") : tr("the offer \"%1\"").arg(c->label);
        if (QMessageBox::question(m_window, tr("Withdraw offer"),
                                  tr("Withdraw %1? A payer who already has it can no longer open a channel with it.").arg(name)) !=
            QMessageBox::Yes)
            return;
        QMetaObject::invokeMethod(m_service, [s = m_service, key = c->offerKey] { s->withdrawOffer(key); });
    });
    update(nullptr);
}

void OffersInTable::update(const ChannelSummary *selected)
{
    const bool offer = selected && selected->isOfferOnly();
    for (QAction *a : {m_show, m_copy, m_withdraw}) {
        a->setEnabled(offer);
        a->setVisible(offer); // only where it means something: the table's menu stays short
    }
}

void OffersInTable::showSelected()
{
    if (const ChannelSummary *c = m_selected(); c && c->isOfferOnly())
        m_showTexts(tr("Offer"), {c->offerText});
}

void OffersInTable::setOffers(const QList<ChannelSummary> &offers)
{
    QHash<QString, ChannelSummary> now;
    for (const ChannelSummary &o : offers)
        now.insert(o.offerKey, o);
    // Withdrawn (or otherwise gone): their rows go.
    for (auto it = m_offers.cbegin(); it != m_offers.cend(); ++it)
        if (!now.contains(it.key()))
            m_model->removeChannel(it->id);
    m_offers = std::move(now);
    sync();
}

void OffersInTable::channelsChanged(const QList<ChannelSummary> &channels)
{
    bool answered = false;
    for (const ChannelSummary &c : channels)
        if (!c.offerKey.isEmpty() && !c.isOfferOnly() && !m_answered.contains(c.offerKey)) {
            m_answered.insert(c.offerKey);
            answered = answered || m_offers.contains(c.offerKey);
        }
    if (answered)
        sync();
}

void OffersInTable::sync()
{
    QList<ChannelSummary> rows;
    for (const ChannelSummary &o : std::as_const(m_offers)) {
        if (m_answered.contains(o.offerKey))
            m_model->removeChannel(o.id); // a channel came from it: the channel's row says the rest
        else
            rows.append(o);
    }
    if (!rows.isEmpty())
        m_model->setChannels(rows); // inserted once, unchanged rows untouched
}

} // namespace spillway::ui
