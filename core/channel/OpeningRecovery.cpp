// A payer's opening interrupted by a crash (or a broadcast that timed out though
// the node took it): the channel was stored as proposed with its funding, but
// the state never moved on. The watcher carries it on, so that a funding that
// was or may be on the chain is always followed (and refunded at expiry if the
// payee never answers).
#include "ChannelEngine.h"

namespace spillway::channel {

using namespace bitcoin;
using store::ChannelRecord;
using store::ChannelRole;
using store::ChannelState;

Result<std::optional<std::string>> ChannelEngine::resumeOpening(ChannelRecord &rec)
{
    if (rec.role != ChannelRole::Payer || rec.state != ChannelState::Proposed || rec.fundingTx.empty())
        return std::optional<std::string>{};
    // Refund variant: nothing may be broadcast before the payee's refund signature is checked
    // (it is stored only after the check).
    if (rec.params.variant == Variant::Refund && !rec.refundSig)
        return std::optional<std::string>{};
    auto funding = Transaction::parse(rec.fundingTx);
    if (!funding)
        return funding.error();
    auto status = chain::await(m_chain.transactionStatus(funding->txid()));
    if (!status)
        return status.error();
    if (!status->known) {
        // Not on the chain. The wallet broadcasts what it committed (and re-sends it on
        // every sync), so a committed funding is carried on; one never committed was
        // never sent to anyone and stays an abandoned proposal (its coins are free).
        if (!m_wallet)
            return std::optional<std::string>{};
        auto pending = m_wallet->isPending(funding->txid());
        if (!pending)
            return pending.error();
        if (!*pending)
            return std::optional<std::string>{};
        auto sent = m_wallet->broadcast(*funding);
        if (!sent && sent.code() != ErrorCode::TxMempoolFull) // a full mempool: bumpFunding sends it with a child
            return makeError(sent.error().code, "the interrupted opening's funding: " + sent.error().describe());
    }
    rec.state = ChannelState::Opening;
    SPW_TRY(m_store.update(rec));
    return std::optional<std::string>(status->known ? "an interrupted opening carried on: its funding is on the chain"
                                                    : "an interrupted opening carried on: its funding broadcast again");
}

} // namespace spillway::channel
