#include "PaymentClient.h"
#include "ChannelBinding.h"
#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QThread>

#include <set>

namespace spillway::transport {

using namespace bitcoin;

namespace {
Result<channel::Message> decodeFrameMessage(const QByteArray &payload)
{
    return channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(payload.constData()), static_cast<size_t>(payload.size())));
}
} // namespace

Status PaymentClient::connectTo(const channel::OfferMsg &offer, int timeoutMs)
{
    const QString endpoint = QString::fromStdString(offer.endpoint);
    const qsizetype colon = endpoint.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || offer.tlsFingerprint.size() != 32)
        return makeError(ErrorCode::InvalidArgument, "the offer names no socket endpoint and key");
    const QString host = endpoint.left(colon);
    const quint16 port = endpoint.mid(colon + 1).toUShort();
    bool mismatch = false;
    QSslConfiguration conf = m_socket.sslConfiguration();
    conf.setProtocol(QSsl::TlsV1_3OrLater);
    m_socket.setSslConfiguration(conf);
    QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket, [this, &offer, &mismatch](const QList<QSslError> &) {
        // A self-signed certificate is expected: its key is what the offer pins.
        if (publicKeyFingerprint(m_socket.peerCertificate()) == offer.tlsFingerprint)
            m_socket.ignoreSslErrors();
        else
            mismatch = true;
    });
    m_socket.connectToHostEncrypted(host, port);
    const bool encrypted = m_socket.waitForEncrypted(timeoutMs);
    if (mismatch || (encrypted && publicKeyFingerprint(m_socket.peerCertificate()) != offer.tlsFingerprint)) {
        m_socket.abort();
        return makeError(ErrorCode::TlsKeyMismatch, endpoint.toStdString());
    }
    if (!encrypted)
        return makeError(ErrorCode::ChainUnavailable, "cannot reach " + endpoint.toStdString() + ": " + m_socket.errorString().toStdString());
    m_fingerprint = offer.tlsFingerprint;
    auto first = readFrame(timeoutMs);
    if (!first)
        return first.error();
    auto m = decodeFrameMessage(first->second);
    if (!m || !std::holds_alternative<channel::OfferMsg>(*m) || std::get<channel::OfferMsg>(*m).payeePub != offer.payeePub)
        return makeError(ErrorCode::TlsKeyMismatch, "the server's offer is not the one pinned");
    m_serverOffer = std::get<channel::OfferMsg>(*m);
    // Then this connection's challenge, signed to bind a channel.
    auto challenge = readFrame(timeoutMs);
    if (!challenge)
        return challenge.error();
    if (challenge->first != FrameKind::Challenge || challenge->second.size() != kChallengeBytes)
        return makeError(ErrorCode::BadMessage, "the server sent no challenge");
    m_challenge = challenge->second;
    return {};
}

Status PaymentClient::send(FrameKind kind, const QByteArray &payload)
{
    m_socket.write(encodeFrame(kind, payload));
    if (!m_socket.waitForBytesWritten(30000) && m_socket.bytesToWrite() > 0)
        return makeError(ErrorCode::ChainUnavailable, "the connection stalled");
    return {};
}

Status PaymentClient::sendMessage(const channel::Message &m)
{
    const Bytes b = channel::encodeMessage(m);
    return send(FrameKind::Message, QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
}

Result<std::pair<FrameKind, QByteArray>> PaymentClient::readFrame(int timeoutMs)
{
    while (true) {
        if (auto f = m_decoder.next())
            return *f;
        if (m_decoder.failed())
            return makeError(ErrorCode::BadMessage, "bad frame from the server");
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs))
            return makeError(ErrorCode::ChainUnavailable, "the server did not answer");
        m_decoder.feed(m_socket.readAll());
    }
}

Result<QByteArray> PaymentClient::awaitFrame(FrameKind kind, int timeoutMs)
{
    while (true) {
        auto f = readFrame(timeoutMs);
        if (!f)
            return f.error();
        if (f->first == kind)
            return f->second;
        if (f->first != FrameKind::Message)
            continue;
        auto m = decodeFrameMessage(f->second);
        if (!m)
            return m.error();
        if (const auto *e = std::get_if<channel::ErrorMsg>(&*m))
            return makeError(static_cast<ErrorCode>(e->code), "the provider says: " + e->text);
        (void)m_channels.receive(*m); // acks of payments re-sent
    }
}

