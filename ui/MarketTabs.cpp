#include "MarketTabs.h"
#include "AmountField.h"
#include "BitcoinUnits.h"
#include "ByteSize.h"
#include "ImportDialog.h"
#include "MessageDialog.h"
#include "WalletSettings.h"
#include "services/PurchaseRunner.h"
#include "services/SellService.h"
#include "services/WalletService.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace spillway::ui {

namespace {
void fillCatalog(QStandardItemModel *m, const QStringList &names, const QList<qint64> &sizes, const QList<qint64> &prices,
                 const QStringList &hashes)
{
    m->removeRows(0, m->rowCount());
    for (int i = 0; i < names.size(); ++i) {
        QList<QStandardItem *> row{new QStandardItem(names[i]), new QStandardItem(ByteSize::format(sizes[i])),
                                   new QStandardItem(BitcoinUnits::format(prices[i], BitcoinUnits::chosen())), new QStandardItem(hashes[i])};
        for (auto *item : row)
            item->setEditable(false);
        row[1]->setData(sizes[i], Qt::UserRole);
        row[2]->setData(prices[i], Qt::UserRole);
        m->appendRow(row);
    }
}

QString amount(qint64 sat)
{
    return BitcoinUnits::format(sat, BitcoinUnits::chosen());
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
    // The port this wallet listened on before (so its offer stays good), else a free one.
    m_listen = new QLineEdit(WalletSettings::valueFor(m_service->dataDir(), QLatin1String(kListenKey), QStringLiteral("127.0.0.1:0")).toString(),
                             this);
    m_listen->setObjectName(QStringLiteral("listenLineEdit"));
    m_listen->setToolTip(tr("HOST:PORT. Port 0 picks a free port the first time; it is kept, so the offer buyers have stays good."));
    form->addRow(tr("Listen on:"), m_listen);
    m_start = new QPushButton(tr("Start selling"), this);
    m_start->setObjectName(QStringLiteral("startSellingButton"));
    m_stop = new QPushButton(tr("Stop selling"), this);
    m_stop->setObjectName(QStringLiteral("stopSellingButton"));
    m_stop->setEnabled(false);
    m_showOffer = new QPushButton(tr("Show offer"), this);
    m_showOffer->setObjectName(QStringLiteral("showOfferButton"));
    m_showOffer->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_showOffer);
    buttons->addStretch();
    form->addRow(QString(), buttons);
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
        m_earnings->setText(tr("%n open channel(s) with buyers; earned %1 in all.", nullptr, open).arg(amount(earned)));
    });
    m_catalog = new QStandardItemModel(0, 4, this);
    m_catalog->setHorizontalHeaderLabels({tr("File"), tr("Size"), tr("Price"), tr("SHA-256")});
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("sellCatalogView"));
    table->setModel(m_catalog);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    layout->addWidget(table, 1);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_price->value())
            return; // the field says why, in red
        QMetaObject::invokeMethod(m_service, [s = m_service, d = m_dir->text(), p = *m_price->value(), l = m_listen->text()] {
            s->startSelling(d, p, l);
        });
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_stop->setEnabled(false);
        QMetaObject::invokeMethod(m_service, [s = m_service] { s->stopSelling(); });
    });
    connect(m_showOffer, &QPushButton::clicked, this, &SellTab::showOffer);
    SellService *seller = m_service->seller();
    connect(seller, &SellService::started, this, [this](const QString &offer, const QString &endpoint) {
        // The port it took is kept: Start after Stop, or after a restart, listens there
        // again and gives the same offer.
        WalletSettings::setValueFor(m_service->dataDir(), QLatin1String(kListenKey), endpoint);
        m_listen->setText(endpoint);
        m_listen->setEnabled(false);
        m_offer = offer;
        m_start->setEnabled(false);
        m_stop->setEnabled(true);
        m_showOffer->setEnabled(true);
        m_status->setText(tr("Selling on %1. Give buyers this offer (earnings appear in the Channels tab).").arg(endpoint));
        showOffer();
    });
    connect(seller, &SellService::stopped, this, [this] {
        m_listen->setEnabled(true);
        m_start->setEnabled(true);
        m_stop->setEnabled(false);
        m_showOffer->setEnabled(false);
        m_status->setText(tr("Stopped: buyers cannot connect. Channels and earnings stay as they are; Start sells again on %1 "
                             "with the same offer.")
                              .arg(m_listen->text()));
    });
    connect(seller, &SellService::failed, this, [this](const QString &, const QString &sentence, const QString &) {
        m_start->setEnabled(true);
        m_status->setText(tr("Not selling: %1").arg(sentence));
    });
    connect(seller, &SellService::catalogReady, this,
            [this](const QStringList &n, const QList<qint64> &s, const QList<qint64> &p, const QStringList &h) {
                fillCatalog(m_catalog, n, s, p, h);
            });
}

