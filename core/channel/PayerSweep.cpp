#include "PayerSweep.h"

#include "ChannelEngine.h"
#include "OpeningTerms.h"
#include "bitcoin/Address.h"
#include "bitcoin/Interpreter.h"

namespace spillway::channel {

using namespace bitcoin;

std::optional<LockedPayerOutput> lockedPayerOutput(const ChannelParams &p, const Transaction &settlement)
{
    if (!p.legacyPayerChange.empty())
        return std::nullopt; // an older channel paid the payer's wallet directly
    const Script spk = p.payerOutputScript();
    for (size_t i = 0; i < settlement.outputs.size(); ++i)
        if (settlement.outputs[i].scriptPubKey == spk)
            return LockedPayerOutput{OutPoint{settlement.txid(), static_cast<uint32_t>(i)}, settlement.outputs[i].value};
    return std::nullopt;
}

namespace {

Transaction unsignedSweep(const ChannelParams &p, const LockedPayerOutput &locked, const Script &payTo, int64_t fee)
{
    (void)p;
    Transaction tx;
    tx.version = 2; // BIP 68 applies from version 2
    tx.lockTime = 0;
    TxIn in;
    in.prevout = locked.outpoint;
    in.sequence = 1; // relative lock: one block
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(locked.value.sat() - fee), payTo});
    return tx;
}

} // namespace

int64_t payerSweepVsize(const ChannelParams &p, const Script &payTo)
{
    Transaction tx = unsignedSweep(p, LockedPayerOutput{{}, Amount::fromSat(1'000'000)}, payTo, 0);
    tx.inputs[0].witness = {Bytes(73, 0x30), p.payerOutputWitnessScript().bytes()};
    return static_cast<int64_t>(tx.vsize());
}

Result<Transaction> buildPayerSweep(const ChannelParams &p, const LockedPayerOutput &locked, const Script &payTo, int64_t fee,
                                    const PrivateKey &payerKey)
{
    if (payerKey.publicKey().bytes() != p.payerPub)
        return makeError(ErrorCode::InvalidPrivateKey, "not the channel's payer key");
    if (fee < 0 || locked.value.sat() - fee < dustThreshold(payTo))
        return makeError(ErrorCode::TxDust, std::to_string(locked.value.sat()) + " sat locked cannot pay a fee of " +
                                                std::to_string(fee) + " sat and stay above dust");
    Transaction tx = unsignedSweep(p, locked, payTo, fee);
    const Script ws = p.payerOutputWitnessScript();
    const Hash256 digest = segwitV0Sighash(tx, 0, ws.bytes(), locked.value, SIGHASH_ALL);
    tx.inputs[0].witness = {sigWithHashType(payerKey.signDer(digest)), ws.bytes()};
    const ScriptError err = verifyInput(tx, 0, TxOut{locked.value, p.payerOutputScript()}, kStandardFlags);
    if (err != ScriptError::OK)
        return makeError(ErrorCode::ScriptFailed, std::string(scriptErrorName(err)));
    return tx;
}

Result<std::optional<Hash256>> ChannelEngine::sweepPayerOutput(store::ChannelRecord &rec)
{
    if (!m_wallet || rec.role != store::ChannelRole::Payer || rec.state != store::ChannelState::Settled || rec.closedHeight < 0 ||
        rec.swept)
        return std::optional<Hash256>{};
    auto settlement = chain::await(m_chain.transaction(rec.closingTxid));
    if (!settlement)
        return settlement.error();
    const auto locked = lockedPayerOutput(rec.params, *settlement);
    auto markSwept = [&]() -> Result<std::optional<Hash256>> {
        rec.swept = true;
        SPW_TRY(m_store.update(rec));
        return std::optional<Hash256>{};
    };
    if (!locked)
        return markSwept(); // nothing left for the payer (dust went to the fee)
    auto spend = chain::await(m_chain.outpointSpend(locked->outpoint));
    if (!spend)
        return spend.error();
    if (spend->spent && spend->spenderHeight >= 0)
        return markSwept(); // our sweep (or, after a reorg, whatever spent it) confirmed
    if (spend->spent)
        return std::optional<Hash256>{}; // in the mempool: wait for it
    auto rate = chain::await(m_chain.estimateFeeRate(6));
    if (!rate)
        return rate.error();
    // Priced on a P2WPKH output (what a wallet address is) before an address is handed out,
    // so that a sweep that cannot pay yet uses up no address.
    const Script sizing = p2wpkh(Hash160{});
    const int64_t fee = rate->feeFor(payerSweepVsize(rec.params, sizing));
    if (locked->value.sat() - fee < dustThreshold(sizing))
        return makeError(ErrorCode::TxDust, std::to_string(locked->value.sat()) + " sat locked cannot pay a fee of " +
                                                std::to_string(fee) + " sat yet");
    auto k = key(rec.keyIndex);
    if (!k)
        return k.error();
    auto address = m_wallet->newReceiveAddress();
    if (!address)
        return address.error();
    auto payTo = decodeAddress(address->toStdString(), m_chain.network());
    if (!payTo)
        return payTo.error();
    auto tx = buildPayerSweep(rec.params, *locked, *payTo, rate->feeFor(payerSweepVsize(rec.params, *payTo)), *k);
    if (!tx)
        return tx.error();
    auto sent = chain::await(m_chain.broadcast(*tx));
    if (!sent)
        return sent.error();
    return std::optional<Hash256>(*sent);
}

} // namespace spillway::channel
