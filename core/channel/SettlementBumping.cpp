// Our closing transaction, bumped by CPFP through our own output of it while it
// waits unconfirmed (protocol.md "Fee bumping and the deadline"): the payee's
// settlement through its payout, the payer's refund through the refund's
// output, the payer's funding through its change. By hand (`channel bump`) or
// by the watcher when the fee needed to confirm in time is above what it (and
// our earlier child) pays. The child spends wallet coins too when our output
// alone cannot pay it, never pays more than the budget (by default half of what
// the transaction saves us), and takes its parent along as a package when a
// full mempool refuses the parent alone.
#include "ChannelEngine.h"

#include <QFileInfo>

#include <algorithm>

namespace spillway::channel {

using namespace bitcoin;
using store::ChannelRecord;
using store::ChannelRole;
using store::ChannelState;

namespace {

int64_t outputsTotal(const Transaction &tx)
{
    int64_t out = 0;
    for (const auto &o : tx.outputs)
        out += o.value.sat();
    return out;
}

int64_t rateOf(int64_t fee, int64_t vsize)
{
    return vsize > 0 ? fee * 1000 / vsize : 0;
}

} // namespace

std::string describeBump(const SettlementBump &b, const std::string &what)
{
    std::string s = "the " + what + "'s fee raised by a child (CPFP) " + toDisplayHex(b.childTxid) + " paying " +
                    std::to_string(b.childFee) + " sat: " + std::to_string(b.packageSatPerKvB / 1000) + " sat/vB for both";
    if (b.package)
        s += ", sent together as a package (the node's mempool is full)";
    if (b.walletCoins)
        s += ", with wallet coins (our output alone was too small)";
    if (b.cappedByBudget)
        s += "; confirming in time needs " + std::to_string(b.wantedSatPerKvB / 1000) +
             " sat/vB, more than the fee budget allows: raise the budget (channel budget) or settle earlier";
    return s;
}

store::BumpStore *ChannelEngine::bumps()
{
    if (!m_bumps) {
        auto s = std::make_unique<store::BumpStore>();
        const QString dir = QFileInfo(m_store.database().db().databaseName()).absolutePath();
        if (!s->open(dir).ok())
            return nullptr;
        m_bumps = std::move(s);
    }
    return m_bumps.get();
}

Result<int64_t> ChannelEngine::bumpBudget(const OutPoint &channel, int64_t saved)
{
    int percent = store::kDefaultBumpBudgetPercent;
    if (auto *b = bumps()) {
        auto p = b->budgetPercent(channel);
        if (!p)
            return p.error();
        percent = *p;
    }
    return saved * percent / 100;
}

Result<ChannelEngine::FeeOutlook> ChannelEngine::feeOutlook(const ChannelRecord &rec, std::map<int, int64_t> &estimates)
{
    FeeOutlook out;
    if (rec.role != ChannelRole::Payee || rec.seq == 0 || rec.state != ChannelState::Open || rec.settlementTx.empty() || !m_wallet)
        return out;
    SettlementShape &shape = m_settlementShapes[rec.id()];
    if (shape.version != rec.version) {
        shape = SettlementShape{};
        shape.version = rec.version;
        auto settlement = Transaction::parse(rec.settlementTx);
        if (settlement && !settlement->outputs.empty() && settlement->outputs[0].scriptPubKey == rec.params.payeePayout) {
            shape.parent = BumpParent{*settlement, rec.params.capacity.sat() - outputsTotal(*settlement), 0};
            shape.payout = settlement->outputs[0].value.sat();
            shape.usable = true;
        }
    }
    if (!shape.usable)
        return out;
    auto estimate = [&](int blocks) -> Result<int64_t> {
        blocks = std::max(1, blocks);
        if (auto it = estimates.find(blocks); it != estimates.end())
            return it->second;
        auto r = chain::await(m_chain.estimateFeeRate(blocks));
        if (!r)
            return r.error();
        estimates[blocks] = r->satPerKvB;
        return r->satPerKvB;
    };
    const BumpParent &parent = shape.parent;
    const int64_t payout = shape.payout;
    // Early: fees are rising and what confirms within the safety margin already costs
    // more than half the budget, so waiting for the margin would risk the deadline.
    auto withinMargin = estimate(static_cast<int>(rec.safetyMargin));
    if (!withinMargin)
        return withinMargin.error();
    out.neededChildFee = cpfpChildFee(parent, BumpTarget{*withinMargin, 0});
    if (out.neededChildFee == 0)
        return out; // the settlement pays for itself: nothing to look at
    auto budget = bumpBudget(rec.id(), payout);
    if (!budget)
        return budget.error();
    out.budget = *budget;
    const auto last = m_lastEstimates.find(std::max(1, static_cast<int>(rec.safetyMargin)));
    const bool rising = last != m_lastEstimates.end() && *withinMargin > last->second;
    out.settleNow = rising && out.neededChildFee * 2 > out.budget;
    // Something to bump with: the payout alone pays the child, or the wallet has a coin.
    if (payout - out.neededChildFee < dustThreshold(rec.params.payeePayout)) {
        auto bal = m_wallet->balance();
        out.cannotBump = bal && bal->confirmed == 0;
    }
    return out;
}

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
    BumpRequest req;
    req.parent = BumpParent{*settlement, rec.params.capacity.sat() - outputsTotal(*settlement), 0};
    req.ourScript = ourScript;
    req.parentInMempool = status->known;
    req.channel = rec.id();

