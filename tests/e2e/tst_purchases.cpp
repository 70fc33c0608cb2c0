// Paid data over a socket, against the payee's server in this process
// (protocol.md "Paid data over a socket"): purchases priced from where the
// previous one ended and never sharing payments, connections bound only by
// the payer's signature over a fresh challenge, closed channels paying for
// nothing, and the server bounded (back-pressure, rate push-back, slow
// frames). The channels are put straight into the payee's store as open (their
// funding is tst_socket's business); the test holds the payer keys.
#include "ProcessMemory.h"

#include "bitcoin/Key.h"
#include "chain/LocalChain.h"
#include "channel/ChannelEngine.h"
#include "channel/ChannelSigning.h"
#include "store/ChannelStore.h"
#include "store/PurchaseStore.h"
#include "transport/ChannelBinding.h"
#include "transport/FileProvider.h"
#include "transport/Framing.h"
#include "transport/PaymentServer.h"
#include "transport/TlsIdentity.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::channel;
using transport::FrameKind;

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kPricePerMiB = 16000; // 1,000 sat per 64 KiB chunk
constexpr qint64 kPricePerChunk = 1000;

/// The payee: store, engine, provider and TLS server on their own thread, as in the app.
struct Payee : QObject {
    QString dir;
    QString files;
    PrivateKey key = PrivateKey::generate();
    std::vector<ChannelParams> channels;
    transport::ServerLimits limits;
    chain::ChainBackend *chain = nullptr;
    std::unique_ptr<store::ChannelStore> store;
    std::unique_ptr<ChannelEngine> engine;
    std::unique_ptr<transport::FileProvider> provider;
    std::unique_ptr<transport::PaymentServer> server;
    Bytes fingerprint;
    quint16 port = 0;

    void start()
    {
        store = std::make_unique<store::ChannelStore>();
        if (!store->open(dir).ok())
            return;
        for (const auto &p : channels) {
            store::ChannelRecord rec;
            rec.params = p;
            rec.role = store::ChannelRole::Payee;
            rec.state = store::ChannelState::Open;
            if (!store->insert(rec).ok())
                return;
        }
        engine = std::make_unique<ChannelEngine>([this](uint32_t) -> Result<PrivateKey> { return key; }, *chain, *store);
        provider = std::make_unique<transport::FileProvider>(files, kChunk, kPricePerMiB);
        if (!provider->scan().ok())
            return;
        auto id = transport::TlsIdentity::fromSecret(PrivateKey::generate().bytes(), QStringLiteral("purchases"));
        if (!id)
            return;
        fingerprint = id->fingerprint;
        OfferMsg offer;
        offer.payeePub = key.publicKey().bytes();
        server = std::make_unique<transport::PaymentServer>(*engine, *id, encodeMessage(offer), provider.get(), limits);
        auto p = server->listen(QStringLiteral("127.0.0.1"), 0);
        port = p ? *p : 0;
    }
    void stop()
    {
        server.reset();
        provider.reset();
        engine.reset();
        store.reset();
    }
    /// Runs `f` on the payee's thread.
    template <typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(this, f, Qt::BlockingQueuedConnection);
    }
};

