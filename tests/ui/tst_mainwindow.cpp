// The main window opens with its tabs, found by object name as users see them.
#include "AmountField.h"
#include "BalanceBar.h"
#include "BitcoinUnits.h"
#include "MainWindow.h"
#include "WalletSettings.h"

#include <QSettings>

#include <QLabel>
#include <QLineEdit>

#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithChannelsAndWalletTabs()
    {
        spillway::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("mainTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(w.windowTitle(), QStringLiteral("Spillway")); // no wallet yet: named once the service says which
        QCOMPARE(tabs->tabText(0), QStringLiteral("Channels"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Wallet"));
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
        // SPILLWAY_SCREENSHOT_DIR=dir saves what the window looks like, to look at.
        const QString dir = qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(dir + QStringLiteral("/mainwindow.png")));
    }
    void amountsInTheChosenUnit()
    {
        using spillway::ui::BitcoinUnits;
        using Unit = BitcoinUnits::Unit;
        QCOMPARE(BitcoinUnits::parse(QStringLiteral("0.001"), Unit::Btc).sat, std::optional<qint64>(100'000));
        QCOMPARE(BitcoinUnits::parse(QStringLiteral(".5"), Unit::Btc).sat, std::optional<qint64>(50'000'000));
        QCOMPARE(BitcoinUnits::parse(QStringLiteral("1,234.5"), Unit::Btc).sat, std::optional<qint64>(123'450'000'000));
        QCOMPARE(BitcoinUnits::parse(QStringLiteral("21,000,000"), Unit::Btc).sat, std::optional<qint64>(BitcoinUnits::kMaxSat));
        QCOMPARE(BitcoinUnits::parse(QStringLiteral("100,000"), Unit::Sat).sat, std::optional<qint64>(100'000));
        QCOMPARE(BitcoinUnits::parse(QStringLiteral("1 500"), Unit::Sat).sat, std::optional<qint64>(1'500));
        // Refused with a sentence, never read as something else or cut.
        for (const char *bad : {"0,001", "1.5", "abc", "1e5", "-3", "1..2"})
            QVERIFY2(!BitcoinUnits::parse(QString::fromLatin1(bad), std::string_view(bad) == "0,001" ? Unit::Btc : Unit::Sat).sat, bad);
        QVERIFY(BitcoinUnits::parse(QStringLiteral("1.5"), Unit::Sat).problem.contains(QLatin1String("whole number")));
        QVERIFY(BitcoinUnits::parse(QStringLiteral("0.000000001"), Unit::Btc).problem.contains(QLatin1String("8 decimal places")));
        QVERIFY(BitcoinUnits::parse(QStringLiteral("21000000.00000001"), Unit::Btc).problem.contains(QLatin1String("21 million")));
        QCOMPARE(BitcoinUnits::format(123'456'789, Unit::Btc), QStringLiteral("1.23456789 BTC"));
        QCOMPARE(BitcoinUnits::format(-5'000, Unit::Btc), QStringLiteral("-0.00005000 BTC"));
        QCOMPARE(BitcoinUnits::format(1'234'567, Unit::Sat), QStringLiteral("1,234,567 sat"));

        // The field: above its maximum it stays as typed, red, with the limit said.
        spillway::ui::AmountField field;
        field.setUnit(Unit::Btc);
        field.setMaximum(500'000);
        field.lineEdit()->setText(QStringLiteral("0.006"));
        QCOMPARE(field.value(), std::nullopt);
        QCOMPARE(field.lineEdit()->text(), QStringLiteral("0.006"));
        QCOMPARE(field.problem(), QStringLiteral("At most 0.00500000 BTC."));
        QVERIFY(field.lineEdit()->styleSheet().contains(QLatin1String("#c62828")));
        field.lineEdit()->setText(QStringLiteral("0.004"));
        QCOMPARE(field.value(), std::optional<qint64>(400'000));
        QVERIFY(field.problem().isEmpty());
        // Another unit: the same amount, written in it.
        field.setUnit(Unit::Sat);
        QCOMPARE(field.lineEdit()->text(), QStringLiteral("400,000"));
        QCOMPARE(field.value(), std::optional<qint64>(400'000));
    }
    void unitsBelongToTheWallet()
    {
        using namespace spillway::ui;
        const QVariant unitBefore = QSettings().value(QStringLiteral("unit")), languageBefore = QSettings().value(QStringLiteral("language"));
        QSettings().remove(QStringLiteral("unit"));
        WalletSettings::setWallet(QStringLiteral("/tmp/spillway-test-alice"));
        const QString alice = WalletSettings::group();
        WalletSettings::setValue(QStringLiteral("unit"), QStringLiteral("btc"));
        QSettings().setValue(QStringLiteral("language"), QStringLiteral("en")); // the person's: global
        QCOMPARE(BitcoinUnits::chosen(), BitcoinUnits::Unit::Btc);
        WalletSettings::setWallet(QStringLiteral("/tmp/spillway-test-bob"));
        QVERIFY(WalletSettings::group() != alice);
        QCOMPARE(BitcoinUnits::chosen(), BitcoinUnits::Unit::Sat); // Bob's wallet did not follow Alice's
        QCOMPARE(WalletSettings::value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        // A setting saved before settings were per wallet still counts for every wallet.
        QSettings().setValue(QStringLiteral("unit"), QStringLiteral("btc"));
        QCOMPARE(BitcoinUnits::chosen(), BitcoinUnits::Unit::Btc);
        QSettings().remove(QStringLiteral("unit"));
        QSettings().remove(alice);
        QSettings().remove(WalletSettings::group());
        QSettings().remove(QStringLiteral("language"));
        if (unitBefore.isValid())
            QSettings().setValue(QStringLiteral("unit"), unitBefore);
        if (languageBefore.isValid())
            QSettings().setValue(QStringLiteral("language"), languageBefore);
        WalletSettings::setWallet({});
    }
    void balancesInTheStatusBar()
    {
        spillway::ui::MainWindow w;
        auto *bar = w.findChild<spillway::ui::BalanceBar *>(QStringLiteral("balanceBar"));
        QVERIFY(bar);
        bar->setBalances({100'000, 49'000, 0, 60'000, 4'500});
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusSpendableLabel"))->text(), QStringLiteral("Spendable: 100,000 sat"));
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusUnconfirmedLabel"))->text(), QStringLiteral("Unconfirmed: 49,000 sat"));
        QVERIFY(bar->findChild<QLabel *>(QStringLiteral("statusImmatureLabel"))->isHidden());
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusPayingLabel"))->text(), QStringLiteral("In channels, paying: 60,000 sat"));
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusReceivingLabel"))->text(), QStringLiteral("receiving: 4,500 sat"));
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusTotalLabel"))->text(), QStringLiteral("<b>Total: 213,500 sat</b>"));
        bar->setFormatter([](qint64 sat) { return spillway::ui::BitcoinUnits::format(sat, spillway::ui::BitcoinUnits::Unit::Btc); });
        QCOMPARE(bar->findChild<QLabel *>(QStringLiteral("statusTotalLabel"))->text(), QStringLiteral("<b>Total: 0.00213500 BTC</b>"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
