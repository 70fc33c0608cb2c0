// The embedded local chain's rules, on a real SQLite file: what it accepts into
// the mempool, what it rejects and with which code, and what mining does.
#include "TestData.h"

#include "bitcoin/Interpreter.h"
#include "bitcoin/Key.h"
#include "chain/LocalChainDb.h"

#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::chain;

namespace {

struct Wallet1 {
    PrivateKey key = PrivateKey::generate();
    Script spk() const { return p2wpkh(key.publicKey().hash()); }

    // Spends `coins` (all ours) to `outputs`, signed.
    Transaction spend(const std::vector<std::pair<OutPoint, Amount>> &coins, const std::vector<TxOut> &outputs,
                      uint32_t lockTime = 0, uint32_t sequence = 0xfffffffd, int32_t version = 2) const
    {
        Transaction tx;
        tx.version = version;
        tx.lockTime = lockTime;
        for (const auto &c : coins) {
            TxIn in;
            in.prevout = c.first;
            in.sequence = sequence;
            tx.inputs.push_back(in);
        }
        tx.outputs = outputs;
        const PublicKey pub = key.publicKey();
        for (size_t i = 0; i < coins.size(); ++i) {
            Bytes sig = key.signDer(segwitV0Sighash(tx, i, p2pkh(pub.hash()).bytes(), coins[i].second, SIGHASH_ALL));
            sig.push_back(SIGHASH_ALL);
            tx.inputs[i].witness = {sig, pub.bytes()};
        }
        return tx;
    }
};

OutPoint coinbaseAt(LocalChainDb &db, const Script &spk, int height)
{
    auto utxos = db.unspent({spk});
    for (const auto &u : *utxos)
        if (u.coinbase && u.height == height)
            return u.outpoint;
    qFatal("no coinbase at %d", height);
}

} // namespace

class TestLocalChain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void genesisAndMining();
    void acceptsAndConfirmsAPayment();
    void rejectsImmatureCoinbase();
    void rejectsDoubleSpend();
    void rejectsNonFinal();
    void rejectsBadSignature();
    void rejectsMissingInputsDustAndLowFee();
    void enforcesBip68();
    void survivesReopen();
    void replacesWhenPayingMore();
    void minesByAncestorFeerate();
    void takesPackagesWhenTheMempoolIsFull();
};

void TestLocalChain::genesisAndMining()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db.open().ok());
    QCOMPARE(db.tip()->height, 0);
    Wallet1 w;
    auto tip = db.mine(3, w.spk());
    QVERIFY(tip.ok());
    QCOMPARE(tip->height, 3);
    auto utxos = db.unspent({w.spk()});
    QCOMPARE(utxos->size(), size_t(3));
    for (const auto &u : *utxos) {
        QVERIFY(u.coinbase);
        QCOMPARE(u.output.value.sat(), 50 * Amount::kCoin);
    }
    QCOMPARE(db.subsidyAt(150).sat(), 25 * Amount::kCoin); // regtest halving
    QVERIFY(db.checkConsistency().ok());
}

void TestLocalChain::acceptsAndConfirmsAPayment()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("b.sqlite")));
    Wallet1 a, b, miner;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Transaction tx = a.spend({{coin, Amount::fromSat(50 * Amount::kCoin)}},
                                   {TxOut{Amount::fromSat(1'000'000), b.spk()}, TxOut{Amount::fromSat(50 * Amount::kCoin - 1'000'000 - 500), a.spk()}});
    auto txid = db.accept(tx);
    QVERIFY2(txid.ok(), txid.ok() ? "" : txid.error().describe().c_str());
    QCOMPARE(*txid, tx.txid());
    QVERIFY(db.status(tx.txid())->inMempool);
    QCOMPARE(db.spend(coin)->spender, tx.txid());
    // Broadcasting the same transaction again is harmless.
    QVERIFY(db.accept(tx).ok());
    QVERIFY(db.mine(1, miner.spk()).ok());
    const TxStatus st = *db.status(tx.txid());
    QCOMPARE(st.blockHeight, 102);
    QCOMPARE(st.confirmations, 1);
    // The miner collects the fee.
    QCOMPARE(db.unspent({miner.spk()})->at(0).output.value.sat(), 50 * Amount::kCoin + 500);
    QCOMPARE(db.accept(tx).code(), ErrorCode::TxAlreadyConfirmed);
    QCOMPARE(db.transaction(tx.txid())->txid(), tx.txid());
    QVERIFY(db.checkConsistency().ok());
}

