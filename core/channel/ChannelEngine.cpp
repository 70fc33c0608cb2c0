#include "ChannelEngine.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentMap>

#include "OpeningTerms.h"
#include "bitcoin/Address.h"
#include "bitcoin/Interpreter.h"

namespace spillway::channel {

using namespace bitcoin;
using store::ChannelRecord;
using store::ChannelRole;
using store::ChannelState;

namespace {


/// Batches at least this long have their signatures checked on several cores.
constexpr size_t kParallelCheckFrom = 8;

/// Block intervals without a block after which the node is taken to have stalled.
constexpr int64_t kStalledAfterIntervals = 18;

/// Blocks by which a payee may see a proposal later than the payer made it.

/// How long a tip reported by the backend's polling serves payments before the
/// backend is asked again (polling runs every 0.5-2 s where it runs at all).
constexpr qint64 kFollowedTipMaxAgeMs = 10'000;

/// Blocks after which a closed channel's outcome is no longer looked at for reorgs.
constexpr int kReorgSafeDepth = 100;

bool isFinal(ChannelState s)
{
    return s == ChannelState::Settled || s == ChannelState::Refunded;
}

int64_t valueTo(const Transaction &tx, const Script &spk)
{
    int64_t v = 0;
    for (const auto &o : tx.outputs)
        if (o.scriptPubKey == spk)
            v += o.value.sat();
    return v;
}

} // namespace

ChannelEngine::ChannelEngine(wallet::Wallet &wallet, chain::ChainBackend &chain, store::ChannelStore &store)
    : m_wallet(&wallet), m_chain(chain), m_store(store)
{
    followTip();
}

ChannelEngine::ChannelEngine(std::function<Result<PrivateKey>(uint32_t)> keys, chain::ChainBackend &chain, store::ChannelStore &store)
    : m_wallet(nullptr), m_keySource(std::move(keys)), m_chain(chain), m_store(store)
{
    followTip();
}

ChannelEngine::~ChannelEngine()
{
    QObject::disconnect(m_tipConnection);
}

void ChannelEngine::followTip()
{
    m_tipConnection = QObject::connect(&m_chain, &chain::ChainBackend::tipChanged, [this](const chain::ChainTip &t) {
        std::lock_guard lock(m_tipMutex);
        m_followedTip = t;
        m_followedAge.start();
    });
}

void ChannelEngine::setClock(std::function<int64_t()> secondsSinceEpoch)
{
    m_clock = std::move(secondsSinceEpoch);
}

int64_t ChannelEngine::clockNow() const
{
    return m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
}

bool ChannelEngine::nodeStalled(const chain::ChainTip &tip) const
{
    // The local chain mines on request: no rhythm to miss. Elsewhere 18 intervals
    // (3 hours on mainnet) without a block happen by chance about once in 65 million.
    if (m_chain.network().id == NetworkId::Local || tip.time <= 0)
        return false;
    return clockNow() - tip.time > kStalledAfterIntervals * static_cast<int64_t>(m_chain.network().blockIntervalSeconds);
}

Result<chain::ChainTip> ChannelEngine::tipForPayments()
{
    {
        std::lock_guard lock(m_tipMutex);
        if (m_followedAge.isValid() && m_followedAge.elapsed() < kFollowedTipMaxAgeMs && m_followedTip.height >= 0) {
            chain::ChainTip t = m_followedTip;
            t.height += 1; // a block may have come since the last poll: judge expiry as if it had
            return t;
        }
    }
    return tip();
}

const ChannelSighasher &ChannelEngine::sighasher(const ChannelParams &p)
{
    auto &slot = m_sighashers[p.funding];
    if (!slot)
        slot = std::make_unique<ChannelSighasher>(p);
    return *slot;
}

Result<PrivateKey> ChannelEngine::key(uint32_t index)
{
    auto it = m_keys.find(index);
    if (it != m_keys.end())
        return it->second;
    auto k = m_wallet ? m_wallet->channelKey(index) : m_keySource ? m_keySource(index) : Result<PrivateKey>(makeError(ErrorCode::NoWallet));
    if (!k)
        return k.error();
    m_keys.emplace(index, *k);
    return *k;
}

Result<chain::ChainTip> ChannelEngine::tip()
{
    return chain::await(m_chain.tip());
}

Result<ChannelRecord> ChannelEngine::record(const OutPoint &id)
{
    auto r = m_store.find(id);
    if (!r)
        return r.error();
    if (!*r)
        return makeError(ErrorCode::ChannelUnknown, id.toString());
    return **r;
}

PayeePolicy ChannelEngine::policyFor(const ChannelRecord &rec) const
{
    return PayeePolicy{rec.minConfirmations, rec.safetyMargin};
}

Result<ChannelEngine::FreshKey> ChannelEngine::freshKeyAndScript()
{
    auto index = m_store.nextKeyIndex();
    if (!index)
        return index.error();
    auto k = key(*index);
    if (!k)
        return k.error();
    auto address = m_wallet->newReceiveAddress();
    if (!address)
        return address.error();
    return FreshKey{*index, *k, *decodeAddress(address->toStdString(), m_chain.network())};
}

Result<OfferMsg> ChannelEngine::createOffer(const OfferTerms &t)
{
    if (!m_wallet)
        return makeError(ErrorCode::NoWallet);
    if (t.minCapacity <= 0 || t.maxCapacity < t.minCapacity || t.minExpiryDelta == 0 || t.maxExpiryDelta < t.minExpiryDelta ||
        (t.variants & 0b11) == 0)
        return makeError(ErrorCode::InvalidArgument, "offer limits");
    // The commitment's fee floor follows the payee's own estimate, never below 1 sat/vB.
    auto rate = chain::await(m_chain.estimateFeeRate(6));
    if (!rate)
        return rate.error();
    auto fresh = freshKeyAndScript();
    if (!fresh)
        return fresh.error();
    const auto &[index, k, payout] = *fresh;
    const Network &net = m_chain.network();
    OfferMsg o;
    o.network = m_chain.network().id;
    o.payeePub = k.publicKey().bytes();
    o.payeePayout = payout;
    o.variants = t.variants;
    o.minCapacity = t.minCapacity;
    o.maxCapacity = t.maxCapacity;
    // Check 5: a channel must stay usable for a safety margin after it confirms.
    o.minConfirmations = t.minConfirmations;
    o.minExpiryDelta = std::max(t.minExpiryDelta, std::max<uint32_t>(t.minConfirmations, 1) + 2 * net.defaultSafetyMargin);
    o.maxExpiryDelta = std::max(t.maxExpiryDelta, o.minExpiryDelta);
    o.minCommitFeerate = std::max(rate->satPerKvB, kMinPresignedFeeRate);
    o.endpoint = t.endpoint;
    o.tlsFingerprint = t.tlsFingerprint;
    o.priceHint = t.priceHint;
    o.label = t.label;
    SPW_TRY(m_store.insertOffer(store::OfferRecord{o, index, 0}));
    return o;
}

Result<std::vector<Message>> ChannelEngine::open(const OfferMsg &offer, const OpenTerms &t)
{
    if (!m_wallet)
        return makeError(ErrorCode::NoWallet);
    // The payer checks the offer (network, key, payout script, fee floor) and the
    // terms it proposes, as the payee will (protocol.md "Opening terms").
    auto now = tip();
    if (!now)
        return now.error();
    auto rate = chain::await(m_chain.estimateFeeRate(6));
    if (!rate)
        return rate.error();
    SPW_TRY(checkOfferForPayer(offer, m_chain.network().id, rate->satPerKvB));
    const int64_t estimate = std::clamp<int64_t>(rate->satPerKvB, kMinPresignedFeeRate, chain::kMaxFeeRate.satPerKvB);
    const Network &net = m_chain.network();
    const uint32_t expiryDelta = t.expiryDelta.value_or(defaultExpiryDelta(offer)); // the offer is for `net` (checked above)
    auto fresh = freshKeyAndScript();
    if (!fresh)
        return fresh.error();
    const auto &[index, myKey, mine] = *fresh;

    ChannelParams p;
    p.network = net.id;
    p.variant = t.variant;
    p.capacity = Amount::fromSat(t.capacity);
    p.payerPub = myKey.publicKey().bytes();
    p.payeePub = offer.payeePub;
    p.payeePayout = offer.payeePayout;
    p.payerRefund = mine;
    p.expiry = static_cast<uint32_t>(now->height) + expiryDelta;
    p.commitFee = Amount::fromSat(t.commitFee.value_or(std::max(feeAt(estimate, commitmentVsize(p)), minCommitFee(offer, p))));
    p.refundFee = Amount::fromSat(t.refundFee.value_or(feeAt(estimate, refundVsize(p))));
    const uint32_t margin = net.defaultSafetyMargin;
    // Judged as the payee will judge them, a few blocks later (the proposal travels by
    // hand, or the payee's node lags): the payer never funds terms the payee then refuses.
    SPW_TRY(checkOpeningTerms(offer, p, OpeningContext{now->height, margin, kOpeningLeeway}));

    // The funding transaction: segwit, so its txid is final before anything is signed.
    // Segwit coins only (the wallet's are P2WPKH) and always a change output.
    auto prepared = m_wallet->prepare({p.fundingOutput()}, std::nullopt, true);
    if (!prepared)
        return prepared.error();
    p.funding = OutPoint{prepared->tx.txid(), 0};

    ChannelRecord rec;
    rec.params = p;
    rec.role = ChannelRole::Payer;
    rec.state = ChannelState::Proposed;
    rec.keyIndex = index;
    rec.label = t.label.empty() ? offer.label : t.label;
    rec.fundingTx = prepared->tx.serialize();
    rec.minConfirmations = offer.minConfirmations;
    rec.safetyMargin = margin;
    SPW_TRY(m_store.insert(rec));

    ProposalMsg prop;
    prop.variant = p.variant;
    prop.payeePub = p.payeePub;
    prop.funding = p.funding;
    prop.capacity = p.capacity.sat();
    prop.payerPub = p.payerPub;
    prop.payerRefund = p.payerRefund;
    prop.expiry = p.expiry;
    prop.commitFee = p.commitFee.sat();
    prop.refundFee = p.refundFee.sat();
    if (p.variant == Variant::Refund) {
        // Nothing is broadcast before the payee's refund signature is checked.
        prop.unsignedRefund = buildRefund(p).serialize();
        SPW_TRY(m_wallet->reserve(*prepared));
        return std::vector<Message>{prop};
    }
    SPW_TRY(m_wallet->commit(*prepared, QStringLiteral("channel-open"), -p.capacity.sat(), QString::fromStdString(p.funding.toString())));
    auto sent = m_wallet->broadcast(prepared->tx);
    if (!sent && sent.code() != ErrorCode::TxMempoolFull) // a full mempool: the watcher sends it with a child
        return sent.error();
    rec.state = ChannelState::Opening;
    SPW_TRY(m_store.update(rec));
    return std::vector<Message>{prop, FundedMsg{prepared->tx.serialize()}};
}

Result<std::vector<Message>> ChannelEngine::receive(const Message &m)
{
    switch (messageType(m)) {
    case MessageType::Proposal:
        return onProposal(std::get<ProposalMsg>(m));
    case MessageType::RefundSig:
        return onRefundSig(std::get<RefundSigMsg>(m));
    case MessageType::Funded:
        return onFunded(std::get<FundedMsg>(m));
    case MessageType::Payment:
        return onPayment(std::get<PaymentMsg>(m));
    case MessageType::Ack:
        return onAck(std::get<AckMsg>(m));
    case MessageType::Close:
        return onClose(std::get<CloseMsg>(m));
    case MessageType::Error:
        return onError(std::get<ErrorMsg>(m));
    case MessageType::Offer:
        return makeError(ErrorCode::InvalidArgument, "an offer is opened with 'channel open'");
    }
    return makeError(ErrorCode::BadMessage);
}

Result<std::vector<Message>> ChannelEngine::onProposal(const ProposalMsg &m)
{
    auto offerRec = m_store.offerForKey(m.payeePub);
    if (!offerRec)
        return offerRec.error();
    if (!*offerRec)
        return makeError(ErrorCode::OfferUnknown);
    if ((*offerRec)->withdrawn)
        return makeError(ErrorCode::OfferWithdrawn);
    const OfferMsg &offer = (*offerRec)->offer;
    auto now = tip();
    if (!now)
        return now.error();
    ChannelParams p;
    p.network = offer.network;
    p.variant = m.variant;
    p.funding = m.funding;
    p.capacity = Amount::fromSat(m.capacity);
    p.payerPub = m.payerPub;
    p.payeePub = offer.payeePub;
    p.payeePayout = offer.payeePayout;
    p.payerRefund = m.payerRefund;
    p.expiry = m.expiry;
    p.commitFee = Amount::fromSat(m.commitFee);
    p.refundFee = Amount::fromSat(m.refundFee);
    // protocol.md "Opening terms that can always be settled", before anything is signed or recognised.
    SPW_TRY(checkOpeningTerms(offer, p, OpeningContext{now->height, network(p.network).defaultSafetyMargin}));
    if (m.variant == Variant::Refund && m.unsignedRefund != buildRefund(p).serialize())
        return makeError(ErrorCode::RefundMismatch);
    if (m.variant == Variant::Cltv && !m.unsignedRefund.empty())
        return makeError(ErrorCode::ChannelParamsInvalid, "no refund to sign in the cltv variant");

    auto existing = m_store.find(p.funding);
    if (!existing)
        return existing.error();
    if (*existing && !((*existing)->params == p))
        return makeError(ErrorCode::ChannelParamsInvalid, "a channel with this funding already exists");
    if (!*existing) {
        ChannelRecord rec;
        rec.params = p;
        rec.role = ChannelRole::Payee;
        rec.state = ChannelState::Proposed;
        rec.keyIndex = (*offerRec)->keyIndex;
        rec.label = offer.label;
        rec.minConfirmations = offer.minConfirmations;
        rec.safetyMargin = network(p.network).defaultSafetyMargin;
        SPW_TRY(m_store.insert(rec));
    }
    if (m.variant == Variant::Refund) {
        auto k = key((*offerRec)->keyIndex);
        if (!k)
            return k.error();
        auto sig = signRefundAsPayee(p, *k, sighasher(p));
        if (!sig)
            return sig.error();
        return std::vector<Message>{*sig};
    }
    return std::vector<Message>{};
}

Result<std::vector<Message>> ChannelEngine::onRefundSig(const RefundSigMsg &m)
{
    if (!m_wallet)
        return makeError(ErrorCode::NoWallet);
    auto rec = record(m.channel);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer || rec->params.variant != Variant::Refund)
        return makeError(ErrorCode::BadMessage, "a refund signature for a channel we do not pay into");
    SPW_TRY(checkRefundSignature(rec->params, m, sighasher(rec->params)));
    // Prove the whole refund before funding: it must pass the interpreter.
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    auto refundTx = completeRefund(rec->params, *k, m.signature, sighasher(rec->params));
    if (!refundTx)
        return refundTx.error();
    if (rec->state == ChannelState::Proposed) {
        // The refund signature may come days after the proposal: fund only if the
        // channel still stays usable a safety margin after it confirms (check 5).
        auto now = tip();
        if (!now)
            return now.error();
        const int64_t lastPayment = static_cast<int64_t>(rec->params.expiry) - rec->safetyMargin;
        const int64_t usableFrom = static_cast<int64_t>(now->height) + std::max<uint32_t>(rec->minConfirmations, 1) + rec->safetyMargin;
        if (lastPayment < usableFrom)
            return makeError(ErrorCode::ChannelWindowTooShort, "the refund signature came too late: the channel would expire at " +
                                                                   std::to_string(rec->params.expiry) + "; nothing was funded");
    }
    rec->refundSig = m.signature;
    SPW_TRY(m_store.update(*rec));
    auto funding = Transaction::parse(rec->fundingTx);
    if (!funding)
        return funding.error();
    if (rec->state == ChannelState::Proposed) {
        wallet::Wallet::Prepared prepared;
        prepared.tx = *funding;
        for (const auto &in : funding->inputs)
            prepared.spent.push_back(in.prevout);
        auto fee = m_wallet->feeOfOwnTransaction(*funding);
        prepared.fee = fee ? *fee : 0;
        SPW_TRY(m_wallet->commit(prepared, QStringLiteral("channel-open"), -rec->params.capacity.sat(),
                                QString::fromStdString(rec->id().toString())));
        auto sent = m_wallet->broadcast(*funding);
        if (!sent && sent.code() != ErrorCode::TxMempoolFull) // a full mempool: the watcher sends it with a child
            return sent.error();
        rec->state = ChannelState::Opening;
        SPW_TRY(m_store.update(*rec));
    }
    return std::vector<Message>{FundedMsg{rec->fundingTx}};
}

