// protocol.md "What each side checks": a payment out of sequence is answered
// with the payee's newest acknowledged state and the payer's own signature on
// it; a payer restored from an older copy checks that signature and carries on
// from there instead of being refused for ever. And the signed `close`.
#include "ChannelEngine.h"

namespace spillway::channel {

using namespace bitcoin;
using store::ChannelRole;
using store::ChannelRecord;

namespace {
/// A catch-up sequence beyond this is refused: far more payments than any channel
/// makes, and far from where the store's signed 64-bit column wraps.
constexpr uint64_t kMaxSequence = uint64_t(1) << 62;
} // namespace

ErrorMsg ChannelEngine::errorFor(const Message &m, const Error &e)
{
    ErrorMsg out;
    out.code = static_cast<uint16_t>(e.code);
    out.text = std::string(errorCodeName(e.code));
    if (const auto *pay = std::get_if<PaymentMsg>(&m)) {
        out.channel = pay->channel;
        if (e.code == ErrorCode::PaymentSequence || e.code == ErrorCode::PaymentNotIncreasing) {
            auto rec = m_store.find(pay->channel);
            if (rec && *rec && (*rec)->role == ChannelRole::Payee && (*rec)->seq > 0)
                out.catchUp = CatchUpState{(*rec)->seq, (*rec)->paid, (*rec)->payerSig};
        }
    } else if (const auto *close = std::get_if<CloseMsg>(&m)) {
        out.channel = close->channel;
    }
    return out;
}

Result<std::vector<Message>> ChannelEngine::onError(const ErrorMsg &e)
{
    const Error said = makeError(static_cast<ErrorCode>(e.code), "the peer says: " + e.text);
    if (!e.catchUp)
        return said;
    auto rec = m_store.find(e.channel);
    if (!rec)
        return rec.error();
    if (!*rec || (*rec)->role != ChannelRole::Payer)
        return said;
    ChannelRecord &r = **rec;
    const CatchUpState &c = *e.catchUp;
    // Only our own signature counts, on a commitment that pays within the channel. The
    // sequence is not signed, so it is bounded: no wrap-around, nothing negative in the store.
    if (c.sequence == 0 || c.sequence > kMaxSequence || c.paid <= 0 || c.paid > r.params.maxPayable().sat())
        return makeError(ErrorCode::PaymentAmountInvalid, "the payee's state is out of range");
    auto payer = PublicKey::parse(r.params.payerPub);
    if (!payer || !payer->verifyCompact(sighasher(r.params).commitmentDigest(Amount::fromSat(c.paid)), c.payerSig))
        return makeError(ErrorCode::PaymentBadSignature, "the payee's state does not carry our signature");

    auto logged = m_store.paidAt(r.id(), c.sequence);
    if (!logged)
        return logged.error();
    if (c.sequence <= r.signedSeq && *logged && **logged == c.paid) {
        // The payee is behind what we signed (it lost some, or they were lost on the way):
        // it holds our payment c.sequence; send it every later one again, in order.
        if (c.sequence > r.seq) {
            r.seq = c.sequence;
            r.paid = c.paid;
            SPW_TRY(m_store.update(r));
        }
        auto again = unacknowledgedPayments(r.id());
        if (!again)
            return again.error();
        std::vector<Message> out;
        for (const auto &m : *again)
            if (m.sequence > c.sequence)
                out.push_back(m);
        return out;
    }
    // The payee is ahead of us or on another line of sequence numbers (we were restored
    // from an older copy and may have signed others since): its sequence is where the
    // channel stands. Every signature we ever gave may be in its hands, so the next
    // payment pays more than the largest of them, never less.
    r.seq = r.signedSeq = c.sequence;
    r.paid = c.paid;
    r.signedPaid = std::max(r.signedPaid, c.paid);
    r.payerSig = c.payerSig;
    SPW_TRY(m_store.update(r));
    return std::vector<Message>{};
}

Result<CloseMsg> ChannelEngine::close(const OutPoint &id)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "only the payer asks to close");
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    return CloseMsg{id, k->signCompact(closeDigest(id))};
}

Result<std::vector<Message>> ChannelEngine::onClose(const CloseMsg &m)
{
    auto rec = record(m.channel);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payee)
        return makeError(ErrorCode::ChannelUnknown, "only the payee settles");
    auto payer = PublicKey::parse(rec->params.payerPub);
    if (!payer || !payer->verifyCompact(closeDigest(m.channel), m.signature))
        return makeError(ErrorCode::CloseBadSignature, m.channel.toString());
    auto s = settle(m.channel);
    if (!s)
        return s.error();
    return std::vector<Message>{};
}

} // namespace spillway::channel
