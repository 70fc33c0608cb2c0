#pragma once
// The GUI's one door into the core: a QObject on its own thread that owns the
// chain backend, the wallet, the channel store and engine. The window calls its
// slots (queued) and hears back through signals, so signing, storing and chain
// calls never block the window. Models get plain snapshots (ChannelSummary).

#include "bitcoin/Transaction.h"
#include "chain/ChainSettings.h"
#include "common/Bytes.h"
#include "common/Result.h"
#include "models/ChannelSummary.h"
#include "models/HistoryModels.h"
#include "models/TransactionDetails.h"
#include "services/UpdateThrottle.h"
#include "wallet/Wallet.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <optional>
#include <mutex>

#include <memory>

namespace spillway::chain {
}
namespace spillway::store {
class ChannelStore;
class LabelStore;
}
namespace spillway::channel {
class ChannelEngine;
struct WatchEvent;
}
namespace spillway::backup {
class BackupWriter;
}

namespace spillway::ui {

class ChannelFeed;
class PurchaseRunner;
class SellService;
class SystemctlRunner;

struct BalanceSummary {
    qint64 confirmed = 0, unconfirmed = 0, immature = 0, inChannels = 0;
};

class WalletService : public QObject {
    Q_OBJECT
public:
    WalletService(QString dataDir, chain::ChainSettings chain);
    /// On the local chain in `chainFile`.
    WalletService(QString dataDir, QString chainFile);
    ~WalletService() override;

