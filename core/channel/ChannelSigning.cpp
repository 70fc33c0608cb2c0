#include "ChannelSigning.h"

#include "bitcoin/Interpreter.h"

namespace spillway::channel {

using namespace bitcoin;

namespace {

// Every transaction the engine completes passes the interpreter first.
Status verifyComplete(const ChannelParams &p, const Transaction &tx)
{
    const ScriptError err = verifyInput(tx, 0, p.fundingOutput(), kStandardFlags);
    if (err != ScriptError::OK)
        return makeError(ErrorCode::ScriptFailed, std::string(scriptErrorName(err)));
    return {};
}

// The interpreter with one signature already known good: the payee's own, made
// by libsecp256k1 a moment ago for this very digest. Like Bitcoin Core's
// signature cache it skips re-verifying a known (key, signature) pair; every
// other signature, the payer's above all, is verified in full. The settlement
// itself (completeCommitment) is always checked without this shortcut.
class OwnSignatureChecker : public TransactionSignatureChecker {
public:
    OwnSignatureChecker(const Transaction &tx, Amount amount, const SighashCache *cache, ByteView ownPub, ByteView ownSig)
        : TransactionSignatureChecker(tx, 0, amount, cache), m_pub(ownPub), m_sig(ownSig)
    {
    }
    bool checkEcdsa(ByteView sig, ByteView pubkey, const Script &scriptCode, SigVersion sigversion) const override
    {
        if (std::equal(pubkey.begin(), pubkey.end(), m_pub.begin(), m_pub.end()) &&
            std::equal(sig.begin(), sig.end(), m_sig.begin(), m_sig.end()))
            return true;
        return TransactionSignatureChecker::checkEcdsa(sig, pubkey, scriptCode, sigversion);
    }

private:
    ByteView m_pub;
    ByteView m_sig;
};

Bytes der(const CompactSignature &c)
{
    return sigWithHashType(compactToDer(c));
}

} // namespace

namespace {

/// Checks 1, 2 and 4 and the repeat rule: a decision or an error when they settle
/// the matter, nullopt when the signature (check 3) is what remains.
std::optional<Result<PaymentDecision>> checkTerms(const PayeeChannelState &state, const PaymentMsg &m, int tipHeight,
                                                  const PayeePolicy &policy)
{
    const ChannelParams &p = state.params;
    // 1. The channel exists (the caller looked it up by m.channel), is open and confirmed.
    if (m.channel != p.funding)
        return makeError(ErrorCode::ChannelUnknown, m.channel.toString());
    if (!state.open || state.fundingConfirmations < static_cast<int>(policy.minConfirmations))
        return makeError(ErrorCode::ChannelNotOpen, std::to_string(state.fundingConfirmations) + " confirmations");

    // A repeat of the newest payment is acknowledged again, unchanged.
    if (m.sequence == state.lastSequence && state.lastSequence > 0) {
        if (m.paid == state.lastPaid && m.signature == state.lastPayerSig)
            return PaymentDecision{PaymentOutcome::Repeated, state};
        return makeError(ErrorCode::PaymentSequence, "sequence " + std::to_string(m.sequence) + " repeated with other terms");
    }
    // 2. Next sequence, strictly more, within capacity, above dust on the first payment.
    if (m.sequence != state.lastSequence + 1)
        return makeError(ErrorCode::PaymentSequence,
                         "expected " + std::to_string(state.lastSequence + 1) + ", got " + std::to_string(m.sequence));
    if (m.paid <= state.lastPaid)
        return makeError(ErrorCode::PaymentNotIncreasing, std::to_string(m.paid) + " <= " + std::to_string(state.lastPaid));
    if (m.paid > p.maxPayable().sat())
        return makeError(ErrorCode::PaymentAboveCapacity, std::to_string(m.paid) + " > " + std::to_string(p.maxPayable().sat()));
    if (m.paid < p.minFirstPayment().sat())
        return makeError(ErrorCode::PaymentBelowDust, std::to_string(m.paid) + " < " + std::to_string(p.minFirstPayment().sat()));
    // 4. (checked before the costly signature work) far enough from expiry.
    if (static_cast<int64_t>(tipHeight) >= static_cast<int64_t>(p.expiry) - policy.safetyMargin)
        return makeError(ErrorCode::ChannelExpiring, "tip " + std::to_string(tipHeight) + ", expiry " + std::to_string(p.expiry));
    return std::nullopt;
}

PaymentDecision accepted(const PayeeChannelState &state, const PaymentMsg &m)
{
    PayeeChannelState next = state;
    next.lastSequence = m.sequence;
    next.lastPaid = m.paid;
    next.lastPayerSig = m.signature;
    return PaymentDecision{PaymentOutcome::Accepted, next};
}

} // namespace

Status checkPaymentSignature(const ChannelParams &p, const PaymentMsg &m, const PrivateKey &payeeKey,
                             const ChannelSighasher &sighasher, Transaction *settlement)
{
    // 3. The signature is the payer's on the rebuilt commitment, and the completed
    // transaction passes the interpreter.
    // The interpreter verifies the payer's signature as part of the completed
    // transaction (LOW_S, NULLFAIL and all), so it is not verified twice.
    const Amount paid = Amount::fromSat(m.paid);
    Transaction complete = buildCommitment(p, paid);
    const Hash256 digest = sighasher.digest(complete);
    const Bytes payerDer = compactToDer(m.signature);
    if (payerDer.empty())
        return makeError(ErrorCode::PaymentBadSignature, "sequence " + std::to_string(m.sequence) + ": not a signature");
    const Bytes payeeSig = sigWithHashType(payeeKey.signDer(digest));
    complete.inputs[0].witness = commitmentWitness(p, sigWithHashType(payerDer), payeeSig);
    // The channel's payee key is ours (the caller holds its private key).
    const OwnSignatureChecker checker(complete, p.capacity, nullptr, p.payeePub, payeeSig);
    ScriptError err;
    if (!verifyScript(Script(), p.fundingScriptPubKey(), complete.inputs[0].witness, kStandardFlags, checker, err))
        return makeError(ErrorCode::PaymentBadSignature, "sequence " + std::to_string(m.sequence) + ": " + std::string(scriptErrorName(err)));
    if (settlement)
        *settlement = std::move(complete);
    return {};
}

Result<PaymentDecision> checkPayment(const PayeeChannelState &state, const PaymentMsg &m, int tipHeight,
                                     const PayeePolicy &policy, const PrivateKey &payeeKey,
                                     const ChannelSighasher &sighasher, Transaction *settlement)
{
    if (auto decided = checkTerms(state, m, tipHeight, policy))
        return *decided;
    SPW_TRY(checkPaymentSignature(state.params, m, payeeKey, sighasher, settlement));
    return accepted(state, m);
}

Result<PaymentDecision> checkPaymentChecked(const PayeeChannelState &state, const PaymentMsg &m, int tipHeight,
                                            const PayeePolicy &policy, const Status &signature)
{
    if (auto decided = checkTerms(state, m, tipHeight, policy))
        return *decided;
    SPW_TRY(signature);
    return accepted(state, m);
}

PaymentMsg signPayment(const ChannelParams &p, uint64_t sequence, Amount paid, const PrivateKey &payerKey,
                       const ChannelSighasher &sighasher)
{
    PaymentMsg m;
    m.channel = p.funding;
    m.sequence = sequence;
    m.paid = paid.sat();
    m.signature = payerKey.signCompact(sighasher.commitmentDigest(paid));
    return m;
}

Result<Transaction> completeCommitment(const ChannelParams &p, Amount paid, const CompactSignature &payerSig,
                                       const PrivateKey &payeeKey, const ChannelSighasher &sighasher)
{
    Transaction tx = buildCommitment(p, paid);
    const Hash256 digest = sighasher.digest(tx);
    tx.inputs[0].witness = commitmentWitness(p, der(payerSig), sigWithHashType(payeeKey.signDer(digest)));
    SPW_TRY(verifyComplete(p, tx));
    return tx;
}

Result<RefundSigMsg> signRefundAsPayee(const ChannelParams &p, const PrivateKey &payeeKey, const ChannelSighasher &sighasher)
{
    if (p.variant != Variant::Refund)
        return makeError(ErrorCode::ChannelParamsInvalid, "only the refund variant has a pre-signed refund");
    RefundSigMsg m;
    m.channel = p.funding;
    m.signature = payeeKey.signCompact(sighasher.digest(buildRefund(p)));
    return m;
}

Status checkRefundSignature(const ChannelParams &p, const RefundSigMsg &sig, const ChannelSighasher &sighasher)
{
    if (sig.channel != p.funding)
        return makeError(ErrorCode::ChannelUnknown, sig.channel.toString());
    auto payee = PublicKey::parse(p.payeePub);
    if (!payee || !payee->verifyCompact(sighasher.digest(buildRefund(p)), sig.signature))
        return makeError(ErrorCode::InvalidSignature, "the payee's refund signature does not match the refund");
    return {};
}

Result<Transaction> completeRefund(const ChannelParams &p, const PrivateKey &payerKey,
                                   const std::optional<CompactSignature> &payeeSig, const ChannelSighasher &sighasher)
{
    Transaction tx = buildRefund(p);
    const Hash256 digest = sighasher.digest(tx);
    const Bytes payerSig = sigWithHashType(payerKey.signDer(digest));
    if (p.variant == Variant::Refund) {
        if (!payeeSig)
            return makeError(ErrorCode::PsbtIncomplete, "the refund needs the payee's signature");
        tx.inputs[0].witness = refundWitness(p, payerSig, der(*payeeSig));
    } else {
        tx.inputs[0].witness = refundWitness(p, payerSig, {});
    }
    SPW_TRY(verifyComplete(p, tx));
    return tx;
}

} // namespace spillway::channel