    // The feerate to reach: given, or what confirms within half the blocks left before
    // the payer's refund becomes final (at least the next block when it is near); a
    // refund, final already, races a settlement the payee may still broadcast: soon.
    if (satPerKvB) {
        req.target = *satPerKvB;
    } else {
        auto now = tip();
        if (!now)
            return now.error();
        const int blocksLeft = payee ? static_cast<int>(rec.params.expiry) - now->height : 6;
        auto rate = chain::await(m_chain.estimateFeeRate(std::max(1, blocksLeft / 2)));
        if (!rate)
            return rate.error();
        req.target = rate->satPerKvB;
    }
    // Never more than the budget: a share of what this transaction saves us.
    auto budget = bumpBudget(rec.id(), settlement->outputs[0].value.sat());
    if (!budget)
        return budget.error();
    req.budget = *budget;
    return bumpByChild(req);
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
    BumpRequest req;
    req.parent = BumpParent{*funding, *fee, *change};
    req.ourScript = funding->outputs[*change].scriptPubKey;
    req.channel = rec.id();
    if (satPerKvB) {
        req.target = *satPerKvB;
    } else {
        auto rate = chain::await(m_chain.estimateFeeRate(6)); // what the funding was priced for: bumped only when fees rose
        if (!rate)
            return rate.error();
        req.target = rate->satPerKvB;
    }
    // The funding saves the whole capacity from a stuck opening: at most the budget of it.
    auto budget = bumpBudget(rec.id(), rec.params.capacity.sat());
    if (!budget)
        return budget.error();
    req.budget = *budget;
    return bumpByChild(req);
}

