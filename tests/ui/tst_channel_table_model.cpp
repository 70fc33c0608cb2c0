// ChannelTableModel under QAbstractItemModelTester: rows inserted, exactly the
// changed cells signalled, and the countdown tick touching one column only.
#include "models/ChannelTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTranslator>

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
    void countdownTextAndUrgency();
    void sortsByRawValues();
};

void TestChannelTableModel::chineseIsComplete()
{
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/spillway_zh_CN.qm")));
    QCOMPARE(zh.translate("spillway::ui::ChannelTableModel", "%n block(s) (%1)", nullptr, 3), QStringLiteral("%n 个区块（%1）"));
    QCOMPARE(zh.translate("ErrorCode", "The payment is more than the channel can carry."), QStringLiteral("付款超过了通道容量。"));
    QCoreApplication::installTranslator(&zh);
    ChannelTableModel model;
    QCOMPARE(model.headerData(ChannelTableModel::CountdownColumn, Qt::Horizontal).toString(), QStringLiteral("可退款倒计时"));
    QCoreApplication::removeTranslator(&zh);
}

void TestChannelTableModel::insertsAndUpdatesOnlyWhatChanged()
{
    ChannelTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setChannels({channel(QStringLiteral("a:0"), 200), channel(QStringLiteral("b:0"), 300)});
    QCOMPARE(inserted.size(), 2);
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
    model.setChannels({channel(QStringLiteral("a:0"), 200), channel(QStringLiteral("b:0"), 300), channel(QStringLiteral("c:0"), 400)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(changed.size(), 1);
    const QModelIndex tl = changed[0][0].value<QModelIndex>(), br = changed[0][1].value<QModelIndex>();
    QCOMPARE(tl.column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(br.column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(tl.row(), 0);
    QCOMPARE(br.row(), 2);
    // The timer does the same by itself, once a second.
    changed.clear();
    QVERIFY(changed.wait(1500));
    QCOMPARE(changed[0][0].value<QModelIndex>().column(), int(ChannelTableModel::CountdownColumn));
    QCOMPARE(changed[0][1].value<QModelIndex>().column(), int(ChannelTableModel::CountdownColumn));
}

void TestChannelTableModel::countdownTextAndUrgency()
{
    ChannelTableModel model;
    qint64 now = 1'000'000;
    model.setClock([&] { return now; });
    model.setBlockInterval(600);
    model.setTip(100, now);
    model.setChannels({channel(QStringLiteral("a:0"), 150), channel(QStringLiteral("b:0"), 110), channel(QStringLiteral("c:0"), 104)});
    const QModelIndex a = model.index(0, ChannelTableModel::CountdownColumn);
    QCOMPARE(model.data(a, ChannelTableModel::BlocksLeftRole).toInt(), 50);
    QCOMPARE(model.data(a, ChannelTableModel::EtaSecondsRole).toLongLong(), 50 * 600);
    QCOMPARE(model.data(a, Qt::DisplayRole).toString(), QStringLiteral("50 blocks (~8 h 20 min)"));
    now += 60; // a minute later the ETA has moved, the block count has not
    QCOMPARE(model.data(a, ChannelTableModel::EtaSecondsRole).toLongLong(), 50 * 600 - 60);
    QCOMPARE(model.data(a, ChannelTableModel::UrgencyRole).toInt(), 0);
    QCOMPARE(model.data(model.index(1, ChannelTableModel::CountdownColumn), ChannelTableModel::UrgencyRole).toInt(), 1); // 10 < 12
    QCOMPARE(model.data(model.index(2, ChannelTableModel::CountdownColumn), ChannelTableModel::UrgencyRole).toInt(), 2); // 4 < 6
    QVERIFY(model.data(model.index(2, ChannelTableModel::CountdownColumn), Qt::ForegroundRole).isValid());
    QCOMPARE(model.data(model.index(2, ChannelTableModel::CountdownColumn), Qt::DisplayRole).toString(),
             QStringLiteral("4 blocks (~39 min 0 s)"));
    // A new block: counts drop.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTip(101, now);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(a, ChannelTableModel::BlocksLeftRole).toInt(), 49);
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

QTEST_MAIN(TestChannelTableModel)
#include "tst_channel_table_model.moc"
