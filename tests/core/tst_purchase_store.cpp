// The payee's purchase ledger (store::PurchaseStore): where each purchase
// starts and ends, one open purchase per channel, and that it survives a
// restart (protocol.md "Paid data over a socket").
#include "bitcoin/Amount.h"
#include "bitcoin/Hash.h"
#include "store/PurchaseStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::bitcoin;
using store::PurchaseState;

namespace {
OutPoint channel(const char *name)
{
    return OutPoint{sha256(asBytes(name)), 1};
}
} // namespace

class TestPurchaseStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsWhereThePreviousEnded();
    void givenUpEndsAtWhatWasPaidOfIt();
    void paymentsOutsideAPurchaseAreNotCredit();
    void channelsAreApartAndItSurvivesARestart();
    void nonsenseIsRefused();
};

void TestPurchaseStore::startsWhereThePreviousEnded()
{
    QTemporaryDir dir;
    store::PurchaseStore s;
    QVERIFY(s.open(dir.path()).ok());
    const OutPoint ch = channel("a");
    auto a = s.begin(ch, "a.bin", "aa", 3, 1000, 0);
    QVERIFY(a.ok());
    QCOMPARE(a->start, 0);
    QCOMPARE(a->end(), 3000);
    QCOMPARE(a->dueFor(0), 1000);
    QCOMPARE(a->dueFor(2), 3000);
    QVERIFY(s.finish(a->id).ok());
    QVERIFY(!s.openPurchase(ch)->has_value());
    // The next starts at 3,000 even though 3,000 is what is acknowledged: nothing is credit.
    auto b = s.begin(ch, "b.bin", "bb", 2, 1000, 3000);
    QVERIFY(b.ok());
    QCOMPARE(b->start, 3000);
    QCOMPARE(b->dueFor(0), 4000);
    QVERIFY(s.finish(b->id).ok());
    // The same file again: its price again.
    auto again = s.begin(ch, "a.bin", "aa", 3, 1000, 5000);
    QVERIFY(again.ok());
    QCOMPARE(again->start, 5000);
    QCOMPARE((*s.openPurchase(ch))->id, again->id);
}

void TestPurchaseStore::givenUpEndsAtWhatWasPaidOfIt()
{
    QTemporaryDir dir;
    store::PurchaseStore s;
    QVERIFY(s.open(dir.path()).ok());
    const OutPoint ch = channel("b");
    auto a = s.begin(ch, "a.bin", "aa", 10, 100, 0);
    QVERIFY(a.ok());
    // 350 sat acknowledged (3 chunks and a half paid): another file gives it up there.
    auto b = s.begin(ch, "b.bin", "bb", 4, 100, 350);
    QVERIFY(b.ok());
    QCOMPARE(b->start, 350);
    auto list = s.forChannel(ch);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), size_t(2));
    QCOMPARE((*list)[0].state, PurchaseState::GivenUp);
    QCOMPARE((*list)[0].endedAt, 350);
    QCOMPARE((*list)[1].state, PurchaseState::Open);
    // Given up with more acknowledged than its price: it ends at its end, the rest
    // (paid outside it) starts the next one.
    auto c = s.begin(ch, "c.bin", "cc", 1, 100, 2000);
    QVERIFY(c.ok());
    QCOMPARE((*s.forChannel(ch))[1].endedAt, b->end());
    QCOMPARE(c->start, 2000);
}

void TestPurchaseStore::paymentsOutsideAPurchaseAreNotCredit()
{
    QTemporaryDir dir;
    store::PurchaseStore s;
    QVERIFY(s.open(dir.path()).ok());
    const OutPoint ch = channel("c");
    // 7,000 sat paid on the channel by QR code before any purchase: the first starts there.
    auto a = s.begin(ch, "a.bin", "aa", 2, 500, 7000);
    QVERIFY(a.ok());
    QCOMPARE(a->start, 7000);
    QVERIFY(s.finish(a->id).ok());
    QCOMPARE((*s.forChannel(ch))[0].endedAt, 8000);
    // More paid outside a purchase afterwards: again not credit.
    auto b = s.begin(ch, "b.bin", "bb", 2, 500, 9000);
    QCOMPARE(b->start, 9000);
}

void TestPurchaseStore::channelsAreApartAndItSurvivesARestart()
{
    QTemporaryDir dir;
    int64_t id = 0;
    {
        store::PurchaseStore s;
        QVERIFY(s.open(dir.path()).ok());
        auto x = s.begin(channel("x"), "a.bin", "aa", 5, 10, 0);
        auto y = s.begin(channel("y"), "a.bin", "aa", 5, 10, 40);
        QVERIFY(x.ok() && y.ok());
        QCOMPARE(y->start, 40); // another channel's purchases do not move this one
        id = x->id;
    }
    store::PurchaseStore again;
    QVERIFY(again.open(dir.path()).ok());
    auto open = again.openPurchase(channel("x"));
    QVERIFY(open.ok() && open->has_value());
    QCOMPARE((*open)->id, id);
    QCOMPARE((*open)->file, std::string("a.bin"));
    QCOMPARE((*open)->chunks, 5);
    QCOMPARE((*open)->pricePerChunk, 10);
    QCOMPARE((*open)->channel, channel("x"));
    QCOMPARE((*again.openPurchase(channel("y")))->start, 40);
}

void TestPurchaseStore::nonsenseIsRefused()
{
    QTemporaryDir dir;
    store::PurchaseStore s;
    QVERIFY(s.open(dir.path()).ok());
    QVERIFY(s.begin(channel("n"), "big", "nn", 1 << 24, Amount::kMaxMoney, 0).code() == ErrorCode::InvalidAmount);
    QVERIFY(s.begin(channel("n"), "neg", "nn", 3, -1, 0).code() == ErrorCode::InvalidAmount);
    QVERIFY(s.begin(channel("n"), "end", "nn", 1, 1000, Amount::kMaxMoney).code() == ErrorCode::AmountOverflow);
    QVERIFY(!s.openPurchase(channel("n"))->has_value());
}

QTEST_GUILESS_MAIN(TestPurchaseStore)
#include "tst_purchase_store.moc"