Result<std::optional<SettlementBump>> ChannelEngine::bumpByChild(const BumpRequest &req)
{
    const BumpParent &parent = req.parent;
    const int64_t target = std::clamp<int64_t>(req.target, 1000, chain::kMaxFeeRate.satPerKvB);
    const Hash256 parentId = parent.tx.txid();
    const OutPoint ourOutpoint{parentId, parent.vout};
    const TxOut ours = parent.tx.outputs.at(parent.vout);
    const int64_t parentVsize = static_cast<int64_t>(parent.tx.vsize());
    const int64_t parentRate = rateOf(parent.fee, parentVsize);
    if (req.parentInMempool && parentRate >= target)
        return std::optional<SettlementBump>{}; // the parent alone pays enough: no child looked for
    if (!req.parentInMempool) {
        // Not in the node's mempool: alone first; a full mempool's refusal calls for a package.
        auto sent = chain::await(m_chain.broadcast(parent.tx));
        if (sent) {
            if (parentRate >= target)
                return std::optional<SettlementBump>{};
            BumpRequest again = req;
            again.parentInMempool = true;
            return bumpByChild(again);
        }
        if (sent.code() != ErrorCode::TxMempoolFull)
            return sent.error();
    }

    // What pays now: the parent alone, or with our earlier child (which we replace).
    int64_t minChildFee = 0;
    std::optional<Transaction> earlier;
    if (req.parentInMempool) {
        auto spend = chain::await(m_chain.outpointSpend(ourOutpoint));
        if (!spend)
            return spend.error();
        if (spend->spent) {
            if (spend->spenderHeight >= 0)
                return std::optional<SettlementBump>{};
            auto child = chain::await(m_chain.transaction(spend->spender));
            if (!child)
                return child.error();
            int64_t childIn = 0;
            for (const auto &in : child->inputs) {
                if (in.prevout == ourOutpoint) {
                    childIn += ours.value.sat();
                    continue;
                }
                auto own = m_wallet ? m_wallet->ownOutput(in.prevout) : Result<TxOut>(makeError(ErrorCode::NoWallet));
                if (!own)
                    return makeError(ErrorCode::TxDoubleSpend, "our output is spent by a transaction that is not our child");
                childIn += own->value.sat();
            }
            const int64_t childFee = childIn - outputsTotal(*child);
            if (rateOf(parent.fee + childFee, parentVsize + static_cast<int64_t>(child->vsize())) >= target)
                return std::optional<SettlementBump>{};
            // Replacing our own child: more than its fee, by at least 1 sat/vB of the new one.
            minChildFee = childFee + static_cast<int64_t>(child->vsize()) + 1;
            earlier = *child;
        }
    }

    SettlementBump result;
    int64_t childVsize = cpfpChildVsize();
    result.wantedSatPerKvB = target;
    result.package = !req.parentInMempool;
    const std::vector<Transaction> parents = req.parentInMempool ? std::vector<Transaction>{} : std::vector<Transaction>{parent.tx};
    const bool earlierUsedWallet = earlier && earlier->inputs.size() > 1;
    // First choice: our output alone pays the child (no wallet coin, no wallet record).
    int64_t fee = cpfpChildFee(parent, BumpTarget{target, minChildFee});
    if (fee > req.budget) {
        if (minChildFee > req.budget)
            return makeError(ErrorCode::OverBudget, "replacing our earlier child needs " + std::to_string(minChildFee) +
                                                        " sat, the budget is " + std::to_string(req.budget) + " sat");
        fee = req.budget;
        result.cappedByBudget = true;
    }
    if (!earlierUsedWallet && ours.value.sat() - fee >= dustThreshold(req.ourScript)) {
        if (!m_wallet)
            return makeError(ErrorCode::NoWallet);
        auto key = m_wallet->keyForScript(req.ourScript);
        if (!key)
            return key.error();
        auto child = buildCpfpChild(parent, BumpTarget{0, fee}, *key, req.ourScript);
        if (!child)
            return child.error();
        if (req.parentInMempool) {
            auto sent = chain::await(m_chain.broadcast(*child));
            if (!sent)
                return sent.error();
        } else {
            auto sent = chain::await(m_chain.broadcastPackage({parent.tx, *child}));
            if (!sent)
                return sent.error();
        }
        result.childTxid = child->txid();
        result.childFee = fee;
    } else {
        // Our output is too small to pay the child and stay above dust: wallet coins join
        // it (and those of our earlier child, which this one replaces).
        if (!m_wallet)
            return makeError(ErrorCode::NoWallet);
        std::vector<wallet::Wallet::OwnInput> forced{{ourOutpoint, ours}};
        if (earlier)
            for (const auto &in : earlier->inputs)
                if (!(in.prevout == ourOutpoint)) {
                    auto own = m_wallet->ownOutput(in.prevout);
                    if (!own)
                        return own.error();
                    forced.push_back({in.prevout, *own});
                }
        // The parent's shortfall at the target, on top of the child's own size at it.
        int64_t extra = std::max<int64_t>(0, chain::FeeRate{target}.feeFor(parentVsize) - parent.fee);
        Result<wallet::Wallet::Prepared> prepared = makeError(ErrorCode::InsufficientFunds);
        for (int attempt = 0; attempt < 2; ++attempt) {
            prepared = m_wallet->prepare({}, chain::FeeRate{target}, true, forced, extra);
            if (!prepared)
                break;
            if (prepared->fee >= minChildFee)
                break;
            extra += minChildFee - prepared->fee;
        }
        if (!prepared) {
            if (prepared.code() == ErrorCode::InsufficientFunds)
                return makeError(ErrorCode::TxDust, "our output of " + std::to_string(ours.value.sat()) +
                                                        " sat cannot pay the child's fee and the wallet has no coin to add: keep a wallet coin in reserve to bump with");
            return prepared.error();
        }
        if (prepared->fee > req.budget) {
            // The target costs more than the budget: the child pays the budget, no more.
            if (minChildFee > req.budget)
                return makeError(ErrorCode::OverBudget, "replacing our earlier child needs " + std::to_string(minChildFee) +
                                                            " sat, the budget is " + std::to_string(req.budget) + " sat");
            prepared = m_wallet->prepare({}, chain::FeeRate{0}, true, forced, req.budget);
            if (!prepared)
                return prepared.error();
            if (prepared->fee < static_cast<int64_t>(prepared->tx.vsize()))
                return makeError(ErrorCode::OverBudget, "the budget of " + std::to_string(req.budget) +
                                                            " sat does not pay the relay fee of a child with wallet coins");
            result.cappedByBudget = true;
        }
        // Stored before it leaves (its coins reserved; an earlier child of ours forgotten).
        SPW_TRY(m_wallet->commit(*prepared, QStringLiteral("fee bump"), 0, QString::fromStdString(toDisplayHex(parentId)),
                                 earlier ? std::optional<Hash256>(earlier->txid()) : std::nullopt));
        auto sent = m_wallet->broadcast(prepared->tx, parents);
        if (!sent)
            return sent.error();
        result.childTxid = *sent;
        result.childFee = prepared->fee;
        result.walletCoins = true;
        childVsize = static_cast<int64_t>(prepared->tx.vsize());
    }
    result.packageSatPerKvB = rateOf(parent.fee + result.childFee, parentVsize + childVsize);
    if (auto *b = bumps())
        (void)b->record(store::BumpRow{req.channel, parentId, result.childTxid, result.childFee, result.packageSatPerKvB,
                                       result.walletCoins, result.package, 0});
    return std::optional<SettlementBump>(result);
}

} // namespace spillway::channel