QByteArray messageFrame(const Message &m)
{
    const Bytes b = encodeMessage(m);
    return transport::encodeFrame(FrameKind::Message, QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
}

QByteArray jsonFrame(FrameKind kind, const QJsonObject &o)
{
    return transport::encodeFrame(kind, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

/// A blocking client speaking the frames by hand (it can misbehave).
struct Conn {
    QSslSocket socket;
    transport::FrameDecoder decoder;
    QByteArray challenge;
    int chunkFrames = 0;
    qint64 chunkBytes = 0;

    bool open(quint16 port)
    {
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [this] { socket.ignoreSslErrors(); });
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForEncrypted(10000))
            return false;
        auto offer = next();
        auto ch = next();
        if (!offer || !ch || ch->first != FrameKind::Challenge)
            return false;
        challenge = ch->second;
        return true;
    }
    void send(const QByteArray &frame)
    {
        socket.write(frame);
        socket.waitForBytesWritten(5000);
    }
    std::optional<std::pair<FrameKind, QByteArray>> next(int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (true) {
            if (auto f = decoder.next()) {
                if (f->first == FrameKind::Chunk) {
                    ++chunkFrames;
                    chunkBytes += f->second.size() - 8;
                }
                return f;
            }
            if (decoder.failed() || t.elapsed() > timeoutMs)
                return std::nullopt;
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, timeoutMs - t.elapsed()))))
                return std::nullopt;
            decoder.feed(socket.readAll());
        }
    }
    /// The next frame that is not a chunk piece.
    std::optional<std::pair<FrameKind, QByteArray>> answer(int timeoutMs = 10000)
    {
        while (auto f = next(timeoutMs))
            if (f->first != FrameKind::Chunk)
                return f;
        return std::nullopt;
    }
    /// The error code of the next answer, or -1 when it is not an error.
    int errorCode()
    {
        auto f = answer();
        if (!f || f->first != FrameKind::Message)
            return -1;
        auto m = decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
        return m && std::holds_alternative<ErrorMsg>(*m) ? std::get<ErrorMsg>(*m).code : -1;
    }
    bool acked()
    {
        auto f = answer();
        if (!f || f->first != FrameKind::Message)
            return false;
        auto m = decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
        return m && std::holds_alternative<AckMsg>(*m);
    }
    QByteArray bindFrame(const OutPoint &channel, const PrivateKey &key, const Bytes &fingerprint) const
    {
        transport::BindRequest b;
        b.channel = channel;
        b.signature = key.signCompact(transport::bindDigest(challenge, channel, fingerprint));
        return transport::encodeFrame(FrameKind::Bind, b.serialize());
    }
    bool bind(const OutPoint &channel, const PrivateKey &key, const Bytes &fingerprint)
    {
        send(bindFrame(channel, key, fingerprint));
        auto f = answer();
        return f && f->first == FrameKind::Bind && transport::parseChannelId(f->second) == channel;
    }
    /// Starts a purchase; its terms, or the refusal's error code in "error".
    QJsonObject purchase(const OutPoint &channel, const QString &file)
    {
        send(jsonFrame(FrameKind::Purchase, {{QStringLiteral("file"), file}, {QStringLiteral("channel"), QString::fromStdString(channel.toString())}}));
        auto f = answer();
        if (f && f->first == FrameKind::Purchase)
            return QJsonDocument::fromJson(f->second).object();
        if (f && f->first == FrameKind::Message) {
            auto m = decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
            if (m && std::holds_alternative<ErrorMsg>(*m))
                return {{QStringLiteral("error"), std::get<ErrorMsg>(*m).code}};
        }
        return {{QStringLiteral("error"), -1}};
    }
    QByteArray chunkRequest(const OutPoint &channel, const QString &file, qint64 index) const
    {
        return jsonFrame(FrameKind::Chunk, {{QStringLiteral("file"), file},
                                            {QStringLiteral("index"), index},
                                            {QStringLiteral("channel"), QString::fromStdString(channel.toString())}});
    }
    /// Requests chunk `index` and reads all of it; false if refused.
    bool fetchChunk(const OutPoint &channel, const QString &file, qint64 index, qint64 length)
    {
        send(chunkRequest(channel, file, index));
        const qint64 before = chunkBytes;
        while (chunkBytes - before < length) {
            auto f = next();
            if (!f || f->first != FrameKind::Chunk)
                return false;
        }
        return true;
    }
};

int code(ErrorCode c)
{
    return static_cast<int>(c);
}

} // namespace

