// 200 payers at once over loopback TLS, each on its own connection and in its
// own channel, pipelining its payments, while others misbehave (oversize
// frames, garbage before the handshake, readers that never read): every
// honest payment is acknowledged after it is stored, the store ends with each
// channel's newest payment, the server stays up and its memory bounded.
// The channels are put straight into the payee's store as open (their funding
// is the business of tst_socket and tst_cli_channels): this test is about the
// server under many peers.
#include "ProcessMemory.h"

#include "bitcoin/Key.h"
#include "chain/LocalChain.h"
#include "channel/ChannelEngine.h"
#include "channel/ChannelSigning.h"
#include "store/ChannelStore.h"
#include "transport/ChannelBinding.h"
#include "transport/Framing.h"
#include "transport/PaymentServer.h"
#include "transport/TlsIdentity.h"

#include <QFile>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::channel;

namespace {

constexpr int kPayers = 200;
constexpr int kPaymentsEach = 25;


/// The payee: store, engine and TLS server on their own thread, as in the app.
struct Payee : QObject {
    QString dir;
    PrivateKey key = PrivateKey::generate();
    std::vector<ChannelParams> channels;
    chain::ChainBackend *chain = nullptr;
    std::unique_ptr<store::ChannelStore> store;
    std::unique_ptr<ChannelEngine> engine;
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
        auto id = transport::TlsIdentity::fromSecret(PrivateKey::generate().bytes(), QStringLiteral("many-payers"));
        if (!id)
            return;
        fingerprint = id->fingerprint;
        OfferMsg offer;
        offer.payeePub = key.publicKey().bytes();
        server = std::make_unique<transport::PaymentServer>(*engine, *id, encodeMessage(offer));
        auto p = server->listen(QStringLiteral("127.0.0.1"), 0);
        port = p ? *p : 0;
    }
    void stop()
    {
        server.reset();
        engine.reset();
        store.reset();
    }
};

QByteArray messageFrame(const Message &m)
{
    const Bytes b = encodeMessage(m);
    return transport::encodeFrame(transport::FrameKind::Message,
                                  QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
}

/// One payer: connects, waits for the offer, sends all its payments at once, counts acks.
struct Payer {
    std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
    transport::FrameDecoder decoder;
    std::vector<QByteArray> frames;
    std::function<QByteArray(const QByteArray &)> bindFrame; ///< the Bind frame for a challenge
    bool sent = false;
    int acks = 0, refusals = 0;
};

} // namespace

class TestManyPayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoHundredPayersAtOnce();
};

