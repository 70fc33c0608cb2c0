#pragma once
// The pure, storage-free heart of both sides: the payer signs commitments and
// refunds, the payee checks a payment exactly as protocol.md "What each side
// checks" lists, and either side completes transactions for the chain. The
// state machines and the store build on these.

#include "ChannelParams.h"
#include "Messages.h"

namespace spillway::channel {

/// What the payee holds for one channel.
struct PayeeChannelState {
    ChannelParams params;
    bool open = false;
    int fundingConfirmations = 0;
    uint64_t lastSequence = 0;            ///< 0: no payment yet
    int64_t lastPaid = 0;
    bitcoin::CompactSignature lastPayerSig{};
    bool operator==(const PayeeChannelState &) const = default;
};

struct PayeePolicy {
    uint32_t minConfirmations = 1;        ///< from the offer
    uint32_t safetyMargin = 6;            ///< blocks before expiry when payments stop
};

enum class PaymentOutcome { Accepted, Repeated };

struct PaymentDecision {
    PaymentOutcome outcome;
    PayeeChannelState next;               ///< to be stored durably before the ack
};

/// Checks a payment; on success returns the state to store. Never changes `state`.
Result<PaymentDecision> checkPayment(const PayeeChannelState &state, const PaymentMsg &payment, int tipHeight,
                                     const PayeePolicy &policy, const bitcoin::PrivateKey &payeeKey,
                                     const ChannelSighasher &sighasher, bitcoin::Transaction *settlement = nullptr);
/// Check 3 alone, the costly part (a signing and the interpreter): it depends on
/// the channel's terms and the payment only, so a batch can be checked in parallel.
/// With `settlement`, the completed commitment (both signatures, checked by the
/// interpreter) is handed back: the payee keeps it so that a watcher can
/// broadcast it without unlocking any key (protocol.md "Settlement").
Status checkPaymentSignature(const ChannelParams &params, const PaymentMsg &payment, const bitcoin::PrivateKey &payeeKey,
                             const ChannelSighasher &sighasher, bitcoin::Transaction *settlement = nullptr);
/// checkPayment with check 3's outcome given (from checkPaymentSignature); the
/// same decision, in the same order of checks.
Result<PaymentDecision> checkPaymentChecked(const PayeeChannelState &state, const PaymentMsg &payment, int tipHeight,
                                            const PayeePolicy &policy, const Status &signature);

/// Payer: the payment message for commitment `sequence` paying `paid` in total.
PaymentMsg signPayment(const ChannelParams &p, uint64_t sequence, bitcoin::Amount paid, const bitcoin::PrivateKey &payerKey,
                       const ChannelSighasher &sighasher);

/// Payee: the settlement, commitment `paid` completed with both signatures and
/// checked by the interpreter with the standard flags.
Result<bitcoin::Transaction> completeCommitment(const ChannelParams &p, bitcoin::Amount paid,
                                                const bitcoin::CompactSignature &payerSig,
                                                const bitcoin::PrivateKey &payeeKey, const ChannelSighasher &sighasher);

/// `refund` variant, payee side: the signature on the proposal's refund.
Result<RefundSigMsg> signRefundAsPayee(const ChannelParams &p, const bitcoin::PrivateKey &payeeKey,
                                       const ChannelSighasher &sighasher);
/// `refund` variant, payer side: checks the payee's refund signature before funding.
Status checkRefundSignature(const ChannelParams &p, const RefundSigMsg &sig, const ChannelSighasher &sighasher);

/// Payer: the complete refund (payee's signature needed only for `refund`).
Result<bitcoin::Transaction> completeRefund(const ChannelParams &p, const bitcoin::PrivateKey &payerKey,
                                            const std::optional<bitcoin::CompactSignature> &payeeSig,
                                            const ChannelSighasher &sighasher);

} // namespace spillway::channel
