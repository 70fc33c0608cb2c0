#include "TransactionDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spillway::ui {

TransactionDialog::TransactionDialog(const TransactionDetails &tx, int tipHeight, BitcoinUnits::Unit unit, QWidget *parent)
    : QDialog(parent), m_tx(tx)
{
    setObjectName(QStringLiteral("transactionDialog"));
    setWindowTitle(tr("Transaction"));
    const QLocale locale;
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto add = [&](const QString &caption, const QString &value, const char *name) {
        auto *l = new QLabel(value, this);
        l->setObjectName(QString::fromLatin1(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        form->addRow(caption, l);
    };
    add(tr("Transaction ID:"), tx.txid, "txidLabel");
    add(tr("Status:"), tx.height < 0 ? tr("unconfirmed")
                                     : tr("%n confirmation(s), in block %1", nullptr, std::max(tipHeight - tx.height + 1, 1))
                                           .arg(locale.toString(tx.height)),
        "txStatusLabel");
    add(tr("Size:"), tr("%1 vB").arg(locale.toString(tx.vsize)), "txSizeLabel");
    add(tr("Fee:"), tx.feeSat < 0 ? tr("not known (an input's amount is not available)")
                                  : tr("%1 (%2 sat/vB)").arg(BitcoinUnits::format(tx.feeSat, unit),
                                                             locale.toString(tx.vsize ? double(tx.feeSat) / tx.vsize : 0.0, 'f', 1)),
        "txFeeLabel");
    layout->addLayout(form);
    auto table = [&](const QString &title, const QList<TransactionDetails::Part> &parts, const char *name, const QString &whereHeader) {
        layout->addWidget(new QLabel(title, this));
        auto *t = new QTableWidget(static_cast<int>(parts.size()), 2, this);
        t->setObjectName(QString::fromLatin1(name));
        t->setHorizontalHeaderLabels({whereHeader, tr("Amount")});
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int i = 0; i < parts.size(); ++i) {
            const auto &p = parts[i];
            t->setItem(i, 0, new QTableWidgetItem(p.ours ? tr("%1 (this wallet)").arg(p.where) : p.where));
            auto *amount = new QTableWidgetItem(p.valueSat < 0 ? tr("not known") : BitcoinUnits::format(p.valueSat, unit));
            amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            t->setItem(i, 1, amount);
        }
        t->resizeColumnsToContents();
        t->horizontalHeader()->setStretchLastSection(true);
        layout->addWidget(t);
    };
    table(tr("Inputs"), tx.inputs, "txInputsTable", tr("Spends"));
    table(tr("Outputs"), tx.outputs, "txOutputsTable", tr("Pays to"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copyId = buttons->addButton(tr("Copy transaction ID"), QDialogButtonBox::ActionRole);
    copyId->setObjectName(QStringLiteral("copyTxidButton"));
    connect(copyId, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_tx.txid); });
    auto *copyHex = buttons->addButton(tr("Copy raw transaction"), QDialogButtonBox::ActionRole);
    copyHex->setObjectName(QStringLiteral("copyRawHexButton"));
    copyHex->setToolTip(tr("The whole transaction in hex, as a node or a block explorer takes it."));
    connect(copyHex, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_tx.rawHex); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 480);
}

} // namespace spillway::ui
