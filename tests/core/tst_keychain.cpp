// The wallet seed lives in the real OS keychain (run under dbus-run-session with
// an unlocked gnome-keyring, as scripts/test does) and nowhere on disk.
#include "TestData.h"

#include "bitcoin/Address.h"
#include "bitcoin/Bip32.h"
#include "bitcoin/Bip39.h"
#include "chain/ChainSettings.h"
#include "chain/LocalChain.h"
#include "store/SeedKeychain.h"
#include "wallet/SeedLock.h"
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
    void sealedSeedRoundTrip();
    void sealedSeedTampered();
    void walletPassword();
};

namespace {
SecretBytes secret(const char *text)
{
    return SecretBytes(asBytes(std::string_view(text)));
}
} // namespace

void TestKeychain::sealedSeedRoundTrip()
{
    // SeedLock alone, with a small N for speed (the header carries it).
    const SecretBytes seed(Bytes(64, 0x5a));
    auto key = wallet::SeedLock::newKey(secret("correct horse").view(), 12);
    QVERIFY(key.ok());
    auto blob = wallet::SeedLock::seal(seed.view(), *key);
    QVERIFY(blob.ok());
    QVERIFY(wallet::SeedLock::isSealed(*blob));
    QVERIFY(!wallet::SeedLock::isSealed(seed.view())); // an old, plain seed is not taken for a sealed one
    QCOMPARE(blob->size(), wallet::SeedLock::kHeaderSize + 64 + wallet::SeedLock::kTagSize);
    // The plain seed appears nowhere in the blob.
    QVERIFY(std::search(blob->begin(), blob->end(), seed.view().begin(), seed.view().begin() + 16) == blob->end());
    // The right password, from the blob's own salt and parameters: the same seed back.
    auto again = wallet::SeedLock::keyFor(*blob, secret("correct horse").view());
    QVERIFY(again.ok());
    auto opened = wallet::SeedLock::open(*blob, *again);
    QVERIFY(opened.ok());
    QVERIFY(std::equal(opened->view().begin(), opened->view().end(), seed.view().begin(), seed.view().end()));
    // Two seals of the same seed differ (fresh nonce), both open.
    auto blob2 = wallet::SeedLock::seal(seed.view(), *key);
    QVERIFY(*blob2 != *blob);
    QVERIFY(wallet::SeedLock::open(*blob2, *again).ok());
    // A wrong password is an error with its own code, never other bytes.
    QCOMPARE(wallet::SeedLock::keyFor(*blob, secret("correct horsf").view()).code(), ErrorCode::WrongPassword);
    QCOMPARE(wallet::SeedLock::keyFor(*blob, secret("").view()).code(), ErrorCode::WrongPassword);
    // A key of another salt does not fit: WRONG_PASSWORD, not garbage.
    auto other = wallet::SeedLock::newKey(secret("correct horse").view(), 12);
    QVERIFY(!wallet::SeedLock::fits(*blob, *other));
    QCOMPARE(wallet::SeedLock::open(*blob, *other).code(), ErrorCode::WrongPassword);
    QCOMPARE(wallet::SeedLock::newKey(secret("").view()).code(), ErrorCode::InvalidArgument);
}

void TestKeychain::sealedSeedTampered()
{
    const SecretBytes seed(Bytes(64, 0x33));
    auto key = wallet::SeedLock::newKey(secret("pw").view(), 12);
    auto blob = wallet::SeedLock::seal(seed.view(), *key);
    QVERIFY(blob.ok());
    // Every byte of the ciphertext and tag: the right password, a changed blob -> SEED_DAMAGED.
    for (size_t i = wallet::SeedLock::kHeaderSize; i < blob->size(); ++i) {
        Bytes t = *blob;
        t[i] ^= 0x01;
        auto k = wallet::SeedLock::keyFor(t, secret("pw").view());
        QVERIFY(k.ok());
        QCOMPARE(wallet::SeedLock::open(t, *k).code(), ErrorCode::SeedDamaged);
    }
    // The nonce and the length are bound as additional data.
    for (size_t i : {size_t(30), size_t(56)}) {
        Bytes t = *blob;
        t[i] ^= 0x01;
        QVERIFY(!wallet::SeedLock::open(t, *key).ok());
        QCOMPARE(wallet::SeedLock::open(t, *key).code(), ErrorCode::SeedDamaged);
    }
    // A changed salt or check reads as a wrong password (the check no longer matches).
    Bytes salt = *blob;
    salt[12] ^= 0x01;
    QCOMPARE(wallet::SeedLock::keyFor(salt, secret("pw").view()).code(), ErrorCode::WrongPassword);
    // An unknown version, parameters asking for a huge derivation, a cut blob: refused at once.
    Bytes version = *blob;
    version[7] = 9;
    QCOMPARE(wallet::SeedLock::keyFor(version, secret("pw").view()).code(), ErrorCode::SeedDamaged);
    Bytes huge = *blob;
    huge[8] = 30;
    QCOMPARE(wallet::SeedLock::keyFor(huge, secret("pw").view()).code(), ErrorCode::SeedDamaged);
    Bytes cut(blob->begin(), blob->end() - 1);
    QCOMPARE(wallet::SeedLock::keyFor(cut, secret("pw").view()).code(), ErrorCode::SeedDamaged);
}