Result<std::vector<Message>> ChannelEngine::onFunded(const FundedMsg &m)
{
    auto tx = Transaction::parse(m.fundingTx);
    if (!tx)
        return makeError(ErrorCode::FundingMismatch, tx.error().describe());
    // Find the channel this funds: ours as payee, with this txid.
    auto channels = m_store.all();
    if (!channels)
        return channels.error();
    const Hash256 txid = tx->txid();
    for (auto &rec : *channels) {
        if (rec.id().txid != txid || rec.role != ChannelRole::Payee)
            continue;
        if (rec.id().index >= tx->outputs.size() || !(tx->outputs[rec.id().index] == rec.params.fundingOutput()))
            return makeError(ErrorCode::FundingMismatch, "the output does not pay the channel's capacity to its script");
        if (rec.state == ChannelState::Proposed) {
            // Broadcast it as well: harmless if the chain already has it.
            auto sent = chain::await(m_chain.broadcast(*tx));
            if (!sent && sent.code() != ErrorCode::TxAlreadyConfirmed)
                return sent.error();
            rec.fundingTx = m.fundingTx;
            rec.state = ChannelState::Opening;
            SPW_TRY(refreshConfirmations(rec));
            SPW_TRY(m_store.update(rec));
        }
        return std::vector<Message>{};
    }
    return makeError(ErrorCode::FundingMismatch, "no proposal of ours is funded by " + toDisplayHex(txid));
}

