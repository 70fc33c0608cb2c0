// BIP 174 (PSBT v0) vectors: invalid PSBTs must fail to parse, valid ones must
// round-trip byte for byte, the signer must refuse the "valid but fail signer
// checks" ones, and each role of the BIP's example chain must produce exactly the
// PSBT the BIP prints.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Psbt.h"

using namespace spillway;
using namespace spillway::bitcoin;

namespace {

Bytes psbtBytes(const QJsonObject &o)
{
    return test::hex(o[QLatin1String("hex")].toString());
}

} // namespace

class TestPsbtVectors : public QObject {
    Q_OBJECT
    test::VectorTally m_tally{"bip174_vectors.json"};
    QJsonObject m_all;
    QJsonObject m_roles;

    Psbt expectedOf(const QString &ref)
    {
        const QString role = ref.section(QLatin1Char('.'), 0, 0);
        auto p = Psbt::parse(psbtBytes(m_roles[role].toObject()[QLatin1String("expected_psbt")].toObject()));
        if (!p)
            qFatal("cannot parse %s", qPrintable(ref));
        return *p;
    }
    QString expectedHex(const char *role)
    {
        return m_roles[QLatin1String(role)].toObject()[QLatin1String("expected_psbt")].toObject()[QLatin1String("hex")].toString();
    }
    void signRole(const char *role);

private Q_SLOTS:
    void initTestCase()
    {
        m_all = test::loadJson("bip174_vectors.json").object();
        m_roles = m_all[QLatin1String("roles")].toObject();
    }
    void invalid_data();
    void invalid();
    void valid_data();
    void valid();
    void failSignerChecks_data();
    void failSignerChecks();
    void creator();
    void updater();
    void updaterSighashAll();
    void signer1() { signRole("signer_1"); }
    void signer2() { signRole("signer_2"); }
    void combiner();
    void finalizer();
    void extractor();
    void combinerUnknownKeys();
    void cleanupTestCase()
    {
        m_tally.print();
        QCOMPARE(m_tally.total, 20 + 10 + 4 + 9);
        QCOMPARE(m_tally.passed, m_tally.total);
    }
};

void TestPsbtVectors::invalid_data()
{
    QTest::addColumn<QJsonObject>("v");
    for (const auto &v : test::loadJson("bip174_vectors.json").object()[QLatin1String("invalid")].toArray())
        QTest::newRow(qPrintable(v.toObject()[QLatin1String("description")].toString())) << v.toObject();
}

void TestPsbtVectors::invalid()
{
    QFETCH(QJsonObject, v);
    ++m_tally.total;
    QVERIFY(!Psbt::parse(psbtBytes(v)).ok());
    QVERIFY(!Psbt::parseText(v[QLatin1String("base64")].toString().toStdString()).ok());
    ++m_tally.passed;
}

void TestPsbtVectors::valid_data()
{
    QTest::addColumn<QJsonObject>("v");
    for (const auto &v : test::loadJson("bip174_vectors.json").object()[QLatin1String("valid")].toArray())
        QTest::newRow(qPrintable(v.toObject()[QLatin1String("description")].toString())) << v.toObject();
}

void TestPsbtVectors::valid()
{
    QFETCH(QJsonObject, v);
    ++m_tally.total;
    auto p = Psbt::parse(psbtBytes(v));
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().describe().c_str());
    QCOMPARE(test::qhex(p->serialize()), v[QLatin1String("hex")].toString());
    auto b = Psbt::parseText(v[QLatin1String("base64")].toString().toStdString());
    QVERIFY(b.ok());
    QCOMPARE(QString::fromStdString(b->toBase64()), v[QLatin1String("base64")].toString());
    ++m_tally.passed;
}

void TestPsbtVectors::failSignerChecks_data()
{
    QTest::addColumn<QJsonObject>("v");
    for (const auto &v : test::loadJson("bip174_vectors.json").object()[QLatin1String("valid_but_fail_signer_checks")].toArray())
        QTest::newRow(qPrintable(v.toObject()[QLatin1String("description")].toString())) << v.toObject();
}

