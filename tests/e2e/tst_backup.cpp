// Encrypted backups (docs/backup.md): the file's format and its refusals, the
// writer's lag bound, and the proof end to end: 1,000 payments sold over
// a socket by `serve` with a backup folder set, every data directory lost, the
// payee and the payer restored from phrase + backup in a fresh HOME with a fresh
// keychain (as on a new computer), the payee settling for exactly what was
// acknowledged and the payer refunded at expiry. No secret on disk.
#include "CliRunner.h"

#include "backup/BackupStores.h"
#include "backup/BackupWriter.h"
#include "bitcoin/Address.h"
#include "bitcoin/Bip32.h"
#include "bitcoin/Bip39.h"
#include "channel/ChannelSigning.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <csignal>

using namespace spillway;
using namespace spillway::test;
using namespace spillway::bitcoin;

namespace {

QString arg(const char *s)
{
    return QString::fromLatin1(s);
}

QString burnAddress()
{
    const auto spk = p2wpkh(PrivateKey::generate().publicKey().hash());
    return QString::fromStdString(*encodeAddress(spk, network(NetworkId::Local)));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs spillway-cli in its own HOME with its own keychain: a session bus and a
/// gnome-keyring of its own, its keyring file in that HOME (a new computer).
class FreshHome {
public:
    FreshHome(QString home, QString chainFile) : m_home(std::move(home)), m_chain(std::move(chainFile)) { QDir().mkpath(m_home); }
    CliResult run(const QString &dataDir, const QStringList &args, const QByteArray &stdinData = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/.cache"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("dbus-run-session"),
                QStringList{arg("--"), arg("bash"), arg("-c"),
                            arg("eval \"$(printf spillway-test | gnome-keyring-daemon --unlock --components=secrets)\" >/dev/null; "
                                "exec \"$@\""),
                            arg("bash"), QStringLiteral(SPILLWAY_CLI), arg("--chain"), m_chain, arg("--datadir"), dataDir} +
                    args);
        if (!p.waitForStarted(10000))
            return {};
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return CliResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QJsonObject json(const QString &dataDir, const QStringList &args) const
    {
        const CliResult r = run(dataDir, args + QStringList{arg("--json")});
        if (r.exitCode != 0)
            qWarning("spillway-cli %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return r.exitCode == 0 ? r.json() : QJsonObject{};
    }

private:
    QString m_home, m_chain;
};

/// A `serve` process that can die without warning (the lost disk).
struct Provider {
    QProcess process;
    ~Provider() { kill(); }
    bool start(const QString &chain, const QString &dataDir, const QString &offerFile, const QStringList &extra)
    {
        QFile::remove(offerFile);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(SPILLWAY_CLI), QStringList{arg("--chain"), chain, arg("--datadir"), dataDir, arg("serve"), arg("--out"),
                                                                 offerFile} + extra);
        return QTest::qWaitFor([&] { return QFileInfo(offerFile).size() > 0; }, 30000);
    }
    void kill()
    {
        if (process.state() == QProcess::NotRunning)
            return;
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished(10000);
    }
};

/// Every secret a wallet holds: the seed, the phrase, and the private keys of its
/// channels, offers, TLS identity, backup key and first addresses.
struct Secrets {
    std::vector<std::pair<std::string, Bytes>> items;

    Secrets(const std::string &mnemonic, const std::vector<uint32_t> &keyIndices)
    {
        const SecretBytes seed = mnemonicToSeed(mnemonic);
        items.push_back({"seed", Bytes(seed.data(), seed.data() + seed.size())});
        items.push_back({"mnemonic", Bytes(mnemonic.begin(), mnemonic.end())});
        auto entropy = mnemonicToEntropy(mnemonic);
        if (entropy)
            items.push_back({"entropy", Bytes(entropy->data(), entropy->data() + entropy->size())});
        const auto master = ExtendedPrivateKey::fromSeed(seed.view());
        std::vector<uint32_t> indices = keyIndices;
        indices.push_back(backup::kBackupKeyIndex);
        indices.push_back(0x7ffffffe); // the TLS identity's (transport/Seller.cpp)
        for (uint32_t i : indices) {
            auto k = master->derivePath({7377 | kHardened, 1 | kHardened, i | kHardened});
            items.push_back({"channel key " + std::to_string(i), Bytes(k->key.bytes().begin(), k->key.bytes().end())});
        }
        for (uint32_t chain : {0u, 1u})
            for (uint32_t i = 0; i < 25; ++i) {
                auto k = master->derivePath({84 | kHardened, 1 | kHardened, 0 | kHardened, chain, i});
                items.push_back({"address key " + std::to_string(chain) + "/" + std::to_string(i), Bytes(k->key.bytes().begin(), k->key.bytes().end())});
            }
        // Hex spellings too: a secret written as text is still on disk.
        const size_t raw = items.size();
        for (size_t i = 0; i < raw; ++i)
            if (items[i].first != "mnemonic") {
                const std::string hex = toHex(items[i].second);
                items.push_back({items[i].first + " (hex)", Bytes(hex.begin(), hex.end())});
            }
    }

    /// The names of the secrets found in `data` (empty: none).
    QStringList foundIn(const QByteArray &data) const
    {
        QStringList found;
        for (const auto &[name, bytes] : items)
            if (data.contains(QByteArrayView(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()))))
                found << QString::fromStdString(name);
        return found;
    }
    /// Every file under `dir` (and `dir` itself when it is a file), scanned whole.
    QStringList scan(const QString &path) const
    {
        QStringList hits;
        QStringList files;
        if (QFileInfo(path).isFile())
            files << path;
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        for (const QString &f : files)
            for (const QString &name : foundIn(readAll(f)))
                hits << f + QStringLiteral(": ") + name;
        return hits;
    }
};

struct Keys {
    PrivateKey payer = PrivateKey::generate();
    PrivateKey payee = PrivateKey::generate();
    channel::ChannelParams params;
    Keys()
    {
        params.network = NetworkId::Local;
        params.variant = channel::Variant::Cltv;
        params.funding = OutPoint{sha256(asBytes("backup test funding")), 1};
        params.capacity = Amount::fromSat(50'000'000);
        params.payerPub = payer.publicKey().bytes();
        params.payeePub = payee.publicKey().bytes();
        params.payeePayout = p2wpkh(PrivateKey::generate().publicKey().hash());
        params.payerRefund = p2wpkh(payer.publicKey().hash());
        params.expiry = 1000;
        params.commitFee = Amount::fromSat(500);
        params.refundFee = Amount::fromSat(400);
    }
};

store::ChannelRecord sampleRecord(const Keys &k)
{
    store::ChannelRecord rec;
    rec.params = k.params;
    rec.role = store::ChannelRole::Payee;
    rec.state = store::ChannelState::Open;
    rec.keyIndex = 7;
    rec.label = "backup \xe6\xb5\x8b\xe8\xaf\x95";
    rec.fundingTx = Bytes{1, 2, 3, 4, 5};
    rec.refundSig = CompactSignature{};
    (*rec.refundSig)[3] = 9;
    rec.seq = 42;
    rec.paid = 42'000;
    rec.payerSig[0] = 0x11;
    rec.settlementTx = Bytes(200, 0xab);
    rec.signedSeq = 42;
    rec.signedPaid = 42'000;
    rec.closingTxid[5] = 1;
    rec.closedHeight = 17;
    rec.finalPayee = 123;
    rec.finalPayer = 456;
    rec.created = 1'700'000'000;
    rec.updated = 1'700'000'100;
    return rec;
}

Result<backup::BackupKey> randomKey()
{
    return backup::BackupKey::fromSecret(PrivateKey::generate().bytes());
}

} // namespace

