// The payment and wallet history models under QAbstractItemModelTester: rows
// appended for new entries, a changed row signalled, no resets.
#include "models/HistoryModels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace spillway::ui;

class TestHistoryModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paymentsAppendAndSwitchChannels()
    {
        PaymentHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset), inserted(&m, &QAbstractItemModel::rowsInserted);
        m.setPayments(QStringLiteral("a:0"), {{1, 1000, 10}, {2, 2500, 20}});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(1, PaymentHistoryModel::IncrementColumn)).toString(), QStringLiteral("+1,500 sat"));
        m.setPayments(QStringLiteral("a:0"), {{1, 1000, 10}, {2, 2500, 20}, {3, 4000, 30}});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(inserted.size(), 2);
        m.setPayments(QStringLiteral("b:0"), {{1, 300, 40}});
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.data(m.index(0, PaymentHistoryModel::AmountColumn)).toString(), QStringLiteral("300 sat"));
        QCOMPARE(reset.size(), 0);
    }
    void walletRowsUpdateInPlace()
    {
        WalletHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        WalletTxRow r{QStringLiteral("ab"), QStringLiteral("receive"), 5000, 0, -1, 100, QStringLiteral("bcrt1q...")};
        m.setRows({r});
        QCOMPARE(m.data(m.index(0, WalletHistoryModel::StatusColumn)).toString(), QStringLiteral("unconfirmed"));
        r.height = 12;
        m.setRows({r});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.data(m.index(0, WalletHistoryModel::StatusColumn)).toString(), QStringLiteral("block 12"));
    }
};

QTEST_MAIN(TestHistoryModels)
#include "tst_history_models.moc"