    /// The chain it was made for (set at construction: safe from any thread).
    const chain::ChainSettings &chainSettings() const { return m_chainSettings; }
    /// The wallet's data directory (set at construction: safe from any thread).
    const QString &dataDir() const { return m_dataDir; }
    /// Moves the service to its own thread and starts it.
    void startOnThread();

public Q_SLOTS:
    void start();
    /// First run: a new wallet from a fresh phrase shown once (walletCreated) - the
    /// tests' and scripts' path; the window's first-run dialog uses restoreWallet.
    void createNewWallet();
    /// First run: the wallet from `phrase`; `fresh` when it was made a moment ago
    /// (no coins to look for before today's tip).
    void restoreWallet(const QString &phrase, bool fresh);
    /// Wallet → Show recovery phrase: answers recoveryPhraseReady, or failed. With a
    /// wallet password set, `password` must be it (WRONG_PASSWORD otherwise).
    void showRecoveryPhrase(const SecretBytes &password = {});
    /// At start, the wallet password (passwordNeeded asked for it): the wallet opens,
    /// or passwordNeeded is asked again after a wrong one (WalletServicePassword.cpp).
    void unlockWallet(const SecretBytes &password);
    /// Settings: sets (`current` empty), changes or removes (`next` empty) the wallet
    /// password; answers passwordChanged, or failed (WRONG_PASSWORD: nothing changed).
    void changePassword(const SecretBytes &current, const SecretBytes &next);
    void refresh();
    void createOffer(const QString &label);
    /// Takes back an outstanding offer (its key, hex): a proposal for it is then refused.
    void withdrawOffer(const QString &offerKey);
    void openChannel(const QString &offerText, qint64 capacitySat, int expiryBlocks, bool refundVariant, qint64 commitFeeSat = 0);
    /// Text messages (one per line) or a base64 PSBT, from a QR code, the clipboard or a file.
    void importText(const QString &text);
    void pay(const QString &channelId, qint64 amountSat);
    void settle(const QString &channelId);
    void close(const QString &channelId);
    void refund(const QString &channelId);
    void exportPsbt(const QString &channelId, const QString &which);
    void mine(int blocks);
    void newReceiveAddress();
    void send(const QString &address, qint64 amountSat);
    /// Send, first step: prices the payment (amountSat 0: Max) at `feeRateSatPerKvB`
    /// (0: the chain's estimate for 6 blocks) and signs it without sending it;
    /// answers sendPreviewReady, or failed.
    void previewSend(const QString &address, qint64 amountSat, qint64 feeRateSatPerKvB, const QString &label = {});
    /// The user's label for a wallet transaction (empty: none), kept in labels.sqlite.
    void setTransactionLabel(const QString &txid, const QString &label);
    /// Send, second step: broadcasts exactly the previewed payment; answers sent.
    void confirmSend();
    void cancelSend();
    /// The chain's fee estimates for about 2, 6 and 24 blocks (feeEstimates).
    void estimateFees();
    void loadPayments(const QString &channelId);
    /// A closing channel's fee situation and bumps (FeeView in the detail pane).
    void loadBumps(const QString &channelId);
    /// Raises the fee of the channel's waiting settlement, refund or funding by a child (CPFP).
    void bumpFee(const QString &channelId);
    /// Raises the fee of an unconfirmed wallet transaction: RBF for our own send, CPFP otherwise.
    void bumpTransaction(const QString &txid);
    /// A wallet transaction in full, from the chain (transactionLoaded).
    void loadTransaction(const QString &txid);
    /// Sell: serve the files of `dir` over TLS (seller() answers started and catalogReady).
    void startSelling(const QString &dir, qint64 pricePerMiB, const QString &listen);
    /// Sell: close the listener; channels and earnings stay (seller() answers stopped).
    void stopSelling();
    /// Buy: connect to the offer's provider and list its files (purchases() answers catalogReady).
    void fetchCatalog(const QString &offerText);
    /// Buy: download (or resume) `file` into `outPath`, paying per chunk, off this
    /// thread (purchases() tells each stage; downloadFinished at the end).
    /// `maxPrice`: the price the user confirmed; a purchase costing more is refused (PRICE_TOO_HIGH).
    void buyFile(const QString &offerText, const QString &file, const QString &outPath, int lead, qint64 maxPrice);
    /// Backups go to `folder` (empty: off), the setting `spillway-cli backup folder`
    /// shares; the first is written at once. Answers backupStatusChanged (or failed).
    void setBackupFolder(const QString &folder);
    /// Installs (or removes) the systemd user service that watches this data directory
    /// while the window is closed (BackgroundWatcher). Answers info or failed.
    void setBackgroundWatcher(bool on);

public:
    /// Whether the wallet's seed is locked with a password (known once it opened; any thread).
    bool hasPassword() const { return m_hasPassword.load(); }
    /// Whether the background watcher's unit is installed for this data directory.
    bool backgroundWatcherInstalled() const;
    /// First run: restore from this recovery phrase and backup file instead of
    /// creating a wallet (before start; the phrase is wiped once used).
    void setRestoreFromBackup(SecretBytes phrase, const QString &backupFile);
    /// First run in the window: the wallet and its channels from the words and a backup file.
    void restoreFromBackup(SecretBytes phrase, const QString &backupFile);
    /// Tests: systemctl through `runner` (not owned; null: the real one).
    void setSystemctlRunner(SystemctlRunner *runner) { m_systemctl = runner; }

public:
    /// Sell's provider and Buy's purchases: they live on this service's thread, and
    /// the tabs hear them directly (PurchaseRunner::pause is thread-safe).
    SellService *seller() const { return m_sell; }
    PurchaseRunner *purchases() const { return m_purchases; }

Q_SIGNALS:
    void downloadFinished(bool ok, const QString &message);
    void paymentsLoaded(const QString &channelId, const QList<spillway::ui::PaymentRow> &rows);
    /// Lines in the user's language: the closing transaction's feerate, the blocks left, each bump.
    void bumpsLoaded(const QString &channelId, const QStringList &lines);
    void historyChanged(const QList<spillway::ui::WalletTxRow> &rows);
    void transactionLoaded(const spillway::ui::TransactionDetails &details);
    void ready(const QString &networkName, const QString &backend);
    /// First run: the recovery phrase of the wallet createNewWallet made.
    void walletCreated(const QString &mnemonic);
    /// First run: there is no wallet in the data directory yet (create or restore).
    void walletMissing();
    void recoveryPhraseReady(const QString &words);
    /// The wallet's seed is locked with a password: the window asks for it (unlockWallet).
    /// `wrongBefore`: the last one given was not it.
    void passwordNeeded(bool wrongBefore);
    /// The wallet password was set, changed (true) or removed (false).
    void passwordChanged(bool hasPassword);
    /// Something went wrong: a sentence in the user's language, and the code with its
    /// technical context (`details`) for a Details expander.
    void failed(const QString &code, const QString &sentence, const QString &details);
    /// `blockInterval`: seconds per block lately (ChainBackend::blockInterval), 0 when
    /// blocks come on request and only a number of blocks means anything.
    void tipChanged(int height, qint64 time, int blockInterval);
    void channelsChanged(const QList<spillway::ui::ChannelSummary> &channels);
    /// Every outstanding offer (ChannelSummary::isOfferOnly), after each offer made or withdrawn.
    void offersChanged(const QList<spillway::ui::ChannelSummary> &offers);
    /// The wallet's coins, and what is in open channels: ours locked in channels we
    /// pay through, and what channels we receive on have paid us so far.
    void balanceChanged(qint64 confirmed, qint64 unconfirmed, qint64 immature, qint64 payingInChannels, qint64 receivingInChannels);
    void receiveAddressChanged(const QString &address);
    /// Messages for the peer: `title` says what they are ("Offer", "Payment 3", ...).
    void messagesReady(const QString &title, const QStringList &texts);
    void info(const QString &text);
    /// openChannel was refused (after `failed`): the terms as given, and why in a sentence.
    void openChannelFailed(const QString &offerText, qint64 capacitySat, int expiryBlocks, bool refundVariant, qint64 commitFeeSat,
                           const QString &sentence);
    /// Something the watcher did by itself (an automatic settlement or refund, a closing
    /// confirmed): a title and a sentence for a notification.
    void announced(const QString &title, const QString &sentence);
    void sendPreviewReady(const QString &address, qint64 amountSat, qint64 feeSat, qint64 feeRateSatPerKvB, qint64 vsize,
                          qint64 changeSat, bool max);
    void sent(const QString &txid, qint64 amountSat, qint64 feeSat);
    /// sat/kvB for about 2, 6 and 24 blocks (0 where the chain had no estimate).
    void feeEstimates(qint64 fast, qint64 normal, qint64 slow);
    /// After every change of channels and every backup problem: where backups go (empty:
    /// nowhere), when the newest was written (invalid: never), whether the folder can be
    /// written, how many channels are open or closing, and the newest write's problem.
    void backupStatusChanged(const QString &folder, const QDateTime &lastWritten, bool writable, int channelsToWatch,
                             const QString &problem);

private:
    void report(const Error &e);
    /// The channel named by `channelId`, or nullopt (reported) when there is none.
    std::optional<bitcoin::OutPoint> channelOf(const QString &channelId);
    /// Everything the window shows: tip, history, balances and the changed channels.
    void publish();
    /// The wallet exists: open it (asking for its password when it has one), then startWallet.
    void openWallet();
    /// The wallet open and its keys at hand: the store and the engine, and tell the window.
    void startWallet(std::unique_ptr<wallet::Wallet> w);
    /// After a broadcast: the wallet looks for its new coins (change), then publish().
    void syncAndPublish();
    /// Only the channels written since the last publish (and the balances they move).
    void publishChannels(bool balanceToo);
    void publishBackupStatus(int channelsToWatch);
    void publishOffers();
    void announce(const channel::WatchEvent &event);
    /// Restores from m_restorePhrase and m_restoreBackup; false (reported) when refused.
    bool restoreFromBackupFile();