class TestPurchases : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<chain::LocalChain> m_chain;
    QThread m_thread;
    Payee m_payee;
    std::vector<PrivateKey> m_payers;

    OutPoint channel(int i) const { return m_payee.channels[static_cast<size_t>(i)].funding; }
    PaymentMsg payment(int i, uint64_t seq, int64_t paid) const
    {
        const ChannelParams &p = m_payee.channels[static_cast<size_t>(i)];
        return signPayment(p, seq, Amount::fromSat(paid), m_payers[static_cast<size_t>(i)], ChannelSighasher(p));
    }
    store::ChannelRecord payeeRecord(int i)
    {
        std::optional<store::ChannelRecord> rec;
        m_payee.run([&] { rec = **m_payee.store->find(channel(i)); });
        return *rec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_chain = std::make_unique<chain::LocalChain>(m_dir.filePath(QStringLiteral("chain.sqlite")));
        m_chain->setPollInterval(0);
        QVERIFY(chain::await(m_chain->tip()).ok());
        m_payee.dir = m_dir.path();
        m_payee.files = m_dir.filePath(QStringLiteral("files"));
        QDir().mkpath(m_payee.files);
        // a.bin: 3 chunks (3,000 sat); b.bin: 2 chunks (2,000 sat); big.bin: 32 chunks.
        for (auto [name, chunks] : {std::pair{"a.bin", 3}, std::pair{"b.bin", 2}, std::pair{"big.bin", 32}}) {
            QFile f(m_payee.files + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(kChunk * chunks, name[0]));
        }
        m_payee.chain = m_chain.get();
        m_payee.limits.maxFramesPerSecond = 400;
        m_payee.limits.frameTimeoutMs = 800;
        m_payee.limits.proposalTtlSeconds = 2;
        for (int i = 0; i < 6; ++i) {
            const PrivateKey k = PrivateKey::generate();
            ChannelParams p;
            p.variant = Variant::Cltv;
            p.funding = OutPoint{sha256(asBytes("purchase funding " + std::to_string(i))), 0};
            p.capacity = Amount::fromSat(10'000'000);
            p.payerPub = k.publicKey().bytes();
            p.payeePub = m_payee.key.publicKey().bytes();
            p.payeePayout = p2wpkh(m_payee.key.publicKey().hash());
            p.payerRefund = p2wpkh(k.publicKey().hash());
            p.expiry = 100000;
            p.commitFee = Amount::fromSat(500);
            p.refundFee = Amount::fromSat(400);
            m_payee.channels.push_back(p);
            m_payers.push_back(k);
        }
        m_payee.moveToThread(&m_thread);
        m_thread.start();
        m_payee.run([this] { m_payee.start(); });
        QVERIFY(m_payee.port != 0);
    }
    void cleanupTestCase()
    {
        m_payee.run([this] { m_payee.stop(); });
        m_thread.quit();
        m_thread.wait();
    }

    void secondFileCostsItsPriceAgain();
    void twoPurchasesAtOnceCannotSharePayments();
    void onlyThePayerBindsItsChannel();
    void closedChannelsPayForNothing();
    void floodOfChunkRequestsIsBounded();
    void rateLimitPushesBackWithoutDropping();
    void tricklingConnectionIsDropped();
    void unfundedProposalsExpire();
    void cheapChecksBeforeSignatures();
    void catalogueIsPagedWithinFrames();
};

void TestPurchases::secondFileCostsItsPriceAgain()
{
    const OutPoint ch = channel(0);
    Conn c;
    QVERIFY(c.open(m_payee.port));
    QVERIFY(c.bind(ch, m_payers[0], m_payee.fingerprint));
    QJsonObject a = c.purchase(ch, QStringLiteral("a.bin"));
    QCOMPARE(a.value(QLatin1String("start_sat")).toInteger(-1), 0);
    QCOMPARE(a.value(QLatin1String("end_sat")).toInteger(-1), 3 * kPricePerChunk);
    // Paying 3,000 sat buys a.bin's three chunks and nothing more.
    c.send(messageFrame(payment(0, 1, 3 * kPricePerChunk)));
    QVERIFY(c.acked());
    for (int i = 0; i < 3; ++i)
        QVERIFY(c.fetchChunk(ch, QStringLiteral("a.bin"), i, kChunk));
    // b.bin starts where a.bin ended: its first chunk needs 4,000 sat.
    QJsonObject b = c.purchase(ch, QStringLiteral("b.bin"));
    QCOMPARE(b.value(QLatin1String("start_sat")).toInteger(-1), 3 * kPricePerChunk);
    c.send(c.chunkRequest(ch, QStringLiteral("b.bin"), 0));
    QCOMPARE(c.errorCode(), code(ErrorCode::ChunkNotPaid));
    c.send(messageFrame(payment(0, 2, 5 * kPricePerChunk)));
    QVERIFY(c.acked());
    QVERIFY(c.fetchChunk(ch, QStringLiteral("b.bin"), 0, kChunk));
    QVERIFY(c.fetchChunk(ch, QStringLiteral("b.bin"), 1, kChunk));
    // The same file again costs its price again.
    QJsonObject again = c.purchase(ch, QStringLiteral("a.bin"));
    QCOMPARE(again.value(QLatin1String("start_sat")).toInteger(-1), 5 * kPricePerChunk);
    c.send(c.chunkRequest(ch, QStringLiteral("a.bin"), 0));
    QCOMPARE(c.errorCode(), code(ErrorCode::ChunkNotPaid));
    QCOMPARE(payeeRecord(0).paid, 5 * kPricePerChunk);
    // Kept durably: the ledger has the two ended purchases and the open one.
    store::PurchaseStore ledger;
    QVERIFY(ledger.open(m_dir.path()).ok());
    auto list = ledger.forChannel(ch);
    QVERIFY(list.ok());
    QCOMPARE(list->size(), size_t(3));
    QCOMPARE((*list)[0].state, store::PurchaseState::Done);
    QCOMPARE((*list)[0].endedAt, 3 * kPricePerChunk);
    QCOMPARE((*list)[1].endedAt, 5 * kPricePerChunk);
    QCOMPARE((*list)[2].state, store::PurchaseState::Open);
}

