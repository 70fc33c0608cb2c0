// End to end through the real window, offscreen: a payer window and a payee
// window in one process, two data directories, one local chain. Messages move
// by rendering the QR widget to an image and decoding it the way a camera frame
// is decoded, or (second run) through files. Asserts rows and balances exactly.
#include "BackupStatusLabel.h"
#include "PasswordDialog.h"
#include "PasswordSettingsBox.h"
#include "chain/LocalChain.h"
#include <QPointer>
#include "FirstRunDialog.h"
#include "RestoreFromBackupDialog.h"
#include "ImportDialog.h"
#include "Notifier.h"
#include "TrayController.h"
#include "services/BackgroundWatcher.h"
#include "MainWindow.h"
#include "MessageDialog.h"
#include "OpenChannelWizard.h"
#include "QrMessageView.h"
#include "AmountField.h"
#include "SendConfirmDialog.h"
#include "SendPanel.h"
#include "store/LabelStore.h"
#include "RecoveryPhraseView.h"
#include <QPlainTextEdit>
#include <QRadioButton>
#include "TransactionDialog.h"
#include "models/HistoryModels.h"
#include <QClipboard>
#include <QStatusBar>
#include "QrCode.h"
#include "bitcoin/Address.h"
#include "models/ChannelTableModel.h"
#include "services/WalletService.h"
#include "services/PurchaseRunner.h"
#include "ByteSize.h"
#include "MarketTabs.h"
#include "WalletSettings.h"
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

#include "chain/LocalChainDb.h"

#include "store/BumpStore.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QPlainTextEdit>
#include <QCheckBox>
#include "store/ChannelStore.h"
#include "wallet/Wallet.h"
#include <QJsonObject>
#include <QJsonDocument>
#include <QRadioButton>
#include <QSettings>
#include <QStatusBar>
#include <QDBusConnection>
#include <QSystemTrayIcon>
#include <QThread>
#include <QTranslator>

#include <mutex>
#include <QProcess>
#include <QProgressBar>
#include <QTableView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QGuiApplication>
#include <QToolBar>
#include "ScreenRegionPicker.h"
#include "PayDialog.h"
#include <QWizard>
#include "services/ChannelAnnouncements.h"
#include <QTest>
#include <QDialogButtonBox>
#include "backup/BackupSettings.h"

using namespace spillway::ui;

namespace {

struct Side {
    WalletService *service;
    MainWindow *window;
    Side(const QString &dataDir, const QString &chain, bool autoAnswer = true)
        : service(new WalletService(dataDir, chain)), window(new MainWindow(service))
    {
        if (!autoAnswer) {
            // Every question asked for real, in its dialog (the click-budget test), once
            // the wallet exists: its first run is setup, answered here.
            QObject::connect(service, &WalletService::failed, service, [](const QString &code, const QString &sentence, const QString &details) {
                qWarning("service: %s %s (%s)", qPrintable(code), qPrintable(sentence), qPrintable(details));
            }, Qt::DirectConnection);
            window->setAutoAnswer([](const QString &q) -> QVariant { return q == QLatin1String("first run phrase") ? QVariant(QString()) : QVariant(); });
            QObject::connect(service, &WalletService::ready, window, [w = window] { w->setAutoAnswer(nullptr); });
            return;
        }
        QObject::connect(service, &WalletService::failed, service, [](const QString &code, const QString &sentence, const QString &details) {
            qWarning("service: %s %s (%s)", qPrintable(code), qPrintable(sentence), qPrintable(details));
        }, Qt::DirectConnection);
        window->setAutoAnswer([](const QString &q) -> QVariant {
            if (q == QLatin1String("pay amount"))
                return 1500;
            if (q == QLatin1String("settle"))
                return true;
            if (q == QLatin1String("psbt kind"))
                return QStringLiteral("commitment");
            if (q == QLatin1String("first run phrase"))
                return QString(); // a new wallet, made at once
            return QStringLiteral("GUI test feed");
        });
    }
    ~Side()
    {
        delete window;
        delete service;
    }
    void trigger(const char *action) { window->findChild<QAction *>(QString::fromLatin1(action))->trigger(); }
    ChannelTableModel *model() const { return window->channelModel(); }
    QString label(const char *name) const { return window->findChild<QLabel *>(QString::fromLatin1(name))->text(); }
};

// Waits for the next message dialog of `side` and returns what the other side would receive.
QString takeMessage(Side &side, bool viaFile, const QString &dir)
{
    if (!QTest::qWaitFor([&] { return side.window->lastMessageDialog() != nullptr; }, 20000))
        return {};
    MessageDialog *d = side.window->lastMessageDialog();
    ImportDialog import(QStringLiteral("import"));
    if (viaFile) {
        const QString path = dir + QStringLiteral("/message.spw");
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(d->text().toUtf8());
        f.close();
        import.importFile(path);
    } else if (d->isAnimated()) {
        // Several messages (or a PSBT): an animated BC-UR, read frame by frame as the
        // widget shows them, until the import has the whole.
        QSignalSpy done(&import, &ImportDialog::codeComplete);
        QSignalSpy shown(d, &MessageDialog::frameShown);
        for (int frames = 0; done.isEmpty() && frames < 4 * d->partCount() + 8; ++frames) {
            import.importImage(d->findChild<QLabel *>(QStringLiteral("messageQrLabel"))->grab().toImage());
            if (done.isEmpty() && !shown.wait(3000))
                break;
        }
    } else {
        // The QR widget as the user sees it, through the camera's decoding path.
        import.importImage(d->findChild<QLabel *>(QStringLiteral("messageQrLabel"))->grab().toImage());
    }
    d->close();
    return import.text();
}

} // namespace

class TestGuiFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void payerAndPayee_data()
    {
        QTest::addColumn<bool>("viaFile");
        QTest::newRow("qr") << false;
        QTest::newRow("files") << true;
    }
    void payerAndPayee();
    void offersInTheTable();
    void clickBudget();
    void paymentsStreamByContinuousScanning();
    void sellAndBuyOverTls();
    void byteSizes();
    void marketTabsInChinese();
    void buyShowsStagesAndNeverBlocks();
    void sellStopAndStartKeepPortAndOffer();
    void sendWithConfirmation();
    void historyBumpFee();
    void firstRunCreateVerifyRestore();
    void backupFolderFromSettings();
    void backgroundWatcherUnit();
    void closingWithOpenChannelsAsks();
    void closingHidesToTheTray();
    void notifications();
    void firstRunRestoresFromBackup();
    void walletPasswordAtStartAndForThePhrase();
};

namespace {
spillway::SecretBytes secretOf(const char *text)
{
    return spillway::SecretBytes(spillway::asBytes(std::string_view(text)));
}

/// The next password dialog of `top` (not `previous`, which is closing), in `mode`.
PasswordDialog *nextPasswordDialog(QWidget *top, PasswordDialog::Mode mode, QPointer<PasswordDialog> &previous)
{
    PasswordDialog *found = nullptr;
    (void)QTest::qWaitFor([&] {
        for (auto *d : top->findChildren<PasswordDialog *>(QStringLiteral("passwordDialog")))
            if (d != previous && d->isVisible() && d->mode() == mode)
                found = d;
        return found != nullptr;
    }, 20000);
    previous = found;
    return found;
}

void answer(PasswordDialog *d, const char *password)
{
    d->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(QString::fromUtf8(password));
    d->findChild<QPushButton *>(QStringLiteral("passwordOkButton"))->click();
}
} // namespace

void TestGuiFlow::walletPasswordAtStartAndForThePhrase()
{
    QTemporaryDir dir;
    const QString chainFile = dir.filePath(QStringLiteral("chain.sqlite")), dataDir = dir.filePath(QStringLiteral("locked"));
    spillway::SecretBytes mnemonic;
    {
        // A wallet with a password, as Settings or `wallet password set` leaves it.
        spillway::chain::LocalChain chain(chainFile);
        auto created = spillway::wallet::Wallet::create(dataDir, chain);
        QVERIFY(created.ok());
        mnemonic = *created;
        auto w = spillway::wallet::Wallet::open(dataDir, chain);
        QVERIFY((*w)->changePassword({}, secretOf("open sesame")).ok());
    }
    const QStringList words = QString::fromLatin1(reinterpret_cast<const char *>(mnemonic.data()), static_cast<qsizetype>(mnemonic.size()))
                                  .split(QLatin1Char(' '));
    auto *service = new WalletService(dataDir, chainFile);
    auto *window = new MainWindow(service);
    window->setAutoAnswer([](const QString &) { return QVariant(); }); // no message boxes
    QSignalSpy ready(service, &WalletService::ready);
    QSignalSpy failed(service, &WalletService::failed);
    service->startOnThread();
    window->show();

    // At start: the password before the wallet is used; a wrong one is said and asked again.
    QPointer<PasswordDialog> dialog;
    PasswordDialog *unlock = nextPasswordDialog(window, PasswordDialog::Mode::Unlock, dialog);
    QVERIFY(unlock);
    QCOMPARE(unlock->findChild<QPushButton *>(QStringLiteral("passwordCancelButton"))->text(), QStringLiteral("Quit"));
    QVERIFY(!unlock->findChild<QLabel *>(QStringLiteral("passwordProblemLabel"))->isVisible());
    answer(unlock, "open sesamE");
    unlock = nextPasswordDialog(window, PasswordDialog::Mode::Unlock, dialog);
    QVERIFY(unlock);
    QCOMPARE(unlock->findChild<QLabel *>(QStringLiteral("passwordProblemLabel"))->text(), QStringLiteral("The password is wrong. Try again."));
    QCOMPARE(ready.size(), 0); // still nothing: no engine, no address, no balances
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("receiveAddressLabel"))->text().isEmpty());
    answer(unlock, "open sesame");
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<QLabel *>(QStringLiteral("receiveAddressLabel"))->text().isEmpty(), 20000);
    QVERIFY(service->hasPassword());

    // Show recovery phrase: the password again (a wrong one shows nothing), then the words.
    window->findChild<QAction *>(QStringLiteral("showPhraseAction"))->trigger();
    PasswordDialog *confirm = nextPasswordDialog(window, PasswordDialog::Mode::Confirm, dialog);
    QVERIFY(confirm);
    failed.clear();
    answer(confirm, "sesame");
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("WRONG_PASSWORD"));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("The wallet password is wrong."));
    QVERIFY(!window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog")));
    window->findChild<QAction *>(QStringLiteral("showPhraseAction"))->trigger();
    confirm = nextPasswordDialog(window, PasswordDialog::Mode::Confirm, dialog);
    answer(confirm, "open sesame");
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog")), 20000);
    auto *shown = window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog"));
    QCOMPARE(shown->findChild<RecoveryPhraseView *>()->words(), words);
    delete shown;

    // Settings → Wallet password: change, then remove; the phrase is then a plain yes.
    PasswordSettingsBox box(service);
    box.show();
    QVERIFY(box.findChild<QPushButton *>(QStringLiteral("changePasswordButton"))->isVisible());
    QVERIFY(!box.findChild<QPushButton *>(QStringLiteral("setPasswordButton"))->isVisible());
    QSignalSpy changed(service, &WalletService::passwordChanged);
    box.findChild<QPushButton *>(QStringLiteral("changePasswordButton"))->click();
    QVERIFY(box.dialog());
    box.dialog()->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(QStringLiteral("open sesame"));
    box.dialog()->findChild<QLineEdit *>(QStringLiteral("newPasswordLineEdit"))->setText(QStringLiteral("new one"));
    box.dialog()->findChild<QLineEdit *>(QStringLiteral("repeatPasswordLineEdit"))->setText(QStringLiteral("new onE"));
    QVERIFY(!box.dialog()->findChild<QPushButton *>(QStringLiteral("passwordOkButton"))->isEnabled()); // they differ
    box.dialog()->findChild<QLineEdit *>(QStringLiteral("repeatPasswordLineEdit"))->setText(QStringLiteral("new one"));
    box.dialog()->findChild<QPushButton *>(QStringLiteral("passwordOkButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 20000);
    QCOMPARE(changed.first().first().toBool(), true);
    QTRY_VERIFY(box.findChild<QPushButton *>(QStringLiteral("removePasswordButton"))->isVisible()); // the box hears it queued
    box.findChild<QPushButton *>(QStringLiteral("removePasswordButton"))->click();
    QTRY_VERIFY(box.dialog() && box.dialog()->mode() == PasswordDialog::Mode::Remove);
    box.dialog()->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->setText(QStringLiteral("new one"));
    box.dialog()->findChild<QPushButton *>(QStringLiteral("passwordOkButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 20000);
    QCOMPARE(changed.last().first().toBool(), false);
    QVERIFY(!service->hasPassword());
    QTRY_VERIFY(box.findChild<QPushButton *>(QStringLiteral("setPasswordButton"))->isVisible()); // the box hears it queued
    window->setAutoAnswer([](const QString &q) -> QVariant { return q == QLatin1String("show phrase") ? QVariant(true) : QVariant(); });
    window->findChild<QAction *>(QStringLiteral("showPhraseAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog")), 20000);
    QCOMPARE(window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog"))->findChild<RecoveryPhraseView *>()->words(), words);
    delete window;
    delete service;

    // The next start asks nothing: the seed is plain in the keychain again.
    service = new WalletService(dataDir, chainFile);
    window = new MainWindow(service);
    QSignalSpy ready2(service, &WalletService::ready);
    service->startOnThread();
    QTRY_COMPARE_WITH_TIMEOUT(ready2.size(), 1, 20000);
    QVERIFY(!window->findChild<PasswordDialog *>(QStringLiteral("passwordDialog")));
    delete window;
    delete service;
}

void TestGuiFlow::firstRunRestoresFromBackup()
{
    QTranslator english; // "0 channels", as the app says it
    QVERIFY(english.load(QStringLiteral(":/i18n/spillway_en.qm")));
    QCoreApplication::installTranslator(&english);
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    auto cli = [&](const QString &dataDir, const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), QStringList{QStringLiteral("--chain"), chain, QStringLiteral("--datadir"), dataDir} + args);
        p.waitForFinished(60000);
        return p.exitCode() == 0 ? QJsonDocument::fromJson(p.readAllStandardOutput()).object() : QJsonObject{};
    };
    const QString old = dir.filePath(QStringLiteral("old"));
    const QString words = cli(old, {QStringLiteral("wallet"), QStringLiteral("create"), QStringLiteral("--json")})
                              .value(QLatin1String("mnemonic")).toString();
    QVERIFY(!words.isEmpty());
    QVERIFY(!cli(old, {QStringLiteral("channel"), QStringLiteral("offer"), QStringLiteral("--out"), dir.filePath(QStringLiteral("offer.spw"))}).isEmpty() ||
            QFile::exists(dir.filePath(QStringLiteral("offer.spw"))));
    const QString file = cli(old, {QStringLiteral("backup"), QStringLiteral("folder"), dir.filePath(QStringLiteral("backups")), QStringLiteral("--json")})
                             .value(QLatin1String("file")).toString();
    QVERIFY(QFile::exists(file));

    // The dialog: a phrase of the wrong length and a missing file are said, not accepted.
    RestoreFromBackupDialog d;
    d.findChild<QRadioButton *>(QStringLiteral("restoreWalletRadioButton"))->setChecked(true);
    d.findChild<QPlainTextEdit *>(QStringLiteral("recoveryPhraseEdit"))->setPlainText(QStringLiteral("one two three"));
    d.accept();
    QVERIFY(d.result() != QDialog::Accepted);
    QVERIFY(d.findChild<QLabel *>(QStringLiteral("firstRunProblemLabel"))->text().contains(QLatin1String("12 or 24 words")));
    d.findChild<QPlainTextEdit *>(QStringLiteral("recoveryPhraseEdit"))->setPlainText(QStringLiteral("  ") + words.toUpper() + QStringLiteral("\n"));
    d.accept();
    QVERIFY(d.result() != QDialog::Accepted);
    QVERIFY(d.findChild<QLabel *>(QStringLiteral("firstRunProblemLabel"))->text().contains(QLatin1String("backup file")));
    d.findChild<QLineEdit *>(QStringLiteral("backupFileLineEdit"))->setText(file);
    d.accept();
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(d.restoring());
    const spillway::SecretBytes phrase = d.takePhrase();
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(phrase.data()), static_cast<qsizetype>(phrase.size())), words.toUtf8());
    QVERIFY(d.findChild<QPlainTextEdit *>(QStringLiteral("recoveryPhraseEdit"))->toPlainText().isEmpty());

    // The service restores instead of creating: the wallet, its offer, backups carrying on.
    const QString fresh = dir.filePath(QStringLiteral("fresh"));
    {
        WalletService service(fresh, chain);
        service.setRestoreFromBackup(phrase, file);
        QSignalSpy ready(&service, &WalletService::ready), created(&service, &WalletService::walletCreated),
            info(&service, &WalletService::info);
        service.startOnThread();
        QVERIFY(ready.wait(30000) || ready.size() == 1);
        QCOMPARE(created.size(), 0);
        QTRY_VERIFY(!info.isEmpty());
        QVERIFY(info.first().first().toString().startsWith(QLatin1String("Restored 0 channels from the backup")));
    }
    QVERIFY(spillway::wallet::Wallet::exists(fresh));
    spillway::store::ChannelStore restored;
    QVERIFY(restored.open(fresh).ok());
    QCOMPARE(restored.offers()->size(), size_t(1));
    QCOMPARE(spillway::backup::BackupSettings::load(fresh)->path(), file);

    // Another phrase's backup: refused in words, no wallet made.
    const QString other = dir.filePath(QStringLiteral("other"));
    {
        WalletService service(other, chain);
        const std::string abandon = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        service.setRestoreFromBackup(spillway::SecretBytes(spillway::asBytes(abandon)), file);
        QSignalSpy failed(&service, &WalletService::failed), ready(&service, &WalletService::ready);
        service.startOnThread();
        QVERIFY(failed.wait(30000) || failed.size() == 1);
        QCOMPARE(failed.first().first().toString(), QStringLiteral("BACKUP_WRONG_PHRASE"));
        QCOMPARE(ready.size(), 0);
    }
    QVERIFY(!spillway::wallet::Wallet::exists(other));
    QCoreApplication::removeTranslator(&english);
}

