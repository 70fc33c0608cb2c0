#include "OfferChecks.h"
#include "BitcoinUnits.h"
#include "NetworkNames.h"

#include "bitcoin/Key.h"
#include "bitcoin/Script.h"
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
    return expiryDelta > 0 ? expiryDelta : static_cast<int>(channel::defaultExpiryDelta(o));
}

namespace {
/// The terms as the payer would propose them, judged relative to a tip at 0: the
/// opening rules are about distances. Our side at its usual shape (a compressed key,
/// a P2WPKH-sized script): only sizes and limits matter here.
channel::ChannelParams proposedParams(const channel::OfferMsg &o, qint64 capacitySat, int expiryDelta, bool refundVariant, qint64 commitFeeSat)
{
    channel::ChannelParams p;
    p.network = o.network;
    p.variant = refundVariant ? channel::Variant::Refund : channel::Variant::Cltv;
    p.capacity = Amount::fromSat(capacitySat);
    p.payeePub = o.payeePub;
    p.payeePayout = o.payeePayout;
    static const Bytes ourShape = PrivateKey::generate().publicKey().bytes();
    p.payerPub = ourShape == o.payeePub ? PrivateKey::generate().publicKey().bytes() : ourShape;
    p.payerRefund = p2wpkh(hash160(p.payerPub));
    p.expiry = static_cast<uint32_t>(effectiveExpiryDelta(o, expiryDelta));
    p.commitFee = Amount::fromSat(commitFeeSat > 0 ? commitFeeSat : channel::minCommitFee(o, p));
    p.refundFee = Amount::fromSat(channel::minRefundFee(p));
    return p;
}
} // namespace

qint64 leastCommitFee(const channel::OfferMsg &offer, qint64 capacitySat, bool refundVariant)
{
    return channel::minCommitFee(offer, proposedParams(offer, capacitySat, 0, refundVariant, 0));
}

QString checkTerms(const channel::OfferMsg &o, const TermsInput &t)
{
    if (t.spendableSat >= 0 && t.capacitySat > t.spendableSat)
        return tr("The wallet has %1 spendable, less than the capacity and its funding fee.").arg(amount(t.spendableSat));
    // The engine's own rules (protocol.md "Opening terms"), judged as the payee will judge
    // them a few blocks on; each refusal said with the limit that applies.
    const channel::ChannelParams p = proposedParams(o, t.capacitySat, t.expiryDelta, t.refundVariant, t.commitFeeSat);
    const Status st = channel::checkOpeningTerms(o, p, channel::OpeningContext{0, network(o.network).defaultSafetyMargin, channel::kOpeningLeeway});
    if (st.ok())
        return {};
    const int leeway = static_cast<int>(channel::kOpeningLeeway);
    switch (st.error().code) {
    case ErrorCode::VariantNotOffered:
        return tr("The payee does not offer this kind of channel. Choose the other kind.");
    case ErrorCode::CapacityOutOfRange:
        return tr("The payee accepts a capacity from %1 to %2.").arg(amount(o.minCapacity), amount(o.maxCapacity));
    case ErrorCode::ExpiryOutOfRange:
        return tr("The payee accepts a refund after %1 to %2 blocks.")
            .arg(std::min<int64_t>(o.minExpiryDelta + leeway, o.maxExpiryDelta))
            .arg(o.maxExpiryDelta);
    case ErrorCode::ChannelWindowTooShort: {
        const int margin = static_cast<int>(network(o.network).defaultSafetyMargin);
        return tr("With %1 confirmations first and the payee settling %2 blocks before the refund, the refund must be at least %3 blocks away.")
            .arg(o.minConfirmations)
            .arg(margin)
            .arg(leeway + static_cast<int>(std::max<uint32_t>(o.minConfirmations, 1)) + 2 * margin);
    }
    case ErrorCode::CommitFeeTooLow:
        return tr("The closing fee must be at least %1 (the payee's minimum feerate).").arg(amount(channel::minCommitFee(o, p)));
    case ErrorCode::ChannelParamsInvalid:
        if (t.commitFeeSat > t.capacitySat / 2)
            return tr("The closing fee can be at most half the capacity.");
        [[fallthrough]];
    default:
        return tr("The payee would refuse these terms: %1")
            .arg(QCoreApplication::translate("ErrorCode", errorCodeSentence(st.error().code).data()));
    }
}

} // namespace spillway::ui
