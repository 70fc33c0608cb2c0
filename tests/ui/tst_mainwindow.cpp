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
        // SPILLWAY_SCREENSHOT_DIR=dir saves what the window looks like, to look at.
        const QString dir = qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w.grab().save(dir + QStringLiteral("/mainwindow.png")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
