#pragma once
// The Spillway main window: channels (table, countdowns, detail) and wallet tabs
// over a WalletService; actions on the toolbar, in menus and with shortcuts.

#include "ImportDialog.h"
#include "BitcoinUnits.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QSortFilterProxyModel;
class QPushButton;

namespace spillway::ui {

class ChannelTableModel;
class PaymentHistoryModel;
class WalletHistoryModel;
class WalletService;
class MessageDialog;
class BalanceBar;
class SendPanel;
class ReceivePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Without a service the window shows what it can (tests of the bare window).
    explicit MainWindow(WalletService *service = nullptr, QWidget *parent = nullptr);

    ChannelTableModel *channelModel() const { return m_model; }
    /// The selected channel's id, or empty.
    QString selectedChannel() const;
    /// Test hook: the dialog most recently shown with messages for the peer.
    MessageDialog *lastMessageDialog() const { return m_lastMessage; }
    /// Test hook: the Import window most recently opened (it may be scanning on).
    ImportDialog *importDialog() const { return m_importDialog; }
    /// Test hook: answer for the next question the window asks (a pay amount, a confirmation).
    void setAutoAnswer(std::function<QVariant(const QString &question)> answer) { m_autoAnswer = std::move(answer); }

Q_SIGNALS:
    void importRequested(const QString &text);

public Q_SLOTS:
    void newOffer();
    void openChannel();
    void payChannel();
    void importMessage();
    /// Import, keeping on scanning a region of the screen the user drags at once.
    void scanScreen();
    /// A code read by an Import window: an offer opens the Open-channel wizard on it,
    /// anything else goes to the service.
    void importCode(const QString &text);
    void settleChannel();
    void closeChannel();
    void refundChannel();
    void bumpChannelFee();
    void exportPsbt();

private:
    void buildChannelsTab(class QTabWidget *tabs);
    void buildWalletTab(class QTabWidget *tabs);
    void showMessages(const QString &title, const QStringList &texts);
    void updateActions();
    void applySettings();
    void showBalances();
    QString selectedTransaction() const;
    void showTransaction();
    void exportHistory();
    void firstRun();
    void showRecoveryPhrase();
    /// The wallet's seed is locked: its password before the wallet is used (WalletService::unlockWallet).
    void askWalletPassword(bool wrongBefore);
    void fitChannelColumns();
    QVariant ask(const QString &question, const QVariant &fallback);

    WalletService *m_service;
    ChannelTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    PaymentHistoryModel *m_payments;
    WalletHistoryModel *m_history;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QString m_bumpsChannel;   ///< the channel m_bumpLines describe
    QStringList m_bumpLines;  ///< its fee situation and bumps (WalletService::loadBumps)
    QLabel *m_tipLabel = nullptr;
    QLabel *m_networkLabel = nullptr;
    QLabel *m_balanceLabels[4] = {};
    BalanceBar *m_balanceBar = nullptr;
    SendPanel *m_sendPanel = nullptr;
    ReceivePanel *m_receivePanel = nullptr;
    QTableView *m_historyView = nullptr;
    int m_tipHeight = 0;
    QString m_networkName;      ///< as the service said it is ready ("local", "main", ...)
    qint64 m_feeEstimate = 0;   ///< sat/kvB for about 6 blocks, 0 until the chain says
    qint64 m_spendable = -1;    ///< -1 until the first balances
    bool m_columnsFitToTip = false;
    BitcoinUnits::Unit m_sendUnit = BitcoinUnits::Unit::Sat;
    QAction *m_newOffer, *m_open, *m_pay, *m_import, *m_settle, *m_close, *m_refund, *m_export;
    QAction *m_bump = nullptr;
    class OffersInTable *m_offerRows = nullptr; ///< outstanding offers as rows, with Show/Copy/Withdraw
    QPointer<class PayDialog> m_payDialog;      ///< open while the user pays on
    QPointer<class OpenChannelWizard> m_wizard; ///< the Open-channel wizard while it is open
    QAction *m_scan = nullptr;
    /// Opens the wizard; on a scanned offer it starts at the terms, Finish ready.
    void openChannelWith(const QString &offerText);
    MessageDialog *m_lastMessage = nullptr;
    QPointer<ImportDialog> m_importDialog; ///< answers go here while it keeps scanning
    std::function<QVariant(const QString &)> m_autoAnswer;
};

} // namespace spillway::ui
