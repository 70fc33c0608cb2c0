// `wallet bump`: raising the fee of an unconfirmed transaction of ours, as
// Electrum's and Sparrow's "Bump fee" and "Child pays for parent". Our own send
// is replaced (RBF: the same inputs and recipient, the change pays the
// difference, the fee rises by at least the relay fee for the new size, BIP 125
// rules 3 and 4); anything else that pays us (a receive) gets a child spending
// our output that pays for both (CPFP). A channel's funding is never replaced:
// its txid is the channel's id and a refund already spends it.
#include "Wallet.h"

#include "store/SqliteDatabase.h"

#include <QSqlQuery>

#include <algorithm>

namespace spillway::wallet {

using namespace bitcoin;
using store::SqliteDatabase;
using store::toBlob;

Result<bool> Wallet::isChange(const Script &script)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT 1 FROM addresses WHERE script = ? AND chain = 1"));
    q.addBindValue(toBlob(script.bytes()));
    SPW_TRY(SqliteDatabase::run(q, "change lookup"));
    return q.next();
}

Result<BumpResult> Wallet::bumpFee(const Hash256 &txid, std::optional<chain::FeeRate> feeRate)
{
    SPW_TRY(sync());
    QSqlQuery h = m_db.query();
    h.prepare(QStringLiteral("SELECT kind, amount, address FROM history WHERE txid = ?"));
    h.addBindValue(toBlob(txid));
    SPW_TRY(SqliteDatabase::run(h, "history"));
    if (!h.next())
        return makeError(ErrorCode::NotFound, "not a transaction of this wallet: " + toDisplayHex(txid));
    const QString kind = h.value(0).toString();
    const int64_t amount = h.value(1).toLongLong();
    const QString counterparty = h.value(2).toString();
    const bool funding = kind == QLatin1String("channel-open");

    auto status = chain::await(m_chain.transactionStatus(txid));
    if (!status)
        return status.error();
    if (status->confirmations > 0)
        return makeError(ErrorCode::TxAlreadyConfirmed, "it has confirmed: nothing to bump");
    if (!status->known)
        return makeError(ErrorCode::NotFound, "the node does not have it in its mempool (broadcast it again first)");
    auto tx = chain::await(m_chain.transaction(txid));
    if (!tx)
        return tx.error();
    const int64_t vsize = static_cast<int64_t>(tx->vsize());

    // Whose inputs: all ours means we know its fee and may replace it.
    std::vector<TxOut> spent;
    bool allOurs = true;
    for (const auto &in : tx->inputs) {
        // A coin the wallet still lists, or one it spent: read from its transaction.
        auto own = ownOutput(in.prevout);
        if (!own) {
            auto prev = chain::await(m_chain.transaction(in.prevout.txid));
            if (prev && in.prevout.index < prev->outputs.size()) {
                QSqlQuery q = m_db.query();
                q.prepare(QStringLiteral("SELECT 1 FROM addresses WHERE script = ?"));
                q.addBindValue(toBlob(prev->outputs[in.prevout.index].scriptPubKey.bytes()));
                SPW_TRY(SqliteDatabase::run(q, "input lookup"));
                if (q.next())
                    own = prev->outputs[in.prevout.index];
            }
        }
        if (!own) {
            allOurs = false;
            break;
        }
        spent.push_back(*own);
    }
    int64_t fee = 0;
    if (allOurs) {
        int64_t in = 0, out = 0;
        for (const auto &s : spent)
            in += s.value.sat();
        for (const auto &o : tx->outputs)
            out += o.value.sat();
        fee = in - out;
    } else {
        auto f = chain::await(m_chain.mempoolFee(txid));
        if (!f)
            return f.error();
        fee = *f;
    }
    const int64_t paying = fee * 1000 / std::max<int64_t>(vsize, 1);
    int64_t target = 0;
    if (feeRate) {
        target = feeRate->satPerKvB;
    } else {
        auto est = chain::await(m_chain.estimateFeeRate(2));
        if (!est)
            return est.error();
        target = std::max(est->satPerKvB, paying + 1000);
    }
    if (target <= paying)
        return makeError(ErrorCode::InvalidArgument, "it already pays " + std::to_string(paying / 1000) + " sat/vB: ask for more");

    const bool replaceable = allOurs && !funding && kind != QLatin1String("fee bump") && kind != QLatin1String("channel-close");
    if (replaceable) {
        std::optional<size_t> change;
        for (size_t i = 0; i < tx->outputs.size(); ++i) {
            auto c = isChange(tx->outputs[i].scriptPubKey);
            if (!c)
                return c.error();
            if (*c)
                change = i;
        }
        if (change) {
            // BIP 125: more than the original by the relay fee for its own size, and the target.
            Transaction replacement = *tx;
            for (auto &in : replacement.inputs) {
                in.witness.clear();
                in.sequence = 0xfffffffd;
            }
            const int64_t newFee = std::max(chain::FeeRate{target}.feeFor(vsize), fee + vsize + 1);
            const int64_t changeValue = replacement.outputs[*change].value.sat() - (newFee - fee);
            int64_t finalFee = newFee;
            if (changeValue >= dustThreshold(replacement.outputs[*change].scriptPubKey)) {
                replacement.outputs[*change].value = Amount::fromSat(changeValue);
            } else if (changeValue >= 0) {
                // What is left of the change would be dust: it goes to the fee.
                finalFee = fee + replacement.outputs[*change].value.sat();
                replacement.outputs.erase(replacement.outputs.begin() + static_cast<std::ptrdiff_t>(*change));
            } else {
                return makeError(ErrorCode::InsufficientFunds, "the change of " + std::to_string(tx->outputs[*change].value.sat()) +
                                                                   " sat cannot pay a fee of " + std::to_string(newFee) + " sat");
            }
            SPW_TRY(signInputs(replacement, spent));
            Prepared p;
            p.tx = replacement;
            for (const auto &in : replacement.inputs)
                p.spent.push_back(in.prevout);
            p.fee = finalFee;
            p.change = changeValue >= dustThreshold(tx->outputs[*change].scriptPubKey) ? changeValue : 0;
            // Stored first, the original forgotten in the same step (its coins are this one's).
            SPW_TRY(commit(p, kind, amount, counterparty, txid));
            auto sent = broadcast(p.tx);
            if (!sent)
                return sent.error();
            return BumpResult{*sent, true, finalFee, finalFee * 1000 / static_cast<int64_t>(p.tx.vsize())};
        }
    }
    // A child spending our output of it pays for both (CPFP): a receive, a funding (through
    // its change), or a send without change.
    std::optional<OwnInput> ours;
    for (uint32_t i = 0; i < tx->outputs.size() && !ours; ++i) {
        const OutPoint op{txid, i};
        auto own = ownOutput(op);
        if (own)
            ours = OwnInput{op, *own};
    }
    if (!ours)
        return makeError(ErrorCode::NotFound, "no output of it is ours to hang a child on, and it cannot be replaced");
    const int64_t extra = std::max<int64_t>(0, chain::FeeRate{target}.feeFor(vsize) - fee);
    auto prepared = prepare({}, chain::FeeRate{target}, true, {*ours}, extra);
    if (!prepared)
        return prepared.error();
    SPW_TRY(commit(*prepared, QStringLiteral("fee bump"), 0, QString::fromStdString(toDisplayHex(txid))));
    auto sent = broadcast(prepared->tx);
    if (!sent)
        return sent.error();
    return BumpResult{*sent, false, prepared->fee,
                      (fee + prepared->fee) * 1000 / (vsize + static_cast<int64_t>(prepared->tx.vsize()))};
}

} // namespace spillway::wallet