Result<QList<CatalogEntry>> PaymentClient::catalog()
{
    QList<CatalogEntry> all;
    int pages = 1;
    for (int page = 0; page < pages && page < 4096; ++page) {
        SPW_TRY(send(FrameKind::Catalog, QJsonDocument(QJsonObject{{QStringLiteral("page"), page}}).toJson(QJsonDocument::Compact)));
        auto f = awaitFrame(FrameKind::Catalog);
        if (!f)
            return f.error();
        const QJsonObject o = QJsonDocument::fromJson(*f).object();
        pages = o.value(QLatin1String("pages")).toInt(1);
        all += FileProvider::fromJson(o.value(QLatin1String("files")).toArray());
    }
    return all;
}

Status PaymentClient::fetchChunkHashes(CatalogEntry &entry)
{
    entry.chunkHashes.clear();
    while (entry.chunkHashes.size() < entry.chunks()) {
        const qint64 from = entry.chunkHashes.size();
        SPW_TRY(send(FrameKind::Hashes, QJsonDocument(QJsonObject{{QStringLiteral("file"), entry.name}, {QStringLiteral("from"), from}})
                                            .toJson(QJsonDocument::Compact)));
        auto f = awaitFrame(FrameKind::Hashes);
        if (!f)
            return f.error();
        const auto *p = reinterpret_cast<const uint8_t *>(f->constData());
        if (f->size() < 8 + 32 || (f->size() - 8) % 32 != 0)
            return makeError(ErrorCode::BadMessage, "bad chunk hashes from the provider");
        const qint64 at = qint64(p[0]) << 24 | qint64(p[1]) << 16 | qint64(p[2]) << 8 | p[3];
        const qint64 total = qint64(p[4]) << 24 | qint64(p[5]) << 16 | qint64(p[6]) << 8 | p[7];
        if (at != from || total != entry.chunks())
            return makeError(ErrorCode::BadMessage, "chunk hashes for another range");
        for (qsizetype off = 8; off < f->size() && entry.chunkHashes.size() < entry.chunks(); off += 32)
            entry.chunkHashes.append(f->mid(off, 32));
    }
    if (chunkHashesRoot(entry.chunkHashes) != entry.chunkHashesRoot)
        return makeError(ErrorCode::InvalidChecksum, "the chunk hashes do not match the catalogue's root");
    return {};
}

Status PaymentClient::bind(const OutPoint &channel)
{
    if (m_bound.count(channel))
        return {};
    auto rec = m_channels.find(channel);
    if (!rec)
        return rec.error();
    if (!*rec || (*rec)->role != store::ChannelRole::Payer)
        return makeError(ErrorCode::ChannelUnknown, "not a channel we pay into");
    auto key = m_keys ? m_keys((*rec)->keyIndex) : Result<PrivateKey>(makeError(ErrorCode::NoWallet));
    if (!key)
        return key.error();
    BindRequest req;
    req.channel = channel;
    req.signature = key->signCompact(bindDigest(m_challenge, channel, m_fingerprint));
    SPW_TRY(send(FrameKind::Bind, req.serialize()));
    auto answer = awaitFrame(FrameKind::Bind);
    if (!answer)
        return answer.error();
    if (parseChannelId(*answer) != channel)
        return makeError(ErrorCode::BadMessage, "the server bound another channel");
    m_bound.insert(channel);
    return {};
}

