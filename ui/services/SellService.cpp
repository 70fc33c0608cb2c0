#include "SellService.h"

#include "UpdateThrottle.h"
#include "channel/ChannelEngine.h"
#include "transport/FileProvider.h"
#include "transport/PaymentServer.h"
#include "transport/Seller.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QTcpServer>

namespace spillway::ui {

namespace {
/// The port another program holds, or 0: "cannot listen" told apart from other failures.
quint16 portTaken(const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    const quint16 port = listen.mid(colon + 1).toUShort();
    if (colon <= 0 || port == 0)
        return 0;
    QTcpServer probe;
    if (probe.listen(QHostAddress(listen.left(colon)), port))
        return 0;
    return probe.serverError() == QAbstractSocket::AddressInUseError ? port : 0;
}
} // namespace

SellService::SellService(QObject *parent) : QObject(parent), m_changed(new UpdateThrottle(200, this))
{
    // Payments arrive in streams: the table follows at a fixed rate (at most
    // 200 ms behind), never once per payment and never starved by the stream.
    connect(m_changed, &UpdateThrottle::fire, this, &SellService::channelsChanged);
}

SellService::~SellService() = default;

void SellService::start(channel::ChannelEngine &engine, wallet::Wallet &wallet, int tipHeight, const QString &dir, qint64 pricePerMiB,
                        const QString &listen)
{
    stop();
    transport::SellerOptions options;
    options.dir = dir;
    options.pricePerMiB = pricePerMiB;
    options.listen = listen.trimmed();
    options.label = tr("Files from %1").arg(QDir(dir).dirName()).toStdString();
    auto seller = transport::startSelling(engine, wallet, options);
    if (!seller) {
        const Error &e = seller.error();
        const QString code = QString::fromLatin1(errorCodeName(e.code).data());
        const QString details = QStringLiteral("%1: %2").arg(code, QString::fromStdString(e.context));
        if (const quint16 port = portTaken(options.listen))
            Q_EMIT failed(code,
                          tr("Port %1 is in use by another program. Close that program and start again, or change the port "
                             "in \"Listen on\" (buyers then need the new offer).")
                              .arg(port),
                          details);
        else
            Q_EMIT failed(code, QCoreApplication::translate("ErrorCode", errorCodeSentence(e.code).data()), details);
        return;
    }
    m_provider = std::move(seller->files);
    m_server = std::move(seller->server);
    m_server->setTipHeight(tipHeight);
    connect(m_server.get(), &transport::PaymentServer::channelsChanged, m_changed, &UpdateThrottle::poke);
    QStringList names, hashes;
    QList<qint64> sizes, prices;
    for (const auto &e : m_provider->catalog()) {
        names << e.name;
        sizes << e.size;
        prices << e.priceThrough(e.chunks() - 1);
        hashes << e.sha256;
    }
    Q_EMIT catalogReady(names, sizes, prices, hashes);
    Q_EMIT started(QString::fromStdString(channel::messageToText(seller->offer)), QString::fromStdString(seller->offer.endpoint));
}

void SellService::stop()
{
    if (!m_server)
        return;
    // The listener and the connections close; the channels and what they paid stay in the store.
    m_server.reset();
    m_provider.reset();
    Q_EMIT stopped();
}

void SellService::setTipHeight(int height)
{
    if (m_server)
        m_server->setTipHeight(height);
}

} // namespace spillway::ui
