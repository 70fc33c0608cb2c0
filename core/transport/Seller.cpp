#include "Seller.h"

#include "channel/ChannelEngine.h"
#include "wallet/Wallet.h"

namespace spillway::transport {

namespace {
constexpr uint32_t kTlsKeyIndex = 0x7ffffffe;
}

Result<TlsIdentity> walletTlsIdentity(wallet::Wallet &wallet)
{
    auto k = wallet.channelKey(kTlsKeyIndex);
    if (!k)
        return k.error();
    return TlsIdentity::fromSecret(k->bytes(), QStringLiteral("spillway payee"));
}

Result<Seller> startSelling(channel::ChannelEngine &engine, wallet::Wallet &wallet, const SellerOptions &o)
{
    Seller seller;
    seller.files = std::make_unique<FileProvider>(o.dir, o.chunkBytes, o.pricePerMiB);
    SPW_TRY(seller.files->scan());
    auto identity = walletTlsIdentity(wallet);
    if (!identity)
        return identity.error();
    // The offer names the port and the server sends the offer: bind first, then offer.
    const qsizetype colon = o.listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return makeError(ErrorCode::InvalidArgument, "listen on HOST:PORT");
    const QString host = o.listen.left(colon);
    seller.server = std::make_unique<PaymentServer>(engine, *identity, Bytes{}, seller.files.get(), o.limits);
    auto port = seller.server->listen(host, static_cast<quint16>(o.listen.mid(colon + 1).toUInt()));
    if (!port)
        return port.error();
    channel::OfferTerms terms;
    terms.label = o.label;
    terms.endpoint = (host + QLatin1Char(':') + QString::number(*port)).toStdString();
    terms.tlsFingerprint = identity->fingerprint;
    terms.priceHint = o.pricePerMiB;
    terms.minCapacity = 1000;
    terms.maxCapacity = 2'000'000'000;
    terms.minConfirmations = 1;
    std::optional<channel::OfferMsg> offer;
    if (auto previous = engine.store().offers(); previous)
        for (const auto &p : *previous)
            if (p.offer.endpoint == terms.endpoint && p.offer.tlsFingerprint == terms.tlsFingerprint)
                offer = p.offer;
    if (!offer) {
        auto created = engine.createOffer(terms);
        if (!created)
            return created.error();
        offer = *created;
    }
    seller.offer = *offer;
    seller.server->setOffer(channel::encodeMessage(seller.offer));
    return seller;
}

} // namespace spillway::transport