Status ChannelEngine::refreshConfirmations(ChannelRecord &rec, bool recheckOpen, const chain::TxStatus *known)
{
    const bool open = rec.state == ChannelState::Open;
    if (rec.state != ChannelState::Opening && !(open && recheckOpen))
        return {};
    Result<chain::TxStatus> st = known ? Result<chain::TxStatus>(*known) : chain::await(m_chain.transactionStatus(rec.id().txid));
    if (!st)
        return st.error();
    const uint32_t needed = rec.role == ChannelRole::Payee ? std::max<uint32_t>(rec.minConfirmations, 1) : 1;
    if (st->confirmations >= static_cast<int>(needed))
        rec.state = ChannelState::Open;
    else if (open)
        // A reorg took the funding's block away (wait for it again), or the funding left
        // the chain and the mempool altogether (double-spent): no payment counts meanwhile.
        rec.state = ChannelState::Opening;
    return {};
}

Result<std::vector<Message>> ChannelEngine::onPayment(const PaymentMsg &m)
{
    auto rec = record(m.channel);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payee)
        return makeError(ErrorCode::ChannelUnknown, "not a channel we receive on");
    SPW_TRY(refreshConfirmations(*rec));
    auto now = tip();
    if (!now)
        return now.error();
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    PayeeChannelState s;
    s.params = rec->params;
    s.open = rec->state == ChannelState::Open;
    s.fundingConfirmations = s.open ? static_cast<int>(std::max<uint32_t>(rec->minConfirmations, 1)) : 0;
    s.lastSequence = rec->seq;
    s.lastPaid = rec->paid;
    s.lastPayerSig = rec->payerSig;
    if (isOldRepeat(*rec, m))
        return std::vector<Message>{AckMsg{m.channel, m.sequence}};
    Transaction settlement;
    auto d = checkPayment(s, m, now->height, policyFor(*rec), *k, sighasher(rec->params), &settlement);
    if (!d)
        return d.error();
    if (d->outcome == PaymentOutcome::Accepted) {
        rec->seq = d->next.lastSequence;
        rec->paid = d->next.lastPaid;
        rec->payerSig = d->next.lastPayerSig;
        rec->settlementTx = settlement.serialize();
        SPW_TRY(m_store.update(*rec, true)); // durable before the ack leaves
    }
    return std::vector<Message>{AckMsg{m.channel, m.sequence}};
}