void TestPsbtVectors::failSignerChecks()
{
    QFETCH(QJsonObject, v);
    ++m_tally.total;
    auto p = Psbt::parse(psbtBytes(v));
    QVERIFY(p.ok());
    const Bytes before = p->serialize();
    auto signedCount = p->sign(PrivateKey::generate());
    QVERIFY(!signedCount.ok());
    QCOMPARE(signedCount.code(), ErrorCode::PsbtMismatch);
    QCOMPARE(p->serialize(), before); // nothing changed
    ++m_tally.passed;
}

void TestPsbtVectors::creator()
{
    ++m_tally.total;
    const QJsonObject c = m_roles[QLatin1String("creator")].toObject();
    Transaction tx;
    tx.version = c[QLatin1String("tx_version")].toInt();
    tx.lockTime = static_cast<uint32_t>(c[QLatin1String("locktime")].toInteger());
    for (const auto &iv : c[QLatin1String("inputs")].toArray()) {
        TxIn in;
        in.prevout.txid = *fromDisplayHex(iv.toObject()[QLatin1String("txid")].toString().toStdString());
        in.prevout.index = static_cast<uint32_t>(iv.toObject()[QLatin1String("vout")].toInteger());
        tx.inputs.push_back(in);
    }
    for (const auto &ov : c[QLatin1String("outputs")].toArray()) {
        const QJsonObject o = ov.toObject();
        tx.outputs.push_back(TxOut{Amount::fromSat(o[QLatin1String("amount_sat")].toInteger()),
                                   Script(test::hex(o[QLatin1String("scriptPubKey")].toString()))});
        // The BIP writes amounts in BTC; both forms agree.
        QCOMPARE(Amount::parseBtc(o[QLatin1String("amount_btc")].toString().toStdString())->sat(),
                 o[QLatin1String("amount_sat")].toInteger());
    }
    auto p = Psbt::create(tx);
    QVERIFY(p.ok());
    QCOMPARE(test::qhex(p->serialize()), expectedHex("creator"));
    ++m_tally.passed;
}

void TestPsbtVectors::updater()
{
    ++m_tally.total;
    const QJsonObject u = m_roles[QLatin1String("updater")].toObject();
    Psbt p = expectedOf(u[QLatin1String("input")].toString());
    const QJsonObject mk = m_roles[QLatin1String("master_key")].toObject();
    auto master = ExtendedPrivateKey::decode(mk[QLatin1String("extended_private_key")].toString().toStdString(),
                                             network(NetworkId::Testnet).xprvVersion);
    QVERIFY(master.ok());
    const auto fingerprint = master->neuter().fingerprint();
    PsbtUpdateData data;
    for (const auto &t : u[QLatin1String("previous_transactions")].toArray())
        data.previousTransactions.push_back(*Transaction::parseHex(t.toString().toStdString()));
    for (const auto &s : u[QLatin1String("redeem_scripts")].toArray())
        data.redeemScripts.emplace_back(test::hex(s.toString()));
    for (const auto &s : u[QLatin1String("witness_scripts")].toArray())
        data.witnessScripts.emplace_back(test::hex(s.toString()));
    for (const auto &d : u[QLatin1String("bip32_derivations")].toArray()) {
        const QJsonObject o = d.toObject();
        auto path = parseDerivationPath(o[QLatin1String("path")].toString().toStdString());
        QVERIFY(path.ok());
        // The key really is at that path under the BIP's master key.
        auto node = master->derivePath(*path);
        QVERIFY(node.ok());
        QCOMPARE(test::qhex(node->key.publicKey().bytes()), o[QLatin1String("pubkey")].toString());
        data.keyOrigins[test::hex(o[QLatin1String("pubkey")].toString())] = KeyOrigin{fingerprint, *path};
    }
    QVERIFY(p.update(data).ok());
    QCOMPARE(test::qhex(p.serialize()), expectedHex("updater"));
    ++m_tally.passed;
}

