// spillway-bench: channel update throughput against the floor of one secp256k1
// sign plus verify, measured in the same run (docs/benchmarks.md).
#include "backup/BackupWriter.h"
#include "bitcoin/Key.h"
#include "channel/ChannelSigning.h"
#include "chain/LocalChain.h"
#include "channel/ChannelEngine.h"
#include "store/ChannelStore.h"
#include "transport/ChannelBinding.h"
#include "transport/Framing.h"
#include "transport/PaymentServer.h"
#include "transport/TlsIdentity.h"

#include <QSslSocket>
#include <QThread>

#include <algorithm>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/resource.h>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::channel;

namespace {

double floorPerSecond(int n)
{
    const PrivateKey k = PrivateKey::generate();
    const PublicKey pub = k.publicKey();
    QElapsedTimer t;
    t.start();
    int ok = 0;
    for (int i = 0; i < n; ++i) {
        Writer w;
        w.u32(static_cast<uint32_t>(i));
        const Hash256 digest = sha256(w.data());
        const Bytes sig = k.signDer(digest);
        ok += pub.verifyDer(digest, sig);
    }
    const double s = t.nsecsElapsed() / 1e9;
    if (ok != n)
        std::fprintf(stderr, "floor: a signature failed to verify\n");
    return n / s;
}

struct Setup {
    PrivateKey payer = PrivateKey::generate();
    PrivateKey payee = PrivateKey::generate();
    ChannelParams params;
    Setup(Variant v)
    {
        params.variant = v;
        params.funding = OutPoint{sha256(asBytes("bench funding")), 0};
        params.capacity = Amount::fromSat(1'000'000'000);
        params.payerPub = payer.publicKey().bytes();
        params.payeePub = payee.publicKey().bytes();
        params.payeePayout = p2wpkh(PrivateKey::generate().publicKey().hash());
        params.payerRefund = p2wpkh(payer.publicKey().hash());
        params.expiry = 100000;
        params.commitFee = Amount::fromSat(500);
        params.refundFee = Amount::fromSat(400);
    }
};

/// Payer signs, payee checks (interpreter included) and stores: `batch` updates per synced commit.
double updatesPerSecond(Variant v, int n, int batch, const QString &dir)
{
    Setup s(v);
    store::ChannelStore st;
    if (!st.open(dir).ok())
        return 0;
    store::ChannelRecord rec;
    rec.params = s.params;
    rec.role = store::ChannelRole::Payee;
    rec.state = store::ChannelState::Open;
    if (!st.insert(rec).ok())
        return 0;
    const ChannelSighasher payerHasher(s.params), payeeHasher(s.params);
    PayeeChannelState state;
    state.params = s.params;
    state.open = true;
    state.fundingConfirmations = 6;
    std::vector<store::ChannelRecord> pending;
    QElapsedTimer t;
    t.start();
    for (int i = 1; i <= n; ++i) {
        const PaymentMsg m = signPayment(s.params, static_cast<uint64_t>(i), Amount::fromSat(1000LL * i), s.payer, payerHasher);
        auto d = checkPayment(state, m, 1, PayeePolicy{}, s.payee, payeeHasher);
        if (!d) {
            std::fprintf(stderr, "update %d failed: %s\n", i, d.error().describe().c_str());
            return 0;
        }
        state = d->next;
        rec.seq = state.lastSequence;
        rec.paid = state.lastPaid;
        rec.payerSig = state.lastPayerSig;
        pending.push_back(rec);
        if (static_cast<int>(pending.size()) == batch || i == n) {
            if (!(batch == 1 ? st.update(pending.back(), true) : st.updateMany(pending)).ok())
                return 0;
            rec.version = pending.back().version; // the row's version after this write
            pending.clear();
        }
    }
    return n / (t.nsecsElapsed() / 1e9);
}

int qrVersionAtM(const std::string &upperText)
{
    ZXing::MultiFormatWriter w(ZXing::BarcodeFormat::QRCode);
    w.setEccLevel(4); // zxing-cpp maps 3..4 to level M
    w.setMargin(0);
    const ZXing::BitMatrix m = w.encode(upperText, 0, 0);
    return (m.width() - 17) / 4;
}

// The payee side of the socket bench, on its own thread (store, engine, server).
struct SocketPayee : QObject {
    QString dir;
    ChannelParams params;
    PrivateKey payeeKey;
    chain::LocalChain *chain = nullptr;
    std::unique_ptr<store::ChannelStore> store;
    std::unique_ptr<ChannelEngine> engine;
    std::unique_ptr<transport::PaymentServer> server;
    QString backupFolder; ///< empty: backups off
    std::unique_ptr<backup::BackupWriter> backups;
    Bytes fingerprint;
    quint16 port = 0;