void TestLocalChain::rejectsImmatureCoinbase()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("c.sqlite")));
    Wallet1 a;
    QVERIFY(db.mine(100, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Transaction tx = a.spend({{coin, Amount::fromSat(50 * Amount::kCoin)}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}});
    // At tip 100 the next block is 101: block 1's coin is then exactly 100 blocks old, block 2's only 99.
    const OutPoint young = coinbaseAt(db, a.spk(), 2);
    const Transaction tooYoung = a.spend({{young, Amount::fromSat(50 * Amount::kCoin)}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}});
    QCOMPARE(db.accept(tooYoung).code(), ErrorCode::TxImmatureCoinbase);
    QVERIFY(db.accept(tx).ok()); // block 1's coin matures exactly at 101
}

void TestLocalChain::rejectsDoubleSpend()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("d.sqlite")));
    Wallet1 a, b;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Amount v = Amount::fromSat(50 * Amount::kCoin);
    QVERIFY(db.accept(a.spend({{coin, v}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), b.spk()}})).ok());
    // More than the first's fee, but not by the relay fee for its own size (BIP 125 rule 4).
    const Transaction second = a.spend({{coin, v}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'050), a.spk()}});
    QCOMPARE(db.accept(second).code(), ErrorCode::TxDoubleSpend);
    QVERIFY(db.mine(1, b.spk()).ok());
    QCOMPARE(db.accept(second).code(), ErrorCode::TxDoubleSpend);
    QVERIFY(db.checkConsistency().ok());
}

void TestLocalChain::rejectsNonFinal()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("e.sqlite")));
    Wallet1 a;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Amount v = Amount::fromSat(50 * Amount::kCoin);
    const std::vector<TxOut> out{TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}};
    // nLockTime 103 is final only in block 104; the next block is 102.
    QCOMPARE(db.accept(a.spend({{coin, v}}, out, 103)).code(), ErrorCode::TxNonFinal);
    QVERIFY(db.mine(1, Wallet1().spk()).ok());
    QCOMPARE(db.accept(a.spend({{coin, v}}, out, 103)).code(), ErrorCode::TxNonFinal);
    QVERIFY(db.mine(1, Wallet1().spk()).ok());
    QVERIFY(db.accept(a.spend({{coin, v}}, out, 103)).ok()); // next block 104 > 103
    // A final sequence makes any lock time final.
    const OutPoint coin2 = coinbaseAt(db, a.spk(), 2);
    QVERIFY(db.accept(a.spend({{coin2, v}}, out, 5000, 0xffffffff)).ok());
}

void TestLocalChain::rejectsBadSignature()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("f.sqlite")));
    Wallet1 a;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    Transaction tx = a.spend({{coin, Amount::fromSat(50 * Amount::kCoin)}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}});
    tx.outputs[0].value = Amount::fromSat(50 * Amount::kCoin - 20'000); // signed over another amount
    auto r = db.accept(tx);
    QCOMPARE(r.code(), ErrorCode::ScriptFailed);
    QVERIFY2(r.error().context.find("NULLFAIL") != std::string::npos, r.error().context.c_str());
    // Someone else's key.
    Transaction thief = Wallet1().spend({{coin, Amount::fromSat(50 * Amount::kCoin)}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}});
    QCOMPARE(db.accept(thief).code(), ErrorCode::ScriptFailed);
    QVERIFY(!db.spend(coin)->spent); // nothing changed
}

void TestLocalChain::rejectsMissingInputsDustAndLowFee()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("g.sqlite")));
    Wallet1 a;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Amount v = Amount::fromSat(50 * Amount::kCoin);
    const OutPoint nowhere{sha256(asBytes("nowhere")), 0};
    QCOMPARE(db.accept(a.spend({{nowhere, v}}, {TxOut{Amount::fromSat(1000), a.spk()}})).code(), ErrorCode::TxMissingInputs);
    QCOMPARE(db.accept(a.spend({{coin, v}}, {TxOut{Amount::fromSat(293), a.spk()}, TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}})).code(),
             ErrorCode::TxDust);
    QCOMPARE(db.accept(a.spend({{coin, v}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 50), a.spk()}})).code(), ErrorCode::TxFeeTooLow);
    QCOMPARE(db.accept(a.spend({{coin, v}}, {TxOut{Amount::fromSat(51 * Amount::kCoin), a.spk()}})).code(), ErrorCode::InvalidTransaction);
    // A whole coin as fee is a mistake (above chain::kMaxFeeRate, as the node's maxfeerate): refused.
    QCOMPARE(db.accept(a.spend({{coin, v}}, {TxOut{Amount::fromSat(49 * Amount::kCoin), a.spk()}})).code(), ErrorCode::TxFeeTooHigh);
    QVERIFY(!db.spend(coin)->spent);
}

