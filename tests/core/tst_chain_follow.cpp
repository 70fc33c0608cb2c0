// The parts of the Bitcoin Core RPC backend that need no node: the block
// parser (against Core's regtest genesis block), the scanner's bookkeeping
// (coins, spends, reorg roll-back, mempool overlay), the mapping of Core's
// reject reasons, and the RPC client against canned HTTP answers on a real
// loopback socket (auth refused, silence, garbage, errors, chunked, keep-alive).
#include "bitcoin/Block.h"
#include "bitcoin/Script.h"
#include "chain/ChainScanner.h"
#include "chain/CoreRpcBackend.h"
#include "chain/RpcClient.h"
#include "chain/ScanState.h"

#include <QTemporaryDir>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::chain;

namespace {

// Bitcoin Core's regtest genesis block (chainparams.cpp CreateGenesisBlock(1296688602, 2, 0x207fffff, 1, 50 * COIN)),
// as bcoin 1.0.2 also lists it (lib/protocol/networks.js, regtest.genesisBlock); its hash is Core's
// regtest consensus.hashGenesisBlock.
constexpr const char *kRegtestGenesis =
    "0100000000000000000000000000000000000000000000000000000000000000000000"
    "003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4adae5"
    "494dffff7f200200000001010000000100000000000000000000000000000000000000"
    "00000000000000000000000000ffffffff4d04ffff001d0104455468652054696d6573"
    "2030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66"
    "207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01"
    "000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f"
    "61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5f"
    "ac00000000";
constexpr const char *kRegtestGenesisHash = "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206";

Script scriptFor(uint8_t tag)
{
    return Script(Bytes{0x00, 0x14, tag, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
}

Transaction coinbase(int height, const Script &to, int64_t value)
{
    Transaction tx;
    TxIn in;
    in.prevout = OutPoint{Hash256{}, 0xffffffff};
    in.scriptSig = Script(Bytes{0x02, static_cast<uint8_t>(height), 0x00});
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(value), to});
    return tx;
}

Transaction spend(const OutPoint &from, const Script &to, int64_t value)
{
    Transaction tx;
    TxIn in;
    in.prevout = from;
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(value), to});
    return tx;
}

/// A block on top of `prev` holding `txs` (the scanner does not check proof of work).
std::pair<Block, Hash256> makeBlock(const Hash256 &prev, std::vector<Transaction> txs, uint32_t nonce = 0)
{
    Block b;
    b.header.version = 0x20000000;
    b.header.prevBlock = prev;
    b.header.time = 1700000000 + nonce;
    b.header.nonce = nonce;
    std::vector<Hash256> ids;
    for (const auto &tx : txs)
        ids.push_back(tx.txid());
    b.header.merkleRoot = merkleRoot(ids);
    b.transactions = std::move(txs);
    return {b, b.header.hash()};
}

/// Answers each HTTP request on one loopback port with `respond(requestBody)`, on its own thread.
class CannedServer : public QThread {
public:
    using Responder = std::function<QByteArray(const QByteArray &)>;
    explicit CannedServer(Responder r) : m_respond(std::move(r))
    {
        m_port = 0;
        start();
        while (m_port.load() == 0)
            QThread::msleep(5);
    }
    ~CannedServer() override
    {
        m_stop = true;
        wait();
    }
    int port() const { return m_port.load(); }
    int connections() const { return m_connections.load(); }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        while (!m_stop) {
            if (server.waitForNewConnection(20)) {
                while (QTcpSocket *s = server.nextPendingConnection()) {
                    sockets.emplace_back(s);
                    ++m_connections;
                }
            }
            for (auto &s : sockets) {
                if (!s || s->state() != QAbstractSocket::ConnectedState)
                    continue;
                s->waitForReadyRead(5);
                QByteArray &buf = m_buffers[s.get()];
                buf += s->readAll();
                const qsizetype end = buf.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                const QByteArray head = buf.left(end).toLower();
                const qsizetype at = head.indexOf("content-length:");
                const int length = at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toInt();
                if (buf.size() < end + 4 + length)
                    continue;
                const QByteArray body = buf.mid(end + 4, length);
                buf.remove(0, end + 4 + length);
                const QByteArray answer = m_respond(body);
                if (answer == "CLOSE") {
                    s->abort();
                    continue;
                }
                if (!answer.isEmpty()) {
                    s->write(answer);
                    s->waitForBytesWritten(1000);
                }
            }
        }
    }

