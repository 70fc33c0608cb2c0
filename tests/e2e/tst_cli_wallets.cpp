// Two wallets in two data directories on one local chain file, driven through
// spillway-cli in separate processes, with the real OS keychain.
#include "CliRunner.h"

#include "bitcoin/Address.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;

namespace {

constexpr qint64 kCoin = 100'000'000;

QString burnAddress()
{
    const auto spk = bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash());
    return QString::fromStdString(*bitcoin::encodeAddress(spk, bitcoin::network(bitcoin::NetworkId::Local)));
}

qint64 total(const QJsonObject &b)
{
    return satField(b, "confirmed_sat") + satField(b, "unconfirmed_sat") + satField(b, "immature_sat");
}

} // namespace

class TestCliWallets : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void twoWalletsPayEachOther();
    void noKeychainMeansAClearError();
    void concurrentProcessesOnOneChain();
    void bumpFeeAndChildPaysForParent();
    void walletPasswordSetChangeRemove();
};

void TestCliWallets::walletPasswordSetChangeRemove()
{
    const QString chainFile = m_dir.filePath(QStringLiteral("chain-password.sqlite"));
    CliRunner a(chainFile, m_dir.filePath(QStringLiteral("locked")));
    auto file = [&](const char *name, const QByteArray &text) {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return path;
    };
    const QString pw1 = file("pw1", "first secret\n"), pw2 = file("pw2", "second secret"), wrong = file("pw-wrong", "first secreT\n");
    const QStringList send{QStringLiteral("wallet"), QStringLiteral("send"), burnAddress(), QStringLiteral("10000"), QStringLiteral("--json")};
    QVERIFY(!a.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    QVERIFY(!a.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")}).isEmpty());
    // Each send waits for a block first (its change confirmed), so that only the password decides.
    auto run = [&](const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment()) {
        if (args.value(1) == QLatin1String("send"))
            a.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1"), QStringLiteral("--to"), burnAddress()});
        return a.run(args, {}, env);
    };

    // Nothing to change or remove yet.
    QCOMPARE(a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("remove")}).exitCode, 1);
    const CliResult set = a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("set"), QStringLiteral("--new-password-file"), pw1, QStringLiteral("--json")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    QCOMPARE(set.json().value(QLatin1String("password")).toBool(), true);
    const CliResult twice = a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("set"), QStringLiteral("--new-password-file"), pw2});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY(twice.err.startsWith("INVALID_ARGUMENT"));

    // Reading needs no key: no password asked. Spending does: locked without one (no
    // terminal here to ask on), refused with a wrong one, sent with the right one.
    const qint64 before = total(a.json({QStringLiteral("wallet"), QStringLiteral("balance")}));
    QVERIFY(before > 0);
    const CliResult locked = run(send);
    QCOMPARE(locked.exitCode, 1);
    QVERIFY2(locked.err.startsWith("WALLET_LOCKED"), locked.err.constData());
    const CliResult bad = run(QStringList(send) << QStringLiteral("--password-file") << wrong);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.startsWith("WRONG_PASSWORD"), bad.err.constData());
    QCOMPARE(total(a.json({QStringLiteral("wallet"), QStringLiteral("balance")})), before); // nothing left
    const CliResult good = run(QStringList(send) << QStringLiteral("--password-file") << pw1);
    QVERIFY2(good.exitCode == 0, good.err.constData());
    QVERIFY(satField(good.json(), "fee_sat") > 0);
    // The environment variable, for scripts.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPILLWAY_WALLET_PASSWORD"), QStringLiteral("first secret"));
    QCOMPARE(run(send, env).exitCode, 0);
    env.insert(QStringLiteral("SPILLWAY_WALLET_PASSWORD"), QStringLiteral("first"));
    const CliResult envBad = run(send, env);
    QVERIFY2(envBad.err.startsWith("WRONG_PASSWORD"), envBad.err.constData());

    // The background watcher runs without the password (the channel key kept for it).
    const CliResult watch = a.run({QStringLiteral("channel"), QStringLiteral("watch"), QStringLiteral("--json")});
    QVERIFY2(watch.exitCode == 0, watch.err.constData());

    // Change: the old password is refused from then on, the new one works.
    const CliResult changeBad = a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("change"), QStringLiteral("--password-file"), wrong,
                                       QStringLiteral("--new-password-file"), pw2});
    QVERIFY(changeBad.err.startsWith("WRONG_PASSWORD"));
    const CliResult change = a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("change"), QStringLiteral("--password-file"), pw1,
                                    QStringLiteral("--new-password-file"), pw2});
    QVERIFY2(change.exitCode == 0, change.err.constData());
    QVERIFY(run(QStringList(send) << QStringLiteral("--password-file") << pw1).err.startsWith("WRONG_PASSWORD"));
    QCOMPARE(run(QStringList(send) << QStringLiteral("--password-file") << pw2).exitCode, 0);

    // Remove: back to a plain seed, nothing asked.
    QVERIFY(a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("remove")}).err.startsWith("WALLET_LOCKED"));
    const CliResult removed = a.run({QStringLiteral("wallet"), QStringLiteral("password"), QStringLiteral("remove"), QStringLiteral("--password-file"), pw2});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    const CliResult plain = run(send);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
}

