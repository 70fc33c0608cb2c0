// Round trips, checked arithmetic and bad input for every parser in core/bitcoin,
// plus the two channel funding scripts of protocol.md spent through the interpreter.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Base58.h"
#include "bitcoin/Bech32.h"
#include "bitcoin/Bip21.h"
#include "bitcoin/Bip39.h"
#include "bitcoin/Interpreter.h"
#include "bitcoin/Psbt.h"

#include <QRandomGenerator>

using namespace spillway;
using namespace spillway::bitcoin;

namespace {

Bytes randomBytes(QRandomGenerator &rng, size_t n)
{
    Bytes b(n);
    for (auto &x : b)
        x = static_cast<uint8_t>(rng.bounded(256));
    return b;
}

// BIP 143's first example, signed: two inputs, one with a witness.
std::string segwitTxHex()
{
    static const std::string hex = test::loadJson("bip143_vectors.json")
                                       .object()[QLatin1String("vectors")]
                                       .toArray()[0]
                                       .toObject()[QLatin1String("signed_tx")]
                                       .toString()
                                       .toStdString();
    return hex;
}

struct ChannelKeys {
    PrivateKey payer = PrivateKey::generate();
    PrivateKey payee = PrivateKey::generate();
};

Transaction spendOf(const OutPoint &funding, uint32_t sequence, uint32_t lockTime, Amount value)
{
    Transaction tx;
    tx.version = 2;
    tx.lockTime = lockTime;
    TxIn in;
    in.prevout = funding;
    in.sequence = sequence;
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{value, p2wpkh(PrivateKey::generate().publicKey().hash())});
    return tx;
}

Bytes sigAll(const PrivateKey &k, const Transaction &tx, const Script &ws, Amount amount)
{
    Bytes s = k.signDer(segwitV0Sighash(tx, 0, ws.bytes(), amount, SIGHASH_ALL));
    s.push_back(SIGHASH_ALL);
    return s;
}

} // namespace

class TestPrimitives : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void amountCheckedArithmetic();
    void amountParsing();
    void bip21Uris();
    void compactSizeCanonical();
    void transactionRoundTrip();
    void transactionBadInput();
    void transactionRandomJunk();
    void scriptAsmAndTemplates();
    void scriptParsingBadInput();
    void keysSignVerify();
    void derCompactRoundTrip();
    void hexAndBase58BadInput();
    void bech32BadInput();
    void mnemonicValidation();
    void psbtBadInput();
    void channelRefundScriptSpends();
    void channelCltvScriptSpends();
    void dustThresholds();
};

void TestPrimitives::amountCheckedArithmetic()
{
    const Amount max = Amount::fromSat(INT64_MAX);
    QCOMPARE(max.checkedAdd(Amount::fromSat(1)).code(), ErrorCode::AmountOverflow);
    QCOMPARE(Amount::fromSat(INT64_MIN).checkedSub(Amount::fromSat(1)).code(), ErrorCode::AmountOverflow);
    QCOMPARE(max.checkedMul(2).code(), ErrorCode::AmountOverflow);
    QCOMPARE(Amount::fromSat(100'000).checkedSub(Amount::fromSat(1'000))->sat(), 99'000);
    QVERIFY(Amount::fromSat(Amount::kMaxMoney).inMoneyRange());
    QVERIFY(!Amount::fromSat(Amount::kMaxMoney + 1).inMoneyRange());
    QVERIFY(!Amount::fromSat(-1).inMoneyRange());
    QCOMPARE(Amount::fromSat(123456789).toBtcString(), std::string("1.23456789"));
    QCOMPARE(Amount::fromSat(-5).toBtcString(), std::string("-0.00000005"));
}

void TestPrimitives::amountParsing()
{
    QCOMPARE(Amount::parseBtc("0.00000001")->sat(), 1);
    QCOMPARE(Amount::parseBtc("21000000")->sat(), Amount::kMaxMoney);
    QCOMPARE(Amount::parseBtc(".5")->sat(), 50'000'000);
    for (const char *bad : {"", ".", "1.000000001", "21000000.00000001", "1e5", "-1", "1,5", "abc"})
        QVERIFY2(!Amount::parseBtc(bad).ok(), bad);
}

