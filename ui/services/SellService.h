#pragma once
// The Sell tab's provider on the wallet service's thread: starts the file
// server (transport::startSelling), stops it, and starts it again on the same
// endpoint, so the offer buyers were given stays good. Stop closes the listener
// and its connections only: channels and their earnings stay as they are, and
// the wallet's watcher settles them as it does any other channel.

#include "common/Result.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace spillway::channel {
class ChannelEngine;
}
namespace spillway::wallet {
class Wallet;
}
namespace spillway::transport {
class FileProvider;
class PaymentServer;
}

namespace spillway::ui {

class UpdateThrottle;

class SellService : public QObject {
    Q_OBJECT
public:
    explicit SellService(QObject *parent = nullptr);
    ~SellService() override;

    /// Serves `dir` at `pricePerMiB` on `listen` (HOST:PORT; port 0 picks one),
    /// after stopping what ran before. Answers started, or failed.
    void start(channel::ChannelEngine &engine, wallet::Wallet &wallet, int tipHeight, const QString &dir, qint64 pricePerMiB,
               const QString &listen);
    /// Closes the listener and every buyer's connection; answers stopped.
    void stop();
    bool selling() const { return m_server != nullptr; }
    /// The seller's expiry check before any signature work.
    void setTipHeight(int height);

Q_SIGNALS:
    /// Listening on `endpoint` (HOST:PORT, the port it took) and offering `offerText`.
    void started(const QString &offerText, const QString &endpoint);
    /// name, size, price of the whole file (sat), sha256 - one entry per file.
    void catalogReady(const QStringList &names, const QList<qint64> &sizes, const QList<qint64> &prices, const QStringList &hashes);
    void stopped();
    /// Not started: a sentence, and the code with its context for Details.
    void failed(const QString &code, const QString &sentence, const QString &details);
    /// Payments arrived or channels opened: at most every 200 ms.
    void channelsChanged();

private:
    std::unique_ptr<transport::FileProvider> m_provider;
    std::unique_ptr<transport::PaymentServer> m_server;
    UpdateThrottle *m_changed;
};

} // namespace spillway::ui