std::vector<Message> ChannelEngine::receivePayments(const std::vector<PaymentMsg> &payments)
{
    std::vector<Message> answers;
    std::vector<ChannelRecord> toStore;
    auto refuse = [this, &answers](const PaymentMsg &m, const Error &e) { answers.push_back(errorFor(m, e)); };
    auto now = tipForPayments();
    // 1. Each channel named, looked up once: its record, our key for it, its sighasher.
    struct Channel {
        std::optional<Error> error;
        ChannelRecord rec;
        std::optional<PrivateKey> key;
        const ChannelSighasher *hasher = nullptr; ///< the engine's cached one (read-only while checking)
    };
    std::map<OutPoint, Channel> channels;
    for (const PaymentMsg &m : payments) {
        if (channels.count(m.channel))
            continue;
        Channel c;
        auto rec = record(m.channel);
        if (!rec || rec->role != ChannelRole::Payee) {
            c.error = rec ? makeError(ErrorCode::ChannelUnknown) : rec.error();
        } else if (const Status st = refreshConfirmations(*rec); !st.ok()) {
            c.error = st.error();
        } else if (auto k = key(rec->keyIndex); !k) {
            c.error = k.error();
        } else {
            c.rec = *rec;
            c.key = *k;
            c.hasher = &sighasher(rec->params);
        }
        channels.emplace(m.channel, std::move(c));
    }
    // 2. Check 3 (a signing and the interpreter: the costly part, independent of the
    //    channel's state) for every payment at once, on every core.
    std::vector<Status> signature(payments.size());
    std::vector<Transaction> settlements(payments.size());
    std::vector<size_t> toCheck;
    for (size_t i = 0; i < payments.size(); ++i)
        if (!channels.at(payments[i].channel).error)
            toCheck.push_back(i);
    auto checkOne = [&](size_t i) {
        const Channel &c = channels.at(payments[i].channel);
        signature[i] = checkPaymentSignature(c.rec.params, payments[i], *c.key, *c.hasher, &settlements[i]);
    };
    if (toCheck.size() >= kParallelCheckFrom)
        QtConcurrent::blockingMap(toCheck, checkOne);
    else
        std::for_each(toCheck.begin(), toCheck.end(), checkOne);
    // 3. The rest of the checks, in order, each payment against the state the
    //    previous ones left.
    for (size_t i = 0; i < payments.size(); ++i) {
        const PaymentMsg &m = payments[i];
        if (!now) {
            refuse(m, now.error());
            continue;
        }
        Channel &c = channels.at(m.channel);
        if (c.error) {
            refuse(m, *c.error);
            continue;
        }
        ChannelRecord &rec = c.rec;
        PayeeChannelState s;
        s.params = rec.params;
        s.open = rec.state == ChannelState::Open;
        s.fundingConfirmations = s.open ? static_cast<int>(std::max<uint32_t>(rec.minConfirmations, 1)) : 0;
        s.lastSequence = rec.seq;
        s.lastPaid = rec.paid;
        s.lastPayerSig = rec.payerSig;
        if (isOldRepeat(rec, m)) {
            answers.push_back(AckMsg{m.channel, m.sequence});
            continue;
        }
        auto d = checkPaymentChecked(s, m, now->height, policyFor(rec), signature[i]);
        if (!d) {
            refuse(m, d.error());
            continue;
        }
        if (d->outcome == PaymentOutcome::Accepted) {
            rec.seq = d->next.lastSequence;
            rec.paid = d->next.lastPaid;
            rec.payerSig = d->next.lastPayerSig;
            rec.settlementTx = settlements[i].serialize();
            toStore.push_back(rec);
        }
        answers.push_back(AckMsg{m.channel, m.sequence});
    }
    if (!toStore.empty()) {
        if (const Status st = m_store.updateMany(toStore, true); !st.ok()) {
            // Nothing is acknowledged that is not on disk.
            answers.clear();
            for (const PaymentMsg &m : payments)
                refuse(m, st.error());
        }
    }
    return answers;
}

Result<std::vector<Message>> ChannelEngine::onAck(const AckMsg &m)
{
    auto rec = record(m.channel);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "not a channel we pay into");
    if (m.sequence > rec->signedSeq || m.sequence == 0)
        return makeError(ErrorCode::PaymentSequence, "an ack for a payment never sent");
    if (m.sequence <= rec->seq)
        return std::vector<Message>{}; // already known
    auto paid = m_store.paidAt(rec->id(), m.sequence);
    if (!paid)
        return paid.error();
    if (!*paid)
        return makeError(ErrorCode::PaymentSequence, "no record of that payment");
    rec->seq = m.sequence;
    rec->paid = **paid;
    SPW_TRY(m_store.update(*rec));
    return std::vector<Message>{};
}