void TestPurchases::twoPurchasesAtOnceCannotSharePayments()
{
    const OutPoint ch = channel(1);
    Conn one, two;
    QVERIFY(one.open(m_payee.port));
    QVERIFY(two.open(m_payee.port));
    QVERIFY(one.bind(ch, m_payers[1], m_payee.fingerprint));
    QVERIFY(two.bind(ch, m_payers[1], m_payee.fingerprint));
    // Both start at once: the second is refused while the first connection holds its purchase.
    const QJsonObject p1 = one.purchase(ch, QStringLiteral("a.bin"));
    const QJsonObject p2 = two.purchase(ch, QStringLiteral("b.bin"));
    QCOMPARE(p1.value(QLatin1String("start_sat")).toInteger(-1), 0);
    QCOMPARE(p2.value(QLatin1String("error")).toInt(), code(ErrorCode::PurchaseBusy));
    // One chunk's worth paid: one chunk leaves, on the purchase it paid for only.
    one.send(messageFrame(payment(1, 1, kPricePerChunk)));
    QVERIFY(one.acked());
    two.send(two.chunkRequest(ch, QStringLiteral("b.bin"), 0));
    QCOMPARE(two.errorCode(), code(ErrorCode::NoPurchase));
    QVERIFY(one.fetchChunk(ch, QStringLiteral("a.bin"), 0, kChunk));
    // The first connection goes away mid-purchase: the second may begin, from
    // what was paid (1,000 sat), not from 0: the 1,000 sat bought a.bin's chunk 0.
    one.socket.abort();
    QTest::qWait(300);
    const QJsonObject p3 = two.purchase(ch, QStringLiteral("b.bin"));
    QCOMPARE(p3.value(QLatin1String("start_sat")).toInteger(-1), kPricePerChunk);
    two.send(two.chunkRequest(ch, QStringLiteral("b.bin"), 0));
    QCOMPARE(two.errorCode(), code(ErrorCode::ChunkNotPaid));
    QCOMPARE(two.chunkFrames, 0);
    // Everything that left was paid for exactly once.
    QCOMPARE(payeeRecord(1).paid, kPricePerChunk);
    QCOMPARE(one.chunkBytes + two.chunkBytes, kChunk);
}

