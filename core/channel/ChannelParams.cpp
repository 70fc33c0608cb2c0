#include "ChannelParams.h"

#include "bitcoin/Key.h"

namespace spillway::channel {

using namespace bitcoin;

std::string_view variantName(Variant v)
{
    return v == Variant::Refund ? "refund" : "cltv";
}

Status ChannelParams::validate() const
{
    auto bad = [](const char *why) { return makeError(ErrorCode::ChannelParamsInvalid, why); };
    if (variant != Variant::Refund && variant != Variant::Cltv)
        return bad("unknown variant");
    for (const Bytes *k : {&payerPub, &payeePub}) {
        auto pk = PublicKey::parse(*k);
        if (!pk || !pk->isCompressed())
            return bad("keys must be compressed secp256k1 points");
    }
    if (payerPub == payeePub)
        return bad("payer and payee keys are the same");
    if (!capacity.inMoneyRange() || capacity.sat() <= 0)
        return bad("capacity out of range");
    if (commitFee.sat() < 0 || refundFee.sat() < 0 || commitFee >= capacity || refundFee >= capacity)
        return bad("fees out of range");
    // protocol.md "Opening terms", check 3: scripts every node relays and a wallet spends.
    if (!isStandardPayoutScript(payerRefund))
        return makeError(ErrorCode::NonStandardScript, "the payer's refund script");
    if (!isStandardPayoutScript(payeePayout))
        return makeError(ErrorCode::NonStandardScript, "the payee's payout script");
    if (capacity.sat() - refundFee.sat() < dustThreshold(payerRefund))
        return bad("the refund would be dust");
    if (maxPayable() < minFirstPayment())
        return bad("the channel cannot carry even one payment");
    if (expiry == 0 || expiry >= 500'000'000)
        return bad("expiry must be a block height");
    return {};
}

Script ChannelParams::witnessScript() const
{
    return variant == Variant::Refund ? channelRefundScript(payerPub, payeePub)
                                      : channelCltvScript(payerPub, payeePub, expiry);
}

Amount ChannelParams::maxPayable() const
{
    return Amount::fromSat(capacity.sat() - commitFee.sat());
}

Amount ChannelParams::minFirstPayment() const
{
    return Amount::fromSat(dustThreshold(payeePayout));
}

Bytes encodeParams(const ChannelParams &p)
{
    Writer w;
    w.u8(static_cast<uint8_t>(p.network));
    w.u8(static_cast<uint8_t>(p.variant));
    w.bytes(p.funding.txid);
    w.u32(p.funding.index);
    w.i64(p.capacity.sat());
    w.varBytes(p.payerPub);
    w.varBytes(p.payeePub);
    w.varBytes(p.payeePayout.bytes());
    w.varBytes(p.legacyPayerChange.bytes()); // empty for every channel with the locked payer output
    w.varBytes(p.payerRefund.bytes());
    w.u32(p.expiry);
    w.i64(p.commitFee.sat());
    w.i64(p.refundFee.sat());
    return w.take();
}

Result<ChannelParams> decodeParams(ByteView data)
{
    Reader r(data);
    ChannelParams p;
    auto net = r.u8();
    auto var = r.u8();
    auto txid = r.bytes(32);
    auto idx = r.u32();
    auto cap = r.i64();
    auto payer = r.varBytes();
    auto payee = r.varBytes();
    auto payout = r.varBytes();
    auto change = r.varBytes();
    auto refund = r.varBytes();
    auto expiry = r.u32();
    auto cf = r.i64();
    auto rf = r.i64();
    if (!rf || !cf || !expiry || !refund || !change || !payout || !payee || !payer || !cap || !idx || !txid || !var || !net ||
        !r.atEnd())
        return makeError(ErrorCode::StorageFailed, "stored channel terms are damaged");
    p.network = static_cast<NetworkId>(*net);
    p.variant = static_cast<Variant>(*var);
    std::copy(txid->begin(), txid->end(), p.funding.txid.begin());
    p.funding.index = *idx;
    p.capacity = Amount::fromSat(*cap);
    p.payerPub = *payer;
    p.payeePub = *payee;
    p.payeePayout = Script(*payout);
    p.payerRefund = Script(*refund);
    p.legacyPayerChange = Script(*change); // a channel opened before the locked payer output
    p.expiry = *expiry;
    p.commitFee = Amount::fromSat(*cf);
    p.refundFee = Amount::fromSat(*rf);
    return p;
}

Transaction buildRefund(const ChannelParams &p)
{
    Transaction tx;
    tx.version = 2;
    tx.lockTime = p.expiry;
    TxIn in;
    in.prevout = p.funding;
    in.sequence = 0xfffffffe;
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(p.capacity.sat() - p.refundFee.sat()), p.payerRefund});
    return tx;
}

Transaction buildCommitment(const ChannelParams &p, Amount paid)
{
    Transaction tx;
    tx.version = 2;
    tx.lockTime = 0;
    TxIn in;
    in.prevout = p.funding;
    in.sequence = TxIn::kSequenceFinal;
    tx.inputs.push_back(in);
    const int64_t payerGets = p.capacity.sat() - p.commitFee.sat() - paid.sat();
    if (paid.sat() >= dustThreshold(p.payeePayout))
        tx.outputs.push_back(TxOut{paid, p.payeePayout});
    const Script payerOut = p.payerOutputScript();
    if (payerGets >= dustThreshold(payerOut))
        tx.outputs.push_back(TxOut{Amount::fromSat(payerGets), payerOut});
    return tx;
}

ChannelSighasher::ChannelSighasher(const ChannelParams &p)
    : m_params(p), m_witnessScript(p.witnessScript().bytes()), m_prevouts(hashPrevouts({p.funding})),
      m_sequenceFinal(hashSequences({TxIn::kSequenceFinal})), m_sequenceRefund(hashSequences({0xfffffffe}))
{
}

Hash256 ChannelSighasher::digest(const Transaction &tx) const
{
    SighashCache cache;
    cache.hashPrevouts = m_prevouts;
    const uint32_t seq = tx.inputs[0].sequence;
    cache.hashSequence = seq == TxIn::kSequenceFinal ? m_sequenceFinal : seq == 0xfffffffe ? m_sequenceRefund : hashSequences({seq});
    cache.hashOutputs = hashOutputs(tx.outputs);
    return segwitV0Sighash(tx, 0, m_witnessScript, m_params.capacity, SIGHASH_ALL, &cache);
}

Bytes sigWithHashType(const Bytes &der)
{
    Bytes s = der;
    s.push_back(SIGHASH_ALL);
    return s;
}

Witness commitmentWitness(const ChannelParams &p, const Bytes &payerSig, const Bytes &payeeSig)
{
    if (p.variant == Variant::Refund)
        return {{}, payerSig, payeeSig, p.witnessScript().bytes()};
    return {payerSig, payeeSig, {1}, p.witnessScript().bytes()};
}

Witness refundWitness(const ChannelParams &p, const Bytes &payerSig, const Bytes &payeeSig)
{
    if (p.variant == Variant::Refund)
        return {{}, payerSig, payeeSig, p.witnessScript().bytes()};
    return {payerSig, {}, p.witnessScript().bytes()};
}

} // namespace spillway::channel
