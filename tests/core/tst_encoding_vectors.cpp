// Encodings against Bitcoin Core's and the BIPs' vectors: key_io_valid/invalid.json,
// base58_encode_decode.json, bech32_vectors.json (BIP 173/350), bip32_vectors.json,
// bip39_vectors.json (English, passphrase "TREZOR"), bip84_vectors.json, and BC-UR
// (bytewords, URs, fountain parts): ur_bytewords_vectors.json, ur_encoder_vectors.json.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Base58.h"
#include "bitcoin/Bech32.h"
#include "bitcoin/Bip32.h"
#include "bitcoin/Bip39.h"
#include "bitcoin/Psbt.h"
#include "ur/Bytewords.h"
#include "ur/Cbor.h"
#include "ur/Crc32.h"
#include "ur/Fountain.h"
#include "ur/MessageBundle.h"
#include "ur/Ur.h"
#include "ur/UrText.h"

#include <algorithm>
#include <random>

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
    test::VectorTally m_ur{"ur_bytewords_vectors.json"};
    test::VectorTally m_urEncoder{"ur_encoder_vectors.json"};

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
    void urBytewords();
    void urSinglePart();
    void urMultiPartIllustration();
    void urFountainParts();
    void urEncoderStrings();
    void urPsbtOutOfOrderWithGaps();
    void urHostileText();
    void urFountainMemoryBounded();
    void urMessageBundle();
    void cleanupTestCase()
    {
        for (auto *t : {&m_keyValid, &m_keyInvalid, &m_base58, &m_bech32, &m_bip32, &m_bip39, &m_bip84, &m_ur, &m_urEncoder}) {
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

// ---- BC-UR ---------------------------------------------------------------------------

namespace {

QJsonObject urVectors()
{
    return test::loadJson("ur_bytewords_vectors.json").object();
}

std::string str(const QJsonValue &v)
{
    return v.toString().toStdString();
}

// The multi-part UR string of a fountain part, as the reference writes it.
std::string partUr(const std::string &type, const ur::FountainPart &p)
{
    return "ur:" + type + "/" + std::to_string(p.seqNum) + "-" + std::to_string(p.seqLen) + "/" +
           ur::bytewordsEncode(p.toCbor(), ur::BytewordsStyle::Minimal);
}

std::string upper(std::string s)
{
    for (char &c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}

} // namespace

void TestEncodingVectors::urBytewords()
{
    const QJsonObject bw = urVectors()[QLatin1String("bytewords")].toObject();
    const QJsonArray words = bw[QLatin1String("wordlist")].toArray();
    QCOMPARE(words.size(), 256);
    for (int i = 0; i < 256; ++i)
        QCOMPARE(std::string(ur::byteword(static_cast<uint8_t>(i))), str(words[i]));
    ++m_ur.total;
    ++m_ur.passed;

    const QJsonObject std1 = bw[QLatin1String("standard_example")].toObject();
    const Bytes body = test::hex(std1[QLatin1String("cbor_body_hex")].toString());
    QCOMPARE(test::qhex(concat(body, test::hex(std1[QLatin1String("crc32_hex")].toString()))),
             std1[QLatin1String("body_with_checksum_hex")].toString());
    const uint32_t crc = ur::crc32(body);
    QCOMPARE(QString::number(crc, 16).rightJustified(8, QLatin1Char('0')), std1[QLatin1String("crc32_hex")].toString());
    const std::pair<ur::BytewordsStyle, const char *> styles[] = {
        {ur::BytewordsStyle::Standard, "bytewords_standard"}, {ur::BytewordsStyle::Uri, "bytewords_uri"}, {ur::BytewordsStyle::Minimal, "bytewords_minimal"}};
    for (const auto &[style, key] : styles) {
        ++m_ur.total;
        const std::string text = str(std1[QLatin1String(key)]);
        QCOMPARE(ur::bytewordsEncode(body, style), text);
        auto back = ur::bytewordsDecode(text, style, 100);
        QVERIFY(back.ok());
        QCOMPARE(*back, body);
        // Either case is read; a changed letter is no byteword or breaks the checksum.
        QVERIFY(ur::bytewordsDecode(upper(text), style, 100).ok());
        std::string broken = text;
        broken[style == ur::BytewordsStyle::Minimal ? 2 : 5] = broken[style == ur::BytewordsStyle::Minimal ? 2 : 5] == 'a' ? 'b' : 'a';
        QVERIFY(!ur::bytewordsDecode(broken, style, 100).ok());
        QCOMPARE(ur::bytewordsDecode(text, style, body.size() - 1).code(), ErrorCode::OversizedField);
        ++m_ur.passed;
    }
    const QJsonObject brutal = bw[QLatin1String("brutal_example")].toObject();
    const Bytes payload = test::hex(brutal[QLatin1String("payload_hex")].toString());
    for (const auto &[style, key] : {styles[0], styles[2]}) {
        ++m_ur.total;
        QCOMPARE(ur::bytewordsEncode(payload, style), str(brutal[QLatin1String(key)]));
        auto back = ur::bytewordsDecode(str(brutal[QLatin1String(key)]), style, 100);
        QVERIFY(back.ok());
        QCOMPARE(*back, payload);
        ++m_ur.passed;
    }
    // A whole word must match, not only its first and last letters ("tuna" vs "tana").
    QVERIFY(!ur::bytewordsDecode("tana next", ur::BytewordsStyle::Standard, 100).ok());
    // The checksum is checked: the last word swapped for another.
    std::string wrongCrc = str(std1[QLatin1String("bytewords_minimal")]);
    wrongCrc[wrongCrc.size() - 2] = 'a';
    wrongCrc[wrongCrc.size() - 1] = 'e';
    QCOMPARE(ur::bytewordsDecode(wrongCrc, ur::BytewordsStyle::Minimal, 100).code(), ErrorCode::InvalidChecksum);

    for (const auto &v : urVectors()[QLatin1String("mur_fountain")].toObject()[QLatin1String("crc32")].toArray()) {
        ++m_ur.total;
        const QJsonObject o = v.toObject();
        QCOMPARE(QString::number(ur::crc32(asBytes(str(o[QLatin1String("input_utf8")]))), 16).rightJustified(8, QLatin1Char('0')),
                 o[QLatin1String("crc32_hex")].toString());
        ++m_ur.passed;
    }
}

void TestEncodingVectors::urSinglePart()
{
    for (const auto &v : urVectors()[QLatin1String("ur_single_part")].toArray()) {
        ++m_ur.total;
        const QJsonObject o = v.toObject();
        const std::string text = str(o[QLatin1String("ur")]);
        const Bytes cbor = test::hex(o.contains(QLatin1String("cbor_hex")) ? o[QLatin1String("cbor_hex")].toString()
                                                                             : o[QLatin1String("cbor_hex_decoded")].toString());
        auto u = ur::decodeSinglePart(text);
        QVERIFY2(u.ok(), text.c_str());
        QCOMPARE(u->type, str(o[QLatin1String("type")]));
        QCOMPARE(u->cbor, cbor);
        QCOMPARE(ur::encodeSinglePart(*u), text);
        // Upper case, as a QR code's alphanumeric mode holds it, reads the same.
        auto big = ur::decodeSinglePart(upper(text));
        QVERIFY(big.ok());
        QCOMPARE(big->cbor, cbor);
        if (o.contains(QLatin1String("psbt_hex"))) {
            const Bytes psbt = test::hex(o[QLatin1String("psbt_hex")].toString());
            auto back = ur::psbtFromUr(*u);
            QVERIFY(back.ok());
            QCOMPARE(*back, psbt);
            QVERIFY(bitcoin::Psbt::parse(*back).ok());
            QCOMPARE(ur::encodeSinglePart(ur::psbtUr(psbt, u->type == "crypto-psbt")), text);
            // The decoder for animated codes takes a single part as the whole.
            ur::UrDecoder d;
            auto outcome = d.receivePart(upper(text));
            QVERIFY(outcome.ok());
            QCOMPARE(*outcome, ur::UrDecoder::Outcome::Complete);
            QCOMPARE(d.result()->cbor, cbor);
        } else {
            QVERIFY(!ur::psbtFromUr(*u).ok()); // a seed is no PSBT
        }
        ++m_ur.passed;
    }
    // A tagged PSBT body (tag 310/40310 before the byte string) is read too.
    Bytes tagged;
    ur::cbor::appendHead(tagged, ur::cbor::Major::Tag, ur::cbor::kTagCryptoPsbt);
    ur::cbor::appendBytes(tagged, asBytes("psbt\xff"));
    auto t = ur::psbtFromUr(ur::Ur{"crypto-psbt", tagged});
    QVERIFY(t.ok());
    QCOMPARE(t->size(), size_t{5});
    Bytes otherTag;
    ur::cbor::appendHead(otherTag, ur::cbor::Major::Tag, 309);
    ur::cbor::appendBytes(otherTag, asBytes("psbt\xff"));
    QVERIFY(!ur::psbtFromUr(ur::Ur{"crypto-psbt", otherTag}).ok());
}

void TestEncodingVectors::urMultiPartIllustration()
{
    ++m_ur.total;
    const QJsonObject o = urVectors()[QLatin1String("ur_multi_part_illustration")].toObject();
    const std::string text = str(o[QLatin1String("ur")]);
    const Bytes partCbor = test::hex(o[QLatin1String("part_cbor_hex_decoded")].toString());
    const std::string body = text.substr(text.rfind('/') + 1);
    auto bytes = ur::bytewordsDecode(body, ur::BytewordsStyle::Minimal, 1000);
    QVERIFY(bytes.ok());
    QCOMPARE(*bytes, partCbor);
    auto part = ur::FountainPart::fromCbor(partCbor);
    QVERIFY(part.ok());
    QCOMPARE(part->seqNum, 1u);
    QCOMPARE(part->seqLen, size_t{3});
    QCOMPARE(part->messageLen, size_t{54});
    QCOMPARE(part->data.size(), size_t{18});
    QCOMPARE(part->toCbor(), partCbor);
    QCOMPARE(partUr("seed", *part), text);
    // One part of three: taken, not complete, and not a single-part UR.
    ur::UrDecoder d;
    auto outcome = d.receivePart(text);
    QVERIFY(outcome.ok());
    QCOMPARE(*outcome, ur::UrDecoder::Outcome::Accepted);
    QVERIFY(!d.isComplete());
    QCOMPARE(d.type(), std::string("seed"));
    QCOMPARE(d.expectedFragmentCount(), size_t{3});
    QCOMPARE(*d.receivePart(text), ur::UrDecoder::Outcome::Duplicate);
    QVERIFY(d.progress() > 0.3 && d.progress() < 0.4);
    QCOMPARE(ur::decodeSinglePart(text).code(), ErrorCode::BadMessage);
    ++m_ur.passed;
}

void TestEncodingVectors::urFountainParts()
{
    const QJsonObject f = urVectors()[QLatin1String("mur_fountain")].toObject()[QLatin1String("encoder")].toObject();
    const Bytes message = test::hex(f[QLatin1String("message_hex_derived")].toString());
    // makeMessage(256, "Wolf"): Xoshiro256** seeded with SHA-256("Wolf").
    ur::Xoshiro256 rng(std::string_view("Wolf"));
    QCOMPARE(test::qhex(rng.nextData(256)), test::qhex(message));
    const QJsonArray parts = f[QLatin1String("parts_cbor_hex")].toArray();
    const QJsonArray described = f[QLatin1String("parts_description")].toArray();
    ur::FountainEncoder enc(message, static_cast<size_t>(f[QLatin1String("max_fragment_len")].toInt()));
    QCOMPARE(enc.seqLen(), size_t{9});
    std::vector<ur::FountainPart> decoded;
    for (int i = 0; i < parts.size(); ++i) {
        ++m_ur.total;
        // Ours, byte for byte, and theirs decoded and written back byte for byte.
        const Bytes want = test::hex(parts[i].toString());
        QCOMPARE(test::qhex(enc.nextPart().toCbor()), test::qhex(want));
        auto p = ur::FountainPart::fromCbor(want);
        QVERIFY(p.ok());
        QCOMPARE(p->toCbor(), want);
        QVERIFY(described[i].toString().startsWith(QStringLiteral("seqNum:%1, seqLen:9, messageLen:256, checksum:23570951, data:%2")
                                                       .arg(i + 1)
                                                       .arg(test::qhex(p->data))));
        decoded.push_back(*p);
        ++m_ur.passed;
    }
    // The nine pure parts alone, last first.
    {
        ur::FountainDecoder d;
        for (int i = 8; i >= 0; --i) {
            auto r = d.receive(decoded[static_cast<size_t>(i)]);
            QVERIFY(r.ok());
            QCOMPARE(*r == ur::FountainDecoder::Outcome::Complete, i == 0);
        }
        QCOMPARE(*d.message(), message);
    }
    // Three pure parts missing (1, 4, 7): the mixed parts 10..20 stand in for them.
    {
        ur::FountainDecoder d;
        size_t used = 0;
        for (size_t i = 0; i < decoded.size() && !d.isComplete(); ++i) {
            if (i == 0 || i == 3 || i == 6)
                continue;
            QVERIFY(d.receive(decoded[i]).ok());
            ++used;
        }
        QVERIFY(d.isComplete());
        QCOMPARE(*d.message(), message);
        QVERIFY(used < 17);
    }
    // Only mixed parts, in reverse: not enough alone, but no false message either.
    {
        ur::FountainDecoder d;
        for (size_t i = decoded.size(); i-- > 9;)
            QVERIFY(d.receive(decoded[i]).ok());
        QVERIFY(!d.isComplete() || *d.message() == message);
    }
}

void TestEncodingVectors::urEncoderStrings()
{
    const QJsonObject v = test::loadJson("ur_encoder_vectors.json").object();
    const QJsonObject single = v[QLatin1String("single_part")].toObject();
    ++m_urEncoder.total;
    {
        ur::Xoshiro256 rng(std::string_view("Wolf"));
        const ur::Ur u = ur::bytesUr(rng.nextData(static_cast<size_t>(single[QLatin1String("message_len")].toInt())));
        QCOMPARE(ur::encodeSinglePart(u), str(single[QLatin1String("ur")]));
        ur::UrEncoder enc(u, 1000);
        QVERIFY(enc.isSinglePart());
        QCOMPARE(enc.nextPart(), str(single[QLatin1String("ur")]));
        auto back = ur::decodeSinglePart(str(single[QLatin1String("ur")]));
        QVERIFY(back.ok());
        QCOMPARE(*ur::bytesFromUr(*back), *ur::bytesFromUr(u));
    }
    ++m_urEncoder.passed;

    const QJsonObject multi = v[QLatin1String("multi_part")].toObject();
    ur::Xoshiro256 rng(std::string_view("Wolf"));
    const Bytes message = rng.nextData(static_cast<size_t>(multi[QLatin1String("message_len")].toInt()));
    ur::UrEncoder enc(ur::bytesUr(message), static_cast<size_t>(multi[QLatin1String("max_fragment_len")].toInt()));
    QCOMPARE(enc.seqLen(), size_t{9});
    const QJsonArray parts = multi[QLatin1String("parts")].toArray();
    for (const auto &p : parts) {
        ++m_urEncoder.total;
        const std::string want = str(p);
        QCOMPARE(enc.nextPart(), want);
        // Theirs decoded to a fountain part and written back, byte for byte.
        const std::string body = want.substr(want.rfind('/') + 1);
        auto cbor = ur::bytewordsDecode(body, ur::BytewordsStyle::Minimal, 1000);
        QVERIFY(cbor.ok());
        auto part = ur::FountainPart::fromCbor(*cbor);
        QVERIFY(part.ok());
        QCOMPARE(partUr("bytes", *part), want);
        ++m_urEncoder.passed;
    }
    // Their strings, upper case, mixed parts first and every third missing.
    ur::UrDecoder d;
    for (int i = parts.size(); i-- > 0;) {
        if (i % 3 == 0)
            continue;
        auto r = d.receivePart(upper(str(parts[i])));
        QVERIFY(r.ok());
        if (d.isComplete())
            break;
    }
    QVERIFY(d.isComplete());
    QCOMPARE(d.result()->type, std::string("bytes"));
    QCOMPARE(*ur::bytesFromUr(*d.result()), message);
}

void TestEncodingVectors::urPsbtOutOfOrderWithGaps()
{
    // The largest of BIP 174's valid PSBTs as an animated crypto-psbt (and psbt).
    Bytes psbt;
    for (const auto &v : test::loadJson("bip174_vectors.json").object()[QLatin1String("valid")].toArray()) {
        const Bytes b = test::hex(v.toObject()[QLatin1String("hex")].toString());
        if (b.size() > psbt.size())
            psbt = b;
    }
    QVERIFY(psbt.size() > 700);
    for (bool legacy : {true, false}) {
        ur::UrEncoder enc(ur::psbtUr(psbt, legacy), 60);
        const size_t seqLen = enc.seqLen();
        QVERIFY(seqLen >= 12);
        std::vector<std::string> sent;
        for (size_t i = 0; i < 3 * seqLen; ++i)
            sent.push_back(enc.nextPart());
        QVERIFY(sent.front().starts_with(legacy ? "ur:crypto-psbt/1-" : "ur:psbt/1-"));
        // A camera's view: frames out of order, a third of the pure parts never seen,
        // and some frames read twice.
        std::mt19937 shuffle(legacy ? 7 : 11);
        std::shuffle(sent.begin(), sent.end(), shuffle);
        std::vector<std::string> seen;
        for (size_t i = 0; i < sent.size(); ++i) {
            const bool pure = std::stoul(sent[i].substr(sent[i].find('/') + 1)) <= seqLen;
            if (pure && i % 3 == 0)
                continue;
            seen.push_back(sent[i]);
            if (i % 5 == 0)
                seen.push_back(sent[i]);
        }
        ur::UrDecoder d;
        size_t read = 0, duplicates = 0;
        for (const std::string &s : seen) {
            auto r = d.receivePart(s);
            QVERIFY(r.ok());
            ++read;
            duplicates += *r == ur::UrDecoder::Outcome::Duplicate;
            if (d.isComplete())
                break;
        }
        QVERIFY2(d.isComplete(), qPrintable(QStringLiteral("%1 frames read").arg(read)));
        QVERIFY(duplicates > 0);
        QCOMPARE(d.result()->type, std::string(legacy ? "crypto-psbt" : "psbt"));
        auto back = ur::psbtFromUr(*d.result());
        QVERIFY(back.ok());
        QCOMPARE(*back, psbt);
        QVERIFY(bitcoin::Psbt::parse(*back).ok());
        std::printf("ur: a %zu-byte PSBT in %zu fragments rebuilt from %zu frames (out of order, %zu repeated, pure parts missing)\n",
                    psbt.size(), seqLen, read, duplicates);
    }
}

void TestEncodingVectors::urHostileText()
{
    auto refused = [](const std::string &text) {
        ur::UrDecoder d;
        auto r = d.receivePart(text);
        return !r.ok() && !d.isComplete();
    };
    const ur::Ur u = ur::bytesUr(Bytes(300, 0x5a));
    ur::UrEncoder enc(u, 40);
    const std::string good = enc.nextPart();
    const std::string body = good.substr(good.rfind('/') + 1);
    for (const std::string &bad :
         {std::string(), std::string("ur:"), std::string("ur:bytes"), std::string("ur:bytes/"), std::string("UR:BYTES/1-8"),
          std::string("ur:by tes/") + body, std::string("ur:bytes/0-8/") + body, std::string("ur:bytes/1-0/") + body,
          std::string("ur:bytes/1-99999/") + body, std::string("ur:bytes/01-8/") + body, std::string("ur:bytes/1-8-3/") + body,
          std::string("ur:bytes/2-8/") + body, // the text says 2, the part says 1
          std::string("ur:bytes/1-8/x/") + body, std::string("ur:bytes/1-8/") + body.substr(2),
          std::string("ur:bytes/1-8/") + body + "ae", std::string("bitcoin:bc1q"), std::string("ur:bytes/1-18446744073709551617/ae")})
        QVERIFY2(refused(bad), bad.c_str());

    // Parts whose CBOR is valid bytewords but breaks the rules.
    auto partText = [](const Bytes &cbor, uint64_t n, uint64_t m) {
        return "ur:bytes/" + std::to_string(n) + "-" + std::to_string(m) + "/" + ur::bytewordsEncode(cbor, ur::BytewordsStyle::Minimal);
    };
    auto header = [](uint64_t n, uint64_t m, uint64_t len, uint64_t crc, size_t dataLen) {
        Bytes c;
        ur::cbor::appendHead(c, ur::cbor::Major::Array, 5);
        for (uint64_t x : {n, m, len, crc})
            ur::cbor::appendUnsigned(c, x);
        ur::cbor::appendBytes(c, Bytes(dataLen, 1));
        return c;
    };
    QVERIFY(!refused(partText(header(1, 2, 20, 5, 10), 1, 2))); // the well-formed one is taken
    QVERIFY(refused(partText(header(1, 3, 20, 5, 10), 1, 3)));  // seqLen is not ceil(20 / 10)
    QVERIFY(refused(partText(header(1, 4097, 4097, 5, 1), 1, 4097)));
    QVERIFY(refused(partText(header(1, 257, (1u << 20) + 1, 5, 4096), 1, 257)));
    QVERIFY(refused(partText(header(1, 1, 5000, 5, 5000), 1, 1)));
    QVERIFY(refused(partText(header(1, 1, 1, 1ull << 32, 1), 1, 1)));
    Bytes trailing = header(1, 2, 20, 5, 10);
    trailing.push_back(0);
    QVERIFY(refused(partText(trailing, 1, 2)));
    Bytes nonShortest = {0x85, 0x18, 0x01}; // 1 written in two bytes
    QVERIFY(refused(partText(nonShortest, 1, 2)));
    Bytes indefinite = {0x9f, 0x01, 0x02, 0xff};
    QVERIFY(refused(partText(indefinite, 1, 2)));
    Bytes hugeString = {0x85, 0x01, 0x02, 0x14, 0x05, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    QVERIFY(refused(partText(hugeString, 1, 2)));

    // A part of another message after the first: refused, the first kept.
    ur::UrDecoder d;
    QVERIFY(d.receivePart(good).ok());
    ur::UrEncoder other(ur::bytesUr(Bytes(300, 0x17)), 40);
    QCOMPARE(d.receivePart(other.nextPart()).code(), ErrorCode::BadMessage);
    QCOMPARE(d.receivePart("ur:psbt/1-8/" + body).code(), ErrorCode::BadMessage);
    QCOMPARE(d.receivePart(good).value(), ur::UrDecoder::Outcome::Duplicate);
    while (!d.isComplete())
        QVERIFY(d.receivePart(enc.nextPart()).ok());
    QCOMPARE(*ur::bytesFromUr(*d.result()), Bytes(300, 0x5a));

    // Consistent parts whose fragments do not make their checksum: refused, never a message.
    ur::FountainDecoder fd;
    for (uint32_t n = 1; n <= 2; ++n) {
        ur::FountainPart p{n, 2, 20, 12345, Bytes(10, static_cast<uint8_t>(n))};
        auto r = fd.receive(p);
        QCOMPARE(r.ok(), n == 1);
    }
    QVERIFY(!fd.isComplete());

    // Mutations of valid parts: every one is refused or taken, none crashes or completes wrongly.
    std::mt19937 rng(42);
    std::vector<std::string> valid;
    ur::UrEncoder e2(ur::bytesUr(Bytes(500, 0x33)), 50);
    for (int i = 0; i < 40; ++i)
        valid.push_back(e2.nextPart());
    ur::UrDecoder fuzzed;
    for (int i = 0; i < 20000; ++i) {
        std::string s = valid[rng() % valid.size()];
        const int edits = static_cast<int>(rng() % 4);
        for (int k = 0; k < edits && !s.empty(); ++k) {
            const size_t at = rng() % s.size();
            switch (rng() % 3) {
            case 0: s[at] = static_cast<char>("abcdefghijklmnopqrstuvwxyz0123456789/-:"[rng() % 39]); break;
            case 1: s.erase(at, 1); break;
            default: s.insert(at, 1, static_cast<char>('a' + rng() % 26)); break;
            }
        }
        (void)fuzzed.receivePart(s);
        if (fuzzed.isComplete())
            QCOMPARE(*ur::bytesFromUr(*fuzzed.result()), Bytes(500, 0x33));
    }
}

void TestEncodingVectors::urFountainMemoryBounded()
{
    // Well-formed parts of one message whose mixes are garbage, thousands of them:
    // what the decoder keeps stays within a small multiple of the message.
    const size_t seqLen = 64, fragLen = 100;
    ur::FountainDecoder d;
    std::mt19937 rng(3);
    for (uint32_t n = seqLen + 1; n < seqLen + 5000 && !d.isComplete(); ++n) {
        Bytes data(fragLen);
        for (auto &b : data)
            b = static_cast<uint8_t>(rng());
        auto r = d.receive(ur::FountainPart{n, seqLen, seqLen * fragLen, 777, data});
        if (!r.ok()) {
            QCOMPARE(r.code(), ErrorCode::InvalidChecksum); // rebuilt garbage: refused, never a message
            break;
        }
        QVERIFY(d.heldPartCount() <= 3 * seqLen + 16);
    }
    QVERIFY(!d.isComplete());

    // The largest animation taken (4,096 fragments of one byte), fed only mixes:
    // the fragment indexes they name stay bounded, and so does the work per part.
    const size_t big = ur::kMaxSeqLen;
    ur::FountainDecoder wide;
    size_t taken = 0;
    for (uint32_t n = big + 1; n < big + 3000; ++n) {
        auto r = wide.receive(ur::FountainPart{n, big, big, 99, Bytes{static_cast<uint8_t>(n)}});
        if (!r.ok())
            break;
        taken += *r == ur::FountainDecoder::Outcome::Accepted;
        QVERIFY(wide.heldIndexCount() <= 16 * big + 1024);
        QVERIFY(wide.heldPartCount() <= 3 * big + 16);
    }
    QVERIFY(taken > 100);
    std::printf("ur: 3,000 mixes of a 4,096-fragment animation: %zu kept, naming %zu fragment indexes\n", wide.heldPartCount(),
                wide.heldIndexCount());
}

void TestEncodingVectors::urMessageBundle()
{
    // Two messages' text forms (an ack-like and a larger one): bundled, unbundled, same text.
    auto messageText = [](uint8_t type, size_t extra) {
        Bytes m = {'S', 'P', 'W', 0x01, type};
        for (size_t i = 0; i < extra; ++i)
            m.push_back(static_cast<uint8_t>(i * 7));
        Bytes values;
        convertBits(values, m, 8, 5, true);
        return bech32Encode(Bech32Encoding::Bech32m, "spw", values);
    };
    const std::vector<std::string> texts = {messageText(2, 300), messageText(4, 900)};
    auto bundle = ur::bundleMessageTexts({texts[0], upper(texts[1])});
    QVERIFY(bundle.ok());
    QCOMPARE(bundle->size(), size_t{3 + 305 + 3 + 905});
    auto back = ur::messageTextsFromBundle(*bundle);
    QVERIFY(back.ok());
    QCOMPARE(*back, texts);
    // Through an animated ur:bytes and back.
    ur::UrEncoder enc(ur::bytesUr(*bundle), 200);
    ur::UrDecoder d;
    while (!d.isComplete())
        QVERIFY(d.receivePart(upper(enc.nextPart())).ok());
    QCOMPARE(*ur::messageTextsFromBundle(*ur::bytesFromUr(*d.result())), texts);

    QVERIFY(!ur::bundleMessageTexts({}).ok());
    QVERIFY(!ur::bundleMessageTexts({"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}).ok());
    QVERIFY(!ur::bundleMessageTexts(std::vector<std::string>(17, texts[0])).ok());
    QCOMPARE(ur::messageTextsFromBundle(Bytes{}).code(), ErrorCode::BadMessage);
    QCOMPARE(ur::messageTextsFromBundle(Bytes{5, 'N', 'O', 'P', 'E', 1}).code(), ErrorCode::BadMessage);
    Bytes cut = *bundle;
    cut.pop_back();
    QVERIFY(!ur::messageTextsFromBundle(cut).ok());

    // UR lines as pasted or saved (any order, blank lines, repeats) to the import text.
    ur::UrEncoder lines(ur::bytesUr(*bundle), 150);
    std::vector<std::string> parts;
    for (size_t i = 0; i < 2 * lines.seqLen(); ++i)
        parts.push_back(lines.nextPart());
    std::reverse(parts.begin(), parts.end());
    std::string pasted;
    for (size_t i = 0; i < parts.size(); i += (i % 3 == 0 ? 2 : 1))
        pasted += "  " + upper(parts[i]) + "\r\n\n";
    auto text = ur::importTextOfUrLines(pasted);
    QVERIFY(text.ok());
    QCOMPARE(*text, texts[0] + "\n" + texts[1]);
    QCOMPARE(ur::importTextOfUrLines(parts.front()).code(), ErrorCode::Truncated);
    QCOMPARE(ur::importTextOfUrLines("ur:bytes/xx").code(), ErrorCode::BadMessage);
    // A PSBT's import text is its base64; a seed is not for Spillway.
    auto psbt = ur::importTextOfUr(ur::psbtUr(asBytes("psbt\xff\x01\x02")));
    QVERIFY(psbt.ok());
    QCOMPARE(*psbt, std::string("cHNidP8BAg=="));
    QCOMPARE(ur::importTextOfUr(ur::Ur{"seed", Bytes{0xa0}}).code(), ErrorCode::BadMessage);
}

QTEST_GUILESS_MAIN(TestEncodingVectors)
#include "tst_encoding_vectors.moc"