    void start()
    {
        store = std::make_unique<store::ChannelStore>();
        if (!store->open(dir).ok())
            return;
        store::ChannelRecord rec;
        rec.params = params;
        rec.role = store::ChannelRole::Payee;
        rec.state = store::ChannelState::Open;
        if (!store->insert(rec).ok())
            return;
        if (!backupFolder.isEmpty()) {
            // As a wallet with a backup folder set: every group commit is followed by a backup.
            auto key = backup::BackupKey::fromSecret(PrivateKey::generate().bytes());
            if (!key || !backup::BackupSettings{backupFolder, key->fileName(params.network)}.save(dir).ok())
                return;
            backups = std::make_unique<backup::BackupWriter>(dir, params.network, [k = *key]() -> Result<backup::BackupKey> { return k; });
            backups->attach(*store);
        }
        engine = std::make_unique<ChannelEngine>([this](uint32_t) -> Result<PrivateKey> { return payeeKey; }, *chain, *store);
        SecretBytes secret(32);
        const PrivateKey tlsKey = PrivateKey::generate();
        auto id = transport::TlsIdentity::fromSecret(tlsKey.bytes(), QStringLiteral("bench"));
        if (!id)
            return;
        fingerprint = id->fingerprint;
        OfferMsg offer;
        offer.payeePub = params.payeePub;
        offer.payeePayout = params.payeePayout;
        server = std::make_unique<transport::PaymentServer>(*engine, *id, encodeMessage(offer), nullptr);
        auto p = server->listen(QStringLiteral("127.0.0.1"), 0);
        port = p ? *p : 0;
    }
    void stop()
    {
        server.reset();
        engine.reset();
        backups.reset();
        store.reset();
    }
};

std::optional<std::pair<transport::FrameKind, QByteArray>> readFrame(QSslSocket &s, transport::FrameDecoder &d)
{
    while (true) {
        if (auto f = d.next())
            return f;
        if (d.failed() || (s.bytesAvailable() == 0 && !s.waitForReadyRead(30000)))
            return std::nullopt;
        d.feed(s.readAll());
    }
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct SocketRun {
    bool ok = false;
    double pipelined = 0;     ///< acks per second
    double cpuPerPayment = 0; ///< both ends' CPU (this process), microseconds
    int backupsWritten = 0;
    uint64_t commits = 0; ///< group commits the writer was told of
    std::vector<double> latencies;
    int acks = 0, errors = 0;
};

/// ok is false when fewer acks came back than payments were sent.
/// `window`: payments in flight at most (0: all of them written at once).
SocketRun socketBench(int n, bool withBackups, bool measureLatency, int window)
{
    SocketRun run;
    QTemporaryDir dir;
    chain::LocalChain chain(dir.filePath(QStringLiteral("chain.sqlite")));
    chain.setPollInterval(0);
    (void)chain::await(chain.tip());
    Setup s(Variant::Cltv);
    QThread thread;
    SocketPayee payee;
    payee.dir = dir.path();
    payee.params = s.params;
    payee.payeeKey = s.payee;
    payee.chain = &chain;
    if (withBackups) {
        payee.backupFolder = dir.filePath(QStringLiteral("backups"));
        QDir().mkpath(payee.backupFolder);
    }
    payee.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(&payee, [&payee] { payee.start(); }, Qt::BlockingQueuedConnection);
    if (!payee.port) {
        std::printf("socket bench: the server did not start\n");
        return run;
    }
    QSslSocket sock;
    QObject::connect(&sock, &QSslSocket::sslErrors, &sock, [&sock] { sock.ignoreSslErrors(); });
    sock.connectToHostEncrypted(QStringLiteral("127.0.0.1"), payee.port);
    transport::FrameDecoder dec;
    if (!sock.waitForEncrypted(10000) || !readFrame(sock, dec)) { // the first frame is the offer
        std::printf("socket bench: no TLS connection\n");
        return run;
    }
    // Then the connection's challenge: the payer binds its channel by signing it.
    const auto challenge = readFrame(sock, dec);
    if (!challenge || challenge->first != transport::FrameKind::Challenge) {
        std::printf("socket bench: no challenge from the server\n");
        return run;
    }
    transport::BindRequest bind;
    bind.channel = s.params.funding;
    bind.signature = s.payer.signCompact(transport::bindDigest(challenge->second, s.params.funding, payee.fingerprint));
    sock.write(transport::encodeFrame(transport::FrameKind::Bind, bind.serialize()));
    const auto bound = readFrame(sock, dec);
    if (!bound || bound->first != transport::FrameKind::Bind) {
        std::printf("socket bench: the server did not bind the channel\n");
        return run;
    }
    const ChannelSighasher hasher(s.params);
    auto frame = [&](uint64_t seq) {
        const Bytes b = encodeMessage(signPayment(s.params, seq, Amount::fromSat(1000 + static_cast<int64_t>(seq)), s.payer, hasher));
        return transport::encodeFrame(transport::FrameKind::Message, QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())));
    };
    // Pipelined: payments signed beforehand, sent back to back; acks counted.
    std::vector<QByteArray> frames;
    for (int i = 1; i <= n; ++i)
        frames.push_back(frame(static_cast<uint64_t>(i)));
    QElapsedTimer t;
    t.start();
    const double cpuBefore = cpuSeconds();
    size_t sent = 0;
    auto sendUpTo = [&](size_t limit) {
        for (; sent < std::min(limit, frames.size()); ++sent)
            sock.write(frames[sent]);
    };
    sendUpTo(window > 0 ? static_cast<size_t>(window) : frames.size());
    int acks = 0, errors = 0;
    while (acks + errors < n) {
        if (window > 0)
            sendUpTo(static_cast<size_t>(acks + errors + window));
        auto f = readFrame(sock, dec);
        if (!f)
            break;
        auto m = decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
        if (m && std::holds_alternative<AckMsg>(*m))
            ++acks;
        else if (errors++ == 0 && m && std::holds_alternative<ErrorMsg>(*m))
            std::fprintf(stderr, "socket bench: %s\n", std::get<ErrorMsg>(*m).text.c_str());
    }
    run.pipelined = acks / (t.nsecsElapsed() / 1e9);
    run.cpuPerPayment = acks ? (cpuSeconds() - cpuBefore) * 1e6 / acks : 0;
    // One at a time: latency of a payment (signing included) until its ack.
    std::vector<double> &lat = run.latencies;
    for (int i = 1; measureLatency && i <= 300; ++i) {
        QElapsedTimer one;
        one.start();
        sock.write(frame(static_cast<uint64_t>(n + i)));
        if (!readFrame(sock, dec))
            break;
        lat.push_back(one.nsecsElapsed() / 1e6);
    }
    std::sort(lat.begin(), lat.end());
    run.acks = acks;
    run.errors = errors;
    sock.disconnectFromHost();
    if (payee.backups) {
        run.backupsWritten = payee.backups->written();
        run.commits = payee.backups->commits();
    }
    QMetaObject::invokeMethod(&payee, [&payee] { payee.stop(); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    if (acks < n) {
        std::fprintf(stderr, "socket bench: only %d of %d payments acknowledged (%d refused, %d lost)\n", acks, n, errors, n - acks - errors);
        return run;
    }
    run.ok = true;
    return run;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

/// Pipelined payments with backups off and on, five runs each, interleaved; medians.
/// Once with every payment written at once, once with 16 in flight (as `buy --lead
/// 16`), which makes many small group commits: the harder case for backups.
bool socketBenches(int n, double floor)
{
    SocketRun first;
    bool allOk = true;
    for (const int window : {0, 16}) {
        std::vector<double> off, on, cpuOff, cpuOn;
        int backups = 0;
        uint64_t commits = 0;
        for (int i = 0; i < 5; ++i) {
            for (const bool withBackups : {false, true}) {
                SocketRun r = socketBench(n, withBackups, window == 0 && i == 0 && !withBackups, window);
                if (!r.ok)
                    return false;
                (withBackups ? on : off).push_back(r.pipelined);
                (withBackups ? cpuOn : cpuOff).push_back(r.cpuPerPayment);
                if (withBackups) {
                    backups += r.backupsWritten;
                    commits += r.commits;
                }
                if (window == 0 && i == 0 && !withBackups)
                    first = r;
            }
        }
        const double mOff = median(off), mOn = median(on);
        if (window == 0)
            std::printf("payments over loopback TLS, pipelined    %10.0f /s  %5.1f %% of floor (%d acks, %d refused; median of 5, %.0f us CPU each)\n",
                        mOff, 100 * mOff / floor, first.acks, first.errors, median(cpuOff));
        else
            std::printf("  the same, %d in flight at most        %10.0f /s  %5.1f %% of floor (median of 5, %.0f us CPU each)\n", window, mOff,
                        100 * mOff / floor, median(cpuOff));
        std::printf("  with backups on                        %10.0f /s  %+5.1f %% (median of 5, %.0f us CPU each; %llu group commits, %d backups)\n",
                    mOn, 100 * (mOn - mOff) / mOff, median(cpuOn), static_cast<unsigned long long>(commits), backups);
        allOk = allOk && backups > 0;
    }
    const auto &lat = first.latencies;
    if (!lat.empty())
        std::printf("one payment over TLS, signed to ack        p50 %.2f ms, p99 %.2f ms\n", lat[lat.size() / 2],
                    lat[std::min(lat.size() - 1, lat.size() * 99 / 100)]);
    return allOk;
}

int usage(FILE *to)
{
    std::fprintf(to, "usage: spillway-bench [N]\n\n"
                     "Measures channel updates against the floor of one secp256k1 sign plus verify: N updates per\n"
                     "variant (default 2000), then N pipelined payments over loopback TLS on one connection, five\n"
                     "times without and five times with a backup after every group commit (medians).\n"
                     "Exits 1 when fewer payments are acknowledged than were sent (docs/benchmarks.md).\n");
    return to == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int n = 2000;
    if (argc > 1) {
        const std::string a = argv[1];
        if (a == "--help" || a == "-h")
            return usage(stdout);
        char *end = nullptr;
        const long v = std::strtol(argv[1], &end, 10);
        if (argc > 2 || end == argv[1] || *end != '\0' || v < 1 || v > 10'000'000)
            return usage(stderr);
        n = static_cast<int>(v);
    }
    QTemporaryDir dir;

    const double floor = floorPerSecond(n);
    std::printf("floor: secp256k1 sign + verify             %10.0f /s\n", floor);
    for (Variant v : {Variant::Cltv, Variant::Refund}) {
        const double one = updatesPerSecond(v, n, 1, dir.filePath(QStringLiteral("one-%1").arg(int(v))));
        const double group = updatesPerSecond(v, n, 64, dir.filePath(QStringLiteral("group-%1").arg(int(v))));
        std::printf("updates (%-6s), one sync per update    %10.0f /s  %5.1f %% of floor\n", variantName(v).data(), one, 100 * one / floor);
        std::printf("updates (%-6s), group commit of 64     %10.0f /s  %5.1f %% of floor\n", variantName(v).data(), group, 100 * group / floor);
    }
    Setup s(Variant::Cltv);
    const PaymentMsg pay = signPayment(s.params, 1000, Amount::fromSat(1'000'000), s.payer, ChannelSighasher(s.params));
    std::string text = messageToText(pay);
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::printf("payment message: %zu bytes binary, %zu characters of text, QR version %d at level M\n",
                encodeMessage(pay).size(), text.size(), qrVersionAtM(text));
    return socketBenches(n, floor) ? 0 : 1;
}
