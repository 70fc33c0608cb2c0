#include "MarketTabs.h"
#include "BitcoinUnits.h"
#include "AmountField.h"
#include "ImportDialog.h"
#include "MessageDialog.h"
#include "services/WalletService.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace spillway::ui {

namespace {
void fillCatalog(QStandardItemModel *m, const QStringList &names, const QList<qint64> &sizes, const QList<qint64> &prices,
                 const QStringList &hashes)
{
    m->removeRows(0, m->rowCount());
    for (int i = 0; i < names.size(); ++i) {
        QList<QStandardItem *> row{new QStandardItem(names[i]),
                                   new QStandardItem(QObject::tr("%L1 MiB").arg(static_cast<double>(sizes[i]) / (1 << 20), 0, 'f', 1)),
                                   new QStandardItem(BitcoinUnits::format(prices[i], BitcoinUnits::chosen())), new QStandardItem(hashes[i])};
        for (auto *item : row)
            item->setEditable(false);
        row[2]->setData(prices[i], Qt::UserRole);
        m->appendRow(row);
    }
}
} // namespace

SellTab::SellTab(WalletService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_dir = new QLineEdit(this);
    m_dir->setObjectName(QStringLiteral("sellDirLineEdit"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Files to sell"));
        if (!d.isEmpty())
            m_dir->setText(d);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dir);
    dirRow->addWidget(browse);
    form->addRow(tr("Directory:"), dirRow);
    m_price = new AmountField(this); // per MiB, in the chosen unit
    m_price->setObjectName(QStringLiteral("pricePerMibAmountField"));
    m_price->setUnit(BitcoinUnits::chosen());
    m_price->setMaximum(100'000'000);
    m_price->setValue(100);
    form->addRow(tr("Price per MiB:"), m_price);
    m_listen = new QLineEdit(QStringLiteral("127.0.0.1:0"), this);
    m_listen->setObjectName(QStringLiteral("listenLineEdit"));
    form->addRow(tr("Listen on:"), m_listen);
    auto *start = new QPushButton(tr("Start selling"), this);
    start->setObjectName(QStringLiteral("startSellingButton"));
    form->addRow(QString(), start);
    layout->addLayout(form);
    m_status = new QLabel(tr("Not selling."), this);
    m_status->setObjectName(QStringLiteral("sellStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_earnings = new QLabel(this);
    m_earnings->setObjectName(QStringLiteral("sellEarningsLabel"));
    layout->addWidget(m_earnings);
    // Live: the channels we receive on, and what they have paid so far.
    connect(m_service, &WalletService::channelsChanged, this, [this](const QList<ChannelSummary> &list) {
        for (const auto &c : list)
            if (c.role == ChannelSummary::Role::Receiving)
                m_received.insert(c.id, {!c.isFinal(), c.paidSat});
        int open = 0;
        qint64 earned = 0;
        for (const auto &[live, paid] : std::as_const(m_received)) {
            open += live ? 1 : 0;
            earned += paid;
        }
        m_earnings->setText(tr("%n open channel(s) with buyers; earned %1 in all.", nullptr, open).arg(BitcoinUnits::format(earned, BitcoinUnits::chosen())));
    });
    m_catalog = new QStandardItemModel(0, 4, this);
    m_catalog->setHorizontalHeaderLabels({tr("File"), tr("Size"), tr("Price"), tr("SHA-256")});
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("sellCatalogView"));
    table->setModel(m_catalog);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    layout->addWidget(table, 1);
    connect(start, &QPushButton::clicked, this, [this] {
        if (!m_price->value())
            return; // the field says why, in red
        QMetaObject::invokeMethod(m_service, [s = m_service, d = m_dir->text(), p = *m_price->value(), l = m_listen->text()] {
            s->startSelling(d, p, l);
        });
    });
    connect(m_service, &WalletService::offerReady, this, [this](const QString &offer, const QString &endpoint) {
        m_status->setText(tr("Selling on %1. Give buyers this offer (earnings appear in the Channels tab).").arg(endpoint));
        auto *d = new MessageDialog(tr("Offer for buyers"), {offer}, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
    });
    connect(m_service, &WalletService::sellCatalogReady, this,
            [this](const QStringList &n, const QList<qint64> &s, const QList<qint64> &p, const QStringList &h) {
                fillCatalog(m_catalog, n, s, p, h);
            });
}

BuyTab::BuyTab(WalletService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    auto *layout = new QVBoxLayout(this);
    m_offer = new QPlainTextEdit(this);
    m_offer->setObjectName(QStringLiteral("buyOfferTextEdit"));
    m_offer->setPlaceholderText(tr("The provider's offer (spw1…): paste it or import it."));
    m_offer->setMaximumHeight(70);
    layout->addWidget(m_offer);
    auto *row = new QHBoxLayout;
    auto *import = new QPushButton(tr("Import offer…"), this);
    connect(import, &QPushButton::clicked, this, [this] {
        ImportDialog d(tr("Import the provider's offer"), this);
        if (d.exec() == QDialog::Accepted)
            m_offer->setPlainText(d.text());
    });
    auto *list = new QPushButton(tr("List files"), this);
    list->setObjectName(QStringLiteral("listFilesButton"));
    row->addWidget(import);
    row->addWidget(list);
    row->addStretch();
    layout->addLayout(row);
    m_catalog = new QStandardItemModel(0, 4, this);
    m_catalog->setHorizontalHeaderLabels({tr("File"), tr("Size"), tr("Price"), tr("SHA-256")});
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("buyCatalogView"));
    m_table->setModel(m_catalog);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("buyTotalLabel"));
    layout->addWidget(m_total);
    auto *actions = new QHBoxLayout;
    m_download = new QPushButton(tr("Download"), this);
    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("downloadProgressBar"));
    actions->addWidget(m_download);
    actions->addWidget(m_pause);
    actions->addWidget(m_progress, 1);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("buyStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(list, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Connecting…"));
        QMetaObject::invokeMethod(m_service, [s = m_service, o = m_offer->toPlainText()] { s->fetchCatalog(o); });
    });
    connect(m_service, &WalletService::catalogReady, this,
            [this](const QStringList &n, const QList<qint64> &s, const QList<qint64> &p, const QStringList &h) {
                fillCatalog(m_catalog, n, s, p, h);
                m_status->setText(tr("%n file(s) on offer.", nullptr, static_cast<int>(n.size())));
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        m_total->setText(tr("Total: %1, paid piece by piece as the file arrives.")
                             .arg(BitcoinUnits::format(m_catalog->item(rows.first().row(), 2)->data(Qt::UserRole).toLongLong(),
                                                       BitcoinUnits::chosen())));
    });
    connect(m_download, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QString name = m_catalog->item(rows.first().row(), 0)->text();
        const qint64 price = m_catalog->item(rows.first().row(), 2)->data(Qt::UserRole).toLongLong();
        // The user sees the whole price and agrees to it before anything is paid;
        // the purchase is refused if it would cost more.
        if (QMessageBox::question(this, tr("Buy %1").arg(name),
                                  tr("Buy %1 for %2? It is paid piece by piece as the file arrives, and every piece is "
                                     "checked against its SHA-256 before more is paid.")
                                      .arg(name, BitcoinUnits::format(price, BitcoinUnits::chosen()))) != QMessageBox::Yes)
            return;
        const QString out = QFileDialog::getSaveFileName(this, tr("Save the file as"), name);
        if (out.isEmpty())
            return;
        setBusy(true);
        QMetaObject::invokeMethod(m_service, [s = m_service, o = m_offer->toPlainText(), name, out, price] { s->buyFile(o, name, out, 4, price); });
    });
    connect(m_pause, &QPushButton::clicked, this, [this] { m_service->pauseDownload(); });
    connect(m_service, &WalletService::downloadProgress, this, [this](qint64 done, qint64 total, qint64 bytes, qint64 paid) {
        m_progress->setMaximum(static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
        m_status->setText(tr("%L1 bytes received, %2 paid").arg(bytes).arg(BitcoinUnits::format(paid, BitcoinUnits::chosen())));
    });
    connect(m_service, &WalletService::downloadFinished, this, [this](bool ok, const QString &message) {
        setBusy(false);
        m_status->setText(ok ? message : tr("Stopped: %1 Download again to resume.").arg(message));
    });
}

void BuyTab::setBusy(bool busy)
{
    m_download->setEnabled(!busy);
    m_pause->setEnabled(busy);
}

} // namespace spillway::ui