void TestKeychain::walletPassword()
{
    // Through the wallet and the real keychain: set, lock, unlock, change, remove.
    const QString dataDir = m_dir.filePath(QStringLiteral("locked"));
    chain::LocalChain chain(m_dir.filePath(QStringLiteral("chain-locked.sqlite")));
    auto mnemonic = wallet::Wallet::create(dataDir, chain);
    QVERIFY(mnemonic.ok());
    auto w = wallet::Wallet::open(dataDir, chain);
    QVERIFY(w.ok());
    const QString id = (*w)->walletId();
    auto plainKey = (*w)->channelKey(3);
    QVERIFY(plainKey.ok());
    auto plainAddrKey = (*w)->keyForScript(*decodeAddress((*w)->newReceiveAddress()->toStdString(), chain.network()));
    QVERIFY(plainAddrKey.ok());
    QCOMPARE((*w)->hasPassword().value(), false);
    QVERIFY((*w)->changePassword({}, secret("s3cret")).ok());
    QCOMPARE((*w)->hasPassword().value(), true);
    // The keychain holds sealed blobs now, not the seed or the entropy.
    auto storedSeed = store::SeedKeychain::readBlocking(wallet::seedEntry(id));
    QVERIFY(wallet::SeedLock::isSealed(storedSeed->view()));
    QVERIFY(wallet::SeedLock::isSealed(store::SeedKeychain::readBlocking(wallet::phraseEntry(id))->view()));
    const SecretBytes seed = mnemonicToSeed(std::string_view(reinterpret_cast<const char *>(mnemonic->data()), mnemonic->size()));
    QVERIFY(std::search(storedSeed->view().begin(), storedSeed->view().end(), seed.view().begin(), seed.view().begin() + 16) ==
            storedSeed->view().end());

    // A fresh open: locked until the password is given; a wrong one keeps it locked.
    w->reset();
    auto locked = wallet::Wallet::open(dataDir, chain);
    QVERIFY(locked.ok());
    wallet::Wallet &l = **locked;
    QCOMPARE(l.channelKey(3).code(), ErrorCode::WalletLocked);
    QCOMPARE(l.recoveryPhrase().code(), ErrorCode::WalletLocked);
    QCOMPARE(l.unlock(secret("wrong")).code(), ErrorCode::WrongPassword);
    QVERIFY(!l.unlocked());
    QCOMPARE(l.channelKey(3).code(), ErrorCode::WalletLocked);
    // The watcher's mode: channel keys (and only they) without the password.
    l.allowWatchKey(true);
    auto watchKey = l.channelKey(3);
    QVERIFY(watchKey.ok());
    QVERIFY(std::ranges::equal(watchKey->bytes(), plainKey->bytes()));
    QCOMPARE(l.keyForScript(*decodeAddress(l.newReceiveAddress()->toStdString(), chain.network())).code(), ErrorCode::WalletLocked);
    l.allowWatchKey(false);
    QVERIFY(l.unlock(secret("s3cret")).ok());
    QVERIFY(l.unlocked());
    auto key = l.channelKey(3);
    QVERIFY(key.ok());
    QVERIFY(std::ranges::equal(key->bytes(), plainKey->bytes())); // the same keys as before the password
    // The phrase: the password every time, even unlocked.
    QCOMPARE(l.recoveryPhrase(secret("nope")).code(), ErrorCode::WrongPassword);
    auto words = l.recoveryPhrase(secret("s3cret"));
    QVERIFY(words.ok());
    QVERIFY(std::ranges::equal(words->view(), mnemonic->view()));

    // A password source (the CLI's file or prompt) asked once, when a key is first needed.
    locked->reset();
    auto viaSource = wallet::Wallet::open(dataDir, chain);
    int asked = 0;
    (*viaSource)->setPasswordSource([&]() -> Result<SecretBytes> { ++asked; return secret("s3cret"); });
    QCOMPARE(asked, 0);
    QVERIFY((*viaSource)->channelKey(1).ok());
    QVERIFY((*viaSource)->channelKey(2).ok());
    QCOMPARE(asked, 1);

    // Change: the old password no longer opens it; remove: plain again, old wallets' way.
    QCOMPARE((*viaSource)->changePassword(secret("bad"), secret("new")).code(), ErrorCode::WrongPassword);
    QVERIFY((*viaSource)->changePassword(secret("s3cret"), secret("n3w")).ok());
    viaSource->reset();
    auto changed = wallet::Wallet::open(dataDir, chain);
    QCOMPARE((*changed)->unlock(secret("s3cret")).code(), ErrorCode::WrongPassword);
    QVERIFY((*changed)->unlock(secret("n3w")).ok());
    QVERIFY((*changed)->changePassword(secret("n3w"), {}).ok());
    QCOMPARE((*changed)->hasPassword().value(), false);
    QCOMPARE(store::SeedKeychain::readBlocking(wallet::watchKeyEntry(id)).code(), ErrorCode::SeedNotFound);
    changed->reset();
    auto plainAgain = wallet::Wallet::open(dataDir, chain);
    QVERIFY(std::ranges::equal((*plainAgain)->channelKey(3)->bytes(), plainKey->bytes()));
    QVERIFY(std::ranges::equal((*plainAgain)->recoveryPhrase()->view(), mnemonic->view()));
}

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