void TestGuiFlow::notifications()
{
    WalletService service(QStringLiteral("/nonexistent"), QStringLiteral("/nonexistent/chain.sqlite")); // never started
    MainWindow window(&service);
    window.setAutoAnswer([](const QString &) { return QVariant(); }); // no message boxes
    Notifier *n = window.findChild<TrayController *>(QStringLiteral("trayController"))->notifier();
    QVERIFY(n);
    ChannelSummary feed;
    feed.id = QStringLiteral("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12:0");
    feed.label = QStringLiteral("GUI test feed");
    feed.role = ChannelSummary::Role::Receiving;
    feed.state = ChannelSummary::State::Open;
    feed.expiryHeight = 150;
    feed.safetyMargin = 6;
    feed.paidSat = 1500;
    Q_EMIT service.tipChanged(100, QDateTime::currentSecsSinceEpoch(), 600);
    Q_EMIT service.channelsChanged({feed}); // what was there at start: nothing to say
    QVERIFY(n->history().isEmpty());
    feed.paidSat = 2000;
    Q_EMIT service.channelsChanged({feed});
    QCOMPARE(n->history().size(), 1);
    QCOMPARE(n->history().last(), QStringLiteral("Payment received: +500 sat on GUI test feed (2000 sat in all)"));
    Q_EMIT service.tipChanged(137, QDateTime::currentSecsSinceEpoch(), 600); // 7 blocks before settling: not yet
    QCOMPARE(n->history().size(), 1);
    Q_EMIT service.tipChanged(139, QDateTime::currentSecsSinceEpoch(), 600); // within one safety margin
    QCOMPARE(n->history().size(), 2);
    QVERIFY2(n->history().last().startsWith(QLatin1String("Deadline near: GUI test feed settles by itself in 5 block(s), at height 144")),
             qPrintable(n->history().last()));
    Q_EMIT service.tipChanged(140, QDateTime::currentSecsSinceEpoch(), 600); // said once
    QCOMPARE(n->history().size(), 2);
    // What the watcher did by itself is announced in words, with the channel's name.
    const Announcement autoSettled = announcementOf(
        spillway::channel::WatchEvent{{}, "settled automatically at the safety margin: 00ff", spillway::channel::WatchEvent::Kind::AutoSettled, 2000},
        QStringLiteral("GUI test feed"));
    QCOMPARE(autoSettled.sentence,
             QStringLiteral("Spillway settled \"GUI test feed\" by itself before its deadline: 2,000 sat come to you once the settlement confirms."));
    Q_EMIT service.announced(autoSettled.title, autoSettled.sentence);
    QCOMPARE(n->history().last(), QStringLiteral("Channel settled automatically: ") + autoSettled.sentence);
    const Announcement refunded = announcementOf(
        spillway::channel::WatchEvent{{}, "refund broadcast: 00ee", spillway::channel::WatchEvent::Kind::AutoRefunded, 0}, QStringLiteral("feed"));
    QCOMPARE(refunded.title, QStringLiteral("Refund sent automatically"));
    QVERIFY(announcementOf(spillway::channel::WatchEvent{{}, "changed by another process", spillway::channel::WatchEvent::Kind::Other, 0},
                           QStringLiteral("feed")).isEmpty());
    const qsizetype announced = n->history().size();
    Q_EMIT service.info(QStringLiteral("settled in 00ff")); // the raw event is not said a second time
    QCOMPARE(n->history().size(), announced);
    Q_EMIT service.info(QStringLiteral("the settlement's fee raised by a child (CPFP) 00aa: 12 sat/vB for both"));
    QVERIFY(n->history().last().startsWith(QLatin1String("Channel: the settlement's fee raised")));
    Q_EMIT service.failed(QStringLiteral("BACKUP_FAILED"), QStringLiteral("The backup could not be written."), QStringLiteral("BACKUP_FAILED"));
    QCOMPARE(n->history().last(), QStringLiteral("Backup failed: The backup could not be written."));
    const qsizetype said = n->history().size();
    Q_EMIT service.failed(QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("not a backup matter"), QStringLiteral("INVALID_ARGUMENT"));
    QCOMPARE(n->history().size(), said);
    // Without a tray, the status bar says it.
    n->notify(QStringLiteral("Payment received"), QStringLiteral("+1 sat"));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Payment received: +1 sat"));
}

namespace {
/// A stand-in for the desktop's tray host (org.kde.StatusNotifierWatcher), on a
/// connection and thread of its own so that Qt's blocking questions get answers.
class StandInWatcher : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ registeredItems)
public:
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList registeredItems() const
    {
        std::lock_guard l(mutex);
        return items;
    }
    bool registerOnBus()
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("stand-in-watcher"));
        return bus.isConnected() && bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), this, QDBusConnection::ExportAllContents) &&
               bus.registerService(QStringLiteral("org.kde.StatusNotifierWatcher"));
    }
public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        std::lock_guard l(mutex);
        items << service;
    }
    void RegisterStatusNotifierHost(const QString &) {}
Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    mutable std::mutex mutex;
    QStringList items;
};
} // namespace

void TestGuiFlow::closingHidesToTheTray()
{
    if (qEnvironmentVariableIsEmpty("SPILLWAY_TRAY_TEST"))
        QSKIP("needs an X server and a process of its own: CTest runs it as tst_gui_tray (xvfb-run)");
    QThread busThread;
    auto *watcher = new StandInWatcher;
    watcher->moveToThread(&busThread);
    busThread.start();
    bool registered = false;
    QMetaObject::invokeMethod(watcher, [&] { registered = watcher->registerOnBus(); }, Qt::BlockingQueuedConnection);
    QVERIFY2(registered, "no session bus: run under dbus-run-session");
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());

    WalletService service(QStringLiteral("/nonexistent"), QStringLiteral("/nonexistent/chain.sqlite")); // never started
    MainWindow window(&service);
    auto *tray = window.findChild<TrayController *>(QStringLiteral("trayController"));
    QStringList asked;
    tray->setAutoAnswer([&](const QString &text) {
        asked << text;
        return false;
    });
    ChannelSummary open;
    open.id = QStringLiteral("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12:0");
    open.label = QStringLiteral("GUI test feed");
    open.role = ChannelSummary::Role::Receiving;
    open.state = ChannelSummary::State::Open;
    open.expiryHeight = 150;
    Q_EMIT service.tipChanged(100, QDateTime::currentSecsSinceEpoch(), 600);
    Q_EMIT service.channelsChanged({open});
    QVERIFY(tray->closesToTray());
    QSignalSpy lastClosed(qApp, &QGuiApplication::lastWindowClosed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.close();
    // Hidden to the tray, nothing asked, the application not told its last window closed: it keeps watching.
    QVERIFY(!window.isVisible());
    QVERIFY(asked.isEmpty());
    QVERIFY(tray->trayIcon() && tray->trayIcon()->isVisible());
    QCOMPARE(lastClosed.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!watcher->registeredItems().isEmpty(), 10000); // the icon reached the tray host
    // Still following: a new channel list reaches the tray's tooltip.
    Q_EMIT service.channelsChanged({open, open});
    QVERIFY(tray->trayIcon()->toolTip().contains(QLatin1String("2")));
    // Quitting from the tray's menu still names the deadline.
    tray->requestQuit();
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked[0].contains(QLatin1String("GUI test feed: auto-settle at height 144")));
    QMetaObject::invokeMethod(watcher, [watcher] { delete watcher; }, Qt::BlockingQueuedConnection);
    busThread.quit();
    busThread.wait();
}

void TestGuiFlow::closingWithOpenChannelsAsks()
{
    QTranslator english; // plural forms ("44 blocks") come from the English translation, as in the app
    QVERIFY(english.load(QStringLiteral(":/i18n/spillway_en.qm")));
    QCoreApplication::installTranslator(&english);
    WalletService service(QStringLiteral("/nonexistent"), QStringLiteral("/nonexistent/chain.sqlite")); // never started
    MainWindow window(&service);
    auto *tray = window.findChild<TrayController *>(QStringLiteral("trayController"));
    QVERIFY(tray);
    QStringList asked;
    bool answer = false;
    tray->setAutoAnswer([&](const QString &text) {
        asked << text;
        return answer;
    });
    // No channel to watch: the window closes as it always did, nothing asked.
    window.show();
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    QVERIFY(asked.isEmpty());

    ChannelSummary receiving;
    receiving.id = QStringLiteral("ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12:0");
    receiving.label = QStringLiteral("GUI test feed");
    receiving.role = ChannelSummary::Role::Receiving;
    receiving.state = ChannelSummary::State::Open;
    receiving.expiryHeight = 150;
    receiving.safetyMargin = 6;
    receiving.paidSat = 1500;
    receiving.capacitySat = 100000;
    ChannelSummary paying = receiving;
    paying.label.clear();
    paying.role = ChannelSummary::Role::Paying;
    paying.expiryHeight = 400;
    ChannelSummary settled = receiving;
    settled.label = QStringLiteral("old feed");
    settled.state = ChannelSummary::State::Settled;
    Q_EMIT service.tipChanged(100, QDateTime::currentSecsSinceEpoch(), 600);
    Q_EMIT service.channelsChanged({receiving, paying, settled});
    const QStringList at = tray->deadlines();
    QCOMPARE(at.size(), 2);
    QVERIFY2(at[0].startsWith(QLatin1String("GUI test feed: auto-settle at height 144 (in 44 blocks")), qPrintable(at[0]));
    QVERIFY2(at[0].endsWith(QLatin1String("1500 sat at stake")), qPrintable(at[0]));
    QVERIFY2(at[1].startsWith(QStringLiteral("ab12cd34ef56…: auto-refund at height 400 (in 300 blocks")), qPrintable(at[1]));

    // No tray here (offscreen): closing asks, naming the channels and their deadlines; "no" keeps the window.
    QVERIFY(!tray->closesToTray());
    window.show();
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked[0].contains(QLatin1String("GUI test feed: auto-settle at height 144")));
    QVERIFY(asked[0].contains(QLatin1String("auto-refund at height 400")));
    QVERIFY(!asked[0].contains(QLatin1String("old feed")));
    // The Quit action asks the same; "no" quits nothing.
    window.findChild<QAction *>(QStringLiteral("quitAction"))->trigger();
    QCOMPARE(asked.size(), 2);
    QVERIFY(window.isVisible());
    // "Yes": the window closes.
    answer = true;
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
    QCoreApplication::removeTranslator(&english);
}