void TestLocalChain::enforcesBip68()
{
    LocalChainDb db(m_dir.filePath(QStringLiteral("h.sqlite")));
    Wallet1 a;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const Amount v = Amount::fromSat(50 * Amount::kCoin);
    const Transaction parent = a.spend({{coin, v}}, {TxOut{Amount::fromSat(50 * Amount::kCoin - 10'000), a.spk()}});
    QVERIFY(db.accept(parent).ok());
    QVERIFY(db.mine(1, Wallet1().spk()).ok()); // parent at 102
    const OutPoint out{parent.txid(), 0};
    const Amount pv = Amount::fromSat(50 * Amount::kCoin - 10'000);
    const std::vector<TxOut> o{TxOut{Amount::fromSat(50 * Amount::kCoin - 20'000), a.spk()}};
    // Relative lock of 3 blocks: valid in block 102 + 3 = 105; next is 103.
    QCOMPARE(db.accept(a.spend({{out, pv}}, o, 0, 3)).code(), ErrorCode::TxSequenceLocked);
    QVERIFY(db.mine(1, Wallet1().spk()).ok());
    QCOMPARE(db.accept(a.spend({{out, pv}}, o, 0, 3)).code(), ErrorCode::TxSequenceLocked);
    QVERIFY(db.mine(1, Wallet1().spk()).ok());
    QVERIFY(db.accept(a.spend({{out, pv}}, o, 0, 3)).ok());
}

void TestLocalChain::survivesReopen()
{
    const QString path = m_dir.filePath(QStringLiteral("i.sqlite"));
    Wallet1 a;
    {
        LocalChainDb db(path);
        QVERIFY(db.mine(5, a.spk()).ok());
    }
    LocalChainDb again(path);
    QCOMPARE(again.tip()->height, 5);
    QCOMPARE(again.unspent({a.spk()})->size(), size_t(5));
}

void TestLocalChain::replacesWhenPayingMore()
{
    // Full RBF as Bitcoin Core: an unconfirmed spend is replaced by one that pays more
    // than it and its descendants together, plus the relay fee for its own size.
    LocalChainDb db(m_dir.filePath(QStringLiteral("rbf.sqlite")));
    Wallet1 a, b;
    QVERIFY(db.mine(101, a.spk()).ok());
    const OutPoint coin = coinbaseAt(db, a.spk(), 1);
    const int64_t v = 50 * Amount::kCoin;
    const Transaction first = a.spend({{coin, Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 10'000), b.spk()}});
    QVERIFY(db.accept(first).ok());
    const Transaction child = b.spend({{OutPoint{first.txid(), 0}, Amount::fromSat(v - 10'000)}},
                                      {TxOut{Amount::fromSat(v - 11'000), b.spk()}});
    QVERIFY(db.accept(child).ok());
    // 10,900 sat: more than the first, less than first + child (rule 3).
    const Transaction low = a.spend({{coin, Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 10'900), a.spk()}});
    QCOMPARE(db.accept(low).code(), ErrorCode::TxDoubleSpend);
    const Transaction high = a.spend({{coin, Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 12'000), a.spk()}});
    QVERIFY(db.accept(high).ok());
    QVERIFY(!db.status(first.txid())->known);
    QVERIFY(!db.status(child.txid())->known);
    QVERIFY(db.status(high.txid())->inMempool);
    QVERIFY(db.checkConsistency().ok());
    QVERIFY(db.mine(1, b.spk()).ok());
    QCOMPARE(db.status(high.txid())->confirmations, 1);
    // Confirmed: never replaced.
    QCOMPARE(db.accept(a.spend({{coin, Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 90'000), a.spk()}})).code(),
             ErrorCode::TxDoubleSpend);
}

void TestLocalChain::minesByAncestorFeerate()
{
    // A congested chain: blocks take packages at or above a feerate, best first; a
    // low-fee parent waits until a child pays for both (CPFP).
    LocalChainDb db(m_dir.filePath(QStringLiteral("mine-min.sqlite")));
    Wallet1 a, b;
    QVERIFY(db.mine(102, a.spk()).ok());
    const int64_t v = 50 * Amount::kCoin;
    const Transaction slow = a.spend({{coinbaseAt(db, a.spk(), 1), Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 220), b.spk()}});
    const Transaction fast = a.spend({{coinbaseAt(db, a.spk(), 2), Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 2'200), b.spk()}});
    QVERIFY(db.accept(slow).ok());
    QVERIFY(db.accept(fast).ok());
    QVERIFY(db.mine(1, a.spk(), 10'000).ok()); // 10 sat/vB
    QCOMPARE(db.status(fast.txid())->confirmations, 1);
    QVERIFY(db.status(slow.txid())->inMempool);
    QVERIFY(db.mine(3, a.spk(), 10'000).ok());
    QVERIFY(db.status(slow.txid())->inMempool);
    // The policy in the chain file does the same for every block.
    QVERIFY(db.setPolicy(LocalChainPolicy{10'000, 0}).ok());
    QVERIFY(db.mine(1, a.spk()).ok());
    QVERIFY(db.status(slow.txid())->inMempool);
    const Transaction cpfp = b.spend({{OutPoint{slow.txid(), 0}, Amount::fromSat(v - 220)}}, {TxOut{Amount::fromSat(v - 220 - 4'000), b.spk()}});
    QVERIFY(db.accept(cpfp).ok());
    QVERIFY(db.mine(1, a.spk()).ok());
    QCOMPARE(db.status(slow.txid())->confirmations, 1);
    QCOMPARE(db.status(cpfp.txid())->confirmations, 1);
    QVERIFY(db.checkConsistency().ok());
}

void TestLocalChain::takesPackagesWhenTheMempoolIsFull()
{
    // A full mempool (its minimum above the relay fee): a parent below it is refused
    // alone and taken with a child paying for both (submitpackage's rules); a parent
    // below the relay fee is refused even in a package.
    LocalChainDb db(m_dir.filePath(QStringLiteral("package.sqlite")));
    Wallet1 a, b;
    QVERIFY(db.mine(102, a.spk()).ok());
    QVERIFY(db.setPolicy(LocalChainPolicy{0, 5'000}).ok());
    const int64_t v = 50 * Amount::kCoin;
    const Transaction parent = a.spend({{coinbaseAt(db, a.spk(), 1), Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 220), b.spk()}});
    QCOMPARE(db.accept(parent).code(), ErrorCode::TxMempoolFull);
    const Transaction child = b.spend({{OutPoint{parent.txid(), 0}, Amount::fromSat(v - 220)}}, {TxOut{Amount::fromSat(v - 220 - 2'000), b.spk()}});
    QCOMPARE(db.accept(child).code(), ErrorCode::TxMissingInputs);
    const Transaction stingy = b.spend({{OutPoint{parent.txid(), 0}, Amount::fromSat(v - 220)}}, {TxOut{Amount::fromSat(v - 220 - 500), b.spk()}});
    QCOMPARE(db.acceptPackage({parent, stingy}).code(), ErrorCode::TxMempoolFull);
    QCOMPARE(db.acceptPackage({child, parent}).code(), ErrorCode::InvalidArgument); // a child last, its parents first
    QVERIFY(!db.status(parent.txid())->known);
    auto ids = db.acceptPackage({parent, child});
    QVERIFY2(ids.ok(), ids.ok() ? "" : ids.error().describe().c_str());
    QVERIFY(db.status(parent.txid())->inMempool);
    QVERIFY(db.status(child.txid())->inMempool);
    const Transaction free = a.spend({{coinbaseAt(db, a.spk(), 2), Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v), b.spk()}});
    const Transaction rich = b.spend({{OutPoint{free.txid(), 0}, Amount::fromSat(v)}}, {TxOut{Amount::fromSat(v - 20'000), b.spk()}});
    QCOMPARE(db.acceptPackage({free, rich}).code(), ErrorCode::TxFeeTooLow);
    QVERIFY(db.mine(1, a.spk()).ok());
    QCOMPARE(db.status(child.txid())->confirmations, 1);
    QVERIFY(db.checkConsistency().ok());
}

QTEST_GUILESS_MAIN(TestLocalChain)
#include "tst_local_chain.moc"