Result<PaymentMsg> ChannelEngine::pay(const OutPoint &id, int64_t increment)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "not a channel we pay into");
    SPW_TRY(refreshConfirmations(*rec));
    if (rec->state != ChannelState::Open && rec->state != ChannelState::Opening)
        return makeError(ErrorCode::ChannelNotOpen, std::string(store::stateName(rec->state)));
    if (increment <= 0)
        return makeError(ErrorCode::InvalidAmount, "pay a positive amount");
    if (increment > rec->params.maxPayable().sat() - rec->signedPaid) // also keeps the sum in range
        return makeError(ErrorCode::PaymentAboveCapacity,
                         std::to_string(rec->params.maxPayable().sat() - rec->signedPaid) + " sat left in the channel");
    const int64_t paid = rec->signedPaid + increment;
    if (paid > rec->params.maxPayable().sat())
        return makeError(ErrorCode::PaymentAboveCapacity,
                         std::to_string(rec->params.maxPayable().sat() - rec->signedPaid) + " sat left in the channel");
    if (paid < rec->params.minFirstPayment().sat())
        return makeError(ErrorCode::PaymentBelowDust, "the first payment must be at least " +
                                                          std::to_string(rec->params.minFirstPayment().sat()) + " sat");
    auto now = tip();
    if (!now)
        return now.error();
    if (static_cast<int64_t>(now->height) >= static_cast<int64_t>(rec->params.expiry) - rec->safetyMargin)
        return makeError(ErrorCode::ChannelExpiring);
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    const PaymentMsg msg = signPayment(rec->params, rec->signedSeq + 1, Amount::fromSat(paid), *k, sighasher(rec->params));
    rec->signedSeq = msg.sequence;
    rec->signedPaid = paid;
    SPW_TRY(m_store.update(*rec, true)); // "about to pay n", durable before it leaves
    return msg;
}

Result<PaymentMsg> ChannelEngine::newestPayment(const OutPoint &id)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer || rec->signedSeq == 0)
        return makeError(ErrorCode::NothingToSettle, "no payment signed yet");
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    // RFC 6979: signing again gives the same signature, so the payee sees a repeat.
    return signPayment(rec->params, rec->signedSeq, Amount::fromSat(rec->signedPaid), *k, sighasher(rec->params));
}

Result<std::vector<PaymentMsg>> ChannelEngine::unacknowledgedPayments(const OutPoint &id)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "not a channel we pay into");
    auto log = m_store.payments(id);
    if (!log)
        return log.error();
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    std::vector<PaymentMsg> out;
    for (const auto &row : *log)
        if (row.seq > rec->seq && row.seq <= rec->signedSeq)
            out.push_back(signPayment(rec->params, row.seq, Amount::fromSat(row.paid), *k, sighasher(rec->params)));
    return out;
}

bool ChannelEngine::isOldRepeat(const ChannelRecord &rec, const PaymentMsg &m)
{
    if (m.sequence == 0 || m.sequence >= rec.seq)
        return false;
    auto paid = m_store.paidAt(rec.id(), m.sequence);
    return paid && *paid && **paid == m.paid;
}

Result<Hash256> ChannelEngine::settle(const OutPoint &id)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payee)
        return makeError(ErrorCode::ChannelUnknown, "only the payee settles");
    if (rec->seq == 0)
        return makeError(ErrorCode::NothingToSettle);
    if (isFinal(rec->state))
        return rec->closingTxid;
    auto tx = settlementTransaction(*rec);
    if (!tx)
        return tx.error();
    // Closing is stored before the broadcast (compare-and-swap): from then on no other
    // process on this data directory accepts a payment that this settlement would not pay.
    rec->state = ChannelState::Closing;
    rec->closingTxid = tx->txid();
    SPW_TRY(m_store.update(*rec));
    auto sent = chain::await(m_chain.broadcast(*tx));
    if (!sent && sent.code() == ErrorCode::TxMempoolFull && m_wallet) {
        // A full mempool refuses it alone: it goes in with a child that pays for both.
        auto bumped = bumpSettlement(*rec);
        if (!bumped)
            return bumped.error();
        return rec->closingTxid;
    }
    if (!sent)
        return sent.error(); // still closing: settle again, or the watcher does on the next block
    return *sent;
}

Result<Transaction> ChannelEngine::settlementTransaction(const ChannelRecord &rec)
{
    if (rec.role != ChannelRole::Payee || rec.seq == 0)
        return makeError(ErrorCode::NothingToSettle, "only a payee with a payment holds a settlement");
    // The stored settlement, when it is the newest commitment: no key needed.
    if (!rec.settlementTx.empty()) {
        auto stored = Transaction::parse(rec.settlementTx);
        if (stored && stored->inputs.size() == 1 && stored->inputs[0].prevout == rec.id()) {
            Transaction bare = *stored;
            bare.inputs[0].witness.clear();
            if (bare == buildCommitment(rec.params, Amount::fromSat(rec.paid)))
                return *stored;
        }
    }
    auto k = key(rec.keyIndex);
    if (!k)
        return k.error();
    return completeCommitment(rec.params, Amount::fromSat(rec.paid), rec.payerSig, *k, sighasher(rec.params));
}

Result<Transaction> ChannelEngine::refundTransaction(const ChannelRecord &rec)
{
    if (rec.role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "only the payer takes the refund");
    auto k = key(rec.keyIndex);
    if (!k)
        return k.error();
    return completeRefund(rec.params, *k, rec.refundSig, sighasher(rec.params));
}

Result<Hash256> ChannelEngine::refund(const OutPoint &id)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    if (rec->role != ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "only the payer takes the refund");
    auto now = tip();
    if (!now)
        return now.error();
    if (now->height < static_cast<int>(rec->params.expiry))
        return makeError(ErrorCode::TxNonFinal, "the refund is valid in " + std::to_string(rec->params.expiry - now->height) + " blocks");
    auto tx = refundTransaction(*rec);
    if (!tx)
        return tx.error();
    auto sent = chain::await(m_chain.broadcast(*tx));
    if (!sent && sent.code() != ErrorCode::TxMempoolFull)
        return sent.error();
    rec->state = ChannelState::Closing;
    rec->closingTxid = tx->txid();
    SPW_TRY(m_store.update(*rec));
    if (!sent) {
        // A full mempool refuses it alone: it goes in with a child that pays for both.
        auto bumped = bumpSettlement(*rec);
        if (!bumped)
            return bumped.error();
    }
    return rec->closingTxid;
}