Result<PurchaseTerms> PaymentClient::purchase(const OutPoint &channel, const CatalogEntry &entry, bool resumeOnly)
{
    auto rec = m_channels.find(channel);
    if (!rec)
        return rec.error();
    if (!*rec)
        return makeError(ErrorCode::ChannelUnknown);
    // Not even asked for when the whole price is above what the user accepted.
    if (!resumeOnly && entry.totalPrice() > m_maxPrice)
        return makeError(ErrorCode::PriceTooHigh, std::to_string(entry.totalPrice()) + " sat for " + entry.name.toStdString() +
                                                      ", at most " + std::to_string(m_maxPrice) + " sat accepted");
    QJsonObject req{{QStringLiteral("file"), entry.name}, {QStringLiteral("channel"), QString::fromStdString(channel.toString())}};
    if (resumeOnly)
        req.insert(QStringLiteral("resume_only"), true);
    SPW_TRY(send(FrameKind::Purchase, QJsonDocument(req).toJson(QJsonDocument::Compact)));
    auto f = awaitFrame(FrameKind::Purchase);
    if (!f)
        return f.error();
    const QJsonObject o = QJsonDocument::fromJson(*f).object();
    PurchaseTerms t;
    t.id = o.value(QLatin1String("id")).toInteger();
    t.start = o.value(QLatin1String("start_sat")).toInteger(-1);
    t.end = o.value(QLatin1String("end_sat")).toInteger(-1);
    t.chunks = o.value(QLatin1String("chunks")).toInteger(-1);
    t.pricePerChunk = o.value(QLatin1String("price_per_chunk_sat")).toInteger(-1);
    t.resumed = o.value(QLatin1String("resumed")).toBool();
    // The terms are the catalogue's, and they start no further than what we paid:
    // a provider cannot make us pay for what we did not buy.
    if (o.value(QLatin1String("file")).toString() != entry.name || o.value(QLatin1String("sha256")).toString() != entry.sha256 ||
        t.chunks != entry.chunks() || t.pricePerChunk != entry.pricePerChunk || t.end != t.start + entry.totalPrice())
        return makeError(ErrorCode::BadMessage, "the purchase's terms are not the catalogue's");
    if (t.start < 0 || t.start > (*rec)->signedPaid)
        return makeError(ErrorCode::BadMessage, "the purchase starts at " + std::to_string(t.start) + " sat, beyond the " +
                                                    std::to_string((*rec)->signedPaid) + " sat we paid");
    const qint64 toPay = t.end - std::max<qint64>(t.start, (*rec)->signedPaid);
    if (toPay > m_maxPrice)
        return makeError(ErrorCode::PriceTooHigh, std::to_string(toPay) + " sat still to pay, at most " + std::to_string(m_maxPrice) +
                                                      " sat accepted");
    return t;
}

Result<OutPoint> PaymentClient::openChannel(const channel::OfferMsg &offer, const channel::OpenTerms &terms)
{
    auto msgs = m_channels.open(offer, terms);
    if (!msgs)
        return msgs.error();
    const OutPoint id = std::get<channel::ProposalMsg>(msgs->front()).funding;
    for (const auto &m : *msgs)
        SPW_TRY(sendMessage(m));
    if (terms.variant == channel::Variant::Refund) {
        auto f = readFrame();
        if (!f)
            return f.error();
        auto m = decodeFrameMessage(f->second);
        if (!m)
            return m.error();
        auto answers = m_channels.receive(*m);
        if (!answers)
            return answers.error();
        for (const auto &a : *answers)
            SPW_TRY(sendMessage(a));
    }
    return id;
}

