// The main window opens with its tabs, found by object name as users see them.
#include "PasswordDialog.h"
#include "WalletChain.h"
#include "chain/ChainSettings.h"
#include <QComboBox>
#include "PasswordSettingsBox.h"
#include "services/WalletService.h"
#include <QTemporaryDir>
#include "AmountField.h"
#include "BalanceBar.h"
#include "BitcoinUnits.h"
#include "MainWindow.h"
#include "WalletSettings.h"

#include <QSettings>
#include <QAbstractButton>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTranslator>
#include "FirstRunDialog.h"
#include "OpenChannelWizard.h"
#include "SettingsDialog.h"
#include "NetworkNames.h"
#include "RecoveryPhraseView.h"
#include "SendConfirmDialog.h"
#include "TransactionDialog.h"

#include "bitcoin/Key.h"
#include "bitcoin/Script.h"
#include "channel/Messages.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

namespace {
/// An offer as a payee's wallet writes it, for `network`.
QString offerFor(spillway::bitcoin::NetworkId network, qint64 minCapacity = 10'000, qint64 maxCapacity = 1'000'000)
{
    using namespace spillway;
    const auto key = bitcoin::PrivateKey::generate().publicKey();
    channel::OfferMsg o;
    o.network = network;
    o.payeePub = key.bytes();
    o.payeePayout = bitcoin::p2wpkh(key.hash());
    o.minCapacity = minCapacity;
    o.maxCapacity = maxCapacity;
    o.minExpiryDelta = 20;
    o.maxExpiryDelta = 500;
    o.minConfirmations = 1;
    o.label = "weather data";
    return QString::fromStdString(channel::messageToText(o));
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wizardRefusesBeforeFinish()
    {
        // Issue 16: Next waits for an offer this wallet can take, said in a sentence;
        // Finish waits for terms inside the offer's limits and the opening rules.
        using namespace spillway::ui;
        using spillway::bitcoin::NetworkId;
        OpenChannelWizard w;
        w.setWallet(NetworkId::Local, 1000, 500'000);
        w.show();
        auto *offer = w.findChild<QPlainTextEdit *>(QStringLiteral("offerTextEdit"));
        auto *info = w.findChild<QLabel *>(QStringLiteral("offerInfoLabel"));
        QVERIFY(offer && info);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // nothing yet
        offer->setPlainText(QStringLiteral("hello"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(info->text().startsWith(QStringLiteral("This is not an offer.")));
        offer->setPlainText(offerFor(NetworkId::Main));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(info->text(), QStringLiteral("This offer is for mainnet, and this wallet is on the local chain. Ask the payee for an offer on the local chain."));
        w.next(); // refused: still on the offer page
        QCOMPARE(w.currentId(), 0);
        offer->setPlainText(offerFor(NetworkId::Local));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(info->text().contains(QStringLiteral("weather data")));
        w.next();
        QCOMPARE(w.currentId(), 1);
        auto *capacity = w.findChild<AmountField *>(QStringLiteral("capacityAmountField"));
        auto *expiry = w.findChild<QSpinBox *>(QStringLiteral("expirySpinBox"));
        auto *fee = w.findChild<AmountField *>(QStringLiteral("feeAmountField"));
        auto *problem = w.findChild<QLabel *>(QStringLiteral("termsProblemLabel"));
        QVERIFY(capacity && expiry && fee && problem);
        capacity->setValue(100'000);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(problem->text().isEmpty());
        // More than the wallet holds.
        capacity->setValue(600'000);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("500,000 sat spendable")), qPrintable(problem->text()));
        capacity->setValue(100'000);
        // A refund sooner than the payee takes (20 blocks + 6 of leeway).
        expiry->setValue(21);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QCOMPARE(problem->text(), QStringLiteral("The payee accepts a refund after 26 to 500 blocks."));
        expiry->setValue(600);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        expiry->setValue(144);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        // A closing fee under the payee's floor (1 sat/vB on the commitment's size).
        fee->setValue(10);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY2(problem->text().startsWith(QStringLiteral("The closing fee must be at least")), qPrintable(problem->text()));
        fee->lineEdit()->clear(); // the chain's estimate
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        w.next();
        QCOMPARE(w.currentId(), 2);
        // An offer that takes only the pre-signed refund kind: the CLTV choice is off.
        OpenChannelWizard refundOnly;
        refundOnly.setWallet(NetworkId::Local, 1000, -1);
        auto m = spillway::channel::messageFromText(offerFor(NetworkId::Local).toStdString());
        auto o = std::get<spillway::channel::OfferMsg>(*m);
        o.variants = 0b01;
        refundOnly.setOfferText(QString::fromStdString(spillway::channel::messageToText(o)));
        auto *kind = refundOnly.findChild<QComboBox *>(QStringLiteral("variantComboBox"));
        QCOMPARE(kind->currentData().toString(), QStringLiteral("refund"));
        QVERIFY(refundOnly.refundVariant());
        // Refused by the wallet after Finish (say, the node would not take the funding):
        // the wizard comes back on the terms page with what was entered and the reason.
        OpenChannelWizard again;
        again.setWallet(NetworkId::Local, 1000, 500'000);
        const QString text = offerFor(NetworkId::Local);
        again.restoreTerms(text, 70'000, 200, false, 0, QStringLiteral("The node refused the funding."));
        again.show();
        QCOMPARE(again.currentId(), 1);
        QCOMPARE(again.capacity(), 70'000);
        QCOMPARE(again.expiryBlocks(), 200);
        QCOMPARE(again.offerText(), text);
        auto *problem2 = again.findChild<QLabel *>(QStringLiteral("termsProblemLabel"));
        QCOMPARE(problem2->text(), QStringLiteral("The node refused the funding."));
        QVERIFY(again.button(QWizard::FinishButton)->isEnabled()); // may be tried again
        again.findChild<AmountField *>(QStringLiteral("capacityAmountField"))->setValue(80'000);
        QVERIFY(problem2->text().isEmpty()); // changed terms: checked afresh
    }

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
    void chainBelongsToTheWallet()
    {
        // Two data directories, two chains; the old global chain taken over once.
        using namespace spillway;
        using namespace spillway::ui;
        QTemporaryDir dir;
        const QString alice = dir.filePath(QStringLiteral("alice")), bob = dir.filePath(QStringLiteral("bob"));
        const QString aliceGroup = WalletSettings::groupFor(alice), bobGroup = WalletSettings::groupFor(bob);
        QVERIFY(aliceGroup != bobGroup);
        auto cleanup = qScopeGuard([&] {
            QSettings s;
            s.remove(QStringLiteral("chain"));
            s.remove(QStringLiteral("chainFile"));
            s.remove(QStringLiteral("defaultWallet"));
            s.remove(aliceGroup);
            s.remove(bobGroup);
            WalletSettings::setWallet({});
        });
        // What an earlier version saved for every wallet.
        chain::ChainSettings global;
        global.network = bitcoin::NetworkId::Regtest;
        global.rpc.url = QUrl(QStringLiteral("http://127.0.0.1:18443/"));
        global.rpc.user = QStringLiteral("old-user");
        chain::saveChainSettings(global);
        QVERIFY(!chain::hasSavedChainSettings(aliceGroup));
        QCOMPARE(WalletChain::defaultWallet(), chain::defaultDataDir(bitcoin::NetworkId::Regtest)); // as before
        // Alice has no chain of her own: she takes the global one, and keeps it.
        chain::ChainSettings a = WalletChain::load(aliceGroup);
        QCOMPARE(a.network, bitcoin::NetworkId::Regtest);
        QCOMPARE(a.rpc.user, QStringLiteral("old-user"));
        QVERIFY(chain::hasSavedChainSettings(aliceGroup));
        // Bob's own: the local chain in a file of his.
        chain::ChainSettings b;
        b.chainFile = dir.filePath(QStringLiteral("bob-chain.sqlite"));
        WalletChain::save(bobGroup, b);
        // A later change of the global setting moves neither wallet.
        chain::ChainSettings later;
        later.network = bitcoin::NetworkId::Signet;
        chain::saveChainSettings(later);
        a = WalletChain::load(aliceGroup);
        QCOMPARE(a.network, bitcoin::NetworkId::Regtest);
        QCOMPARE(a.rpc.url.toString(), QStringLiteral("http://127.0.0.1:18443/"));
        const chain::ChainSettings bobNow = WalletChain::load(bobGroup);
        QCOMPARE(bobNow.network, bitcoin::NetworkId::Local);
        QCOMPARE(bobNow.chainFile, b.chainFile);

        // Settings shows and saves the chain of the wallet it is opened in.
        WalletSettings::setWallet(alice);
        {
            SettingsDialog d;
            QCOMPARE(d.chainSettings().network, bitcoin::NetworkId::Regtest);
            QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("rpcUserLineEdit"))->text(), QStringLiteral("old-user"));
            d.findChild<QLineEdit *>(QStringLiteral("rpcUserLineEdit"))->setText(QStringLiteral("alice-user"));
            QVERIFY(d.save()); // the chain changed: it applies at the next start
        }
        WalletSettings::setWallet(bob);
        {
            SettingsDialog d;
            QCOMPARE(d.chainSettings().network, bitcoin::NetworkId::Local);
            QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("chainFileLineEdit"))->text(), b.chainFile);
            (void)d.save();
        }
        QCOMPARE(WalletChain::load(aliceGroup).rpc.user, QStringLiteral("alice-user"));
        QCOMPARE(WalletChain::load(bobGroup).chainFile, b.chainFile);
        QCOMPARE(chain::savedChainSettings().network, bitcoin::NetworkId::Signet); // the global place untouched
        QVERIFY(chain::savedChainSettings().rpc.user.isEmpty());
        // Another network in Settings is another wallet: that network's, opened from then on.
        WalletSettings::setWallet(bob);
        {
            SettingsDialog d;
            auto *network = d.findChild<QComboBox *>(QStringLiteral("networkComboBox"));
            network->setCurrentIndex(network->findData(static_cast<int>(bitcoin::NetworkId::Testnet)));
            QVERIFY(d.save());
        }
        QCOMPARE(WalletChain::load(bobGroup).network, bitcoin::NetworkId::Local); // Bob's wallet stays on its chain
        const QString testnetWallet = chain::defaultDataDir(bitcoin::NetworkId::Testnet);
        QCOMPARE(WalletChain::defaultWallet(), testnetWallet);
        QCOMPARE(WalletChain::load(WalletSettings::groupFor(testnetWallet)).network, bitcoin::NetworkId::Testnet);
        QSettings().remove(WalletSettings::groupFor(testnetWallet));
    }
    void chineseWalkFindsNoEnglish()
    {
        // zh_CN: Spillway's and Qt's own translations, as the app installs them; every
        // visible text of the window and of the wallet dialogs must be translated.
        using namespace spillway::ui;
        QTranslator ours, qt;
        QVERIFY(ours.load(QStringLiteral(":/i18n/spillway_zh_CN.qm")));
        QVERIFY(qt.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&qt);
        QCoreApplication::installTranslator(&ours);
        auto restore = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&ours);
            QCoreApplication::removeTranslator(&qt);
        });
        // English: two words of letters in a row, once names and units are set aside.
        static const QRegularExpression english(QStringLiteral("[A-Za-z]{2,}[ ,'][A-Za-z]{2,}"));
        static const QStringList allowed = {QStringLiteral("Spillway"), QStringLiteral("BTC"), QStringLiteral("BIP 39"),
                                            QStringLiteral("sat/vB"), QStringLiteral("vB"), QStringLiteral("CSV"), QStringLiteral("PSBT")};
        auto walk = [&](QWidget *top) {
            QStringList found;
            QList<QWidget *> widgets = top->findChildren<QWidget *>();
            widgets.prepend(top);
            for (QWidget *w : widgets) {
                if (!w->isVisibleTo(top) && w != top)
                    continue;
                QStringList texts;
                if (w->isWindow())
                    texts << w->windowTitle();
                if (auto *l = qobject_cast<QLabel *>(w))
                    texts << l->text();
                if (auto *b = qobject_cast<QAbstractButton *>(w))
                    texts << b->text();
                if (auto *e = qobject_cast<QLineEdit *>(w))
                    texts << e->placeholderText();
                if (auto *t = qobject_cast<QTabWidget *>(w))
                    for (int i = 0; i < t->count(); ++i)
                        texts << t->tabText(i);
                for (QString t : std::as_const(texts)) {
                    for (const QString &a : allowed)
                        t.remove(a);
                    t.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
                    if (english.match(t).hasMatch())
                        found << QStringLiteral("%1: %2").arg(w->objectName(), t);
                }
            }
            return found;
        };
        QStringList english_;
        MainWindow window;
        window.show();
        english_ << walk(&window);
        window.findChild<QTabWidget *>(QStringLiteral("mainTabWidget"))->setCurrentIndex(1); // the Wallet tab
        english_ << walk(&window);
        FirstRunDialog first;
        first.show();
        english_ << walk(&first);
        first.next();
        english_ << walk(&first);
        first.next();
        english_ << walk(&first);
        SendConfirmDialog confirm(SendPreview{QStringLiteral("bcrt1qexample"), 100'000, 420, 2000, 210, 5000, false}, BitcoinUnits::Unit::Sat);
        confirm.show();
        english_ << walk(&confirm);
        TransactionDetails tx;
        tx.txid = QStringLiteral("ab");
        tx.inputs = {{QStringLiteral("cd:0"), 1000, false}};
        tx.outputs = {{QStringLiteral("bcrt1qexample"), 900, false}};
        tx.feeSat = 100;
        tx.vsize = 110;
        TransactionDialog details(tx, 10, BitcoinUnits::Unit::Btc);
        details.show();
        english_ << walk(&details);
        OpenChannelWizard open;
        open.show();
        english_ << walk(&open);
        open.setOfferText(offerFor(spillway::bitcoin::NetworkId::Local));
        open.next();
        english_ << walk(&open);
        SettingsDialog settings;
        settings.show();
        english_ << walk(&settings);
        RecoveryPhraseDialog phrase(QStringList(24, QStringLiteral("abandon")));
        phrase.show();
        english_ << walk(&phrase);
        for (auto mode : {PasswordDialog::Mode::Unlock, PasswordDialog::Mode::Confirm, PasswordDialog::Mode::Set,
                          PasswordDialog::Mode::Change, PasswordDialog::Mode::Remove}) {
            PasswordDialog password(mode);
            password.setProblem(QCoreApplication::translate("spillway::ui::MainWindow", "The password is wrong. Try again."));
            password.show();
            english_ << walk(&password);
        }
        QTemporaryDir serviceDir;
        WalletService service(serviceDir.filePath(QStringLiteral("w")), serviceDir.filePath(QStringLiteral("chain.sqlite")));
        PasswordSettingsBox passwordBox(&service);
        passwordBox.show();
        english_ << walk(&passwordBox);
        QVERIFY2(english_.isEmpty(), qPrintable(english_.join(QLatin1Char('\n'))));
        // The network's name too (the title, the status bar, the Send form's sentences).
        QCOMPARE(NetworkNames::display(QStringLiteral("local")), QStringLiteral("本地链"));
        QCOMPARE(NetworkNames::display(QStringLiteral("main")), QStringLiteral("主网"));
        // Numbers and dates through QLocale.
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        QCOMPARE(BitcoinUnits::format(1'234'567, BitcoinUnits::Unit::Sat), QStringLiteral("1,234,567 聪"));
        QLocale::setDefault(before);
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