Result<std::vector<WatchEvent>> ChannelEngine::watch()
{
    std::vector<WatchEvent> events;
    auto now = tip();
    if (!now)
        return now.error();
    // The rows as they are now, decoding only those that changed since the last pass.
    auto decoded = m_store.refresh(m_watchCache);
    if (!decoded)
        return decoded.error();
    m_watchStats = WatchStats{};
    m_watchStats.channelsRead = *decoded;
    std::vector<const ChannelRecord *> channelList;
    channelList.reserve(m_watchCache.size());
    for (const auto &entry : m_watchCache)
        channelList.push_back(&entry.second);
    const auto *channels = &channelList;
    // Every funding's status and spend asked in one go: with thousands of open channels,
    // one round trip each per block would be most of the pass's cost.
    std::map<OutPoint, chain::SpendInfo> spends;
    std::map<Hash256, chain::TxStatus> fundings;
    {
        std::vector<OutPoint> ids;
        std::vector<Hash256> txids;
        for (const ChannelRecord *recp : *channels) {
            const ChannelRecord &rec = *recp;
            if (rec.state == ChannelState::Proposed)
                continue;
            if (isFinal(rec.state) && rec.closedHeight >= 0 && now->height - rec.closedHeight >= kReorgSafeDepth)
                continue;
            ids.push_back(rec.id());
            if (rec.state == ChannelState::Opening || rec.state == ChannelState::Open)
                txids.push_back(rec.id().txid);
        }
        std::sort(txids.begin(), txids.end());
        txids.erase(std::unique(txids.begin(), txids.end()), txids.end());
        auto s = chain::await(m_chain.outpointSpends(ids));
        if (!s)
            return s.error();
        auto t = chain::await(m_chain.transactionStatuses(txids));
        if (!t)
            return t.error();
        for (size_t i = 0; i < ids.size() && i < s->size(); ++i)
            spends[ids[i]] = (*s)[i];
        for (size_t i = 0; i < txids.size() && i < t->size(); ++i)
            fundings[txids[i]] = (*t)[i];
        m_watchStats.batchedLookups = static_cast<int64_t>(ids.size() + txids.size());
    }
    // The spend of a channel's funding as asked at the start of the pass (a channel whose
    // opening just carried on is asked afresh).
    auto spendOf = [&](const ChannelRecord &rec) -> Result<chain::SpendInfo> {
        if (auto it = spends.find(rec.id()); it != spends.end())
            return it->second;
        return chain::await(m_chain.outpointSpend(rec.id()));
    };
    // A node that saw no block for far longer than the network's rhythm has stalled (or
    // is cut off): its idea of the deadline cannot be trusted, so payees settle now.
    const bool stalled = nodeStalled(*now);
    std::map<int, int64_t> estimates; // fee estimates by target, asked once per pass
    if (stalled)
        events.push_back({OutPoint{}, "the node has seen no new block for " + std::to_string((clockNow() - now->time) / 60) +
                                          " minutes (one is expected every " +
                                          std::to_string(m_chain.network().blockIntervalSeconds / 60) +
                                          "): it may have stalled; channels we are paid on are settled now"});
    // Payer: the settlement's locked output goes to the wallet once it can (a failure is reported, not fatal).
    auto sweep = [this, &events](ChannelRecord &rec) {
        auto swept = sweepPayerOutput(rec);
        if (!swept)
            events.push_back({rec.id(), "could not sweep the payer's output of the settlement yet: " + swept.error().describe()});
        else if (*swept)
            events.push_back({rec.id(), "the payer's output of the settlement swept into the wallet: " + toDisplayHex(**swept)});
    };
    // One channel at a time; a channel another process changed meanwhile is looked at
    // again on the next pass, the others go on (no auto-settle or refund is held up).
    auto watchOne = [&](ChannelRecord &rec) -> Status {
        ++m_watchStats.channelsExamined;
        if (rec.state == ChannelState::Proposed) {
            auto resumed = resumeOpening(rec);
            if (!resumed)
                events.push_back({rec.id(), "could not carry on an interrupted opening: " + resumed.error().describe()});
            else if (*resumed)
                events.push_back({rec.id(), **resumed});
            if (rec.state == ChannelState::Proposed)
                return Status{};
        }
        if (isFinal(rec.state)) {
            if (rec.closedHeight >= 0 && now->height - rec.closedHeight >= kReorgSafeDepth) {
                sweep(rec); // the payer's locked output, until it is swept
                return Status{};
            }
            auto spend = spendOf(rec);
            if (!spend)
                return spend.error();
            if (spend->spent && spend->spenderHeight >= 0) {
                if (spend->spenderHeight != rec.closedHeight) {
                    rec.closedHeight = spend->spenderHeight;
                    SPW_TRY(m_store.update(rec));
                }
                sweep(rec);
                return Status{};
            }
            // A reorg took the block with the closing transaction away: the channel is not closed yet.
            rec.state = spend->spent ? ChannelState::Closing : ChannelState::Open;
            rec.closedHeight = -1;
            SPW_TRY(m_store.update(rec));
            events.push_back({rec.id(), "the closing transaction's block left the best chain"});
            if (spend->spent)
                return Status{};
            rec.state = ChannelState::Closing; // broadcast it again below
        }
        const ChannelState before = rec.state;
        const auto known = fundings.find(rec.id().txid);
        SPW_TRY(refreshConfirmations(rec, true, known == fundings.end() ? nullptr : &known->second));
        if (rec.role == ChannelRole::Payer && rec.state == ChannelState::Opening && m_wallet) {
            // Our funding waits in the mempool: pay for it through its change (CPFP) when the
            // estimate is above what it pays; never by replacing it.
            auto bumped = bumpFunding(rec);
            if (!bumped && bumped.code() != ErrorCode::NothingToSettle)
                events.push_back({rec.id(), "could not raise the funding's fee: " + bumped.error().describe()});
            else if (bumped && *bumped)
                events.push_back({rec.id(), describeBump(**bumped, "funding")});
        }
        if (rec.state != before) {
            SPW_TRY(m_store.update(rec));
            std::string what = rec.state == ChannelState::Open
                                   ? "open"
                                   : "the funding's block left the best chain (or the funding was double-spent): no payments until it confirms again";
            if (rec.state == ChannelState::Open && rec.role == ChannelRole::Payee && m_wallet) {
                // Something to bump the settlement with if fees rise before it confirms.
                auto bal = m_wallet->balance();
                auto reserve = m_wallet->feeReserve();
                if (bal && reserve && bal->confirmed < std::max<int64_t>(*reserve, 1))
                    what += "; the wallet has no confirmed coin to raise the settlement's fee with if fees rise: "
                            "keep one in reserve (wallet reserve)";
            }
            events.push_back({rec.id(), what});
        }
        auto spend = spendOf(rec);
        if (!spend)
            return spend.error();
        if (spend->spent) {
            auto spender = chain::await(m_chain.transaction(spend->spender));
            if (!spender)
                return spender.error();
            const bool isRefund = spender->lockTime == rec.params.expiry && spender->inputs[0].sequence == 0xfffffffe;
            if (rec.role == ChannelRole::Payee && isRefund && rec.seq > 0 && rec.closingTxid != Hash256{} &&
                rec.closingTxid != spend->spender) {
                // Our settlement was broadcast but the payer's refund spends the funding
                // instead: it replaced ours (nodes replace whatever the fee pays for) or won the block.
                events.push_back({rec.id(), "the payer's refund " + toDisplayHex(spend->spender) + " replaced our settlement " +
                                                toDisplayHex(rec.closingTxid) + " (" + std::to_string(rec.paid) +
                                                " sat acknowledged are lost unless the refund leaves the chain)"});
            }
            const ChannelRecord seen = rec;
            rec.closingTxid = spend->spender;
            rec.finalPayee = isRefund ? 0 : valueTo(*spender, rec.params.payeePayout);
            rec.finalPayer = valueTo(*spender, isRefund ? rec.params.payerRefund : rec.params.payerOutputScript());
            if (spend->spenderHeight >= 0) {
                rec.closedHeight = spend->spenderHeight;
                rec.state = isRefund ? ChannelState::Refunded : ChannelState::Settled;
                events.push_back({rec.id(), std::string(isRefund ? "refunded" : "settled") + " in " + toDisplayHex(rec.closingTxid),
                                  isRefund ? WatchEvent::Kind::Refunded : WatchEvent::Kind::Settled,
                                  isRefund ? rec.finalPayer : rec.role == ChannelRole::Payee ? rec.finalPayee : rec.finalPayer});
            } else {
                rec.state = ChannelState::Closing;
            }
            // Written only when something changed (a waiting settlement is looked at every block).
            if (rec.closingTxid != seen.closingTxid || rec.finalPayee != seen.finalPayee || rec.finalPayer != seen.finalPayer ||
                rec.closedHeight != seen.closedHeight || rec.state != seen.state)
                SPW_TRY(m_store.update(rec));
            sweep(rec);
            const bool ours = rec.role == ChannelRole::Payee ? !isRefund : isRefund;
            if (ours && spend->spenderHeight < 0) {
                // Our settlement (or refund) waits in the mempool: pay for it by CPFP when what
                // confirms in time costs more than it (and our earlier child) pays.
                auto bumped = bumpSettlement(rec);
                if (!bumped && bumped.code() != ErrorCode::NothingToSettle)
                    events.push_back({rec.id(), std::string("could not raise the ") + (isRefund ? "refund" : "settlement") +
                                                    "'s fee: " + bumped.error().describe()});
                else if (bumped && *bumped)
                    events.push_back({rec.id(), describeBump(**bumped, isRefund ? "refund" : "settlement")});
            }
            return Status{};
        }
        const bool wasClosing = rec.state == ChannelState::Closing;
        if (wasClosing) {
            // Our closing transaction vanished (never relayed, or a reorg dropped it): act again below.
            rec.state = ChannelState::Open;
        }
        if (rec.role == ChannelRole::Payee && rec.seq > 0 && wasClosing) {
            auto s = settle(rec.id());
            events.push_back({rec.id(), s ? "settlement broadcast again: " + toDisplayHex(*s)
                                          : "could not broadcast the settlement again: " + s.error().describe()});
            return Status{};
        }
        // Fees: settle early when confirming within the margin eats into the budget, and
        // say once when a settlement could not be bumped at all (keep a coin in reserve).
        FeeOutlook outlook;
        if (rec.role == ChannelRole::Payee && rec.seq > 0 && rec.state == ChannelState::Open && !stalled) {
            auto o = feeOutlook(rec, estimates, now->height);
            if (o)
                outlook = *o; // without an estimate the deadline rule below still holds
            if (outlook.cannotBump && m_reserveWarned.insert(rec.id()).second)
                events.push_back({rec.id(), "the payout of " + std::to_string(rec.paid) + " sat cannot pay a fee bump of " +
                                                std::to_string(outlook.neededChildFee) +
                                                " sat at today's fees and the wallet has no confirmed coin: keep a wallet coin in reserve"});
        }
        if (rec.role == ChannelRole::Payee && rec.seq > 0 &&
                   (stalled || outlook.settleNow ||
                    static_cast<int64_t>(now->height) >= static_cast<int64_t>(rec.params.expiry) - rec.safetyMargin)) {
            // A failure here must not lock the user out of every other command: report it.
            auto s = settle(rec.id());
            const std::string why = stalled ? "settled early, the node having stalled: "
                                    : outlook.settleNow
                                        ? "settled early, confirming within the safety margin costing " +
                                              std::to_string(outlook.neededChildFee) + " sat of a " + std::to_string(outlook.budget) +
                                              " sat fee budget: "
                                        : "settled automatically at the safety margin: ";
            events.push_back({rec.id(), s ? why + toDisplayHex(*s) : "could not settle automatically: " + s.error().describe(),
                              s ? WatchEvent::Kind::AutoSettled : WatchEvent::Kind::Other, rec.paid});
        } else if (rec.role == ChannelRole::Payer && now->height >= static_cast<int>(rec.params.expiry)) {
            auto r = refund(rec.id());
            events.push_back({rec.id(), r ? "refund broadcast: " + toDisplayHex(*r) : "could not broadcast the refund: " + r.error().describe(),
                              r ? WatchEvent::Kind::AutoRefunded : WatchEvent::Kind::Other, 0});
        }
            return Status{};
    };
    for (const ChannelRecord *cached : *channels) {
        // A copy: what a pass changes reaches the store (and the next pass) through updates only.
        ChannelRecord rec = *cached;
        const Status st = watchOne(rec);
        if (st.ok())
            continue;
        if (st.error().code != ErrorCode::ChannelChangedElsewhere)
            return st.error();
        events.push_back({rec.id(), "changed by another process meanwhile: looked at again on the next block"});
    }
    for (const auto &[target, rate] : estimates) {
        EstimateSeen &seen = m_lastEstimates[target];
        if (seen.height != now->height) {
            seen.previousRate = seen.height >= 0 ? seen.rate : -1;
            seen.height = now->height;
        }
        seen.rate = rate;
    }
    return events;
}

