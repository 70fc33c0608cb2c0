#include "OfferChecks.h"
#include "BitcoinUnits.h"
#include "NetworkNames.h"

#include "bitcoin/Key.h"
#include "bitcoin/Network.h"
#include "chain/ChainTypes.h"
#include "channel/OpeningTerms.h"

#include <QCoreApplication>

namespace spillway::ui {

using namespace bitcoin;

namespace {
QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("spillway::ui::OfferChecks", s, nullptr, n);
}

QString networkName(NetworkId id)
{
    return NetworkNames::inSentence(QString::fromLatin1(network(id).name));
}

QString amount(qint64 sat)
{
    return BitcoinUnits::format(sat, BitcoinUnits::chosen());
}
} // namespace

OfferCheck checkOffer(const QString &text, NetworkId net, qint64 estimateSatPerKvB)
{
    OfferCheck out;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return out;
    auto m = channel::messageFromText(trimmed.toStdString());
    if (!m || !std::holds_alternative<channel::OfferMsg>(*m)) {
        out.problem = tr("This is not an offer. An offer starts with spw1 and comes from the payee (New offer).");
        return out;
    }
    const auto &offer = std::get<channel::OfferMsg>(*m);
    if (offer.network != net) {
        out.problem = tr("This offer is for %1, and this wallet is on %2. Ask the payee for an offer on %2.")
                          .arg(networkName(offer.network), networkName(net));
        return out;
    }
    // The payer's own look (key, payout script, limits, fee floor); with no estimate
    // known the fee floor waits for the engine, which asks the chain.
    const int64_t estimate = estimateSatPerKvB > 0 ? estimateSatPerKvB : chain::kMaxFeeRate.satPerKvB;
    if (const Status st = channel::checkOfferForPayer(offer, net, estimate); !st.ok()) {
        out.problem = st.error().code == ErrorCode::OfferFeeTooHigh
                          ? tr("The payee asks for a closing fee far above today's fees. Ask for a new offer.")
                          : tr("This offer is damaged or not one Spillway can accept: %1")
                                .arg(QCoreApplication::translate("ErrorCode", errorCodeSentence(st.error().code).data()));
        return out;
    }
    out.offer = offer;
    return out;
}

int effectiveExpiryDelta(const channel::OfferMsg &o, int expiryDelta)
{
    if (expiryDelta > 0)
        return expiryDelta;
    // As the engine picks it (ChannelEngine::open): the default, with room for the payee's later look.
    return static_cast<int>(std::clamp(network(o.network).defaultExpiryDelta,
                                       std::min(o.minExpiryDelta + channel::kOpeningLeeway, o.maxExpiryDelta), o.maxExpiryDelta));
}

qint64 leastCommitFee(const channel::OfferMsg &offer, qint64 capacitySat, bool refundVariant)
{
    // The commitment's size depends only on the scripts' kinds: the payee's payout from
    // the offer, our side at its usual shape (a compressed key, a P2WPKH refund).
    channel::ChannelParams p;
    p.network = offer.network;
    p.variant = refundVariant ? channel::Variant::Refund : channel::Variant::Cltv;
    p.capacity = Amount::fromSat(capacitySat);
    p.payeePub = offer.payeePub;
    p.payerPub = offer.payeePub;
    p.payeePayout = offer.payeePayout;
    p.payerRefund = offer.payeePayout;
    return channel::minCommitFee(offer, p);
}

QString checkTerms(const channel::OfferMsg &o, const TermsInput &t)
{
    const bool offered = t.refundVariant ? (o.variants & 0b01) != 0 : (o.variants & 0b10) != 0;
    if (!offered)
        return tr("The payee does not offer this kind of channel. Choose the other kind.");
    if (t.capacitySat < o.minCapacity || t.capacitySat > o.maxCapacity)
        return tr("The payee accepts a capacity from %1 to %2.").arg(amount(o.minCapacity), amount(o.maxCapacity));
    if (t.spendableSat >= 0 && t.capacitySat > t.spendableSat)
        return tr("The wallet has %1 spendable, less than the capacity and its funding fee.").arg(amount(t.spendableSat));
    // As checkOpeningTerms judges them: the lower limit a few blocks on (the payee's later look).
    const int leeway = static_cast<int>(channel::kOpeningLeeway);
    const int delta = effectiveExpiryDelta(o, t.expiryDelta);
    const int lowest = static_cast<int>(o.minExpiryDelta) + leeway;
    if (delta < lowest || delta > static_cast<int>(o.maxExpiryDelta))
        return tr("The payee accepts a refund after %1 to %2 blocks.").arg(std::min<int>(lowest, static_cast<int>(o.maxExpiryDelta))).arg(o.maxExpiryDelta);
    // Usable for a while: confirmations, then payments until the payee's safety margin.
    const int margin = static_cast<int>(network(o.network).defaultSafetyMargin);
    const int least = leeway + static_cast<int>(std::max<uint32_t>(o.minConfirmations, 1)) + 2 * margin;
    if (delta < least)
        return tr("With %1 confirmations first and the payee settling %2 blocks before the refund, the refund must be at least %3 blocks away.")
            .arg(o.minConfirmations)
            .arg(margin)
            .arg(least);
    if (t.commitFeeSat > 0) {
        const qint64 floor = leastCommitFee(o, t.capacitySat, t.refundVariant);
        if (t.commitFeeSat < floor)
            return tr("The closing fee must be at least %1 (the payee's minimum feerate).").arg(amount(floor));
        if (t.commitFeeSat > t.capacitySat / 2)
            return tr("The closing fee can be at most half the capacity.");
    }
    return {};
}

} // namespace spillway::ui
