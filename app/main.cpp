// spillway: the desktop wallet.
#include "MainWindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Spillway"));
    QApplication::setOrganizationName(QStringLiteral("Spillway"));
    QApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));
    spillway::ui::MainWindow window;
    window.show();
    return app.exec();
}