Result<Psbt> ChannelEngine::exportPsbt(const OutPoint &id, const std::string &which)
{
    auto rec = record(id);
    if (!rec)
        return rec.error();
    const ChannelParams &p = rec->params;
    Transaction tx;
    if (which == "refund")
        tx = buildRefund(p);
    else if (which == "commitment" || which == "settlement")
        tx = buildCommitment(p, Amount::fromSat(rec->role == ChannelRole::Payer ? rec->signedPaid : rec->paid));
    else
        return makeError(ErrorCode::InvalidArgument, "export refund, commitment or settlement");
    auto psbt = Psbt::create(tx);
    if (!psbt)
        return psbt.error();
    PsbtInput &in = psbt->inputs[0];
    in.witnessUtxo = p.fundingOutput();
    in.witnessScript = p.witnessScript();
    in.sighashType = SIGHASH_ALL;
    auto k = key(rec->keyIndex);
    if (!k)
        return k.error();
    const Hash256 digest = sighasher(p).digest(tx);
    const Bytes myPub = k->publicKey().bytes();
    in.partialSigs[hash160(myPub)] = {myPub, sigWithHashType(k->signDer(digest))};
    if (which != "refund" && rec->role == ChannelRole::Payee && rec->seq > 0)
        in.partialSigs[hash160(p.payerPub)] = {p.payerPub, sigWithHashType(compactToDer(rec->payerSig))};
    if (which == "refund" && rec->refundSig)
        in.partialSigs[hash160(p.payeePub)] = {p.payeePub, sigWithHashType(compactToDer(*rec->refundSig))};
    if (which == "settlement") {
        if (rec->role != ChannelRole::Payee || rec->seq == 0)
            return makeError(ErrorCode::NothingToSettle, "only the payee holds a settlement");
        auto complete = completeCommitment(p, Amount::fromSat(rec->paid), rec->payerSig, *k, sighasher(p));
        if (!complete)
            return complete.error();
        in.finalScriptWitness = complete->inputs[0].witness;
        in.partialSigs.clear();
        in.witnessScript = Script();
        in.sighashType.reset();
    }
    return *psbt;
}

