// ChannelTableModel under QAbstractItemModelTester: rows inserted, exactly the
// changed cells signalled, and the countdown tick touching one column only.
#include "models/ChannelTableModel.h"
#include "services/UpdateThrottle.h"
#include "services/ChannelFeed.h"
#include "store/ChannelStore.h"
#include "bitcoin/Key.h"

#include <QTemporaryDir>

#include <QElapsedTimer>

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTranslator>
#include <QLibraryInfo>
#include <QLocale>

using namespace spillway::ui;

namespace {

ChannelSummary channel(const QString &id, int expiry)
{
    ChannelSummary c;
    c.id = id;
    c.label = QStringLiteral("data feed");
    c.peer = QStringLiteral("02ab…cd");
    c.state = ChannelSummary::State::Open;
    c.capacitySat = 100'000;
    c.maxPayableSat = 99'500;
    c.paidSat = 1'000;
    c.ackedSat = 1'000;
    c.expiryHeight = expiry;
    c.safetyMargin = 6;
    return c;
}

} // namespace

class TestChannelTableModel : public QObject {
    Q_OBJECT
    QTranslator m_english; // the English plural forms, as the app installs them
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_english.load(QStringLiteral(":/i18n/spillway_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void chineseIsComplete();
    void insertsAndUpdatesOnlyWhatChanged();
    void tickTouchesTheCountdownColumnOnly();
    void tenThousandChannels();
    void throttleFiresUnderAStream();
    void feedReadsOnlyWhatChanged();
    void countdownTextAndUrgency();
    void sortsByRawValues();
};

void TestChannelTableModel::chineseIsComplete()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/spillway_zh_CN.qm")));
    QCOMPARE(zh.translate("spillway::ui::ChannelCountdown", "Settles by itself in %n block(s)", nullptr, 3), QStringLiteral("%n 个区块后自动结算"));
    QCOMPARE(zh.translate("ErrorCode", "The payment is more than the channel can carry."), QStringLiteral("付款超过了通道容量。"));
    QCoreApplication::installTranslator(&zh);
    ChannelTableModel model;
    QCOMPARE(model.headerData(ChannelTableModel::CountdownColumn, Qt::Horizontal).toString(), QStringLiteral("剩余时间"));
    QCoreApplication::removeTranslator(&zh);
    // Qt's own buttons (Debian's qt6-translations-l10n, loaded by the app as "qtbase").
    QTranslator qt;
    QVERIFY2(qt.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "qtbase_zh_CN.qm missing: scripts/install-deps installs qt6-translations-l10n");
    QCOMPARE(qt.translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    QCOMPARE(qt.translate("QWizard", "&Next"), QStringLiteral("下一步(&N)"));
}

void TestChannelTableModel::insertsAndUpdatesOnlyWhatChanged()
{
    ChannelTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setChannels({channel(QStringLiteral("a:0"), 200), channel(QStringLiteral("b:0"), 300)});
    QCOMPARE(inserted.size(), 1); // both new channels in one insertion
    QCOMPARE(inserted[0][1].toInt(), 0);
    QCOMPARE(inserted[0][2].toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, 0), ChannelTableModel::IdRole).toString(),
             QStringLiteral("b:0"));

    // The same snapshot again changes nothing.
    changed.clear();
    model.setChannels({channel(QStringLiteral("a:0"), 200), channel(QStringLiteral("b:0"), 300)});
    QCOMPARE(changed.size(), 0);