void SellTab::showOffer()
{
    auto *d = new MessageDialog(tr("Offer for buyers"), {m_offer}, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
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
    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("buyStatusLabel"));
    m_status->setWordWrap(true);
    m_openFolder = new QPushButton(tr("Open folder"), this);
    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_openFolder->hide();
    m_details = new QPushButton(tr("Details…"), this);
    m_details->setObjectName(QStringLiteral("buyDetailsButton"));
    m_details->hide();
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_openFolder);
    statusRow->addWidget(m_details);
    layout->addLayout(statusRow);

    PurchaseRunner *purchases = m_service->purchases();
    connect(list, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Connecting…"));
        m_details->hide();
        QMetaObject::invokeMethod(m_service, [s = m_service, o = m_offer->toPlainText()] { s->fetchCatalog(o); });
    });
    connect(purchases, &PurchaseRunner::catalogReady, this,
            [this](const QStringList &n, const QList<qint64> &s, const QList<qint64> &p, const QStringList &h) {
                fillCatalog(m_catalog, n, s, p, h);
                m_status->setText(tr("%n file(s) on offer.", nullptr, static_cast<int>(n.size())));
            });
    connect(purchases, &PurchaseRunner::failed, this, [this](const QString &, const QString &sentence, const QString &details) {
        showFailure(sentence, details);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        m_total->setText(tr("Total: %1, paid piece by piece as the file arrives.")
                             .arg(amount(m_catalog->item(rows.first().row(), 2)->data(Qt::UserRole).toLongLong())));
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
                                      .arg(name, amount(price))) != QMessageBox::Yes)
            return;
        const QString out = QFileDialog::getSaveFileName(this, tr("Save the file as"), name);
        if (out.isEmpty())
            return;
        setBusy(true);
        QMetaObject::invokeMethod(m_service, [s = m_service, o = m_offer->toPlainText(), name, out, price] { s->buyFile(o, name, out, 4, price); });
    });
    // Straight to the purchase, not through the service's queue: it may be busy.
    connect(m_pause, &QPushButton::clicked, this, [purchases] { purchases->pause(); });
    connect(purchases, &PurchaseRunner::stageChanged, this, &BuyTab::showStage);
    connect(m_openFolder, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_doneFolder)); });
    connect(m_details, &QPushButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Information, tr("Details"), m_status->text(), QMessageBox::Ok, this);
        box.setDetailedText(m_failureDetails);
        box.exec();
    });
}

QString BuyTab::stageText(const PurchaseStage &s)
{
    using Step = PurchaseStage::Step;
    switch (s.step) {
    case Step::Connecting:
        return tr("Connecting to the provider…");
    case Step::OpeningChannel:
        return tr("Opening a channel with the provider…");
    case Step::WaitingConfirmations:
        return tr("Waiting for %1 of %2 confirmations of the channel's funding; the download starts by itself.")
            .arg(QLocale().toString(s.confirmations), QLocale().toString(s.confirmationsNeeded));
    case Step::Downloading:
        if (s.bytesPerSecond <= 0)
            return tr("Downloading: %1 of %2, %3 paid.").arg(ByteSize::format(s.bytes), ByteSize::format(s.totalBytes), amount(s.paidSat));
        return tr("Downloading at %1: %2 of %3, %4 paid.")
            .arg(ByteSize::formatRate(s.bytesPerSecond), ByteSize::format(s.bytes), ByteSize::format(s.totalBytes), amount(s.paidSat));
    case Step::Verifying:
        return tr("Verifying the whole file against its SHA-256…");
    case Step::Done:
        return tr("Done: %1 (%2, %3 paid), SHA-256 checked.")
            .arg(QDir::toNativeSeparators(s.path), ByteSize::format(s.bytes), amount(s.paidSat));
    case Step::Failed:
        return s.paused ? tr("Paused. Download again to resume.") : tr("Stopped: %1 Download again to resume.").arg(s.message);
    }
    return {};
}

void BuyTab::showStage(const PurchaseStage &s)
{
    using Step = PurchaseStage::Step;
    m_status->setText(stageText(s));
    m_details->setVisible(s.step == Step::Failed && !s.paused);
    m_failureDetails = s.details;
    m_openFolder->setVisible(s.step == Step::Done);
    switch (s.step) {
    case Step::Connecting:
    case Step::OpeningChannel:
    case Step::WaitingConfirmations:
        setBusy(true);
        m_progress->setRange(0, 0); // busy: something happens, the bar cannot say how much
        break;
    case Step::Downloading:
    case Step::Verifying:
        setBusy(true);
        m_progress->setRange(0, static_cast<int>(s.chunks));
        m_progress->setValue(static_cast<int>(s.chunksDone));
        break;
    case Step::Done:
        setBusy(false);
        m_progress->setRange(0, static_cast<int>(s.chunks));
        m_progress->setValue(static_cast<int>(s.chunks));
        m_doneFolder = QFileInfo(s.path).absolutePath();
        break;
    case Step::Failed:
        setBusy(false);
        if (m_progress->maximum() == 0)
            m_progress->setRange(0, 1); // not busy any more
        break;
    }
}

void BuyTab::showFailure(const QString &sentence, const QString &details)
{
    m_status->setText(sentence);
    m_failureDetails = details;
    m_details->show();
    m_openFolder->hide();
}

void BuyTab::setBusy(bool busy)
{
    m_download->setEnabled(!busy);
    m_pause->setEnabled(busy);
}

} // namespace spillway::ui
