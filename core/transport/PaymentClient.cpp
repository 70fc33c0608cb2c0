#include "PaymentClient.h"
#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslConfiguration>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <set>

namespace spillway::transport {

using namespace bitcoin;

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
    auto first = readFrame(timeoutMs);
    if (!first)
        return first.error();
    auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(first->second.constData()), static_cast<size_t>(first->second.size())));
    if (!m || !std::holds_alternative<channel::OfferMsg>(*m) || std::get<channel::OfferMsg>(*m).payeePub != offer.payeePub)
        return makeError(ErrorCode::TlsKeyMismatch, "the server's offer is not the one pinned");
    m_serverOffer = std::get<channel::OfferMsg>(*m);
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

Result<QList<CatalogEntry>> PaymentClient::catalog()
{
    SPW_TRY(send(FrameKind::Catalog, {}));
    while (true) {
        auto f = readFrame();
        if (!f)
            return f.error();
        if (f->first == FrameKind::Catalog)
            return FileProvider::fromJson(QJsonDocument::fromJson(f->second).array());
    }
}

Result<OutPoint> PaymentClient::openChannel(const channel::OfferMsg &offer, const channel::OpenTerms &terms)
{
    auto msgs = m_engine.open(offer, terms);
    if (!msgs)
        return msgs.error();
    const OutPoint id = std::get<channel::ProposalMsg>(msgs->front()).funding;
    for (const auto &m : *msgs)
        SPW_TRY(sendMessage(m));
    if (terms.variant == channel::Variant::Refund) {
        auto f = readFrame();
        if (!f)
            return f.error();
        auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
        if (!m)
            return m.error();
        auto answers = m_engine.receive(*m);
        if (!answers)
            return answers.error();
        for (const auto &a : *answers)
            SPW_TRY(sendMessage(a));
    }
    return id;
}

Result<OutPoint> PaymentClient::channelFor(const channel::OfferMsg &offer, const CatalogEntry &entry, uint32_t expiryBlocks,
                                            std::optional<int64_t> capacity)
{
    const int64_t price = entry.priceThrough(entry.chunks() - 1);
    auto all = m_engine.store().all();
    if (!all)
        return all.error();
    for (const auto &c : *all)
        if (c.role == store::ChannelRole::Payer && c.params.payeePub == offer.payeePub &&
            (c.state == store::ChannelState::Open || c.state == store::ChannelState::Opening) &&
            c.params.maxPayable().sat() >= price)
            return c.id();
    channel::OpenTerms terms;
    // Enough for the whole file plus the closing fee, within the offer's limits.
    terms.capacity = capacity.value_or(std::max<int64_t>(price + 2000, offer.minCapacity));
    if (expiryBlocks > 0) // else the network's default
        terms.expiryDelta = expiryBlocks;
    return openChannel(offer, terms);
}

Status PaymentClient::download(const OutPoint &channel, const CatalogEntry &entry, const QString &outPath, int lead,
                               const std::function<void(const DownloadProgress &)> &progress)
{
    QFile out(outPath);
    if (!out.open(QIODevice::ReadWrite))
        return makeError(ErrorCode::StorageFailed, "cannot write " + outPath.toStdString());
    // Resume: whole chunks already on disk are kept (the last partial one is fetched again).
    qint64 have = std::min(out.size(), entry.size) / entry.chunkSize;
    if (have * entry.chunkSize != std::min(out.size(), entry.size) || have >= entry.chunks())
        have = std::min(have, entry.chunks());
    const qint64 n = entry.chunks();
    lead = std::max(lead, 1);
    DownloadProgress prog{have, n, have * entry.chunkSize, 0};
    qint64 requested = have;
    std::map<qint64, QByteArray> pending; // chunk -> bytes so far
    std::set<qint64> completed;

    // Wait for the channel to be usable (the payee wants its confirmations).
    for (int i = 0; i < 600; ++i) {
        auto rec = m_engine.store().find(channel);
        if (rec && *rec && (*rec)->state == store::ChannelState::Open)
            break;
        (void)m_engine.watch();
        QThread::msleep(200);
    }

    // After a reconnect the payee may have missed our newest payment: send it again
    // (the payee acknowledges a repeat without change).
    auto unacked = m_engine.unacknowledgedPayments(channel);
    if (!unacked)
        return unacked.error();
    for (const auto &again : *unacked)
        SPW_TRY(sendMessage(again));

    auto payThrough = [&](qint64 index) -> Status {
        auto rec = m_engine.store().find(channel);
        if (!rec || !*rec)
            return makeError(ErrorCode::ChannelUnknown);
        qint64 due = entry.priceThrough(index) - (*rec)->signedPaid;
        if (due <= 0)
            return {}; // paid before (a resume): never twice
        // A first payment must clear the payout's dust threshold: pay up to that
        // much ahead (a few cheap chunks), never beyond the file's price.
        if ((*rec)->signedPaid == 0)
            due = std::min<qint64>(std::max<qint64>(due, (*rec)->params.minFirstPayment().sat()), entry.priceThrough(entry.chunks() - 1));
        auto pay = m_engine.pay(channel, due);
        if (!pay)
            return pay.error();
        // How far ahead of what has arrived this payment reaches, in whole chunks.
        const qint64 onDisk = have + static_cast<qint64>(completed.size());
        const qint64 covered = pay->paid / std::max<qint64>(entry.pricePerChunk, 1);
        prog.maxChunksPaidAhead = std::max(prog.maxChunksPaidAhead, std::min(covered, n) - onDisk);
        return sendMessage(*pay);
    };

    m_stop = false;
    while (static_cast<qint64>(completed.size()) + have < n) {
        if (m_stop)
            return makeError(ErrorCode::Cancelled, "paused: " + std::to_string(have + static_cast<qint64>(completed.size())) + " of " +
                                                       std::to_string(n) + " chunks on disk");
        // Keep `lead` chunks paid for and requested ahead of what has arrived.
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
            auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
            if (!m)
                return m.error();
            if (const auto *e = std::get_if<channel::ErrorMsg>(&*m))
                return makeError(static_cast<ErrorCode>(e->code), "the provider says: " + e->text);
            if (auto r = m_engine.receive(*m); !r)
                return r.error();
            continue;
        }
        if (f->first != FrameKind::Chunk || f->second.size() < 8)
            continue;
        const auto *p = reinterpret_cast<const uint8_t *>(f->second.constData());
        const qint64 index = qint64(p[0]) << 24 | qint64(p[1]) << 16 | qint64(p[2]) << 8 | p[3];
        QByteArray &buf = pending[index];
        buf.append(f->second.mid(8));
        const qint64 expected = std::min(entry.chunkSize, entry.size - index * entry.chunkSize);
        if (buf.size() >= expected) {
            if (!out.seek(index * entry.chunkSize) || out.write(buf.left(expected)) != expected)
                return makeError(ErrorCode::StorageFailed, "cannot write " + outPath.toStdString());
            out.flush();
            completed.insert(index);
            pending.erase(index);
            prog.chunksDone = have + static_cast<qint64>(completed.size());
            prog.bytes += expected;
            auto rec = m_engine.store().find(channel);
            prog.paidSat = rec && *rec ? (*rec)->signedPaid : 0;
            if (progress)
                progress(prog);
        }
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
