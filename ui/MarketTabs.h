#pragma once
// The seed's scenario in the window: "Sell" serves a directory of files over
// TLS at a price per MiB, stops, and starts again on the same port (so the
// offer given out stays good); "Buy" takes a provider's offer, lists its files
// and downloads one chunk by chunk, paying as it arrives, saying at each stage
// what happens (connecting, opening the channel, confirmations, the download,
// the check), with pause and resume. Neither holds the wallet's other actions.

#include "services/PurchaseStage.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace spillway::ui {

class WalletService;
class AmountField;

class SellTab : public QWidget {
    Q_OBJECT
public:
    SellTab(WalletService *service, QWidget *parent = nullptr);
    /// The per-wallet setting that keeps the listening endpoint (HOST:PORT).
    static constexpr const char *kListenKey = "sell/listen";

private:
    void showOffer();
    WalletService *m_service;
    QLineEdit *m_dir;
    AmountField *m_price;
    QLineEdit *m_listen;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_showOffer;
    QLabel *m_status;
    QLabel *m_earnings;
    QStandardItemModel *m_catalog;
    QString m_offer;
    /// The channels we receive on: still open, and paid so far. The service sends
    /// only the channels that changed, so the totals are kept here.
    QHash<QString, std::pair<bool, qint64>> m_received;
};

class BuyTab : public QWidget {
    Q_OBJECT
public:
    BuyTab(WalletService *service, QWidget *parent = nullptr);
    /// The stage in the user's words.
    static QString stageText(const PurchaseStage &stage);

private:
    void setBusy(bool busy);
    void showStage(const PurchaseStage &stage);
    void showFailure(const QString &sentence, const QString &details);
    WalletService *m_service;
    QPlainTextEdit *m_offer;
    QStandardItemModel *m_catalog;
    QTableView *m_table;
    QLabel *m_total;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_download;
    QPushButton *m_pause;
    QPushButton *m_openFolder;
    QPushButton *m_details;
    QString m_doneFolder;
    QString m_failureDetails;
};

} // namespace spillway::ui
