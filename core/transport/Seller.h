#pragma once
// Starting a provider, the same for the CLI's `serve` and the window's Sell tab:
// the wallet's TLS identity, the catalogue, a listening server, and the offer
// that names the bound endpoint (the same offer again after a restart on the
// same endpoint, so buyers resume their channels).

#include "FileProvider.h"
#include "PaymentServer.h"
#include "channel/Messages.h"

#include <memory>

namespace spillway::wallet {
class Wallet;
}

namespace spillway::transport {

struct SellerOptions {
    QString dir;
    qint64 pricePerMiB = 0;
    qint64 chunkBytes = 1 << 20;
    QString listen = QStringLiteral("127.0.0.1:0"); ///< HOST:PORT, port 0 picks one
    std::string label;
    ServerLimits limits;
};

struct Seller {
    std::unique_ptr<FileProvider> files;
    std::unique_ptr<PaymentServer> server;
    channel::OfferMsg offer;
};

/// The payee's TLS identity, derived from the wallet seed (m/7377'/coin'/2147483646').
Result<TlsIdentity> walletTlsIdentity(wallet::Wallet &wallet);
Result<Seller> startSelling(channel::ChannelEngine &engine, wallet::Wallet &wallet, const SellerOptions &options);

} // namespace spillway::transport
