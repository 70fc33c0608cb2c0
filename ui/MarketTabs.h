#pragma once
// The seed's scenario in the window: "Sell" serves a directory of files over
// TLS at a price per MiB; "Buy" takes a provider's offer, lists its files and
// downloads one chunk by chunk, paying as it arrives, with pause and resume.

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

private:
    WalletService *m_service;
    QLineEdit *m_dir;
    AmountField *m_price;
    QLineEdit *m_listen;
    QLabel *m_status;
    QLabel *m_earnings;
    QStandardItemModel *m_catalog;
    /// The channels we receive on: still open, and paid so far. The service sends
    /// only the channels that changed, so the totals are kept here.
    QHash<QString, std::pair<bool, qint64>> m_received;
};

class BuyTab : public QWidget {
    Q_OBJECT
public:
    BuyTab(WalletService *service, QWidget *parent = nullptr);

private:
    void setBusy(bool busy);
    WalletService *m_service;
    QPlainTextEdit *m_offer;
    QStandardItemModel *m_catalog;
    QTableView *m_table;
    QLabel *m_total;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_download;
    QPushButton *m_pause;
};

} // namespace spillway::ui