Result<std::vector<Message>> ChannelEngine::importPsbt(const Psbt &psbt)
{
    if (psbt.tx.inputs.size() != 1 || psbt.inputs.size() != 1)
        return makeError(ErrorCode::PsbtMismatch, "a channel PSBT spends exactly the funding output");
    auto rec = record(psbt.tx.inputs[0].prevout);
    if (!rec)
        return rec.error();
    const ChannelParams &p = rec->params;
    const PsbtInput &in = psbt.inputs[0];
    auto sigOf = [&](const Bytes &pub) -> std::optional<CompactSignature> {
        auto it = in.partialSigs.find(hash160(pub));
        if (it == in.partialSigs.end() || it->second.second.empty() || it->second.second.back() != SIGHASH_ALL)
            return std::nullopt;
        const Bytes &s = it->second.second;
        auto c = derToCompact(ByteView(s).first(s.size() - 1));
        if (!c)
            return std::nullopt;
        return *c;
    };
    if (in.isFinalized()) {
        // A finalized settlement or refund: check it, then broadcast it.
        auto tx = psbt.extract();
        if (!tx)
            return tx.error();
        const ScriptError err = verifyInput(*tx, 0, p.fundingOutput(), kStandardFlags);
        if (err != ScriptError::OK)
            return makeError(ErrorCode::ScriptFailed, std::string(scriptErrorName(err)));
        auto sent = chain::await(m_chain.broadcast(*tx));
        if (!sent)
            return sent.error();
        return std::vector<Message>{};
    }
    if (psbt.tx == buildRefund(p)) {
        auto sig = sigOf(p.payeePub);
        if (!sig)
            return makeError(ErrorCode::PsbtIncomplete, "the refund PSBT lacks the payee's signature");
        return receive(RefundSigMsg{p.funding, *sig});
    }
    // A commitment: which amount does it pay? It must be exactly the one we would build.
    int64_t paid = 0;
    for (const auto &o : psbt.tx.outputs)
        if (o.scriptPubKey == p.payeePayout)
            paid = o.value.sat();
    if (!(psbt.tx == buildCommitment(p, Amount::fromSat(paid))))
        return makeError(ErrorCode::PsbtMismatch, "not this channel's refund or commitment");
    auto sig = sigOf(p.payerPub);
    if (!sig)
        return makeError(ErrorCode::PsbtIncomplete, "the commitment PSBT lacks the payer's signature");
    const uint64_t seq = paid == rec->paid ? rec->seq : rec->seq + 1;
    return receive(PaymentMsg{p.funding, seq, paid, *sig});
}

Result<int64_t> ChannelEngine::lockedInChannels()
{
    auto channels = m_store.all();
    if (!channels)
        return channels.error();
    int64_t total = 0;
    for (const auto &c : *channels)
        total += moneyInChannel(c);
    return total;
}

int64_t moneyInChannel(const ChannelRecord &c)
{
    if (isFinal(c.state) || c.state == ChannelState::Proposed)
        return 0;
    if (c.state == ChannelState::Closing && (c.role == ChannelRole::Payee || c.finalPayee == 0))
        return 0; // the closing pays a wallet address: the wallet counts it, unconfirmed
    return c.role == ChannelRole::Payer ? c.params.capacity.sat() - c.signedPaid : c.paid;
}

} // namespace spillway::channel
