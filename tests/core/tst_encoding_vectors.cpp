// Encodings against Bitcoin Core's and the BIPs' vectors: key_io_valid/invalid.json,
// base58_encode_decode.json, bech32_vectors.json (BIP 173/350), bip32_vectors.json,
// bip39_vectors.json (English, passphrase "TREZOR"), bip84_vectors.json.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Base58.h"
#include "bitcoin/Bech32.h"
#include "bitcoin/Bip32.h"
#include "bitcoin/Bip39.h"

using namespace spillway;
using namespace spillway::bitcoin;

namespace {

const Network &chainNamed(const QString &name)
{
    if (name == QLatin1String("main"))
        return network(NetworkId::Main);
    if (name == QLatin1String("testnet4"))
        return network(NetworkId::Testnet4);
    if (name == QLatin1String("signet"))
        return network(NetworkId::Signet);
    if (name == QLatin1String("regtest"))
        return network(NetworkId::Regtest);
    return network(NetworkId::Testnet);
}

std::string latin1(const QJsonObject &o)
{
    const Bytes b = test::hex(o[QLatin1String("hex")].toString());
    return std::string(b.begin(), b.end());
}

std::string flipCase(std::string s)
{
    for (char &c : s) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        else if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

QString lower(const QString &s)
{
    return s.toLower();
}

constexpr uint32_t kZprv = 0x04b2430c;
constexpr uint32_t kZpub = 0x04b24746;

} // namespace

class TestEncodingVectors : public QObject {
    Q_OBJECT
    test::VectorTally m_keyValid{"key_io_valid.json"};
    test::VectorTally m_keyInvalid{"key_io_invalid.json"};
    test::VectorTally m_base58{"base58_encode_decode.json"};
    test::VectorTally m_bech32{"bech32_vectors.json"};
    test::VectorTally m_bip32{"bip32_vectors.json"};
    test::VectorTally m_bip39{"bip39_vectors.json"};
    test::VectorTally m_bip84{"bip84_vectors.json"};

private Q_SLOTS:
    void keyIoValid_data();
    void keyIoValid();
    void keyIoInvalid_data();
    void keyIoInvalid();
    void base58_data();
    void base58();
    void bech32();
    void bip32();
    void bip39_data();
    void bip39();
    void bip39Wordlist();
    void bip84();
    void cleanupTestCase()
    {
        for (auto *t : {&m_keyValid, &m_keyInvalid, &m_base58, &m_bech32, &m_bip32, &m_bip39, &m_bip84}) {
            t->print();
            QVERIFY(t->total > 0);
            QCOMPARE(t->passed, t->total);
        }
    }
};

void TestEncodingVectors::keyIoValid_data()
{
    QTest::addColumn<QJsonArray>("e");
    const QJsonArray all = test::loadJson("key_io_valid.json").array();
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("%d", i) << all[i].toArray();
}

void TestEncodingVectors::keyIoValid()
{
    QFETCH(QJsonArray, e);
    ++m_keyValid.total;
    const std::string text = e[0].toString().toStdString();
    const Bytes payload = test::hex(e[1].toString());
    const QJsonObject meta = e[2].toObject();
    const Network &net = chainNamed(meta[QLatin1String("chain")].toString());
    if (meta[QLatin1String("isPrivkey")].toBool()) {
        auto key = decodeWif(text, net);
        QVERIFY2(key.ok(), text.c_str());
        QCOMPARE(key->isCompressed(), meta[QLatin1String("isCompressed")].toBool());
        QCOMPARE(test::qhex(key->bytes()), test::qhex(payload));
        QVERIFY(!decodeAddress(text, net).ok());
        QCOMPARE(QString::fromStdString(encodeWif(*key, net)), e[0].toString());
    } else {
        auto spk = decodeAddress(text, net);
        QVERIFY2(spk.ok(), (text + ": " + (spk.ok() ? "" : spk.error().describe())).c_str());
        QCOMPARE(test::qhex(spk->bytes()), test::qhex(payload));
        const bool tryCaseFlip = meta[QLatin1String("tryCaseFlip")].toBool(false);
        auto flipped = decodeAddress(flipCase(text), net);
        QCOMPARE(flipped.ok(), tryCaseFlip);
        if (flipped.ok())
            QCOMPARE(test::qhex(flipped->bytes()), test::qhex(payload));
        QVERIFY(!decodeWif(text, net).ok());
        auto encoded = encodeAddress(Script(payload), net);
        QVERIFY(encoded.has_value());
        QCOMPARE(QString::fromStdString(*encoded), e[0].toString());
    }
    ++m_keyValid.passed;
}

void TestEncodingVectors::keyIoInvalid_data()
{
    QTest::addColumn<QString>("text");
    const QJsonArray all = test::loadJson("key_io_invalid.json").array();
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("%d", i) << all[i].toArray()[0].toString();
}

void TestEncodingVectors::keyIoInvalid()
{
    QFETCH(QString, text);
    ++m_keyInvalid.total;
    for (NetworkId id : {NetworkId::Main, NetworkId::Testnet, NetworkId::Testnet4, NetworkId::Signet, NetworkId::Regtest}) {
        QVERIFY2(!decodeAddress(text.toStdString(), network(id)).ok(), qPrintable(text));
        QVERIFY2(!decodeWif(text.toStdString(), network(id)).ok(), qPrintable(text));
    }
    ++m_keyInvalid.passed;
}

void TestEncodingVectors::base58_data()
{
    QTest::addColumn<QString>("hexText");
    QTest::addColumn<QString>("b58");
    const QJsonArray all = test::loadJson("base58_encode_decode.json").array();
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("%d", i) << all[i].toArray()[0].toString() << all[i].toArray()[1].toString();
}

void TestEncodingVectors::base58()
{
    QFETCH(QString, hexText);
    QFETCH(QString, b58);
    ++m_base58.total;
    const Bytes data = test::hex(hexText);
    QCOMPARE(QString::fromStdString(base58Encode(data)), b58);
    auto decoded = base58Decode(b58.toStdString());
    QVERIFY(decoded.ok());
    QCOMPARE(test::qhex(*decoded), hexText.toLower());
    ++m_base58.passed;
}

void TestEncodingVectors::bech32()
{
    const QJsonObject all = test::loadJson("bech32_vectors.json").object();
    struct Section {
        const char *name;
        Bech32Encoding enc;
    };
    for (Section s : {Section{"bip173", Bech32Encoding::Bech32}, Section{"bip350", Bech32Encoding::Bech32m}}) {
        const QJsonObject sec = all[QLatin1String(s.name)].toObject();
        const char *validKey = s.enc == Bech32Encoding::Bech32 ? "valid_bech32" : "valid_bech32m";
        const char *invalidKey = s.enc == Bech32Encoding::Bech32 ? "invalid_bech32" : "invalid_bech32m";
        for (const auto &v : sec[QLatin1String(validKey)].toArray()) {
            ++m_bech32.total;
            const std::string str = latin1(v.toObject());
            auto d = bech32Decode(str);
            QVERIFY2(d.ok(), str.c_str());
            QVERIFY2(d->encoding == s.enc, str.c_str());
            QCOMPARE(QString::fromStdString(bech32Encode(s.enc, d->hrp, d->data)), QString::fromStdString(str).toLower());
            ++m_bech32.passed;
        }
        for (const auto &v : sec[QLatin1String(invalidKey)].toArray()) {
            ++m_bech32.total;
            const std::string str = latin1(v.toObject());
            auto d = bech32Decode(str);
            QVERIFY2(!d.ok() || d->encoding != s.enc, qPrintable(v.toObject()[QLatin1String("reason")].toString()));
            ++m_bech32.passed;
        }
    }
    const QJsonObject b350 = all[QLatin1String("bip350")].toObject();
    for (const auto &v : b350[QLatin1String("valid_segwit_addresses")].toArray()) {
        ++m_bech32.total;
        const QString addr = v.toObject()[QLatin1String("address")].toString();
        const std::string hrp = addr.toLower().startsWith(QLatin1String("bc1")) ? "bc" : "tb";
        auto seg = decodeSegwitAddress(hrp, addr.toStdString());
        QVERIFY2(seg.ok(), qPrintable(addr));
        const Script spk = witnessProgramScript(seg->version, seg->program);
        QCOMPARE(test::qhex(spk.bytes()), v.toObject()[QLatin1String("scriptPubKey")].toString());
        auto again = encodeSegwitAddress(hrp, seg->version, seg->program);
        QVERIFY(again.ok());
        QCOMPARE(QString::fromStdString(*again), lower(addr));
        ++m_bech32.passed;
    }
    for (const char *sec : {"bip173", "bip350"}) {
        for (const auto &v : all[QLatin1String(sec)].toObject()[QLatin1String("invalid_segwit_addresses")].toArray()) {
            ++m_bech32.total;
            const std::string addr = v.toObject()[QLatin1String("address")].toString().toStdString();
            QVERIFY2(!decodeSegwitAddress("bc", addr).ok(), addr.c_str());
            QVERIFY2(!decodeSegwitAddress("tb", addr).ok(), addr.c_str());
            ++m_bech32.passed;
        }
    }
    for (const auto &v : all[QLatin1String("invalid_address_encode")].toArray()) {
        ++m_bech32.total;
        const QJsonObject o = v.toObject();
        const Bytes program(static_cast<size_t>(o[QLatin1String("program_length")].toInt()), 0);
        QVERIFY(!encodeSegwitAddress(o[QLatin1String("hrp")].toString().toStdString(),
                                     o[QLatin1String("witness_version")].toInt(), program)
                     .ok());
        ++m_bech32.passed;
    }
}

void TestEncodingVectors::bip32()
{
    const Network &main = network(NetworkId::Main);
    for (const auto &vv : test::loadJson("bip32_vectors.json").object()[QLatin1String("vectors")].toArray()) {
        const QJsonObject vec = vv.toObject();
        if (vec.contains(QLatin1String("invalid_extended_keys"))) {
            for (const auto &k : vec[QLatin1String("invalid_extended_keys")].toArray()) {
                ++m_bip32.total;
                const std::string key = k.toObject()[QLatin1String("key")].toString().toStdString();
                QVERIFY2(!ExtendedPublicKey::decode(key, main.xpubVersion).ok(), key.c_str());
                QVERIFY2(!ExtendedPrivateKey::decode(key, main.xprvVersion).ok(), key.c_str());
                ++m_bip32.passed;
            }
            continue;
        }
        auto master = ExtendedPrivateKey::fromSeed(test::hex(vec[QLatin1String("seed_hex")].toString()));
        QVERIFY(master.ok());
        for (const auto &cv : vec[QLatin1String("chains")].toArray()) {
            ++m_bip32.total;
            const QJsonObject chain = cv.toObject();
            const QString pathText = chain[QLatin1String("path")].toString().replace(QLatin1Char('H'), QLatin1Char('\''));
            auto path = parseDerivationPath(pathText.toStdString());
            QVERIFY2(path.ok(), qPrintable(pathText));
            auto node = master->derivePath(*path);
            QVERIFY(node.ok());
            QCOMPARE(QString::fromStdString(node->encode(main.xprvVersion)), chain[QLatin1String("ext_prv")].toString());
            QCOMPARE(QString::fromStdString(node->neuter().encode(main.xpubVersion)), chain[QLatin1String("ext_pub")].toString());
            // Decode round trip.
            auto prv = ExtendedPrivateKey::decode(chain[QLatin1String("ext_prv")].toString().toStdString(), main.xprvVersion);
            QVERIFY(prv.ok());
            QCOMPARE(QString::fromStdString(prv->encode(main.xprvVersion)), chain[QLatin1String("ext_prv")].toString());
            // Public derivation of the last normal step agrees with private derivation.
            if (!path->empty() && !(path->back() & kHardened)) {
                std::vector<uint32_t> parentPath(path->begin(), path->end() - 1);
                auto parent = master->derivePath(parentPath);
                QVERIFY(parent.ok());
                auto pubChild = parent->neuter().derive(path->back());
                QVERIFY(pubChild.ok());
                QCOMPARE(QString::fromStdString(pubChild->encode(main.xpubVersion)), chain[QLatin1String("ext_pub")].toString());
            }
            ++m_bip32.passed;
        }
    }
}

void TestEncodingVectors::bip39_data()
{
    QTest::addColumn<QJsonArray>("e");
    const QJsonArray all = test::loadJson("bip39_vectors.json").object()[QLatin1String("english")].toArray();
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("%d", i) << all[i].toArray();
}

void TestEncodingVectors::bip39()
{
    QFETCH(QJsonArray, e);
    ++m_bip39.total;
    const Bytes entropy = test::hex(e[0].toString());
    const std::string mnemonic = e[1].toString().toStdString();
    auto m = mnemonicFromEntropy(entropy);
    QVERIFY(m.ok());
    QCOMPARE(std::string(m->view().begin(), m->view().end()), mnemonic);
    auto back = mnemonicToEntropy(mnemonic);
    QVERIFY(back.ok());
    QCOMPARE(test::qhex(back->view()), e[0].toString());
    const SecretBytes seed = mnemonicToSeed(mnemonic, "TREZOR");
    QCOMPARE(test::qhex(seed.view()), e[2].toString());
    auto master = ExtendedPrivateKey::fromSeed(seed.view());
    QVERIFY(master.ok());
    QCOMPARE(QString::fromStdString(master->encode(network(NetworkId::Main).xprvVersion)), e[3].toString());
    ++m_bip39.passed;
}

void TestEncodingVectors::bip39Wordlist()
{
    QFile f(QStringLiteral(SPILLWAY_TEST_DATA "/bip-0039-english.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList words = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(words.size(), 2048);
    for (int i = 0; i < 2048; ++i)
        QCOMPARE(QString::fromLatin1(bip39EnglishWords()[static_cast<size_t>(i)].data(),
                                     static_cast<qsizetype>(bip39EnglishWords()[static_cast<size_t>(i)].size())),
                 words[i].trimmed());
}

void TestEncodingVectors::bip84()
{
    const QJsonObject v = test::loadJson("bip84_vectors.json").object();
    const Network &main = network(NetworkId::Main);
    const SecretBytes seed = mnemonicToSeed(v[QLatin1String("mnemonic")].toString().toStdString(), "");
    auto master = ExtendedPrivateKey::fromSeed(seed.view());
    QVERIFY(master.ok());
    ++m_bip84.total;
    QCOMPARE(QString::fromStdString(master->encode(kZprv)), v[QLatin1String("rootpriv")].toString());
    QCOMPARE(QString::fromStdString(master->neuter().encode(kZpub)), v[QLatin1String("rootpub")].toString());
    ++m_bip84.passed;

    ++m_bip84.total;
    const QJsonObject account = v[QLatin1String("account")].toObject();
    auto accountPath = parseDerivationPath(account[QLatin1String("path")].toString().toStdString());
    QVERIFY(accountPath.ok());
    const std::vector<uint32_t> full = bip84Path(main, 0, 0, 0);
    QCOMPARE(*accountPath, std::vector<uint32_t>(full.begin(), full.begin() + 3));
    auto acct = master->derivePath(*accountPath);
    QVERIFY(acct.ok());
    QCOMPARE(QString::fromStdString(acct->encode(kZprv)), account[QLatin1String("xpriv")].toString());
    QCOMPARE(QString::fromStdString(acct->neuter().encode(kZpub)), account[QLatin1String("xpub")].toString());
    ++m_bip84.passed;

    for (const auto &av : v[QLatin1String("addresses")].toArray()) {
        ++m_bip84.total;
        const QJsonObject a = av.toObject();
        auto path = parseDerivationPath(a[QLatin1String("path")].toString().toStdString());
        QVERIFY(path.ok());
        QCOMPARE(*path, bip84Path(main, 0, (*path)[3], (*path)[4]));
        auto node = master->derivePath(*path);
        QVERIFY(node.ok());
        QCOMPARE(QString::fromStdString(encodeWif(node->key, main)), a[QLatin1String("privkey_wif")].toString());
        const PublicKey pub = node->key.publicKey();
        QCOMPARE(test::qhex(pub.bytes()), a[QLatin1String("pubkey")].toString());
        auto addr = encodeAddress(p2wpkh(pub.hash()), main);
        QVERIFY(addr.has_value());
        QCOMPARE(QString::fromStdString(*addr), a[QLatin1String("address")].toString());
        ++m_bip84.passed;
    }
}

QTEST_GUILESS_MAIN(TestEncodingVectors)
#include "tst_encoding_vectors.moc"
