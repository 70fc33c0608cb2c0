// The payment and wallet history models under QAbstractItemModelTester: rows
// appended for new entries, a changed row signalled, no resets.
#include "models/CsvWriter.h"
#include "models/HistoryModels.h"

#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QFile>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace spillway::ui;

// A one-row model with the cells CSV must quote.
class QStandardItemModelLike : public QAbstractTableModel {
public:
    int rowCount(const QModelIndex &p = {}) const override { return p.isValid() ? 0 : 1; }
    int columnCount(const QModelIndex &p = {}) const override { return p.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &i, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return i.column() == 0 ? QStringLiteral("two\nlines") : QStringLiteral("plain");
    }
    QVariant headerData(int s, Qt::Orientation, int role) const override
    {
        if (role != Qt::DisplayRole)
            return {};
        return s == 0 ? QStringLiteral("a,b") : QStringLiteral("say \"hi\"");
    }
};

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
        WalletTxRow r{QStringLiteral("ab"), QStringLiteral("receive"), 5000, 0, -1, 100, QStringLiteral("bcrt1q..."), {}};
        m.setRows({r});
        QCOMPARE(m.data(m.index(0, WalletHistoryModel::StatusColumn)).toString(), QStringLiteral("unconfirmed"));
        r.height = 12;
        m.setRows({r});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.data(m.index(0, WalletHistoryModel::StatusColumn)).toString(), QStringLiteral("block 12"));
    }
    void walletNewestFirstWithConfirmations()
    {
        WalletHistoryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel newest; // as the window shows it
        newest.setSourceModel(&m);
        newest.setSortRole(WalletHistoryModel::SortRole);
        newest.sort(WalletHistoryModel::TimeColumn, Qt::DescendingOrder);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        // Oldest first from the wallet; two mined in one go share a time.
        m.setRows({{QStringLiteral("a1"), QStringLiteral("mined"), 5'000'000'000, 0, 1, 100, {}, {}},
                   {QStringLiteral("a2"), QStringLiteral("mined"), 5'000'000'000, 0, 2, 100, {}, {}},
                   {QStringLiteral("b"), QStringLiteral("send"), -100'000, 420, 7, 200, {}, {}},
                   {QStringLiteral("c"), QStringLiteral("receive"), 2'500, 0, -1, 150, {}, {}}});
        QCOMPARE(inserted.size(), 1);
        auto txidAt = [&](int row) { return newest.index(row, 0).data(WalletHistoryModel::TxidRole).toString(); };
        QCOMPARE(txidAt(0), QStringLiteral("c")); // unconfirmed on top
        QCOMPARE(txidAt(1), QStringLiteral("b"));
        QCOMPARE(txidAt(2), QStringLiteral("a2"));
        QCOMPARE(txidAt(3), QStringLiteral("a1"));
        // Confirmations follow the tip.
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setTip(7);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(newest.index(1, WalletHistoryModel::StatusColumn).data().toString(), QStringLiteral("1 confirmation(s)"));
        m.setTip(9);
        QCOMPARE(newest.index(1, WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt(), 3);
        QCOMPARE(newest.index(0, WalletHistoryModel::StatusColumn).data().toString(), QStringLiteral("unconfirmed"));
        // In BTC.
        m.setUnit(BitcoinUnits::Unit::Btc);
        QCOMPARE(newest.index(1, WalletHistoryModel::AmountColumn).data().toString(), QStringLiteral("-0.00100000 BTC"));
        QCOMPARE(newest.index(1, WalletHistoryModel::FeeColumn).data().toString(), QStringLiteral("0.00000420 BTC"));

        // CSV: header, rows in the shown order, raw satoshis where asked, quoting by RFC 4180.
        CsvWriter csv;
        csv.setColumnRole(WalletHistoryModel::AmountColumn, WalletHistoryModel::SortRole);
        csv.setColumnHeader(WalletHistoryModel::AmountColumn, QStringLiteral("Amount (sat)"));
        const QStringList lines = csv.toCsv(newest).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("Time,What,Amount (sat),Fee,Status,Label,Transaction"));
        QVERIFY2(lines[2].contains(QLatin1String(",sent,-100000,0.00000420 BTC,3 confirmation(s),,b")), qPrintable(lines[2]));
        // The label is edited in place and asked to be kept.
        QSignalSpy edited(&m, &WalletHistoryModel::labelEdited);
        QVERIFY(newest.index(1, WalletHistoryModel::LabelColumn).flags() & Qt::ItemIsEditable);
        QVERIFY(!(newest.index(1, WalletHistoryModel::AmountColumn).flags() & Qt::ItemIsEditable));
        QVERIFY(newest.setData(newest.index(1, WalletHistoryModel::LabelColumn), QStringLiteral(" rent, March ")));
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited[0][0].toString(), QStringLiteral("b"));
        QCOMPARE(edited[0][1].toString(), QStringLiteral("rent, March"));
        QVERIFY2(csv.toCsv(newest).contains(QLatin1String("3 confirmation(s),\"rent, March\",b")), qPrintable(csv.toCsv(newest)));
        QStandardItemModelLike tricky;
        QCOMPARE(CsvWriter().toCsv(tricky), QStringLiteral("\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",plain\r\n"));
        QTemporaryDir dir;
        QString error;
        QVERIFY(csv.write(newest, dir.filePath(QStringLiteral("h.csv")), &error));
        QFile f(dir.filePath(QStringLiteral("h.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), csv.toCsv(newest));
        QVERIFY(!csv.write(newest, dir.filePath(QStringLiteral("no/such/dir/h.csv")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestHistoryModels)
#include "tst_history_models.moc"