private:
    Responder m_respond;
    std::atomic<int> m_port;
    std::atomic<int> m_connections{0};
    std::atomic<bool> m_stop{false};
    std::map<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray http(int status, const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body;
}

RpcEndpoint endpointFor(int port)
{
    RpcEndpoint e;
    e.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    e.user = QStringLiteral("u");
    e.password = QStringLiteral("p");
    e.timeoutMs = 400;
    e.retries = 1;
    return e;
}

} // namespace

class TestChainFollow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesCoresRegtestGenesis();
    void scannerFollowsAndRollsBack();
    void mempoolOverlay();
    void watchingSomethingNewNeedsRescan();
    void partialRescanFromABound();
    void scanStateResumes();
    void coreRejectReasons();
    void testAcceptVerdicts();
    void rpcAnswers();
    void rpcTrouble();
    void rpcBusyAskedAgain();
    void nodeStateChecked();
    void utxoSetFastPath();
};

void TestChainFollow::parsesCoresRegtestGenesis()
{
    auto raw = fromHex(kRegtestGenesis);
    QVERIFY(raw.ok());
    auto block = Block::parse(*raw);
    QVERIFY2(block.ok(), block ? "" : block.error().describe().c_str());
    QCOMPARE(toDisplayHex(block->header.hash()), std::string(kRegtestGenesisHash));
    QCOMPARE(block->transactions.size(), size_t(1));
    QCOMPARE(block->transactions[0].outputs[0].value.sat(), int64_t(5'000'000'000));
    // A changed transaction no longer matches the merkle root; cut or padded data is refused.
    Bytes tampered = *raw;
    tampered[tampered.size() - 10] ^= 1;
    QVERIFY(!Block::parse(tampered).ok());
    QVERIFY(!Block::parse(ByteView(raw->data(), raw->size() - 1)).ok());
    Bytes padded = *raw;
    padded.push_back(0);
    QCOMPARE(Block::parse(padded).error().code, ErrorCode::TrailingData);
}

void TestChainFollow::scannerFollowsAndRollsBack()
{
    const Script mine = scriptFor(1), theirs = scriptFor(2);
    ChainScanner s;
    s.setStartHeight(10);
    s.watchScripts({mine});
    s.reset();
    QCOMPARE(s.nextHeight(), 10);

    const Transaction cb = coinbase(10, mine, 5000);
    auto [b10, h10] = makeBlock(Hash256{}, {cb});
    QVERIFY(s.connect(b10, h10).ok());
    const OutPoint coin{cb.txid(), 0};
    auto utxos = s.unspent({mine});
    QCOMPARE(utxos.size(), size_t(1));
    QCOMPARE(utxos[0].height, 10);
    QVERIFY(utxos[0].coinbase);

    // Block 11 spends the coin to someone else; block 12 is empty.
    const Transaction pay = spend(coin, theirs, 4000);
    auto [b11, h11] = makeBlock(h10, {coinbase(11, theirs, 1), pay});
    QVERIFY(s.connect(b11, h11).ok());
    auto [b12, h12] = makeBlock(h11, {coinbase(12, theirs, 1)});
    QVERIFY(s.connect(b12, h12).ok());
    QVERIFY(s.unspent({mine}).empty());
    SpendInfo sp = s.spend(coin);
    QVERIFY(sp.exists && sp.spent);
    QCOMPARE(sp.spender, pay.txid());
    QCOMPARE(sp.spenderHeight, 11);
    QCOMPARE(s.status(pay.txid()).blockHeight, 11);
    QCOMPARE(s.status(pay.txid()).confirmations, 2);
    QCOMPARE(s.status(cb.txid()).confirmations, 3);

    // A block that does not follow the tip is refused.
    auto [stray, strayHash] = makeBlock(h10, {coinbase(13, theirs, 1)}, 99);
    QVERIFY(!s.connect(stray, strayHash).ok());

    // Reorg: blocks 12 and 11 go; the coin is unspent again, the spender unknown.
    s.disconnectTip();
    s.disconnectTip();
    QCOMPARE(s.tipHeight(), 10);
    QCOMPARE(s.unspent({mine}).size(), size_t(1));
    QVERIFY(!s.spend(coin).spent);
    QVERIFY(!s.status(pay.txid()).known);
    // The other branch confirms it one block later.
    auto [c11, g11] = makeBlock(h10, {coinbase(11, theirs, 2)}, 7);
    auto [c12, g12] = makeBlock(g11, {coinbase(12, theirs, 2), pay}, 8);
    QVERIFY(s.connect(c11, g11).ok());
    QVERIFY(s.connect(c12, g12).ok());
    QCOMPARE(s.spend(coin).spenderHeight, 12);
    QCOMPARE(*s.hashAt(12), g12);
}

void TestChainFollow::mempoolOverlay()
{
    const Script mine = scriptFor(1), theirs = scriptFor(2);
    ChainScanner s;
    s.watchScripts({mine});
    const Transaction cb = coinbase(0, mine, 5000);
    auto [b0, h0] = makeBlock(Hash256{}, {cb});
    QVERIFY(s.connect(b0, h0).ok());
    // In the mempool: a payment to us from the coin, then (listed first) its child paying on.
    const Transaction parent = spend(OutPoint{cb.txid(), 0}, mine, 4500);
    const Transaction child = spend(OutPoint{parent.txid(), 0}, theirs, 4000);
    s.setMempool({child, parent});
    QVERIFY(s.unspent({mine}).empty()); // the coin and the parent's output are both spent in the mempool
    QCOMPARE(s.spend(OutPoint{cb.txid(), 0}).spenderHeight, -1);
    QCOMPARE(s.spend(OutPoint{parent.txid(), 0}).spender, child.txid());
    QVERIFY(s.status(parent.txid()).inMempool);
    // The child leaves the mempool: the parent's output is ours, unconfirmed.
    s.setMempool({parent});
    auto utxos = s.unspent({mine});
    QCOMPARE(utxos.size(), size_t(1));
    QCOMPARE(utxos[0].height, -1);
    QCOMPARE(utxos[0].confirmations, 0);
    QCOMPARE(utxos[0].output.value.sat(), int64_t(4500));
}

void TestChainFollow::watchingSomethingNewNeedsRescan()
{
    ChainScanner s;
    QVERIFY(s.watchScripts({scriptFor(1)}));
    QVERIFY(s.needsRescan());
    s.reset();
    QVERIFY(!s.needsRescan());
    QVERIFY(!s.watchScripts({scriptFor(1)}));
    QVERIFY(!s.needsRescan());
    QVERIFY(s.watchTxid(Hash256{1}));
    QVERIFY(s.needsRescan());
    s.reset();
    QVERIFY(s.watchOutpoint(OutPoint{Hash256{2}, 1}));
    QVERIFY(!s.watchOutpoint(OutPoint{Hash256{2}, 1}));
    s.reset();
    s.setStartHeight(5);
    QVERIFY(s.needsRescan());
    QCOMPARE(s.rescanFrom(), 5);
}

void TestChainFollow::partialRescanFromABound()
{
    const Script mine = scriptFor(1), theirs = scriptFor(2);
    ChainScanner s;
    s.setStartHeight(10);
    s.watchScripts({mine});
    s.reset();
    Hash256 prev{};
    std::vector<Transaction> payments;
    for (int h = 10; h < 20; ++h) {
        const Transaction cb = coinbase(h, theirs, 1000 + h);
        payments.push_back(cb);
        auto [b, hash] = makeBlock(prev, {cb}, static_cast<uint32_t>(h));
        QVERIFY(s.connect(b, hash).ok());
        prev = hash;
    }
    // A txid the node places at height 16 or later: blocks from 16 are read again, not from 10.
    QVERIFY(s.watchTxid(payments[7].txid(), 16));
    QVERIFY(s.needsRescan());
    QCOMPARE(s.rescanFrom(), 16);
    s.rescanFromHeight(s.rescanFrom());
    QVERIFY(!s.needsRescan());
    QCOMPARE(s.nextHeight(), 16);
    QCOMPARE(s.tipHeight(), 15);
    // Something that may be anywhere takes it back to the start.
    QVERIFY(s.watchTxid(payments[8].txid(), 18));
    QVERIFY(s.watchOutpoint(OutPoint{payments[2].txid(), 0}));
    QCOMPARE(s.rescanFrom(), 10);
    // In the mempool (a bound above the tip): nothing to read again.
    ChainScanner t;
    t.setStartHeight(0);
    t.reset();
    auto [b0, h0] = makeBlock(Hash256{}, {coinbase(0, theirs, 1)});
    QVERIFY(t.connect(b0, h0).ok());
    QVERIFY(t.watchTxid(sha256(asBytes("fresh")), 1));
    t.rescanFromHeight(t.rescanFrom());
    QCOMPARE(t.tipHeight(), 0);
}

void TestChainFollow::scanStateResumes()
{
    const Script mine = scriptFor(1), theirs = scriptFor(2);
    ChainScanner s;
    s.setStartHeight(10);
    s.watchScripts({mine});
    s.reset();
    const Transaction cb = coinbase(10, mine, 5000);
    auto [b10, h10] = makeBlock(Hash256{}, {cb});
    QVERIFY(s.connect(b10, h10).ok());
    const OutPoint coin{cb.txid(), 0};
    const Transaction pay = spend(coin, theirs, 4000);
    auto [b11, h11] = makeBlock(h10, {coinbase(11, theirs, 1), pay});
    QVERIFY(s.connect(b11, h11).ok());

    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(kScanStateFileName));
    QVERIFY(saveScanState(path, s).ok());

    // A new process: the same answers, without reading a block.
    ChainScanner resumed;
    resumed.setStartHeight(10);
    resumed.watchScripts({mine});
    QVERIFY(loadScanState(path, resumed));
    QVERIFY(!resumed.needsRescan());
    QCOMPARE(resumed.tipHeight(), 11);
    QCOMPARE(*resumed.hashAt(10), h10);
    QCOMPARE(resumed.spend(coin).spender, pay.txid());
    QCOMPARE(resumed.status(pay.txid()).blockHeight, 11);
    QVERIFY(resumed.unspent({mine}).empty());
    QCOMPARE(resumed.saveState(), s.saveState());
    // A reorg across the saved tip rolls back through the saved undo.
    resumed.disconnectTip();
    QCOMPARE(resumed.tipHeight(), 10);
    QCOMPARE(resumed.unspent({mine}).size(), size_t(1));
    QVERIFY(!resumed.status(pay.txid()).known);
    auto [c11, g11] = makeBlock(h10, {coinbase(11, theirs, 3)}, 5);
    QVERIFY(resumed.connect(c11, g11).ok());

    // Something watched that the saved blocks were not read for: they are read again.
    ChainScanner more;
    more.setStartHeight(10);
    more.watchScripts({mine, theirs});
    QVERIFY(loadScanState(path, more));
    QVERIFY(more.needsRescan());
    // Another start height, a damaged file, no file: not used.
    ChainScanner other;
    other.setStartHeight(9);
    QVERIFY(!loadScanState(path, other));
    QCOMPARE(other.tipHeight(), 8);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray data = f.readAll();
    data[data.size() / 2] = static_cast<char>(data[data.size() / 2] ^ 0x40);
    f.seek(0);
    f.write(data);
    f.close();
    ChainScanner damaged;
    damaged.setStartHeight(10);
    QVERIFY(!loadScanState(path, damaged));
    QVERIFY(!damaged.tip());
    QVERIFY(!loadScanState(dir.filePath(QStringLiteral("none")), damaged));
}

void TestChainFollow::coreRejectReasons()
{
    // Reasons as Bitcoin Core (validation.cpp, policy) and bcoin word them.
    const std::pair<const char *, ErrorCode> cases[] = {
        {"non-final", ErrorCode::TxNonFinal},
        {"non-BIP68-final", ErrorCode::TxSequenceLocked},
        {"bad-txns-inputs-missingorspent", ErrorCode::TxMissingInputs},
        {"missing-inputs", ErrorCode::TxMissingInputs},
        {"txn-mempool-conflict", ErrorCode::TxDoubleSpend},
        {"bad-txns-inputs-spent", ErrorCode::TxDoubleSpend},
        {"mandatory-script-verify-flag-failed (Signature must be zero for failed CHECK(MULTI)SIG operation)", ErrorCode::ScriptFailed},
        {"non-mandatory-script-verify-flag (Witness program hash mismatch)", ErrorCode::ScriptFailed},
        {"dust", ErrorCode::TxDust},
        {"min relay fee not met, 100 < 141", ErrorCode::TxFeeTooLow},
        {"mempool min fee not met", ErrorCode::TxMempoolFull},
        {"bad-txns-premature-spend-of-coinbase", ErrorCode::TxImmatureCoinbase},
        {"tx-size-small", ErrorCode::TxNonStandard},
        // Core 28 and later replace whether or not the first spend signals it (full RBF):
        // a conflicting spend is refused for its fee.
        {"insufficient fee, rejecting replacement 0360cd2aaefd1cf4369b401443771495c0581955cb90034e6042e1fd1ae30a97, less fees than "
         "conflicting txs; 0.00000141 < 0.00000423",
         ErrorCode::TxDoubleSpend},
        {"insufficient fee", ErrorCode::TxDoubleSpend},
        {"max-fee-exceeded", ErrorCode::TxFeeTooHigh},
    };
    for (const auto &[reason, code] : cases) {
        const Error e = rejectionError(-26, QString::fromLatin1(reason));
        QVERIFY2(e.code == code, reason);
        QVERIFY(e.context.find(reason) != std::string::npos);
    }
    QCOMPARE(rejectionError(-27, QStringLiteral("Transaction already in block chain")).code, ErrorCode::TxAlreadyConfirmed);
    QCOMPARE(rejectionError(-25, QStringLiteral("bad-txns-inputs-missingorspent")).code, ErrorCode::TxMissingInputs);
    QCOMPARE(rejectionError(-22, QStringLiteral("TX decode failed")).code, ErrorCode::InvalidTransaction);
    QCOMPARE(rejectionError(-25, QStringLiteral("Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)")).code,
             ErrorCode::TxFeeTooHigh);
}

void TestChainFollow::testAcceptVerdicts()
{
    const Hash256 ours = sha256(asBytes("ours")), other = sha256(asBytes("other"));
    const QString id = QString::fromStdString(toDisplayHex(ours)), otherId = QString::fromStdString(toDisplayHex(other));
    auto entry = [](const QString &txid, const QJsonObject &rest) {
        QJsonObject o = rest;
        o.insert(QStringLiteral("txid"), txid);
        return o;
    };
    // Our entry is found by txid, wherever it is in the answer.
    QJsonArray answer{entry(otherId, {{QStringLiteral("allowed"), true}}),
                      entry(id, {{QStringLiteral("allowed"), false}, {QStringLiteral("reject-reason"), QStringLiteral("non-final")}})};
    Status v = acceptVerdict(answer, ours);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, ErrorCode::TxNonFinal);
    QVERIFY(acceptVerdict(answer, other).ok());
    // Details (Core 28+) are kept in the context; the reason decides the code.
    answer = QJsonArray{entry(id, {{QStringLiteral("allowed"), false},
                                   {QStringLiteral("reject-reason"), QStringLiteral("insufficient fee")},
                                   {QStringLiteral("reject-details"), QStringLiteral("insufficient fee, rejecting replacement ab, less fees")}})};
    v = acceptVerdict(answer, ours);
    QCOMPARE(v.error().code, ErrorCode::TxDoubleSpend);
    QVERIFY2(v.error().context.find("rejecting replacement") != std::string::npos, v.error().context.c_str());
    // Not judged because of the package: the package's error.
    answer = QJsonArray{entry(id, {{QStringLiteral("package-error"), QStringLiteral("package-mempool-limits")}})};
    v = acceptVerdict(answer, ours);
    QVERIFY(!v.ok());
    QVERIFY2(v.error().context.find("package-mempool-limits") != std::string::npos, v.error().context.c_str());
    // No entry for it at all.
    QCOMPARE(acceptVerdict(QJsonArray{entry(otherId, {{QStringLiteral("allowed"), true}})}, ours).error().code, ErrorCode::RpcFailed);
}

