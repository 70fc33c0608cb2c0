#include "OpeningTerms.h"

#include "bitcoin/Address.h"
#include "bitcoin/Key.h"
#include "chain/ChainTypes.h"

#include <algorithm>

namespace spillway::channel {

using namespace bitcoin;

namespace {

/// A DER signature at its largest (72 bytes) plus the sighash byte.
const Bytes kLargestSig(73, 0x30);

/// How far above the payer's estimate an offer's floor may be before the payer
/// refuses it: three times, and never less than 5 sat/vB over (estimates differ).
constexpr int64_t kOfferFeeFactor = 3;
constexpr int64_t kOfferFeeSlack = 5000;

/// "1.5 sat/vB" from sat/kvB.
std::string satPerVb(int64_t satPerKvB)
{
    std::string s = std::to_string(satPerKvB / 1000);
    if (const int64_t frac = satPerKvB % 1000) {
        std::string f = std::to_string(1000 + frac).substr(1);
        while (!f.empty() && f.back() == '0')
            f.pop_back();
        s += "." + f;
    }
    return s + " sat/vB";
}

} // namespace

int64_t commitmentVsize(const ChannelParams &p)
{
    // Both outputs at a value above dust whatever the scripts, so neither is left out.
    ChannelParams big = p;
    big.capacity = Amount::fromSat(std::max<int64_t>(p.capacity.sat(), 1'000'000));
    big.commitFee = Amount::fromSat(0);
    Transaction tx = buildCommitment(big, Amount::fromSat(big.capacity.sat() / 2));
    tx.inputs[0].witness = commitmentWitness(p, kLargestSig, kLargestSig);
    return static_cast<int64_t>(tx.vsize());
}

int64_t refundVsize(const ChannelParams &p)
{
    Transaction tx = buildRefund(p);
    tx.inputs[0].witness = refundWitness(p, kLargestSig, kLargestSig);
    return static_cast<int64_t>(tx.vsize());
}

int64_t minCommitFee(const OfferMsg &offer, const ChannelParams &p)
{
    // An offer's floor above the fee cap is never met (and its product cannot overflow).
    const int64_t rate = std::clamp<int64_t>(offer.minCommitFeerate, kMinPresignedFeeRate, chain::kMaxFeeRate.satPerKvB + 1);
    return feeAt(rate, commitmentVsize(p));
}

uint32_t defaultExpiryDelta(const OfferMsg &offer)
{
    return std::clamp(network(offer.network).defaultExpiryDelta, std::min(offer.minExpiryDelta + kOpeningLeeway, offer.maxExpiryDelta),
                      offer.maxExpiryDelta);
}

int64_t minRefundFee(const ChannelParams &p)
{
    return feeAt(kMinPresignedFeeRate, refundVsize(p));
}

Status checkOpeningTerms(const OfferMsg &offer, const ChannelParams &p, const OpeningContext &at)
{
    // 1. Variant, capacity and expiry distance within the offer.
    const uint8_t bit = p.variant == Variant::Refund ? 1 : 2;
    if (!(offer.variants & bit))
        return makeError(ErrorCode::VariantNotOffered, std::string(variantName(p.variant)));
    if (p.capacity.sat() < offer.minCapacity || p.capacity.sat() > offer.maxCapacity)
        return makeError(ErrorCode::CapacityOutOfRange, std::to_string(p.capacity.sat()) + " sat, the offer takes " +
                                                            std::to_string(offer.minCapacity) + " to " +
                                                            std::to_string(offer.maxCapacity));
    const int64_t later = static_cast<int64_t>(at.tipHeight) + at.leeway;
    const int64_t distance = static_cast<int64_t>(p.expiry) - later;
    if (distance < offer.minExpiryDelta || static_cast<int64_t>(p.expiry) - at.tipHeight > offer.maxExpiryDelta)
        return makeError(ErrorCode::ExpiryOutOfRange, std::to_string(distance) + " blocks, the offer takes " +
                                                          std::to_string(offer.minExpiryDelta) + " to " +
                                                          std::to_string(offer.maxExpiryDelta));
    // 2. Keys: valid, compressed, not the same.
    for (const Bytes *k : {&p.payerPub, &p.payeePub}) {
        auto pk = PublicKey::parse(*k);
        if (!pk || !pk->isCompressed())
            return makeError(ErrorCode::InvalidPublicKey, k == &p.payerPub ? "the payer's key" : "the payee's key");
    }
    if (p.payerPub == p.payeePub)
        return makeError(ErrorCode::ChannelParamsInvalid, "payer and payee keys are the same");
    // 3. Standard scripts (validate() says which).
    SPW_TRY(p.validate());
    // 4. Fee floors: the commitment at the offer's feerate with both outputs, the refund at 1 sat/vB.
    const int64_t commitFloor = minCommitFee(offer, p);
    if (p.commitFee.sat() < commitFloor)
        return makeError(ErrorCode::CommitFeeTooLow, std::to_string(p.commitFee.sat()) + " sat < " + std::to_string(commitFloor) +
                                                         " sat (" + satPerVb(std::max(offer.minCommitFeerate, kMinPresignedFeeRate)) +
                                                         " on " + std::to_string(commitmentVsize(p)) + " vB)");
    const int64_t refundFloor = minRefundFee(p);
    if (p.refundFee.sat() < refundFloor)
        return makeError(ErrorCode::RefundFeeTooLow, std::to_string(p.refundFee.sat()) + " sat < " + std::to_string(refundFloor) + " sat");
    if (p.commitFee.sat() > p.capacity.sat() / 2 || p.refundFee.sat() > p.capacity.sat() / 2)
        return makeError(ErrorCode::ChannelParamsInvalid, "fees above half the capacity");
    // 5. Usable for at least one safety margin after it confirms.
    const int64_t lastPayment = static_cast<int64_t>(p.expiry) - at.safetyMargin;
    const int64_t usableFrom = later + std::max<uint32_t>(offer.minConfirmations, 1) + at.safetyMargin;
    if (lastPayment < usableFrom)
        return makeError(ErrorCode::ChannelWindowTooShort,
                         "expiry " + std::to_string(p.expiry) + " leaves payments until " + std::to_string(lastPayment) +
                             ", needs at least " + std::to_string(usableFrom) + " (confirmations plus a safety margin of " +
                             std::to_string(at.safetyMargin) + " blocks)");
    return {};
}

Status checkOfferForPayer(const OfferMsg &offer, NetworkId net, int64_t estimateSatPerKvB)
{
    if (offer.network != net)
        return makeError(ErrorCode::WrongNetwork, "the offer is for " + std::string(network(offer.network).name));
    auto payeeKey = PublicKey::parse(offer.payeePub);
    if (!payeeKey || !payeeKey->isCompressed())
        return makeError(ErrorCode::InvalidPublicKey, "the offer's key");
    if (!isStandardPayoutScript(offer.payeePayout) || !encodeAddress(offer.payeePayout, network(net)))
        return makeError(ErrorCode::NonStandardScript, "the offer's payout script");
    if ((offer.variants & 0b11) == 0 || offer.minCapacity <= 0 || offer.maxCapacity < offer.minCapacity ||
        offer.maxExpiryDelta < offer.minExpiryDelta)
        return makeError(ErrorCode::ChannelParamsInvalid, "the offer's limits");
    // Saturated: a node's answer is not trusted to keep the arithmetic in range.
    const int64_t estimate = std::clamp<int64_t>(estimateSatPerKvB, 0, chain::kMaxFeeRate.satPerKvB);
    const int64_t ceiling = std::max(estimate * kOfferFeeFactor, estimate + kOfferFeeSlack);
    if (offer.minCommitFeerate > ceiling)
        return makeError(ErrorCode::OfferFeeTooHigh, satPerVb(offer.minCommitFeerate) + " asked, the estimate is " +
                                                         satPerVb(estimate));
    return {};
}

} // namespace spillway::channel