void TestPrimitives::bip21Uris()
{
    const Network &main = network(NetworkId::Main), &test = network(NetworkId::Testnet);
    Hash160 h{};
    h[0] = 0x42;
    const std::string segwit = *encodeAddress(p2wpkh(h), main), legacy = *encodeAddress(p2pkh(h), main);
    const std::string testAddr = *encodeAddress(p2wpkh(h), test);

    // Amount always in decimal BTC; label and message percent-decoded; other extras ignored.
    auto r = parseBip21("bitcoin:" + segwit + "?amount=0.001&label=Luke%20Jr&message=Donation%20for%20project%20xyz&lightning=lnbc1", main);
    QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
    QCOMPARE(r->address, segwit);
    QCOMPARE(r->amount->sat(), 100'000);
    QCOMPARE(r->label, std::string("Luke Jr"));
    QCOMPARE(r->message, std::string("Donation for project xyz"));
    // The scheme in any case, the address alone, and a base58 address.
    QCOMPARE(parseBip21("BITCOIN:" + segwit, main)->amount, std::nullopt);
    QCOMPARE(parseBip21("  bitcoin:" + legacy + "?amount=20.3  ", main)->amount->sat(), 2'030'000'000);
    // Round trip, and the QR form (upper-case scheme and bech32 address, keys as BIP 21 writes them).
    PaymentRequest req{segwit, Amount::fromSat(150'000), "Caf\xc3\xa9 & bar", "order 7?"};
    const std::string uri = makeBip21(req);
    QCOMPARE(uri, "bitcoin:" + segwit + "?amount=0.0015&label=Caf%C3%A9%20%26%20bar&message=order%207%3F");
    QCOMPARE(*parseBip21(uri, main), req);
    const std::string qr = makeBip21(req, true);
    QVERIFY(qr.rfind("BITCOIN:BC1", 0) == 0);
    QCOMPARE(*parseBip21(qr, main), req); // the address back in its canonical (lower) case
    QCOMPARE(parseBip21(qr, main)->amount->sat(), 150'000);
    QCOMPARE(makeBip21({legacy, Amount::fromSat(100'000'000), {}, {}}, true), "BITCOIN:" + legacy + "?amount=1");

    // Refused: unknown requirements, another network's address, bad amounts and escapes.
    QCOMPARE(parseBip21("bitcoin:" + segwit + "?req-somethingyoudontunderstand=50", main).code(), ErrorCode::InvalidArgument);
    QVERIFY(parseBip21("bitcoin:" + segwit + "?somethingyoudontunderstand=50", main).ok());
    QCOMPARE(parseBip21("bitcoin:" + testAddr + "?amount=1", main).code(), ErrorCode::WrongNetwork);
    QVERIFY(parseBip21("bitcoin:" + testAddr, test).ok());
    for (const char *amount : {"1,5", "100000000", "0.000000001", "-1", "0", "1e3", ""})
        QCOMPARE(parseBip21("bitcoin:" + segwit + "?amount=" + amount, main).code(), ErrorCode::InvalidAmount);
    QCOMPARE(parseBip21("bitcoin:" + segwit + "?amount=1&amount=2", main).code(), ErrorCode::InvalidArgument);
    QCOMPARE(parseBip21("bitcoin:" + segwit + "?label=%G1", main).code(), ErrorCode::InvalidArgument);
    QCOMPARE(parseBip21("bitcoin:" + segwit + "?label=%4", main).code(), ErrorCode::InvalidArgument);
    QCOMPARE(parseBip21(segwit, main).code(), ErrorCode::InvalidArgument);
    QCOMPARE(parseBip21("bitcoin:", main).code(), ErrorCode::InvalidAddress);
    QCOMPARE(parseBip21("bitcoin:bc1qnotanaddress?amount=1", main).code(), ErrorCode::InvalidAddress);
}

void TestPrimitives::compactSizeCanonical()
{
    for (uint64_t n : {0ull, 252ull, 253ull, 0xffffull, 0x10000ull, 0x2000000ull}) {
        Writer w;
        w.compactSize(n);
        Reader r(w.data());
        auto back = r.compactSize();
        QVERIFY(back.ok());
        QCOMPARE(*back, n);
        QVERIFY(r.atEnd());
    }
    const char *nonCanonical[] = {"fdfc00", "fe ffff0000", "ff ffffffff00000000"};
    for (const char *h : nonCanonical) {
        std::string s(h);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        Bytes b = *fromHex(s);
        Reader r(b);
        QCOMPARE(r.compactSize().code(), ErrorCode::NonCanonicalCompactSize);
    }
    Bytes tooBig = *fromHex("fe01000002"); // 0x02000001 > MAX_SIZE
    Reader r(tooBig);
    QCOMPARE(r.compactSize().code(), ErrorCode::OversizedField);
    Bytes truncated = *fromHex("fd01");
    Reader r2(truncated);
    QCOMPARE(r2.compactSize().code(), ErrorCode::Truncated);
}

void TestPrimitives::transactionRoundTrip()
{
    auto tx = Transaction::parseHex(segwitTxHex());
    QVERIFY2(tx.ok(), tx.ok() ? "" : tx.error().describe().c_str());
    QCOMPARE(toHex(tx->serialize()), std::string(segwitTxHex()));
    QVERIFY(tx->hasWitness());
    // txid hashes the serialization without witness, wtxid with it.
    QCOMPARE(tx->txid(), sha256d(tx->serialize(false)));
    QCOMPARE(tx->wtxid(), sha256d(tx->serialize(true)));
    QVERIFY(tx->txid() != tx->wtxid());
    auto stripped = Transaction::parse(tx->serialize(false));
    QVERIFY(stripped.ok());
    QVERIFY(!stripped->hasWitness());
    QCOMPARE(stripped->txid(), tx->txid());
    QCOMPARE(tx->weight(), tx->serialize(false).size() * 3 + tx->serialize(true).size());
    auto op = OutPoint::parse(tx->inputs[0].prevout.toString());
    QVERIFY(op.ok());
    QCOMPARE(*op, tx->inputs[0].prevout);
}

void TestPrimitives::transactionBadInput()
{
    const Bytes good = *fromHex(segwitTxHex());
    // Every strict prefix is an error value, never a crash.
    for (size_t n = 0; n < good.size(); ++n) {
        auto r = Transaction::parse(ByteView(good).first(n));
        QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
    }
    Bytes trailing = good;
    trailing.push_back(0);
    QCOMPARE(Transaction::parse(trailing).code(), ErrorCode::TrailingData);
    // A segwit flag other than 1 is refused.
    Bytes badFlag = good;
    badFlag[5] = 2;
    QVERIFY(!Transaction::parse(badFlag).ok());
    // A huge input count with no data behind it fails fast.
    QVERIFY(!Transaction::parseHex("01000000fe00000001").ok());
    QVERIFY(!Transaction::parseHex("zz").ok());
    QCOMPARE(Transaction::parseHex("0").code(), ErrorCode::InvalidHex);
    // CheckTransaction's rules.
    auto tx = *Transaction::parseHex(segwitTxHex());
    Transaction dup = tx;
    dup.inputs[1].prevout = dup.inputs[0].prevout;
    QVERIFY(!dup.checkBasic().ok());
    Transaction neg = tx;
    neg.outputs[0].value = Amount::fromSat(-1);
    QVERIFY(!neg.checkBasic().ok());
    QVERIFY(tx.checkBasic().ok());
}

void TestPrimitives::transactionRandomJunk()
{
    QRandomGenerator rng(42);
    const Bytes good = *fromHex(segwitTxHex());
    for (int i = 0; i < 5000; ++i) {
        Bytes b = (i % 2) ? randomBytes(rng, rng.bounded(200)) : good;
        if (i % 2 == 0)
            for (int k = 0; k < 3; ++k)
                b[rng.bounded(static_cast<quint32>(b.size()))] = static_cast<uint8_t>(rng.bounded(256));
        auto r = Transaction::parse(b);
        if (r.ok()) // whatever parses must re-serialize to the same bytes
            QCOMPARE(r->serialize(), b);
        (void)Psbt::parse(b);
        (void)Script(b).toAsm();
    }
}

void TestPrimitives::scriptAsmAndTemplates()
{
    auto s = parseCoreAsm("DUP HASH160 0x14 0x89abcdefabbaabbaabbaabbaabbaabbaabbaabba EQUALVERIFY CHECKSIG");
    QVERIFY(s.ok());
    QCOMPARE(toHex(s->bytes()), std::string("76a91489abcdefabbaabbaabbaabbaabbaabbaabbaabba88ac"));
    Hash160 h{};
    std::copy_n(s->bytes().begin() + 3, 20, h.begin());
    QCOMPARE(p2pkh(h), *s);
    QCOMPARE(parseCoreAsm("-1 0 1 16 17 'ab'")->bytes(), (Bytes{0x4f, 0x00, 0x51, 0x60, 0x01, 0x11, 0x02, 0x61, 0x62}));
    QCOMPARE(toHex(parseCoreAsm("1000 -1000 OP_CHECKSIG")->bytes()), std::string("02e80302e883ac"));
    QCOMPARE(p2sh(h).isPayToScriptHash(), true);
    QCOMPARE(p2wpkh(h).isPayToWitnessPubkeyHash(), true);
    const Script ws = multisig(1, {PrivateKey::generate().publicKey().bytes()});
    QVERIFY(p2wsh(ws).isPayToWitnessScriptHash());
    int req;
    std::vector<Bytes> keys;
    QVERIFY(parseMultisig(ws, req, keys));
    QCOMPARE(req, 1);
    QCOMPARE(keys.size(), size_t(1));
    // The asm form names opcodes the way decodescript does.
    QCOMPARE(QString::fromStdString(p2pkh(h).toAsm()),
             QStringLiteral("OP_DUP OP_HASH160 89abcdefabbaabbaabbaabbaabbaabbaabbaabba OP_EQUALVERIFY OP_CHECKSIG"));
    // CScriptNum encoding edge cases.
    QCOMPARE(scriptNumEncode(0), Bytes{});
    QCOMPARE(scriptNumEncode(-1), (Bytes{0x81}));
    QCOMPARE(scriptNumEncode(128), (Bytes{0x80, 0x00}));
    QCOMPARE(scriptNumEncode(-128), (Bytes{0x80, 0x80}));
    QCOMPARE(scriptNumEncode(500000), (Bytes{0x20, 0xa1, 0x07}));
}

void TestPrimitives::scriptParsingBadInput()
{
    QCOMPARE(parseCoreAsm("NOT_AN_OPCODE").code(), ErrorCode::InvalidScript);
    QCOMPARE(parseCoreAsm("0xZZ").code(), ErrorCode::InvalidScript);
    QCOMPARE(parseCoreAsm("99999999999").code(), ErrorCode::InvalidScript);
    // A push running past the end stops the iterator with an error.
    const Script truncated(*fromHex("4c05aa"));
    size_t pc = 0;
    uint8_t op;
    QVERIFY(!truncated.getOp(pc, op));
    QVERIFY(!truncated.isPushOnly());
    QCOMPARE(QString::fromStdString(truncated.toAsm()), QStringLiteral("[error]"));
}

void TestPrimitives::keysSignVerify()
{
    const PrivateKey k = PrivateKey::generate();
    const PublicKey pub = k.publicKey();
    QCOMPARE(pub.bytes().size(), size_t(33));
    const Hash256 digest = sha256(asBytes("spillway"));
    const Bytes der = k.signDer(digest);
    QVERIFY(isValidSignatureEncoding(concat(der, Bytes{1})));
    QVERIFY(isLowDerSignature(der));
    QVERIFY(pub.verifyDer(digest, der));
    Hash256 other = digest;
    other[0] ^= 1;
    QVERIFY(!pub.verifyDer(other, der));
    // RFC 6979: the same key and digest give the same signature.
    QCOMPARE(k.signDer(digest), der);
    QVERIFY(!PrivateKey::fromBytes(Bytes(32, 0)).ok());
    QVERIFY(!PrivateKey::fromBytes(*fromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")).ok());
    Bytes offCurve(33, 0xff); // x >= p is no field element
    offCurve[0] = 0x02;
    QVERIFY(!PublicKey::parse(offCurve).ok());
    QVERIFY(!PublicKey::parse(Bytes(10, 2)).ok());
}

void TestPrimitives::derCompactRoundTrip()
{
    const PrivateKey k = PrivateKey::generate();
    const Hash256 digest = sha256(asBytes("commitment"));
    const CompactSignature c = k.signCompact(digest);
    QVERIFY(k.publicKey().verifyCompact(digest, c));
    const Bytes der = compactToDer(c);
    QCOMPARE(der, k.signDer(digest));
    auto back = derToCompact(der);
    QVERIFY(back.ok());
    QCOMPARE(*back, c);
    QCOMPARE(derToCompact(Bytes{0x30, 0x01}).code(), ErrorCode::InvalidSignature);
}

void TestPrimitives::hexAndBase58BadInput()
{
    QCOMPARE(fromHex("abc").code(), ErrorCode::InvalidHex);
    QCOMPARE(fromHex("gg").code(), ErrorCode::InvalidHex);
    QCOMPARE(base58Decode("0OIl").code(), ErrorCode::InvalidBase58);
    QCOMPARE(base58CheckDecode("1111").code(), ErrorCode::InvalidChecksum);
    // Same WIF with one character changed: checksum error.
    auto wif = encodeWif(PrivateKey::generate(), network(NetworkId::Main));
    wif[10] = wif[10] == 'a' ? 'b' : 'a';
    QVERIFY(!decodeWif(wif, network(NetworkId::Main)).ok());
    // A mainnet address on regtest is a network error.
    QCOMPARE(decodeAddress("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu", network(NetworkId::Regtest)).code(),
             ErrorCode::WrongNetwork);
}

void TestPrimitives::bech32BadInput()
{
    const std::string longText = bech32Encode(Bech32Encoding::Bech32m, "spw", Bytes(500, 3));
    QVERIFY(!bech32Decode(longText).ok());            // BIP 173's 90 characters
    auto d = bech32Decode(longText, 10000);           // protocol messages lift the limit
    QVERIFY(d.ok());
    QCOMPARE(d->data, Bytes(500, 3));
    std::string damaged = longText;
    damaged[20] = damaged[20] == 'q' ? 'p' : 'q';
    QCOMPARE(bech32Decode(damaged, 10000).code(), ErrorCode::InvalidChecksum);
    Bytes out;
    QVERIFY(!convertBits(out, Bytes{32}, 5, 8, false));
}

void TestPrimitives::mnemonicValidation()
{
    const SecretBytes m = generateMnemonic(24);
    const std::string words(m.view().begin(), m.view().end());
    QVERIFY(mnemonicToEntropy(words).ok());
    QCOMPARE(std::count(words.begin(), words.end(), ' '), 23);
    QCOMPARE(mnemonicToEntropy("abandon abandon abandon").code(), ErrorCode::InvalidMnemonic);
    QCOMPARE(mnemonicToEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon").code(),
             ErrorCode::InvalidChecksum);
    QCOMPARE(mnemonicToEntropy("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon zzzz").code(),
             ErrorCode::InvalidMnemonic);
}

void TestPrimitives::psbtBadInput()
{
    QCOMPARE(Psbt::parseText("not base64 !!").code(), ErrorCode::InvalidPsbt);
    QCOMPARE(Psbt::parse(Bytes{'p', 's', 'b', 't'}).code(), ErrorCode::InvalidPsbt);
    // A created PSBT round-trips, and every prefix of it fails cleanly.
    auto tx = *Transaction::parseHex(segwitTxHex());
    for (auto &in : tx.inputs) {
        in.scriptSig = Script();
        in.witness.clear();
    }
    auto p = Psbt::create(tx);
    QVERIFY(p.ok());
    const Bytes b = p->serialize();
    QCOMPARE(Psbt::parse(b)->serialize(), b);
    QCOMPARE(Psbt::parseText(p->toBase64())->serialize(), b);
    for (size_t n = 0; n < b.size(); ++n)
        QVERIFY(!Psbt::parse(ByteView(b).first(n)).ok());
    // The creator refuses a signed transaction.
    QVERIFY(!Psbt::create(*Transaction::parseHex(segwitTxHex())).ok());
}

void TestPrimitives::channelRefundScriptSpends()
{
    // protocol.md `refund` variant: 2-of-2, spent by <> <payer_sig> <payee_sig> <script>.
    ChannelKeys k;
    const Script ws = channelRefundScript(k.payer.publicKey().bytes(), k.payee.publicKey().bytes());
    QCOMPARE(ws.toAsm().substr(0, 2), std::string("2 "));
    const Amount capacity = Amount::fromSat(100'000);
    const TxOut funding{capacity, p2wsh(ws)};
    const OutPoint op{sha256(asBytes("funding")), 0};
    Transaction refund = spendOf(op, 0xfffffffe, 500, Amount::fromSat(99'000));
    refund.inputs[0].witness = {{}, sigAll(k.payer, refund, ws, capacity), sigAll(k.payee, refund, ws, capacity), ws.bytes()};
    QCOMPARE(verifyInput(refund, 0, funding, kStandardFlags), ScriptError::OK);
    // Signatures in the wrong order fail: CHECKMULTISIG is ordered.
    Transaction swapped = refund;
    std::swap(swapped.inputs[0].witness[1], swapped.inputs[0].witness[2]);
    QCOMPARE(verifyInput(swapped, 0, funding, kStandardFlags), ScriptError::NULLFAIL);
    // A signature over another amount fails.
    Transaction other = refund;
    other.outputs[0].value = Amount::fromSat(98'000);
    QCOMPARE(verifyInput(other, 0, funding, kStandardFlags), ScriptError::NULLFAIL);
    // Non-empty dummy violates NULLDUMMY.
    Transaction dummy = refund;
    dummy.inputs[0].witness[0] = {1};
    QCOMPARE(verifyInput(dummy, 0, funding, kStandardFlags), ScriptError::SIG_NULLDUMMY);
}

void TestPrimitives::channelCltvScriptSpends()
{
    // protocol.md `cltv` variant.
    ChannelKeys k;
    const uint32_t expiry = 1000;
    const Script ws = channelCltvScript(k.payer.publicKey().bytes(), k.payee.publicKey().bytes(), expiry);
    const Amount capacity = Amount::fromSat(100'000);
    const TxOut funding{capacity, p2wsh(ws)};
    const OutPoint op{sha256(asBytes("cltv funding")), 1};

    // Commitment: <payer_sig> <payee_sig> 01 <script>.
    Transaction commit = spendOf(op, 0xffffffff, 0, Amount::fromSat(1'000));
    commit.inputs[0].witness = {sigAll(k.payer, commit, ws, capacity), sigAll(k.payee, commit, ws, capacity), {1}, ws.bytes()};
    QCOMPARE(verifyInput(commit, 0, funding, kStandardFlags), ScriptError::OK);
    // MINIMALIF: the branch selector must be exactly 01.
    Transaction nonMinimal = commit;
    nonMinimal.inputs[0].witness[2] = {2};
    QCOMPARE(verifyInput(nonMinimal, 0, funding, kStandardFlags), ScriptError::MINIMALIF);

    // Refund: <payer_sig> <> <script>, valid only with nLockTime >= expiry and a non-final sequence.
    Transaction refund = spendOf(op, 0xfffffffe, expiry, Amount::fromSat(99'000));
    refund.inputs[0].witness = {sigAll(k.payer, refund, ws, capacity), {}, ws.bytes()};
    QCOMPARE(verifyInput(refund, 0, funding, kStandardFlags), ScriptError::OK);
    Transaction early = spendOf(op, 0xfffffffe, expiry - 1, Amount::fromSat(99'000));
    early.inputs[0].witness = {sigAll(k.payer, early, ws, capacity), {}, ws.bytes()};
    QCOMPARE(verifyInput(early, 0, funding, kStandardFlags), ScriptError::UNSATISFIED_LOCKTIME);
    Transaction finalSeq = spendOf(op, 0xffffffff, expiry, Amount::fromSat(99'000));
    finalSeq.inputs[0].witness = {sigAll(k.payer, finalSeq, ws, capacity), {}, ws.bytes()};
    QCOMPARE(verifyInput(finalSeq, 0, funding, kStandardFlags), ScriptError::UNSATISFIED_LOCKTIME);
    // The payee alone cannot take the refund branch.
    Transaction payeeOnly = refund;
    payeeOnly.inputs[0].witness = {sigAll(k.payee, refund, ws, capacity), {}, ws.bytes()};
    QCOMPARE(verifyInput(payeeOnly, 0, funding, kStandardFlags), ScriptError::NULLFAIL);
}

void TestPrimitives::dustThresholds()
{
    // protocol.md: Core's rule at 3 sat/vB, 294 sat for P2WPKH.
    const Hash160 h{};
    QCOMPARE(dustThreshold(p2wpkh(h)), int64_t(294));
    QCOMPARE(dustThreshold(p2pkh(h)), int64_t(546));
    QCOMPARE(dustThreshold(p2wsh(Script())), int64_t(330));
    QCOMPARE(dustThreshold(p2sh(h)), int64_t(540));
    QCOMPARE(dustThreshold(ScriptBuilder().op(OP_RETURN).build()), int64_t(0));
}

QTEST_GUILESS_MAIN(TestPrimitives)
#include "tst_primitives.moc"