class TestBackup : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void fileRoundTripAndRefusals();
    void keyFromSeedIsTheWalletsPath();
    void lagIsAtMostOneCommit();
    void folderCommands();
    void restoreAfterLosingEveryDataDirectory();
    void labelsComeBackFromTheBackup();
};

void TestBackup::fileRoundTripAndRefusals()
{
    Keys k;
    backup::BackupContents c;
    c.network = NetworkId::Local;
    c.written = 1'800'000'000;
    c.channels.push_back(sampleRecord(k));
    store::ChannelRecord payer = sampleRecord(k);
    payer.role = store::ChannelRole::Payer;
    payer.refundSig.reset();
    payer.settlementTx.clear();
    payer.swept = true;
    payer.params.funding.index = 2;
    c.channels.push_back(payer);
    store::OfferRecord offer;
    offer.offer.payeePub = k.params.payeePub;
    offer.offer.payeePayout = k.params.payeePayout;
    offer.offer.label = "an offer";
    offer.keyIndex = 3;
    offer.created = 99;
    c.offers.push_back(offer);
    store::Purchase p;
    p.id = 5;
    p.channel = k.params.funding;
    p.file = "genome.bin";
    p.sha256 = std::string(64, 'a');
    p.chunks = 10;
    p.pricePerChunk = 100;
    p.start = 2000;
    p.state = store::PurchaseState::GivenUp;
    p.endedAt = 2500;
    p.created = 77;
    c.purchases.push_back(p);
    c.labels.push_back(store::Label{QStringLiteral("tx"), QStringLiteral("ab01"), QStringLiteral("rent 房租")});
    c.labels.push_back(store::Label{QStringLiteral("tx"), QStringLiteral("cd02"), QStringLiteral("coffee")});

    const Bytes plain = backup::encodeContents(c);
    auto back = backup::decodeContents(plain);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().describe().c_str());
    QCOMPARE(backup::encodeContents(*back), plain);
    QCOMPARE(back->channels.size(), size_t(2));
    const auto &r = back->channels[0];
    QVERIFY(r.params == k.params);
    QCOMPARE(r.seq, uint64_t(42));
    QCOMPARE(r.paid, int64_t(42'000));
    QVERIFY(r.refundSig && (*r.refundSig)[3] == 9);
    QCOMPARE(r.settlementTx, Bytes(200, 0xab));
    QCOMPARE(r.label, std::string("backup \xe6\xb5\x8b\xe8\xaf\x95"));
    QVERIFY(!back->channels[1].refundSig && back->channels[1].swept);
    QCOMPARE(back->offers[0].offer.label, std::string("an offer"));
    QCOMPARE(back->offers[0].keyIndex, 3u);
    QCOMPARE(back->purchases[0].endedAt, int64_t(2500));
    QCOMPARE(back->purchases[0].state, store::PurchaseState::GivenUp);
    QCOMPARE(back->labels.size(), size_t(2));
    QVERIFY(back->labels == c.labels);
    QCOMPARE(back->labels[0].label, QStringLiteral("rent 房租"));
    // A backup from before labels (contents version 1: no label section) still opens.
    backup::BackupContents old = c;
    old.labels.clear();
    Bytes v1 = backup::encodeContents(old);
    QCOMPARE(v1[0], uint8_t(2));
    QCOMPARE(v1.back(), uint8_t(0)); // the empty label count, the one thing version 2 adds
    v1[0] = 1;
    v1.pop_back();
    auto fromV1 = backup::decodeContents(v1);
    QVERIFY2(fromV1.ok(), fromV1.ok() ? "" : fromV1.error().describe().c_str());
    QCOMPARE(fromV1->channels.size(), size_t(2));
    QCOMPARE(fromV1->purchases.size(), size_t(1));
    QVERIFY(fromV1->labels.empty());
    QCOMPARE(backup::encodeContents(*fromV1), backup::encodeContents(old)); // read as 1, written as 2
    // A newer contents version is refused, not guessed at.
    Bytes v3 = plain;
    v3[0] = 3;
    QCOMPARE(backup::decodeContents(v3).code(), ErrorCode::BackupUnsupported);
    // Truncated plaintext never decodes.
    for (size_t cut = 0; cut < plain.size(); cut += 7)
        QVERIFY(!backup::decodeContents(ByteView(plain.data(), cut)).ok());

    auto key = randomKey();
    QVERIFY(key.ok());
    auto sealed = backup::sealContents(*key, c);
    QVERIFY(sealed.ok());
    auto again = backup::sealContents(*key, c);
    QVERIFY(again.ok());
    // A fresh nonce every time: the same contents never give the same file.
    QVERIFY(Bytes(sealed->begin() + 28, sealed->begin() + 40) != Bytes(again->begin() + 28, again->begin() + 40));
    QVERIFY(*sealed != *again);
    auto opened = backup::openContents(*key, *sealed);
    QVERIFY(opened.ok());
    QCOMPARE(backup::encodeContents(*opened), plain);
    // No byte of the file may change unnoticed: every position, refused with a BACKUP_ code.
    int damaged = 0, wrongPhrase = 0, unsupported = 0;
    for (size_t i = 0; i < sealed->size(); ++i) {
        Bytes bad = *sealed;
        bad[i] ^= static_cast<uint8_t>(1u << (i % 8));
        auto refused = backup::openContents(*key, bad);
        QVERIFY2(!refused.ok(), qPrintable(QStringLiteral("byte %1 changed and accepted").arg(i)));
        const ErrorCode code = refused.error().code;
        QVERIFY(code == ErrorCode::BackupDamaged || code == ErrorCode::BackupWrongPhrase || code == ErrorCode::BackupUnsupported);
        damaged += code == ErrorCode::BackupDamaged;
        wrongPhrase += code == ErrorCode::BackupWrongPhrase;
        unsupported += code == ErrorCode::BackupUnsupported;
    }
    QCOMPARE(wrongPhrase, 16);  // the key id
    QCOMPARE(unsupported, 10);  // magic, version, cipher
    QCOMPARE(damaged, static_cast<int>(sealed->size()) - 26);
    // Cut short, or another key.
    QCOMPARE(backup::openContents(*key, ByteView(sealed->data(), sealed->size() - 1)).code(), ErrorCode::BackupDamaged);
    QCOMPARE(backup::openContents(*key, ByteView(sealed->data(), 30)).code(), ErrorCode::BackupDamaged);
    QCOMPARE(backup::openContents(*randomKey(), *sealed).code(), ErrorCode::BackupWrongPhrase);
    QCOMPARE(backup::openContents(*key, asBytes("SQLite format 3")).code(), ErrorCode::BackupUnsupported);
    // The sentences a user reads.
    QVERIFY(QString::fromStdString(makeError(ErrorCode::BackupDamaged).describe()).contains(QLatin1String("damaged or was changed")));
    QVERIFY(QString::fromStdString(makeError(ErrorCode::BackupWrongPhrase).describe()).contains(QLatin1String("another recovery phrase")));
}

void TestBackup::keyFromSeedIsTheWalletsPath()
{
    const std::string phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    const SecretBytes seed = mnemonicToSeed(phrase);
    auto k = backup::BackupKey::fromSeed(seed.view(), network(NetworkId::Local));
    QVERIFY(k.ok());
    auto node = ExtendedPrivateKey::fromSeed(seed.view())->derivePath({7377 | kHardened, 1 | kHardened, 0x7ffffffd | kHardened});
    auto direct = backup::BackupKey::fromSecret(node->key.bytes());
    QCOMPARE(k->id(), direct->id());
    QVERIFY(std::equal(k->key().begin(), k->key().end(), direct->key().begin()));
    // Another network, another key; the key is not the BIP 32 secret itself.
    auto main = backup::BackupKey::fromSeed(seed.view(), network(NetworkId::Main));
    QVERIFY(main->id() != k->id());
    QVERIFY(!std::equal(k->key().begin(), k->key().end(), node->key.bytes().begin()));
    QVERIFY(k->fileName(NetworkId::Local).startsWith(QLatin1String("spillway-local-")));
}

void TestBackup::lagIsAtMostOneCommit()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("lag"));
    const QString folder = m_dir.filePath(QStringLiteral("lag-backups"));
    QVERIFY(QDir().mkpath(folder));
    Keys k;
    auto key = randomKey();
    QVERIFY(key.ok());
    QVERIFY((backup::BackupSettings{folder, key->fileName(NetworkId::Local)}.save(dataDir).ok()));
    store::ChannelStore st;
    QVERIFY(st.open(dataDir).ok());
    const QString file = QDir(folder).filePath(key->fileName(NetworkId::Local));
    auto paidInBackup = [&]() -> int64_t {
        auto c = backup::readBackupFile(file, *key);
        return c && !c->channels.empty() ? c->channels[0].paid : -1;
    };
    {
        backup::BackupWriter writer(dataDir, NetworkId::Local, [&key]() -> Result<backup::BackupKey> { return *key; });
        writer.attach(st);
        store::ChannelRecord rec = sampleRecord(k);
        rec.seq = 0;
        rec.paid = 0;
        QVERIFY(st.insert(rec).ok());
        int64_t previous = 0;
        int lagged = 0;
        // Group commits of 5 payments, as the server makes them: once one returns,
        // the backup holds at least the state of the commit before it.
        for (int i = 1; i <= 200; ++i) {
            std::vector<store::ChannelRecord> batch;
            for (int j = 0; j < 5; ++j) {
                rec.seq += 1;
                rec.paid += 1000;
                batch.push_back(rec);
            }
            QVERIFY(st.updateMany(batch).ok());
            rec.version = batch.back().version;
            const int64_t inBackup = paidInBackup();
            QVERIFY2(inBackup >= previous, qPrintable(QStringLiteral("commit %1: backup %2, previous commit %3").arg(i).arg(inBackup).arg(previous)));
            lagged += inBackup < rec.paid;
            previous = rec.paid;
        }
        QVERIFY(writer.written() >= 1);
        QVERIFY(writer.lastStatus().ok());
        std::printf("lag: 200 group commits, %d backups written, %d read before their own commit's backup\n", writer.written(), lagged);
    }
    // The writer's end writes what was still owed.
    QCOMPARE(paidInBackup(), int64_t(200 * 5 * 1000));
    // No temporary file is left beside it.
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // A folder that is gone (a file stands in its place, so that root is stopped too):
    // the failure is said once, commits go on.
    const QString gone = m_dir.filePath(QStringLiteral("lag-gone"));
    QFile stone(gone);
    QVERIFY(stone.open(QIODevice::WriteOnly));
    stone.close();
    QVERIFY((backup::BackupSettings{gone, key->fileName(NetworkId::Local)}.save(dataDir).ok()));
    QVERIFY(!backup::backupStatus(dataDir).folderWritable);
    backup::BackupWriter writer(dataDir, NetworkId::Local, [&key]() -> Result<backup::BackupKey> { return *key; });
    int failures = 0;
    writer.setFailureObserver([&failures](const Error &) { ++failures; });
    writer.attach(st);
    store::ChannelRecord rec = *(*st.find(k.params.funding));
    for (int i = 0; i < 5; ++i) {
        rec.seq += 1;
        rec.paid += 1000;
        QVERIFY(st.update(rec, true).ok());
    }
    QCOMPARE(writer.writeNow().code(), ErrorCode::BackupFailed);
    QCOMPARE(failures, 1);
    QCOMPARE(writer.written(), 0);
    QCOMPARE(paidInBackup(), int64_t(200 * 5 * 1000)); // the old backup stays as it was
}