    QString m_dataDir;
    chain::ChainSettings m_chainSettings;
    QThread m_thread;
    std::unique_ptr<chain::ChainBackend> m_chain;
    std::unique_ptr<wallet::Wallet> m_wallet;
    std::unique_ptr<wallet::Wallet> m_lockedWallet; ///< open, waiting for its password (unlockWallet)
    std::atomic<bool> m_hasPassword{false};
    std::unique_ptr<store::ChannelStore> m_store;
    std::unique_ptr<channel::ChannelEngine> m_engine;
    std::unique_ptr<backup::BackupWriter> m_backups; ///< writes after every commit of m_store
    int m_channelsToWatch = -1; // -1: not published yet
    int m_blockInterval = -1;   // seconds per block as last asked; -1: not yet
    static constexpr int kMempoolPollMs = 5000; // how often the wallet looks for unconfirmed coins between blocks
    int m_blockIntervalAt = -1; // the height it was asked at
    SystemctlRunner *m_systemctl = nullptr;
    SecretBytes m_restorePhrase;
    QString m_restoreBackup;
    SellService *m_sell;            ///< a child: moves to the service's thread with it
    PurchaseRunner *m_purchases;    ///< a child, as m_sell
    std::unique_ptr<ChannelFeed> m_feed;
    std::unique_ptr<store::LabelStore> m_labels;
    wallet::Balance m_walletBalance;
    struct PendingSend {
        wallet::Wallet::Prepared prepared;
        QString address;
        QString label; ///< the payment request's, kept as the transaction's label
    };
    std::optional<PendingSend> m_pendingSend; ///< previewed, waiting for the user's yes
};

} // namespace spillway::ui

Q_DECLARE_METATYPE(QList<spillway::ui::ChannelSummary>)
