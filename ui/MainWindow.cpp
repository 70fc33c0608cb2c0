#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

namespace spillway::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Spillway"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("mainTabWidget"));
    auto *channels = new QLabel(tr("No channels yet."), tabs);
    channels->setAlignment(Qt::AlignCenter);
    channels->setObjectName(QStringLiteral("channelsPlaceholderLabel"));
    tabs->addTab(channels, tr("Channels"));
    auto *wallet = new QLabel(tr("The wallet is not set up yet."), tabs);
    wallet->setAlignment(Qt::AlignCenter);
    wallet->setObjectName(QStringLiteral("walletPlaceholderLabel"));
    tabs->addTab(wallet, tr("Wallet"));
    setCentralWidget(tabs);
    statusBar()->showMessage(tr("Network: local chain"));
    resize(960, 600);
}

} // namespace spillway::ui