namespace {

/// ExecStart's words as systemd reads them: "…" quoting with \\ and \" escapes,
/// %% and $$ for a literal % and $.
struct FakeSystemctl : SystemctlRunner {
    QList<QStringList> calls;
    spillway::Status run(const QStringList &args) override
    {
        calls << args;
        return {};
    }
};

QStringList systemdWords(const QString &line)
{
    QStringList out;
    QString cur;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == QLatin1Char('\\') && i + 1 < line.size()) {
            cur += line[++i];
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
        } else if ((c == QLatin1Char('%') || c == QLatin1Char('$')) && i + 1 < line.size() && line[i + 1] == c) {
            cur += c;
            ++i;
        } else if (c == QLatin1Char(' ') && !quoted) {
            if (any || !cur.isEmpty())
                out << cur;
            cur.clear();
            any = false;
        } else {
            cur += c;
        }
    }
    if (any || !cur.isEmpty())
        out << cur;
    return out;
}
} // namespace

void TestGuiFlow::backgroundWatcherUnit()
{
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    const QString dataDir = dir.filePath(QStringLiteral("my wallet 100% \"mine\" $HOME"));
    QProcess create;
    create.start(QStringLiteral(SPILLWAY_CLI), {QStringLiteral("--chain"), chain, QStringLiteral("--datadir"), dataDir,
                                               QStringLiteral("wallet"), QStringLiteral("create")});
    QVERIFY(create.waitForFinished(60000) && create.exitCode() == 0);
    spillway::chain::ChainSettings settings;
    settings.chainFile = chain;
    FakeSystemctl systemctl;
    BackgroundWatcher watcher(dataDir, settings, QStringLiteral(SPILLWAY_CLI), systemctl, dir.filePath(QStringLiteral("units")));
    QVERIFY(watcher.unsupportedReason().isEmpty());
    QVERIFY(!watcher.installed());
    const spillway::Status st = watcher.install();
    QVERIFY2(st.ok(), st.ok() ? "" : st.error().describe().c_str());
    QVERIFY(watcher.installed());
    QCOMPARE(systemctl.calls, (QList<QStringList>{{QStringLiteral("--user"), QStringLiteral("daemon-reload")},
                                                 {QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"), watcher.unitName()}}));

    // systemd's own check of the unit file.
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), watcher.unitPath()});
    QVERIFY2(verify.waitForFinished(60000), "systemd-analyze did not finish");
    const QByteArray said = verify.readAll();
    QVERIFY2(verify.exitCode() == 0 && !said.contains(watcher.unitName().toUtf8()), said.constData());

    // ExecStart, read back from the file as systemd reads it, is the watcher's command line ...
    QFile unit(watcher.unitPath());
    QVERIFY(unit.open(QIODevice::ReadOnly));
    QString line;
    for (const QString &l : QString::fromUtf8(unit.readAll()).split(QLatin1Char('\n')))
        if (l.startsWith(QLatin1String("ExecStart=")))
            line = l.mid(10);
    const QStringList words = systemdWords(line);
    QCOMPARE(words, watcher.execStart());
    QCOMPARE(words.mid(words.size() - 3), (QStringList{QStringLiteral("channel"), QStringLiteral("watch"), QStringLiteral("--follow")}));
    // ... and it runs: it follows the chain until stopped, on the same data directory.
    QProcess service;
    service.setProcessChannelMode(QProcess::MergedChannels);
    service.start(words.first(), words.mid(1));
    QVERIFY(service.waitForStarted(10000));
    QTest::qWait(3000);
    QVERIFY2(service.state() == QProcess::Running, service.readAll().constData());
    QProcess mine;
    mine.start(QStringLiteral(SPILLWAY_CLI), {QStringLiteral("--chain"), chain, QStringLiteral("--datadir"), dataDir, QStringLiteral("chain"),
                                             QStringLiteral("mine"), QStringLiteral("1")});
    QVERIFY(mine.waitForFinished(60000) && mine.exitCode() == 0);
    QTest::qWait(1500);
    QVERIFY2(service.state() == QProcess::Running, service.readAll().constData());
    service.terminate();
    QVERIFY(service.waitForFinished(10000));

    QVERIFY(watcher.uninstall().ok());
    QVERIFY(!watcher.installed());
    QCOMPARE(systemctl.calls.at(2), (QStringList{QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"), watcher.unitName()}));

    // A node reached with a user name and password is not offered (the password stays in the keychain).
    spillway::chain::ChainSettings node;
    node.network = spillway::bitcoin::NetworkId::Regtest;
    node.rpc.user = QStringLiteral("alice");
    BackgroundWatcher refused(dataDir, node, QStringLiteral(SPILLWAY_CLI), systemctl, dir.filePath(QStringLiteral("units")));
    QVERIFY(!refused.unsupportedReason().isEmpty());
    QVERIFY(!refused.install().ok());
    QVERIFY(!refused.installed());
}

void TestGuiFlow::backupFolderFromSettings()
{
    // The status bar's words, each state.
    BackupStatusLabel label(nullptr);
    label.setStatus(QString(), QDateTime(), false, 0, QString());
    QCOMPARE(label.text(), QStringLiteral("Backups off"));
    QVERIFY(!label.warning());
    label.setStatus(QString(), QDateTime(), false, 2, QString());
    QVERIFY(label.warning());
    QVERIFY(label.text().contains(QLatin1String("no backup folder is set")));
    label.setStatus(QStringLiteral("/media/usb"), QDateTime(), false, 2, QString());
    QVERIFY(label.warning());
    QVERIFY(label.text().contains(QLatin1String("cannot be written")));
    label.setStatus(QStringLiteral("/media/usb"), QDateTime::currentDateTime(), true, 2, QString());
    QVERIFY(!label.warning());
    QVERIFY(label.text().startsWith(QLatin1String("Last backup: ")));

    // The real thing: Settings' folder, stored where `spillway-cli backup folder` reads it,
    // a backup written at once, the status bar saying when.
    QTemporaryDir dir;
    Side side(dir.filePath(QStringLiteral("wallet")), dir.filePath(QStringLiteral("chain.sqlite")));
    FakeSystemctl systemctl;
    side.service->setSystemctlRunner(&systemctl);
    QSignalSpy ready(side.service, &WalletService::ready);
    side.service->startOnThread();
    side.window->show();
    QVERIFY(ready.wait(20000) || ready.size() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(side.label("backupStatusLabel"), QStringLiteral("Backups off"), 20000);
    QVERIFY(!side.service->backgroundWatcherInstalled());
    const QString folder = dir.filePath(QStringLiteral("backups"));
    // Settings is modal: answered from a timer once it shows.
    QTimer answer;
    bool answered = false;
    connect(&answer, &QTimer::timeout, side.window, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                box->accept(); // "applies when Spillway starts again" (the language saved for the first time)
                continue;
            }
            if (w->objectName() != QLatin1String("settingsDialog") || !w->isVisible() || answered)
                continue;
            auto *edit = w->findChild<QLineEdit *>(QStringLiteral("backupFolderLineEdit"));
            if (!edit)
                continue;
            edit->setText(folder);
            w->findChild<QCheckBox *>(QStringLiteral("backgroundWatcherCheckBox"))->setChecked(true);
            w->findChild<QCheckBox *>(QStringLiteral("closeToTrayCheckBox"))->setChecked(false);
            w->findChild<QSpinBox *>(QStringLiteral("feeBudgetSpinBox"))->setValue(30);
            w->findChild<QDoubleSpinBox *>(QStringLiteral("localMinFeeRateSpinBox"))->setValue(4.5);
            w->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            answered = true;
        }
    });
    answer.start(50);
    side.trigger("settingsAction");
    QVERIFY(answered);
    QTRY_VERIFY_WITH_TIMEOUT(side.label("backupStatusLabel").startsWith(QLatin1String("Last backup: ")), 20000);
    // Settings' Fees: the wallet's bump budget (as `channel budget` reads it) and the local chain's congestion.
    {
        spillway::store::BumpStore bumps;
        QVERIFY(bumps.open(dir.filePath(QStringLiteral("wallet"))).ok());
        QCOMPARE(*bumps.defaultBudgetPercent(), 30);
        QCOMPARE(spillway::chain::LocalChainDb(dir.filePath(QStringLiteral("chain.sqlite"))).policy()->mineMinFeeRate, 4500);
    }
    const auto saved = spillway::backup::BackupSettings::load(dir.filePath(QStringLiteral("wallet")));
    QVERIFY(saved.ok());
    QCOMPARE(saved->folder, folder);
    QVERIFY(QFileInfo::exists(saved->path()));
    QVERIFY(saved->path().startsWith(folder + QStringLiteral("/spillway-local-")));
    // The background watcher's unit, installed through systemctl (here a stand-in).
    QTRY_VERIFY_WITH_TIMEOUT(side.service->backgroundWatcherInstalled(), 20000);
    QTRY_VERIFY(systemctl.calls.size() == 2);
    QCOMPARE(systemctl.calls.at(1).mid(0, 3), (QStringList{QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now")}));
    QVERIFY(systemctl.calls.at(1).at(3).startsWith(QLatin1String("spillway-watch-")));
    QFile::remove(QDir::homePath() + QStringLiteral("/.config/systemd/user/") + systemctl.calls.at(1).at(3));
    // Closing to the tray turned off in the same dialog.
    QCOMPARE(QSettings().value(QStringLiteral("closeToTray")).toBool(), false);
    QVERIFY(!side.window->findChild<TrayController *>(QStringLiteral("trayController"))->closesToTray());
    QSettings().remove(QStringLiteral("closeToTray"));
}

void TestGuiFlow::payerAndPayee()
{
    QFETCH(bool, viaFile);
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side payer(dir.filePath(QStringLiteral("payer")), chain), payee(dir.filePath(QStringLiteral("payee")), chain);
    QSignalSpy payerReady(payer.service, &WalletService::ready), payeeReady(payee.service, &WalletService::ready);
    payer.service->startOnThread();
    payee.service->startOnThread();
    payer.window->show();
    payee.window->show();
    QVERIFY(payerReady.wait(20000) || payerReady.size() == 1);
    QVERIFY(payeeReady.size() == 1 || payeeReady.wait(20000));

    // The payer mines coins with the status bar's Mine button (101 clicks would be slow: ask the service).
    QMetaObject::invokeMethod(payer.service, [s = payer.service] { s->mine(100); });
    payer.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(payer.label("tipLabel"), QStringLiteral("Height 101"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(payer.label("confirmedBalanceLabel") != QStringLiteral("0 sat"), 20000);

    // Payee: New offer, shown as a QR code.
    payee.trigger("newOfferAction");
    const QString offer = takeMessage(payee, viaFile, dir.path());
    QVERIFY2(offer.startsWith(QLatin1String("spw1"), Qt::CaseInsensitive), qPrintable(offer));

    // Payer: Open channel through the wizard.
    payer.trigger("openChannelAction");
    OpenChannelWizard *wizard = payer.window->findChild<OpenChannelWizard *>(QStringLiteral("openChannelWizard"));
    QVERIFY(wizard);
    wizard->setOfferText(offer);
    auto *capacity = wizard->findChild<AmountField *>(QStringLiteral("capacityAmountField"));
    // Above what the offer allows: kept as typed, red, with the limit; the wizard does not go on.
    capacity->lineEdit()->setText(QStringLiteral("100000000000"));
    QVERIFY2(capacity->problem().startsWith(QLatin1String("At most ")), qPrintable(capacity->problem()));
    QCOMPARE(capacity->lineEdit()->text(), QStringLiteral("100000000000"));
    QCOMPARE(wizard->capacity(), 0);
    capacity->lineEdit()->setText(QStringLiteral("60,000"));
    QCOMPARE(wizard->capacity(), 60'000);
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("offerInfoLabel"))->text().contains(QLatin1String("GUI test feed")));
    wizard->accept();
    if (!viaFile) // proposal + funded (cltv): two messages, one animated code
        QTRY_VERIFY_WITH_TIMEOUT(payer.window->lastMessageDialog() && payer.window->lastMessageDialog()->isAnimated(), 20000);
    const QString opening = takeMessage(payer, viaFile, dir.path());
    QCOMPARE(opening.count(QLatin1Char('\n')), 1);
    Q_EMIT payee.window->importRequested(opening);
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->rowCount(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payer.model()->rowCount(), 1, 20000);
    // The funding's change is the payer's at once, unconfirmed (it used to show 0
    // until the next block), and the status bar says so beside the channel's money.
    QTRY_VERIFY_WITH_TIMEOUT(payer.label("statusUnconfirmedLabel") != QStringLiteral("Unconfirmed: 0 sat"), 20000);
    QVERIFY2(payer.label("unconfirmedBalanceLabel") != QStringLiteral("0 sat"), qPrintable(payer.label("unconfirmedBalanceLabel")));
    QCOMPARE(payer.label("statusPayingLabel"), QStringLiteral("In channels, paying: 60,000 sat"));
    // Before the funding confirms, Pay is off and says why (the payee would refuse).
    payer.window->findChild<QTableView *>(QStringLiteral("channelTableView"))->selectRow(0);
    QAction *pay = payer.window->findChild<QAction *>(QStringLiteral("payAction"));
    QVERIFY(!pay->isEnabled());
    QVERIFY2(pay->toolTip().contains(QLatin1String("confirmations")), qPrintable(pay->toolTip()));
    payer.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("open"), 20000);

    // Three payments, each moved as a QR code (or a file), each acknowledged. The
    // service hands the window only the channels that changed: one per update.
    QSignalSpy payeeChannels(payee.service, &WalletService::channelsChanged);
    for (int n = 1; n <= 3; ++n) {
        QTRY_VERIFY_WITH_TIMEOUT(payer.window->findChild<QAction *>(QStringLiteral("payAction"))->isEnabled(), 20000);
        payer.trigger("payAction");
        const QString payment = takeMessage(payer, viaFile, dir.path());
        QVERIFY(!payment.isEmpty());
        Q_EMIT payee.window->importRequested(payment);
        const QString ack = takeMessage(payee, viaFile, dir.path());
        QVERIFY(!ack.isEmpty());
        Q_EMIT payer.window->importRequested(ack);
        QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, 0), ChannelTableModel::PaidSatRole).toLongLong(),
                                  1500LL * n, 20000);
    }
    QCOMPARE(payer.model()->data(payer.model()->index(0, 0), ChannelTableModel::PaidSatRole).toLongLong(), 4500LL);
    QVERIFY(payeeChannels.size() >= 3);
    for (const auto &args : payeeChannels)
        QCOMPARE(args.at(0).value<QList<ChannelSummary>>().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("statusReceivingLabel"), QStringLiteral("receiving: 4,500 sat"), 20000);
    // The detail pane lists the three payments of the selected channel.
    auto *table = payer.window->findChild<QTableView *>(QStringLiteral("channelTableView"));
    table->selectRow(0);
    auto *payments = payer.window->findChild<QTableView *>(QStringLiteral("paymentHistoryView"));
    QTRY_COMPARE_WITH_TIMEOUT(payments->model()->rowCount(), 3, 20000);
    QCOMPARE(payments->model()->data(payments->model()->index(2, 1)).toString(), QStringLiteral("4,500 sat"));
    // The commitment as a PSBT: an animated ur:crypto-psbt that reads back to the same PSBT.
    payer.trigger("exportPsbtAction");
    QTRY_VERIFY_WITH_TIMEOUT(payer.window->lastMessageDialog(), 20000);
    const QString exported = payer.window->lastMessageDialog()->text();
    QVERIFY(exported.startsWith(QLatin1String("cHNidP8")));
    if (!viaFile)
        QVERIFY(payer.window->lastMessageDialog()->currentCode().startsWith(QLatin1String("UR:CRYPTO-PSBT/")));
    QCOMPARE(takeMessage(payer, viaFile, dir.path()), exported);

    // Payee: Settle; mine; both tables show it settled, balances exact.
    QTRY_VERIFY_WITH_TIMEOUT(payee.window->findChild<QAction *>(QStringLiteral("settleAction"))->isEnabled(), 20000);
    payee.trigger("settleAction");
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("closing"), 20000);
    // The payout waits in the mempool: counted once, as unconfirmed, no longer in channels.
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("statusReceivingLabel"), QStringLiteral("receiving: 0 sat"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("statusUnconfirmedLabel"), QStringLiteral("Unconfirmed: 4,500 sat"), 20000);
    // Fees rose while it waits: the detail pane shows what it pays and the blocks left, and
    // Bump fee hangs a child on the payout that pays for both (shown in the detail pane).
    QVERIFY(spillway::chain::LocalChainDb(chain).setFeeEstimate(spillway::chain::FeeRate{4000}).ok());
    payee.window->findChild<QTableView *>(QStringLiteral("channelTableView"))->selectRow(0);
    auto *detail = payee.window->findChild<QLabel *>(QStringLiteral("channelDetailLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(detail->text().contains(QLatin1String("Waiting to confirm: the settlement pays")), 20000);
    QVERIFY(detail->text().contains(QLatin1String("left before the payer's refund becomes valid")));
    QAction *bump = payee.window->findChild<QAction *>(QStringLiteral("bumpFeeAction"));
    QVERIFY(bump && bump->isEnabled());
    QVERIFY(!payer.window->findChild<QAction *>(QStringLiteral("bumpFeeAction"))->isEnabled()); // not the payer's to bump
    payee.trigger("bumpFeeAction");
    QTRY_VERIFY_WITH_TIMEOUT(detail->text().contains(QLatin1String("Fee bump")), 20000);
    spillway::store::BumpStore bumps;
    QVERIFY(bumps.open(dir.filePath(QStringLiteral("payee"))).ok());
    auto bumpRows = bumps.forChannel(*spillway::bitcoin::OutPoint::parse(payee.model()->channelAt(0)->id.toStdString()));
    QVERIFY(bumpRows.ok() && bumpRows->size() == 1);
    const qint64 childFee = bumpRows->front().childFee;
    QVERIFY2(childFee > 0 && childFee <= 2250, qPrintable(QString::number(childFee))); // within half the payout
    payer.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(payer.model()->data(payer.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("settled"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("settled"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("confirmedBalanceLabel"), QLocale(QLocale::English).toString(4500 - childFee) + QStringLiteral(" sat"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("channelsBalanceLabel"), QStringLiteral("0 sat"), 20000);
    QCOMPARE(payee.label("statusTotalLabel"), QStringLiteral("<b>Total: %1 sat</b>").arg(QLocale(QLocale::English).toString(4500 - childFee)));
    // The wallet tab's history shows the settlement's payout to the payee.
    auto *history = payee.window->findChild<QTableView *>(QStringLiteral("walletHistoryView"));
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() >= 1, 20000);
    const ChannelSummary *c = payer.model()->channelAt(0);
    QVERIFY(c);
    QCOMPARE(c->finalPayeeSat, 4500);
    // The payer gets the rest minus the commitment fee: the local chain's 2 sat/vB on the
    // commitment's size with both outputs and the largest signatures (protocol.md check 4).
    const qint64 commitFee = c->capacitySat - c->maxPayableSat;
    QVERIFY2(commitFee >= 2 * 170 && commitFee <= 2 * 200, qPrintable(QString::number(commitFee)));
    QCOMPARE(c->finalPayerSat, 60'000 - 4500 - commitFee);
}

// Two Import windows side by side, each keeping on scanning a region of the screen
// where the other shows its codes: the payer's payments appear in its window, the
// payee's window imports each and shows the ack, the payer's window imports the
// ack. Twenty payments with no click but Pay.
// Issue 16: a new offer is a row in the payee's table until a channel comes from
// it; it can be shown again and copied; withdrawn, it goes, and a payer's opening
// for it is refused.
void TestGuiFlow::offersInTheTable()
{
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side payer(dir.filePath(QStringLiteral("payer")), chain), payee(dir.filePath(QStringLiteral("payee")), chain);
    QSignalSpy payerReady(payer.service, &WalletService::ready), payeeReady(payee.service, &WalletService::ready);
    payer.service->startOnThread();
    payee.service->startOnThread();
    payer.window->show();
    payee.window->show();
    QVERIFY(payerReady.wait(20000) || payerReady.size() == 1);
    QVERIFY(payeeReady.size() == 1 || payeeReady.wait(20000));
    QMetaObject::invokeMethod(payer.service, [s = payer.service] { s->mine(101); });
    QTRY_VERIFY_WITH_TIMEOUT(payer.label("confirmedBalanceLabel") != QStringLiteral("0 sat"), 20000);

    payee.trigger("newOfferAction");
    const QString offer = takeMessage(payee, false, dir.path());
    QVERIFY(offer.startsWith(QLatin1String("spw1"), Qt::CaseInsensitive));
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->rowCount(), 1, 20000);
    QCOMPARE(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(), QStringLiteral("offered"));
    QCOMPARE(payee.model()->data(payee.model()->index(0, ChannelTableModel::CountdownColumn)).toString(),
             QStringLiteral("Waiting for a payer to open it"));
    auto *table = payee.window->findChild<QTableView *>(QStringLiteral("channelTableView"));
    table->selectRow(0);
    QAction *show = payee.window->findChild<QAction *>(QStringLiteral("showOfferAction"));
    QAction *withdraw = payee.window->findChild<QAction *>(QStringLiteral("withdrawOfferAction"));
    QVERIFY(show->isEnabled() && withdraw->isEnabled());
    QVERIFY(!payee.window->findChild<QAction *>(QStringLiteral("exportPsbtAction"))->isEnabled());
    QVERIFY(table->actions().contains(show)); // the table's context menu
    // Shown again, the same offer; copied, the same text.
    payee.trigger("showOfferAction");
    QCOMPARE(takeMessage(payee, false, dir.path()), offer);
    payee.trigger("copyOfferAction");
    QCOMPARE(QGuiApplication::clipboard()->text().toLower(), offer.toLower()); // the QR carries it in upper case
    // Withdrawn (the question answered Yes): the row goes, and it stays gone after a restart.
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    payee.trigger("withdrawOfferAction");
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->rowCount(), 0, 20000);
    // A payer who still has it: its opening is refused by the payee, in a sentence.
    QSignalSpy failed(payee.service, &WalletService::failed);
    payer.trigger("openChannelAction");
    auto *wizard = payer.window->findChild<OpenChannelWizard *>(QStringLiteral("openChannelWizard"));
    wizard->setOfferText(offer);
    wizard->findChild<AmountField *>(QStringLiteral("capacityAmountField"))->lineEdit()->setText(QStringLiteral("60000"));
    wizard->accept();
    const QString opening = takeMessage(payer, false, dir.path());
    QVERIFY(!opening.isEmpty());
    Q_EMIT payee.window->importRequested(opening);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("OFFER_WITHDRAWN"));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("The payee has withdrawn this offer. Ask for a new one."));
    QTest::qWait(200);
    QCOMPARE(payee.model()->rowCount(), 0);

    // A second offer, answered: its row becomes the channel's.
    payee.trigger("newOfferAction");
    const QString second = takeMessage(payee, false, dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->rowCount(), 1, 20000);
    payer.trigger("openChannelAction");
    wizard = payer.window->findChild<OpenChannelWizard *>(QStringLiteral("openChannelWizard"));
    wizard->setOfferText(second);
    wizard->findChild<AmountField *>(QStringLiteral("capacityAmountField"))->lineEdit()->setText(QStringLiteral("60000"));
    wizard->accept();
    Q_EMIT payee.window->importRequested(takeMessage(payer, false, dir.path()));
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("opening"), 20000);
    QCOMPARE(payee.model()->rowCount(), 1);
    QVERIFY(!payee.model()->channelAt(0)->isOfferOnly());
}

namespace {
/// The user's hands: clicks, drags and keys that submit, counted (issue 16's budget).
struct Hands {
    int actions = 0;
    QStringList log;
    void click(QWidget *w, const QString &what)
    {
        QVERIFY2(w && w->isVisible() && w->isEnabled(), qPrintable(what));
        // A user cannot click a window that a modal dialog blocks (QTest could).
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (!top->isVisible() || top == w->window() || top->windowModality() == Qt::NonModal)
                continue;
            const bool blocks = top->windowModality() == Qt::ApplicationModal ||
                                (top->parentWidget() && top->parentWidget()->window() == w->window());
            QVERIFY2(!blocks, qPrintable(what + QStringLiteral(": blocked by ") + top->windowTitle()));
        }
        ++actions;
        log << what;
        QTest::mouseClick(w, Qt::LeftButton);
    }
    void clickAction(MainWindow *window, const char *action, const QString &what)
    {
        auto *bar = window->findChild<QToolBar *>(QStringLiteral("channelToolBar"));
        click(bar->widgetForAction(window->findChild<QAction *>(QString::fromLatin1(action))), what);
    }
    /// The next modal dialog (a question, a name to type) answered by a click or Enter,
    /// as it opens inside the click that asks it.
    void answerNextModal(const QString &what, std::function<void(QWidget *)> answer)
    {
        QTimer::singleShot(200, [this, what, answer] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY2(modal, qPrintable(what));
            ++actions;
            log << what;
            answer(modal);
        });
    }
    /// A drag over the screen-region picker that a Scan screen click opened.
    void dragRegion(const QRect &global, const QString &what)
    {
        ScreenRegionPicker *picker = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *p = qobject_cast<ScreenRegionPicker *>(w); p && p->isVisible())
                    picker = p;
            return picker != nullptr;
        }, 5000));
        ++actions;
        log << what;
        // A few pixels in (QTest reads a press at (0, 0) as "the middle").
        const QRect r = global.adjusted(4, 4, -4, -4).translated(-picker->geometry().topLeft());
        const QPoint from = r.topLeft(), to = r.bottomRight();
        QTest::mousePress(picker, Qt::LeftButton, {}, from);
        QTest::mouseMove(picker, (from + to) / 2);
        QTest::mouseMove(picker, to);
        QTest::mouseRelease(picker, Qt::LeftButton, {}, to);
    }
};
} // namespace

