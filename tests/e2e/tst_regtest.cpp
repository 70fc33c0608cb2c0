// The Bitcoin Core RPC backend against a real regtest node that nobody here
// wrote: bcoin from npm (SPILLWAY_TEST_NODE=bcoin), or Bitcoin Core itself
// when SPILLWAY_BITCOIND names a bitcoind (SPILLWAY_TEST_NODE=bitcoind; the
// whole suite reports itself skipped when it does not). Wallets and channels
// are driven through spillway-cli processes (each command a fresh start of
// Spillway that resumes from the node); the node's own verdicts on a refund
// before expiry and a corrupted commitment go through the backend in-process.
#include "CliRunner.h"
#include "RegtestNode.h"

#include "bitcoin/Address.h"
#include "bitcoin/Block.h"
#include "bitcoin/Opcodes.h"
#include "bitcoin/Sighash.h"
#include "chain/CoreRpcBackend.h"
#include "chain/LocalChain.h"
#include "chain/LocalChainDb.h"
#include "channel/ChannelEngine.h"
#include "channel/PayerSweep.h"
#include "store/ChannelStore.h"
#include "wallet/Wallet.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "services/WalletService.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace spillway;
using namespace spillway::test;
using spillway::channel::Variant;

Q_DECLARE_METATYPE(spillway::channel::Variant)

namespace {

QString burnAddress()
{
    const auto spk = bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash());
    return QString::fromStdString(*bitcoin::encodeAddress(spk, bitcoin::network(bitcoin::NetworkId::Regtest)));
}

QString arg(const char *s)
{
    return QString::fromLatin1(s);
}

/// One data directory's wallet, store and engine in this process, on the node,
/// beside the CLI's processes: to hand the node what Spillway itself would not.
struct InProcess {
    chain::CoreRpcBackend backend;
    std::unique_ptr<wallet::Wallet> wallet;
    store::ChannelStore store;
    std::unique_ptr<channel::ChannelEngine> engine;

    explicit InProcess(const chain::RpcEndpoint &node) : backend({node, bitcoin::NetworkId::Regtest, 0}) {}
    bool open(const QString &dataDir)
    {
        auto w = wallet::Wallet::open(dataDir, backend);
        if (!w || !store.open(dataDir).ok())
            return false;
        wallet = std::move(*w);
        engine = std::make_unique<channel::ChannelEngine>(*wallet, backend, store);
        return true;
    }
};

} // namespace

class TestRegtest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    RegtestNode m_node;
    std::unique_ptr<chain::RpcClient> m_rpc;
    int m_case = 0;

    struct Pair {
        QString dir;
        CliRunner payer, payee;
        QString file(const char *name) const { return dir + QLatin1Char('/') + QLatin1String(name); }
    };
    Pair makePair(const char *name)
    {
        const QString dir = m_dir.filePath(QStringLiteral("%1%2").arg(QLatin1String(name)).arg(++m_case));
        QDir().mkpath(dir);
        return Pair{dir, CliRunner(m_node.cliArgs(), dir + QStringLiteral("/payer")),
                    CliRunner(m_node.cliArgs(), dir + QStringLiteral("/payee"))};
    }
    QJsonValue rpc(const char *method, const QJsonArray &params = {})
    {
        auto r = m_rpc->call(QString::fromLatin1(method), params);
        if (!r || r->failed) {
            qWarning("%s failed: %s", method, r ? qPrintable(r->errorMessage) : r.error().describe().c_str());
            return {};
        }
        return r->result;
    }
    void mine(int n) { rpc("generatetoaddress", {n, burnAddress()}); }
    int height() { return rpc("getblockcount").toInt(); }
    QString openChannel(Pair &p, Variant variant, int capacity, int expiryBlocks);
    QString mirrorInto(chain::LocalChainDb &db);
    bitcoin::TxOut coreOutput(const bitcoin::OutPoint &op);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectionErrors();
    void walletReceivesAndSends();
    void lifecycle_data();
    void lifecycle();
    void refundJudgedByNode_data() { lifecycle_data(); }
    void refundJudgedByNode();
    void corruptedCommitmentRejected();
    void refundReplacesAnUnconfirmedSettlement();
    void settlementAndChildAsAPackage();
    void settlementBumpedByCpfp();
    void stuckSettlementBumpedByTheWatcher();
    void stuckRefundAndFundingBumpedByTheWatcher();
    void fullMempoolTakesTheSettlementAsAPackage();
    void stalledNodeMakesThePayeeSettleEarly();
    void rejectReasonsMatchLocalChain();
    void reorgRollsBackAndResumes();
    void fundingDoubleSpentByAReorg();
    // Before the 2,000 blocks of resumesWithoutRescan: rewards halve every 150 blocks on
    // regtest and are 0 sat from height 4,950 on (these need a reward to spend).
    void desktopWalletOnTheNode();
    void userRunCheckedByCore();
    void resumesWithoutRescan();
    void utxoSetFastPathOnCore();
    void settingsTestConnection();
    void nodeRestartsAndIsBusy();
};

void TestRegtest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // This process's own calls to the node, one method a line (read by utxoSetFastPathOnCore).
    qputenv("SPILLWAY_RPC_LOG", m_dir.filePath(QStringLiteral("in-process-rpc.log")).toUtf8());
    const QString which = qEnvironmentVariable("SPILLWAY_TEST_NODE", QStringLiteral("bcoin"));
    const auto kind = which == QLatin1String("bitcoind") ? RegtestNode::Kind::Bitcoind : RegtestNode::Kind::Bcoin;
    if (kind == RegtestNode::Kind::Bitcoind && qEnvironmentVariableIsEmpty("SPILLWAY_BITCOIND"))
        QSKIP("SPILLWAY_BITCOIND is not set: no Bitcoin Core to test against (this suite is skipped, not passed)");
    const QString why = m_node.start(kind, m_dir.filePath(QStringLiteral("node")));
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_rpc = std::make_unique<chain::RpcClient>(m_node.endpoint());
    qInfo("regtest node: %s on port %d", qPrintable(m_node.name()), m_node.port());
}

void TestRegtest::cleanupTestCase()
{
    m_rpc.reset();
    m_node.stop();
}

