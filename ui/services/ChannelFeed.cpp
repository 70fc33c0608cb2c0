#include "ChannelFeed.h"

#include "channel/ChannelEngine.h"
#include "channel/Messages.h"
#include "store/ChannelStore.h"

namespace spillway::ui {

using namespace bitcoin;

ChannelSummary summarize(const store::ChannelRecord &r)
{
    ChannelSummary s;
    s.id = QString::fromStdString(r.id().toString());
    s.label = QString::fromStdString(r.label);
    const Bytes &peer = r.role == store::ChannelRole::Payer ? r.params.payeePub : r.params.payerPub;
    const QString hex = QString::fromStdString(toHex(peer));
    s.peer = hex.left(6) + QStringLiteral("…") + hex.right(4);
    s.role = r.role == store::ChannelRole::Payer ? ChannelSummary::Role::Paying : ChannelSummary::Role::Receiving;
    switch (r.state) {
    case store::ChannelState::Proposed: s.state = ChannelSummary::State::Offered; break;
    case store::ChannelState::Opening: s.state = ChannelSummary::State::Opening; break;
    case store::ChannelState::Open: s.state = ChannelSummary::State::Open; break;
    case store::ChannelState::Closing: s.state = ChannelSummary::State::Closing; break;
    case store::ChannelState::Settled: s.state = ChannelSummary::State::Settled; break;
    case store::ChannelState::Refunded: s.state = ChannelSummary::State::Refunded; break;
    }
    s.variant = QString::fromLatin1(channel::variantName(r.params.variant).data());
    s.capacitySat = r.params.capacity.sat();
    s.paidSat = r.role == store::ChannelRole::Payer ? r.signedPaid : r.paid;
    s.ackedSat = r.paid; // the payer's newest acknowledged payment; the payee's accepted one
    s.maxPayableSat = r.params.maxPayable().sat();
    s.expiryHeight = static_cast<int>(r.params.expiry);
    s.safetyMargin = static_cast<int>(r.safetyMargin);
    s.payments = static_cast<int>(r.paymentCount);
    s.lastPaymentTime = r.lastPaymentTime;
    s.fundingTxid = QString::fromStdString(toDisplayHex(r.id().txid));
    s.closingTxid = r.closingTxid == Hash256{} ? QString() : QString::fromStdString(toDisplayHex(r.closingTxid));
    s.finalPayeeSat = r.finalPayee;
    s.finalPayerSat = r.finalPayer;
    if (r.role == store::ChannelRole::Payee)
        s.offerKey = QString::fromStdString(toHex(r.params.payeePub));
    return s;
}

Result<QList<ChannelSummary>> offerRows(store::ChannelStore &store)
{
    auto offers = store.offers();
    if (!offers)
        return offers.error();
    QList<ChannelSummary> out;
    for (const store::OfferRecord &o : *offers) {
        if (o.withdrawn || !o.offer.endpoint.empty())
            continue;
        ChannelSummary s;
        s.offerKey = QString::fromStdString(toHex(o.offer.payeePub));
        s.id = QStringLiteral("offer:") + s.offerKey;
        s.label = QString::fromStdString(o.offer.label);
        s.peer = QStringLiteral("—");
        s.role = ChannelSummary::Role::Receiving;
        s.state = ChannelSummary::State::Offered;
        s.variant = (o.offer.variants & 0b10) ? QStringLiteral("cltv") : QStringLiteral("refund");
        s.capacitySat = o.offer.maxCapacity;
        s.offerText = QString::fromStdString(channel::messageToText(o.offer));
        out.append(std::move(s));
    }
    return out;
}

Result<QList<ChannelSummary>> ChannelFeed::changes()
{
    auto changed = m_store.changedSince(m_through);
    if (!changed)
        return changed.error();
    m_through = changed->through;
    m_rowsRead += static_cast<qint64>(changed->channels.size());
    QList<ChannelSummary> out;
    out.reserve(static_cast<qsizetype>(changed->channels.size()));
    for (const store::ChannelRecord &r : changed->channels) {
        ChannelSummary s = summarize(r);
        // The same rule as ChannelEngine::lockedInChannels, kept per channel so that a
        // change costs one subtraction and one addition, not a pass over every channel.
        Share now;
        now.paying = r.role == store::ChannelRole::Payer;
        now.amount = channel::moneyInChannel(r);
        now.watched = r.state == store::ChannelState::Opening || r.state == store::ChannelState::Open ||
                      r.state == store::ChannelState::Closing;
        Share &was = m_shares[s.id];
        (was.paying ? m_totals.paying : m_totals.receiving) -= was.amount;
        (now.paying ? m_totals.paying : m_totals.receiving) += now.amount;
        m_totals.toWatch += int(now.watched) - int(was.watched);
        was = now;
        out.append(std::move(s));
    }
    return out;
}

} // namespace spillway::ui
