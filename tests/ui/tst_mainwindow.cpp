// The main window opens with its tabs, found by object name as users see them.
#include "MainWindow.h"

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
        QCOMPARE(tabs->tabText(0), QStringLiteral("Channels"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Wallet"));
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