void TestRegtest::connectionErrors()
{
    const QString dir = m_dir.filePath(QStringLiteral("errors"));
    // Wrong password.
    CliRunner wrongAuth({arg("--network"), arg("regtest"), arg("--rpc-url"), m_node.endpoint().url.toString(), arg("--rpc-user"),
                         arg("nobody"), arg("--rpc-password"), arg("wrong")},
                        dir);
    CliResult r = wrongAuth.run({arg("chain"), arg("info")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("RPC_AUTH_FAILED"), r.err.constData());
    // Nobody listening.
    CliRunner nobody({arg("--network"), arg("regtest"), arg("--rpc-url"),
                      QStringLiteral("http://127.0.0.1:%1/").arg(RegtestNode::freePort()), arg("--rpc-user"), arg("u"),
                      arg("--rpc-password"), arg("p"), arg("--rpc-timeout"), arg("3")},
                     dir);
    r = nobody.run({arg("chain"), arg("info")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("CHAIN_UNAVAILABLE"), r.err.constData());
    // A signet wallet pointed at a regtest node.
    QStringList signet = m_node.cliArgs();
    signet[1] = arg("signet");
    r = CliRunner(signet, dir).run({arg("chain"), arg("info")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("WRONG_NETWORK"), r.err.constData());
    // And the right settings say what they found.
    const QJsonObject info = CliRunner(m_node.cliArgs(), dir).json({arg("chain"), arg("info")});
    QCOMPARE(info.value(QLatin1String("backend")).toString(), arg("rpc"));
    QCOMPARE(info.value(QLatin1String("node_chain")).toString(), arg("regtest"));
    QCOMPARE(info.value(QLatin1String("height")).toInt(), height());
    // A fresh regtest node has no fee estimate: the stated fall-back, never below 1 sat/vB.
    QCOMPARE(info.value(QLatin1String("fee_rate_sat_per_kvb")).toInteger(), qint64(chain::kFallbackFeeRateTest));
}

void TestRegtest::walletReceivesAndSends()
{
    Pair p = makePair("wallet");
    const QString mnemonic = p.payer.json({arg("wallet"), arg("create")}).value(QLatin1String("mnemonic")).toString();
    QVERIFY(!mnemonic.isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    // The node mines to the wallet; 100 more blocks make the first reward spendable.
    const QString address = QString::fromUtf8(p.payer.run({arg("wallet"), arg("address")}).out.trimmed());
    QVERIFY(address.startsWith(QLatin1String("bcrt1q")));
    const int start = height();
    rpc("generatetoaddress", {1, address});
    mine(100);
    const qint64 reward = start + 1 < 150 ? 5'000'000'000 : 2'500'000'000;
    QJsonObject balance = p.payer.json({arg("wallet"), arg("balance")});
    QCOMPARE(satField(balance, "confirmed_sat"), reward);

    const QString to = QString::fromUtf8(p.payee.run({arg("wallet"), arg("address")}).out.trimmed());
    const CliResult sent = p.payer.run({arg("wallet"), arg("send"), to, arg("123456"), arg("--json")});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    const qint64 fee = satField(sent.json(), "fee_sat");
    QVERIFY(fee > 0);
    // In the node's mempool: unconfirmed on both sides.
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "unconfirmed_sat"), 123456);
    mine(1);
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 123456);
    balance = p.payer.json({arg("wallet"), arg("balance")});
    QCOMPARE(satField(balance, "confirmed_sat") + satField(balance, "unconfirmed_sat"), reward - 123456 - fee);
    // The node refuses what the wallet would not do either: an output below dust.
    const CliResult dust = p.payer.run({arg("wallet"), arg("send"), to, arg("100")});
    QCOMPARE(dust.exitCode, 1);

    // Restored from its phrase, the wallet finds its coins from its birthday on (and none before).
    mine(1);
    const qint64 total = satField(p.payer.json({arg("wallet"), arg("balance")}), "confirmed_sat");
    CliRunner restored(m_node.cliArgs(), p.dir + QStringLiteral("/restored"));
    CliResult r = restored.run({arg("wallet"), arg("restore"), arg("--birthday"), QString::number(start)}, mnemonic.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(satField(restored.json({arg("wallet"), arg("balance")}), "confirmed_sat"), total);
    mine(10); // beyond the margin of 6 blocks read before a birthday
    CliRunner late(m_node.cliArgs(), p.dir + QStringLiteral("/late"));
    r = late.run({arg("wallet"), arg("restore"), arg("--birthday"), QString::number(height() + 1)}, mnemonic.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(satField(late.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 0);
}

QString TestRegtest::openChannel(Pair &p, Variant variant, int capacity, int expiryBlocks)
{
    if (p.payer.json({arg("wallet"), arg("create")}).isEmpty() || p.payee.json({arg("wallet"), arg("create")}).isEmpty())
        return {};
    const QString address = QString::fromUtf8(p.payer.run({arg("wallet"), arg("address")}).out.trimmed());
    rpc("generatetoaddress", {1, address});
    mine(100);
    CliResult r = p.payee.run({arg("channel"), arg("offer"), arg("--out"), p.file("offer.spw")});
    if (r.exitCode != 0)
        return {};
    r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), QString::number(capacity),
                     arg("--expiry-blocks"), QString::number(expiryBlocks), arg("--variant"),
                     variant == Variant::Refund ? arg("refund") : arg("cltv"), arg("--commit-fee"), arg("500"),
                     arg("--refund-fee"), arg("400"), arg("--out"), p.file("proposal.spw")});
    if (r.exitCode != 0) {
        qWarning("open: %s", r.err.constData());
        return {};
    }
    r = p.payee.run({arg("channel"), arg("accept"), p.file("proposal.spw"), arg("--out"), p.file("answer.spw")});
    if (r.exitCode != 0) {
        qWarning("accept: %s", r.err.constData());
        return {};
    }
    if (variant == Variant::Refund) {
        r = p.payer.run({arg("channel"), arg("import"), p.file("answer.spw"), arg("--out"), p.file("funded.spw")});
        if (r.exitCode != 0 || p.payee.run({arg("channel"), arg("import"), p.file("funded.spw")}).exitCode != 0)
            return {};
    }
    mine(1);
    const QJsonArray list = p.payer.json({arg("channel"), arg("list")}).value(QLatin1String("channels")).toArray();
    return list.isEmpty() ? QString() : list[0].toObject().value(QLatin1String("id")).toString();
}

void TestRegtest::lifecycle_data()
{
    QTest::addColumn<Variant>("variant");
    QTest::newRow("refund") << Variant::Refund;
    QTest::newRow("cltv") << Variant::Cltv;
}

void TestRegtest::lifecycle()
{
    QFETCH(Variant, variant);
    Pair p = makePair("life");
    const QString id = openChannel(p, variant, 101'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("open"));
    for (int n = 1; n <= 100; ++n) {
        const CliResult pay = p.payer.run({arg("channel"), arg("pay"), id, arg("1000"), arg("--out"), p.file("payment.spw")});
        QVERIFY2(pay.exitCode == 0, pay.err.constData());
        const CliResult ack = p.payee.run({arg("channel"), arg("import"), p.file("payment.spw"), arg("--out"), p.file("ack.spw")});
        QVERIFY2(ack.exitCode == 0, ack.err.constData());
        QVERIFY(p.payer.run({arg("channel"), arg("import"), p.file("ack.spw")}).exitCode == 0);
    }
    QCOMPARE(satField(p.payee.json({arg("channel"), arg("show"), id}), "paid_sat"), 100'000);
    const CliResult settle = p.payee.run({arg("channel"), arg("settle"), id, arg("--json")});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    const QString txid = settle.json().value(QLatin1String("txid")).toString();
    QVERIFY(rpc("getrawmempool").toArray().contains(txid));
    mine(1);
    // The node's own view of the settlement: the payee's 100,000 sat and the payer's change, unspent.
    QSet<qint64> values;
    for (int vout = 0; vout < 2; ++vout) {
        const QJsonObject out = rpc("gettxout", {txid, vout}).toObject();
        QCOMPARE(out.value(QLatin1String("confirmations")).toInt(), 1);
        values.insert(qRound64(out.value(QLatin1String("value")).toDouble() * 1e8));
    }
    QCOMPARE(values, (QSet<qint64>{100'000, 101'000 - 500 - 100'000}));
    for (const CliRunner *who : {&p.payer, &p.payee}) {
        const QJsonObject c = who->json({arg("channel"), arg("show"), id});
        QCOMPARE(c.value(QLatin1String("state")).toString(), arg("settled"));
        QCOMPARE(satField(c, "final_payee_sat"), 100'000);
        QCOMPARE(satField(c, "final_payer_sat"), 101'000 - 500 - 100'000);
        QCOMPARE(c.value(QLatin1String("closing_txid")).toString(), txid);
    }
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 100'000);
}

void TestRegtest::refundJudgedByNode()
{
    QFETCH(Variant, variant);
    Pair p = makePair("refund");
    const QString id = openChannel(p, variant, 60'000, 20); // near the least (13) that stays usable a margin after confirming, with the payer's leeway (6)
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("2000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    const int expiry = p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("expiry_height")).toInt();

    // In-process: the complete refund, handed to the node before expiry, bypassing Spillway's own check.
    InProcess payer(m_node.endpoint());
    QVERIFY(payer.open(p.payer.dataDir()));
    chain::CoreRpcBackend &backend = payer.backend;
    auto rec = payer.store.findByText(id);
    QVERIFY(rec.ok());
    auto refundTx = payer.engine->refundTransaction(*rec);
    QVERIFY2(refundTx.ok(), refundTx ? "" : refundTx.error().describe().c_str());
    QVERIFY(height() < expiry - 1);
    auto early = chain::await(backend.broadcast(*refundTx));
    QVERIFY(!early.ok());
    QCOMPARE(errorCodeName(early.error().code), std::string_view("NON_FINAL"));
    QVERIFY2(early.error().context.find("the node says") != std::string::npos, early.error().context.c_str());

    // One block before expiry the node still refuses; at expiry the CLI's refund is accepted.
    mine(expiry - 1 - height());
    early = chain::await(backend.broadcast(*refundTx));
    QVERIFY(!early.ok());
    QCOMPARE(errorCodeName(early.error().code), std::string_view("NON_FINAL"));
    mine(1);
    const CliResult refund = p.payer.run({arg("channel"), arg("refund"), id, arg("--json")});
    QVERIFY2(refund.exitCode == 0, refund.err.constData());
    QCOMPARE(refund.json().value(QLatin1String("txid")).toString(), QString::fromStdString(bitcoin::toDisplayHex(refundTx->txid())));
    mine(1);
    const QJsonObject c = p.payer.json({arg("channel"), arg("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), arg("refunded"));
    QCOMPARE(satField(c, "final_payer_sat"), 60'000 - 400);
    QCOMPARE(satField(c, "final_payee_sat"), 0);
}

void TestRegtest::corruptedCommitmentRejected()
{
    Pair p = makePair("corrupt");
    const QString id = openChannel(p, Variant::Cltv, 50'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("7000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);

    // Spillway refuses a payment whose signature was tampered with...
    QFile f(p.file("pay.spw"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll().trimmed();
    f.close();
    auto msg = channel::messageFromText(text.toStdString());
    QVERIFY(msg.ok());
    auto bad = std::get<channel::PaymentMsg>(*msg);
    bad.signature[10] ^= 0x01;
    QFile out(p.file("bad.spw"));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(channel::messageToText(bad)) + '\n');
    out.close();
    const CliResult refused = p.payee.run({arg("channel"), arg("import"), p.file("bad.spw")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("PAYMENT_BAD_SIGNATURE"), refused.err.constData());
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);

    // ...and so does the node, for the commitment itself.
    InProcess payee(m_node.endpoint());
    QVERIFY(payee.open(p.payee.dataDir()));
    chain::CoreRpcBackend &backend = payee.backend;
    auto rec = payee.store.findByText(id);
    QVERIFY(rec.ok());
    auto tx = payee.engine->settlementTransaction(*rec);
    QVERIFY(tx.ok());
    bitcoin::Transaction corrupted = *tx;
    bool flipped = false;
    for (auto &item : corrupted.inputs[0].witness) {
        if (!flipped && item.size() >= 70 && item.size() <= 73 && item[0] == 0x30) {
            item[item.size() - 10] ^= 0x01; // inside the signature's s value
            flipped = true;
        }
    }
    QVERIFY(flipped);
    auto rejected = chain::await(backend.broadcast(corrupted));
    QVERIFY(!rejected.ok());
    QCOMPARE(errorCodeName(rejected.error().code), std::string_view("SCRIPT_FAILED"));
    QVERIFY2(rejected.error().context.find("the node says") != std::string::npos, rejected.error().context.c_str());
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    // The genuine one goes through.
    const CliResult settle = p.payee.run({arg("channel"), arg("settle"), id, arg("--json")});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    QCOMPARE(settle.json().value(QLatin1String("txid")).toString(), QString::fromStdString(bitcoin::toDisplayHex(tx->txid())));
    mine(1);
}

void TestRegtest::fundingDoubleSpentByAReorg()
{
    // A reorg whose new branch spends the funding's coin elsewhere: the channel is no
    // longer open, and no payment counts (issue 11, "Funding that leaves the chain").
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("generateblock with a chosen transaction: Bitcoin Core only");
    Pair p = makePair("doublespent");
    const QString id = openChannel(p, Variant::Cltv, 40'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("open"));
    const QString fundingTxid = id.section(QLatin1Char(':'), 0, 0);
    const QString fundingBlock = rpc("getbestblockhash").toString();
    const QJsonObject funding = rpc("getrawtransaction", {fundingTxid, 1, fundingBlock}).toObject();
    QVERIFY(!funding.isEmpty());
    const QJsonObject in0 = funding.value(QLatin1String("vin")).toArray().at(0).toObject();
    const QString prevTxid = in0.value(QLatin1String("txid")).toString();
    const int prevIndex = in0.value(QLatin1String("vout")).toInt();
    rpc("invalidateblock", {fundingBlock}); // the funding is back in the mempool, its coin unspent on chain
    const QJsonObject prevOut = rpc("gettxout", {prevTxid, prevIndex, false}).toObject();
    QVERIFY(!prevOut.isEmpty());
    const qint64 prevValue = qRound64(prevOut.value(QLatin1String("value")).toDouble() * 1e8);
    auto prevScript = fromHex(prevOut.value(QLatin1String("scriptPubKey")).toObject().value(QLatin1String("hex")).toString().toStdString());
    QVERIFY(prevScript.ok());

    // The payer's own wallet key signs the coin over to someone else.
    bitcoin::Transaction other;
    {
        InProcess payer(m_node.endpoint());
        QVERIFY(payer.open(p.payer.dataDir()));
        auto key = payer.wallet->keyForScript(bitcoin::Script(*prevScript));
        QVERIFY(key.ok());
        other.version = 2;
        bitcoin::TxIn in;
        in.prevout = bitcoin::OutPoint{*bitcoin::fromDisplayHex(prevTxid.toStdString()), static_cast<uint32_t>(prevIndex)};
        in.sequence = 0xfffffffd;
        other.inputs.push_back(in);
        other.outputs.push_back(bitcoin::TxOut{bitcoin::Amount::fromSat(prevValue - 20'000),
                                               bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash())});
        const bitcoin::PublicKey pub = key->publicKey();
        Bytes sig = key->signDer(bitcoin::segwitV0Sighash(other, 0, bitcoin::p2pkh(pub.hash()).bytes(),
                                                          bitcoin::Amount::fromSat(prevValue), bitcoin::SIGHASH_ALL));
        sig.push_back(bitcoin::SIGHASH_ALL);
        other.inputs[0].witness = {sig, pub.bytes()};
    }
    // The new branch: a block with the other spend, then one more.
    const QJsonValue made = rpc("generateblock", {burnAddress(), QJsonArray{QString::fromStdString(toHex(other.serialize()))}});
    QVERIFY(made.isObject());
    mine(1);
    QVERIFY(!rpc("getrawmempool").toArray().contains(fundingTxid)); // gone from the mempool, and its coin spent

    const QByteArray said = QJsonDocument(p.payee.json({arg("channel"), arg("watch")})).toJson();
    QVERIFY2(said.contains("double-spent"), said.constData());
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("opening"));
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("1000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    const CliResult refused = p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("CHANNEL_NOT_OPEN"), refused.err.constData());
}

/// Copies the node's chain and mempool into a new local chain; empty on success.
QString TestRegtest::mirrorInto(chain::LocalChainDb &db)
{
    const int tip = height();
    for (int h = 0; h <= tip; ++h) {
        const QString hash = rpc("getblockhash", {h}).toString();
        auto raw = spillway::fromHex(rpc("getblock", {hash, 0}).toString().toStdString());
        if (!raw)
            return QStringLiteral("getblock %1: not hex").arg(h);
        auto block = bitcoin::Block::parse(*raw);
        if (!block)
            return QString::fromStdString(block.error().describe());
        if (auto r = db.importBlock(*block); !r)
            return QStringLiteral("block %1: %2").arg(h).arg(QString::fromStdString(r.error().describe()));
    }
    for (const QJsonValue &id : rpc("getrawmempool").toArray()) {
        auto tx = bitcoin::Transaction::parseHex(rpc("getrawtransaction", {id.toString(), false}).toString().toStdString());
        if (!tx || !db.accept(*tx))
            return QStringLiteral("mempool transaction %1").arg(id.toString());
    }
    return {};
}

bitcoin::TxOut TestRegtest::coreOutput(const bitcoin::OutPoint &op)
{
    const QJsonObject o = rpc("gettxout", {QString::fromStdString(bitcoin::toDisplayHex(op.txid)), static_cast<int>(op.index), true}).toObject();
    auto spk = spillway::fromHex(o.value(QLatin1String("scriptPubKey")).toObject().value(QLatin1String("hex")).toString().toStdString());
    return bitcoin::TxOut{bitcoin::Amount::fromSat(qRound64(o.value(QLatin1String("value")).toDouble() * 1e8)),
                          bitcoin::Script(spk ? *spk : spillway::Bytes{})};
}

namespace {

/// Signs every input (each a P2WPKH coin of `wallet`) again, after the outputs changed.
bool signAgain(wallet::Wallet &wallet, bitcoin::Transaction &tx, const std::vector<bitcoin::TxOut> &spent)
{
    for (size_t i = 0; i < tx.inputs.size(); ++i) {
        auto key = wallet.keyForScript(spent[i].scriptPubKey);
        if (!key)
            return false;
        const bitcoin::PublicKey pub = key->publicKey();
        spillway::Bytes sig = key->signDer(
            bitcoin::segwitV0Sighash(tx, i, bitcoin::p2pkh(pub.hash()).bytes(), spent[i].value, bitcoin::SIGHASH_ALL));
        sig.push_back(bitcoin::SIGHASH_ALL);
        tx.inputs[i].witness = {sig, pub.bytes()};
    }
    return true;
}

} // namespace

/// Every reason Bitcoin Core gives for refusing one of the project's own
/// transactions, from Core itself (testmempoolaccept, and sendrawtransaction's
/// own wording), mapped to the code the local chain gives for the same
/// transaction on a copy of the same chain.
void TestRegtest::refundReplacesAnUnconfirmedSettlement()
{
    // protocol.md "Fee bumping and the deadline": after expiry the payer's refund is final,
    // and Bitcoin Core replaces an unconfirmed settlement with it whether or not the
    // settlement signalled replacement (full RBF), when the refund pays more. The payee's
    // watcher must see it and say so.
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("generateblock (blocks that leave the settlement out) and full RBF: Bitcoin Core only");
    Pair p = makePair("replaced");
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    rpc("generatetoaddress", {1, QString::fromUtf8(p.payer.run({arg("wallet"), arg("address")}).out.trimmed())});
    mine(100);
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--out"), p.file("offer.spw")}).exitCode, 0);
    CliResult r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("60000"), arg("--expiry-blocks"),
                               arg("20"), arg("--refund-fee"), arg("6000"), arg("--out"), p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(p.payee.run({arg("channel"), arg("accept"), p.file("proposal.spw")}).exitCode, 0);
    mine(1);
    const QString id = p.payer.json({arg("channel"), arg("list")}).value(QLatin1String("channels")).toArray()[0].toObject().value(QLatin1String("id")).toString();
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("3000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    r = p.payee.run({arg("channel"), arg("settle"), id});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // Blocks that leave the settlement out (a miner's choice, or a fee too low for them).
    const int expiry = p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("expiry_height")).toInt();
    while (height() < expiry)
        rpc("generateblock", {burnAddress(), QJsonArray{}});
    QVERIFY(rpc("getrawmempool").toArray().size() >= 1);
    r = p.payer.run({arg("channel"), arg("refund"), id});
    QVERIFY2(r.exitCode == 0 || r.err.contains("already"), r.err.constData());
    mine(1);
    const QJsonObject watched = p.payee.json({arg("channel"), arg("watch")});
    const QByteArray said = QJsonDocument(watched).toJson();
    QVERIFY2(said.contains("replaced our settlement"), said.constData());
    const QJsonObject c = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), arg("refunded"));
    QCOMPARE(satField(c, "final_payee_sat"), 0);
}

void TestRegtest::settlementAndChildAsAPackage()
{
    // Package relay, which the fee bumping of protocol.md builds on: the settlement and
    // a child spending the payee's payout output (CPFP), handed to Core together with
    // `submitpackage`, both accepted and mined together.
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("submitpackage: Bitcoin Core only");
    Pair p = makePair("package");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("20000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    InProcess payee(m_node.endpoint());
    QVERIFY(payee.open(p.payee.dataDir()));
    auto rec = payee.store.findByText(id);
    QVERIFY(rec.ok());
    auto settlement = payee.engine->settlementTransaction(*rec);
    QVERIFY(settlement.ok());
    QCOMPARE(settlement->outputs.at(0).scriptPubKey, rec->params.payeePayout);
    auto key = payee.wallet->keyForScript(rec->params.payeePayout);
    QVERIFY(key.ok());
    bitcoin::Transaction child;
    child.version = 2;
    bitcoin::TxIn in;
    in.prevout = bitcoin::OutPoint{settlement->txid(), 0};
    in.sequence = 0xfffffffd;
    child.inputs.push_back(in);
    child.outputs.push_back(bitcoin::TxOut{bitcoin::Amount::fromSat(20'000 - 5'000), rec->params.payeePayout});
    const bitcoin::PublicKey pub = key->publicKey();
    Bytes sig = key->signDer(bitcoin::segwitV0Sighash(child, 0, bitcoin::p2pkh(pub.hash()).bytes(), bitcoin::Amount::fromSat(20'000),
                                                      bitcoin::SIGHASH_ALL));
    sig.push_back(bitcoin::SIGHASH_ALL);
    child.inputs[0].witness = {sig, pub.bytes()};
    // One parameter, itself an array (braces around a QJsonArray would copy it, not nest it).
    QJsonArray params;
    params.append(QJsonArray{QString::fromStdString(toHex(settlement->serialize())), QString::fromStdString(toHex(child.serialize()))});
    const QJsonObject result = rpc("submitpackage", params).toObject();
    QCOMPARE(result.value(QLatin1String("package_msg")).toString(), arg("success"));
    const QJsonArray pool = rpc("getrawmempool").toArray();
    QVERIFY(pool.contains(QString::fromStdString(bitcoin::toDisplayHex(settlement->txid()))));
    QVERIFY(pool.contains(QString::fromStdString(bitcoin::toDisplayHex(child.txid()))));
    mine(1);
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
}

void TestRegtest::settlementBumpedByCpfp()
{
    // `channel bump`: a child spending the payee's payout of the unconfirmed settlement
    // pays for both; a higher bump replaces our own child (never the settlement).
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("replacing our own child: bcoin's replace-by-fee is off");
    Pair p = makePair("bump");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("20000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    const QString settlement = p.payee.json({arg("channel"), arg("settle"), id}).value(QLatin1String("txid")).toString();
    QVERIFY(!settlement.isEmpty());
    // No pinning: the payer cannot hang anything on its own output of the unconfirmed
    // settlement (locked for one block), so nothing stands in the way of the payee's bump.
    {
        InProcess payer(m_node.endpoint());
        QVERIFY(payer.open(p.payer.dataDir()));
        auto rec = payer.store.findByText(id);
        QVERIFY(rec.ok());
        const QJsonObject raw = rpc("getmempoolentry", {settlement}).toObject();
        QVERIFY(!raw.isEmpty());
        auto tx = bitcoin::Transaction::parseHex(rpc("getrawtransaction", {settlement}).toString().toStdString());
        QVERIFY(tx.ok());
        const auto locked = channel::lockedPayerOutput(rec->params, *tx);
        QVERIFY(locked);
        auto key = payer.wallet->channelKey(rec->keyIndex);
        QVERIFY(key.ok());
        auto junk = channel::buildPayerSweep(rec->params, *locked, bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash()),
                                             5000, *key);
        QVERIFY(junk.ok());
        QJsonArray params;
        params.append(QJsonArray{QString::fromStdString(toHex(junk->serialize()))});
        const QJsonObject verdict = rpc("testmempoolaccept", params).toArray().at(0).toObject();
        QCOMPARE(verdict.value(QLatin1String("allowed")).toBool(), false);
        QCOMPARE(verdict.value(QLatin1String("reject-reason")).toString(), arg("non-BIP68-final"));
    }
    auto bump = [&](const char *rate) { return p.payee.json({arg("channel"), arg("bump"), id, arg("--fee-rate"), arg(rate)}); };
    const QJsonObject first = bump("10");
    QVERIFY2(first.value(QLatin1String("bumped")).toBool(), QJsonDocument(first).toJson().constData());
    QVERIFY(first.value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger() >= 10'000);
    const QString child = first.value(QLatin1String("child_txid")).toString();
    QJsonArray pool = rpc("getrawmempool").toArray();
    QVERIFY(pool.contains(settlement) && pool.contains(child));
    // Core's own view of the package: the child's ancestor feerate is what we asked for.
    const QJsonObject entry = rpc("getmempoolentry", {child}).toObject();
    const double ancestorFees = entry.value(QLatin1String("fees")).toObject().value(QLatin1String("ancestor")).toDouble() * 1e8;
    const double ancestorSize = entry.value(QLatin1String("ancestorsize")).toDouble();
    QVERIFY2(ancestorFees / ancestorSize >= 9.99, qPrintable(QString::number(ancestorFees / ancestorSize)));
    // Asked again for the same rate: nothing to do.
    QCOMPARE(bump("10").value(QLatin1String("bumped")).toBool(), false);
    // Higher: our child is replaced, the settlement stays.
    const QJsonObject second = bump("25");
    QVERIFY2(second.value(QLatin1String("bumped")).toBool(), QJsonDocument(second).toJson().constData());
    const QString child2 = second.value(QLatin1String("child_txid")).toString();
    QVERIFY(child2 != child);
    pool = rpc("getrawmempool").toArray();
    QVERIFY(pool.contains(settlement) && pool.contains(child2) && !pool.contains(child));
    mine(1);
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 20'000 - second.value(QLatin1String("child_fee_sat")).toInteger());
    // Confirmed: nothing to bump.
    QCOMPARE(p.payee.run({arg("channel"), arg("bump"), id}).exitCode, 1);
}

void TestRegtest::stuckSettlementBumpedByTheWatcher()
{
    // Core started with -blockmintxfee above the settlement's commit fee: its blocks leave
    // the settlement out until the payee's watcher, by itself, hangs a child on the payout
    // that pays for both (its estimate never below what the node's own blocks take).
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("-blockmintxfee: Bitcoin Core only");
    Pair p = makePair("stuck");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("20000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(m_node.restart({arg("-blockmintxfee=0.00010000")}), QString());
    const QString settlement = p.payee.json({arg("channel"), arg("settle"), id}).value(QLatin1String("txid")).toString();
    QVERIFY(!settlement.isEmpty());
    mine(2);
    QVERIFY(rpc("getrawmempool").toArray().contains(settlement)); // left out of both blocks
    const CliResult watched = p.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(watched.err.contains("settlement's fee raised by a child"), watched.err.constData());
    mine(1);
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject shown = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(shown.value(QLatin1String("state")).toString(), arg("settled"));
    const QJsonArray bumps = shown.value(QLatin1String("bumps")).toArray();
    QCOMPARE(bumps.size(), 1);
    const qint64 childFee = satField(bumps[0].toObject(), "child_fee_sat");
    QVERIFY2(childFee > 0 && childFee <= 10'000, qPrintable(QString::number(childFee))); // within half the payout
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 20'000 - childFee);
    QCOMPARE(m_node.restart(), QString());
}

void TestRegtest::stuckRefundAndFundingBumpedByTheWatcher()
{
    // The payer's side under Core's -blockmintxfee: a refund after expiry and a funding,
    // each priced before fees rose, wait until the payer's watcher hangs a child on its
    // own output (the refund's, the funding's change); the funding keeps its txid, which
    // is the channel's id.
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("-blockmintxfee: Bitcoin Core only");
    Pair p = makePair("stuckrefund");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 20);
    QVERIFY(!id.isEmpty());
    const int expiry = p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("expiry_height")).toInt();
    mine(expiry - height());
    // The funding of a second channel, broadcast at today's fees, before they rise.
    Pair f = makePair("stuckfunding");
    QVERIFY(!f.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!f.payee.json({arg("wallet"), arg("create")}).isEmpty());
    rpc("generatetoaddress", {1, QString::fromUtf8(f.payer.run({arg("wallet"), arg("address")}).out.trimmed())});
    mine(100);
    QCOMPARE(f.payee.run({arg("channel"), arg("offer"), arg("--out"), f.file("offer.spw")}).exitCode, 0);
    QCOMPARE(f.payer.run({arg("channel"), arg("open"), f.file("offer.spw"), arg("--capacity"), arg("50000"), arg("--commit-fee"),
                          arg("500"), arg("--refund-fee"), arg("400"), arg("--out"), f.file("proposal.spw")})
                 .exitCode,
             0);
    QCOMPARE(f.payee.run({arg("channel"), arg("accept"), f.file("proposal.spw"), arg("--out"), f.file("answer.spw")}).exitCode, 0);
    const QString fid = f.payer.json({arg("channel"), arg("list")}).value(QLatin1String("channels")).toArray()[0].toObject()
                            .value(QLatin1String("id")).toString();
    const QString fundingTxid = fid.section(QLatin1Char(':'), 0, 0);

    QCOMPARE(m_node.restart({arg("-blockmintxfee=0.00010000")}), QString());
    const QString refund = p.payer.json({arg("channel"), arg("refund"), id}).value(QLatin1String("txid")).toString();
    QVERIFY(!refund.isEmpty());
    mine(1);
    QJsonArray pool = rpc("getrawmempool").toArray();
    QVERIFY(pool.contains(refund) && pool.contains(fundingTxid)); // both left out
    const CliResult refundWatch = p.payer.run({arg("channel"), arg("watch")});
    QVERIFY2(refundWatch.err.contains("refund's fee raised by a child"), refundWatch.err.constData());
    const CliResult fundingWatch = f.payer.run({arg("channel"), arg("watch")});
    QVERIFY2(fundingWatch.err.contains("funding's fee raised by a child"), fundingWatch.err.constData());
    mine(1);
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject refunded = p.payer.json({arg("channel"), arg("show"), id});
    QCOMPARE(refunded.value(QLatin1String("state")).toString(), arg("refunded"));
    const QJsonArray bumps = refunded.value(QLatin1String("bumps")).toArray();
    QCOMPARE(bumps.size(), 1);
    QVERIFY(satField(bumps[0].toObject(), "child_fee_sat") <= 30'000); // within half the refund
    const QJsonObject opened = f.payer.json({arg("channel"), arg("show"), fid});
    QCOMPARE(opened.value(QLatin1String("state")).toString(), arg("open"));
    QCOMPARE(opened.value(QLatin1String("funding_txid")).toString(), fundingTxid); // the same channel id
    QCOMPARE(m_node.restart(), QString());
}

void TestRegtest::fullMempoolTakesTheSettlementAsAPackage()
{
    // Core with a 5 MB mempool filled by transactions paying 20 sat/vB: its minimum rises
    // above the settlement's feerate, so the settlement alone is refused ("mempool min fee
    // not met"); settling sends it with a child paying for both through submitpackage.
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("submitpackage and -maxmempool: Bitcoin Core only");
    Pair p = makePair("fullpool");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("20000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(m_node.restart({arg("-maxmempool=5")}), QString());
    // Coins of our own to fill it with: 60 coinbases, matured.
    const bitcoin::PrivateKey filler = bitcoin::PrivateKey::generate();
    const bitcoin::Script fillerSpk = bitcoin::p2wpkh(filler.publicKey().hash());
    const QString fillerAddress = QString::fromStdString(*bitcoin::encodeAddress(fillerSpk, bitcoin::network(bitcoin::NetworkId::Regtest)));
    const QJsonArray blocks = rpc("generatetoaddress", {60, fillerAddress}).toArray();
    QCOMPARE(blocks.size(), 60);
    mine(100);
    const double minRelay = rpc("getmempoolinfo").toObject().value(QLatin1String("minrelaytxfee")).toDouble();
    int sent = 0;
    for (const QJsonValue &hash : blocks) {
        const QJsonObject block = rpc("getblock", {hash.toString(), 2}).toObject();
        const QJsonObject coinbase = block.value(QLatin1String("tx")).toArray().at(0).toObject();
        const int64_t value = llround(coinbase.value(QLatin1String("vout")).toArray().at(0).toObject().value(QLatin1String("value")).toDouble() * 1e8);
        auto txid = bitcoin::fromDisplayHex(coinbase.value(QLatin1String("txid")).toString().toStdString());
        QVERIFY(txid.ok());
        // 2,000 outputs (about 62,000 vB) at 20 sat/vB.
        bitcoin::Transaction tx;
        tx.version = 2;
        bitcoin::TxIn in;
        in.prevout = bitcoin::OutPoint{*txid, 0};
        tx.inputs.push_back(in);
        const int64_t fee = 20 * 62'500;
        for (int i = 0; i < 2000; ++i)
            tx.outputs.push_back(bitcoin::TxOut{bitcoin::Amount::fromSat((value - fee) / 2000), fillerSpk});
        const bitcoin::PublicKey pub = filler.publicKey();
        Bytes sig = filler.signDer(bitcoin::segwitV0Sighash(tx, 0, bitcoin::p2pkh(pub.hash()).bytes(), bitcoin::Amount::fromSat(value),
                                                            bitcoin::SIGHASH_ALL));
        sig.push_back(bitcoin::SIGHASH_ALL);
        tx.inputs[0].witness = {sig, pub.bytes()};
        rpc("sendrawtransaction", {QString::fromStdString(toHex(tx.serialize()))});
        ++sent;
        if (rpc("getmempoolinfo").toObject().value(QLatin1String("mempoolminfee")).toDouble() > minRelay)
            break;
    }
    const double poolMin = rpc("getmempoolinfo").toObject().value(QLatin1String("mempoolminfee")).toDouble();
    QVERIFY2(poolMin > minRelay, qPrintable(QStringLiteral("%1 transactions sent, minimum %2").arg(sent).arg(poolMin)));
    const CliResult settled = p.payee.run({arg("channel"), arg("settle"), id, arg("--json")});
    QVERIFY2(settled.exitCode == 0, settled.err.constData());
    const QString settlement = settled.json().value(QLatin1String("txid")).toString();
    QVERIFY(rpc("getrawmempool").toArray().contains(settlement));
    const QJsonArray bumps = p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("bumps")).toArray();
    QCOMPARE(bumps.size(), 1);
    QVERIFY(bumps[0].toObject().value(QLatin1String("package")).toBool());
    // The package pays at least the mempool's minimum.
    QVERIFY(bumps[0].toObject().value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger() >= llround(poolMin * 1e8));
    QVERIFY(satField(bumps[0].toObject(), "child_fee_sat") > 0);
    // The node as it was for the tests after this one: its full mempool forgotten, never
    // mined (its fee estimator must not learn the fillers' 20 sat/vB). Our settlement,
    // gone with it, is broadcast again by the watcher and confirms alone.
    QCOMPARE(m_node.restart({arg("-persistmempool=0")}), QString());
    QFile::remove(m_dir.filePath(QStringLiteral("node/regtest/mempool.dat")));
    QVERIFY(rpc("getrawmempool").toArray().isEmpty());
    const CliResult again = p.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(again.err.contains("settlement broadcast again"), again.err.constData());
    mine(1);
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 20'000);
}

void TestRegtest::stalledNodeMakesThePayeeSettleEarly()
{
    // No block for far longer than the network's rhythm: the node may have stalled or be
    // cut off, and its view of the deadline cannot be trusted. The payee's watcher says
    // so and settles now, long before the safety margin.
    Pair p = makePair("stalled");
    const QString id = openChannel(p, Variant::Cltv, 60'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("5000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    InProcess payee(m_node.endpoint());
    QVERIFY(payee.open(p.payee.dataDir()));
    auto quiet = payee.engine->watch(); // the node's rhythm as it is: nothing to say
    QVERIFY(quiet.ok());
    for (const auto &e : *quiet)
        QVERIFY2(e.what.find("stalled") == std::string::npos, e.what.c_str());
    const qint64 later = QDateTime::currentSecsSinceEpoch() + 4 * 3600; // four hours without a block
    payee.engine->setClock([later] { return later; });
    auto events = payee.engine->watch();
    QVERIFY(events.ok());
    std::string said;
    for (const auto &e : *events)
        said += e.what + "\n";
    QVERIFY2(said.find("it may have stalled") != std::string::npos, said.c_str());
    QVERIFY2(said.find("settled early") != std::string::npos, said.c_str());
    mine(1);
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject c = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(satField(c, "final_payee_sat"), 5000);
}

void TestRegtest::rejectReasonsMatchLocalChain()
{
    if (m_node.kind() != RegtestNode::Kind::Bitcoind)
        QSKIP("Bitcoin Core's own reject reasons: this case runs with SPILLWAY_TEST_NODE=bitcoind");
    using namespace bitcoin;
    Pair p = makePair("reject");
    const QString id = openChannel(p, Variant::Cltv, 50'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("7000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    InProcess payer(m_node.endpoint()), payee(m_node.endpoint());
    QVERIFY(payer.open(p.payer.dataDir()) && payee.open(p.payee.dataDir()));
    const Script burn = *decodeAddress(burnAddress().toStdString(), network(NetworkId::Regtest));

    struct Case {
        const char *what;
        Transaction tx;
        const char *code;
    };
    std::vector<Case> cases;
    // The channel's own: a refund before expiry, a commitment with a corrupted signature.
    auto rec = payer.store.findByText(id);
    QVERIFY(rec.ok());
    auto refund = payer.engine->refundTransaction(*rec);
    QVERIFY(refund.ok());
    cases.push_back({"refund before expiry", *refund, "NON_FINAL"});
    auto payeeRec = payee.store.findByText(id);
    QVERIFY(payeeRec.ok());
    auto settlement = payee.engine->settlementTransaction(*payeeRec);
    QVERIFY(settlement.ok());
    Transaction corrupted = *settlement;
    for (auto &item : corrupted.inputs[0].witness)
        if (item.size() >= 70 && item.size() <= 73 && item[0] == 0x30) {
            item[item.size() - 10] ^= 0x01;
            break;
        }
    cases.push_back({"corrupted commitment", corrupted, "SCRIPT_FAILED"});
    // The wallet's: no fee at all (below even Core 30's 0.1 sat/vB), and an absurd one.
    auto noFee = payer.wallet->prepare({TxOut{Amount::fromSat(20'000), burn}}, chain::FeeRate{0});
    QVERIFY2(noFee.ok(), noFee ? "" : noFee.error().describe().c_str());
    cases.push_back({"no fee", noFee->tx, "FEE_TOO_LOW"});
    auto absurd = payer.wallet->prepare({TxOut{Amount::fromSat(20'000), burn}}, chain::FeeRate{chain::kMaxFeeRate.satPerKvB * 2});
    QVERIFY(absurd.ok());
    cases.push_back({"absurd fee", absurd->tx, "FEE_TOO_HIGH"});
    // A dust output (the wallet refuses to make one: its coin signed again by hand).
    auto normal = payer.wallet->prepare({TxOut{Amount::fromSat(20'000), burn}}, chain::FeeRate{2000});
    QVERIFY(normal.ok() && normal->tx.outputs.size() == 2);
    Transaction dust = normal->tx;
    dust.outputs[0].value = Amount::fromSat(100);
    dust.outputs[1].value = Amount::fromSat(dust.outputs[1].value.sat() + 19'900);
    std::vector<TxOut> spent;
    for (const auto &in : dust.inputs)
        spent.push_back(coreOutput(in.prevout));
    QVERIFY(signAgain(*payer.wallet, dust, spent));
    cases.push_back({"dust output", dust, "DUST"});
    // A mined coin spent before it is 100 blocks deep.
    const QString mineTo = *payer.wallet->newReceiveAddress();
    const QString blockHash = rpc("generatetoaddress", {1, mineTo}).toArray().at(0).toString();
    auto coinbaseId = fromDisplayHex(rpc("getblock", {blockHash, 1}).toObject().value(QLatin1String("tx")).toArray().at(0).toString().toStdString());
    QVERIFY(coinbaseId.ok());
    Transaction early;
    early.version = 2;
    early.inputs.push_back(TxIn{OutPoint{*coinbaseId, 0}, {}, 0xfffffffd, {}});
    const TxOut reward = coreOutput(OutPoint{*coinbaseId, 0});
    early.outputs.push_back(TxOut{Amount::fromSat(reward.value.sat() - 1000), burn});
    QVERIFY(signAgain(*payer.wallet, early, {reward}));
    cases.push_back({"immature coinbase", early, "IMMATURE_COINBASE"});
    // A coin nobody made.
    Transaction ghost = early;
    ghost.inputs[0].prevout = OutPoint{sha256(asBytes("no such coin")), 0};
    cases.push_back({"missing input", ghost, "MISSING_INPUTS"});

    // The same chain, in a local chain file.
    const QString localPath = p.file("mirror.sqlite");
    {
        chain::LocalChainDb db(localPath);
        const QString why = mirrorInto(db);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    chain::LocalChain local(localPath);
    QCOMPARE(chain::await(local.tip())->height, height());

    auto judge = [&](const Case &c) {
        const std::string core = [&] {
            auto r = chain::await(payer.backend.broadcast(c.tx));
            return r ? std::string("accepted") : std::string(errorCodeName(r.error().code)) + " (" + r.error().context + ")";
        }();
        // sendrawtransaction's own wording (it differs from testmempoolaccept's) maps to the same code.
        auto sent = m_rpc->call(QStringLiteral("sendrawtransaction"), {QString::fromStdString(toHex(c.tx.serialize())), 0.05});
        const std::string coreSent =
            sent && sent->failed ? std::string(errorCodeName(chain::rejectionError(sent->errorCode, sent->errorMessage).code)) : "accepted";
        auto l = chain::await(local.broadcast(c.tx));
        const std::string localCode = l ? std::string("accepted") : std::string(errorCodeName(l.error().code));
        qInfo("%-22s Core: %s; sendrawtransaction: %s; local chain: %s", c.what, core.c_str(), coreSent.c_str(), localCode.c_str());
        QVERIFY2(core.rfind(c.code, 0) == 0, (std::string(c.what) + ": Core gave " + core).c_str());
        QVERIFY2(core.find("the node says") != std::string::npos, core.c_str());
        QCOMPARE(coreSent, std::string(c.code));
        QCOMPARE(localCode, std::string(c.code));
    };
    for (const Case &c : cases) {
        judge(c);
        if (QTest::currentTestFailed())
            return;
    }

    // A conflicting spend: both take the first; Core replaces only for a higher fee (full RBF).
    auto first = payer.wallet->prepare({TxOut{Amount::fromSat(30'000), burn}}, chain::FeeRate{3000});
    auto second = payer.wallet->prepare({TxOut{Amount::fromSat(40'000), burn}}, chain::FeeRate{1000});
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->tx.inputs[0].prevout, second->tx.inputs[0].prevout);
    QVERIFY(chain::await(payer.backend.broadcast(first->tx)).ok());
    QVERIFY(chain::await(local.broadcast(first->tx)).ok());
    judge({"conflicting spend", second->tx, "DOUBLE_SPEND"});
    if (QTest::currentTestFailed())
        return;
    // An output spent before its relative lock (BIP 68, one block) has passed: the
    // unconfirmed first spend's change, as a payer's settlement output would be.
    QCOMPARE(first->tx.outputs.size(), size_t(2));
    Transaction locked;
    locked.version = 2;
    locked.inputs.push_back(TxIn{OutPoint{first->tx.txid(), 1}, {}, 1, {}});
    locked.outputs.push_back(TxOut{Amount::fromSat(first->tx.outputs[1].value.sat() - 1000), burn});
    QVERIFY(signAgain(*payer.wallet, locked, {first->tx.outputs[1]}));
    judge({"relative lock", locked, "SEQUENCE_LOCKED"});
    if (QTest::currentTestFailed())
        return;
    QVERIFY(rpc("getrawmempool").toArray().contains(QString::fromStdString(toDisplayHex(first->tx.txid()))));
    mine(1);
}

void TestRegtest::reorgRollsBackAndResumes()
{
    Pair p = makePair("reorg");
    const QString id = openChannel(p, Variant::Cltv, 40'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("open"));
    // The funding's block goes: the channel waits for its confirmation again, and takes no payment meanwhile.
    const QString fundingBlock = rpc("getbestblockhash").toString();
    rpc("invalidateblock", {fundingBlock});
    QVERIFY(QJsonDocument(p.payee.json({arg("channel"), arg("watch")})).toJson().contains("funding's block left the best chain"));
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("opening"));
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("1000"), arg("--out"), p.file("early.spw")}).exitCode, 0);
    const CliResult early = p.payee.run({arg("channel"), arg("import"), p.file("early.spw")});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains("CHANNEL_NOT_OPEN"), early.err.constData());
    mine(1); // the funding, back from the mempool, confirms on the new branch
    p.payee.json({arg("channel"), arg("watch")});
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("open"));
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("early.spw")}).exitCode, 0);
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("2000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    // Spillway is not running while the settlement is mined and then taken away by a reorg.
    const CliResult settle = p.payee.run({arg("channel"), arg("settle"), id, arg("--json")});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    mine(1);
    const QString block = rpc("getbestblockhash").toString();
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 3000);

    rpc("invalidateblock", {block});
    QVERIFY(rpc("getbestblockhash").toString() != block);
    // A fresh start reads the node again: the settlement is no longer confirmed...
    const QJsonObject watched = p.payee.json({arg("channel"), arg("watch")});
    QVERIFY2(QJsonDocument(watched).toJson().contains("left the best chain"), QJsonDocument(watched).toJson().constData());
    QVERIFY(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString() != arg("settled"));
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 0);
    // ...and once a block holds it again (from the mempool or broadcast again), it is settled again.
    p.payee.json({arg("channel"), arg("watch")});
    mine(1);
    QCOMPARE(p.payee.json({arg("channel"), arg("watch")}).isEmpty(), false);
    const QJsonObject c = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(c.value(QLatin1String("closed_height")).toInt(), height());
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 3000);
    QCOMPARE(p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
}

namespace {

/// Runs the CLI with SPILLWAY_RPC_LOG set; how many calls of `method` it made.
int countCalls(const CliRunner &cli, const QStringList &args, const QString &logFile, const char *method, QJsonObject *json)
{
    QFile::remove(logFile);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPILLWAY_RPC_LOG"), logFile);
    const CliResult r = cli.run(args + QStringList{QStringLiteral("--json")}, {}, env);
    if (r.exitCode != 0) {
        qWarning("spillway-cli %s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return -1;
    }
    *json = r.json();
    QFile f(logFile);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    int n = 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        n += line == method;
    return n;
}

} // namespace

/// A new process resumes from the blocks the last one read (chain-scan.state in
/// the data directory) instead of reading every block since the wallet's birth,
/// and still follows a reorg that took away the block it saved as its tip.
void TestRegtest::resumesWithoutRescan()
{
    Pair p = makePair("resume");
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    // Enough coinbases for 500,000 sat at this height (regtest halves the reward every
    // 150 blocks: by now one block pays little).
    const int64_t reward = height() / 150 + 1 >= 63 ? 0 : (int64_t{50} * 100'000'000) >> ((height() + 1) / 150);
    QVERIFY2(reward > 0, "the chain is past the last regtest reward");
    const int blocks = static_cast<int>(std::min<int64_t>(300, 1'200'000 / reward + 1));
    rpc("generatetoaddress", {blocks, QString::fromUtf8(p.payer.run({arg("wallet"), arg("address")}).out.trimmed())});
    for (int i = 0; i < 4; ++i)
        mine(500);
    const QString to = QString::fromUtf8(p.payee.run({arg("wallet"), arg("address")}).out.trimmed());
    const CliResult sent = p.payer.run({arg("wallet"), arg("send"), to, arg("500000")});
    QVERIFY2(sent.exitCode == 0, sent.err.constData());
    mine(1);
    const QString log = p.file("rpc.log");
    QJsonObject balance;
    QElapsedTimer clock;
    clock.start();
    const int first = countCalls(p.payee, {arg("wallet"), arg("balance")}, log, "getblock", &balance);
    qInfo("first balance: %lld ms", clock.elapsed());
    QCOMPARE(satField(balance, "confirmed_sat"), 500'000);
    QVERIFY(QFile::exists(p.payee.dataDir() + QStringLiteral("/chain-scan.state")));
    const int second = countCalls(p.payee, {arg("wallet"), arg("balance")}, log, "getblock", &balance);
    qInfo("getblock calls: %d for the first balance since the wallet's birth 2,000 blocks ago, %d for the second", first, second);
    QCOMPARE(satField(balance, "confirmed_sat"), 500'000);
    QVERIFY2(second >= 0 && second <= 3, qPrintable(QString::number(second)));
    mine(3);
    const int third = countCalls(p.payee, {arg("wallet"), arg("balance")}, log, "getblock", &balance);
    QVERIFY2(third >= 3 && third <= 6, qPrintable(QString::number(third)));

    // The blocks since the payment go, the saved tip with them: the payment is back in the mempool.
    const QString paidIn = rpc("getblockhash", {height() - 3}).toString();
    rpc("invalidateblock", {paidIn});
    const int afterReorg = countCalls(p.payee, {arg("wallet"), arg("balance")}, log, "getblock", &balance);
    QCOMPARE(satField(balance, "confirmed_sat"), 0);
    QCOMPARE(satField(balance, "unconfirmed_sat"), 500'000);
    QVERIFY2(afterReorg >= 0 && afterReorg <= 3, qPrintable(QString::number(afterReorg)));
    mine(1);
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 500'000);

    // A channel's funding is new to both sides' watch lists: the node's UTXO set says
    // where it can be, so only the blocks from there are read again, not 2,000.
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--out"), p.file("offer.spw")}).exitCode, 0);
    CliResult r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("50000"), arg("--variant"),
                               arg("cltv"), arg("--commit-fee"), arg("500"), arg("--refund-fee"), arg("400"), arg("--out"),
                               p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = p.payee.run({arg("channel"), arg("accept"), p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    mine(1);
    for (const CliRunner *who : {&p.payer, &p.payee}) {
        QJsonObject list;
        const int reads = countCalls(*who, {arg("channel"), arg("list")}, log, "getblock", &list);
        QCOMPARE(list.value(QLatin1String("channels")).toArray().at(0).toObject().value(QLatin1String("state")).toString(), arg("open"));
        QVERIFY2(reads >= 1 && reads <= 6, qPrintable(QString::number(reads)));
    }
}

void TestRegtest::utxoSetFastPathOnCore()
{
    // The fast path of a short command far from its birthday: the node's UTXO set
    // (scantxoutset) answers which coins a script has, without reading a block.
    if (m_node.name() != QLatin1String("bitcoind"))
        QSKIP("scantxoutset: Bitcoin Core only (bcoin has none: blocks are read there)");
    const bitcoin::Script script = bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash());
    const QString address = QString::fromStdString(*bitcoin::encodeAddress(script, bitcoin::network(bitcoin::NetworkId::Regtest)));
    const int birth = height();
    rpc("generatetoaddress", {1, address});
    const QJsonObject block = rpc("getblock", {rpc("getbestblockhash").toString(), 2}).toObject();
    const qint64 reward = qRound64(block.value(QLatin1String("tx")).toArray().at(0).toObject().value(QLatin1String("vout")).toArray().at(0)
                                       .toObject().value(QLatin1String("value")).toDouble() * 1e8);
    mine(1100);
    const QString log = m_dir.filePath(QStringLiteral("in-process-rpc.log"));
    chain::CoreRpcBackend backend({m_node.endpoint(), bitcoin::NetworkId::Regtest, 0});
    backend.setScanStart(birth - 100);
    QFile::remove(log);
    auto coins = chain::await(backend.unspentOutputs({script}));
    QVERIFY2(coins.ok(), coins.ok() ? "" : coins.error().describe().c_str());
    QCOMPARE(coins->size(), size_t(1));
    QCOMPARE(coins->at(0).output.value.sat(), reward);
    QCOMPARE(coins->at(0).output.scriptPubKey, script);
    QCOMPARE(coins->at(0).height, birth + 1);
    QCOMPARE(coins->at(0).confirmations, 1101);
    QVERIFY(coins->at(0).coinbase);
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> calls = f.readAll().split('\n');
    QVERIFY2(calls.contains("scantxoutset"), calls.join(' ').constData());
    QVERIFY2(!calls.contains("getblock"), calls.join(' ').constData());
}

namespace {

/// The funding witness script as protocol.md's "Two variants" table writes it,
/// opcode by opcode (not through the project's own script builders).
QString protocolWitnessScript(Variant variant, const Bytes &payerPub, const Bytes &payeePub, uint32_t expiry)
{
    const QString payer = QString::fromStdString(toHex(payerPub)), payee = QString::fromStdString(toHex(payeePub));
    if (variant == Variant::Refund) // OP_2 <payer_pub> <payee_pub> OP_2 OP_CHECKMULTISIG
        return QStringLiteral("5221") + payer + QStringLiteral("21") + payee + QStringLiteral("52ae");
    // OP_IF <payee_pub> OP_CHECKSIGVERIFY OP_ELSE <expiry> OP_CHECKLOCKTIMEVERIFY OP_DROP OP_ENDIF <payer_pub> OP_CHECKSIG
    const Bytes n = bitcoin::scriptNumEncode(expiry);
    return QStringLiteral("6321") + payee + QStringLiteral("ad67") + QStringLiteral("%1").arg(n.size(), 2, 16, QLatin1Char('0')) +
           QString::fromStdString(toHex(n)) + QStringLiteral("b1756821") + payer + QStringLiteral("ac");
}

bool strictLowSSignature(const QString &hex)
{
    auto sig = spillway::fromHex(hex.toStdString());
    return sig && sig->size() > 9 && sig->back() == bitcoin::SIGHASH_ALL && bitcoin::isValidSignatureEncoding(*sig) &&
           bitcoin::isLowDerSignature(ByteView(*sig).first(sig->size() - 1));
}

} // namespace

/// What a user does, through spillway-cli only, on Bitcoin Core: two wallets,
/// mine, send, open both variants, pay 10 times, settle; then the node itself
/// says what the settlements are (protocol.md's witness, version, lock time,
/// sequence, output order) and judges a refund before and after its expiry.
void TestRegtest::userRunCheckedByCore()
{
    if (m_node.kind() != RegtestNode::Kind::Bitcoind)
        QSKIP("the node's own decoding (getrawtransaction verbose, finalizepsbt): runs with SPILLWAY_TEST_NODE=bitcoind");
    Pair p = makePair("user");
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    auto cli = [](const CliRunner &who, const QStringList &args) {
        const CliResult r = who.run(args);
        if (r.exitCode != 0)
            qWarning("spillway-cli %s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return r.exitCode == 0;
    };
    QVERIFY(cli(p.payer, {arg("chain"), arg("mine"), arg("101")}));
    const QString payeeAddress = QString::fromUtf8(p.payee.run({arg("wallet"), arg("address")}).out.trimmed());
    QVERIFY(cli(p.payer, {arg("wallet"), arg("send"), payeeAddress, arg("250000")}));
    QVERIFY(cli(p.payer, {arg("chain"), arg("mine"), arg("1")}));
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 250'000);

    auto open = [&](Variant variant, int expiryBlocks, const char *tag) -> QString {
        const QString offer = p.file(tag) + QStringLiteral("-offer.spw"), proposal = p.file(tag) + QStringLiteral("-proposal.spw"),
                      answer = p.file(tag) + QStringLiteral("-answer.spw"), funded = p.file(tag) + QStringLiteral("-funded.spw");
        if (!cli(p.payee, {arg("channel"), arg("offer"), arg("--out"), offer}) ||
            !cli(p.payer, {arg("channel"), arg("open"), offer, arg("--capacity"), arg("80000"), arg("--expiry-blocks"),
                           QString::number(expiryBlocks), arg("--variant"), variant == Variant::Refund ? arg("refund") : arg("cltv"),
                           arg("--commit-fee"), arg("500"), arg("--refund-fee"), arg("400"), arg("--out"), proposal}) ||
            !cli(p.payee, {arg("channel"), arg("accept"), proposal, arg("--out"), answer}))
            return {};
        if (variant == Variant::Refund &&
            (!cli(p.payer, {arg("channel"), arg("import"), answer, arg("--out"), funded}) ||
             !cli(p.payee, {arg("channel"), arg("import"), funded})))
            return {};
        if (!cli(p.payer, {arg("chain"), arg("mine"), arg("1")}))
            return {};
        const QJsonArray list = p.payer.json({arg("channel"), arg("list")}).value(QLatin1String("channels")).toArray();
        return list.isEmpty() ? QString() : list.last().toObject().value(QLatin1String("id")).toString();
    };

    for (Variant variant : {Variant::Refund, Variant::Cltv}) {
        const char *tag = variant == Variant::Refund ? "refund" : "cltv";
        const QString id = open(variant, 144, tag);
        QVERIFY2(!id.isEmpty(), tag);
        QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("open"));
        for (int n = 1; n <= 10; ++n) {
            QVERIFY(cli(p.payer, {arg("channel"), arg("pay"), id, arg("1000"), arg("--out"), p.file("payment.spw")}));
            QVERIFY(cli(p.payee, {arg("channel"), arg("import"), p.file("payment.spw"), arg("--out"), p.file("ack.spw")}));
            QVERIFY(cli(p.payer, {arg("channel"), arg("import"), p.file("ack.spw")}));
        }
        const CliResult settled = p.payee.run({arg("channel"), arg("settle"), id, arg("--json")});
        QVERIFY2(settled.exitCode == 0, settled.err.constData());
        const QString txid = settled.json().value(QLatin1String("txid")).toString();
        QVERIFY(cli(p.payer, {arg("chain"), arg("mine"), arg("1")}));

        // What the project's own code says the settlement must be (the channel's terms from the payer's store).
        store::ChannelStore payerStore;
        QVERIFY(payerStore.open(p.payer.dataDir()).ok());
        auto rec = payerStore.findByText(id);
        QVERIFY(rec.ok());
        const channel::ChannelParams &params = rec->params;
        const bitcoin::Transaction expected = channel::buildCommitment(params, bitcoin::Amount::fromSat(10'000));

        // What the node says it is.
        // (No -txindex: the block is named; verbosity 2 adds what each input spends.)
        const QJsonObject tx = rpc("getrawtransaction", {txid, 2, rpc("getbestblockhash").toString()}).toObject();
        QCOMPARE(tx.value(QLatin1String("confirmations")).toInt(), 1);
        QCOMPARE(tx.value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(tx.value(QLatin1String("locktime")).toInteger(), 0);
        const QJsonArray vin = tx.value(QLatin1String("vin")).toArray();
        QCOMPARE(vin.size(), 1);
        const QJsonObject in = vin[0].toObject();
        QCOMPARE(in.value(QLatin1String("txid")).toString(), QString::fromStdString(bitcoin::toDisplayHex(params.funding.txid)));
        QCOMPARE(in.value(QLatin1String("vout")).toInt(), static_cast<int>(params.funding.index));
        QCOMPARE(in.value(QLatin1String("sequence")).toInteger(), qint64(0xFFFFFFFF));
        const QJsonArray witness = in.value(QLatin1String("txinwitness")).toArray();
        QCOMPARE(witness.size(), 4);
        const QString script = protocolWitnessScript(variant, params.payerPub, params.payeePub, params.expiry);
        QCOMPARE(witness[3].toString(), script);
        QCOMPARE(witness[3].toString(), QString::fromStdString(toHex(params.witnessScript().bytes())));
        if (variant == Variant::Refund) { // <> <payer_sig> <payee_sig> <script>
            QCOMPARE(witness[0].toString(), QString());
            QVERIFY(strictLowSSignature(witness[1].toString()) && strictLowSSignature(witness[2].toString()));
        } else { // <payer_sig> <payee_sig> 01 <script>
            QVERIFY(strictLowSSignature(witness[0].toString()) && strictLowSSignature(witness[1].toString()));
            QCOMPARE(witness[2].toString(), arg("01"));
        }
        // The funding output is the P2WSH of that script.
        const QString fundingSpk =
            in.value(QLatin1String("prevout")).toObject().value(QLatin1String("scriptPubKey")).toObject().value(QLatin1String("hex")).toString();
        QCOMPARE(fundingSpk, QStringLiteral("0020") + QString::fromStdString(toHex(bitcoin::sha256(*spillway::fromHex(script.toStdString())))));
        // Outputs: the payee's payout first, then the payer's output, as the project builds them.
        const QJsonArray vout = tx.value(QLatin1String("vout")).toArray();
        QCOMPARE(vout.size(), 2);
        QCOMPARE(expected.outputs.size(), size_t(2));
        const qint64 amounts[] = {10'000, 80'000 - 500 - 10'000};
        for (int i = 0; i < 2; ++i) {
            const QJsonObject o = vout[i].toObject();
            QCOMPARE(qRound64(o.value(QLatin1String("value")).toDouble() * 1e8), amounts[i]);
            QCOMPARE(expected.outputs[static_cast<size_t>(i)].value.sat(), amounts[i]);
            QCOMPARE(o.value(QLatin1String("scriptPubKey")).toObject().value(QLatin1String("hex")).toString(),
                     QString::fromStdString(toHex(expected.outputs[static_cast<size_t>(i)].scriptPubKey.bytes())));
        }
        QCOMPARE(vout[0].toObject().value(QLatin1String("scriptPubKey")).toObject().value(QLatin1String("hex")).toString(),
                 QString::fromStdString(toHex(params.payeePayout.bytes())));
        QCOMPARE(txid, QString::fromStdString(bitcoin::toDisplayHex(expected.txid())));
    }

    // A refund: the node calls it non-final before expiry, and mines it after.
    const QString id = open(Variant::Refund, 20, "expiring");
    QVERIFY(!id.isEmpty());
    const int expiry = p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("expiry_height")).toInt();
    const CliResult psbt = p.payer.run({arg("channel"), arg("export-psbt"), id, arg("refund")});
    QVERIFY2(psbt.exitCode == 0, psbt.err.constData());
    const QJsonObject finalized = rpc("finalizepsbt", {QString::fromUtf8(psbt.out.trimmed())}).toObject();
    QVERIFY(finalized.value(QLatin1String("complete")).toBool());
    const QString refundHex = finalized.value(QLatin1String("hex")).toString();
    QVERIFY(height() < expiry - 1);
    QJsonArray raw;
    raw.append(QJsonArray{refundHex});
    QJsonObject verdict = rpc("testmempoolaccept", raw).toArray().at(0).toObject();
    QCOMPARE(verdict.value(QLatin1String("allowed")).toBool(true), false);
    QCOMPARE(verdict.value(QLatin1String("reject-reason")).toString(), arg("non-final"));
    const CliResult early = p.payer.run({arg("channel"), arg("refund"), id});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.startsWith("NON_FINAL"), early.err.constData());
    QVERIFY(cli(p.payer, {arg("chain"), arg("mine"), QString::number(expiry - height())}));
    const CliResult refund = p.payer.run({arg("channel"), arg("refund"), id, arg("--json")});
    QVERIFY2(refund.exitCode == 0, refund.err.constData());
    const QString refundTxid = refund.json().value(QLatin1String("txid")).toString();
    QCOMPARE(refundTxid, rpc("decoderawtransaction", {refundHex}).toObject().value(QLatin1String("txid")).toString());
    QVERIFY(cli(p.payer, {arg("chain"), arg("mine"), arg("1")}));
    const QJsonObject mined = rpc("getrawtransaction", {refundTxid, 1, rpc("getbestblockhash").toString()}).toObject();
    QCOMPARE(mined.value(QLatin1String("confirmations")).toInt(), 1);
    QCOMPARE(mined.value(QLatin1String("locktime")).toInt(), expiry);
    QCOMPARE(mined.value(QLatin1String("vin")).toArray()[0].toObject().value(QLatin1String("sequence")).toInteger(), qint64(0xFFFFFFFE));
    QCOMPARE(p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("refunded"));
}

void TestRegtest::settingsTestConnection()
{
    ui::SettingsDialog d;
    auto *network = d.findChild<QComboBox *>(QStringLiteral("networkComboBox"));
    QVERIFY(network);
    network->setCurrentIndex(network->findData(static_cast<int>(bitcoin::NetworkId::Regtest)));
    QVERIFY(d.findChild<QLineEdit *>(QStringLiteral("rpcUrlLineEdit"))->isEnabled());
    d.findChild<QLineEdit *>(QStringLiteral("rpcUrlLineEdit"))->setText(m_node.endpoint().url.toString());
    d.findChild<QLineEdit *>(QStringLiteral("rpcCookieLineEdit"))->setText(m_node.endpoint().cookieFile);
    QSignalSpy tested(&d, &ui::SettingsDialog::connectionTested);
    // The answer can come inside click() (a future already finished when the dialog
    // attaches its continuation runs it at once), so count answers, not wait for a new one.
    auto answered = [&tested](qsizetype before) { return tested.size() > before || tested.wait(30000); };
    qsizetype before = tested.size();
    d.findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(answered(before));
    QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
    const QString shown = d.findChild<QLabel *>(QStringLiteral("connectionResultLabel"))->text();
    QVERIFY2(shown.contains(QLatin1String("regtest")) && shown.contains(QString::number(height())), qPrintable(shown));
    if (qEnvironmentVariableIsSet("SPILLWAY_SCREENSHOT_DIR")) // to look at the dialog
        d.grab().save(qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR") + QStringLiteral("/settings-node.png"));

    // What went wrong, said plainly: a cookie that is not there, a node on another network.
    d.findChild<QLineEdit *>(QStringLiteral("rpcCookieLineEdit"))->setText(m_dir.filePath(QStringLiteral("no-such.cookie")));
    before = tested.size();
    d.findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(answered(before));
    QVERIFY(!tested.last().at(0).toBool());
    QVERIFY2(tested.last().at(1).toString().contains(QLatin1String("cookie")), qPrintable(tested.last().at(1).toString()));
    d.findChild<QLineEdit *>(QStringLiteral("rpcCookieLineEdit"))->setText(m_node.endpoint().cookieFile);
    network->setCurrentIndex(network->findData(static_cast<int>(bitcoin::NetworkId::Signet)));
    d.findChild<QLineEdit *>(QStringLiteral("rpcUrlLineEdit"))->setText(m_node.endpoint().url.toString());
    before = tested.size();
    d.findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(answered(before));
    QVERIFY(!tested.last().at(0).toBool());
    QVERIFY2(tested.last().at(1).toString().contains(QLatin1String("regtest")), qPrintable(tested.last().at(1).toString()));
}

void TestRegtest::desktopWalletOnTheNode()
{
    chain::ChainSettings settings;
    settings.network = bitcoin::NetworkId::Regtest;
    settings.rpc = m_node.endpoint();
    settings.pollMs = 200;
    // The wallet exists already (the first-run recovery-phrase dialog is tst_gui_flow's).
    const QString dataDir = m_dir.filePath(QStringLiteral("desktop"));
    QVERIFY(!CliRunner(m_node.cliArgs(), dataDir).json({arg("wallet"), arg("create")}).isEmpty());
    auto *service = new ui::WalletService(dataDir, settings);
    {
        ui::MainWindow window(service);
        QSignalSpy ready(service, &ui::WalletService::ready);
        QSignalSpy balance(service, &ui::WalletService::balanceChanged);
        QSignalSpy failed(service, &ui::WalletService::failed);
        service->startOnThread();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(ready.first().at(0).toString(), arg("regtest"));
        // The spy hears `ready` on the service's thread; the window, queued, a moment later.
        QTRY_VERIFY2_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("networkLabel"))->text().contains(QLatin1String("regtest")),
                                  qPrintable(window.findChild<QLabel *>(QStringLiteral("networkLabel"))->text()), 10000);
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("mineButton"))->isHidden());
        // The Mine button on regtest asks the node; the reward shows up as the node confirms it.
        QMetaObject::invokeMethod(service, "mine", Qt::QueuedConnection, Q_ARG(int, 101));
        QTRY_VERIFY_WITH_TIMEOUT(!balance.isEmpty() && balance.last().at(0).toLongLong() > 0, 60000);
        QVERIFY(failed.isEmpty());
        // A block mined by someone else reaches the window by itself (the tip is followed).
        QSignalSpy tip(service, &ui::WalletService::tipChanged);
        mine(1);
        QTRY_VERIFY_WITH_TIMEOUT(!tip.isEmpty() && tip.last().at(0).toInt() == height(), 30000);
    }
    delete service;
}

/// Bitcoin Core restarted on the same data directory (a new cookie), then with
/// one RPC thread and a work queue of one, kept busy: the same backend goes on.
void TestRegtest::nodeRestartsAndIsBusy()
{
    if (m_node.kind() != RegtestNode::Kind::Bitcoind)
        QSKIP("bcoin's regtest chain lives in memory: the restart runs on Bitcoin Core");
    chain::CoreRpcBackend backend({m_node.endpoint(), bitcoin::NetworkId::Regtest, 0});
    auto info = chain::await(backend.nodeInfo());
    QVERIFY(info.ok());
    // Core 30 relays from 0.1 sat/vB; the rates we use stay at 1 sat/vB or more.
    QCOMPARE(info->relayFeeSatPerKvB, qint64(100));
    QVERIFY(chain::await(backend.estimateFeeRate(2))->satPerKvB >= chain::kMinFeeRate);
    auto before = chain::await(backend.tip());
    QVERIFY(before.ok());
    auto readCookie = [&] {
        QFile f(m_node.endpoint().cookieFile);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray oldCookie = readCookie();
    QVERIFY(!oldCookie.isEmpty());

    QString why = m_node.restart({QStringLiteral("-rpcthreads=1"), QStringLiteral("-rpcworkqueue=1")});
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(readCookie() != oldCookie);
    auto after = chain::await(backend.tip());
    QVERIFY2(after.ok(), after ? "" : after.error().describe().c_str());
    QCOMPARE(after->hash, before->hash);

    // Two calls take the only RPC thread and the only place in the queue for 3 s.
    struct Waiters : std::vector<std::unique_ptr<QThread>> {
        ~Waiters() // also when a check below fails: a running QThread must not be destroyed
        {
            for (auto &t : *this)
                t->wait();
        }
    } waiters;
    for (int i = 0; i < 2; ++i) {
        waiters.emplace_back(QThread::create([endpoint = m_node.endpoint()] {
            chain::RpcClient c(endpoint);
            (void)c.call(QStringLiteral("waitfornewblock"), {3000});
        }));
        waiters.back()->start();
        QThread::msleep(300);
    }
    // A client that does not wait is told the node is busy (so the queue is full indeed)...
    chain::RpcEndpoint impatient = m_node.endpoint();
    impatient.busyWaitMs = 0;
    chain::RpcClient probe(impatient);
    auto refused = probe.call(QStringLiteral("getblockcount"));
    QVERIFY(!refused.ok());
    QCOMPARE(errorCodeName(refused.error().code), std::string_view("NODE_BUSY"));
    QVERIFY2(refused.error().context.find("Work queue depth exceeded") != std::string::npos, refused.error().context.c_str());
    // ...and the backend, asking again with back-off, gets its answer once the node has room.
    QElapsedTimer clock;
    clock.start();
    auto busy = chain::await(backend.tip());
    QVERIFY2(busy.ok(), busy ? "" : busy.error().describe().c_str());
    QCOMPARE(busy->hash, before->hash);
    qInfo("answered after %lld ms of a full work queue", clock.elapsed());
    for (auto &t : waiters)
        QVERIFY(t->wait(30000));
    why = m_node.restart();
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

QTEST_MAIN(TestRegtest)
#include "tst_regtest.moc"
