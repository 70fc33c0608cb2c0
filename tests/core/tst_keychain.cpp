// The wallet seed lives in the real OS keychain (run under dbus-run-session with
// an unlocked gnome-keyring, as scripts/test does) and nowhere on disk.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Bip32.h"
#include "bitcoin/Bip39.h"
#include "chain/ChainSettings.h"
#include "chain/LocalChain.h"
#include "store/SeedKeychain.h"
#include "wallet/Wallet.h"

#include <QDirIterator>
#include <QSettings>
#include <QTemporaryDir>
#include <QUuid>

using namespace spillway;
using namespace spillway::bitcoin;

class TestKeychain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void seedRoundTrip();
    void asyncRead();
    void noSecretOnDisk();
    void rpcPasswordNeverInSettings();
};

void TestKeychain::rpcPasswordNeverInSettings()
{
    // A URL typed with user:password@ keeps its user, loses its password on the way to disk.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    chain::ChainSettings c;
    c.network = NetworkId::Regtest;
    c.rpc.url = QUrl(QStringLiteral("http://alice:hunter2-secret@127.0.0.1:18443/"));
    const chain::ChainSettings moved = chain::withoutUrlCredentials(c);
    QCOMPARE(moved.rpc.user, QStringLiteral("alice"));
    QCOMPARE(moved.rpc.password, QStringLiteral("hunter2-secret"));
    QCOMPARE(moved.rpc.url.toString(), QStringLiteral("http://127.0.0.1:18443/"));
    chain::saveChainSettings(c);
    QSettings().sync();
    const QString file = QSettings().fileName();
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    const QByteArray written = f.readAll();
    QVERIFY(written.contains("alice"));
    QVERIFY2(!written.contains("hunter2-secret"), written.constData());
    const chain::ChainSettings back = chain::savedChainSettings();
    QCOMPARE(back.rpc.user, QStringLiteral("alice"));
    QVERIFY(back.rpc.password.isEmpty());
    QCOMPARE(back.rpc.url.toString(), QStringLiteral("http://127.0.0.1:18443/"));
}

void TestKeychain::seedRoundTrip()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretBytes seed(64);
    for (size_t i = 0; i < 64; ++i)
        seed[i] = static_cast<uint8_t>(i * 7 + 3);
    const Status w = store::SeedKeychain::writeBlocking(id, seed);
    QVERIFY2(w.ok(), w.ok() ? "" : w.error().describe().c_str());
    auto back = store::SeedKeychain::readBlocking(id);
    QVERIFY(back.ok());
    QCOMPARE(Bytes(back->view().begin(), back->view().end()), Bytes(seed.view().begin(), seed.view().end()));
    QVERIFY(store::SeedKeychain::removeBlocking(id).ok());
    QCOMPARE(store::SeedKeychain::readBlocking(id).code(), ErrorCode::SeedNotFound);
}

void TestKeychain::asyncRead()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(store::SeedKeychain::writeBlocking(id, SecretBytes(Bytes(32, 0x42))).ok());
    bool done = false;
    Bytes got;
    store::SeedKeychain::read(id, this, [&](Result<SecretBytes> r) {
        done = true;
        if (r)
            got.assign(r->view().begin(), r->view().end());
    });
    QTRY_VERIFY(done);
    QCOMPARE(got, Bytes(32, 0x42));
    QVERIFY(store::SeedKeychain::removeBlocking(id).ok());
}

void TestKeychain::noSecretOnDisk()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("wallet"));
    chain::LocalChain chain(m_dir.filePath(QStringLiteral("chain.sqlite")));
    auto mnemonic = wallet::Wallet::create(dataDir, chain);
    QVERIFY2(mnemonic.ok(), mnemonic.ok() ? "" : mnemonic.error().describe().c_str());
    const std::string words(mnemonic->view().begin(), mnemonic->view().end());
    auto w = wallet::Wallet::open(dataDir, chain);
    QVERIFY(w.ok());
    // Exercise the wallet so that every table is written.
    QVERIFY((*w)->newReceiveAddress().ok());
    auto addr = (*w)->newReceiveAddress();
    QVERIFY(chain.mine(101, *decodeAddress(addr->toStdString(), chain.network())).result().ok());
    QVERIFY((*w)->sync().ok());
    QVERIFY((*w)->send(*(*w)->newReceiveAddress(), Amount::fromSat(50'000)).ok());
    auto channelKey = (*w)->channelKey(0);
    QVERIFY(channelKey.ok());

    // Every secret a leak could expose.
    const SecretBytes seed = mnemonicToSeed(words);
    auto master = ExtendedPrivateKey::fromSeed(seed.view());
    QVERIFY(master.ok());
    std::vector<Bytes> secrets{Bytes(seed.view().begin(), seed.view().end()), Bytes(words.begin(), words.end()),
                               Bytes(master->key.bytes().begin(), master->key.bytes().end()),
                               Bytes(channelKey->bytes().begin(), channelKey->bytes().end())};
    auto entropy = mnemonicToEntropy(words);
    secrets.emplace_back(entropy->view().begin(), entropy->view().end());
    const std::string firstWord = words.substr(0, words.find(' ')) + " " + words.substr(words.find(' ') + 1, 4);
    secrets.emplace_back(firstWord.begin(), firstWord.end());
    for (uint32_t change : {0u, 1u})
        for (uint32_t i = 0; i < 5; ++i) {
            auto k = master->derivePath(bip84Path(chain.network(), 0, change, i));
            secrets.emplace_back(k->key.bytes().begin(), k->key.bytes().end());
        }
    // ... and their hex forms.
    const size_t binaryCount = secrets.size();
    for (size_t i = 0; i < binaryCount; ++i) {
        const std::string hexText = toHex(secrets[i]);
        secrets.emplace_back(hexText.begin(), hexText.end());
    }

    (*w).reset(); // flush and close the database
    int files = 0;
    QDirIterator it(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        for (const auto &s : secrets) {
            const QByteArray needle(reinterpret_cast<const char *>(s.data()), static_cast<qsizetype>(s.size()));
            QVERIFY2(!content.contains(needle), qPrintable(QStringLiteral("secret found in %1").arg(f.fileName())));
        }
    }
    QVERIFY(files >= 1);
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
