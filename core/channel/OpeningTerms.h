#pragma once
// protocol.md "Opening terms that can always be settled": the checks both sides
// make before a channel is worth money. The payee makes them before it signs a
// refund (refund variant) or recognises a funding (cltv variant); the payer
// before it funds. CLI, GUI and socket server all reach them through the engine.

#include "ChannelParams.h"
#include "Messages.h"

namespace spillway::channel {

/// Blocks by which the payer's proposal is judged ahead (it travels by hand, or the
/// payee's node lags): the payer never funds terms the payee then refuses.
constexpr uint32_t kOpeningLeeway = 6;

/// Every node relays 1 sat/vB (1000 sat/kvB); pre-signed fees never go below it.
constexpr int64_t kMinPresignedFeeRate = 1000;

/// The commitment's virtual size with both outputs present and both signatures
/// at their largest (73 bytes with the sighash byte): what check 4 prices.
int64_t commitmentVsize(const ChannelParams &p);
/// The refund's virtual size, signatures at their largest.
int64_t refundVsize(const ChannelParams &p);

/// Fee for `vsize` vbytes at `satPerKvB`, rounded up.
inline int64_t feeAt(int64_t satPerKvB, int64_t vsize) { return (satPerKvB * vsize + 999) / 1000; }

/// Where the chain is when the terms are judged.
struct OpeningContext {
    int tipHeight = 0;
    uint32_t safetyMargin = 6;
    /// Blocks by which the other side may judge the terms later (the payer, before it
    /// funds, allows for the payee's later look): the lower limits are checked that
    /// many blocks on, the upper limit at today's tip.
    uint32_t leeway = 0;
};

/// Checks 1-5 of the terms `p` against `offer` (variant, capacity, expiry
/// distance, keys, standard scripts, fee floors, usable window). Each refusal has
/// its own code: VARIANT_NOT_OFFERED, CAPACITY_OUT_OF_RANGE, EXPIRY_OUT_OF_RANGE,
/// INVALID_PUBLIC_KEY, NONSTANDARD_SCRIPT, COMMIT_FEE_TOO_LOW, REFUND_FEE_TOO_LOW,
/// CHANNEL_WINDOW_TOO_SHORT (and CHANNEL_PARAMS_INVALID for what is plainly broken).
Status checkOpeningTerms(const OfferMsg &offer, const ChannelParams &p, const OpeningContext &at);

/// The payer's look at an offer before anything is signed: its network, key and
/// payout script, and a `min_commit_feerate` not far above the payer's own
/// estimate (a payee cannot make the payer overpay): OFFER_FEE_TOO_HIGH.
Status checkOfferForPayer(const OfferMsg &offer, bitcoin::NetworkId network, int64_t estimateSatPerKvB);

/// The refund distance a payer proposes when it names none: the network's default,
/// within the offer's limits, with room for the payee's later look (kOpeningLeeway).
uint32_t defaultExpiryDelta(const OfferMsg &offer);

/// The least commitment fee the offer accepts for `p` (its feerate, at least
/// 1 sat/vB, on commitmentVsize).
int64_t minCommitFee(const OfferMsg &offer, const ChannelParams &p);
/// The least refund fee: 1 sat/vB on refundVsize.
int64_t minRefundFee(const ChannelParams &p);

} // namespace spillway::channel
