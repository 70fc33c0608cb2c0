// spillway-cli: the headless wallet. Commands arrive with their issues.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spillway-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Spillway: a wallet for one-way Bitcoin micropayment channels (headless)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Command to run."));
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "UNKNOWN_COMMAND: '%s' is not a spillway-cli command. See --help.\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    parser.showHelp(0);
}