// Issue 16's click budget: open -> pay three times -> settle (and mine it), two
// windows side by side on one screen, codes moving by screen-region scanning, the
// funding at its offer's one confirmation. Real widget events only; every click,
// drag and submitting key counted; at most 15.
void TestGuiFlow::clickBudget()
{
    if (QGuiApplication::primaryScreen()->geometry().width() < 2000)
        QSKIP("needs a screen for two windows side by side: CTest runs it as tst_click_budget (tests/data/wide-screen.json)");
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side payer(dir.filePath(QStringLiteral("payer")), chain, false), payee(dir.filePath(QStringLiteral("payee")), chain, false);
    QSignalSpy payerReady(payer.service, &WalletService::ready), payeeReady(payee.service, &WalletService::ready);
    payer.service->startOnThread();
    payee.service->startOnThread();
    // Two windows side by side on one screen (the user's arrangement, before the flow).
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    const int half = screen.width() / 2;
    payer.window->setGeometry(screen.x() + 10, screen.y() + 30, half - 30, screen.height() - 60);
    payee.window->setGeometry(screen.x() + half + 10, screen.y() + 30, half - 30, screen.height() - 60);
    payer.window->show();
    payee.window->show();
    QVERIFY(payerReady.wait(20000) || payerReady.size() == 1);
    QVERIFY(payeeReady.size() == 1 || payeeReady.wait(20000));
    // Setup, not part of the flow: the payer's wallet has coins.
    QMetaObject::invokeMethod(payer.service, [s = payer.service] { s->mine(101); });
    QTRY_VERIFY_WITH_TIMEOUT(payer.label("confirmedBalanceLabel") != QStringLiteral("0 sat"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payee.label("tipLabel"), QStringLiteral("Height 101"), 20000);
    const QRect payerSide(screen.x(), screen.y(), half, screen.height());
    const QRect payeeSide(screen.x() + half, screen.y(), screen.width() - half, screen.height());

    Hands hands;
    // Payee: New offer, named, shown as a QR code.
    hands.answerNextModal(QStringLiteral("payee: Enter on the offer's name"), [](QWidget *d) { QTest::keyClick(d, Qt::Key_Return); });
    hands.clickAction(payee.window, "newOfferAction", QStringLiteral("payee: New offer"));
    QTRY_VERIFY_WITH_TIMEOUT(payee.window->lastMessageDialog(), 20000);
    // Payer: Scan screen, a drag over the payee's side: the offer opens the wizard at its terms.
    hands.clickAction(payer.window, "scanScreenAction", QStringLiteral("payer: Scan screen"));
    hands.dragRegion(payeeSide, QStringLiteral("payer: drag over the payee's side"));
    OpenChannelWizard *wizard = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((wizard = payer.window->findChild<OpenChannelWizard *>(QStringLiteral("openChannelWizard"))) && wizard->isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::FinishButton)->isVisible() && wizard->button(QWizard::FinishButton)->isEnabled(), 5000);
    hands.click(wizard->button(QWizard::FinishButton), QStringLiteral("payer: Finish"));
    // The payee scans the payer's side: the opening (an animated code) is imported.
    hands.clickAction(payee.window, "scanScreenAction", QStringLiteral("payee: Scan screen"));
    hands.dragRegion(payerSide, QStringLiteral("payee: drag over the payer's side"));
    QTRY_VERIFY_WITH_TIMEOUT(payee.model()->rowCount() == 1 && !payee.model()->channelAt(0)->isOfferOnly(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(payer.model()->rowCount(), 1, 20000);
    // One block: the offer's one confirmation.
    hands.click(payer.window->findChild<QPushButton *>(QStringLiteral("mineButton")), QStringLiteral("payer: Mine a block"));
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->channelAt(0)->state, ChannelSummary::State::Open, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(payer.window->findChild<QAction *>(QStringLiteral("payAction"))->isEnabled(), 20000);
    // Pay, three times from one Pay window; each payment read by the payee's scan, each ack by the payer's.
    hands.clickAction(payer.window, "payAction", QStringLiteral("payer: Pay"));
    PayDialog *pay = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((pay = payer.window->findChild<PayDialog *>(QStringLiteral("payDialog"))) && pay->isVisible(), 5000);
    // The amount is refused above what is left, never cut (typing is no action).
    auto *amount = pay->findChild<AmountField *>(QStringLiteral("payAmountField"));
    const qint64 left = payer.model()->channelAt(0)->remainingSat();
    amount->lineEdit()->setText(QString::number(left + 100'000));
    QVERIFY(!amount->value().has_value());
    QCOMPARE(amount->lineEdit()->text(), QString::number(left + 100'000));
    QVERIFY(!pay->findChild<QPushButton *>(QStringLiteral("payButton"))->isEnabled());
    amount->lineEdit()->setText(QStringLiteral("1500"));
    for (int n = 1; n <= 3; ++n) {
        hands.click(pay->findChild<QPushButton *>(QStringLiteral("payButton")), QStringLiteral("payer: Pay %1").arg(n));
        QTRY_COMPARE_WITH_TIMEOUT(payee.model()->channelAt(0)->paidSat, 1500LL * n, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(payer.model()->channelAt(0)->ackedSat, 1500LL * n, 30000);
    }
    // Payee: Settle, Yes; a block confirms it.
    QTRY_VERIFY_WITH_TIMEOUT(payee.window->findChild<QAction *>(QStringLiteral("settleAction"))->isEnabled(), 20000);
    hands.answerNextModal(QStringLiteral("payee: Yes, settle"), [](QWidget *d) {
        auto *box = qobject_cast<QMessageBox *>(d);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    hands.clickAction(payee.window, "settleAction", QStringLiteral("payee: Settle"));
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->channelAt(0)->state, ChannelSummary::State::Closing, 20000);
    hands.click(payee.window->findChild<QPushButton *>(QStringLiteral("mineButton")), QStringLiteral("payee: Mine a block"));
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->channelAt(0)->state, ChannelSummary::State::Settled, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(payer.model()->channelAt(0)->state, ChannelSummary::State::Settled, 20000);
    QCOMPARE(payee.model()->channelAt(0)->finalPayeeSat, 4500);
    qInfo("click budget: %d actions: %s", hands.actions, qPrintable(hands.log.join(QStringLiteral("; "))));
    QVERIFY2(hands.actions <= 15, qPrintable(hands.log.join(QLatin1Char('\n'))));
}

void TestGuiFlow::paymentsStreamByContinuousScanning()
{
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side payer(dir.filePath(QStringLiteral("payer")), chain), payee(dir.filePath(QStringLiteral("payee")), chain);
    QSignalSpy payerReady(payer.service, &WalletService::ready), payeeReady(payee.service, &WalletService::ready);
    payer.service->startOnThread();
    payee.service->startOnThread();
    payer.window->show();
    payee.window->show();
    QVERIFY(payerReady.wait(20000) || payerReady.size() == 1);
    QVERIFY(payeeReady.size() == 1 || payeeReady.wait(20000));
    QMetaObject::invokeMethod(payer.service, [s = payer.service] { s->mine(101); });
    QTRY_VERIFY_WITH_TIMEOUT(payer.label("confirmedBalanceLabel") != QStringLiteral("0 sat"), 20000);
    payee.trigger("newOfferAction");
    const QString offer = takeMessage(payee, false, dir.path());
    QVERIFY(offer.startsWith(QLatin1String("spw1"), Qt::CaseInsensitive));
    payer.trigger("openChannelAction");
    OpenChannelWizard *wizard = payer.window->findChild<OpenChannelWizard *>(QStringLiteral("openChannelWizard"));
    QVERIFY(wizard);
    wizard->setOfferText(offer);
    wizard->findChild<AmountField *>(QStringLiteral("capacityAmountField"))->lineEdit()->setText(QStringLiteral("60000"));
    QCOMPARE(wizard->capacity(), 60'000);
    wizard->accept();
    const QString opening = takeMessage(payer, false, dir.path());
    QVERIFY(!opening.isEmpty());
    Q_EMIT payee.window->importRequested(opening);
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->rowCount(), 1, 20000);
    payer.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, ChannelTableModel::StateColumn)).toString(),
                              QStringLiteral("open"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(payer.window->findChild<QAction *>(QStringLiteral("payAction"))->isEnabled(), 20000);

    // Each side opens Import, keeps scanning, and drags a region over the other's window.
    payer.trigger("importAction");
    payee.trigger("importAction");
    ImportDialog *payerScan = payer.window->importDialog();
    ImportDialog *payeeScan = payee.window->importDialog();
    QVERIFY(payerScan && payeeScan);
    payerScan->setGeometry(0, 0, 560, 860);
    payeeScan->setGeometry(600, 0, 560, 860);
    payerScan->setKeepScanning(true);
    payeeScan->setKeepScanning(true);
    payerScan->setScanRegion(payeeScan->geometry());
    payeeScan->setScanRegion(payerScan->geometry());
    QVERIFY(payerScan->isScanning() && payeeScan->isScanning());

    const int payments = 20;
    for (int n = 1; n <= payments; ++n) {
        payer.trigger("payAction");
        QTRY_COMPARE_WITH_TIMEOUT(payee.model()->data(payee.model()->index(0, 0), ChannelTableModel::PaidSatRole).toLongLong(),
                                  1500LL * n, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(payerScan->importedCount(), n, 20000); // the ack, read back
        QVERIFY(payeeScan->answerView()->currentCode().startsWith(QLatin1String("SPW1")));
    }
    // Every payment and ack imported once, the repeats of codes still on screen ignored,
    // and no other window opened for them.
    QTest::qWait(3 * ImportDialog::kScanIntervalMs);
    QCOMPARE(payeeScan->importedCount(), payments);
    QCOMPARE(payerScan->importedCount(), payments);
    QCOMPARE(payer.window->lastMessageDialog(), nullptr);
    QCOMPARE(payee.window->lastMessageDialog(), nullptr);
    QCOMPARE(payer.model()->data(payer.model()->index(0, 0), ChannelTableModel::PaidSatRole).toLongLong(), 1500LL * payments);

    // Left alone until the safety margin, the payee's watcher settles by itself and
    // says so in words (issue 16), then again when the settlement confirms.
    QSignalSpy announced(payee.service, &WalletService::announced);
    const ChannelSummary *c = payee.model()->channelAt(0);
    const int tip = payee.label("tipLabel").remove(QStringLiteral("Height ")).remove(QLatin1Char(',')).toInt();
    const int toMargin = c->expiryHeight - c->safetyMargin - tip;
    QVERIFY(toMargin > 0);
    QMetaObject::invokeMethod(payer.service, [s = payer.service, toMargin] { s->mine(toMargin); }); // setup: time passes
    QTRY_VERIFY_WITH_TIMEOUT(!announced.isEmpty(), 30000);
    QCOMPARE(announced.first().at(0).toString(), QStringLiteral("Channel settled automatically"));
    QVERIFY2(announced.first().at(1).toString().contains(QLatin1String("30,000 sat come to you")), qPrintable(announced.first().at(1).toString()));
    Notifier *notifier = payee.window->findChild<TrayController *>(QStringLiteral("trayController"))->notifier();
    QTRY_VERIFY_WITH_TIMEOUT(notifier->history().contains(QStringLiteral("Channel settled automatically: ") + announced.first().at(1).toString()), 5000);
    QMetaObject::invokeMethod(payer.service, [s = payer.service] { s->mine(1); });
    QTRY_VERIFY_WITH_TIMEOUT(announced.size() >= 2, 30000);
    QCOMPARE(announced.last().at(0).toString(), QStringLiteral("Channel settled"));
}

void TestGuiFlow::sellAndBuyOverTls()
{
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    QDir().mkpath(dir.filePath(QStringLiteral("shop")));
    QFile f(dir.filePath(QStringLiteral("shop/report.pdf")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(3 * (1 << 20) + 123, 'r')); // 4 pieces of 1 MiB
    f.close();
    Side buyer(dir.filePath(QStringLiteral("buyer")), chain), seller(dir.filePath(QStringLiteral("seller")), chain);
    QSignalSpy r1(buyer.service, &WalletService::ready), r2(seller.service, &WalletService::ready);
    buyer.service->startOnThread();
    seller.service->startOnThread();
    QVERIFY(r1.size() == 1 || r1.wait(20000));
    QVERIFY(r2.size() == 1 || r2.wait(20000));
    QMetaObject::invokeMethod(buyer.service, [s = buyer.service] { s->mine(101); });
    QTRY_COMPARE_WITH_TIMEOUT(buyer.label("tipLabel"), QStringLiteral("Height 101"), 20000);

    // Sell: directory, price, Start; the offer comes up as a QR code.
    seller.window->findChild<QLineEdit *>(QStringLiteral("sellDirLineEdit"))->setText(dir.filePath(QStringLiteral("shop")));
    seller.window->findChild<AmountField *>(QStringLiteral("pricePerMibAmountField"))->setValue(500);
    seller.window->findChild<QPushButton *>(QStringLiteral("startSellingButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(seller.window->findChild<MessageDialog *>(QStringLiteral("messageDialog")) != nullptr, 20000);
    auto *offerDialog = seller.window->findChild<MessageDialog *>(QStringLiteral("messageDialog"));
    ImportDialog camera(QStringLiteral("scan"));
    QVERIFY(camera.importImage(offerDialog->findChild<QLabel *>(QStringLiteral("messageQrLabel"))->grab().toImage()));

    // Buy: the offer, List files, the total.
    buyer.window->findChild<QPlainTextEdit *>(QStringLiteral("buyOfferTextEdit"))->setPlainText(camera.text());
    buyer.window->findChild<QPushButton *>(QStringLiteral("listFilesButton"))->click();
    auto *catalog = buyer.window->findChild<QTableView *>(QStringLiteral("buyCatalogView"));
    QTRY_COMPARE_WITH_TIMEOUT(catalog->model()->rowCount(), 1, 20000);
    catalog->selectRow(0);
    QVERIFY(buyer.window->findChild<QLabel *>(QStringLiteral("buyTotalLabel"))->text().contains(QLatin1String("2,000 sat")));
    // Download asks first, with the whole price; "No" pays nothing and asks nothing more.
    QString asked;
    QTimer answer;
    answer.setInterval(50);
    connect(&answer, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text();
            answer.stop();
            box->button(QMessageBox::No)->click();
        }
    });
    answer.start();
    buyer.window->findChild<QPushButton *>(QStringLiteral("downloadButton"))->click();
    QVERIFY2(asked.contains(QLatin1String("report.pdf")) && asked.contains(QLatin1String("2,000 sat")), qPrintable(asked));
    QVERIFY(buyer.window->findChild<QPushButton *>(QStringLiteral("downloadButton"))->isEnabled());
    // Download (the Download button asks where to save; the test names the file itself).
    const QString out = dir.filePath(QStringLiteral("report.got"));
    QMetaObject::invokeMethod(seller.service, [s = seller.service] { s->mine(1); }); // confirmations arrive as we go
    QSignalSpy done(buyer.service, &WalletService::downloadFinished);
    // A price above the one the user confirmed is refused before any channel opens.
    QMetaObject::invokeMethod(buyer.service, [s = buyer.service, t = camera.text(), out] { s->buyFile(t, QStringLiteral("report.pdf"), out, 2, 1999); });
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QLatin1String("above the one accepted")), qPrintable(done.first().at(1).toString()));
    QVERIFY(!QFile::exists(out) || QFileInfo(out).size() == 0);
    done.clear();
    QMetaObject::invokeMethod(buyer.service, [s = buyer.service, t = camera.text(), out] { s->buyFile(t, QStringLiteral("report.pdf"), out, 2, 2000); });
    // The payee needs its confirmation: mine while we wait.
    QVERIFY(QTest::qWaitFor([&] {
        if (!done.isEmpty())
            return true;
        QMetaObject::invokeMethod(seller.service, [s = seller.service] { s->mine(1); });
        QTest::qWait(300);
        return !done.isEmpty();
    }, 60000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    auto *bar = buyer.window->findChild<QProgressBar *>(QStringLiteral("downloadProgressBar"));
    QCOMPARE(bar->value(), 4);
    QCOMPARE(bar->maximum(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(seller.window->findChild<QLabel *>(QStringLiteral("sellEarningsLabel"))->text().contains(QLatin1String("2,000 sat")), 20000);
    QFile got(out);
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), QByteArray(3 * (1 << 20) + 123, 'r'));
}

void TestGuiFlow::byteSizes()
{
    // Sizes in the unit that suits them, the number through the locale.
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(ByteSize::format(0, en), QStringLiteral("0 B"));
    QCOMPARE(ByteSize::format(512, en), QStringLiteral("512 B"));
    QCOMPARE(ByteSize::format(1023, en), QStringLiteral("1,023 B"));
    QCOMPARE(ByteSize::format(1024, en), QStringLiteral("1.0 KiB"));
    QCOMPARE(ByteSize::format(3482, en), QStringLiteral("3.4 KiB"));
    QCOMPARE(ByteSize::format((1 << 20) - 1, en), QStringLiteral("1.0 MiB")); // never "1,024.0 KiB"
    QCOMPARE(ByteSize::format(12 * (1 << 20), en), QStringLiteral("12.0 MiB"));
    QCOMPARE(ByteSize::format(3 * (1 << 20) + 123, en), QStringLiteral("3.0 MiB"));
    QCOMPARE(ByteSize::format(qint64(3) << 29, en), QStringLiteral("1.5 GiB"));
    QCOMPARE(ByteSize::format(qint64(5) << 40, en), QStringLiteral("5,120.0 GiB"));
    QCOMPARE(ByteSize::format(3482, QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("3,4 KiB"));
    QCOMPARE(ByteSize::formatRate(2.5 * (1 << 20), en), QStringLiteral("2.5 MiB/s"));
    QCOMPARE(ByteSize::formatRate(100, en), QStringLiteral("100 B/s"));
}

void TestGuiFlow::marketTabsInChinese()
{
    // The Sell and Buy tabs and every stage of a purchase, in zh_CN: no English left.
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/spillway_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh);
    auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    static const QRegularExpression english(QStringLiteral("[A-Za-z]{2,}[ ,'][A-Za-z]{2,}"));
    QTemporaryDir dir;
    WalletService service(dir.filePath(QStringLiteral("w")), dir.filePath(QStringLiteral("chain.sqlite"))); // not started
    SellTab sell(&service);
    BuyTab buy(&service);
    QStringList found;
    for (QWidget *top : {static_cast<QWidget *>(&sell), static_cast<QWidget *>(&buy)}) {
        top->show();
        for (QWidget *w : top->findChildren<QWidget *>()) {
            QStringList texts{w->toolTip()};
            if (auto *l = qobject_cast<QLabel *>(w))
                texts << l->text();
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                texts << b->text();
            if (auto *t = qobject_cast<QTableView *>(w))
                for (int c = 0; c < t->model()->columnCount(); ++c)
                    texts << t->model()->headerData(c, Qt::Horizontal).toString();
            for (const QString &t : std::as_const(texts))
                if (english.match(t).hasMatch())
                    found << QStringLiteral("%1: %2").arg(w->objectName(), t);
        }
    }
    using Step = PurchaseStage::Step;
    for (Step step : {Step::Connecting, Step::OpeningChannel, Step::WaitingConfirmations, Step::Downloading, Step::Verifying, Step::Done,
                      Step::Failed}) {
        PurchaseStage st;
        st.step = step;
        st.bytesPerSecond = step == Step::Downloading ? 5e6 : 0;
        st.paused = step == Step::Failed;
        const QString t = BuyTab::stageText(st);
        if (t.isEmpty() || english.match(t).hasMatch())
            found << t;
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    QCOMPARE(ByteSize::format(512, QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("512 字节"));
}

namespace {
/// A seller and a buyer on one local chain, the buyer with coins, the seller serving `shop`.
struct Market {
    QTemporaryDir dir;
    QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    std::unique_ptr<Side> buyer, seller;
    bool start()
    {
        buyer = std::make_unique<Side>(dir.filePath(QStringLiteral("buyer")), chain);
        seller = std::make_unique<Side>(dir.filePath(QStringLiteral("seller")), chain);
        QSignalSpy r1(buyer->service, &WalletService::ready), r2(seller->service, &WalletService::ready);
        buyer->service->startOnThread();
        seller->service->startOnThread();
        if (!(r1.size() == 1 || r1.wait(20000)) || !(r2.size() == 1 || r2.wait(20000)))
            return false;
        QMetaObject::invokeMethod(buyer->service, [s = buyer->service] { s->mine(101); });
        return QTest::qWaitFor([&] { return buyer->label("tipLabel") == QLatin1String("Height 101"); }, 20000);
    }
    /// Start on the Sell tab; the offer shown (its dialog closed again), or empty.
    QString startSelling(Side &side)
    {
        side.window->findChild<QLineEdit *>(QStringLiteral("sellDirLineEdit"))->setText(dir.filePath(QStringLiteral("shop")));
        side.window->findChild<AmountField *>(QStringLiteral("pricePerMibAmountField"))->setValue(500);
        side.window->findChild<QPushButton *>(QStringLiteral("startSellingButton"))->click();
        if (!QTest::qWaitFor([&] { return side.window->findChild<MessageDialog *>(QStringLiteral("messageDialog")) != nullptr; }, 20000))
            return {};
        auto *d = side.window->findChild<MessageDialog *>(QStringLiteral("messageDialog"));
        const QString offer = d->text();
        delete d;
        return offer;
    }
    QStringList listFiles(const QString &offer)
    {
        buyer->window->findChild<QPlainTextEdit *>(QStringLiteral("buyOfferTextEdit"))->setPlainText(offer);
        QSignalSpy listed(buyer->service->purchases(), &PurchaseRunner::catalogReady);
        QSignalSpy failed(buyer->service->purchases(), &PurchaseRunner::failed);
        buyer->window->findChild<QPushButton *>(QStringLiteral("listFilesButton"))->click();
        if (!QTest::qWaitFor([&] { return !listed.isEmpty() || !failed.isEmpty(); }, 20000) || listed.isEmpty())
            return {};
        return listed.first().at(0).toStringList();
    }
};
} // namespace

void TestGuiFlow::buyShowsStagesAndNeverBlocks()
{
    // Buy says what happens at each stage, and while it waits for the channel's
    // confirmation the wallet's other actions still work: Mine a block goes through
    // at once (it used to queue behind the purchase), and its block lets the download go on.
    Market m;
    QDir().mkpath(m.dir.filePath(QStringLiteral("shop")));
    for (const auto &[name, size] : {std::pair{QStringLiteral("big.bin"), 3 * (1 << 20) + 123}, std::pair{QStringLiteral("tiny.txt"), 700}}) {
        QFile f(m.dir.filePath(QStringLiteral("shop/") + name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(size, 'b'));
    }
    QVERIFY(m.start());
    const QString offer = m.startSelling(*m.seller);
    QVERIFY(!offer.isEmpty());
    // Sizes in their unit in both catalogues: 700 bytes is not "0.0 MiB".
    auto *sellCatalog = m.seller->window->findChild<QTableView *>(QStringLiteral("sellCatalogView"))->model();
    QTRY_COMPARE_WITH_TIMEOUT(sellCatalog->rowCount(), 2, 20000);
    QStringList sizes{sellCatalog->index(0, 1).data().toString(), sellCatalog->index(1, 1).data().toString()};
    sizes.sort();
    QCOMPARE(sizes, (QStringList{QStringLiteral("3.0 MiB"), QStringLiteral("700 B")}));
    QCOMPARE(m.listFiles(offer).size(), 2);
    auto *buyCatalog = m.buyer->window->findChild<QTableView *>(QStringLiteral("buyCatalogView"))->model();
    const int big = buyCatalog->index(0, 0).data().toString() == QLatin1String("big.bin") ? 0 : 1;
    QCOMPARE(buyCatalog->index(1 - big, 1).data().toString(), QStringLiteral("700 B"));

    // The status label at every stage, as the user reads it.
    QList<PurchaseStage> stages;
    QStringList texts;
    auto *status = m.buyer->window->findChild<QLabel *>(QStringLiteral("buyStatusLabel"));
    connect(m.buyer->service->purchases(), &PurchaseRunner::stageChanged, m.buyer->window, [&](const PurchaseStage &st) {
        stages << st;
        texts << status->text(); // the tab's slot ran first (connected first)
    });
    QSignalSpy done(m.buyer->service, &WalletService::downloadFinished);
    const QString out = m.dir.filePath(QStringLiteral("big.got"));
    QMetaObject::invokeMethod(m.buyer->service, [s = m.buyer->service, offer, out] { s->buyFile(offer, QStringLiteral("big.bin"), out, 2, 2000); });
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1String("Waiting for 0 of 1 confirmations")), qPrintable(status->text()), 20000);
    auto *bar = m.buyer->window->findChild<QProgressBar *>(QStringLiteral("downloadProgressBar"));
    QCOMPARE(bar->maximum(), 0); // busy, not an empty bar
    QVERIFY(m.buyer->window->findChild<QPushButton *>(QStringLiteral("pauseButton"))->isEnabled());
    // Nothing happens by itself meanwhile: it waits, it does not fail.
    QTest::qWait(1500);
    QVERIFY(done.isEmpty());
    QVERIFY(status->text().contains(QLatin1String("Waiting for 0 of 1 confirmations")));
    // Pause ends the wait; Download again takes up the same channel and purchase.
    m.buyer->window->findChild<QPushButton *>(QStringLiteral("pauseButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Paused. Download again to resume."), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY(m.buyer->window->findChild<QPushButton *>(QStringLiteral("downloadButton"))->isEnabled());
    done.clear();
    QMetaObject::invokeMethod(m.buyer->service, [s = m.buyer->service, offer, out] { s->buyFile(offer, QStringLiteral("big.bin"), out, 2, 2000); });
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QLatin1String("Waiting for 0 of 1 confirmations")), qPrintable(status->text()), 20000);
    // Mine a block: the service answers at once, and the purchase goes on by itself.
    QElapsedTimer clock;
    clock.start();
    m.buyer->window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m.buyer->label("tipLabel"), QStringLiteral("Height 102"), 10000);
    QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!stages.isEmpty() && stages.last().step == PurchaseStage::Step::Done, 10000);

    // The stages in order, each in words.
    using Step = PurchaseStage::Step;
    QList<Step> order;
    for (const auto &st : std::as_const(stages))
        if (order.isEmpty() || order.last() != st.step)
            order << st.step;
    // Paused while waiting; then the same channel (no second opening), and connecting
    // again once the funding confirmed (the provider drops idle connections).
    const QList<Step> expected{Step::Connecting, Step::OpeningChannel, Step::WaitingConfirmations, Step::Failed,
                               Step::Connecting, Step::WaitingConfirmations, Step::Connecting,
                               Step::Downloading, Step::Verifying, Step::Done};
    QCOMPARE(order, expected);
    const QString all = texts.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("Connecting to the provider")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Opening a channel with the provider")), qPrintable(all));
    QVERIFY2(all.contains(QRegularExpression(QStringLiteral("Downloading at [0-9.,]+ (B|KiB|MiB|GiB)/s: [0-9.]+ MiB of 3.0 MiB, [0-9,]+ sat paid"))),
             qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("Verifying the whole file")), qPrintable(all));
    QCOMPARE(status->text(), QStringLiteral("Done: %1 (3.0 MiB, 2,000 sat paid), SHA-256 checked.").arg(QDir::toNativeSeparators(out)));
    QVERIFY(m.buyer->window->findChild<QPushButton *>(QStringLiteral("openFolderButton"))->isHidden() == false);
    QCOMPARE(bar->maximum(), 4);
    QCOMPARE(bar->value(), 4);
    QFile got(out);
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), QByteArray(3 * (1 << 20) + 123, 'b'));

    // Stop selling: the channel and what it earned stay.
    auto *earnings = m.seller->window->findChild<QLabel *>(QStringLiteral("sellEarningsLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(earnings->text().contains(QLatin1String("2,000 sat")), 20000);
    const QString earned = earnings->text();
    m.seller->window->findChild<QPushButton *>(QStringLiteral("stopSellingButton"))->click();
    auto *sellStatus = m.seller->window->findChild<QLabel *>(QStringLiteral("sellStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(sellStatus->text().startsWith(QLatin1String("Stopped")), 10000);
    QTest::qWait(300);
    QCOMPARE(earnings->text(), earned);
    QCOMPARE(m.seller->model()->rowCount(), 1); // one channel for both tries
    QCOMPARE(m.buyer->model()->rowCount(), 1);
    QCOMPARE(m.seller->model()->data(m.seller->model()->index(0, 0), ChannelTableModel::PaidSatRole).toLongLong(), 2000LL);
}

void TestGuiFlow::sellStopAndStartKeepPortAndOffer()
{
    // Start with "127.0.0.1:0" picks a port and keeps it: Stop refuses buyers, Start
    // takes them again on the same port with the same offer, also after a restart of
    // the window; a port another program holds is said so.
    Market m;
    QDir().mkpath(m.dir.filePath(QStringLiteral("shop")));
    QFile f(m.dir.filePath(QStringLiteral("shop/notes.txt")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2000, 'n'));
    f.close();
    QVERIFY(m.start());
    const QString sellerDir = m.dir.filePath(QStringLiteral("seller"));
    auto *listen = m.seller->window->findChild<QLineEdit *>(QStringLiteral("listenLineEdit"));
    QCOMPARE(listen->text(), QStringLiteral("127.0.0.1:0"));
    const QString offer = m.startSelling(*m.seller);
    QVERIFY(!offer.isEmpty());
    QVERIFY2(listen->text().startsWith(QLatin1String("127.0.0.1:")) && listen->text() != QLatin1String("127.0.0.1:0"), qPrintable(listen->text()));
    const QString endpoint = listen->text();
    const quint16 port = endpoint.mid(endpoint.lastIndexOf(QLatin1Char(':')) + 1).toUShort();
    QCOMPARE(WalletSettings::valueFor(sellerDir, QLatin1String(SellTab::kListenKey)).toString(), endpoint);
    QCOMPARE(m.listFiles(offer), QStringList{QStringLiteral("notes.txt")});

    auto refused = [&] {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        return !probe.waitForConnected(3000) && probe.error() == QAbstractSocket::ConnectionRefusedError;
    };
    auto *stop = m.seller->window->findChild<QPushButton *>(QStringLiteral("stopSellingButton"));
    auto *startButton = m.seller->window->findChild<QPushButton *>(QStringLiteral("startSellingButton"));
    QVERIFY(stop->isEnabled());
    QVERIFY(!startButton->isEnabled());
    stop->click();
    QTRY_VERIFY_WITH_TIMEOUT(startButton->isEnabled(), 10000);
    QVERIFY(!stop->isEnabled());
    QVERIFY(refused());
    // A buyer connecting now is refused, in words.
    QVERIFY(m.listFiles(offer).isEmpty());
    auto *buyStatus = m.buyer->window->findChild<QLabel *>(QStringLiteral("buyStatusLabel"));
    QCOMPARE(buyStatus->text(), QStringLiteral("The provider at %1 does not answer. It may have stopped "
                                               "selling, or its address cannot be reached from here.")
                                    .arg(endpoint));
    QVERIFY(m.buyer->window->findChild<QPushButton *>(QStringLiteral("buyDetailsButton"))->isHidden() == false);

    // Start again: the same port, the same offer, and the buyer is served.
    QCOMPARE(listen->text(), endpoint);
    QCOMPARE(m.startSelling(*m.seller), offer);
    QCOMPARE(listen->text(), endpoint);
    QVERIFY(!refused());
    QCOMPARE(m.listFiles(offer), QStringList{QStringLiteral("notes.txt")});

    // After a restart of the seller's window: the field has the port, Start gives the same offer.
    m.seller.reset();
    QVERIFY(refused());
    m.seller = std::make_unique<Side>(sellerDir, m.chain);
    QSignalSpy ready(m.seller->service, &WalletService::ready);
    m.seller->service->startOnThread();
    QVERIFY(ready.size() == 1 || ready.wait(20000));
    QCOMPARE(m.seller->window->findChild<QLineEdit *>(QStringLiteral("listenLineEdit"))->text(), endpoint);
    QCOMPARE(m.startSelling(*m.seller), offer);
    QCOMPARE(m.listFiles(offer), QStringList{QStringLiteral("notes.txt")});

    // Another program on the port: said in a sentence, nothing started.
    m.seller->window->findChild<QPushButton *>(QStringLiteral("stopSellingButton"))->click();
    auto *sellStatus = m.seller->window->findChild<QLabel *>(QStringLiteral("sellStatusLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(sellStatus->text().startsWith(QLatin1String("Stopped")), 10000);
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, port));
    QSignalSpy failed(m.seller->service, &WalletService::failed);
    m.seller->window->findChild<QPushButton *>(QStringLiteral("startSellingButton"))->click();
    QVERIFY(failed.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(sellStatus->text(), QStringLiteral("Not selling: Port %1 is in use by another program. Close that program and start again, or "
                                                "change the port in \"Listen on\" (buyers then need the new offer).")
                                     .arg(port), 10000);
    QVERIFY(!failed.first().at(1).toString().contains(QLatin1String("CHAIN_UNAVAILABLE"))); // the code only in Details
    QVERIFY(m.seller->window->findChild<QPushButton *>(QStringLiteral("startSellingButton"))->isEnabled());
    WalletSettings::setValueFor(sellerDir, QLatin1String(SellTab::kListenKey), QVariant());
}

void TestGuiFlow::historyBumpFee()
{
    // The wallet history's context menu: Bump fee on our own waiting send replaces it
    // (RBF); the original leaves the history, the replacement stands in its place.
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side alice(dir.filePath(QStringLiteral("alice")), chain), bob(dir.filePath(QStringLiteral("bob")), chain);
    QSignalSpy r1(alice.service, &WalletService::ready), r2(bob.service, &WalletService::ready);
    alice.service->startOnThread();
    bob.service->startOnThread();
    QVERIFY(r1.wait(20000) || r1.size() == 1);
    QVERIFY(r2.size() == 1 || r2.wait(20000));
    QMetaObject::invokeMethod(alice.service, [s = alice.service] { s->mine(101); });
    QTRY_VERIFY_WITH_TIMEOUT(alice.label("confirmedBalanceLabel") != QStringLiteral("0 sat"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!bob.label("receiveAddressLabel").isEmpty(), 20000);
    QSignalSpy info(alice.service, &WalletService::info);
    QMetaObject::invokeMethod(alice.service, [s = alice.service, to = bob.label("receiveAddressLabel")] { s->send(to, 50'000); });
    auto *view = alice.window->findChild<QTableView *>(QStringLiteral("walletHistoryView"));
    auto waiting = [view] {
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt() == 0)
                return view->model()->index(r, WalletHistoryModel::TxidColumn).data().toString();
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!waiting().isEmpty(), 20000);
    const QString first = waiting();
    auto rowOf = [view](const QString &id) {
        for (int r = 0; r < view->model()->rowCount(); ++r)
            if (view->model()->index(r, WalletHistoryModel::TxidColumn).data().toString() == id)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(first) >= 0, 20000);
    view->selectRow(rowOf(first));
    alice.window->findChild<QAction *>(QStringLiteral("bumpTransactionAction"))->trigger();
    auto said = [&info] {
        for (const auto &call : info)
            if (call.first().toString().startsWith(QLatin1String("Fee raised: replaced by")))
                return call.first().toString();
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!said().isEmpty(), 20000);
    const QString replacement = said().section(QLatin1Char(' '), 4, 4).chopped(1);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(replacement) >= 0 && rowOf(first) < 0, 20000);
    alice.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(bob.label("confirmedBalanceLabel"), QStringLiteral("50,000 sat"), 20000);
}

void TestGuiFlow::sendWithConfirmation()
{
    // In BTC: the amount typed as "0.001", a BIP 21 link's amount (always BTC), the
    // confirmation's figures, the form cleared after, and Max.
    QSettings().setValue(QStringLiteral("unit"), QStringLiteral("btc"));
    auto restoreUnit = qScopeGuard([] { QSettings().remove(QStringLiteral("unit")); });
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    Side alice(dir.filePath(QStringLiteral("alice")), chain), bob(dir.filePath(QStringLiteral("bob")), chain);
    QSignalSpy r1(alice.service, &WalletService::ready), r2(bob.service, &WalletService::ready);
    alice.service->startOnThread();
    bob.service->startOnThread();
    alice.window->show();
    QVERIFY(r1.wait(20000) || r1.size() == 1);
    QVERIFY(r2.size() == 1 || r2.wait(20000));
    // The title names the wallet (its data directory) and the network.
    QCOMPARE(alice.window->windowTitle(), QStringLiteral("alice (local) — Spillway"));
    QMetaObject::invokeMethod(alice.service, [s = alice.service] { s->mine(101); });
    QTRY_VERIFY_WITH_TIMEOUT(alice.label("confirmedBalanceLabel") != QStringLiteral("0.00000000 BTC"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!bob.label("receiveAddressLabel").isEmpty(), 20000);
    const QString bobAddress = bob.label("receiveAddressLabel");

    auto *panel = alice.window->findChild<SendPanel *>(QStringLiteral("sendPanel"));
    auto *address = panel->findChild<QLineEdit *>(QStringLiteral("sendAddressLineEdit"));
    auto *problem = panel->findChild<QLabel *>(QStringLiteral("sendAddressProblemLabel"));
    auto *amount = panel->findChild<AmountField *>(QStringLiteral("sendAmountField"));
    QVERIFY(panel && address && problem && amount);

    // A mistyped address: a plain sentence as it is typed, no internal code.
    QTest::keyClicks(address, bobAddress.left(20) + QStringLiteral("o") + bobAddress.mid(21));
    QVERIFY(problem->isVisibleTo(panel));
    QVERIFY2(problem->text().startsWith(QLatin1String("This is not a valid Bitcoin address.")), qPrintable(problem->text()));
    QVERIFY(!problem->text().contains(QLatin1String("INVALID")) && !problem->text().contains(QLatin1String("bech32")));
    // Another network's address is said to be so.
    spillway::bitcoin::Hash160 h{};
    address->setText(QString::fromStdString(
        *spillway::bitcoin::encodeAddress(spillway::bitcoin::p2wpkh(h), spillway::bitcoin::network(spillway::bitcoin::NetworkId::Main))));
    QVERIFY(problem->isVisibleTo(panel));
    QCOMPARE(problem->text(), QStringLiteral("This address belongs to another Bitcoin network; this wallet is on local."));
    address->clear();
    QVERIFY(!problem->isVisibleTo(panel));
    // A BIP 21 link with an unknown requirement is refused whole.
    address->setText(QStringLiteral("bitcoin:%1?amount=0.5&req-escrow=1").arg(bobAddress));
    QVERIFY(problem->isVisibleTo(panel));
    QVERIFY2(problem->text().contains(QLatin1String("does not support")), qPrintable(problem->text()));
    // Bob's request for 0.002 BTC, as a link and a QR code: the QR read back is the same request.
    auto *request = bob.window->findChild<AmountField *>(QStringLiteral("receiveAmountField"));
    request->lineEdit()->setText(QStringLiteral("0.002"));
    bob.window->findChild<QLineEdit *>(QStringLiteral("receiveLabelLineEdit"))->setText(QStringLiteral("Bob's shop"));
    const QString link = bob.label("receiveUriLabel");
    QCOMPARE(link, QStringLiteral("bitcoin:%1?amount=0.002&label=Bob%27s%20shop").arg(bobAddress));
    const auto scanned = decodeQrCode(bob.window->findChild<QLabel *>(QStringLiteral("receiveQrLabel"))->pixmap().toImage());
    QVERIFY(scanned);
    QCOMPARE(*scanned, QStringLiteral("BITCOIN:%1?amount=0.002&label=Bob%27s%20shop").arg(bobAddress.toUpper()));
    // A good link fills the address and the amount (BTC in the link, BTC shown).
    // Scanned through the Import dialog's sources (here the QR code's image, as a camera frame).
    panel->findChild<QPushButton *>(QStringLiteral("sendScanButton"))->click();
    auto *scan = panel->findChild<ImportDialog *>(QStringLiteral("sendScanDialog"));
    QVERIFY(scan);
    QVERIFY(scan->importImage(bob.window->findChild<QLabel *>(QStringLiteral("receiveQrLabel"))->pixmap().toImage()));
    scan->accept();
    QCOMPARE(address->text(), bobAddress);
    QCOMPARE(amount->value(), std::optional<qint64>(200'000));
    QCOMPARE(amount->lineEdit()->text(), QStringLiteral("0.00200000"));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("sendRequestNoteLabel"))->text().contains(QLatin1String("Bob's shop")));
    // "0.001" in BTC is an amount; "0.000000001" is not (a sentence, not a truncation).
    amount->lineEdit()->setText(QStringLiteral("0.000000001"));
    QVERIFY(!amount->value());
    QVERIFY(amount->problem().contains(QLatin1String("8 decimal places")));
    amount->lineEdit()->setText(QStringLiteral("0.001"));
    QCOMPARE(amount->value(), std::optional<qint64>(100'000));
    // A custom fee rate of 3 sat/vB.
    auto *fee = panel->findChild<QComboBox *>(QStringLiteral("feeComboBox"));
    fee->setCurrentIndex(3);
    panel->findChild<QDoubleSpinBox *>(QStringLiteral("customFeeRateSpinBox"))->setValue(3.0);

    QSignalSpy sent(alice.service, &WalletService::sent);
    panel->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(panel->confirmDialog() != nullptr, 20000);
    SendConfirmDialog *confirm = panel->confirmDialog();
    const SendPreview p = confirm->preview();
    QCOMPARE(p.address, bobAddress);
    QCOMPARE(p.amountSat, 100'000);
    QCOMPARE(p.feeRateSatPerKvB, 3000);
    QVERIFY(p.feeSat >= 3 * p.vsize && p.feeSat < 4 * p.vsize);
    QVERIFY(p.changeSat > 0);
    QCOMPARE(confirm->findChild<QLabel *>(QStringLiteral("confirmAmountLabel"))->text(), QStringLiteral("0.00100000 BTC"));
    QVERIFY(confirm->findChild<QLabel *>(QStringLiteral("confirmFeeLabel"))->text().contains(QLatin1String("3.0 sat/vB")));
    QCOMPARE(confirm->findChild<QLabel *>(QStringLiteral("confirmTotalLabel"))->text(),
             QStringLiteral("0.%1 BTC").arg(100'000 + p.feeSat, 8, 10, QLatin1Char('0')));
    // Nothing has left before the user says yes.
    QCOMPARE(sent.size(), 0);
    confirm->findChild<QPushButton *>(QStringLiteral("confirmSendButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 20000);
    QCOMPARE(sent[0][1].toLongLong(), 100'000);
    QCOMPARE(sent[0][2].toLongLong(), p.feeSat);
    // The form is cleared for the next payment.
    QTRY_VERIFY(address->text().isEmpty());
    QVERIFY(amount->lineEdit()->text().isEmpty());
    // Bob's window shows it unconfirmed within seconds, before any block (it looks at the mempool).
    QTRY_COMPARE_WITH_TIMEOUT(bob.label("unconfirmedBalanceLabel"), QStringLiteral("0.00100000 BTC"), 15000);
    // Bob has it once a block confirms it, in BTC.
    alice.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(bob.label("confirmedBalanceLabel"), QStringLiteral("0.00100000 BTC"), 20000);

    // History: newest first, the payment on top with one confirmation.
    const QString txid = sent[0][0].toString();
    auto *historyView = alice.window->findChild<QTableView *>(QStringLiteral("walletHistoryView"));
    QAbstractItemModel *history = historyView->model();
    // (the block that confirmed it also paid its reward to Alice: the two share the top)
    auto rowOf = [history](const QString &id) {
        for (int r = 0; r < history->rowCount(); ++r)
            if (history->index(r, WalletHistoryModel::TxidColumn).data().toString() == id)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(txid) >= 0, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(history->index(rowOf(txid), WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt(), 1, 20000);
    const int sentRow = rowOf(txid);
    QVERIFY2(sentRow <= 1, qPrintable(QString::number(sentRow)));
    for (int r = sentRow + 1; r < history->rowCount(); ++r) // everything below is older
        QVERIFY(history->index(r, WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt() >= 1);
    QCOMPARE(history->index(history->rowCount() - 1, WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt(), 102);
    QCOMPARE(history->index(sentRow, WalletHistoryModel::AmountColumn).data().toString(), QStringLiteral("-0.00100000 BTC"));
    QVERIFY(history->rowCount() >= 101);
    // Nothing clipped: each column is at least as wide as its widest text.
    for (int c = 0; c < WalletHistoryModel::TxidColumn; ++c)
        for (int r = 0; r < 20; ++r) {
            const QString text = history->index(r, c).data().toString();
            QVERIFY2(historyView->fontMetrics().horizontalAdvance(text) < historyView->columnWidth(c), qPrintable(text));
        }
    // Copy the transaction id; the details window: inputs, outputs, fee, raw hex.
    QCOMPARE(history->index(sentRow, WalletHistoryModel::LabelColumn).data().toString(), QStringLiteral("Bob's shop"));
    historyView->selectRow(sentRow);
    alice.window->findChild<QAction *>(QStringLiteral("copyTxidAction"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), txid);
    alice.window->findChild<QAction *>(QStringLiteral("transactionDetailsAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(alice.window->findChild<TransactionDialog *>(QStringLiteral("transactionDialog")), 20000);
    auto *details = alice.window->findChild<TransactionDialog *>(QStringLiteral("transactionDialog"));
    QCOMPARE(details->details().txid, txid);
    QCOMPARE(details->details().feeSat, p.feeSat);
    QCOMPARE(details->details().outputs.size(), 2);
    QCOMPARE(details->details().outputs[0].where, bobAddress);
    QCOMPARE(details->details().outputs[0].valueSat, 100'000);
    QVERIFY(!details->details().inputs.isEmpty());
    details->findChild<QPushButton *>(QStringLiteral("copyRawHexButton"))->click();
    QVERIFY(QApplication::clipboard()->text().startsWith(QLatin1String("02000000")));
    QCOMPARE(QApplication::clipboard()->text(), details->details().rawHex);
    details->close();
    // CSV export, newest first, raw satoshis and confirmations for a spreadsheet.
    const QString csvPath = dir.filePath(QStringLiteral("history.csv"));
    alice.window->setAutoAnswer([csvPath](const QString &q) -> QVariant { return q == QLatin1String("csv path") ? QVariant(csvPath) : QVariant(); });
    alice.window->findChild<QPushButton *>(QStringLiteral("exportHistoryButton"))->click();
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), history->rowCount() + 1);
    QCOMPARE(lines[0], QStringLiteral("Time,What,Amount (sat),Fee (sat),Confirmations,Label,Transaction"));
    // The request's label names the payment.
    QVERIFY2(lines[sentRow + 1].endsWith(QStringLiteral(",sent,-100000,%1,1,Bob's shop,%2").arg(p.feeSat).arg(txid)), qPrintable(lines[sentRow + 1]));
    QVERIFY2(lines.last().contains(QLatin1String(",102,")), qPrintable(lines.last())); // the oldest last

    // More than the wallet has: a sentence in the status bar, the code only in the details.
    QSignalSpy failed(alice.service, &WalletService::failed);
    address->setText(bobAddress);
    amount->lineEdit()->setText(QStringLiteral("20000000"));
    panel->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed[0][1].toString(), QStringLiteral("The wallet does not have enough confirmed coins for this."));
    QVERIFY(failed[0][2].toString().startsWith(QLatin1String("INSUFFICIENT_FUNDS")));
    QCOMPARE(alice.window->statusBar()->currentMessage(), failed[0][1].toString());
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
    QVERIFY(!panel->confirmDialog());

    // A label typed in the history is kept in the store (labels.sqlite) and survives refreshes.
    QVERIFY(history->setData(history->index(rowOf(txid), WalletHistoryModel::LabelColumn), QStringLiteral("coffee beans")));
    alice.window->findChild<QPushButton *>(QStringLiteral("mineButton"))->click(); // a refresh from the store
    QTRY_COMPARE_WITH_TIMEOUT(history->index(rowOf(txid), WalletHistoryModel::StatusColumn).data(WalletHistoryModel::ConfirmationsRole).toInt(), 2, 20000);
    QCOMPARE(history->index(rowOf(txid), WalletHistoryModel::LabelColumn).data().toString(), QStringLiteral("coffee beans"));
    {
        spillway::store::LabelStore labels;
        QVERIFY(labels.open(dir.filePath(QStringLiteral("alice"))).ok());
        QCOMPARE(labels.all(QStringLiteral("tx"))->value(txid), QStringLiteral("coffee beans"));
    }

    // Max: everything spendable, no change; cancelled, nothing leaves.
    address->setText(bobAddress);
    panel->findChild<QPushButton *>(QStringLiteral("sendMaxButton"))->click();
    QVERIFY(!amount->isEnabled());
    panel->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(panel->confirmDialog() != nullptr, 20000);
    confirm = panel->confirmDialog();
    QVERIFY(confirm->preview().max);
    QCOMPARE(confirm->preview().changeSat, 0);
    QVERIFY(confirm->preview().amountSat > 100'000);
    QVERIFY(confirm->findChild<QLabel *>(QStringLiteral("confirmAmountLabel"))->text().contains(QLatin1String("everything spendable")));
    confirm->findChild<QPushButton *>(QStringLiteral("cancelSendButton"))->click();
    QTest::qWait(300);
    QCOMPARE(sent.size(), 1);
}

void TestGuiFlow::firstRunCreateVerifyRestore()
{
    QTemporaryDir dir;
    const QString chain = dir.filePath(QStringLiteral("chain.sqlite"));
    // Create: the words numbered on their own page, three asked back before the wallet exists.
    auto *service = new WalletService(dir.filePath(QStringLiteral("first")), chain);
    auto *window = new MainWindow(service);
    QSignalSpy ready(service, &WalletService::ready);
    service->startOnThread();
    window->show();
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<FirstRunDialog *>(QStringLiteral("firstRunDialog")), 20000);
    auto *wizard = window->findChild<FirstRunDialog *>(QStringLiteral("firstRunDialog"));
    QVERIFY(wizard->findChild<QRadioButton *>(QStringLiteral("createRadioButton"))->isChecked());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("first/wallet.sqlite")))); // nothing made behind the user's back
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FirstRunDialog::WordsPage));
    auto *view = wizard->findChild<RecoveryPhraseView *>(QStringLiteral("recoveryPhraseView"));
    const QStringList words = view->words();
    QCOMPARE(words.size(), 24);
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("phraseWordLabel1"))->text().contains(QStringLiteral("<b>%1</b>").arg(words[0])));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("phraseWordLabel24"))->text().startsWith(QLatin1String("24.")));
    QVERIFY(view->findChild<QLabel *>(QStringLiteral("phraseExplanationLabel"))->text().contains(QLatin1String("restore this wallet")));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FirstRunDialog::VerifyPage));
    QAbstractButton *finish = wizard->button(QWizard::FinishButton);
    QVERIFY(!finish->isEnabled());
    const auto positions = wizard->verifyPositions();
    for (int i = 0; i < 3; ++i) // a wrong word in the last box
        wizard->findChild<QLineEdit *>(QStringLiteral("verifyWordLineEdit%1").arg(i))
            ->setText(i < 2 ? words[positions[static_cast<size_t>(i)] - 1] : QStringLiteral("zoo") + words[0]);
    QVERIFY(!finish->isEnabled());
    wizard->findChild<QLineEdit *>(QStringLiteral("verifyWordLineEdit2"))->setText(QStringLiteral(" %1 ").arg(words[positions[2] - 1].toUpper()));
    QVERIFY(finish->isEnabled());
    finish->click();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<QLabel *>(QStringLiteral("receiveAddressLabel"))->text().isEmpty(), 20000);
    const QString firstAddress = window->findChild<QLabel *>(QStringLiteral("receiveAddressLabel"))->text();

    // Wallet → Show recovery phrase, after an explicit yes: the same words again.
    window->setAutoAnswer([](const QString &q) -> QVariant { return q == QLatin1String("show phrase") ? QVariant(false) : QVariant(); });
    window->findChild<QAction *>(QStringLiteral("showPhraseAction"))->trigger();
    QTest::qWait(300);
    QVERIFY(!window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog"))); // "no": nothing shown
    window->setAutoAnswer([](const QString &q) -> QVariant { return q == QLatin1String("show phrase") ? QVariant(true) : QVariant(); });
    window->findChild<QAction *>(QStringLiteral("showPhraseAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog")), 20000);
    auto *shown = window->findChild<RecoveryPhraseDialog *>(QStringLiteral("recoveryPhraseDialog"));
    QCOMPARE(shown->findChild<RecoveryPhraseView *>()->words(), words);
    shown->close();
    delete window;
    delete service;

    // Restore: the words typed (a misspelt word is named), the same wallet comes back.
    service = new WalletService(dir.filePath(QStringLiteral("restored")), chain);
    window = new MainWindow(service);
    QSignalSpy ready2(service, &WalletService::ready);
    service->startOnThread();
    window->show();
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<FirstRunDialog *>(QStringLiteral("firstRunDialog")), 20000);
    wizard = window->findChild<FirstRunDialog *>(QStringLiteral("firstRunDialog"));
    wizard->findChild<QRadioButton *>(QStringLiteral("restoreRadioButton"))->setChecked(true);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(FirstRunDialog::RestorePage));
    auto *edit = wizard->findChild<QPlainTextEdit *>(QStringLiteral("restorePhraseEdit"));
    QStringList typo = words;
    typo[4] = QStringLiteral("bitcoinz");
    edit->setPlainText(typo.join(QLatin1Char(' ')));
    QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("restoreProblemLabel"))->text(),
             QStringLiteral("Word 5, \"bitcoinz\", is not a recovery-phrase word. Check its spelling."));
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
    QStringList swapped = words;
    swapped.swapItemsAt(0, 1);
    if (swapped != words) {
        edit->setPlainText(swapped.join(QLatin1Char(' ')));
        // (a swap may by chance keep the checksum: then the phrase is valid, and that is fine)
        if (!wizard->button(QWizard::FinishButton)->isEnabled())
            QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreProblemLabel"))->text().contains(QLatin1String("not a valid recovery phrase")));
    }
    edit->setPlainText(QStringLiteral("  ") + words.join(QStringLiteral("  \n")).toUpper());
    QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreProblemLabel"))->text().isEmpty());
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    wizard->button(QWizard::FinishButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(ready2.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(window->findChild<QLabel *>(QStringLiteral("receiveAddressLabel"))->text(), firstAddress, 20000);
    delete window;
    delete service;
}

QTEST_MAIN(TestGuiFlow)
#include "tst_gui_flow.moc"
