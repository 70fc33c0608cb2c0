// Our closing transaction, bumped by CPFP through our own output of it while it
// waits unconfirmed (protocol.md "Fee bumping and the deadline"): the payee's
// settlement through its payout, the payer's refund through the refund's
// output. By hand (`channel bump`) or by the watcher when the fee needed to
// confirm in time is above what it (and our earlier child) pays.
#include "ChannelEngine.h"

#include <algorithm>

namespace spillway::channel {

using namespace bitcoin;
using store::ChannelRecord;
using store::ChannelRole;
using store::ChannelState;

namespace {

int64_t feeOf(const Transaction &tx, int64_t spent)
{
    int64_t out = 0;
    for (const auto &o : tx.outputs)
        out += o.value.sat();
    return spent - out;
}

} // namespace

Result<std::optional<SettlementBump>> ChannelEngine::bumpSettlement(ChannelRecord &rec, std::optional<int64_t> satPerKvB)
{
    if (!m_wallet)
        return makeError(ErrorCode::NoWallet);
    // The payee's settlement (through its payout), or the payer's refund (through its own
    // output): each is ours and has our output first.
    const bool payee = rec.role == ChannelRole::Payee;
    if (rec.state != ChannelState::Closing || (payee && rec.seq == 0))
        return makeError(ErrorCode::NothingToSettle, "only our own broadcast, unconfirmed settlement or refund is bumped");
    auto settlement = payee ? settlementTransaction(rec) : refundTransaction(rec);
    if (!settlement)
        return settlement.error();
    const Hash256 parentId = settlement->txid();
    if (parentId != rec.closingTxid)
        return makeError(ErrorCode::NothingToSettle, "the channel's closing transaction is not ours");
    auto status = chain::await(m_chain.transactionStatus(parentId));
    if (!status)
        return status.error();
    if (status->confirmations > 0)
        return std::optional<SettlementBump>{}; // confirmed: nothing to do
    const Script &ourScript = payee ? rec.params.payeePayout : rec.params.payerRefund;
    if (settlement->outputs.empty() || !(settlement->outputs[0].scriptPubKey == ourScript))
        return makeError(ErrorCode::TxDust, "the transaction has no output of ours to bump with");
    BumpParent parent{*settlement, feeOf(*settlement, rec.params.capacity.sat()), 0};

    // The feerate to reach: given, or what confirms within half the blocks left before
    // the payer's refund becomes final (at least the next block when it is near); a
    // refund, final already, races a settlement the payee may still broadcast: soon.
    int64_t target = 0;
    if (satPerKvB) {
        target = *satPerKvB;
    } else {
        auto now = tip();
        if (!now)
            return now.error();
        const int blocksLeft = payee ? static_cast<int>(rec.params.expiry) - now->height : 6;
        auto rate = chain::await(m_chain.estimateFeeRate(std::max(1, blocksLeft / 2)));
        if (!rate)
            return rate.error();
        target = rate->satPerKvB;
    }
    return bumpByChild(parent, ourScript, target);
}

Result<std::optional<SettlementBump>> ChannelEngine::bumpFunding(ChannelRecord &rec, std::optional<int64_t> satPerKvB)
{
    // protocol.md: the payer bumps an unconfirmed funding through the funding's change,
    // never by replacing the funding (its txid is the channel's id and the refund spends it).
    if (!m_wallet)
        return makeError(ErrorCode::NoWallet);
    if (rec.role != ChannelRole::Payer || rec.state != ChannelState::Opening)
        return makeError(ErrorCode::NothingToSettle, "only a payer's unconfirmed funding is bumped this way");
    auto funding = Transaction::parse(rec.fundingTx);
    if (!funding)
        return funding.error();
    auto status = chain::await(m_chain.transactionStatus(funding->txid()));
    if (!status)
        return status.error();
    if (!status->known || status->confirmations > 0)
        return std::optional<SettlementBump>{};
    // The change: the output that is not the channel's.
    std::optional<uint32_t> change;
    for (uint32_t i = 0; i < funding->outputs.size(); ++i)
        if (i != rec.id().index)
            change = i;
    if (!change)
        return makeError(ErrorCode::TxDust, "the funding has no change output to bump with");
    auto fee = m_wallet->feeOfOwnTransaction(*funding);
    if (!fee)
        return fee.error();
    int64_t target = 0;
    if (satPerKvB) {
        target = *satPerKvB;
    } else {
        auto rate = chain::await(m_chain.estimateFeeRate(6)); // what the funding was priced for: bumped only when fees rose
        if (!rate)
            return rate.error();
        target = rate->satPerKvB;
    }
    return bumpByChild(BumpParent{*funding, *fee, *change}, funding->outputs[*change].scriptPubKey, target);
}

Result<std::optional<SettlementBump>> ChannelEngine::bumpByChild(const BumpParent &parent, const Script &ourScript, int64_t target)
{
    target = std::clamp<int64_t>(target, 1000, chain::kMaxFeeRate.satPerKvB);
    const Hash256 parentId = parent.tx.txid();
    const int64_t ours = parent.tx.outputs.at(parent.vout).value.sat();
    const int64_t childVsize = cpfpChildVsize();
    const int64_t packageVsize = static_cast<int64_t>(parent.tx.vsize()) + childVsize;
    // The parent alone pays enough: no child is needed, and none is looked for (a lookup
    // of an outpoint the node's follower never watched costs a partial rescan).
    if (parent.fee * 1000 / static_cast<int64_t>(parent.tx.vsize()) >= target)
        return std::optional<SettlementBump>{};
    // What pays now: the parent alone, or with our earlier child.
    BumpTarget want{target, 0};
    auto spend = chain::await(m_chain.outpointSpend(OutPoint{parentId, parent.vout}));
    if (!spend)
        return spend.error();
    if (spend->spent) {
        if (spend->spenderHeight >= 0)
            return std::optional<SettlementBump>{};
        auto child = chain::await(m_chain.transaction(spend->spender));
        if (!child)
            return child.error();
        if (child->inputs.size() != 1)
            return makeError(ErrorCode::TxDoubleSpend, "our output is spent by a transaction that is not our child");
        const int64_t childFee = feeOf(*child, ours);
        const int64_t paying = (parent.fee + childFee) * 1000 / (static_cast<int64_t>(parent.tx.vsize()) + static_cast<int64_t>(child->vsize()));
        if (paying >= target)
            return std::optional<SettlementBump>{};
        // Replacing our own child: more than its fee, by at least 1 sat/vB of the new one.
        want.minChildFee = childFee + childVsize + 1;
    }
    auto key = m_wallet->keyForScript(ourScript);
    if (!key)
        return key.error();
    auto child = buildCpfpChild(parent, want, *key, ourScript);
    if (!child)
        return child.error();
    auto sent = chain::await(m_chain.broadcast(*child));
    if (!sent)
        return sent.error();
    const int64_t childFee = feeOf(*child, ours);
    return std::optional<SettlementBump>(SettlementBump{*sent, childFee, (parent.fee + childFee) * 1000 / packageVsize});
}

} // namespace spillway::channel