    // A payment on b: Paid and Remaining change, in row 1 only.
    ChannelSummary b = channel(QStringLiteral("b:0"), 300);
    b.paidSat = 2'000;
    b.ackedSat = 2'000; // signed and acknowledged
    model.setChannels({channel(QStringLiteral("a:0"), 200), b});
    QCOMPARE(changed.size(), 1);
    const QModelIndex tl = changed[0][0].value<QModelIndex>(), br = changed[0][1].value<QModelIndex>();
    QCOMPARE(tl.row(), 1);
    QCOMPARE(br.row(), 1);
    QCOMPARE(tl.column(), int(ChannelTableModel::PaidColumn));
    QCOMPARE(br.column(), int(ChannelTableModel::RemainingColumn));
    QCOMPARE(model.data(model.index(1, ChannelTableModel::PaidColumn), ChannelTableModel::PaidSatRole).toLongLong(), 2'000);
    QCOMPARE(model.data(model.index(1, ChannelTableModel::RemainingColumn), ChannelTableModel::RemainingSatRole).toLongLong(), 97'500);
    QCOMPARE(reset.size(), 0); // never a reset: selection and scroll survive
}

void TestChannelTableModel::tickTouchesTheCountdownColumnOnly()
{
    ChannelTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    qint64 now = 1'000'000;
    model.setClock([&] { return now; });
    model.setBlockInterval(600);
    model.setTip(195, now - 10);
    // ETAs of 30 min (seconds shown), 17.5 h (minutes shown), 34 h (hours shown).
    model.setChannels({channel(QStringLiteral("a:0"), 198), channel(QStringLiteral("b:0"), 300), channel(QStringLiteral("c:0"), 400)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Nothing moved: no signal at all.
    model.tick();
    QCOMPARE(changed.size(), 0);
    // A second later only the text with seconds in it changed: row 0, countdown column.
    ++now;
    model.tick();
    QCOMPARE(changed.size(), 1);
    QModelIndex tl = changed[0][0].value<QModelIndex>(), br = changed[0][1].value<QModelIndex>();
    QCOMPARE(tl.column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(br.column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(tl.row(), 0);
    QCOMPARE(br.row(), 0);
    QVERIFY(!changed[0][2].value<QList<int>>().contains(ChannelTableModel::SortRole)); // no re-sort of every row
    // A minute later rows 0 and 1 changed, not row 2 (its text shows hours).
    changed.clear();
    now += 60;
    model.tick();
    QCOMPARE(changed.size(), 1);
    tl = changed[0][0].value<QModelIndex>();
    br = changed[0][1].value<QModelIndex>();
    QCOMPARE(tl.row(), 0);
    QCOMPARE(br.row(), 1);
    // The timer sleeps until the next change of any text: a second here.
    QCOMPARE(model.nextTickMs(), 1000);
    // The timer does the tick by itself.
    changed.clear();
    ++now;
    QVERIFY(changed.wait(1500));
    QCOMPARE(changed[0][0].value<QModelIndex>().column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(changed[0][1].value<QModelIndex>().column(), int(ChannelTableModel::CountdownColumn));
    // Without a channel under an hour it wakes when the next minute is shown, not every second.
    ChannelTableModel far;
    far.setClock([&] { return now; });
    far.setBlockInterval(600);
    far.setTip(195, now - 10);
    far.setChannels({channel(QStringLiteral("b:0"), 300)});
    far.tick();
    QVERIFY2(far.nextTickMs() > 1000 && far.nextTickMs() <= 60'000, qPrintable(QString::number(far.nextTickMs())));
    // Only settled channels: nothing counts down, the timer stops.
    ChannelSummary settled = channel(QStringLiteral("b:0"), 300);
    settled.state = ChannelSummary::State::Settled;
    far.setChannels({settled});
    QCOMPARE(far.nextTickMs(), -1);
}

void TestChannelTableModel::tenThousandChannels()
{
    // The cold start and a stream of payments, counted: one insertion for every new
    // channel, one signal per changed run of cells, nothing for unchanged channels.
    ChannelTableModel model;
    qint64 now = 1'000'000;
    model.setClock([&] { return now; });
    model.setTip(100, now);
    QSortFilterProxyModel proxy; // as the window sorts it: by countdown
    proxy.setSourceModel(&model);
    proxy.setSortRole(ChannelTableModel::SortRole);
    proxy.sort(ChannelTableModel::CountdownColumn);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QList<ChannelSummary> all;
    for (int i = 0; i < 10'000; ++i)
        all.append(channel(QStringLiteral("%1:0").arg(i), 200 + i % 5000));
    model.setChannels(all);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 10'000);
    QCOMPARE(proxy.rowCount(), 10'000);
    QCOMPARE(model.rowOf(QStringLiteral("9999:0")), 9999);
    QCOMPARE(changed.size(), 0);
    // Five channels paid: five signals (Paid..Remaining), nothing else.
    QList<ChannelSummary> paid;
    for (int i : {3, 500, 4000, 7001, 9999}) {
        ChannelSummary c = all[i];
        c.paidSat += 700;
        c.ackedSat += 700;
        paid.append(c);
    }
    model.setChannels(paid);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 5);
    for (const auto &args : changed) {
        QCOMPARE(args[0].value<QModelIndex>().column(), int(ChannelTableModel::PaidColumn));
        QCOMPARE(args[1].value<QModelIndex>().column(), int(ChannelTableModel::RemainingColumn));
    }
    // A new block: one signal for the countdown column, and the sorted order is kept
    // without re-sorting (every channel is one block nearer).
    changed.clear();
    layout.clear();
    model.setTip(101, now);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(proxy.data(proxy.index(0, ChannelTableModel::CountdownColumn), ChannelTableModel::BlocksLeftRole).toInt(), 99);
}

void TestChannelTableModel::countdownTextAndUrgency()
{
    ChannelTableModel model;
    qint64 now = 1'000'000;
    model.setClock([&] { return now; });
    model.setBlockInterval(600);
    model.setTip(100, now);
    auto payee = [](const QString &id, int expiry) {
        ChannelSummary c = channel(id, expiry);
        c.role = ChannelSummary::Role::Receiving;
        return c;
    };
    // The payer: when its refund becomes possible, never in warning colours (good news for it).
    // The payee: when the watcher settles by itself (expiry - margin), warned as that nears.
    model.setChannels({channel(QStringLiteral("a:0"), 150), channel(QStringLiteral("b:0"), 104), payee(QStringLiteral("c:0"), 150),
                       payee(QStringLiteral("d:0"), 110), payee(QStringLiteral("e:0"), 108), payee(QStringLiteral("f:0"), 105)});
    auto text = [&](int row) { return model.data(model.index(row, ChannelTableModel::CountdownColumn)).toString(); };
    auto urgency = [&](int row) { return model.data(model.index(row, ChannelTableModel::CountdownColumn), ChannelTableModel::UrgencyRole).toInt(); };
    const QModelIndex a = model.index(0, ChannelTableModel::CountdownColumn);
    QCOMPARE(model.data(a, ChannelTableModel::BlocksLeftRole).toInt(), 50);
    QCOMPARE(model.data(a, ChannelTableModel::EtaSecondsRole).toLongLong(), 50 * 600);
    QCOMPARE(text(0), QStringLiteral("Refund possible in 50 blocks (~8 h 20 min)"));
    QCOMPARE(text(1), QStringLiteral("Refund possible in 4 blocks (~40 min 0 s)"));
    QCOMPARE(urgency(1), 0); // 4 blocks before the payer's refund: nothing to fear
    QVERIFY(!model.data(model.index(1, ChannelTableModel::CountdownColumn), Qt::ForegroundRole).isValid());
    QCOMPARE(text(2), QStringLiteral("Settles by itself in 44 blocks (~7 h 20 min)"));
    QCOMPARE(urgency(2), 0);
    QCOMPARE(text(3), QStringLiteral("Settles by itself in 4 blocks (~40 min 0 s)"));
    QCOMPARE(urgency(3), 1); // under the margin (6) before the automatic settlement
    QCOMPARE(text(4), QStringLiteral("Settles by itself in 2 blocks (~20 min 0 s)"));
    QCOMPARE(urgency(4), 2);
    QVERIFY(model.data(model.index(4, ChannelTableModel::CountdownColumn), Qt::ForegroundRole).isValid());
    QCOMPARE(text(5), QStringLiteral("Settling now: past the safety margin"));
    QVERIFY(model.data(model.index(2, ChannelTableModel::CountdownColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("6 blocks before it expires")));
    now += 60; // a minute later the ETA has moved, the block count has not
    QCOMPARE(model.data(a, ChannelTableModel::EtaSecondsRole).toLongLong(), 50 * 600 - 60);
    // A new block: counts drop.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTip(101, now);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(a, ChannelTableModel::BlocksLeftRole).toInt(), 49);
    // At the expiry the payer's refund is possible: green.
    model.setTip(150, now);
    QCOMPARE(text(0), QStringLiteral("Refund possible now"));
    QCOMPARE(model.data(a, ChannelTableModel::ToneRole).toInt(), int(Countdown::Tone::Good));
    QCOMPARE(model.data(a, Qt::ForegroundRole).value<QColor>(), QColor(0x2e, 0x7d, 0x32));
    // The refund is out: no colour, no countdown, and the action's words.
    ChannelSummary refunding = channel(QStringLiteral("a:0"), 150);
    refunding.state = ChannelSummary::State::Closing;
    refunding.closingTxid = QStringLiteral("ab");
    refunding.finalPayerSat = 99'500;
    ChannelSummary settling = payee(QStringLiteral("c:0"), 150);
    settling.state = ChannelSummary::State::Closing;
    settling.closingTxid = QStringLiteral("cd");
    model.setChannels({refunding, settling});
    QCOMPARE(text(0), QStringLiteral("Refund sent, waiting for a confirmation"));
    QCOMPARE(urgency(0), 0);
    QVERIFY(!model.data(a, Qt::ForegroundRole).isValid());
    QCOMPARE(text(2), QStringLiteral("Settlement sent, waiting for a confirmation"));
    // Closed: the outcome instead of the Remaining bar, no countdown.
    refunding.state = ChannelSummary::State::Refunded;
    settling.state = ChannelSummary::State::Settled;
    settling.finalPayeeSat = 1'000;
    settling.finalPayerSat = 98'500;
    model.setChannels({refunding, settling});
    const QModelIndex outcome = model.index(0, ChannelTableModel::RemainingColumn);
    QCOMPARE(model.data(outcome).toString(), QStringLiteral("Refunded: 99,500 sat back to you"));
    QVERIFY(!model.data(outcome, ChannelTableModel::RemainingFractionRole).isValid()); // no bar
    QCOMPARE(model.data(model.index(2, ChannelTableModel::RemainingColumn)).toString(),
             QStringLiteral("Settled: 1,000 sat to you, 98,500 sat back to the payer"));
    QCOMPARE(text(0), QStringLiteral("—"));
    // A chain that mines on request (interval 0): blocks only, no clock, no ticking.
    ChannelTableModel blocks;
    blocks.setClock([&] { return now; });
    blocks.setBlockInterval(0);
    blocks.setTip(100, now - 5000);
    blocks.setChannels({channel(QStringLiteral("g:0"), 111)});
    QCOMPARE(blocks.data(blocks.index(0, ChannelTableModel::CountdownColumn)).toString(), QStringLiteral("Refund possible in 11 blocks"));
    QCOMPARE(blocks.data(blocks.index(0, ChannelTableModel::CountdownColumn), ChannelTableModel::EtaSecondsRole).toLongLong(), -1LL);
    QCOMPARE(blocks.nextTickMs(), -1);
    // The payer's column for acknowledged against signed.
    ChannelSummary unacked = channel(QStringLiteral("h:0"), 150);
    unacked.paidSat = 3'000;
    unacked.ackedSat = 2'000;
    blocks.setChannels({unacked});
    const QModelIndex ack = blocks.index(1, ChannelTableModel::AcknowledgedColumn);
    QCOMPARE(blocks.data(ack).toString(), QStringLiteral("2,000 sat"));
    QVERIFY(blocks.data(ack, Qt::ToolTipRole).toString().contains(QStringLiteral("3,000 sat signed")));
    QVERIFY(blocks.data(ack, Qt::ForegroundRole).isValid());
}

void TestChannelTableModel::sortsByRawValues()
{
    ChannelTableModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ChannelTableModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChannelSummary small = channel(QStringLiteral("a:0"), 200), big = channel(QStringLiteral("b:0"), 300);
    small.capacitySat = 9'000;     // "9,000 sat" sorts after "100,000 sat" as text
    big.capacitySat = 100'000;
    model.setChannels({big, small});
    proxy.sort(ChannelTableModel::CapacityColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.data(proxy.index(0, 0), ChannelTableModel::IdRole).toString(), QStringLiteral("a:0"));
    proxy.setFilterKeyColumn(ChannelTableModel::ChannelColumn);
    proxy.setFilterFixedString(QStringLiteral("nothing like it"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestChannelTableModel::throttleFiresUnderAStream()
{
    // A payment every 50 ms for 1.2 s. The old way (a single-shot 200 ms timer
    // restarted by each change) never fires while the stream lasts: the Sell tab's
    // earnings stood still. The throttle fires once per 200 ms all along.
    QTimer debounce;
    debounce.setSingleShot(true);
    debounce.setInterval(200);
    int debounced = 0;
    connect(&debounce, &QTimer::timeout, this, [&] { ++debounced; });
    UpdateThrottle throttle(200);
    QSignalSpy fired(&throttle, &UpdateThrottle::fire);
    QTimer stream;
    stream.setInterval(50);
    connect(&stream, &QTimer::timeout, &debounce, qOverload<>(&QTimer::start));
    connect(&stream, &QTimer::timeout, &throttle, &UpdateThrottle::poke);
    stream.start();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1200)
        QTest::qWait(20);
    stream.stop();
    QCOMPARE(debounced, 0);
    QVERIFY2(fired.size() >= 3 && fired.size() <= 7, qPrintable(QString::number(fired.size())));
    QVERIFY(throttle.pokes() >= 15);
    QVERIFY(throttle.pokes() > 2 * throttle.fires()); // many payments, few updates
    // After the stream, the last changes are published too, then it goes quiet.
    const qint64 after = fired.size();
    QTRY_COMPARE(debounced, 1);
    QVERIFY(fired.size() <= after + 1);
    QVERIFY(!throttle.pending());
}

void TestChannelTableModel::feedReadsOnlyWhatChanged()
{
    // What the service hands the window, counted on a real store: every channel once,
    // then only those written since, with the money in channels kept per side.
    using namespace spillway;
    QTemporaryDir dir;
    store::ChannelStore st;
    QVERIFY(st.open(dir.path()).ok());
    const auto a = bitcoin::PrivateKey::generate().publicKey(), b = bitcoin::PrivateKey::generate().publicKey();
    std::vector<store::ChannelRecord> recs;
    for (uint32_t i = 0; i < 100; ++i) {
        store::ChannelRecord r;
        r.params.funding = bitcoin::OutPoint{bitcoin::sha256(asBytes("feed")), i};
        r.params.capacity = bitcoin::Amount::fromSat(10'000);
        r.params.payerPub = a.bytes();
        r.params.payeePub = b.bytes();
        r.params.payeePayout = bitcoin::p2wpkh(b.hash());
        r.params.payerRefund = bitcoin::p2wpkh(a.hash());
        r.params.expiry = 500;
        r.params.commitFee = bitcoin::Amount::fromSat(300);
        r.params.refundFee = bitcoin::Amount::fromSat(300);
        r.role = i < 60 ? store::ChannelRole::Payer : store::ChannelRole::Payee;
        r.state = i % 20 == 0 ? store::ChannelState::Proposed : store::ChannelState::Open;
        recs.push_back(r);
    }
    QVERIFY(st.insertMany(recs).ok());
    ui::ChannelFeed feed(st);
    auto first = feed.changes();
    QVERIFY(first.ok());
    QCOMPARE(first->size(), 100);
    QCOMPARE(feed.rowsRead(), 100);
    // 60 payers, 3 of them only proposed: 57 x 10,000 locked; payees have been paid nothing.
    QCOMPARE(feed.totals().paying, 57 * 10'000);
    QCOMPARE(feed.totals().receiving, 0);
    QCOMPARE(feed.changes()->size(), 0); // nothing written: nothing read
    QCOMPARE(feed.rowsRead(), 100);
    // Payments on two channels (one paying, one receiving) and one settled.
    std::vector<store::ChannelRecord> pays;
    auto all = st.changedSince(0);
    store::ChannelRecord payer = all->channels[5], payee = all->channels[70], settled = all->channels[71];
    payer.signedSeq = 1;
    payer.signedPaid = 2'500;
    payee.seq = 1;
    payee.paid = 4'000;
    settled.state = store::ChannelState::Settled;
    QVERIFY(st.update(payer, true).ok());
    QVERIFY(st.update(payee, true).ok());
    QVERIFY(st.update(settled).ok());
    auto second = feed.changes();
    QCOMPARE(second->size(), 3);
    QCOMPARE(feed.rowsRead(), 103);
    QCOMPARE(second->at(0).payments, 1);
    QCOMPARE(feed.totals().paying, 57 * 10'000 - 2'500);
    QCOMPARE(feed.totals().receiving, 4'000);
    // Into the model: three rows updated in place, no insertion.
    ChannelTableModel model;
    model.setChannels(*first);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setChannels(*second);
    QCOMPARE(inserted.size(), 0);
    QVERIFY(changed.size() >= 3);
    QSet<int> rows;
    for (const auto &args : changed)
        rows.insert(args[0].value<QModelIndex>().row());
    QCOMPARE(rows, (QSet<int>{5, 70, 71}));
}

QTEST_MAIN(TestChannelTableModel)
#include "tst_channel_table_model.moc"