void TestBackup::folderCommands()
{
    const QString chain = m_dir.filePath(QStringLiteral("folder-chain.sqlite"));
    CliRunner w(chain, m_dir.filePath(QStringLiteral("folder-wallet")));
    QVERIFY(!w.json({arg("wallet"), arg("create")}).isEmpty());
    QJsonObject o = w.json({arg("backup"), arg("folder")});
    QCOMPARE(o.value(QLatin1String("folder")).toString(), QString());
    QVERIFY(o.value(QLatin1String("last_written")).isNull());
    CliResult r = w.run({arg("backup"), arg("now")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("BACKUP_FAILED") && r.err.contains("no backup folder is set"), r.err.constData());
    const QString folder = m_dir.filePath(QStringLiteral("folder-backups"));
    o = w.json({arg("backup"), arg("folder"), folder});
    QCOMPARE(o.value(QLatin1String("folder")).toString(), folder);
    QVERIFY(o.value(QLatin1String("writable")).toBool());
    const QString file = o.value(QLatin1String("file")).toString();
    QVERIFY(QFile::exists(file)); // the first one is written at once
    QVERIFY(!o.value(QLatin1String("last_written")).toString().isEmpty());
    // An offer is a durable change: the file is rewritten with it.
    const QDateTime before = QFileInfo(file).lastModified();
    QTest::qWait(20);
    QCOMPARE(w.run({arg("channel"), arg("offer")}).exitCode, 0);
    QVERIFY(QFileInfo(file).lastModified() > before);
    QCOMPARE(w.json({arg("backup"), arg("folder")}).value(QLatin1String("file")).toString(), file);
    // A folder that cannot be made is refused in words and changes nothing.
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    r = w.run({arg("backup"), arg("folder"), blocker.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("BACKUP_FAILED"), r.err.constData());
    QCOMPARE(w.json({arg("backup"), arg("folder")}).value(QLatin1String("folder")).toString(), folder);
    o = w.json({arg("backup"), arg("off")});
    QCOMPARE(o.value(QLatin1String("folder")).toString(), QString());
}

void TestBackup::restoreAfterLosingEveryDataDirectory()
{
    const QString base = m_dir.filePath(QStringLiteral("loss"));
    QVERIFY(QDir().mkpath(base));
    const QString chain = base + QStringLiteral("/chain.sqlite");
    const QString payerDir = base + QStringLiteral("/payer"), payeeDir = base + QStringLiteral("/payee"),
                  vanishingDir = base + QStringLiteral("/vanishing-payee");
    const QString folder = base + QStringLiteral("/backups"); // one folder shared by the three wallets
    CliRunner payer(chain, payerDir), payee(chain, payeeDir), vanishing(chain, vanishingDir);
    const QString payerWords = payer.json({arg("wallet"), arg("create")}).value(QLatin1String("mnemonic")).toString();
    const QString payeeWords = payee.json({arg("wallet"), arg("create")}).value(QLatin1String("mnemonic")).toString();
    QVERIFY(!payerWords.isEmpty() && !payeeWords.isEmpty());
    QVERIFY(!vanishing.json({arg("wallet"), arg("create")}).isEmpty());
    payer.run({arg("chain"), arg("mine"), arg("101")});
    const QString payerFile = payer.json({arg("backup"), arg("folder"), folder}).value(QLatin1String("file")).toString();
    const QString payeeFile = payee.json({arg("backup"), arg("folder"), folder}).value(QLatin1String("file")).toString();
    QVERIFY(!vanishing.json({arg("backup"), arg("folder"), folder}).isEmpty());
    QVERIFY(!payerFile.isEmpty() && !payeeFile.isEmpty() && payerFile != payeeFile);

    // 1,000 pieces of 1 KiB at 1,000 sat each: 1,000 payments, pipelined over the socket.
    const QString files = base + QStringLiteral("/files");
    QVERIFY(QDir().mkpath(files));
    {
        QFile f(files + QStringLiteral("/pieces.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray data(1000 * 1024, '\0');
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        f.write(data);
    }
    const QStringList sell{arg("--dir"), files, arg("--price-per-mib"), arg("1024000"), arg("--chunk-kib"), arg("1"), arg("--mine-every"), arg("1")};
    auto buy = [&](const QString &offer, int expiryBlocks) {
        return payer.run({arg("buy"), arg("pieces.bin"), arg("--offer"), offer, arg("--out"), offer + QStringLiteral(".got"), arg("--lead"),
                          arg("16"), arg("--expiry-blocks"), QString::number(expiryBlocks), arg("--json")});
    };
    // The payee who will vanish for good: the payer's refund must still come at expiry.
    QString refundChannel;
    {
        Provider p;
        QVERIFY(p.start(chain, vanishingDir, base + QStringLiteral("/offer-vanishing.spw"), sell));
        const CliResult r = buy(base + QStringLiteral("/offer-vanishing.spw"), 150);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(satField(r.json(), "paid_sat"), 1'000'000);
        refundChannel = r.json().value(QLatin1String("channel")).toString();
    }
    QString channelId;
    {
        Provider p;
        QVERIFY(p.start(chain, payeeDir, base + QStringLiteral("/offer.spw"), sell));
        const CliResult r = buy(base + QStringLiteral("/offer.spw"), 400);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(satField(r.json(), "paid_sat"), 1'000'000);
        channelId = r.json().value(QLatin1String("channel")).toString();
        // The serving process's backup catches up with its last group commit on its own (the
        // process is then killed, as a dying disk would leave it: no orderly exit).
        auto payeeKey = backup::BackupKey::fromSeed(mnemonicToSeed(payeeWords.toStdString()).view(), network(NetworkId::Local));
        QVERIFY(payeeKey.ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto c = backup::readBackupFile(payeeFile, *payeeKey);
                return c && c->channels.size() == 1 && c->channels[0].paid == 1'000'000;
            }(),
            10000);
    }
    const QJsonObject paid = payer.json({arg("channel"), arg("show"), channelId});
    const qint64 acknowledged = satField(paid, "acknowledged_sat");
    QCOMPARE(acknowledged, 1'000'000);
    QCOMPARE(satField(paid, "sequence"), 1000);

    // No secret in the backups nor anywhere in the data directories.
    auto keyIndices = [](const QString &file, const QString &words) {
        std::vector<uint32_t> out;
        auto key = backup::BackupKey::fromSeed(mnemonicToSeed(words.toStdString()).view(), network(NetworkId::Local));
        auto c = backup::readBackupFile(file, *key);
        if (c) {
            for (const auto &r : c->channels)
                out.push_back(r.keyIndex);
            for (const auto &o : c->offers)
                out.push_back(o.keyIndex);
        }
        return out;
    };
    const std::vector<uint32_t> payerKeys = keyIndices(payerFile, payerWords), payeeKeys = keyIndices(payeeFile, payeeWords);
    QCOMPARE(payerKeys.size(), size_t(2));  // two channels
    QCOMPARE(payeeKeys.size(), size_t(2));  // its offer and its channel
    const Secrets payerSecrets(payerWords.toStdString(), payerKeys), payeeSecrets(payeeWords.toStdString(), payeeKeys);
    // The scan finds what it looks for (a scan that cannot fail proves nothing).
    QVERIFY(payerSecrets.foundIn(payerWords.toUtf8()).contains(QLatin1String("mnemonic")));
    QVERIFY(payeeSecrets.foundIn(QByteArray("x") + QByteArray::fromStdString(toHex(payeeSecrets.items[0].second)))
                .contains(QLatin1String("seed (hex)")));
    for (const QString &path : {payerDir, payerFile})
        QVERIFY2(payerSecrets.scan(path).isEmpty(), qPrintable(payerSecrets.scan(path).join(QLatin1Char('\n'))));
    for (const QString &path : {payeeDir, payeeFile})
        QVERIFY2(payeeSecrets.scan(path).isEmpty(), qPrintable(payeeSecrets.scan(path).join(QLatin1Char('\n'))));

    // Every data directory is lost.
    for (const QString &d : {payerDir, payeeDir, vanishingDir})
        QVERIFY(QDir(d).removeRecursively());

    // Damaged backups and the wrong phrase are refused in words, and nothing is written.
    const FreshHome stranger(base + QStringLiteral("/home-stranger"), chain);
    const QByteArray good = readAll(payerFile);
    const QString badFile = base + QStringLiteral("/damaged.backup");
    for (const qsizetype at : {qsizetype(0), qsizetype(9), qsizetype(15), qsizetype(33), qsizetype(40), good.size() / 2, good.size() - 1}) {
        QByteArray bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        QFile f(badFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bad);
        f.close();
        const QString target = base + QStringLiteral("/refused");
        const CliResult r = stranger.run(target, {arg("wallet"), arg("restore"), arg("--backup"), badFile}, payerWords.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("BACKUP_") && (r.err.contains("nothing was restored") || r.err.contains("not a Spillway backup")),
                 r.err.constData());
        QVERIFY(!QFileInfo::exists(target));
    }
    CliResult wrong = stranger.run(base + QStringLiteral("/refused"), {arg("wallet"), arg("restore"), arg("--backup"), payerFile},
                                   payeeWords.toUtf8() + '\n');
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("BACKUP_WRONG_PHRASE: This backup was made with another recovery phrase"), wrong.err.constData());
    QVERIFY(!QFileInfo::exists(base + QStringLiteral("/refused")));

    // The payee on a new computer: phrase + backup, then it settles for exactly what was acknowledged.
    const FreshHome payeeHome(base + QStringLiteral("/home-payee"), chain);
    const QString payeeDir2 = base + QStringLiteral("/payee-restored");
    CliResult r = payeeHome.run(payeeDir2, {arg("wallet"), arg("restore"), arg("--backup"), payeeFile, arg("--json")}, payeeWords.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("channels_restored")).toInt(), 1);
    QCOMPARE(r.json().value(QLatin1String("offers_restored")).toInt(), 1);
    QVERIFY(r.json().value(QLatin1String("purchases_restored")).toInt() >= 1);
    QJsonObject shown = payeeHome.json(payeeDir2, {arg("channel"), arg("show"), channelId});
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("open"));
    QCOMPARE(satField(shown, "acknowledged_sat"), acknowledged);
    QCOMPARE(satField(shown, "sequence"), 1000);
    r = payeeHome.run(payeeDir2, {arg("channel"), arg("settle"), channelId});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    payer.run({arg("chain"), arg("mine"), arg("1"), arg("--to"), burnAddress()});
    shown = payeeHome.json(payeeDir2, {arg("channel"), arg("show"), channelId});
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    QCOMPARE(satField(shown, "final_payee_sat"), acknowledged);
    // Its backups carry on in the same folder, under the same name.
    QCOMPARE(payeeHome.json(payeeDir2, {arg("backup"), arg("folder")}).value(QLatin1String("file")).toString(), payeeFile);

    // The payer on a new computer: the settled channel is recognised as settled
    // (closed meanwhile), and the vanished payee's channel is refunded at expiry.
    const FreshHome payerHome(base + QStringLiteral("/home-payer"), chain);
    const QString payerDir2 = base + QStringLiteral("/payer-restored");
    r = payerHome.run(payerDir2, {arg("wallet"), arg("restore"), arg("--backup"), payerFile, arg("--json")}, payerWords.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("channels_restored")).toInt(), 2);
    shown = payerHome.json(payerDir2, {arg("channel"), arg("show"), channelId});
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    QCOMPARE(satField(shown, "final_payee_sat"), acknowledged);
    QJsonObject refund = payerHome.json(payerDir2, {arg("channel"), arg("show"), refundChannel});
    QCOMPARE(refund.value(QLatin1String("state")).toString(), QStringLiteral("open"));
    QCOMPARE(satField(refund, "acknowledged_sat"), 1'000'000);
    const qint64 toExpiry = satField(refund, "blocks_to_expiry");
    QVERIFY(toExpiry > 0);
    payer.run({arg("chain"), arg("mine"), QString::number(toExpiry), arg("--to"), burnAddress()});
    r = payerHome.run(payerDir2, {arg("channel"), arg("watch")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    payer.run({arg("chain"), arg("mine"), arg("1"), arg("--to"), burnAddress()});
    refund = payerHome.json(payerDir2, {arg("channel"), arg("show"), refundChannel});
    QCOMPARE(refund.value(QLatin1String("state")).toString(), QStringLiteral("refunded"));
    QCOMPARE(satField(refund, "final_payer_sat"), satField(refund, "capacity_sat") - satField(refund, "refund_fee_sat"));

    // The restored wallets keep no secret on disk either.
    QVERIFY2(payerSecrets.scan(payerDir2).isEmpty(), qPrintable(payerSecrets.scan(payerDir2).join(QLatin1Char('\n'))));
    QVERIFY2(payeeSecrets.scan(payeeDir2).isEmpty(), qPrintable(payeeSecrets.scan(payeeDir2).join(QLatin1Char('\n'))));
    QVERIFY2(payerSecrets.scan(folder).isEmpty() && payeeSecrets.scan(folder).isEmpty(), "a secret in the backup folder");
}

void TestBackup::labelsComeBackFromTheBackup()
{
    const QString base = m_dir.filePath(QStringLiteral("labels"));
    QVERIFY(QDir().mkpath(base));
    const QString chain = base + QStringLiteral("/chain.sqlite"), dataDir = base + QStringLiteral("/wallet");
    CliRunner w(chain, dataDir);
    const QString words = w.json({arg("wallet"), arg("create")}).value(QLatin1String("mnemonic")).toString();
    QVERIFY(!words.isEmpty());
    const QString file = w.json({arg("backup"), arg("folder"), base + QStringLiteral("/backups")}).value(QLatin1String("file")).toString();
    QVERIFY(QFile::exists(file));
    // Labels as the window's history keeps them (labels.sqlite), then a backup.
    const std::vector<store::Label> labels{{QStringLiteral("tx"), QStringLiteral("11aa"), QStringLiteral("salary")},
                                           {QStringLiteral("tx"), QStringLiteral("22bb"), QStringLiteral("房租 March")}};
    {
        store::LabelStore store;
        QVERIFY(store.open(dataDir).ok());
        for (const auto &l : labels)
            QVERIFY(store.set(l.kind, l.id, l.label).ok());
    }
    auto key = backup::BackupKey::fromSeed(mnemonicToSeed(words.toStdString()).view(), network(NetworkId::Local));
    QVERIFY(key.ok());
    QVERIFY(backup::readBackupFile(file, *key)->labels.empty()); // written before the labels
    QCOMPARE(w.run({arg("backup"), arg("now")}).exitCode, 0);
    auto written = backup::readBackupFile(file, *key);
    QVERIFY(written.ok());
    QVERIFY(written->labels == labels);

    // A new computer: the phrase and the file bring the labels back; a label the restored
    // wallet already has is kept, and a second restore adds nothing twice.
    QVERIFY(QDir(dataDir).removeRecursively());
    const FreshHome home(base + QStringLiteral("/home"), chain);
    const QString restoredDir = base + QStringLiteral("/restored");
    {
        store::LabelStore early;
        QVERIFY(early.open(restoredDir).ok());
        QVERIFY(early.set(QStringLiteral("tx"), QStringLiteral("11aa"), QStringLiteral("newer word")).ok());
    }
    const CliResult r = home.run(restoredDir, {arg("wallet"), arg("restore"), arg("--backup"), file, arg("--json")}, words.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QLatin1String("labels_restored")).toInt(), 1);
    store::LabelStore back;
    QVERIFY(back.open(restoredDir).ok());
    auto all = back.all(QStringLiteral("tx"));
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->value(QStringLiteral("11aa")), QStringLiteral("newer word"));
    QCOMPARE(all->value(QStringLiteral("22bb")), QStringLiteral("房租 March"));
    backup::ImportSummary again;
    {
        store::ChannelStore channels;
        store::PurchaseStore purchases;
        QVERIFY(channels.open(restoredDir).ok() && purchases.open(restoredDir).ok());
        auto imported = backup::importContents(*written, channels, purchases, back);
        QVERIFY(imported.ok());
        again = *imported;
    }
    QCOMPARE(again.labels, 0);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
