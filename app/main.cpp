// spillway: the desktop wallet, on the embedded local chain by default.
#include "MainWindow.h"
#include "WalletChain.h"
#include "WalletSettings.h"
#include "chain/ChainSettings.h"
#include "services/WalletService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("spillway"));
    QApplication::setOrganizationName(QStringLiteral("Spillway"));
    QApplication::setApplicationDisplayName(QStringLiteral("Spillway"));
    QApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/spillway.svg")));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Spillway: a wallet for Bitcoin micropayment channels."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("datadir"), QStringLiteral("Wallet data directory."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("chain"), QStringLiteral("Local chain file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("network"), QStringLiteral("local, regtest, signet, testnet, testnet4 or main (default: Settings, else local)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("rpc-url"), QStringLiteral("Bitcoin Core JSON-RPC address."), QStringLiteral("URL")});
    p.addOption({QStringLiteral("rpc-cookie"), QStringLiteral("Core's cookie file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("rpc-user"), QStringLiteral("RPC user name."), QStringLiteral("USER")});
    p.addOption({QStringLiteral("rpc-password"), QStringLiteral("RPC password."), QStringLiteral("PASSWORD")});
    p.addOption({QStringLiteral("language"), QStringLiteral("en or zh_CN (default: the system's)."), QStringLiteral("LANG")});
    p.addOption({QStringLiteral("screenshot"), QStringLiteral("Save the window to FILE (PNG) once it has loaded, then quit."),
                 QStringLiteral("FILE")});
    p.process(app);

    // Language: the option, else the saved setting, else the system locale.
    QString language = p.isSet(QStringLiteral("language")) ? p.value(QStringLiteral("language"))
                                                           : QSettings().value(QStringLiteral("language"), QLocale::system().name()).toString();
    // No locale at all (LANG unset: "C"): English with its digit grouping, not bare "505000000000 sat".
    if (language.isEmpty() || language == QLatin1String("C") || language == QLatin1String("POSIX"))
        language = QStringLiteral("en_US");
    // Dates and numbers in the language chosen (QLocale() everywhere in the window).
    QLocale::setDefault(QLocale(language));
    QTranslator qtBase, ours;
    if (qtBase.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtBase);
    if (ours.load(QStringLiteral(":/i18n/spillway_%1.qm").arg(language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                                                        : QStringLiteral("en"))))
        QApplication::installTranslator(&ours);

    // The wallet: --datadir, else the network's default one, else the one Settings chose.
    std::optional<spillway::bitcoin::NetworkId> net;
    if (p.isSet(QStringLiteral("network"))) {
        net = spillway::bitcoin::networkFromName(p.value(QStringLiteral("network")).toStdString());
        if (!net) {
            std::fprintf(stderr, "INVALID_ARGUMENT: unknown network '%s'\n", qPrintable(p.value(QStringLiteral("network"))));
            return 2;
        }
    }
    const QString dataDir = p.isSet(QStringLiteral("datadir")) ? QDir(p.value(QStringLiteral("datadir"))).absolutePath()
                            : net                              ? spillway::chain::defaultDataDir(*net)
                                                               : spillway::ui::WalletChain::defaultWallet();
    // The chain: options first, then what Settings saved for this wallet, else the local chain.
    spillway::chain::ChainSettings chain = spillway::ui::WalletChain::load(spillway::ui::WalletSettings::groupFor(dataDir));
    if (net) {
        if (*net != chain.network)
            chain = spillway::chain::ChainSettings{};
        chain.network = *net;
    }
    if (p.isSet(QStringLiteral("chain")))
        chain.chainFile = QDir().absoluteFilePath(p.value(QStringLiteral("chain")));
    if (p.isSet(QStringLiteral("rpc-url")))
        chain.rpc.url = QUrl(p.value(QStringLiteral("rpc-url")));
    if (p.isSet(QStringLiteral("rpc-cookie")))
        chain.rpc.cookieFile = p.value(QStringLiteral("rpc-cookie"));
    if (p.isSet(QStringLiteral("rpc-user")))
        chain.rpc.user = p.value(QStringLiteral("rpc-user"));
    if (p.isSet(QStringLiteral("rpc-password")))
        chain.rpc.password = p.value(QStringLiteral("rpc-password"));
    auto *service = new spillway::ui::WalletService(dataDir, chain);
    spillway::ui::MainWindow window(service);
    service->startOnThread();
    window.show();
    if (p.isSet(QStringLiteral("screenshot"))) {
        // scripts/screenshot: let the service load and the countdowns tick, then grab the window.
        const QString file = p.value(QStringLiteral("screenshot"));
        // On a first run the first-run dialog is what the user sees: it is grabbed instead.
        QTimer::singleShot(4000, &window, [&window, file] {
            QWidget *shown = &window;
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->isVisible() && w->objectName() == QLatin1String("firstRunDialog"))
                    shown = w;
            shown->grab().save(file);
            // exit, not quit: quit closes the window first, and with channels open the
            // window asks whether to keep watching (a question nobody answers here).
            QCoreApplication::exit(0);
        });
    }
    const int rc = app.exec();
    delete service; // stops its thread after tearing the core down there
    return rc;
}
