// The channel core for both protocol.md variants, in process, on a real local
// chain file: fund, pay 100 times through the message codec, settle, and the
// refund path; then every payee check of protocol.md violated one at a time.
#include "TestData.h"

#include "bitcoin/Interpreter.h"
#include "chain/LocalChainDb.h"
#include "channel/ChannelSigning.h"
#include "channel/OpeningTerms.h"
#include "channel/PayerSweep.h"
#include "store/ChannelStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::channel;

Q_DECLARE_METATYPE(spillway::channel::Variant)

namespace {

constexpr int64_t kCapacity = 110'000;
constexpr int64_t kCommitFee = 500;
constexpr int64_t kRefundFee = 400;

struct Party {
    PrivateKey key = PrivateKey::generate();
    Script spk() const { return p2wpkh(key.publicKey().hash()); }
};

struct Fixture {
    QTemporaryDir dir;
    chain::LocalChainDb chain{dir.filePath(QStringLiteral("chain.sqlite"))};
    Party payer, payee, payerWallet;
    ChannelParams params;
    Transaction funding;

    // Funds a channel from a mature coinbase of the payer's wallet key.
    explicit Fixture(Variant v, uint32_t expiryDelta = 50)
    {
        if (!chain.mine(101, payerWallet.spk()).ok())
            qFatal("mine");
        const auto coins = *chain.unspent({payerWallet.spk()});
        const chain::Utxo &coin = *std::find_if(coins.begin(), coins.end(), [](const chain::Utxo &u) { return u.height == 1; });
        params.variant = v;
        params.capacity = Amount::fromSat(kCapacity);
        params.payerPub = payer.key.publicKey().bytes();
        params.payeePub = payee.key.publicKey().bytes();
        params.payeePayout = payee.spk();
        params.payerRefund = payer.spk();
        params.expiry = static_cast<uint32_t>(chain.tip()->height) + expiryDelta;
        params.commitFee = Amount::fromSat(kCommitFee);
        params.refundFee = Amount::fromSat(kRefundFee);

        funding.version = 2;
        TxIn in;
        in.prevout = coin.outpoint;
        funding.inputs.push_back(in);
        funding.outputs.push_back(params.fundingOutput());
        funding.outputs.push_back(TxOut{Amount::fromSat(coin.output.value.sat() - kCapacity - 1000), payerWallet.spk()});
        const PublicKey pub = payerWallet.key.publicKey();
        Bytes sig = payerWallet.key.signDer(segwitV0Sighash(funding, 0, p2pkh(pub.hash()).bytes(), coin.output.value, SIGHASH_ALL));
        sig.push_back(SIGHASH_ALL);
        funding.inputs[0].witness = {sig, pub.bytes()};
        params.funding = OutPoint{funding.txid(), 0};
    }
};

PayeeChannelState openState(const ChannelParams &p)
{
    PayeeChannelState s;
    s.params = p;
    s.open = true;
    s.fundingConfirmations = 1;
    return s;
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

class TestChannel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lifecycle_data();
    void lifecycle();
    void refundOnlyAtExpiry_data() { lifecycle_data(); }
    void refundOnlyAtExpiry();
    void payeeChecks_data() { lifecycle_data(); }
    void payeeChecks();
    void messagesRoundTrip();
    void messagesRejectBadInput();
    void commitmentInvariants();
    void fullRangeIntegers();
    void openingTerms();
    void payerOutputLockedOneBlock();
    void closeAndCatchUpMessages();
    void storeRefusesAnOlderCopy();
    void storeSaysWhatChanged();
    void storeWithdrawsOffers();
    void channelsFromBeforeTheLockedOutput();
};

void TestChannel::lifecycle_data()
{
    QTest::addColumn<Variant>("variant");
    QTest::newRow("refund") << Variant::Refund;
    QTest::newRow("cltv") << Variant::Cltv;
}

void TestChannel::lifecycle()
{
    QFETCH(Variant, variant);
    Fixture f(variant);
    QVERIFY(f.params.validate().ok());
    const ChannelSighasher sighasher(f.params);

    if (variant == Variant::Refund) {
        // The payee signs the refund first; the payer checks it before funding.
        auto rs = signRefundAsPayee(f.params, f.payee.key, sighasher);
        QVERIFY(rs.ok());
        auto rsText = messageToText(*rs);
        auto rsBack = messageFromText(rsText);
        QVERIFY(rsBack.ok());
        QVERIFY(checkRefundSignature(f.params, std::get<RefundSigMsg>(*rsBack), sighasher).ok());
    }
    QVERIFY(f.chain.accept(f.funding).ok());
    QVERIFY(f.chain.mine(1, Party().spk()).ok());

    PayeeChannelState state = openState(f.params);
    for (int n = 1; n <= 100; ++n) {
        const PaymentMsg pay = signPayment(f.params, static_cast<uint64_t>(n), Amount::fromSat(1000LL * n), f.payer.key, sighasher);
        // Over the wire as text, upper case as in a QR code.
        std::string text = messageToText(pay);
        for (char &c : text)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto received = messageFromText(text);
        QVERIFY(received.ok());
        auto d = checkPayment(state, std::get<PaymentMsg>(*received), f.chain.tip()->height, PayeePolicy{}, f.payee.key, sighasher);
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
        QCOMPARE(d->outcome, PaymentOutcome::Accepted);
        state = d->next;
    }
    QCOMPARE(state.lastPaid, 100'000);

    auto settlement = completeCommitment(f.params, Amount::fromSat(state.lastPaid), state.lastPayerSig, f.payee.key, sighasher);
    QVERIFY(settlement.ok());
    QVERIFY(settlement->lockTime < buildRefund(f.params).lockTime); // the seed's invariant
    auto txid = f.chain.accept(*settlement);
    QVERIFY2(txid.ok(), txid.ok() ? "" : txid.error().describe().c_str());
    QVERIFY(f.chain.mine(1, Party().spk()).ok());
    // Exact to the satoshi: the payee gets what was paid, the payer the rest minus the fee.
    QCOMPARE(valueTo(*settlement, f.payee.spk()), 100'000);
    // The payer's output is locked for one block under its channel key (protocol.md "Transactions").
    QCOMPARE(valueTo(*settlement, f.payer.spk()), 0);
    QCOMPARE(valueTo(*settlement, f.params.payerOutputScript()), kCapacity - kCommitFee - 100'000);
    QCOMPARE(settlement->outputs.at(1).scriptPubKey, p2wsh(payerLockedScript(f.params.payerPub)));
    QCOMPARE(f.chain.unspent({f.payee.spk()})->at(0).output.value.sat(), 100'000);
    QVERIFY(f.chain.spend(f.params.funding)->spent);
    QCOMPARE(f.chain.spend(f.params.funding)->spender, settlement->txid());
    // After settlement the refund is a double spend, even after expiry.
    auto refund = completeRefund(f.params, f.payer.key,
                                 variant == Variant::Refund ? std::optional(signRefundAsPayee(f.params, f.payee.key, sighasher)->signature)
                                                            : std::nullopt,
                                 sighasher);
    QVERIFY(refund.ok());
    QVERIFY(f.chain.mine(60, Party().spk()).ok());
    QCOMPARE(f.chain.accept(*refund).code(), ErrorCode::TxDoubleSpend);
}

void TestChannel::refundOnlyAtExpiry()
{
    QFETCH(Variant, variant);
    Fixture f(variant, 10);
    const ChannelSighasher sighasher(f.params);
    std::optional<CompactSignature> payeeSig;
    if (variant == Variant::Refund)
        payeeSig = signRefundAsPayee(f.params, f.payee.key, sighasher)->signature;
    QVERIFY(f.chain.accept(f.funding).ok());
    auto refund = completeRefund(f.params, f.payer.key, payeeSig, sighasher);
    QVERIFY(refund.ok());
    // The payee vanished. Before expiry the refund is non-final, block after block.
    while (f.chain.tip()->height < static_cast<int>(f.params.expiry) - 1) {
        QCOMPARE(f.chain.accept(*refund).code(), ErrorCode::TxNonFinal);
        QVERIFY(f.chain.mine(1, Party().spk()).ok());
    }
    QCOMPARE(f.chain.tip()->height, static_cast<int>(f.params.expiry) - 1);
    QCOMPARE(f.chain.accept(*refund).code(), ErrorCode::TxNonFinal); // not one block before
    QVERIFY(f.chain.mine(1, Party().spk()).ok());
    QVERIFY(f.chain.accept(*refund).ok()); // tip == expiry
    QCOMPARE(valueTo(*refund, f.payer.spk()), kCapacity - kRefundFee);
    if (variant == Variant::Refund) {
        // Without the payee's signature there is no refund in this variant.
        QCOMPARE(completeRefund(f.params, f.payer.key, std::nullopt, sighasher).code(), ErrorCode::PsbtIncomplete);
        // A signature from the payee on anything else is refused before funding.
        RefundSigMsg forged{f.params.funding, f.payee.key.signCompact(sha256(asBytes("other")))};
        QCOMPARE(checkRefundSignature(f.params, forged, sighasher).code(), ErrorCode::InvalidSignature);
    }
}

void TestChannel::payeeChecks()
{
    QFETCH(Variant, variant);
    Fixture f(variant, 50);
    const ChannelSighasher sighasher(f.params);
    const int tip = f.chain.tip()->height;
    PayeeChannelState state = openState(f.params);
    auto pay = [&](uint64_t n, int64_t paid) { return signPayment(f.params, n, Amount::fromSat(paid), f.payer.key, sighasher); };
    auto check = [&](const PayeeChannelState &s, const PaymentMsg &m, int atTip = -1) {
        return checkPayment(s, m, atTip < 0 ? tip : atTip, PayeePolicy{1, 6}, f.payee.key, sighasher).code();
    };
    const PayeeChannelState before = state;

    QCOMPARE(check(state, pay(1, 200)), ErrorCode::PaymentBelowDust); // first payment below 294
    state = checkPayment(state, pay(1, 1000), tip, PayeePolicy{}, f.payee.key, sighasher)->next;
    const PayeeChannelState afterOne = state;

    PaymentMsg wrongSig = pay(2, 2000);
    wrongSig.signature = Party().key.signCompact(sighasher.commitmentDigest(Amount::fromSat(2000)));
    QCOMPARE(check(state, wrongSig), ErrorCode::PaymentBadSignature);
    PaymentMsg otherAmount = pay(2, 2000);
    otherAmount.paid = 3000; // signature over another amount
    QCOMPARE(check(state, otherAmount), ErrorCode::PaymentBadSignature);
    QCOMPARE(check(state, pay(2, 1000)), ErrorCode::PaymentNotIncreasing);
    QCOMPARE(check(state, pay(2, 500)), ErrorCode::PaymentNotIncreasing);
    QCOMPARE(check(state, pay(3, 2000)), ErrorCode::PaymentSequence);        // skipped
    QCOMPARE(check(state, pay(1, 1500)), ErrorCode::PaymentSequence);        // repeated with another amount
    QCOMPARE(check(state, pay(2, kCapacity - kCommitFee + 1)), ErrorCode::PaymentAboveCapacity);
    PaymentMsg unknown = pay(2, 2000);
    unknown.channel.index ^= 1;
    QCOMPARE(check(state, unknown), ErrorCode::ChannelUnknown);
    QCOMPARE(check(state, pay(2, 2000), static_cast<int>(f.params.expiry) - 6), ErrorCode::ChannelExpiring);
    PayeeChannelState notOpen = state;
    notOpen.fundingConfirmations = 0;
    QCOMPARE(check(notOpen, pay(2, 2000)), ErrorCode::ChannelNotOpen);
    // Nothing above changed the state.
    QCOMPARE(state, afterOne);
    QVERIFY(!(before == afterOne));
    // The repeat of the newest payment is acknowledged again without change.
    auto repeat = checkPayment(state, pay(1, 1000), tip, PayeePolicy{}, f.payee.key, sighasher);
    QVERIFY(repeat.ok());
    QCOMPARE(repeat->outcome, PaymentOutcome::Repeated);
    QCOMPARE(repeat->next, afterOne);
    // The whole capacity can be paid, not one satoshi more.
    QVERIFY(checkPayment(state, pay(2, kCapacity - kCommitFee), tip, PayeePolicy{}, f.payee.key, sighasher).ok());
}

void TestChannel::messagesRoundTrip()
{
    const OutPoint ch{sha256(asBytes("ch")), 3};
    OfferMsg offer;
    offer.payeePub = PrivateKey::generate().publicKey().bytes();
    offer.payeePayout = Party().spk();
    offer.minCapacity = 10'000;
    offer.maxCapacity = 10'000'000;
    offer.minExpiryDelta = 10;
    offer.maxExpiryDelta = 4032;
    offer.endpoint = "127.0.0.1:9735";
    offer.tlsFingerprint = Bytes(32, 7);
    offer.priceHint = 1000;
    offer.label = "100 GB file, 1 sat per MiB";
    ProposalMsg prop;
    prop.payeePub = offer.payeePub;
    prop.funding = ch;
    prop.capacity = 100'000;
    prop.payerPub = PrivateKey::generate().publicKey().bytes();
    prop.payerRefund = Party().spk();
    prop.expiry = 1000;
    prop.commitFee = 500;
    prop.refundFee = 400;
    prop.unsignedRefund = Bytes(80, 1);
    const std::vector<Message> all{offer,
                                   prop,
                                   RefundSigMsg{ch, CompactSignature{}},
                                   FundedMsg{Bytes(200, 9)},
                                   PaymentMsg{ch, 100, 100'000, CompactSignature{}},
                                   AckMsg{ch, 100},
                                   CloseMsg{ch, CompactSignature{}},
                                   ErrorMsg{ch, static_cast<uint16_t>(ErrorCode::PaymentSequence), "out of order", std::nullopt},
                                   ErrorMsg{ch, static_cast<uint16_t>(ErrorCode::PaymentSequence), "out of order",
                                            CatchUpState{1ull << 40, 2'100'000'000'000'000, CompactSignature{}}}};
    for (const Message &m : all) {
        const Bytes bin = encodeMessage(m);
        auto back = decodeMessage(bin);
        QVERIFY(back.ok());
        QVERIFY(*back == m);
        QCOMPARE(encodeMessage(*back), bin);
        auto fromText = messageFromText(messageToText(m));
        QVERIFY(fromText.ok());
        QVERIFY(*fromText == m);
    }
    // A payment fits a version-10 QR code at level M in alphanumeric mode (311 characters).
    const std::string paymentText = messageToText(all[4]);
    QVERIFY2(paymentText.size() <= 311, std::to_string(paymentText.size()).c_str());
    QCOMPARE(paymentText.substr(0, 4), std::string("spw1"));
}

void TestChannel::messagesRejectBadInput()
{
    const PaymentMsg pay{OutPoint{sha256(asBytes("x")), 0}, 1, 1000, CompactSignature{}};
    const Bytes good = encodeMessage(pay);
    for (size_t n = 0; n < good.size(); ++n)
        QVERIFY(!decodeMessage(ByteView(good).first(n)).ok());
    Bytes trailing = good;
    trailing.push_back(0);
    QCOMPARE(decodeMessage(trailing).code(), ErrorCode::BadMessage);
    Bytes version = good;
    version[3] = 2;
    QCOMPARE(decodeMessage(version).code(), ErrorCode::UnsupportedMessageVersion);
    Bytes type = good;
    type[4] = 99;
    QCOMPARE(decodeMessage(type).code(), ErrorCode::BadMessage);
    QCOMPARE(decodeMessage(asBytes("junk that is not a message")).code(), ErrorCode::BadMessage);
    std::string text = messageToText(pay);
    text[10] = text[10] == 'q' ? 'p' : 'q';
    QCOMPARE(messageFromText(text).code(), ErrorCode::InvalidChecksum);
    QCOMPARE(messageFromText("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu").code(), ErrorCode::BadMessage);
    QCOMPARE(messageFromText("").code(), ErrorCode::BadMessage);
}

void TestChannel::commitmentInvariants()
{
    Fixture f(Variant::Cltv);
    const Transaction refund = buildRefund(f.params);
    QCOMPARE(refund.lockTime, f.params.expiry);
    QCOMPARE(refund.inputs[0].sequence, 0xfffffffeu);
    for (int64_t paid : {int64_t(0), int64_t(293), int64_t(294), int64_t(50'000), kCapacity - kCommitFee - 293, kCapacity - kCommitFee}) {
        const Transaction c = buildCommitment(f.params, Amount::fromSat(paid));
        QCOMPARE(c.lockTime, 0u);                       // below the refund's, always
        QVERIFY(c.lockTime < refund.lockTime);
        QCOMPARE(c.inputs[0].sequence, 0xffffffffu);
        int64_t out = 0;
        for (const auto &o : c.outputs) {
            QVERIFY(o.value.sat() >= dustThreshold(o.scriptPubKey)); // no dust output
            out += o.value.sat();
        }
        // What is not paid out is the commit fee plus any dust left out.
        QVERIFY(kCapacity - out >= kCommitFee);
        if (paid >= 294)
            QCOMPARE(c.outputs[0].scriptPubKey, f.payee.spk()); // payee first
    }
}

QTEST_GUILESS_MAIN(TestChannel)
#include "tst_channel.moc"

void TestChannel::fullRangeIntegers()
{
    // protocol.md: n and paid_n are unsigned 64-bit on the wire, no 2^25 length cap.
    const OutPoint ch{sha256(asBytes("big")), 1};
    const CompactSignature sig = PrivateKey::generate().signCompact(sha256(asBytes("m")));
    const std::vector<std::pair<uint64_t, int64_t>> cases{
        {1, 50'000'000}, {2, 40'000'000}, {1ull << 25, 33'554'433}, {1ull << 40, 2'100'000'000'000'000},
        {~0ull, Amount::kMaxMoney}, {0xffffffffull + 1, 1}};
    for (const auto &[n, paid] : cases) {
        const PaymentMsg pay{ch, n, paid, sig};
        auto back = decodeMessage(encodeMessage(pay));
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
        QVERIFY(std::get<PaymentMsg>(*back) == pay);
        std::string text = messageToText(pay);
        // Still one version-10 QR code at level M in alphanumeric mode (311 characters).
        QVERIFY2(text.size() <= 311, std::to_string(text.size()).c_str());
        for (char &c : text)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto fromQr = messageFromText(text);
        QVERIFY(fromQr.ok());
        QVERIFY(std::get<PaymentMsg>(*fromQr) == pay);
        const AckMsg ack{ch, n};
        auto ackBack = decodeMessage(encodeMessage(ack));
        QVERIFY(ackBack.ok() && std::get<AckMsg>(*ackBack) == ack);
    }
    // More than all bitcoin: refused with its own code, not as a malformed message.
    Writer w;
    w.bytes(asBytes(std::string_view("SPW")));
    w.u8(1);
    w.u8(static_cast<uint8_t>(MessageType::Payment));
    w.bytes(ch.txid);
    w.u32(ch.index);
    w.compactSize(7);
    w.compactSize(static_cast<uint64_t>(Amount::kMaxMoney) + 1);
    w.bytes(sig);
    QCOMPARE(decodeMessage(w.data()).code(), ErrorCode::PaymentAmountInvalid);

    // And a payee takes a 50,000,000-sat payment in a 1-BTC channel, rebuilt and checked in full.
    Fixture f(Variant::Cltv);
    f.params.capacity = Amount::fromSat(100'000'000);
    const ChannelSighasher sighasher(f.params);
    PayeeChannelState state = openState(f.params);
    const PaymentMsg big = signPayment(f.params, 1, Amount::fromSat(50'000'000), f.payer.key, sighasher);
    auto received = decodeMessage(encodeMessage(big));
    QVERIFY(received.ok());
    auto d = checkPayment(state, std::get<PaymentMsg>(*received), 10, PayeePolicy{}, f.payee.key, sighasher);
    QVERIFY2(d.ok(), d.ok() ? "" : d.error().describe().c_str());
    QCOMPARE(d->next.lastPaid, 50'000'000);
}

void TestChannel::openingTerms()
{
    Fixture f(Variant::Cltv, 144);
    const int tip = f.chain.tip()->height;
    OfferMsg offer;
    offer.network = NetworkId::Local;
    offer.payeePub = f.params.payeePub;
    offer.payeePayout = f.params.payeePayout;
    offer.minCapacity = 10'000;
    offer.maxCapacity = 1'000'000;
    offer.minExpiryDelta = 6;
    offer.maxExpiryDelta = 4032;
    offer.minConfirmations = 1;
    offer.minCommitFeerate = 2000; // 2 sat/vB
    ChannelParams good = f.params;
    good.commitFee = Amount::fromSat(minCommitFee(offer, good));
    good.refundFee = Amount::fromSat(minRefundFee(good));
    const OpeningContext at{tip, 6};
    const Status ok = checkOpeningTerms(offer, good, at);
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().describe().c_str());
    // The fee floors price the commitment with both outputs and the largest signatures.
    Transaction both = buildCommitment(good, Amount::fromSat(50'000));
    QCOMPARE(both.outputs.size(), size_t(2));
    both.inputs[0].witness = commitmentWitness(good, Bytes(73, 1), Bytes(73, 1));
    QCOMPARE(commitmentVsize(good), static_cast<int64_t>(both.vsize()));
    QCOMPARE(good.commitFee.sat(), (2000 * static_cast<int64_t>(both.vsize()) + 999) / 1000);

    auto refused = [&](ChannelParams p, ErrorCode code, const OfferMsg &o) {
        const Status st = checkOpeningTerms(o, p, at);
        if (st.ok() || st.error().code != code)
            qWarning("expected %s, got %s", errorCodeName(code).data(), st.ok() ? "OK" : st.error().describe().c_str());
        return !st.ok() && st.error().code == code;
    };
    ChannelParams p = good;
    p.commitFee = Amount::fromSat(0);
    QVERIFY(refused(p, ErrorCode::CommitFeeTooLow, offer));
    p.commitFee = Amount::fromSat(good.commitFee.sat() - 1);
    QVERIFY(refused(p, ErrorCode::CommitFeeTooLow, offer));
    // An offer's floor below 1 sat/vB still means 1 sat/vB.
    OfferMsg cheap = offer;
    cheap.minCommitFeerate = 0;
    p = good;
    p.commitFee = Amount::fromSat(commitmentVsize(good) - 1);
    QVERIFY(refused(p, ErrorCode::CommitFeeTooLow, cheap));
    p = good;
    p.refundFee = Amount::fromSat(minRefundFee(good) - 1);
    QVERIFY(refused(p, ErrorCode::RefundFeeTooLow, offer));
    // Refund scripts Bitcoin Core will not relay: OP_TRUE, a 21-byte v0 program, bare multisig, OP_RETURN.
    for (const Script &bad : {Script(Bytes{OP_TRUE}), witnessProgramScript(0, Bytes(21, 7)),
                              multisig(1, {f.params.payerPub}), Script(Bytes{OP_RETURN, 1, 1})}) {
        p = good;
        p.payerRefund = bad;
        p.refundFee = Amount::fromSat(minRefundFee(p));
        QVERIFY(refused(p, ErrorCode::NonStandardScript, offer));
    }
    for (const Script &fine : {p2pkh(f.payer.key.publicKey().hash()), p2sh(hash160(Bytes{OP_TRUE})),
                               witnessProgramScript(1, Bytes(32, 9)), p2wsh(Script(Bytes{OP_TRUE}))}) {
        p = good;
        p.payerRefund = fine;
        p.refundFee = Amount::fromSat(minRefundFee(p));
        const Status st = checkOpeningTerms(offer, p, at);
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    }
    // Limits of the offer.
    OfferMsg cltvOnly = offer;
    cltvOnly.variants = 0b10;
    p = good;
    p.variant = Variant::Refund;
    QVERIFY(refused(p, ErrorCode::VariantNotOffered, cltvOnly));
    p = good;
    p.capacity = Amount::fromSat(offer.maxCapacity + 1);
    QVERIFY(refused(p, ErrorCode::CapacityOutOfRange, offer));
    p = good;
    p.expiry = static_cast<uint32_t>(tip + 5000);
    QVERIFY(refused(p, ErrorCode::ExpiryOutOfRange, offer));
    p = good;
    p.payerPub = good.payeePub;
    QVERIFY(refused(p, ErrorCode::ChannelParamsInvalid, offer));
    p = good;
    p.payerPub[0] = 0x04;
    QVERIFY(refused(p, ErrorCode::InvalidPublicKey, offer));
    // Check 5: usable for a safety margin after confirming: expiry - margin >= tip + conf + margin.
    p = good;
    p.expiry = static_cast<uint32_t>(tip + 1 + 2 * 6);
    QVERIFY(checkOpeningTerms(offer, p, at).ok());
    p.expiry -= 1;
    QVERIFY(refused(p, ErrorCode::ChannelWindowTooShort, offer));
    // On mainnet the default expiry distance satisfies it with the 144-block margin.
    const Network &main = network(NetworkId::Main);
    QCOMPARE(main.defaultExpiryDelta, 1008u);
    for (NetworkId id : {NetworkId::Main, NetworkId::Testnet, NetworkId::Signet, NetworkId::Regtest, NetworkId::Local})
        QVERIFY(network(id).defaultExpiryDelta >= 1 + 2 * network(id).defaultSafetyMargin);

    // The payer refuses an offer whose floor is far above its own estimate.
    OfferMsg greedy = offer;
    greedy.minCommitFeerate = 50'000;
    QCOMPARE(checkOfferForPayer(greedy, NetworkId::Local, 2000).code(), ErrorCode::OfferFeeTooHigh);
    QVERIFY(checkOfferForPayer(offer, NetworkId::Local, 2000).ok());
    QCOMPARE(checkOfferForPayer(offer, NetworkId::Main, 2000).code(), ErrorCode::WrongNetwork);
    OfferMsg weirdPayout = offer;
    weirdPayout.payeePayout = Script(Bytes{OP_TRUE});
    QCOMPARE(checkOfferForPayer(weirdPayout, NetworkId::Local, 2000).code(), ErrorCode::NonStandardScript);

    // The local chain applies Core's output standardness, as the reference node does.
    Transaction tx = f.funding;
    tx.outputs[1].scriptPubKey = witnessProgramScript(0, Bytes(21, 7));
    QCOMPARE(f.chain.accept(tx).code(), ErrorCode::TxNonStandard);
    tx.outputs[1].scriptPubKey = Script(Bytes{OP_TRUE});
    QCOMPARE(f.chain.accept(tx).code(), ErrorCode::TxNonStandard);
}

void TestChannel::payerOutputLockedOneBlock()
{
    Fixture f(Variant::Cltv);
    const ChannelSighasher sighasher(f.params);
    QVERIFY(f.chain.accept(f.funding).ok());
    QVERIFY(f.chain.mine(1, Party().spk()).ok());
    const PaymentMsg pay = signPayment(f.params, 1, Amount::fromSat(40'000), f.payer.key, sighasher);
    auto settlement = completeCommitment(f.params, Amount::fromSat(40'000), pay.signature, f.payee.key, sighasher);
    QVERIFY(settlement.ok());
    // Outputs in protocol.md's order: the payee's payout, then the payer's locked P2WSH.
    QCOMPARE(settlement->outputs.size(), size_t(2));
    QCOMPARE(settlement->outputs[0].scriptPubKey, f.params.payeePayout);
    QCOMPARE(settlement->outputs[1].scriptPubKey, p2wsh(payerLockedScript(f.params.payerPub)));
    QCOMPARE(payerLockedScript(f.params.payerPub).bytes().size(), size_t(33 + 1 + 3));
    QVERIFY(f.chain.accept(*settlement).ok());
    const auto locked = lockedPayerOutput(f.params, *settlement);
    QVERIFY(locked);
    QCOMPARE(locked->value.sat(), kCapacity - kCommitFee - 40'000);
    const Script to = Party().spk();
    const int64_t fee = payerSweepVsize(f.params, to) * 2;
    // Nobody else can sign it; and the payer cannot hang anything on it while the settlement is unconfirmed.
    QCOMPARE(buildPayerSweep(f.params, *locked, to, fee, Party().key).code(), ErrorCode::InvalidPrivateKey);
    auto sweep = buildPayerSweep(f.params, *locked, to, fee, f.payer.key);
    QVERIFY2(sweep.ok(), sweep.ok() ? "" : sweep.error().describe().c_str());
    QCOMPARE(sweep->inputs[0].sequence, 1u);
    QCOMPARE(sweep->version, 2);
    QCOMPARE(f.chain.accept(*sweep).code(), ErrorCode::TxSequenceLocked);
    // The payee's own output can be spent at once (its bumping handle)...
    QVERIFY(f.chain.mine(1, Party().spk()).ok());
    // ...and once the settlement has one confirmation the payer's sweep goes in.
    auto accepted = f.chain.accept(*sweep);
    QVERIFY2(accepted.ok(), accepted.ok() ? "" : accepted.error().describe().c_str());
    QVERIFY(f.chain.mine(1, Party().spk()).ok());
    QCOMPARE(f.chain.unspent({to})->at(0).output.value.sat(), locked->value.sat() - fee);
    // What is too small to sweep is said plainly.
    QCOMPARE(buildPayerSweep(f.params, LockedPayerOutput{locked->outpoint, Amount::fromSat(400)}, to, fee, f.payer.key).code(),
             ErrorCode::TxDust);
}

void TestChannel::closeAndCatchUpMessages()
{
    Fixture f(Variant::Cltv);
    const OutPoint ch = f.params.funding;
    const Hash256 digest = closeDigest(ch);
    // The digest is SHA-256 of "SPW close" || txid || index (LE).
    const ByteView tag = asBytes(std::string_view("SPW close"));
    Bytes pre(tag.begin(), tag.end());
    pre.insert(pre.end(), ch.txid.begin(), ch.txid.end());
    for (int i = 0; i < 4; ++i)
        pre.push_back(static_cast<uint8_t>(ch.index >> (8 * i)));
    QVERIFY(digest == sha256(pre));
    QVERIFY(!(closeDigest(OutPoint{ch.txid, ch.index + 1}) == digest));
    const CloseMsg close{ch, f.payer.key.signCompact(digest)};
    QVERIFY(f.payer.key.publicKey().verifyCompact(closeDigest(close.channel), close.signature));
    QVERIFY(!f.payee.key.publicKey().verifyCompact(closeDigest(close.channel), close.signature));
    auto back = decodeMessage(encodeMessage(close));
    QVERIFY(back.ok() && std::get<CloseMsg>(*back) == close);
    // A bad catch-up flag is refused.
    Bytes err = encodeMessage(ErrorMsg{ch, 1, "x", std::nullopt});
    err.back() = 2;
    QCOMPARE(decodeMessage(err).code(), ErrorCode::BadMessage);
}

void TestChannel::storeRefusesAnOlderCopy()
{
    // Two processes on one data directory: two connections to one real SQLite file.
    QTemporaryDir dir;
    store::ChannelStore gui, watcher;
    QVERIFY(gui.open(dir.path()).ok());
    QVERIFY(watcher.open(dir.path()).ok());
    Fixture f(Variant::Cltv);
    store::ChannelRecord rec;
    rec.params = f.params;
    rec.role = store::ChannelRole::Payee;
    rec.state = store::ChannelState::Open;
    QVERIFY(gui.insert(rec).ok());
    // Both read the channel; the watcher's process stores payment 1, then the GUI's
    // older copy (no payment) tries to write a state change.
    store::ChannelRecord older = **gui.find(rec.id());
    store::ChannelRecord newer = **watcher.find(rec.id());
    newer.seq = 1;
    newer.paid = 5000;
    QVERIFY(watcher.update(newer, true).ok());
    older.label = "renamed";
    const Status st = gui.update(older);
    QCOMPARE(st.code(), ErrorCode::ChannelChangedElsewhere);
    QCOMPARE((*gui.find(rec.id()))->paid, 5000);
    QCOMPARE((*gui.find(rec.id()))->label, std::string());
    // A copy read after it writes.
    store::ChannelRecord fresh = **gui.find(rec.id());
    fresh.label = "renamed";
    QVERIFY(gui.update(fresh).ok());
    QCOMPARE((*watcher.find(rec.id()))->label, std::string("renamed"));
    QCOMPARE((*watcher.find(rec.id()))->paid, 5000);
    // Compare-and-swap, not "not older": two copies read at once, both at payment 1; a
    // hostile payer's two different payments 2 (one per process) cannot both be stored.
    store::ChannelRecord a = **gui.find(rec.id()), b = **watcher.find(rec.id());
    a.seq = b.seq = 2;
    a.paid = 9000;
    b.paid = 6000;
    QVERIFY(gui.update(a).ok());
    QCOMPARE(watcher.update(b).code(), ErrorCode::ChannelChangedElsewhere);
    QCOMPARE((*watcher.find(rec.id()))->paid, 9000);
    // Nor can an older copy turn a closing channel back to open.
    store::ChannelRecord closing = **gui.find(rec.id()), stale = **watcher.find(rec.id());
    closing.state = store::ChannelState::Closing;
    QVERIFY(gui.update(closing).ok());
    stale.label = "x";
    QCOMPARE(watcher.update(stale).code(), ErrorCode::ChannelChangedElsewhere);
    QCOMPARE((*watcher.find(rec.id()))->state, store::ChannelState::Closing);
    // The copy that wrote goes on writing (its version follows).
    closing.label = "closing";
    QVERIFY(gui.update(closing).ok());
    // An unknown channel is still CHANNEL_UNKNOWN.
    store::ChannelRecord ghost = fresh;
    ghost.params.funding.index = 9;
    QCOMPARE(gui.update(ghost).code(), ErrorCode::ChannelUnknown);
}

void TestChannel::storeWithdrawsOffers()
{
    // A withdrawn offer is kept (its key stays used) and says so; withdrawing what
    // was never offered is refused; a reopened store still knows.
    QTemporaryDir dir;
    OfferMsg o;
    o.payeePub = PrivateKey::generate().publicKey().bytes();
    o.payeePayout = Party().spk();
    o.minCapacity = 10'000;
    o.maxCapacity = 100'000;
    o.minExpiryDelta = 10;
    o.maxExpiryDelta = 1000;
    {
        store::ChannelStore s;
        QVERIFY(s.open(dir.path()).ok());
        QVERIFY(s.insertOffer(store::OfferRecord{o, 4, 0}).ok());
        QVERIFY(!(*s.offerForKey(o.payeePub))->withdrawn);
        QVERIFY(s.withdrawOffer(o.payeePub).ok());
        QCOMPARE(s.withdrawOffer(PrivateKey::generate().publicKey().bytes()).code(), ErrorCode::OfferUnknown);
    }
    store::ChannelStore again;
    QVERIFY(again.open(dir.path()).ok());
    QVERIFY((*again.offerForKey(o.payeePub))->withdrawn);
    QCOMPARE(again.offers()->size(), size_t(1));
    QVERIFY(again.offers()->front().withdrawn);
    QCOMPARE(*again.nextKeyIndex(), 5u); // its key is never given out again
}

void TestChannel::storeSaysWhatChanged()
{
    // The GUI reads only the rows written since it last looked, whoever wrote them
    // (here a second connection, as `serve` in another process would be).
    QTemporaryDir dir;
    store::ChannelStore gui, server;
    QVERIFY(gui.open(dir.path()).ok());
    QVERIFY(server.open(dir.path()).ok());
    Fixture f(Variant::Cltv);
    std::vector<store::ChannelRecord> recs;
    for (uint32_t i = 0; i < 3; ++i) {
        store::ChannelRecord r;
        r.params = f.params;
        r.params.funding.index = i;
        r.role = store::ChannelRole::Payee;
        r.state = store::ChannelState::Open;
        recs.push_back(r);
    }
    QVERIFY(gui.insertMany(recs).ok());
    auto first = gui.changedSince(0);
    QVERIFY(first.ok());
    QCOMPARE(first->channels.size(), size_t(3));
    QVERIFY(first->through > 0);
    auto none = gui.changedSince(first->through);
    QVERIFY(none.ok());
    QCOMPARE(none->channels.size(), size_t(0));
    QCOMPARE(none->through, first->through);

    // One payment on channel 1: that row only, with its payment counted.
    store::ChannelRecord one = **server.find(recs[1].id());
    QCOMPARE(one.paymentCount, uint64_t(0));
    one.seq = 1;
    one.paid = 1000;
    QVERIFY(server.update(one, true).ok());
    auto second = gui.changedSince(first->through);
    QVERIFY(second.ok());
    QCOMPARE(second->channels.size(), size_t(1));
    QCOMPARE(second->channels[0].id(), recs[1].id());
    QCOMPARE(second->channels[0].paymentCount, uint64_t(1));
    QVERIFY(second->channels[0].lastPaymentTime > 0);
    QVERIFY(second->through > first->through);

    // Group commit: five payments on channel 0 and one on channel 2 in one transaction,
    // two rows written, six payments counted.
    std::vector<store::ChannelRecord> batch;
    store::ChannelRecord zero = **server.find(recs[0].id()), two = **server.find(recs[2].id());
    for (uint64_t n = 1; n <= 5; ++n) {
        zero.seq = n;
        zero.paid = 100 * static_cast<int64_t>(n);
        batch.push_back(zero);
    }
    two.seq = 1;
    two.paid = 50;
    batch.push_back(two);
    QVERIFY(server.updateMany(batch).ok());
    auto third = gui.changedSince(second->through);
    QVERIFY(third.ok());
    QCOMPARE(third->channels.size(), size_t(2));
    QCOMPARE(third->channels[0].id(), recs[0].id());
    QCOMPARE(third->channels[0].paymentCount, uint64_t(5));
    QCOMPARE(third->channels[0].paid, 500);
    QCOMPARE(third->channels[1].paymentCount, uint64_t(1));
    QCOMPARE(gui.payments(recs[0].id())->size(), size_t(5));

    // The same sequence number signed again (a restored payer) replaces the logged
    // amount and does not count a payment twice.
    store::ChannelRecord again = **server.find(recs[1].id());
    again.paid = 1500;
    QVERIFY(server.update(again, true).ok());
    auto fourth = gui.changedSince(third->through);
    QCOMPARE(fourth->channels.size(), size_t(1));
    QCOMPARE(fourth->channels[0].paymentCount, uint64_t(1));
    QCOMPARE(gui.paidAt(recs[1].id(), 1)->value_or(0), 1500);

    // A write refused by compare-and-swap changes nothing a reader would see.
    store::ChannelRecord stale = one; // version before `again`
    stale.label = "stale";
    QCOMPARE(gui.update(stale).code(), ErrorCode::ChannelChangedElsewhere);
    auto fifth = gui.changedSince(fourth->through);
    QCOMPARE(fifth->channels.size(), size_t(0));
    // From zero: every channel once, in the order of their newest writes.
    auto everything = gui.changedSince(0);
    QCOMPARE(everything->channels.size(), size_t(3));
    QCOMPARE(everything->channels.back().id(), recs[1].id());

    // A store from before the change numbers (schema 2) is brought up to date:
    // its channels are all "changed" once, with their logged payments counted.
    QTemporaryDir old;
    {
        const QString conn = QStringLiteral("schema-2");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            db.setDatabaseName(store::ChannelStore::fileIn(old.path()));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql :
                 {"CREATE TABLE channels(id BLOB PRIMARY KEY, role INTEGER NOT NULL, state INTEGER NOT NULL, params BLOB NOT NULL, "
                  "key_index INTEGER NOT NULL, label TEXT NOT NULL, funding_tx BLOB NOT NULL, refund_sig BLOB, seq INTEGER NOT NULL, "
                  "paid INTEGER NOT NULL, payer_sig BLOB NOT NULL, signed_seq INTEGER NOT NULL, signed_paid INTEGER NOT NULL, "
                  "min_conf INTEGER NOT NULL, safety_margin INTEGER NOT NULL, closing_txid BLOB NOT NULL, closed_height INTEGER NOT NULL, "
                  "final_payee INTEGER NOT NULL, final_payer INTEGER NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL)",
                  "CREATE TABLE offers(payee_pub BLOB PRIMARY KEY, key_index INTEGER NOT NULL, offer BLOB NOT NULL, created INTEGER NOT NULL)",
                  "CREATE TABLE payments(channel BLOB NOT NULL, seq INTEGER NOT NULL, paid INTEGER NOT NULL, time INTEGER NOT NULL, "
                  "PRIMARY KEY(channel, seq))",
                  "ALTER TABLE channels ADD COLUMN settlement BLOB", "ALTER TABLE channels ADD COLUMN swept INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE channels ADD COLUMN version INTEGER NOT NULL DEFAULT 0", "PRAGMA user_version = 2"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
            Writer id;
            id.bytes(f.params.funding.txid);
            id.u32(f.params.funding.index);
            const Bytes params = encodeParams(f.params);
            q.prepare(QStringLiteral("INSERT INTO channels VALUES(?, 1, 2, ?, 0, 'old', x'', NULL, 2, 700, x'00', 0, 0, 1, 6, x'00', -1, 0, 0, "
                                     "1, 1, NULL, 0, 4)"));
            q.addBindValue(store::toBlob(id.data()));
            q.addBindValue(store::toBlob(params));
            QVERIFY(q.exec());
            for (int n = 1; n <= 2; ++n) {
                q.prepare(QStringLiteral("INSERT INTO payments VALUES(?, ?, ?, ?)"));
                q.addBindValue(store::toBlob(id.data()));
                q.addBindValue(n);
                q.addBindValue(350 * n);
                q.addBindValue(1'700'000'000 + n);
                QVERIFY(q.exec());
            }
        }
        QSqlDatabase::removeDatabase(conn);
    }
    store::ChannelStore upgraded;
    QVERIFY(upgraded.open(old.path()).ok());
    auto migrated = upgraded.changedSince(0);
    QVERIFY(migrated.ok());
    QCOMPARE(migrated->channels.size(), size_t(1));
    QCOMPARE(migrated->channels[0].paymentCount, uint64_t(2));
    QCOMPARE(migrated->channels[0].lastPaymentTime, int64_t(1'700'000'002));
    QCOMPARE(migrated->channels[0].paid, 700);
    QCOMPARE(upgraded.changedSince(migrated->through)->channels.size(), size_t(0));
}

void TestChannel::channelsFromBeforeTheLockedOutput()
{
    // A channel stored before the payer's output was locked keeps its own commitments:
    // the payer's signatures the payee holds are over those.
    Fixture f(Variant::Cltv);
    ChannelParams old = f.params;
    old.legacyPayerChange = f.payer.spk();
    auto back = decodeParams(encodeParams(old));
    QVERIFY(back.ok());
    QVERIFY(*back == old);
    const Transaction c = buildCommitment(*back, Amount::fromSat(40'000));
    QCOMPARE(c.outputs.at(1).scriptPubKey, f.payer.spk());
    QVERIFY(!lockedPayerOutput(*back, c));
    // New terms carry no change script and lock the payer's output.
    auto fresh = decodeParams(encodeParams(f.params));
    QVERIFY(fresh.ok() && fresh->legacyPayerChange.empty());
    QCOMPARE(buildCommitment(*fresh, Amount::fromSat(40'000)).outputs.at(1).scriptPubKey, f.params.payerOutputScript());

    // An offer stored before offers carried min_commit_feerate is still read (as 1 sat/vB).
    OfferMsg offer;
    offer.network = NetworkId::Local;
    offer.payeePub = f.params.payeePub;
    offer.payeePayout = f.params.payeePayout;
    offer.minCapacity = 1000;
    offer.maxCapacity = 2000;
    offer.minExpiryDelta = 13;
    offer.maxExpiryDelta = 400;
    offer.minConfirmations = 2;
    offer.minCommitFeerate = 1000;
    offer.label = "old";
    Bytes stored = encodeMessage(offer);
    const size_t at = 5 + 1 + 33 + 1 + offer.payeePayout.size() + 1 + 8 + 8 + 4 + 4 + 4;
    stored.erase(stored.begin() + static_cast<std::ptrdiff_t>(at), stored.begin() + static_cast<std::ptrdiff_t>(at + 8));
    QVERIFY(!decodeMessage(stored).ok());
    auto read = decodeStoredOffer(stored);
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
    QVERIFY(*read == offer);
    QCOMPARE(decodeStoredOffer(asBytes(std::string_view("junk"))).code(), ErrorCode::BadMessage);
}