void TestManyPayers::twoHundredPayersAtOnce()
{
    QTemporaryDir dir;
    chain::LocalChain chain(dir.filePath(QStringLiteral("chain.sqlite")));
    chain.setPollInterval(0);
    QVERIFY(chain::await(chain.tip()).ok());

    // Channels: one payer key each, all to the same payee.
    Payee payee;
    payee.dir = dir.path();
    payee.chain = &chain;
    std::vector<PrivateKey> payerKeys;
    for (int i = 0; i < kPayers; ++i) {
        const PrivateKey k = PrivateKey::generate();
        ChannelParams p;
        p.variant = Variant::Cltv;
        p.funding = OutPoint{sha256(asBytes("funding " + std::to_string(i))), 0};
        p.capacity = Amount::fromSat(1'000'000);
        p.payerPub = k.publicKey().bytes();
        p.payeePub = payee.key.publicKey().bytes();
        p.payeePayout = p2wpkh(payee.key.publicKey().hash());
        p.payerRefund = p2wpkh(k.publicKey().hash());
        p.expiry = 100000;
        p.commitFee = Amount::fromSat(500);
        p.refundFee = Amount::fromSat(400);
        payee.channels.push_back(p);
        payerKeys.push_back(k);
    }
    QThread thread;
    payee.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(&payee, [&payee] { payee.start(); }, Qt::BlockingQueuedConnection);
    auto stopPayee = qScopeGuard([&] {
        if (!thread.isRunning())
            return;
        QMetaObject::invokeMethod(&payee, [&payee] { payee.stop(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    });
    QVERIFY(payee.port != 0);

    // Payments signed beforehand: payer i pays 1,000 + 100·n sat in its payment n.
    std::vector<Payer> payers(kPayers);
    for (int i = 0; i < kPayers; ++i) {
        payers[i].bindFrame = [&payee, &payerKeys, i](const QByteArray &challenge) {
            transport::BindRequest b;
            b.channel = payee.channels[i].funding;
            b.signature = payerKeys[i].signCompact(transport::bindDigest(challenge, b.channel, payee.fingerprint));
            return transport::encodeFrame(transport::FrameKind::Bind, b.serialize());
        };
        const ChannelSighasher hasher(payee.channels[i]);
        for (int n = 1; n <= kPaymentsEach; ++n)
            payers[i].frames.push_back(messageFrame(
                signPayment(payee.channels[i], static_cast<uint64_t>(n), Amount::fromSat(1000 + 100 * n), payerKeys[i], hasher)));
    }

    QElapsedTimer clock;
    clock.start();
    for (auto &p : payers) {
        QSslSocket *s = p.socket.get();
        QObject::connect(s, &QSslSocket::sslErrors, s, [s] { s->ignoreSslErrors(); });
        QObject::connect(s, &QSslSocket::readyRead, s, [&p, s] {
            p.decoder.feed(s->readAll());
            while (auto f = p.decoder.next()) {
                if (f->first == transport::FrameKind::Challenge && !p.sent) {
                    // Bind the channel (sign the connection's challenge), then all payments at once, pipelined.
                    p.sent = true;
                    s->write(p.bindFrame(f->second));
                    for (const auto &frame : p.frames)
                        s->write(frame);
                    continue;
                }
                if (f->first != transport::FrameKind::Message)
                    continue;
                auto m = decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
                if (!m)
                    continue;
                if (std::holds_alternative<AckMsg>(*m)) {
                    ++p.acks;
                } else if (std::holds_alternative<ErrorMsg>(*m)) {
                    ++p.refusals;
                }
            }
        });
        s->connectToHostEncrypted(QStringLiteral("127.0.0.1"), payee.port);
    }
    // Meanwhile the misbehaving: garbage before the handshake, oversize frames, and
    // connections that never read (all event-driven, nothing here waits).
    std::vector<std::unique_ptr<QTcpSocket>> rude;
    for (int i = 0; i < 20; ++i) {
        auto s = std::make_unique<QTcpSocket>();
        QObject::connect(s.get(), &QTcpSocket::connected, s.get(), [raw = s.get()] { raw->write(QByteArray(2048, '\x16')); });
        s->connectToHost(QHostAddress::LocalHost, payee.port);
        rude.push_back(std::move(s));
    }
    std::vector<std::unique_ptr<QSslSocket>> oversize, silent;
    std::vector<QSslSocket *> oversized;
    for (int i = 0; i < 15; ++i) {
        for (auto *list : {&oversize, &silent}) {
            auto s = std::make_unique<QSslSocket>();
            QSslSocket *raw = s.get();
            QObject::connect(raw, &QSslSocket::sslErrors, raw, [raw] { raw->ignoreSslErrors(); });
            if (list == &oversize) {
                QObject::connect(raw, &QSslSocket::encrypted, raw, [raw, &oversized] {
                    raw->write(QByteArray::fromHex("00100001") + QByteArray(64, 'a')); // announces 1 MiB + 1
                    oversized.push_back(raw);
                });
            }
            raw->connectToHostEncrypted(QStringLiteral("127.0.0.1"), payee.port);
            list->push_back(std::move(s));
        }
    }

    auto done = [&] {
        int finished = 0;
        for (const auto &p : payers)
            finished += p.acks + p.refusals >= kPaymentsEach ? 1 : 0;
        return finished;
    };
    QTRY_VERIFY_WITH_TIMEOUT(done() == kPayers, 180000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    int acks = 0, refusals = 0;
    for (const auto &p : payers) {
        acks += p.acks;
        refusals += p.refusals;
    }
    QCOMPARE(refusals, 0);
    QCOMPARE(acks, kPayers * kPaymentsEach);
    // (Their handshakes go on in the event loop; honest payers may finish first.)
    QTRY_VERIFY_WITH_TIMEOUT(oversized.size() > 5, 30000);
    // The oversize senders were cut off.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(oversized.begin(), oversized.end(),
                                         [](const QSslSocket *s) { return s->state() == QAbstractSocket::UnconnectedState; }),
                             10000);

    // What was acknowledged was stored: each channel holds its newest payment.
    stopPayee.dismiss();
    QMetaObject::invokeMethod(&payee, [&payee] { payee.stop(); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    store::ChannelStore check;
    QVERIFY(check.open(dir.path()).ok());
    auto all = check.all();
    QVERIFY(all.ok());
    QCOMPARE(static_cast<int>(all->size()), kPayers);
    for (const auto &rec : *all) {
        QCOMPARE(rec.seq, uint64_t(kPaymentsEach));
        QCOMPARE(rec.paid, int64_t(1000 + 100 * kPaymentsEach));
    }
    const qint64 peak = test::peakKiB();
    std::printf("many payers: %d payers at once x %d payments over TLS, %d acks in %.1f s (%.0f /s), %d rude, %d oversize, "
                "%zu silent; peak memory of this process (server and all clients) %lld KiB\n",
                kPayers, kPaymentsEach, acks, seconds, acks / seconds, static_cast<int>(rude.size()), static_cast<int>(oversized.size()), silent.size(),
                static_cast<long long>(peak));
    std::fflush(stdout);
    QVERIFY(peak > 0 && peak < 1024 * 1024);
}

QTEST_GUILESS_MAIN(TestManyPayers)
#include "tst_many_payers.moc"