Result<std::pair<OutPoint, PurchaseTerms>> PaymentClient::channelFor(const channel::OfferMsg &offer, const CatalogEntry &entry,
                                                                     uint32_t expiryBlocks, std::optional<int64_t> capacity)
{
    const int64_t price = entry.totalPrice();
    if (price > m_maxPrice)
        return makeError(ErrorCode::PriceTooHigh, std::to_string(price) + " sat for " + entry.name.toStdString() + ", at most " +
                                                      std::to_string(m_maxPrice) + " sat accepted");
    auto all = m_channels.all();
    if (!all)
        return all.error();
    std::vector<store::ChannelRecord> usable;
    for (const auto &c : *all)
        if (c.role == store::ChannelRole::Payer && c.params.payeePub == offer.payeePub &&
            (c.state == store::ChannelState::Open || c.state == store::ChannelState::Opening))
            usable.push_back(c);
    std::sort(usable.begin(), usable.end(), [](const auto &a, const auto &b) { return a.updated > b.updated; });
    auto room = [](const store::ChannelRecord &c) { return c.params.maxPayable().sat() - c.signedPaid; };
    // 1. An open purchase of this file to resume (a download cut short).
    for (const auto &c : usable) {
        if (!bind(c.id()).ok())
            continue;
        auto t = purchase(c.id(), entry, true);
        if (t && t->end - std::max<qint64>(t->start, c.signedPaid) <= room(c))
            return std::make_pair(c.id(), *t);
    }
    // 2. A channel with room for the whole price: a new purchase on it.
    for (const auto &c : usable) {
        if (room(c) < price || !bind(c.id()).ok())
            continue;
        auto t = purchase(c.id(), entry);
        if (!t)
            return t.error();
        return std::make_pair(c.id(), *t);
    }
    // 3. A new channel, enough for the whole file plus the closing fee, within the offer's limits.
    channel::OpenTerms terms;
    terms.capacity = capacity.value_or(std::max<int64_t>(price + 2000, offer.minCapacity));
    if (expiryBlocks > 0) // else the network's default
        terms.expiryDelta = expiryBlocks;
    auto id = openChannel(offer, terms);
    if (!id)
        return id.error();
    SPW_TRY(bind(*id));
    auto t = purchase(*id, entry);
    if (!t)
        return t.error();
    return std::make_pair(*id, *t);
}

Status PaymentClient::waitOpen(const OutPoint &channel)
{
    for (int i = 0; i < 600; ++i) {
        auto rec = m_channels.find(channel);
        if (rec && *rec && (*rec)->state == store::ChannelState::Open)
            return {};
        m_channels.watch();
        QThread::msleep(200);
    }
    return makeError(ErrorCode::ChannelNotOpen, "the channel did not open in time");
}

