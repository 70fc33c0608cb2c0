#include "Messages.h"
#include "common/TextLines.h"

#include "bitcoin/Bech32.h"
#include "bitcoin/Serialize.h"

namespace spillway::channel {

using namespace bitcoin;

namespace {

constexpr uint8_t kMagic[3] = {'S', 'P', 'W'};
constexpr uint8_t kVersion = 1;
constexpr size_t kMaxTextLength = 200000;

void writeOutPoint(Writer &w, const OutPoint &op)
{
    w.bytes(op.txid);
    w.u32(op.index);
}

Error bad(const std::string &what)
{
    return makeError(ErrorCode::BadMessage, what);
}

// Field reader that remembers the first error, so decoders read straight through.
struct FieldReader {
    Reader r;
    std::optional<Error> err;

    explicit FieldReader(ByteView d) : r(d) {}
    template <typename T>
    T take(Result<T> v, const char *field)
    {
        if (!v) {
            if (!err)
                err = bad(std::string(field) + ": " + std::string(errorCodeName(v.error().code)));
            return T{};
        }
        return *v;
    }
    uint8_t u8(const char *f) { return take(r.u8(), f); }
    uint16_t u16(const char *f) { return take(r.u16(), f); }
    uint32_t u32(const char *f) { return take(r.u32(), f); }
    int64_t i64(const char *f) { return take(r.i64(), f); }
    uint64_t compact(const char *f) { return take(r.compactSize(), f); }
    uint64_t number(const char *f) { return take(r.compactInteger(), f); }
    Bytes var(const char *f, size_t max)
    {
        Bytes b = take(r.varBytes(), f);
        if (b.size() > max && !err)
            err = bad(std::string(f) + " too long");
        return b;
    }
    Bytes fixed(const char *f, size_t n)
    {
        auto v = r.bytes(n);
        if (!v) {
            if (!err)
                err = bad(std::string(f) + ": truncated");
            return Bytes(n, 0);
        }
        return Bytes(v->begin(), v->end());
    }
    OutPoint outpoint(const char *f)
    {
        OutPoint op;
        Bytes h = fixed(f, 32);
        std::copy(h.begin(), h.end(), op.txid.begin());
        op.index = u32(f);
        return op;
    }
    CompactSignature sig(const char *f)
    {
        CompactSignature s{};
        Bytes b = fixed(f, 64);
        std::copy(b.begin(), b.end(), s.begin());
        return s;
    }
    std::string text(const char *f, size_t max)
    {
        Bytes b = var(f, max);
        return std::string(b.begin(), b.end());
    }
};

struct Encoder {
    Writer &w;
    void operator()(const OfferMsg &m) const
    {
        w.u8(static_cast<uint8_t>(m.network));
        w.bytes(m.payeePub);
        w.varBytes(m.payeePayout.bytes());
        w.u8(m.variants);
        w.i64(m.minCapacity);
        w.i64(m.maxCapacity);
        w.u32(m.minExpiryDelta);
        w.u32(m.maxExpiryDelta);
        w.u32(m.minConfirmations);
        w.i64(m.minCommitFeerate);
        w.varBytes(asBytes(m.endpoint));
        w.varBytes(m.tlsFingerprint);
        w.i64(m.priceHint);
        w.varBytes(asBytes(m.label));
    }
    void operator()(const ProposalMsg &m) const
    {
        w.u8(static_cast<uint8_t>(m.variant));
        w.bytes(m.payeePub);
        writeOutPoint(w, m.funding);
        w.i64(m.capacity);
        w.bytes(m.payerPub);
        w.varBytes(m.payerRefund.bytes());
        w.u32(m.expiry);
        w.i64(m.commitFee);
        w.i64(m.refundFee);
        w.varBytes(m.unsignedRefund);
    }
    void operator()(const RefundSigMsg &m) const
    {
        writeOutPoint(w, m.channel);
        w.bytes(m.signature);
    }
    void operator()(const FundedMsg &m) const { w.varBytes(m.fundingTx); }
    void operator()(const PaymentMsg &m) const
    {
        writeOutPoint(w, m.channel);
        w.compactSize(m.sequence);
        w.compactSize(static_cast<uint64_t>(m.paid));
        w.bytes(m.signature);
    }
    void operator()(const AckMsg &m) const
    {
        writeOutPoint(w, m.channel);
        w.compactSize(m.sequence);
    }
    void operator()(const CloseMsg &m) const
    {
        writeOutPoint(w, m.channel);
        w.bytes(m.signature);
    }
    void operator()(const ErrorMsg &m) const
    {
        writeOutPoint(w, m.channel);
        w.u16(m.code);
        w.varBytes(asBytes(m.text));
        w.u8(m.catchUp ? 1 : 0);
        if (m.catchUp) {
            w.compactSize(m.catchUp->sequence);
            w.compactSize(static_cast<uint64_t>(m.catchUp->paid));
            w.bytes(m.catchUp->payerSig);
        }
    }
};

Result<Message> decodeBody(MessageType type, FieldReader &f)
{
    switch (type) {
    case MessageType::Offer: {
        OfferMsg m;
        const uint8_t net = f.u8("network");
        if (net > static_cast<uint8_t>(NetworkId::Local))
            return bad("unknown network");
        m.network = static_cast<NetworkId>(net);
        m.payeePub = f.fixed("payee key", 33);
        m.payeePayout = Script(f.var("payout script", 100));
        m.variants = f.u8("variants");
        m.minCapacity = f.i64("min capacity");
        m.maxCapacity = f.i64("max capacity");
        m.minExpiryDelta = f.u32("min expiry");
        m.maxExpiryDelta = f.u32("max expiry");
        m.minConfirmations = f.u32("min confirmations");
        m.minCommitFeerate = f.i64("min commit feerate");
        m.endpoint = f.text("endpoint", 255);
        m.tlsFingerprint = f.var("fingerprint", 32);
        m.priceHint = f.i64("price");
        m.label = f.text("label", 200);
        return Message(m);
    }
    case MessageType::Proposal: {
        ProposalMsg m;
        const uint8_t v = f.u8("variant");
        if (v != 1 && v != 2)
            return bad("unknown variant");
        m.variant = static_cast<Variant>(v);
        m.payeePub = f.fixed("payee key", 33);
        m.funding = f.outpoint("funding");
        m.capacity = f.i64("capacity");
        m.payerPub = f.fixed("payer key", 33);
        m.payerRefund = Script(f.var("refund script", 100));
        m.expiry = f.u32("expiry");
        m.commitFee = f.i64("commit fee");
        m.refundFee = f.i64("refund fee");
        m.unsignedRefund = f.var("refund", 1000);
        return Message(m);
    }
    case MessageType::RefundSig: {
        RefundSigMsg m;
        m.channel = f.outpoint("channel");
        m.signature = f.sig("signature");
        return Message(m);
    }
    case MessageType::Funded: {
        FundedMsg m;
        m.fundingTx = f.var("funding tx", 100000);
        return Message(m);
    }
    case MessageType::Payment: {
        PaymentMsg m;
        m.channel = f.outpoint("channel");
        m.sequence = f.number("sequence");
        const uint64_t paid = f.number("paid");
        if (!f.err && paid > static_cast<uint64_t>(Amount::kMaxMoney))
            return makeError(ErrorCode::PaymentAmountInvalid, "paid " + std::to_string(paid) + " sat is more than all bitcoin");
        m.paid = static_cast<int64_t>(paid);
        m.signature = f.sig("signature");
        return Message(m);
    }
    case MessageType::Ack: {
        AckMsg m;
        m.channel = f.outpoint("channel");
        m.sequence = f.number("sequence");
        return Message(m);
    }
    case MessageType::Close: {
        CloseMsg m;
        m.channel = f.outpoint("channel");
        m.signature = f.sig("signature");
        return Message(m);
    }
    case MessageType::Error: {
        ErrorMsg m;
        m.channel = f.outpoint("channel");
        m.code = f.u16("code");
        m.text = f.text("text", 1000);
        const uint8_t hasState = f.u8("catch-up flag");
        if (!f.err && hasState > 1)
            return bad("catch-up flag");
        if (hasState == 1) {
            CatchUpState c;
            c.sequence = f.number("catch-up sequence");
            const uint64_t paid = f.number("catch-up paid");
            if (!f.err && paid > static_cast<uint64_t>(Amount::kMaxMoney))
                return makeError(ErrorCode::PaymentAmountInvalid, "catch-up paid " + std::to_string(paid) + " sat");
            c.paid = static_cast<int64_t>(paid);
            c.payerSig = f.sig("catch-up signature");
            m.catchUp = c;
        }
        return Message(m);
    }
    }
    return bad("unknown message type");
}

} // namespace

Hash256 closeDigest(const OutPoint &channel)
{
    Writer w;
    w.bytes(asBytes(std::string_view("SPW close")));
    writeOutPoint(w, channel);
    return sha256(w.data());
}

MessageType messageType(const Message &m)
{
    return static_cast<MessageType>(m.index() + 1);
}

Bytes encodeMessage(const Message &m)
{
    Writer w;
    w.bytes(kMagic);
    w.u8(kVersion);
    w.u8(static_cast<uint8_t>(messageType(m)));
    std::visit(Encoder{w}, m);
    return w.take();
}

Result<Message> decodeMessage(ByteView data)
{
    if (data.size() < 5 || !std::equal(kMagic, kMagic + 3, data.begin()))
        return bad("not a Spillway message");
    if (data[3] != kVersion)
        return makeError(ErrorCode::UnsupportedMessageVersion, "version " + std::to_string(data[3]));
    const uint8_t type = data[4];
    if (type < 1 || type > 8)
        return bad("unknown message type " + std::to_string(type));
    FieldReader f(data.subspan(5));
    auto m = decodeBody(static_cast<MessageType>(type), f);
    if (f.err)
        return *f.err;
    if (!m)
        return m;
    if (!f.r.atEnd())
        return bad("bytes after the message");
    return m;
}

Result<OfferMsg> decodeStoredOffer(ByteView data)
{
    auto m = decodeMessage(data);
    if (m && std::holds_alternative<OfferMsg>(*m))
        return std::get<OfferMsg>(*m);
    // The older form: the same fields without the 8-byte feerate after min confirmations.
    if (data.size() < 5 + 1 + 33 + 1 || data[4] != static_cast<uint8_t>(MessageType::Offer))
        return bad("not a stored offer");
    Reader r(data.subspan(5 + 1 + 33));
    auto payoutLength = r.compactSize();
    if (!payoutLength)
        return bad("not a stored offer");
    const size_t at = 5 + 1 + 33 + r.position() + static_cast<size_t>(*payoutLength) + 1 + 8 + 8 + 4 + 4 + 4;
    if (at > data.size())
        return bad("not a stored offer");
    Writer feerate;
    feerate.i64(1000);
    Bytes upgraded(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(at));
    upgraded.insert(upgraded.end(), feerate.data().begin(), feerate.data().end());
    upgraded.insert(upgraded.end(), data.begin() + static_cast<std::ptrdiff_t>(at), data.end());
    auto old = decodeMessage(upgraded);
    if (!old || !std::holds_alternative<OfferMsg>(*old))
        return bad("not a stored offer");
    return std::get<OfferMsg>(*old);
}

std::string messageToText(const Message &m)
{
    Bytes values;
    convertBits(values, encodeMessage(m), 8, 5, true);
    return bech32Encode(Bech32Encoding::Bech32m, "spw", values);
}

Result<Message> messageFromText(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
        text.remove_prefix(1);
    auto d = bech32Decode(text, kMaxTextLength);
    if (!d)
        return makeError(d.error().code == ErrorCode::InvalidChecksum ? ErrorCode::InvalidChecksum : ErrorCode::BadMessage,
                         d.error().context);
    if (d->hrp != "spw" || d->encoding != Bech32Encoding::Bech32m)
        return bad("not a Spillway message (prefix " + d->hrp + ")");
    Bytes raw;
    if (!convertBits(raw, d->data, 5, 8, false))
        return bad("bad padding");
    return decodeMessage(raw);
}

Result<std::vector<Message>> messagesFromText(std::string_view text)
{
    std::vector<Message> out;
    for (std::string_view line : nonBlankLines(text)) {
        auto m = messageFromText(line);
        if (!m)
            return m.error();
        out.push_back(std::move(*m));
    }
    if (out.empty())
        return bad("no message");
    return out;
}

} // namespace spillway::channel