void TestChainFollow::rpcAnswers()
{
    // A JSON-RPC error (Core sends it with HTTP 500), a batch, a chunked answer, and a
    // kept-alive connection the server drops between calls.
    std::atomic<int> calls{0};
    CannedServer server([&](const QByteArray &body) -> QByteArray {
        const int n = ++calls;
        if (body.startsWith('[')) {
            // Answered in reverse order, with the ids the client chose.
            const QJsonArray req = QJsonDocument::fromJson(body).array();
            const QJsonArray answer{QJsonObject{{QStringLiteral("result"), 7}, {QStringLiteral("id"), req[1].toObject()[QStringLiteral("id")]}},
                                    QJsonObject{{QStringLiteral("result"), QStringLiteral("x")}, {QStringLiteral("id"), req[0].toObject()[QStringLiteral("id")]}}};
            return http(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
        }
        if (body.contains("\"nosuch\""))
            return http(404, R"({"result":null,"error":{"code":-32601,"message":"Method not found"},"id":1})");
        if (body.contains("\"fails\""))
            return http(500, R"({"result":null,"error":{"code":-26,"message":"dust"},"id":1})");
        if (body.contains("\"chunked\"")) {
            const QByteArray json = R"({"result":[1,2,3],"error":null,"id":1})";
            return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray::number(10, 16) + "\r\n" + json.left(10) +
                   "\r\n" + QByteArray::number(json.size() - 10, 16) + "\r\n" + json.mid(10) + "\r\n0\r\n\r\n";
        }
        if (body.contains("\"drop\"") && n % 2 == 0)
            return "CLOSE";
        return http(200, R"({"result":42,"error":null,"id":1})");
    });
    RpcClient rpc(endpointFor(server.port()));
    auto r = rpc.call(QStringLiteral("getblockcount"));
    QVERIFY(r.ok());
    QCOMPARE(r->result.toInt(), 42);
    r = rpc.call(QStringLiteral("nosuch"));
    QVERIFY(r.ok() && r->methodMissing());
    r = rpc.call(QStringLiteral("fails"));
    QVERIFY(r.ok() && r->failed);
    QCOMPARE(r->errorCode, -26);
    QCOMPARE(rejectionError(r->errorCode, r->errorMessage).code, ErrorCode::TxDust);
    QCOMPARE(r->value(QStringLiteral("fails")).error().code, ErrorCode::RpcFailed);
    r = rpc.call(QStringLiteral("chunked"));
    QVERIFY2(r.ok(), r ? "" : r.error().describe().c_str());
    QCOMPARE(r->result.toArray().size(), 3);
    auto b = rpc.batch({{QStringLiteral("a"), {}}, {QStringLiteral("b"), {}}});
    QVERIFY(b.ok());
    QCOMPARE(b->size(), size_t(2)); // answers come back in call order, whatever order the server used
    QCOMPARE((*b)[0].result.toString(), QStringLiteral("x"));
    QCOMPARE((*b)[1].result.toInt(), 7);
    // One connection so far (keep-alive); a dropped one is opened again and the call retried.
    QCOMPARE(server.connections(), 1);
    for (int i = 0; i < 4; ++i) {
        calls = 1; // the next "drop" call is number 2: dropped, then retried
        r = rpc.call(QStringLiteral("drop"));
        QVERIFY2(r.ok(), r ? "" : r.error().describe().c_str());
        QCOMPARE(r->result.toInt(), 42);
    }
}

void TestChainFollow::rpcTrouble()
{
    {
        CannedServer refuses([](const QByteArray &) { return http(401, QByteArray()); });
        RpcClient rpc(endpointFor(refuses.port()));
        auto r = rpc.call(QStringLiteral("getblockcount"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::RpcAuthFailed);
    }
    {
        CannedServer silent([](const QByteArray &) { return QByteArray(); });
        RpcClient rpc(endpointFor(silent.port()));
        auto r = rpc.call(QStringLiteral("getblockcount"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ChainUnavailable);
        QVERIFY2(r.error().context.find("answer") != std::string::npos, r.error().context.c_str());
    }
    {
        CannedServer garbage([](const QByteArray &) { return QByteArray("SSH-2.0-OpenSSH\r\n\r\n"); });
        RpcClient rpc(endpointFor(garbage.port()));
        auto r = rpc.call(QStringLiteral("getblockcount"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::ChainUnavailable);
        QVERIFY2(r.error().context.find("not HTTP") != std::string::npos, r.error().context.c_str());
    }
    {
        CannedServer notJson([](const QByteArray &) { return http(200, "<html>hello</html>"); });
        RpcClient rpc(endpointFor(notJson.port()));
        auto r = rpc.call(QStringLiteral("getblockcount"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::RpcFailed);
    }
    // Nobody listening; a cookie file that is not there.
    RpcEndpoint closed = endpointFor(1);
    auto r = RpcClient(closed).call(QStringLiteral("getblockcount"));
    QCOMPARE(r.error().code, ErrorCode::ChainUnavailable);
    closed.user.clear();
    closed.cookieFile = QStringLiteral("/nonexistent/.cookie");
    r = RpcClient(closed).call(QStringLiteral("getblockcount"));
    QCOMPARE(r.error().code, ErrorCode::RpcAuthFailed);
}

void TestChainFollow::rpcBusyAskedAgain()
{
    // Core's answer while its work queue is full (httpserver.cpp), twice, then the result.
    std::atomic<int> asked{0};
    CannedServer busy([&asked](const QByteArray &) {
        if (++asked <= 2)
            return QByteArray("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 25\r\n\r\nWork queue depth exceeded");
        return http(200, R"({"result":7,"error":null,"id":1})");
    });
    RpcEndpoint e = endpointFor(busy.port());
    e.retries = 0; // being busy does not use up the connection retries
    RpcClient patient(e);
    auto r = patient.call(QStringLiteral("getblockcount"));
    QVERIFY2(r.ok(), r ? "" : r.error().describe().c_str());
    QCOMPARE(r->result.toInt(), 7);
    QCOMPARE(asked.load(), 3);
    // A client that may not wait is told the node is busy, in words.
    asked = 0;
    e.busyWaitMs = 0;
    RpcClient impatient(e);
    r = impatient.call(QStringLiteral("getblockcount"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::NodeBusy);
    QVERIFY2(r.error().context.find("Work queue depth exceeded") != std::string::npos, r.error().context.c_str());
    // One that waits too little gives up after its time, not after a fixed number of tries.
    asked = -100;
    e.busyWaitMs = 300;
    QElapsedTimer clock;
    clock.start();
    r = RpcClient(e).call(QStringLiteral("getblockcount"));
    QCOMPARE(r.error().code, ErrorCode::NodeBusy);
    QVERIFY(clock.elapsed() < 2000);
}

void TestChainFollow::nodeStateChecked()
{
    // A node that reports itself as still syncing, pruned, or on another chain.
    QByteArray info;
    CannedServer node([&](const QByteArray &body) -> QByteArray {
        if (body.contains("getblockchaininfo"))
            return http(200, R"({"result":)" + info + R"(,"error":null,"id":1})");
        if (body.contains("getnetworkinfo"))
            return http(200, R"({"result":{"version":270000,"subversion":"/Satoshi:27.0.0/","relayfee":0.00001},"error":null,"id":1})");
        return http(500, R"({"result":null,"error":{"code":-1,"message":"not in this test"},"id":1})");
    });
    auto check = [&](NetworkId net, const QByteArray &json) {
        info = json;
        CoreRpcBackend backend({endpointFor(node.port()), net, 0});
        backend.setScanStart(1000);
        return await(backend.nodeInfo());
    };
    auto r = check(NetworkId::Signet, R"({"chain":"signet","blocks":100,"headers":200000,"initialblockdownload":true})");
    QCOMPARE(r.error().code, ErrorCode::NodeSyncing);
    QVERIFY2(r.error().context.find("100 of 200000") != std::string::npos, r.error().context.c_str());
    r = check(NetworkId::Signet, R"({"chain":"signet","blocks":200000,"headers":200000,"pruned":true,"pruneheight":150000})");
    QCOMPARE(r.error().code, ErrorCode::NodePruned);
    r = check(NetworkId::Main, R"({"chain":"signet","blocks":200000,"headers":200000})");
    QCOMPARE(r.error().code, ErrorCode::WrongNetwork);
    r = check(NetworkId::Signet, R"({"chain":"signet","blocks":200000,"headers":200000,"pruned":true,"pruneheight":900})");
    QVERIFY2(r.ok(), r ? "" : r.error().describe().c_str());
    QCOMPARE(r->version, QStringLiteral("Satoshi:27.0.0"));
    QCOMPARE(r->height, 200000);
    // A fresh regtest node is "in initial download" until its first block: usable.
    r = check(NetworkId::Regtest, R"({"chain":"regtest","blocks":0,"headers":0,"initialblockdownload":true})");
    QVERIFY(r.ok());
}

void TestChainFollow::utxoSetFastPath()
{
    // A node 5,000 blocks past the wallet's birthday that has scantxoutset: the coins
    // come from the UTXO set, the mempool laid over them, and no block is read.
    const Script mine = scriptFor(7);
    const Hash256 a = sha256(asBytes("coin a")), b = sha256(asBytes("coin b"));
    const Transaction spendsA = spend(OutPoint{a, 0}, scriptFor(8), 49'000'000);
    const Transaction paysUs = spend(OutPoint{sha256(asBytes("elsewhere")), 3}, mine, 10'000'000);
    std::atomic<int> blockReads{0};
    QByteArray scanned;
    CannedServer node([&](const QByteArray &body) -> QByteArray {
        auto ok = [](const QJsonValue &v) {
            return http(200, QJsonDocument(QJsonObject{{QStringLiteral("result"), v}, {QStringLiteral("id"), 1}}).toJson(QJsonDocument::Compact));
        };
        if (body.startsWith('[')) { // getrawtransaction batch, answered in order
            QJsonArray answers;
            for (const QJsonValue &req : QJsonDocument::fromJson(body).array()) {
                const QString id = req.toObject()[QStringLiteral("params")].toArray()[0].toString();
                const Transaction &tx = id == QString::fromStdString(toDisplayHex(spendsA.txid())) ? spendsA : paysUs;
                answers.append(QJsonObject{{QStringLiteral("result"), QString::fromStdString(toHex(tx.serialize()))},
                                           {QStringLiteral("id"), req.toObject()[QStringLiteral("id")]}});
            }
            return http(200, QJsonDocument(answers).toJson(QJsonDocument::Compact));
        }
        const QJsonObject req = QJsonDocument::fromJson(body).object();
        const QString method = req[QStringLiteral("method")].toString();
        if (method == QLatin1String("getblockchaininfo"))
            return ok(QJsonObject{{QStringLiteral("chain"), QStringLiteral("regtest")}, {QStringLiteral("blocks"), 5000}, {QStringLiteral("headers"), 5000}});
        if (method == QLatin1String("getnetworkinfo"))
            return ok(QJsonObject{{QStringLiteral("subversion"), QStringLiteral("/Satoshi:27.0.0/")}, {QStringLiteral("relayfee"), 0.00001}});
        if (method == QLatin1String("getblockcount"))
            return ok(5000);
        if (method == QLatin1String("scantxoutset")) {
            scanned = QJsonDocument(req[QStringLiteral("params")].toArray()).toJson(QJsonDocument::Compact);
            const QString spk = QString::fromStdString(toHex(mine.bytes()));
            return ok(QJsonObject{
                {QStringLiteral("success"), true}, {QStringLiteral("height"), 5000},
                {QStringLiteral("unspents"),
                 QJsonArray{QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(a))}, {QStringLiteral("vout"), 0},
                                        {QStringLiteral("scriptPubKey"), spk}, {QStringLiteral("amount"), 0.5}, {QStringLiteral("height"), 4000}},
                            QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(b))}, {QStringLiteral("vout"), 1},
                                        {QStringLiteral("scriptPubKey"), spk}, {QStringLiteral("amount"), 0.25}, {QStringLiteral("height"), 4990},
                                        {QStringLiteral("coinbase"), true}}}}});
        }
        if (method == QLatin1String("getrawmempool"))
            return ok(QJsonArray{QString::fromStdString(toDisplayHex(spendsA.txid())), QString::fromStdString(toDisplayHex(paysUs.txid()))});
        if (method.startsWith(QLatin1String("getblock")) || method == QLatin1String("getbestblockhash"))
            ++blockReads;
        return http(500, R"({"result":null,"error":{"code":-1,"message":"not in this test"},"id":1})");
    });
    CoreRpcBackend backend({endpointFor(node.port()), NetworkId::Regtest, 0});
    backend.setScanStart(0);
    auto utxos = await(backend.unspentOutputs({mine}));
    QVERIFY2(utxos.ok(), utxos ? "" : utxos.error().describe().c_str());
    QCOMPARE(blockReads.load(), 0);
    QVERIFY2(scanned.contains("raw(" + QByteArray::fromStdString(toHex(mine.bytes())) + ")"), scanned.constData());
    QCOMPARE(utxos->size(), size_t(2)); // coin a is spent in the mempool
    std::map<int64_t, Utxo> byValue;
    for (const auto &u : *utxos)
        byValue[u.output.value.sat()] = u;
    QCOMPARE(byValue.at(25'000'000).outpoint, (OutPoint{b, 1}));
    QCOMPARE(byValue.at(25'000'000).confirmations, 11);
    QVERIFY(byValue.at(25'000'000).coinbase);
    QCOMPARE(byValue.at(10'000'000).height, -1); // the mempool's payment to us
    QCOMPARE(byValue.at(10'000'000).outpoint, (OutPoint{paysUs.txid(), 0}));
}

QTEST_GUILESS_MAIN(TestChainFollow)
#include "tst_chain_follow.moc"