void TestCliWallets::twoWalletsPayEachOther()
{
    const QString chainFile = m_dir.filePath(QStringLiteral("chain.sqlite"));
    CliRunner a(chainFile, m_dir.filePath(QStringLiteral("a"))), b(chainFile, m_dir.filePath(QStringLiteral("b")));

    const QJsonObject createdA = a.json({QStringLiteral("wallet"), QStringLiteral("create")});
    const QString mnemonicA = createdA.value(QLatin1String("mnemonic")).toString();
    QCOMPARE(mnemonicA.split(QLatin1Char(' ')).size(), 24);
    QVERIFY(!b.json({QStringLiteral("wallet"), QStringLiteral("create"), QStringLiteral("--words"), QStringLiteral("12")}).isEmpty());
    const CliResult again = b.run({QStringLiteral("wallet"), QStringLiteral("create")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.startsWith("WALLET_EXISTS"));

    QCOMPARE(a.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")}).value(QLatin1String("height")).toInt(), 101);
    QJsonObject balA = a.json({QStringLiteral("wallet"), QStringLiteral("balance")});
    QCOMPARE(satField(balA, "confirmed_sat"), 2 * 50 * kCoin); // blocks 1 and 2 are mature at 101
    QCOMPARE(satField(balA, "immature_sat"), 99 * 50 * kCoin);
    QCOMPARE(satField(balA, "unconfirmed_sat"), 0);

    const QString addrB = b.json({QStringLiteral("wallet"), QStringLiteral("address")}).value(QLatin1String("address")).toString();
    QVERIFY(addrB.startsWith(QLatin1String("bcrt1q")));
    const qint64 amount = 150'000'000;
    const QJsonObject sent = a.json({QStringLiteral("wallet"), QStringLiteral("send"), addrB, QString::number(amount)});
    const qint64 fee = satField(sent, "fee_sat");
    // 1 P2WPKH input, 2 P2WPKH outputs at the local chain's 2 sat/vB: (11 + 68 + 31 + 31) vB.
    QCOMPARE(fee, (2000 * (11 + 68 + 31 + 31) + 999) / 1000);
    QCOMPARE(satField(sent, "change_sat"), 50 * kCoin - amount - fee);

    const QJsonObject afterA = a.json({QStringLiteral("wallet"), QStringLiteral("balance")});
    QCOMPARE(total(afterA), total(balA) - amount - fee);
    QCOMPARE(satField(afterA, "unconfirmed_sat"), 50 * kCoin - amount - fee);
    QCOMPARE(satField(b.json({QStringLiteral("wallet"), QStringLiteral("balance")}), "unconfirmed_sat"), amount);

    QVERIFY(!a.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1"), QStringLiteral("--to"), burnAddress()}).isEmpty());
    const QJsonObject balB = b.json({QStringLiteral("wallet"), QStringLiteral("balance")});
    QCOMPARE(satField(balB, "confirmed_sat"), amount);
    QCOMPARE(satField(balB, "unconfirmed_sat"), 0);
    const QJsonObject finalA = a.json({QStringLiteral("wallet"), QStringLiteral("balance")});
    QCOMPARE(satField(finalA, "confirmed_sat"), 2 * 50 * kCoin + 50 * kCoin - amount - fee); // block 3 matured at 102
    QCOMPARE(total(finalA), total(balA) - amount - fee);

    const QJsonArray histB = b.json({QStringLiteral("wallet"), QStringLiteral("history")}).value(QLatin1String("history")).toArray();
    QCOMPARE(histB.size(), 1);
    QCOMPARE(histB[0].toObject().value(QLatin1String("kind")).toString(), QStringLiteral("receive"));
    QCOMPARE(satField(histB[0].toObject(), "amount_sat"), amount);
    QCOMPARE(histB[0].toObject().value(QLatin1String("height")).toInt(), 102);
    const QJsonArray histA = a.json({QStringLiteral("wallet"), QStringLiteral("history")}).value(QLatin1String("history")).toArray();
    bool sawSend = false;
    for (const auto &h : histA) {
        const QJsonObject o = h.toObject();
        if (o.value(QLatin1String("kind")).toString() == QLatin1String("send")) {
            sawSend = true;
            QCOMPARE(satField(o, "amount_sat"), -amount);
            QCOMPARE(satField(o, "fee_sat"), fee);
            QCOMPARE(o.value(QLatin1String("txid")).toString(), sent.value(QLatin1String("txid")).toString());
        }
    }
    QVERIFY(sawSend);

    // Readable errors, and nothing changes.
    const CliResult wrongNet = a.run({QStringLiteral("wallet"), QStringLiteral("send"),
                                      QStringLiteral("bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu"), QStringLiteral("1000")});
    QCOMPARE(wrongNet.exitCode, 1);
    QVERIFY2(wrongNet.err.startsWith("WRONG_NETWORK"), wrongNet.err.constData());
    const CliResult tooMuch = a.run({QStringLiteral("wallet"), QStringLiteral("send"), addrB, QStringLiteral("10000btc")});
    QCOMPARE(tooMuch.exitCode, 1);
    QVERIFY2(tooMuch.err.startsWith("INSUFFICIENT_FUNDS"), tooMuch.err.constData());
    QCOMPARE(a.json({QStringLiteral("wallet"), QStringLiteral("balance")}), finalA);

    // The recovery phrase alone restores the coins in another data directory.
    CliResult restored = CliRunner(chainFile, m_dir.filePath(QStringLiteral("a2")))
                             .run({QStringLiteral("wallet"), QStringLiteral("restore")}, mnemonicA.toUtf8() + "\n");
    QCOMPARE(restored.exitCode, 0);
    QVERIFY(!restored.out.contains(mnemonicA.toUtf8())); // never echoed
    QCOMPARE(total(CliRunner(chainFile, m_dir.filePath(QStringLiteral("a2"))).json({QStringLiteral("wallet"), QStringLiteral("balance")})),
             total(finalA));
    const CliResult badPhrase = CliRunner(chainFile, m_dir.filePath(QStringLiteral("a3")))
                                    .run({QStringLiteral("wallet"), QStringLiteral("restore")}, "abandon abandon zoo\n");
    QCOMPARE(badPhrase.exitCode, 1);
    QVERIFY(badPhrase.err.startsWith("INVALID_MNEMONIC"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("a3/wallet.sqlite"))));

    QVERIFY(!a.json({QStringLiteral("chain"), QStringLiteral("check")}).isEmpty());
}

void TestCliWallets::noKeychainMeansAClearError()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/spillway-no-bus"));
    CliRunner c(m_dir.filePath(QStringLiteral("chain-nokeys.sqlite")), m_dir.filePath(QStringLiteral("nokeys")));
    const CliResult r = c.run({QStringLiteral("wallet"), QStringLiteral("create")}, {}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("KEYCHAIN_UNAVAILABLE"), r.err.constData());
    QVERIFY(r.err.contains("gnome-keyring"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nokeys/wallet.sqlite"))));
}

void TestCliWallets::concurrentProcessesOnOneChain()
{
    // Two processes at once on one chain file, each sending to the other and mining.
    const QString chainFile = m_dir.filePath(QStringLiteral("busy.sqlite"));
    CliRunner c(chainFile, m_dir.filePath(QStringLiteral("c"))), d(chainFile, m_dir.filePath(QStringLiteral("d")));
    QVERIFY(!c.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    QVERIFY(!d.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    // d mines first, then c: both end up with mature coins to spend.
    QVERIFY(!d.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("20")}).isEmpty());
    QVERIFY(!c.json({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("100")}).isEmpty());
    const int premined = 120;
    const QString addrC = c.json({QStringLiteral("wallet"), QStringLiteral("address")}).value(QLatin1String("address")).toString();
    const QString addrD = d.json({QStringLiteral("wallet"), QStringLiteral("address")}).value(QLatin1String("address")).toString();

    const int rounds = 8;
    auto script = [&](const CliRunner &who, const QString &to) {
        return QStringLiteral("for i in $(seq %1); do \"%2\" --chain \"%3\" --datadir \"%4\" --json wallet send %5 %6 || exit 1; "
                              "\"%2\" --chain \"%3\" --datadir \"%4\" --json chain mine 1 >/dev/null || exit 1; done")
            .arg(rounds)
            .arg(QStringLiteral(SPILLWAY_CLI), chainFile, who.dataDir(), to)
            .arg(10'000);
    };
    QProcess p1, p2;
    p1.start(QStringLiteral("bash"), {QStringLiteral("-c"), script(c, addrD)});
    p2.start(QStringLiteral("bash"), {QStringLiteral("-c"), script(d, addrC)});
    QVERIFY(p1.waitForFinished(300000));
    QVERIFY(p2.waitForFinished(300000));
    QCOMPARE(p1.exitCode(), 0);
    QCOMPARE(p2.exitCode(), 0);

    // Every reported txid is in the chain, each once.
    QStringList txids;
    for (QProcess *p : {&p1, &p2}) {
        const QList<QByteArray> docs = p->readAllStandardOutput().split('}');
        for (const QByteArray &chunk : docs) {
            const QJsonObject o = QJsonDocument::fromJson(chunk + '}').object();
            if (o.contains(QLatin1String("txid")))
                txids << o.value(QLatin1String("txid")).toString();
        }
    }
    QCOMPARE(txids.size(), 2 * rounds);
    QCOMPARE(QSet<QString>(txids.begin(), txids.end()).size(), 2 * rounds);

    const QJsonObject info = c.json({QStringLiteral("chain"), QStringLiteral("info")});
    const int height = premined + 2 * rounds;
    QCOMPARE(info.value(QLatin1String("height")).toInt(), height);
    QVERIFY(!c.json({QStringLiteral("chain"), QStringLiteral("check")}).isEmpty());
    // No satoshi created or lost: all coins are subsidies, fees went to the miners (c and d).
    const qint64 all = total(c.json({QStringLiteral("wallet"), QStringLiteral("balance")})) +
                       total(d.json({QStringLiteral("wallet"), QStringLiteral("balance")}));
    qint64 subsidies = 0;
    for (int h = 1; h <= height; ++h)
        subsidies += (50 * kCoin) >> (h / 150); // regtest halving
    QCOMPARE(all, subsidies);
    const QJsonArray hist = c.json({QStringLiteral("wallet"), QStringLiteral("history")}).value(QLatin1String("history")).toArray();
    int sends = 0;
    for (const auto &h : hist)
        if (h.toObject().value(QLatin1String("kind")).toString() == QLatin1String("send")) {
            ++sends;
            QVERIFY(h.toObject().value(QLatin1String("height")).toInt() > 0);
        }
    QCOMPARE(sends, rounds);
}

void TestCliWallets::bumpFeeAndChildPaysForParent()
{
    // "Bump fee" and "Child pays for parent" on a congested local chain (blocks take 5 sat/vB
    // and more): our send at 2 sat/vB waits until replaced (RBF), the recipient pays the same;
    // a receive at 2 sat/vB waits until the receiver's child pays for both (CPFP).
    const QString chainFile = m_dir.filePath(QStringLiteral("bump-chain.sqlite"));
    auto arg = [](const char *s) { return QString::fromLatin1(s); };
    CliRunner a(chainFile, m_dir.filePath(QStringLiteral("bump-a"))), b(chainFile, m_dir.filePath(QStringLiteral("bump-b")));
    QVERIFY(!a.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!b.json({arg("wallet"), arg("create")}).isEmpty());
    QCOMPARE(a.run({arg("chain"), arg("mine"), arg("101")}).exitCode, 0);
    QCOMPARE(a.run({arg("chain"), arg("policy"), arg("--min-feerate"), arg("5")}).exitCode, 0);
    const QString addrB = b.json({arg("wallet"), arg("address")}).value(QLatin1String("address")).toString();
    const qint64 before = total(a.json({arg("wallet"), arg("balance")}));
    const QJsonObject sent = a.json({arg("wallet"), arg("send"), addrB, arg("1000000"), arg("--fee-rate"), arg("2")});
    const QString first = sent.value(QLatin1String("txid")).toString();
    QVERIFY(!first.isEmpty());
    QCOMPARE(a.run({arg("chain"), arg("mine"), arg("1"), arg("--to"), burnAddress()}).exitCode, 0);
    QCOMPARE(satField(b.json({arg("wallet"), arg("balance")}), "unconfirmed_sat"), 1'000'000); // left out of the block
    const QJsonObject bumped = a.json({arg("wallet"), arg("bump"), first, arg("--fee-rate"), arg("8")});
    QCOMPARE(bumped.value(QLatin1String("method")).toString(), arg("rbf"));
    const QString second = bumped.value(QLatin1String("txid")).toString();
    QVERIFY(!second.isEmpty() && second != first);
    QVERIFY(bumped.value(QLatin1String("fee_rate_sat_per_kvb")).toInteger() >= 8'000);
    // The original is gone from the history, the replacement stands in its place.
    const QJsonArray history = a.json({arg("wallet"), arg("history")}).value(QLatin1String("history")).toArray();
    bool sawFirst = false, sawSecond = false;
    for (const QJsonValue &row : history) {
        sawFirst |= row.toObject().value(QLatin1String("txid")).toString() == first;
        sawSecond |= row.toObject().value(QLatin1String("txid")).toString() == second;
    }
    QVERIFY(!sawFirst && sawSecond);
    QCOMPARE(a.run({arg("chain"), arg("mine"), arg("1"), arg("--to"), burnAddress()}).exitCode, 0);
    QCOMPARE(satField(b.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 1'000'000);
    // The sender paid the amount and the replacement's fee, nothing of the original twice.
    QCOMPARE(total(a.json({arg("wallet"), arg("balance")})), before - 1'000'000 - satField(bumped, "fee_sat"));
    // Asked again: confirmed, nothing to bump.
    QCOMPARE(a.run({arg("wallet"), arg("bump"), second}).exitCode, 1);

    // A receive that waits: the receiver's child pays for both.
    const QString addrB2 = b.json({arg("wallet"), arg("address")}).value(QLatin1String("address")).toString();
    const QString incoming = a.json({arg("wallet"), arg("send"), addrB2, arg("500000"), arg("--fee-rate"), arg("2")}).value(QLatin1String("txid")).toString();
    QVERIFY(!incoming.isEmpty());
    const QJsonObject child = b.json({arg("wallet"), arg("bump"), incoming, arg("--fee-rate"), arg("10")});
    QCOMPARE(child.value(QLatin1String("method")).toString(), arg("cpfp"));
    QVERIFY(child.value(QLatin1String("fee_rate_sat_per_kvb")).toInteger() >= 10'000);
    const qint64 childFee = satField(child, "fee_sat");
    QCOMPARE(a.run({arg("chain"), arg("mine"), arg("1"), arg("--to"), burnAddress()}).exitCode, 0);
    const QJsonObject balB = b.json({arg("wallet"), arg("balance")});
    QCOMPARE(satField(balB, "confirmed_sat"), 1'000'000 + 500'000 - childFee);
    QCOMPARE(satField(balB, "unconfirmed_sat"), 0);
    // A fee reserve: sends leave it in confirmed coins; a bump child may still spend it.
    QCOMPARE(satField(b.json({arg("wallet"), arg("reserve"), arg("1000000")}), "fee_reserve_sat"), 1'000'000);
    const CliResult blocked = b.run({arg("wallet"), arg("send"), burnAddress(), arg("600000")});
    QCOMPARE(blocked.exitCode, 1);
    QVERIFY2(blocked.err.startsWith("INSUFFICIENT_FUNDS") && blocked.err.contains("reserve"), blocked.err.constData());
    QCOMPARE(satField(b.json({arg("wallet"), arg("reserve"), arg("400000")}), "fee_reserve_sat"), 400'000);
    QCOMPARE(b.run({arg("wallet"), arg("send"), burnAddress(), arg("100000")}).exitCode, 0); // the other coin stays
    QCOMPARE(satField(b.json({arg("wallet"), arg("reserve"), arg("0")}), "fee_reserve_sat"), 0);
    // Not ours at all: said plainly.
    const CliResult unknown = b.run({arg("wallet"), arg("bump"), QString(64, QLatin1Char('a'))});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.startsWith("NOT_FOUND"), unknown.err.constData());
}

QTEST_GUILESS_MAIN(TestCliWallets)
#include "tst_cli_wallets.moc"
