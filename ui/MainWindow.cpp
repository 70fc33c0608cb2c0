#include "MainWindow.h"
#include "OffersInTable.h"
#include "PayDialog.h"
#include "channel/Messages.h"
#include "bitcoin/Network.h"

#include "AmountField.h"
#include "BalanceBar.h"
#include "ImportDialog.h"
#include "MarketTabs.h"
#include "NetworkNames.h"
#include "MessageDialog.h"
#include "OpenChannelWizard.h"
#include "RemainingBarDelegate.h"
#include "ReceivePanel.h"
#include "SendPanel.h"
#include "WalletSettings.h"
#include "FirstRunDialog.h"
#include "PasswordDialog.h"
#include "PasswordSettingsBox.h"
#include "RestoreFromBackupDialog.h"
#include "RecoveryPhraseView.h"
#include "TransactionDialog.h"
#include "models/CsvWriter.h"
#include "BackupSettingsBox.h"
#include "FeeSettingsBox.h"
#include "BackupStatusLabel.h"
#include "SettingsDialog.h"
#include "TrayController.h"
#include "WatcherSettingsBox.h"
#include "models/ChannelTableModel.h"
#include "models/HistoryModels.h"
#include "services/WalletService.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace spillway::ui {

MainWindow::MainWindow(WalletService *service, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_model(new ChannelTableModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_payments(new PaymentHistoryModel(this)), m_history(new WalletHistoryModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    if (m_service)
        WalletSettings::setWallet(m_service->dataDir()); // units and expiry are this wallet's
    setWindowTitle(tr("Spillway"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/spillway.svg")));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ChannelTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    auto action = [this](const QString &text, const char *name, QStyle::StandardPixmap icon, const QKeySequence &key, auto slot) {
        auto *a = new QAction(style()->standardIcon(icon), text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_newOffer = action(tr("New offer"), "newOfferAction", QStyle::SP_FileIcon, QKeySequence(tr("Ctrl+N")), &MainWindow::newOffer);
    m_open = action(tr("Open channel"), "openChannelAction", QStyle::SP_DialogOpenButton, QKeySequence(tr("Ctrl+O")), &MainWindow::openChannel);
    m_pay = action(tr("Pay"), "payAction", QStyle::SP_ArrowRight, QKeySequence(tr("Ctrl+P")), &MainWindow::payChannel);
    m_import = action(tr("Import"), "importAction", QStyle::SP_ArrowDown, QKeySequence(tr("Ctrl+I")), &MainWindow::importMessage);
    m_scan = action(tr("Scan screen"), "scanScreenAction", QStyle::SP_ComputerIcon, QKeySequence(tr("Ctrl+Shift+I")), &MainWindow::scanScreen);
    m_scan->setToolTip(tr("Drag a rectangle over the other wallet's codes: each new one is imported as it appears, and the answer shown"));
    m_settle = action(tr("Settle"), "settleAction", QStyle::SP_DialogApplyButton, QKeySequence(tr("Ctrl+S")), &MainWindow::settleChannel);
    m_close = action(tr("Close"), "closeAction", QStyle::SP_DialogCloseButton, QKeySequence(tr("Ctrl+W")), &MainWindow::closeChannel);
    m_refund = action(tr("Refund"), "refundAction", QStyle::SP_BrowserReload, QKeySequence(tr("Ctrl+R")), &MainWindow::refundChannel);
    m_export = action(tr("Export PSBT"), "exportPsbtAction", QStyle::SP_DriveFDIcon, QKeySequence(tr("Ctrl+E")), &MainWindow::exportPsbt);
    m_bump = action(tr("Bump fee"), "bumpFeeAction", QStyle::SP_ArrowUp, QKeySequence(tr("Ctrl+B")), &MainWindow::bumpChannelFee);
    m_bump->setToolTip(tr("Raise the fee of the channel's waiting settlement, refund or funding with a child transaction"));

    auto *toolbar = addToolBar(tr("Channel"));
    toolbar->setObjectName(QStringLiteral("channelToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *menu = menuBar()->addMenu(tr("&Channel"));
    for (QAction *a : {m_newOffer, m_open, m_pay, m_import, m_scan, m_settle, m_close, m_refund, m_bump, m_export}) {
        toolbar->addAction(a);
        menu->addAction(a);
    }
    // Outstanding offers in the table, shown again, copied or withdrawn from the menu,
    // the table's context menu, or a double click.
    m_offerRows = new OffersInTable(
        m_model, m_service, this, [this] { return m_model->channelAt(m_model->rowOf(selectedChannel())); },
        [this](const QString &title, const QStringList &texts) { showMessages(title, texts); });
    menu->addSeparator();
    for (QAction *a : {m_offerRows->showAction(), m_offerRows->copyAction(), m_offerRows->withdrawAction()})
        menu->addAction(a);
    QMenu *walletMenu = menuBar()->addMenu(tr("&Wallet"));
    auto *settings = walletMenu->addAction(tr("Settings…"), QKeySequence::Preferences, this, [this] {
        SettingsDialog d(this);
        auto *backups = m_service ? new BackupSettingsBox(m_service, &d) : nullptr;
        auto *watcher = m_service ? new WatcherSettingsBox(m_service, &d) : nullptr;
        auto *fees = m_service ? new FeeSettingsBox(m_service, &d) : nullptr;
        if (backups) {
            d.addSection(new PasswordSettingsBox(m_service, &d));
            d.addSection(backups);
            d.addSection(watcher);
            d.addSection(fees);
        }
        if (d.exec() != QDialog::Accepted)
            return;
        if (backups) {
            backups->apply();
            watcher->apply();
            fees->apply();
        }
        if (d.save())
            QMessageBox::information(this, tr("Settings"), tr("The new language or chain applies when Spillway starts again."));
        applySettings();
    });
    settings->setObjectName(QStringLiteral("settingsAction"));
    auto *phrase = walletMenu->addAction(tr("Show recovery phrase…"), this, &MainWindow::showRecoveryPhrase);
    phrase->setObjectName(QStringLiteral("showPhraseAction"));
    auto *tray = new TrayController(this, m_service); // closing hides to the tray while channels need watching
    auto *quit = walletMenu->addAction(tr("Quit"), QKeySequence::Quit, tray, &TrayController::requestQuit);
    quit->setObjectName(QStringLiteral("quitAction"));

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("mainTabWidget"));
    buildChannelsTab(tabs);
    buildWalletTab(tabs);
    if (m_service) {
        tabs->addTab(new SellTab(m_service, tabs), tr("Sell"));
        tabs->addTab(new BuyTab(m_service, tabs), tr("Buy"));
    }
    setCentralWidget(tabs);

    m_networkLabel = new QLabel(tr("Network: local chain"), this);
    m_networkLabel->setObjectName(QStringLiteral("networkLabel"));
    m_networkLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // gives way to the balances
    statusBar()->addWidget(m_networkLabel);
    m_tipLabel = new QLabel(tr("Connecting…"), this);
    m_tipLabel->setObjectName(QStringLiteral("tipLabel"));
    statusBar()->addWidget(m_tipLabel);
    m_balanceBar = new BalanceBar(this);
    statusBar()->addPermanentWidget(m_balanceBar);
    auto *mine = new QPushButton(tr("Mine a block"), this);
    mine->setObjectName(QStringLiteral("mineButton"));
    mine->setToolTip(tr("The local chain mines on demand: one block paying its reward to this wallet. A mined reward can be "
                        "spent once 100 more blocks are on top of it (it shows as immature until then)."));
    statusBar()->addPermanentWidget(new BackupStatusLabel(m_service, this));
    statusBar()->addPermanentWidget(mine);
    statusBar()->showMessage(tr("Network: local chain"), 3000);

    if (m_service) {
        connect(mine, &QPushButton::clicked, m_service, [s = m_service] { s->mine(1); });
        connect(m_service, &WalletService::feeEstimates, this, [this](qint64, qint64 normal, qint64) { m_feeEstimate = normal; });
        connect(m_service, &WalletService::ready, this, [this, mine](const QString &net, const QString &backend) {
            m_networkName = net;
            m_networkLabel->setText(tr("Network: %1 · %2").arg(NetworkNames::display(net), backend));
            m_networkLabel->setToolTip(m_networkLabel->text());
            m_sendPanel->setNetwork(net);
            // Two wallets side by side are told apart by their title: the data directory's name and the network.
            setWindowTitle(tr("%1 (%2) — Spillway").arg(QDir(m_service->dataDir()).dirName(), NetworkNames::display(net)));
            // Only the local chain and a regtest node mine on request; real networks do not.
            const bool canMine = net == QLatin1String("local") || net == QLatin1String("regtest");
            mine->setVisible(canMine);
            if (net == QLatin1String("regtest"))
                mine->setToolTip(tr("The regtest node mines one block to this wallet."));
        });
        connect(m_service, &WalletService::tipChanged, this, [this](int height, qint64 time, int interval) {
            m_model->setBlockInterval(interval);
            m_model->setTip(height, time);
            m_history->setTip(height);
            m_tipHeight = height;
            m_tipLabel->setText(tr("Height %L1").arg(height));
            if (!m_columnsFitToTip && m_model->rowCount() > 0) {
                fitChannelColumns(); // the countdowns' text is known once the tip is
                m_columnsFitToTip = true;
            }
        });
        connect(m_service, &WalletService::channelsChanged, this, [this](const QList<ChannelSummary> &list) {
            m_model->setChannels(list);
            m_offerRows->channelsChanged(list);
            updateActions();
        });
        connect(m_service, &WalletService::openChannelFailed, this,
                [this](const QString &offer, qint64 capacity, int expiry, bool refund, qint64 fee, const QString &sentence) {
                    // What the user entered comes back, on the terms page, with the reason.
                    if (m_wizard || m_autoAnswer)
                        return;
                    openChannelWith(QString());
                    m_wizard->restoreTerms(offer, capacity, expiry, refund, fee, sentence);
                });
        connect(m_service, &WalletService::offersChanged, this, [this](const QList<ChannelSummary> &offers) {
            m_offerRows->setOffers(offers);
            updateActions();
        });
        connect(m_service, &WalletService::balanceChanged, this, [this](qint64 c, qint64 u, qint64 i, qint64 paying, qint64 receiving) {
            m_balanceBar->setBalances(Balances{c, u, i, paying, receiving});
            m_spendable = c;
            showBalances();
        });
        connect(m_service, &WalletService::receiveAddressChanged, this, [this](const QString &a) {
            m_receivePanel->setAddress(a);
        });
        connect(m_service, &WalletService::messagesReady, this, &MainWindow::showMessages);
        connect(m_service, &WalletService::failed, this, [this](const QString &, const QString &sentence, const QString &details) {
            // The sentence only; the code and its context behind "Show Details…".
            statusBar()->showMessage(sentence, 10000);
            if (m_payDialog)
                m_payDialog->paymentRefused();
            if (m_autoAnswer)
                return;
            QMessageBox box(QMessageBox::Warning, tr("Spillway"), sentence, QMessageBox::Ok, this);
            box.setDetailedText(details);
            box.exec();
        });
        connect(m_service, &WalletService::info, this, [this](const QString &t) { statusBar()->showMessage(t, 8000); });
        connect(m_service, &WalletService::walletMissing, this, &MainWindow::firstRun);
        connect(m_service, &WalletService::passwordNeeded, this, &MainWindow::askWalletPassword);
        connect(m_service, &WalletService::recoveryPhraseReady, this, [this](const QString &words) {
            auto *d = new RecoveryPhraseDialog(words.split(QLatin1Char(' ')), this);
            d->setAttribute(Qt::WA_DeleteOnClose);
            d->open();
        });
        connect(this, &MainWindow::importRequested, m_service, &WalletService::importText);
        connect(m_service, &WalletService::historyChanged, m_history, &WalletHistoryModel::setRows);
        connect(m_history, &WalletHistoryModel::labelEdited, m_service, [s = m_service](const QString &txid, const QString &label) {
            s->setTransactionLabel(txid, label); // queued: the service's thread
        });
        connect(m_service, &WalletService::transactionLoaded, this, [this](const TransactionDetails &d) {
            auto *dialog = new TransactionDialog(d, m_tipHeight, m_sendUnit, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        connect(m_service, &WalletService::paymentsLoaded, m_payments, &PaymentHistoryModel::setPayments);
        connect(m_service, &WalletService::tipChanged, this, [this] { m_bumpsChannel.clear(); }); // blocks left changed
        connect(m_service, &WalletService::bumpsLoaded, this, [this](const QString &id, const QStringList &lines) {
            m_bumpsChannel = id;
            m_bumpLines = lines;
            updateActions();
        });
    }
    applySettings();
    updateActions();
    resize(1240, 680); // room for the balances in the status bar
}

void MainWindow::applySettings()
{
    const bool btc = BitcoinUnits::chosen() == BitcoinUnits::Unit::Btc;
    m_model->setUnit(btc ? ChannelTableModel::Unit::Btc : ChannelTableModel::Unit::Sat);
    m_balanceBar->setFormatter([m = m_model](qint64 sat) { return m->formatAmount(sat); });
    m_sendPanel->setUnit(btc ? BitcoinUnits::Unit::Btc : BitcoinUnits::Unit::Sat);
    m_receivePanel->setUnit(btc ? BitcoinUnits::Unit::Btc : BitcoinUnits::Unit::Sat);
    m_sendUnit = btc ? BitcoinUnits::Unit::Btc : BitcoinUnits::Unit::Sat;
    m_history->setUnit(m_sendUnit);
    m_payments->setUnit(m_sendUnit);
    showBalances();
    if (m_table && m_model->rowCount() > 0)
        fitChannelColumns(); // the amounts' width changed with the unit
}

void MainWindow::fitChannelColumns()
{
    // A little room beyond the widest text: a countdown's text grows and shrinks by a character or two.
    for (int col = 0; col < ChannelTableModel::ColumnCount; ++col) {
        m_table->resizeColumnToContents(col);
        m_table->setColumnWidth(col, m_table->columnWidth(col) + m_table->fontMetrics().horizontalAdvance(QStringLiteral("00")));
    }
    // The Remaining bar wants room; a closed channel's outcome there is words, as wide as they are.
    // (up to a limit: the time left must stay in view; the whole outcome is in the tooltip).
    m_table->setColumnWidth(ChannelTableModel::RemainingColumn, std::clamp(m_table->columnWidth(ChannelTableModel::RemainingColumn), 140, 230));
}

void MainWindow::showBalances()
{
    const Balances &b = m_balanceBar->balances();
    const qint64 values[4] = {b.spendable, b.unconfirmed, b.immature, b.paying + b.receiving};
    for (int k = 0; k < 4; ++k)
        m_balanceLabels[k]->setText(m_model->formatAmount(values[k]));
}

void MainWindow::buildChannelsTab(QTabWidget *tabs)
{
    auto *page = new QWidget(tabs);
    auto *layout = new QVBoxLayout(page);
    auto *filter = new QLineEdit(page);
    filter->setObjectName(QStringLiteral("filterLineEdit"));
    filter->setPlaceholderText(tr("Filter channels…"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    layout->addWidget(filter);
    auto *split = new QSplitter(Qt::Vertical, page);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("channelTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ChannelTableModel::CountdownColumn, Qt::AscendingOrder); // most urgent first
    m_table->setItemDelegateForColumn(ChannelTableModel::RemainingColumn, new RemainingBarDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Columns sized to their contents once, when the first channels arrive (and when
    // the unit changes), not on every change: ResizeToContents measures a thousand
    // rows of every column on each dataChanged, which was most of the window's CPU
    // with many channels (docs/benchmarks.md).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ChannelTableModel::RemainingColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(ChannelTableModel::RemainingColumn, 140); // room for the bar
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (first == 0)
            fitChannelColumns();
    });
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false); // one line per channel, elided if the user narrows a column
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({m_offerRows->showAction(), m_offerRows->copyAction(), m_offerRows->withdrawAction()});
    connect(m_table, &QTableView::doubleClicked, m_offerRows, &OffersInTable::showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl) {
        if (tl.column() == ChannelTableModel::CountdownColumn)
            return;
        updateActions();
        if (m_payDialog)
            if (const ChannelSummary *c = m_model->channelAt(m_model->rowOf(m_payDialog->channelId())))
                m_payDialog->setChannel(*c);
    });
    m_detail = new QLabel(page);
    m_detail->setObjectName(QStringLiteral("channelDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMargin(8);
    auto *detailPane = new QWidget(split);
    auto *detailLayout = new QHBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detail->setParent(detailPane);
    detailLayout->addWidget(m_detail, 1);
    auto *payments = new QTableView(detailPane);
    payments->setObjectName(QStringLiteral("paymentHistoryView"));
    payments->setModel(m_payments);
    payments->verticalHeader()->hide();
    payments->horizontalHeader()->setStretchLastSection(true);
    detailLayout->addWidget(payments, 1);
    split->addWidget(m_table);
    split->addWidget(detailPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split);
    tabs->addTab(page, tr("Channels"));
}

void MainWindow::buildWalletTab(QTabWidget *tabs)
{
    auto *page = new QWidget(tabs);
    auto *outer = new QHBoxLayout(page);
    auto *form = new QFormLayout;
    const char *names[4] = {"confirmedBalanceLabel", "unconfirmedBalanceLabel", "immatureBalanceLabel", "channelsBalanceLabel"};
    const QString captions[4] = {tr("Confirmed:"), tr("Unconfirmed:"), tr("Newly mined (immature):"), tr("In channels:")};
    for (int k = 0; k < 4; ++k) {
        m_balanceLabels[k] = new QLabel(m_model->formatAmount(0), page);
        m_balanceLabels[k]->setObjectName(QString::fromLatin1(names[k]));
        form->addRow(captions[k], m_balanceLabels[k]);
    }
    m_sendPanel = new SendPanel(m_service, page);
    form->addRow(m_sendPanel);
    outer->addLayout(form, 1);
    m_receivePanel = new ReceivePanel(m_service, page);
    outer->addWidget(m_receivePanel, 1);
    auto *wrapper = new QWidget(tabs);
    auto *column = new QVBoxLayout(wrapper);
    page->setParent(wrapper);
    column->addWidget(page);
    // History: newest first (unconfirmed on top), sized to its contents when rows come.
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(new QLabel(tr("Transactions"), wrapper), 1);
    auto *exportCsv = new QPushButton(tr("Export CSV…"), wrapper);
    exportCsv->setObjectName(QStringLiteral("exportHistoryButton"));
    connect(exportCsv, &QPushButton::clicked, this, &MainWindow::exportHistory);
    historyBar->addWidget(exportCsv);
    column->addLayout(historyBar);
    auto *historyProxy = new QSortFilterProxyModel(wrapper);
    historyProxy->setSourceModel(m_history);
    historyProxy->setSortRole(WalletHistoryModel::SortRole);
    m_historyView = new QTableView(wrapper);
    QTableView *history = m_historyView;
    history->setObjectName(QStringLiteral("walletHistoryView"));
    history->setModel(historyProxy);
    history->setSortingEnabled(true);
    history->sortByColumn(WalletHistoryModel::TimeColumn, Qt::DescendingOrder);
    history->setSelectionBehavior(QAbstractItemView::SelectRows);
    history->setSelectionMode(QAbstractItemView::SingleSelection);
    history->setTextElideMode(Qt::ElideMiddle);
    history->verticalHeader()->hide();
    history->horizontalHeader()->setStretchLastSection(true);
    history->setContextMenuPolicy(Qt::ActionsContextMenu);
    history->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed); // the Label column
    auto *copyTxid = new QAction(tr("Copy transaction ID"), history);
    copyTxid->setObjectName(QStringLiteral("copyTxidAction"));
    connect(copyTxid, &QAction::triggered, this, [this] {
        const QString txid = selectedTransaction();
        if (!txid.isEmpty())
            QApplication::clipboard()->setText(txid);
    });
    auto *details = new QAction(tr("Details…"), history);
    details->setObjectName(QStringLiteral("transactionDetailsAction"));
    connect(details, &QAction::triggered, this, &MainWindow::showTransaction);
    connect(history, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != WalletHistoryModel::LabelColumn) // there a double click edits the label
            showTransaction();
    });
    // Electrum's and Sparrow's "Bump fee" / "Child pays for parent" on a transaction that
    // waits: our own send is replaced, a receive is pulled in by a child (Wallet::bumpFee).
    auto *bumpTx = new QAction(tr("Bump fee"), history);
    bumpTx->setObjectName(QStringLiteral("bumpTransactionAction"));
    connect(bumpTx, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
        if (rows.isEmpty() || !m_service || rows.first().data(WalletHistoryModel::ConfirmationsRole).toInt() > 0)
            return;
        const QString txid = rows.first().data(WalletHistoryModel::TxidRole).toString();
        QMetaObject::invokeMethod(m_service, [s = m_service, txid] { s->bumpTransaction(txid); });
    });
    history->addAction(copyTxid);
    history->addAction(details);
    history->addAction(bumpTx);
    connect(m_history, &QAbstractItemModel::rowsInserted, this, [history] {
        // Fitted to what the rows hold (no "29 No…"), the transaction id elided in the middle.
        for (int c = 0; c < WalletHistoryModel::TxidColumn; ++c)
            history->resizeColumnToContents(c);
    });
    column->addWidget(history, 1);
    tabs->addTab(wrapper, tr("Wallet"));
}

void MainWindow::firstRun()
{
    auto start = [this](const QString &phrase, bool fresh) {
        QMetaObject::invokeMethod(m_service, [s = m_service, phrase, fresh] { s->restoreWallet(phrase, fresh); });
    };
    if (m_autoAnswer) {
        // Tests and scripts: a phrase to restore, else a new wallet made at once.
        const QString phrase = ask(QStringLiteral("first run phrase"), QString()).toString();
        if (phrase.isEmpty())
            QMetaObject::invokeMethod(m_service, [s = m_service] { s->createNewWallet(); });
        else
            start(phrase, false);
        return;
    }
    auto *d = new FirstRunDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, start] {
        if (!d->restoringFromBackup())
            return start(d->phrase(), !d->restoring());
        // The words and a backup file: checked in their own dialog before anything is written.
        auto *b = new RestoreFromBackupDialog(this);
        b->setAttribute(Qt::WA_DeleteOnClose);
        b->restoreOnly();
        connect(b, &QDialog::accepted, this, [this, b] {
            QMetaObject::invokeMethod(m_service, [s = m_service, phrase = b->takePhrase(), file = b->backupFile()]() mutable {
                s->restoreFromBackup(std::move(phrase), file);
            });
        });
        connect(b, &QDialog::rejected, this, [this] { firstRun(); }); // back to the choice
        b->open();
    });
    connect(d, &QDialog::rejected, qApp, &QApplication::quit, Qt::QueuedConnection); // no wallet, nothing to show
    d->open();
}

void MainWindow::askWalletPassword(bool wrongBefore)
{
    // At start, before the wallet is used: the password, or Quit (nothing to show without it).
    auto *d = new PasswordDialog(PasswordDialog::Mode::Unlock, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    if (wrongBefore)
        d->setProblem(tr("The password is wrong. Try again."));
    connect(d, &QDialog::accepted, this, [this, d] {
        QMetaObject::invokeMethod(m_service, [s = m_service, pw = d->takePassword()] { s->unlockWallet(pw); });
    });
    connect(d, &QDialog::rejected, qApp, &QApplication::quit, Qt::QueuedConnection);
    d->open();
}

void MainWindow::showRecoveryPhrase()
{
    if (!m_service)
        return;
    if (m_service->hasPassword()) {
        // The password again, every time (the keychain never asks on its own).
        auto *d = new PasswordDialog(PasswordDialog::Mode::Confirm, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &QDialog::accepted, this, [this, d] {
            QMetaObject::invokeMethod(m_service, [s = m_service, pw = d->takePassword()] { s->showRecoveryPhrase(pw); });
        });
        d->open();
        return;
    }
    const bool yes = m_autoAnswer ? ask(QStringLiteral("show phrase"), false).toBool()
                                  : QMessageBox::question(this, tr("Show recovery phrase"),
                                                          tr("Anyone who sees these words can take this wallet's money. Show them "
                                                             "now, with nobody watching your screen?"),
                                                          QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    if (yes)
        QMetaObject::invokeMethod(m_service, [s = m_service] { s->showRecoveryPhrase({}); });
}

QString MainWindow::selectedTransaction() const
{
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(WalletHistoryModel::TxidRole).toString();
}

void MainWindow::showTransaction()
{
    const QString txid = selectedTransaction();
    if (txid.isEmpty() || !m_service)
        return;
    QMetaObject::invokeMethod(m_service, [s = m_service, txid] { s->loadTransaction(txid); });
}

void MainWindow::exportHistory()
{
    const QString path = m_autoAnswer ? ask(QStringLiteral("csv path"), QString()).toString()
                                      : QFileDialog::getSaveFileName(this, tr("Export transactions"), tr("transactions.csv"),
                                                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    CsvWriter csv;
    // Amounts as raw satoshis and the status as confirmations: a spreadsheet computes with them.
    csv.setColumnRole(WalletHistoryModel::AmountColumn, WalletHistoryModel::SortRole);
    csv.setColumnRole(WalletHistoryModel::FeeColumn, WalletHistoryModel::SortRole);
    csv.setColumnRole(WalletHistoryModel::StatusColumn, WalletHistoryModel::ConfirmationsRole);
    csv.setColumnHeader(WalletHistoryModel::AmountColumn, tr("Amount (sat)"));
    csv.setColumnHeader(WalletHistoryModel::FeeColumn, tr("Fee (sat)"));
    csv.setColumnHeader(WalletHistoryModel::StatusColumn, tr("Confirmations"));
    QString error;
    if (!csv.write(*m_historyView->model(), path, &error)) {
        if (!m_autoAnswer)
            QMessageBox::warning(this, tr("Export transactions"), tr("The file could not be written: %1").arg(error));
        statusBar()->showMessage(tr("The file could not be written: %1").arg(error), 8000);
        return;
    }
    statusBar()->showMessage(tr("%n transaction(s) exported to %1", nullptr, m_historyView->model()->rowCount()).arg(path), 8000);
}

QString MainWindow::selectedChannel() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return m_model->rowCount() == 1 ? m_model->data(m_model->index(0, 0), ChannelTableModel::IdRole).toString() : QString();
    return m_proxy->data(rows.first(), ChannelTableModel::IdRole).toString();
}

void MainWindow::updateActions()
{
    const QString id = selectedChannel();
    const int row = m_model->rowOf(id);
    const ChannelSummary *c = m_model->channelAt(row);
    const bool live = c && !c->isFinal();
    const bool paying = c && c->role == ChannelSummary::Role::Paying;
    const bool hasService = m_service != nullptr;
    m_newOffer->setEnabled(hasService);
    m_open->setEnabled(hasService);
    m_import->setEnabled(hasService);
    m_scan->setEnabled(hasService);
    // Pay only once the funding has its confirmations: before that the payee refuses the
    // payment, and the two would disagree about what was paid (issue 16).
    m_pay->setEnabled(hasService && live && paying && c->state == ChannelSummary::State::Open);
    m_pay->setToolTip(c && paying && c->state == ChannelSummary::State::Opening
                          ? tr("Pay becomes possible once the funding has the confirmations the payee asked for.")
                          : tr("Pay the selected channel's payee"));
    // A closing or closed channel has nothing left to settle, close or refund.
    const bool open = live && c->state == ChannelSummary::State::Open;
    const bool unclosed = live && c->state != ChannelSummary::State::Closing;
    m_settle->setEnabled(hasService && open && !paying && c->paidSat > 0);
    m_close->setEnabled(hasService && open && paying);
    const int blocksLeft = c ? m_model->data(m_model->index(row, ChannelTableModel::CountdownColumn), ChannelTableModel::BlocksLeftRole).toInt() : 1;
    m_refund->setEnabled(hasService && unclosed && paying && blocksLeft <= 0); // possible only from the expiry on
    const bool offerOnly = c && c->isOfferOnly();
    m_offerRows->update(c);
    m_export->setEnabled(hasService && c && !offerOnly);
    // Our own waiting closing transaction (or the payer's unconfirmed funding) can be bumped.
    const bool closingOurs = c && c->state == ChannelSummary::State::Closing &&
                             (paying ? c->finalPayeeSat == 0 : c->paidSat > 0);
    m_bump->setEnabled(hasService && (closingOurs || (c && paying && c->state == ChannelSummary::State::Opening)));
    if (offerOnly) {
        m_detail->setText(tr("<b>%1</b> · an offer no payer has answered yet<br>Give it to the payer: right-click it and choose "
                             "Show offer (a QR code) or Copy offer. Withdraw offer takes it back.")
                              .arg(c->label.isEmpty() ? tr("(an offer)") : c->label.toHtmlEscaped()));
        return;
    }
    if (m_service && c && c->id != m_bumpsChannel)
        QMetaObject::invokeMethod(m_service, [s = m_service, id = c->id] { s->loadBumps(id); });
    // The selected channel's payment history, loaded off the GUI thread, and only
    // when another channel is selected or it has new payments.
    if (m_service && c && (c->id != m_payments->channelId() || c->payments != m_payments->rowCount()))
        QMetaObject::invokeMethod(m_service, [s = m_service, id = c->id] { s->loadPayments(id); });
    if (!c) {
        m_detail->setText(m_model->rowCount() ? tr("Select a channel to see its details.") : tr("No channels yet. A payee starts with New offer; a payer with Open channel."));
        return;
    }
    QString fees;
    if (c->id == m_bumpsChannel)
        for (const QString &line : m_bumpLines)
            fees += QStringLiteral("<br>") + line.toHtmlEscaped();
    m_detail->setText(tr("<b>%1</b> · %2 · %3<br>Funding: %4<br>Payments: %5, paid %6 of %7 (fee for the commitment included in capacity)<br>%8")
                          .arg(c->label.toHtmlEscaped(), c->variant, c->id.toHtmlEscaped())
                          .arg(c->fundingTxid)
                          .arg(c->payments)
                          .arg(m_model->formatAmount(c->paidSat), m_model->formatAmount(c->capacitySat))
                          .arg(c->closingTxid.isEmpty() ? QString()
                               // Our own closing just sent: its amounts are known once the chain shows it.
                               : c->finalPayeeSat == 0 && c->finalPayerSat == 0
                                   ? tr("Closing transaction %1 sent, waiting for a confirmation").arg(c->closingTxid)
                                   : (c->isFinal() ? tr("Closed by %1: payee %2, payer %3") : tr("Closing by %1: payee %2, payer %3"))
                                         .arg(c->closingTxid, m_model->formatAmount(c->finalPayeeSat), m_model->formatAmount(c->finalPayerSat))) +
                      fees);
}

QVariant MainWindow::ask(const QString &question, const QVariant &fallback)
{
    return m_autoAnswer ? m_autoAnswer(question) : fallback;
}

void MainWindow::showMessages(const QString &title, const QStringList &texts)
{
    // The Pay window shows its payments itself, and an Import window that keeps
    // scanning shows the answers (issue 16): no window to open or close per payment.
    if (m_payDialog && m_payDialog->awaitingPayment())
        return m_payDialog->showPayment(title, texts);
    if (m_importDialog && m_importDialog->isScanning())
        return m_importDialog->showAnswer(title, texts);
    auto *d = new MessageDialog(title, texts, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QObject::destroyed, this, [this, d] {
        if (m_lastMessage == d)
            m_lastMessage = nullptr;
    });
    m_lastMessage = d;
    d->show(); // not modal: the window stays usable behind it (Scan screen, Pay, Settle)
}

void MainWindow::newOffer()
{
    const QString label = m_autoAnswer ? ask(QStringLiteral("offer label"), QString()).toString()
                                       : QInputDialog::getText(this, tr("New offer"), tr("What do you sell? (a label the payer sees)"));
    QMetaObject::invokeMethod(m_service, [s = m_service, label] { s->createOffer(label); });
}

void MainWindow::openChannel()
{
    openChannelWith(QString());
}

void MainWindow::openChannelWith(const QString &offerText)
{
    if (m_wizard) {
        // Already open: a scanned offer fills it (the user may have opened it first).
        if (!offerText.isEmpty())
            m_wizard->setOfferText(offerText);
        m_wizard->raise();
        return;
    }
    auto *w = new OpenChannelWizard(this);
    m_wizard = w;
    w->setAttribute(Qt::WA_DeleteOnClose);
    // Offers for another network, terms outside the offer's limits and more than the
    // wallet holds are refused as they are typed, before Finish.
    w->setWallet(bitcoin::networkFromName(m_networkName.toStdString()).value_or(bitcoin::NetworkId::Local), m_feeEstimate, m_spendable);
    if (!offerText.isEmpty())
        w->startWithOffer(offerText);
    connect(w, &QWizard::accepted, this, [this, w] {
        QMetaObject::invokeMethod(m_service, [s = m_service, t = w->offerText(), c = w->capacity(), e = w->expiryBlocks(),
                                              r = w->refundVariant(), f = w->commitFee()] { s->openChannel(t, c, e, r, f); });
    });
    w->open();
}

void MainWindow::payChannel()
{
    const QString id = selectedChannel();
    const ChannelSummary *c = m_model->channelAt(m_model->rowOf(id));
    if (!c)
        return;
    auto send = [this, id](qint64 amount) {
        if (amount > 0)
            QMetaObject::invokeMethod(m_service, [s = m_service, id, amount] { s->pay(id, amount); });
    };
    if (m_autoAnswer)
        return send(ask(QStringLiteral("pay amount"), 0).toLongLong());
    // Pay stays open for the next payment; it follows the channel as it changes.
    if (m_payDialog && m_payDialog->channelId() == id) {
        m_payDialog->raise();
        return;
    }
    if (m_payDialog)
        m_payDialog->close();
    auto *d = new PayDialog(*c, m_model, m_sendUnit, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &PayDialog::payRequested, this, [this](const QString &channel, qint64 amount) {
        QMetaObject::invokeMethod(m_service, [s = m_service, channel, amount] { s->pay(channel, amount); });
    });
    m_payDialog = d;
    d->show();
}

void MainWindow::importMessage()
{
    auto *d = new ImportDialog(tr("Import"), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d] { Q_EMIT importRequested(d->text()); });
    connect(d, &ImportDialog::codeImported, this, &MainWindow::importCode);
    m_importDialog = d;
    d->show(); // not modal: it may stay open, scanning, beside the window
    d->raise();
}

void MainWindow::scanScreen()
{
    if (!m_importDialog)
        importMessage();
    m_importDialog->startRegionScan();
}

void MainWindow::importCode(const QString &text)
{
    auto m = channel::messageFromText(text.trimmed().toStdString());
    if (m && std::holds_alternative<channel::OfferMsg>(*m))
        return openChannelWith(text.trimmed()); // a payee's offer: the payer's next step
    Q_EMIT importRequested(text);
}

void MainWindow::settleChannel()
{
    const QString id = selectedChannel();
    const ChannelSummary *c = m_model->channelAt(m_model->rowOf(id));
    if (!c)
        return;
    // The settlement pays exactly these two amounts; the commitment fee fixed at opening goes to the miners.
    const QString question = tr("Settle now? %1 go to you and %2 back to the payer; the fee agreed at opening (%3) goes to the miners.")
                                 .arg(m_model->formatAmount(c->paidSat), m_model->formatAmount(c->maxPayableSat - c->paidSat),
                                      m_model->formatAmount(c->capacitySat - c->maxPayableSat));
    const bool yes = m_autoAnswer ? ask(QStringLiteral("settle"), true).toBool()
                                  : QMessageBox::question(this, tr("Settle"), question) == QMessageBox::Yes;
    if (yes)
        QMetaObject::invokeMethod(m_service, [s = m_service, id] { s->settle(id); });
}

void MainWindow::closeChannel()
{
    const QString id = selectedChannel();
    if (!id.isEmpty())
        QMetaObject::invokeMethod(m_service, [s = m_service, id] { s->close(id); });
}

void MainWindow::bumpChannelFee()
{
    const QString id = selectedChannel();
    if (id.isEmpty() || !m_service)
        return;
    m_bumpsChannel.clear(); // reloaded after the bump
    QMetaObject::invokeMethod(m_service, [s = m_service, id] { s->bumpFee(id); });
}

void MainWindow::refundChannel()
{
    const QString id = selectedChannel();
    if (!id.isEmpty())
        QMetaObject::invokeMethod(m_service, [s = m_service, id] { s->refund(id); });
}

void MainWindow::exportPsbt()
{
    const QString id = selectedChannel();
    if (id.isEmpty())
        return;
    const QStringList kinds{QStringLiteral("commitment"), QStringLiteral("refund"), QStringLiteral("settlement")};
    // The user picks among translated names; the service is told the kind.
    const QStringList names{tr("The newest payment (commitment)"), tr("The refund"), tr("The settlement")};
    bool ok = true;
    QString which;
    if (m_autoAnswer) {
        which = ask(QStringLiteral("psbt kind"), kinds.first()).toString();
    } else {
        const QString name = QInputDialog::getItem(this, tr("Export PSBT"), tr("Which transaction?"), names, 0, false, &ok);
        which = kinds.value(static_cast<int>(names.indexOf(name)), kinds.first());
    }
    if (ok)
        QMetaObject::invokeMethod(m_service, [s = m_service, id, which] { s->exportPsbt(id, which); });
}

} // namespace spillway::ui