void TestPurchases::onlyThePayerBindsItsChannel()
{
    const OutPoint ch = channel(2);
    Conn honest, stranger;
    QVERIFY(honest.open(m_payee.port));
    QVERIFY(stranger.open(m_payee.port));
    QVERIFY(honest.challenge != stranger.challenge); // fresh for each connection
    QVERIFY(honest.bind(ch, m_payers[2], m_payee.fingerprint));
    QVERIFY(honest.purchase(ch, QStringLiteral("big.bin")).contains(QLatin1String("start_sat")));
    const PaymentMsg paid = payment(2, 1, 10 * kPricePerChunk);
    honest.send(messageFrame(paid));
    QVERIFY(honest.acked());

    // Naming the channel without binding: refused, served nothing.
    stranger.send(stranger.chunkRequest(ch, QStringLiteral("big.bin"), 0));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::ChannelNotBound));
    QCOMPARE(stranger.purchase(ch, QStringLiteral("big.bin")).value(QLatin1String("error")).toInt(), code(ErrorCode::ChannelNotBound));
    // Replaying the payer's payment binds nothing (and changes nothing).
    stranger.send(messageFrame(paid));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::ChannelNotBound));
    stranger.send(stranger.chunkRequest(ch, QStringLiteral("big.bin"), 0));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::ChannelNotBound));
    // Replaying the payer's own bind (signed over the honest connection's challenge): refused.
    stranger.send(honest.bindFrame(ch, m_payers[2], m_payee.fingerprint));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::BindBadSignature));
    // A second wallet's key over the stranger's own challenge: refused.
    stranger.send(stranger.bindFrame(ch, PrivateKey::generate(), m_payee.fingerprint));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::BindBadSignature));
    // The right key over another server's fingerprint: refused.
    Bytes otherServer = m_payee.fingerprint;
    otherServer[0] ^= 1;
    stranger.send(stranger.bindFrame(ch, m_payers[2], otherServer));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::BindBadSignature));
    stranger.send(stranger.chunkRequest(ch, QStringLiteral("big.bin"), 0));
    QCOMPARE(stranger.errorCode(), code(ErrorCode::ChannelNotBound));
    QCOMPARE(stranger.chunkFrames, 0);
    QCOMPARE(payeeRecord(2).seq, uint64_t(1));
    // The payer itself is served what it paid for.
    QVERIFY(honest.fetchChunk(ch, QStringLiteral("big.bin"), 0, kChunk));
}

void TestPurchases::closedChannelsPayForNothing()
{
    const OutPoint ch = channel(3);
    Conn c;
    QVERIFY(c.open(m_payee.port));
    QVERIFY(c.bind(ch, m_payers[3], m_payee.fingerprint));
    QVERIFY(c.purchase(ch, QStringLiteral("big.bin")).contains(QLatin1String("start_sat")));
    c.send(messageFrame(payment(3, 1, 4 * kPricePerChunk)));
    QVERIFY(c.acked());
    QVERIFY(c.fetchChunk(ch, QStringLiteral("big.bin"), 0, kChunk));
    for (auto state : {store::ChannelState::Closing, store::ChannelState::Settled, store::ChannelState::Refunded}) {
        m_payee.run([&] {
            auto rec = **m_payee.store->find(ch);
            rec.state = state;
            (void)m_payee.store->update(rec);
        });
        // Paid-for chunks stop once the channel is not open, and no payment counts.
        c.send(c.chunkRequest(ch, QStringLiteral("big.bin"), 1));
        QCOMPARE(c.errorCode(), code(ErrorCode::ChannelNotOpen));
        c.send(messageFrame(payment(3, 2, 5 * kPricePerChunk)));
        QCOMPARE(c.errorCode(), code(ErrorCode::ChannelNotOpen));
        // Nor can a new connection bind it.
        Conn late;
        QVERIFY(late.open(m_payee.port));
        late.send(late.bindFrame(ch, m_payers[3], m_payee.fingerprint));
        QCOMPARE(late.errorCode(), code(ErrorCode::ChannelNotOpen));
    }
    QCOMPARE(c.chunkFrames, 2); // chunk 0 in two frames of at most 60 KiB
    QCOMPARE(payeeRecord(3).paid, 4 * kPricePerChunk);
}

void TestPurchases::floodOfChunkRequestsIsBounded()
{
    const OutPoint ch = channel(4);
    Conn flood;
    QVERIFY(flood.open(m_payee.port));
    QVERIFY(flood.bind(ch, m_payers[4], m_payee.fingerprint));
    QVERIFY(flood.purchase(ch, QStringLiteral("big.bin")).contains(QLatin1String("start_sat")));
    flood.send(messageFrame(payment(4, 1, kPricePerChunk)));
    QVERIFY(flood.acked());
    // Chunk 0, paid for, ten thousand times, and never a byte read (nor buffered
    // here: what the server sends stays in the kernel's buffers, and TCP pushes back).
    flood.socket.setReadBufferSize(64 * 1024);
    QByteArray requests;
    for (int i = 0; i < 10000; ++i)
        requests += flood.chunkRequest(ch, QStringLiteral("big.bin"), 0);
    flood.socket.write(requests);
    const qint64 before = test::peakKiB();
    for (int i = 0; i < 30; ++i) {
        flood.socket.waitForBytesWritten(100);
        QTest::qWait(100);
    }
    // The server is alive and answers others; its memory stayed bounded.
    Conn other;
    QVERIFY(other.open(m_payee.port));
    other.send(jsonFrame(FrameKind::Catalog, {{QStringLiteral("page"), 0}}));
    auto cat = other.answer();
    QVERIFY(cat && cat->first == FrameKind::Catalog);
    QCOMPARE(QJsonDocument::fromJson(cat->second).object().value(QLatin1String("files")).toArray().size(), 3);
    const qint64 peak = test::peakKiB();
    std::printf("flood: 10,000 requests for a paid chunk of %lld KiB, unread: peak memory %lld KiB (before %lld KiB)\n",
                static_cast<long long>(kChunk / 1024), static_cast<long long>(peak), static_cast<long long>(before));
    std::fflush(stdout);
    QVERIFY(peak > 0 && peak < 512 * 1024);
    // Unbounded, it would have queued 10,000 x 64 KiB = 625 MiB; bounded, far less.
    QVERIFY2(peak - before < 128 * 1024, qPrintable(QString::number(peak - before)));
}

