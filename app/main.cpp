// spillway: the desktop wallet, on the embedded local chain by default.
#include "MainWindow.h"
#include "chain/LocalChain.h"
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
    p.addOption({QStringLiteral("language"), QStringLiteral("en or zh_CN (default: the system's)."), QStringLiteral("LANG")});
    p.addOption({QStringLiteral("screenshot"), QStringLiteral("Save the window to FILE (PNG) once it has loaded, then quit."),
                 QStringLiteral("FILE")});
    p.process(app);

    // Language: the option, else the saved setting, else the system locale.
    const QString language = p.isSet(QStringLiteral("language"))
                                 ? p.value(QStringLiteral("language"))
                                 : QSettings().value(QStringLiteral("language"), QLocale::system().name()).toString();
    QTranslator qtBase, ours;
    if (qtBase.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtBase);
    if (ours.load(QStringLiteral(":/i18n/spillway_%1.qm").arg(language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                                                        : QStringLiteral("en"))))
        QApplication::installTranslator(&ours);

    const QString dataDir = p.isSet(QStringLiteral("datadir"))
                                ? QDir(p.value(QStringLiteral("datadir"))).absolutePath()
                                : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/spillway/wallet");
    const QString savedChain = QSettings().value(QStringLiteral("chainFile")).toString();
    const QString chainFile = p.isSet(QStringLiteral("chain")) ? QDir().absoluteFilePath(p.value(QStringLiteral("chain")))
                              : !savedChain.isEmpty()          ? savedChain
                                                               : spillway::chain::LocalChain::defaultPath();
    auto *service = new spillway::ui::WalletService(dataDir, chainFile);
    spillway::ui::MainWindow window(service);
    service->startOnThread();
    window.show();
    if (p.isSet(QStringLiteral("screenshot"))) {
        // scripts/screenshot: let the service load and the countdowns tick, then grab the window.
        const QString file = p.value(QStringLiteral("screenshot"));
        QTimer::singleShot(4000, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    const int rc = app.exec();
    delete service; // stops its thread after tearing the core down there
    return rc;
}