Status PaymentClient::download(const OutPoint &channel, const PurchaseTerms &terms, const CatalogEntry &entry, const QString &outPath,
                               int lead, const std::function<void(const DownloadProgress &)> &progress)
{
    const qint64 n = entry.chunks();
    if (entry.chunkHashes.size() != n)
        return makeError(ErrorCode::InvalidArgument, "fetch the chunk hashes first");
    QFile out(outPath);
    if (!out.open(QIODevice::ReadWrite))
        return makeError(ErrorCode::StorageFailed, "cannot write " + outPath.toStdString());
    // Resume: the leading chunks already on disk that match their hashes are kept.
    qint64 have = 0;
    while (have < n) {
        if (!out.seek(have * entry.chunkSize))
            break;
        const QByteArray piece = out.read(entry.chunkLength(have));
        if (piece.size() != entry.chunkLength(have) || QCryptographicHash::hash(piece, QCryptographicHash::Sha256) != entry.chunkHashes[have])
            break;
        ++have;
    }
    lead = std::max(lead, 1);
    DownloadProgress prog{have, n, have * entry.chunkSize, 0};
    qint64 requested = have;
    std::map<qint64, QByteArray> pending; // chunk -> bytes so far
    std::set<qint64> completed;           // arrived intact

    SPW_TRY(waitOpen(channel));
    SPW_TRY(bind(channel));
    // After a reconnect the payee may have missed our newest payment: send it again
    // (the payee acknowledges a repeat without change).
    auto unacked = m_channels.unacknowledgedPayments(channel);
    if (!unacked)
        return unacked.error();
    for (const auto &again : *unacked)
        SPW_TRY(sendMessage(again));

    const qint64 price = std::max<qint64>(entry.pricePerChunk, 1);
    auto payThrough = [&](qint64 index) -> Status {
        auto rec = m_channels.find(channel);
        if (!rec || !*rec)
            return makeError(ErrorCode::ChannelUnknown);
        // Chunk i of this purchase needs start + price·(i+1) acknowledged.
        qint64 due = terms.start + entry.priceThrough(index) - (*rec)->signedPaid;
        if (due <= 0)
            return {}; // paid before (a resume): never twice
        // A first payment must clear the payout's dust threshold: pay up to that
        // much ahead (a few cheap chunks), never beyond the purchase's end.
        if ((*rec)->signedPaid == 0)
            due = std::min<qint64>(std::max<qint64>(due, (*rec)->params.minFirstPayment().sat()), terms.end);
        auto pay = m_channels.pay(channel, due);
        if (!pay)
            return pay.error();
        // How far ahead of what arrived intact this payment reaches, in whole chunks.
        const qint64 intact = have + static_cast<qint64>(completed.size());
        const qint64 covered = (pay->paid - terms.start) / price;
        prog.maxChunksPaidAhead = std::max(prog.maxChunksPaidAhead, std::min(covered, n) - intact);
        return sendMessage(*pay);
    };

    m_stop = false;
    while (static_cast<qint64>(completed.size()) + have < n) {
        if (m_stop)
            return makeError(ErrorCode::Cancelled, "paused: " + std::to_string(have + static_cast<qint64>(completed.size())) + " of " +
                                                       std::to_string(n) + " chunks on disk");
        // Keep `lead` chunks paid for and requested ahead of what arrived intact.
        while (requested < n && requested < have + static_cast<qint64>(completed.size()) + lead) {
            SPW_TRY(payThrough(requested));
            const QJsonObject req{{QStringLiteral("file"), entry.name},
                                  {QStringLiteral("index"), requested},
                                  {QStringLiteral("channel"), QString::fromStdString(channel.toString())}};
            SPW_TRY(send(FrameKind::Chunk, QJsonDocument(req).toJson(QJsonDocument::Compact)));
            ++requested;
        }
        auto f = readFrame();
        if (!f)
            return f.error();
        if (f->first == FrameKind::Message) {
            auto m = decodeFrameMessage(f->second);
            if (!m)
                return m.error();
            if (const auto *e = std::get_if<channel::ErrorMsg>(&*m))
                return makeError(static_cast<ErrorCode>(e->code), "the provider says: " + e->text);
            if (auto r = m_channels.receive(*m); !r)
                return r.error();
            continue;
        }
        if (f->first != FrameKind::Chunk || f->second.size() < 8)
            continue;
        const auto *p = reinterpret_cast<const uint8_t *>(f->second.constData());
        const qint64 index = qint64(p[0]) << 24 | qint64(p[1]) << 16 | qint64(p[2]) << 8 | p[3];
        const qint64 offset = qint64(p[4]) << 24 | qint64(p[5]) << 16 | qint64(p[6]) << 8 | p[7];
        if (index < have || index >= requested || completed.count(index))
            return makeError(ErrorCode::BadMessage, "the provider sent chunk " + std::to_string(index) + ", which was not asked for");
        QByteArray &buf = pending[index];
        const qint64 expected = entry.chunkLength(index);
        if (offset != buf.size() || buf.size() + f->second.size() - 8 > expected)
            return makeError(ErrorCode::BadMessage, "the provider sent chunk " + std::to_string(index) + " out of shape");
        buf.append(f->second.mid(8));
        if (buf.size() < expected)
            continue;
        // Checked before it is kept, and before anything more is paid.
        if (QCryptographicHash::hash(buf, QCryptographicHash::Sha256) != entry.chunkHashes[index])
            return makeError(ErrorCode::ChunkCorrupt, "chunk " + std::to_string(index) + " of " + entry.name.toStdString() +
                                                          " does not match its SHA-256 in the catalogue");
        if (!out.seek(index * entry.chunkSize) || out.write(buf) != expected)
            return makeError(ErrorCode::StorageFailed, "cannot write " + outPath.toStdString());
        out.flush();
        completed.insert(index);
        pending.erase(index);
        prog.chunksDone = have + static_cast<qint64>(completed.size());
        prog.bytes += expected;
        auto rec = m_channels.find(channel);
        prog.paidSat = rec && *rec ? (*rec)->signedPaid : 0;
        if (progress)
            progress(prog);
    }
    out.resize(entry.size);
    out.seek(0);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&out);
    if (QString::fromLatin1(h.result().toHex()) != entry.sha256)
        return makeError(ErrorCode::InvalidChecksum, "the file's SHA-256 does not match the catalog");
    return {};
}

void PaymentClient::close()
{
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(encodeFrame(FrameKind::Bye, {}));
        m_socket.waitForBytesWritten(2000);
        m_socket.disconnectFromHost();
    }
}

} // namespace spillway::transport