void TestPsbtVectors::updaterSighashAll()
{
    ++m_tally.total;
    const QJsonObject u = m_roles[QLatin1String("updater_sighash_all")].toObject();
    Psbt p = expectedOf(u[QLatin1String("input")].toString());
    p.setSighashType(static_cast<uint32_t>(u[QLatin1String("sighash_type")].toInt()));
    QCOMPARE(test::qhex(p.serialize()), expectedHex("updater_sighash_all"));
    ++m_tally.passed;
}

void TestPsbtVectors::signRole(const char *role)
{
    ++m_tally.total;
    const QJsonObject s = m_roles[QLatin1String(role)].toObject();
    Psbt p = expectedOf(s[QLatin1String("input")].toString());
    int added = 0;
    for (const auto &k : s[QLatin1String("keys")].toArray()) {
        auto key = decodeWif(k.toObject()[QLatin1String("wif")].toString().toStdString(), network(NetworkId::Testnet));
        QVERIFY(key.ok());
        auto n = p.sign(*key);
        QVERIFY2(n.ok(), n.ok() ? "" : n.error().describe().c_str());
        added += *n;
    }
    QCOMPARE(added, 2);
    QCOMPARE(test::qhex(p.serialize()), expectedHex(role));
    ++m_tally.passed;
}

void TestPsbtVectors::combiner()
{
    ++m_tally.total;
    const QJsonArray inputs = m_roles[QLatin1String("combiner")].toObject()[QLatin1String("inputs")].toArray();
    Psbt p = expectedOf(inputs[0].toString());
    QVERIFY(p.combine(expectedOf(inputs[1].toString())).ok());
    QCOMPARE(test::qhex(p.serialize()), expectedHex("combiner"));
    // Combining is order-independent.
    Psbt q = expectedOf(inputs[1].toString());
    QVERIFY(q.combine(expectedOf(inputs[0].toString())).ok());
    QCOMPARE(test::qhex(q.serialize()), expectedHex("combiner"));
    ++m_tally.passed;
}

void TestPsbtVectors::finalizer()
{
    ++m_tally.total;
    Psbt p = expectedOf(m_roles[QLatin1String("finalizer")].toObject()[QLatin1String("input")].toString());
    const Status st = p.finalize();
    QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    QCOMPARE(test::qhex(p.serialize()), expectedHex("finalizer"));
    ++m_tally.passed;
}

void TestPsbtVectors::extractor()
{
    ++m_tally.total;
    const QJsonObject e = m_roles[QLatin1String("extractor")].toObject();
    Psbt p = expectedOf(e[QLatin1String("input")].toString());
    auto tx = p.extract();
    QVERIFY(tx.ok());
    QCOMPARE(test::qhex(tx->serialize()), e[QLatin1String("expected_tx_hex")].toString());
    // An unfinalized PSBT cannot be extracted.
    QCOMPARE(expectedOf(QStringLiteral("combiner.expected_psbt")).extract().code(), ErrorCode::PsbtIncomplete);
    ++m_tally.passed;
}

void TestPsbtVectors::combinerUnknownKeys()
{
    ++m_tally.total;
    const QJsonObject c = m_roles[QLatin1String("combiner_unknown_keys")].toObject();
    const QJsonArray inputs = c[QLatin1String("inputs")].toArray();
    auto p = Psbt::parse(psbtBytes(inputs[0].toObject()));
    auto q = Psbt::parse(psbtBytes(inputs[1].toObject()));
    QVERIFY(p.ok() && q.ok());
    QVERIFY(p->combine(*q).ok());
    QCOMPARE(test::qhex(p->serialize()), c[QLatin1String("expected_psbt")].toObject()[QLatin1String("hex")].toString());
    ++m_tally.passed;
}

QTEST_GUILESS_MAIN(TestPsbtVectors)
#include "tst_psbt_vectors.moc"