void TestPurchases::rateLimitPushesBackWithoutDropping()
{
    // 400 frames a second at most (set above): 1,200 pipelined payments take
    // about three seconds, and every one is acknowledged.
    const OutPoint ch = channel(5);
    Conn c;
    QVERIFY(c.open(m_payee.port));
    QVERIFY(c.bind(ch, m_payers[5], m_payee.fingerprint));
    const int n = 1200;
    QByteArray all;
    for (int i = 1; i <= n; ++i)
        all += messageFrame(payment(5, static_cast<uint64_t>(i), 1000 + i));
    QElapsedTimer t;
    t.start();
    c.socket.write(all);
    int acks = 0;
    while (acks < n && c.acked())
        ++acks;
    QCOMPARE(acks, n);
    QVERIFY2(t.elapsed() >= 2000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(payeeRecord(5).seq, uint64_t(n));
}

void TestPurchases::tricklingConnectionIsDropped()
{
    // A frame that arrives a byte at a time, slower than the frame time-out
    // (800 ms here), is dropped though bytes keep coming.
    Conn slow;
    QVERIFY(slow.open(m_payee.port));
    const QByteArray frame = jsonFrame(FrameKind::Catalog, {{QStringLiteral("page"), 0}});
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < frame.size() && slow.socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < 10000; ++i) {
        slow.socket.write(frame.mid(i, 1));
        slow.socket.waitForBytesWritten(1000);
        slow.socket.waitForDisconnected(150);
    }
    QCOMPARE(slow.socket.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(t.elapsed() < 5000);
}

void TestPurchases::unfundedProposalsExpire()
{
    // An offer in the payee's store, and strangers' proposals for it that are never funded.
    OfferMsg offer;
    offer.payeePub = m_payee.key.publicKey().bytes();
    offer.payeePayout = p2wpkh(m_payee.key.publicKey().hash());
    offer.minCapacity = 1000;
    offer.maxCapacity = 100'000'000;
    offer.minExpiryDelta = 12;
    offer.maxExpiryDelta = 4032;
    m_payee.run([&] { QVERIFY(m_payee.store->insertOffer(store::OfferRecord{offer, 0, 0}).ok()); });
    auto proposals = [this] {
        int n = 0;
        m_payee.run([&] {
            auto all = m_payee.store->all();
            if (!all)
                return;
            for (const auto &r : *all)
                n += r.state == store::ChannelState::Proposed ? 1 : 0;
        });
        return n;
    };
    // One accepted from a file long ago, by the user: it stays.
    const PrivateKey fileKey = PrivateKey::generate();
    m_payee.run([&] {
        store::ChannelRecord rec;
        rec.params = m_payee.channels[0];
        rec.params.funding = OutPoint{sha256(asBytes("a proposal from a file")), 0};
        rec.params.payerPub = fileKey.publicKey().bytes();
        rec.role = store::ChannelRole::Payee;
        rec.state = store::ChannelState::Proposed;
        rec.created = 1;
        QVERIFY(m_payee.store->insert(rec).ok());
    });
    Conn c;
    QVERIFY(c.open(m_payee.port));
    for (int i = 0; i < 17 && c.socket.state() == QAbstractSocket::ConnectedState; ++i) {
        const PrivateKey k = PrivateKey::generate();
        ProposalMsg m;
        m.variant = Variant::Cltv;
        m.payeePub = offer.payeePub;
        m.funding = OutPoint{sha256(asBytes("never funded " + std::to_string(i))), 0};
        m.capacity = 1'000'000;
        m.payerPub = k.publicKey().bytes();
        m.payerRefund = p2wpkh(k.publicKey().hash());
        m.expiry = 144;
        m.commitFee = 5000;
        m.refundFee = 5000;
        c.send(messageFrame(m));
        c.socket.waitForDisconnected(100);
    }
    // At most 16 proposals on one connection: the 17th closes it.
    QCOMPARE(c.socket.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(proposals(), 1 + 16);
    // Never funded, they are forgotten once their time is up (2 s here); open
    // channels and the user's own proposal stay.
    QTRY_COMPARE_WITH_TIMEOUT(proposals(), 1, 10000);
    QCOMPARE(payeeRecord(0).state, store::ChannelState::Open);
}

void TestPurchases::cheapChecksBeforeSignatures()
{
    // A bound payer sends one good payment, then 300 from far ahead in the
    // sequence, and a stranger 300 naming a channel it is not bound to: all are
    // answered, but only the good one and one out-of-order payment (answered by
    // the engine with its newest state) reach the signature checks.
    const OutPoint ch = channel(0);
    const uint64_t seq = payeeRecord(0).seq;
    const int64_t paid = payeeRecord(0).paid;
    qint64 before = 0;
    m_payee.run([&] { before = m_payee.server->paymentsChecked(); });
    Conn c, stranger;
    QVERIFY(c.open(m_payee.port));
    QVERIFY(stranger.open(m_payee.port));
    QVERIFY(c.bind(ch, m_payers[0], m_payee.fingerprint));
    QByteArray frames = messageFrame(payment(0, seq + 1, paid + 1));
    QByteArray strangers;
    for (int i = 0; i < 300; ++i) {
        frames += messageFrame(payment(0, seq + 1000 + static_cast<uint64_t>(i), paid + 1000 + i));
        strangers += messageFrame(payment(1, 100 + static_cast<uint64_t>(i), 100000 + i));
    }
    c.socket.write(frames);
    stranger.socket.write(strangers);
    QVERIFY(c.acked());
    for (int i = 0; i < 300; ++i)
        QCOMPARE(c.errorCode(), code(ErrorCode::PaymentSequence));
    for (int i = 0; i < 300; ++i)
        QCOMPARE(stranger.errorCode(), code(ErrorCode::ChannelNotBound));
    qint64 after = 0;
    m_payee.run([&] { after = m_payee.server->paymentsChecked(); });
    QVERIFY2(after - before <= 2, qPrintable(QString::number(after - before)));
    QCOMPARE(payeeRecord(0).seq, seq + 1);
}

void TestPurchases::catalogueIsPagedWithinFrames()
{
    // 700 files with long names: about 300 KiB of catalogue, more than four frames.
    QTemporaryDir dir;
    for (int i = 0; i < 700; ++i) {
        QFile f(dir.filePath(QStringLiteral("%1-%2.bin").arg(i, 4, 10, QLatin1Char('0')).arg(QString(150, QLatin1Char('x')))));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100 + i, 'c'));
    }
    transport::FileProvider provider(dir.path(), kChunk, kPricePerMiB);
    QVERIFY(provider.scan().ok());
    QVERIFY2(provider.catalogPages() > 4, qPrintable(QString::number(provider.catalogPages())));
    QStringList names;
    for (int page = 0; page < provider.catalogPages(); ++page) {
        const QJsonObject o = provider.catalogPage(page);
        QCOMPARE(o.value(QLatin1String("pages")).toInt(), provider.catalogPages());
        const QByteArray frame = transport::encodeFrame(FrameKind::Catalog, QJsonDocument(o).toJson(QJsonDocument::Compact));
        QVERIFY(frame.size() - 4 <= static_cast<qsizetype>(transport::kMaxFrame));
        for (const auto &e : transport::FileProvider::fromJson(o.value(QLatin1String("files")).toArray())) {
            names << e.name;
            QCOMPARE(e.chunkHashesRoot, provider.entry(e.name)->chunkHashesRoot);
        }
    }
    QCOMPARE(names.size(), 700);
    QCOMPARE(names.last(), provider.catalog().last().name);
    QCOMPARE(provider.catalogPage(provider.catalogPages()).value(QLatin1String("files")).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestPurchases)
#include "tst_purchases.moc"
