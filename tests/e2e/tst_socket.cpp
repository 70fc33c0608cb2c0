// The seed's own scenario over real sockets: a provider sells files over TLS 1.3
// on loopback, a buyer pays per chunk. Pinning, a provider killed mid-download,
// and abuse (bad frames, garbage, 200 connections at once) while an honest
// buyer finishes.
#include "CliRunner.h"
#include "ProcessMemory.h"

#include "bitcoin/Key.h"
#include "channel/Messages.h"
#include "transport/ChannelBinding.h"
#include "transport/Framing.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace spillway;
using namespace spillway::test;

namespace {

QString makeFile(const QString &path, qint64 size)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    QRandomGenerator rng(static_cast<quint32>(size));
    QByteArray block(1 << 20, '\0');
    for (qint64 done = 0; done < size; done += block.size()) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        f.write(block.left(std::min<qint64>(block.size(), size - done)));
    }
    f.close();
    f.open(QIODevice::ReadOnly);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

struct Provider {
    Provider(QString c, QString d, QString o) : chain(std::move(c)), dataDir(std::move(d)), offerFile(std::move(o)) {}
    QProcess process;
    QString chain, dataDir, offerFile;
    bool start(const QStringList &extra)
    {
        QFile::remove(offerFile);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(SPILLWAY_CLI), QStringList{QStringLiteral("--chain"), chain, QStringLiteral("--datadir"), dataDir,
                                                                 QStringLiteral("serve"), QStringLiteral("--out"), offerFile,
                                                                 QStringLiteral("--mine-every"), QStringLiteral("1")} + extra);
        return QTest::qWaitFor([&] { return QFile::exists(offerFile) && QFileInfo(offerFile).size() > 0; }, 30000);
    }
    void kill()
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished(10000);
    }
    qint64 peakKiB() const { return spillway::test::peakKiB(QString::number(process.processId())); }
    ~Provider()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(3000))
                kill();
        }
    }
};

} // namespace

class TestSocket : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_chain;
    CliRunner *m_buyer = nullptr;
    CliRunner *m_seller = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_chain = m_dir.filePath(QStringLiteral("chain.sqlite"));
        m_buyer = new CliRunner(m_chain, m_dir.filePath(QStringLiteral("buyer")));
        m_seller = new CliRunner(m_chain, m_dir.filePath(QStringLiteral("seller")));
        QVERIFY(!m_buyer->json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
        QVERIFY(!m_seller->json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
        m_buyer->run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
        QDir().mkpath(m_dir.filePath(QStringLiteral("files")));
    }
    void cleanupTestCase()
    {
        delete m_buyer;
        delete m_seller;
    }
    void buy64MiBInPieces();
    void wrongPinnedKeyIsRefused();
    void providerKilledMidDownload();
    void abuseWhileAnHonestBuyerFinishes();
    void twoFilesInARowCostBothPrices();
    void garbageChunksArePaidAtMostLead();
    void strangerNamingABuyersChannelIsServedNothing();
    void aFileOnTheCataloguesLastPage();
    void buyerKilledAtRandom();
};

void TestSocket::buyerKilledAtRandom()
{
    // `buy` killed with SIGKILL at random moments (while opening, binding, paying,
    // writing) and run again until the file is whole: every piece is paid once.
    const QString files = m_dir.filePath(QStringLiteral("files8"));
    QDir().mkpath(files);
    const QString hash = makeFile(files + QStringLiteral("/series.bin"), 8ll << 20);
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer8.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("400"), QStringLiteral("--chunk-kib"),
                     QStringLiteral("256"), QStringLiteral("--chunk-delay-ms"), QStringLiteral("80"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(freePort())}));
    const QString out = m_dir.filePath(QStringLiteral("series.got"));
    CliRunner buyer(m_chain, m_dir.filePath(QStringLiteral("killed-buyer")));
    QVERIFY(!buyer.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    buyer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
    QRandomGenerator rng(20261129);
    int kills = 0;
    QJsonObject done;
    for (int round = 0; round < 80 && done.isEmpty(); ++round) {
        QProcess b;
        b.start(QStringLiteral(SPILLWAY_CLI), {QStringLiteral("--chain"), m_chain, QStringLiteral("--datadir"), buyer.dataDir(),
                                               QStringLiteral("buy"), QStringLiteral("series.bin"), QStringLiteral("--offer"), p.offerFile,
                                               QStringLiteral("--out"), out, QStringLiteral("--json")});
        QVERIFY(b.waitForStarted(10000));
        const bool shoot = kills < 10;
        if (shoot && !b.waitForFinished(static_cast<int>(50 + rng.bounded(450u)))) {
            ::kill(static_cast<pid_t>(b.processId()), SIGKILL);
            b.waitForFinished(10000);
            ++kills;
            continue;
        }
        QVERIFY(b.waitForFinished(120000));
        if (b.exitStatus() == QProcess::NormalExit && b.exitCode() == 0)
            done = QJsonDocument::fromJson(b.readAllStandardOutput()).object();
    }
    QVERIFY(!done.isEmpty());
    QCOMPARE(sha256Of(out), hash);
    // 32 pieces of 256 KiB at 100 sat: what the buyer's channel paid, and what the seller holds.
    const QString channel = done.value(QLatin1String("channel")).toString();
    const qint64 paid = satField(done, "paid_sat");
    const qint64 held = satField(m_seller->json({QStringLiteral("channel"), QStringLiteral("show"), channel}), "paid_sat");
    std::printf("crash: %d kills, %lld sat lost (buyer killed during buy, 32 pieces, paid %lld, seller holds %lld)\n", kills,
                static_cast<long long>(std::llabs(paid - 32 * 100)), static_cast<long long>(paid), static_cast<long long>(held));
    std::fflush(stdout);
    QVERIFY(kills >= 5);
    QCOMPARE(paid, qint64(32 * 100));
    QCOMPARE(held, paid);
}

void TestSocket::buy64MiBInPieces()
{
    const QString files = m_dir.filePath(QStringLiteral("files"));
    const QString hash = makeFile(files + QStringLiteral("/genome.bin"), 64ll << 20);
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("100")}));
    const QString out = m_dir.filePath(QStringLiteral("genome.got"));
    const CliResult r = m_buyer->run({QStringLiteral("buy"), QStringLiteral("genome.bin"), QStringLiteral("--offer"), p.offerFile,
                                      QStringLiteral("--out"), out, QStringLiteral("--lead"), QStringLiteral("4"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(sha256Of(out), hash);
    const QJsonObject j = r.json();
    QCOMPARE(satField(j, "paid_sat"), 64 * 100); // exactly once per 1 MiB piece
    // Never more than the allowed lead paid ahead of what had arrived (the first
    // payment may reach 3 pieces: it must clear the 294 sat dust threshold).
    QVERIFY(satField(j, "max_chunks_paid_ahead") >= 1);
    QVERIFY2(satField(j, "max_chunks_paid_ahead") <= 4, qPrintable(QString::number(satField(j, "max_chunks_paid_ahead"))));
    const QString id = j.value(QLatin1String("channel")).toString();
    // The provider settles; its settlement pays exactly the price.
    const CliResult settle = m_seller->run({QStringLiteral("channel"), QStringLiteral("settle"), id});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_seller->json({QStringLiteral("channel"), QStringLiteral("show"), id}).value(QLatin1String("state")).toString(),
                              QStringLiteral("settled"), 20000);
    QCOMPARE(satField(m_seller->json({QStringLiteral("channel"), QStringLiteral("show"), id}), "final_payee_sat"), 6400);
    QFile::remove(files + QStringLiteral("/genome.bin"));
}

void TestSocket::wrongPinnedKeyIsRefused()
{
    const QString files = m_dir.filePath(QStringLiteral("files"));
    makeFile(files + QStringLiteral("/small.bin"), 1 << 20);
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer2.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("100")}));
    QFile f(p.offerFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto m = channel::messageFromText(f.readAll().trimmed().toStdString());
    QVERIFY(m.ok());
    channel::OfferMsg forged = std::get<channel::OfferMsg>(*m);
    forged.tlsFingerprint[0] ^= 1; // another key than the server's
    QFile g(m_dir.filePath(QStringLiteral("forged.spw")));
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write(QByteArray::fromStdString(channel::messageToText(forged)));
    g.close();
    const CliResult r = m_buyer->run({QStringLiteral("buy"), QStringLiteral("small.bin"), QStringLiteral("--offer"), g.fileName(),
                                      QStringLiteral("--out"), m_dir.filePath(QStringLiteral("small.got"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("TLS_KEY_MISMATCH"), r.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("small.got"))));
    QFile::remove(files + QStringLiteral("/small.bin"));
}

void TestSocket::providerKilledMidDownload()
{
    const QString files = m_dir.filePath(QStringLiteral("files2"));
    QDir().mkpath(files);
    const QString hash = makeFile(files + QStringLiteral("/movie.bin"), 32ll << 20);
    const quint16 port = freePort();
    const QStringList args{QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("400"),
                           QStringLiteral("--chunk-kib"), QStringLiteral("256"), QStringLiteral("--chunk-delay-ms"), QStringLiteral("40"),
                           QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:%1").arg(port)};
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer3.spw")));
    QVERIFY(p.start(args));
    const QString offer = m_dir.filePath(QStringLiteral("movie-offer.spw"));
    QFile::copy(p.offerFile, offer);
    const QString out = m_dir.filePath(QStringLiteral("movie.got"));
    QProcess buyer;
    buyer.start(QStringLiteral(SPILLWAY_CLI), {QStringLiteral("--chain"), m_chain, QStringLiteral("--datadir"), m_buyer->dataDir(),
                                              QStringLiteral("buy"), QStringLiteral("movie.bin"), QStringLiteral("--offer"), offer,
                                              QStringLiteral("--out"), out, QStringLiteral("--lead"), QStringLiteral("8")});
    // Kill the provider once a good part has arrived.
    QByteArray progress;
    QVERIFY(QTest::qWaitFor([&] {
        progress += buyer.readAllStandardError();
        const QList<QByteArray> parts = progress.split('\r');
        return parts.size() > 1 && parts.last().split('/').first().trimmed().toInt() >= 30;
    }, 60000));
    p.kill();
    QVERIFY(buyer.waitForFinished(60000));
    QCOMPARE(buyer.exitCode(), 1); // the connection went away
    QVERIFY(QFileInfo(out).size() > 0);
    // Restart on the same endpoint: the same offer; the buyer resumes its channel.
    Provider again(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer4.spw")));
    QVERIFY(again.start(args));
    const CliResult r = m_buyer->run({QStringLiteral("buy"), QStringLiteral("movie.bin"), QStringLiteral("--offer"), offer,
                                      QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(sha256Of(out), hash);
    // 128 pieces of 256 KiB at 100 sat each: paid exactly once per piece, across the crash.
    QCOMPARE(satField(r.json(), "paid_sat"), 128 * 100);
}

void TestSocket::abuseWhileAnHonestBuyerFinishes()
{
    const QString files = m_dir.filePath(QStringLiteral("files3"));
    QDir().mkpath(files);
    const QString hash = makeFile(files + QStringLiteral("/feed.bin"), 8ll << 20);
    const quint16 port = freePort();
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer5.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("50"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port)}));

    // Garbage before the handshake, on a plain TCP connection.
    QTcpSocket junk;
    junk.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(junk.waitForConnected(5000));
    junk.write(QByteArray(4096, 'x'));
    junk.waitForBytesWritten(2000);
    QVERIFY(junk.waitForDisconnected(15000) || junk.state() == QAbstractSocket::UnconnectedState);

    // Many TLS connections at once, some of them sending an oversize frame, the
    // others reading nothing (slow readers).
    std::vector<std::unique_ptr<QSslSocket>> crowd;
    for (int i = 0; i < 200; ++i) {
        auto s = std::make_unique<QSslSocket>();
        QObject::connect(s.get(), &QSslSocket::sslErrors, s.get(), [raw = s.get()] { raw->ignoreSslErrors(); });
        s->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        crowd.push_back(std::move(s));
    }
    // The handshakes progress together in the event loop (waiting on one socket
    // at a time would stall the others' handshakes into the server's time-out
    // on a busy machine).
    auto encrypted = [&crowd] {
        int n = 0;
        for (size_t i = 0; i < crowd.size(); i += 4)
            n += crowd[i]->isEncrypted() ? 1 : 0;
        return n;
    };
    (void)QTest::qWaitFor([&] { return encrypted() == static_cast<int>(crowd.size() / 4); }, 20000);
    int oversize = 0;
    for (size_t i = 0; i < crowd.size(); i += 4)
        if (crowd[i]->isEncrypted()) {
            crowd[i]->write(QByteArray::fromHex("00100001") + QByteArray(64, 'a')); // announces 1 MiB + 1
            ++oversize;
        }
    QVERIFY2(oversize > 10, qPrintable(QString::number(oversize)));

    // Meanwhile an honest buyer finishes.
    const QString out = m_dir.filePath(QStringLiteral("feed.got"));
    const CliResult r = m_buyer->run({QStringLiteral("buy"), QStringLiteral("feed.bin"), QStringLiteral("--offer"), p.offerFile,
                                      QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(sha256Of(out), hash);
    QCOMPARE(p.process.state(), QProcess::Running); // the server stayed up
    const qint64 peak = p.peakKiB();
    std::printf("abuse: %d oversize frames, 200 connections, provider peak memory %lld KiB\n", oversize, static_cast<long long>(peak));
    std::fflush(stdout);
    QVERIFY(peak > 0 && peak < 512 * 1024);
    crowd.clear();
}

void TestSocket::twoFilesInARowCostBothPrices()
{
    const QString files = m_dir.filePath(QStringLiteral("files4"));
    QDir().mkpath(files);
    const QString hashA = makeFile(files + QStringLiteral("/a.bin"), 3ll << 20);
    const QString hashB = makeFile(files + QStringLiteral("/b.bin"), 2ll << 20);
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer6.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("1000")}));
    auto buy = [&](const QString &file, const QString &out, const QStringList &extra = {}) {
        return m_buyer->run(QStringList{QStringLiteral("buy"), file, QStringLiteral("--offer"), p.offerFile, QStringLiteral("--out"), out,
                                        QStringLiteral("--json")} + extra);
    };
    const int channelsBefore = static_cast<int>(m_buyer->json({QStringLiteral("channel"), QStringLiteral("list")}).value(QLatin1String("channels")).toArray().size());
    // Above the price the user accepts: refused before any channel opens.
    const CliResult tooDear = buy(QStringLiteral("a.bin"), m_dir.filePath(QStringLiteral("a.got")), {QStringLiteral("--max-price"), QStringLiteral("2999")});
    QCOMPARE(tooDear.exitCode, 1);
    QVERIFY2(tooDear.err.contains("PRICE_TOO_HIGH"), tooDear.err.constData());
    QCOMPARE(m_buyer->json({QStringLiteral("channel"), QStringLiteral("list")}).value(QLatin1String("channels")).toArray().size(), channelsBefore);

    // a.bin (3,000 sat) on a channel with room for more.
    const CliResult a = buy(QStringLiteral("a.bin"), m_dir.filePath(QStringLiteral("a.got")),
                            {QStringLiteral("--capacity"), QStringLiteral("100000"), QStringLiteral("--max-price"), QStringLiteral("3000")});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    QCOMPARE(sha256Of(m_dir.filePath(QStringLiteral("a.got"))), hashA);
    QCOMPARE(satField(a.json(), "paid_sat"), 3000);
    const QString id = a.json().value(QLatin1String("channel")).toString();
    // b.bin on the same channel costs its own 2,000 sat: 5,000 in all.
    const CliResult b = buy(QStringLiteral("b.bin"), m_dir.filePath(QStringLiteral("b.got")));
    QVERIFY2(b.exitCode == 0, b.err.constData());
    QCOMPARE(sha256Of(m_dir.filePath(QStringLiteral("b.got"))), hashB);
    QCOMPARE(b.json().value(QLatin1String("channel")).toString(), id);
    QCOMPARE(satField(b.json(), "purchase_start_sat"), 3000);
    QCOMPARE(satField(b.json(), "paid_sat"), 5000);
    // a.bin again, into a new file: its price again.
    const CliResult again = buy(QStringLiteral("a.bin"), m_dir.filePath(QStringLiteral("a2.got")));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json().value(QLatin1String("channel")).toString(), id);
    QCOMPARE(satField(again.json(), "paid_sat"), 8000);
    // The provider agrees: 8,000 sat acknowledged on that channel.
    QCOMPARE(satField(m_seller->json({QStringLiteral("channel"), QStringLiteral("show"), id}), "acknowledged_sat"), 8000);
}

void TestSocket::garbageChunksArePaidAtMostLead()
{
    // A provider whose file no longer matches its catalogue (scanned, then
    // overwritten): every chunk it sends is garbage. The buyer checks each one
    // and pays at most `lead` chunks ahead of what arrived intact: here none.
    const QString files = m_dir.filePath(QStringLiteral("files5"));
    QDir().mkpath(files);
    makeFile(files + QStringLiteral("/g.bin"), 16ll << 20);
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer7.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("400")}));
    {
        // Same size, every byte flipped.
        QFile f(files + QStringLiteral("/g.bin"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray all = f.readAll();
        for (auto &c : all)
            c = static_cast<char>(~c);
        f.seek(0);
        f.write(all);
    }
    CliRunner cheated(m_chain, m_dir.filePath(QStringLiteral("cheated")));
    QVERIFY(!cheated.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    cheated.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
    const CliResult r = cheated.run({QStringLiteral("buy"), QStringLiteral("g.bin"), QStringLiteral("--offer"), p.offerFile, QStringLiteral("--out"),
                                     m_dir.filePath(QStringLiteral("g.got")), QStringLiteral("--lead"), QStringLiteral("4")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("CHUNK_CORRUPT"), r.err.constData());
    const QJsonArray channels = cheated.json({QStringLiteral("channel"), QStringLiteral("list")}).value(QLatin1String("channels")).toArray();
    QCOMPARE(channels.size(), 1);
    const qint64 paid = satField(channels[0].toObject(), "paid_sat");
    std::printf("garbage provider: paid %lld sat of 6400 before the first bad chunk stopped the buyer\n", static_cast<long long>(paid));
    std::fflush(stdout);
    QVERIFY2(paid > 0 && paid <= 4 * 400, qPrintable(QString::number(paid)));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("g.got"))) || QFileInfo(m_dir.filePath(QStringLiteral("g.got"))).size() == 0);
}

void TestSocket::strangerNamingABuyersChannelIsServedNothing()
{
    // The honest buyer buys; a stranger (no pinning needed on its side) names
    // the buyer's channel (funding outpoints are public), replays its newest
    // payment, tries to bind with its own key, then asks for chunk 0 ten
    // thousand times without reading.
    const QString files = m_dir.filePath(QStringLiteral("files6"));
    QDir().mkpath(files);
    makeFile(files + QStringLiteral("/s.bin"), 3ll << 20);
    const quint16 port = freePort();
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer8.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("1000"), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(port)}));
    const CliResult honest = m_buyer->run({QStringLiteral("buy"), QStringLiteral("s.bin"), QStringLiteral("--offer"), p.offerFile,
                                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("s.got")), QStringLiteral("--json")});
    QVERIFY2(honest.exitCode == 0, honest.err.constData());
    const QString id = honest.json().value(QLatin1String("channel")).toString();
    const CliResult resend = m_buyer->run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("--resend")});
    QVERIFY2(resend.exitCode == 0, resend.err.constData());
    auto replayed = channel::messageFromText(resend.out.trimmed().toStdString());
    QVERIFY(replayed.ok());

    QSslSocket s;
    QObject::connect(&s, &QSslSocket::sslErrors, &s, [&s] { s.ignoreSslErrors(); });
    s.setReadBufferSize(64 * 1024);
    s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    QVERIFY(s.waitForEncrypted(10000));
    const Bytes pay = channel::encodeMessage(*replayed);
    s.write(transport::encodeFrame(transport::FrameKind::Message, QByteArray(reinterpret_cast<const char *>(pay.data()), static_cast<qsizetype>(pay.size()))));
    transport::BindRequest bind;
    bind.channel = *bitcoin::OutPoint::parse(id.toStdString());
    bind.signature = bitcoin::PrivateKey::generate().signCompact(bitcoin::sha256(asBytes("not the challenge")));
    s.write(transport::encodeFrame(transport::FrameKind::Bind, bind.serialize()));
    const QByteArray request = QJsonDocument(QJsonObject{{QStringLiteral("file"), QStringLiteral("s.bin")},
                                                         {QStringLiteral("index"), 0},
                                                         {QStringLiteral("channel"), id}})
                                   .toJson(QJsonDocument::Compact);
    QByteArray flood;
    for (int i = 0; i < 10000; ++i)
        flood += transport::encodeFrame(transport::FrameKind::Chunk, request);
    s.write(flood);
    for (int i = 0; i < 30; ++i) {
        s.waitForBytesWritten(100);
        QTest::qWait(100);
    }
    QCOMPARE(p.process.state(), QProcess::Running);
    const qint64 peak = p.peakKiB();
    std::printf("stranger: a replayed payment, a forged bind, 10,000 chunk requests unread: provider peak memory %lld KiB\n",
                static_cast<long long>(peak));
    std::fflush(stdout);
    QVERIFY(peak > 0 && peak < 512 * 1024);
    // Now read it all: refusals, and not one byte of the file.
    s.setReadBufferSize(0);
    transport::FrameDecoder dec;
    QMap<int, int> codes;
    int chunkFrames = 0, frames = 0;
    while (frames < 2 + 2 + 10000 && (s.bytesAvailable() > 0 || s.waitForReadyRead(5000))) {
        dec.feed(s.readAll());
        while (auto f = dec.next()) {
            ++frames;
            if (f->first == transport::FrameKind::Chunk)
                ++chunkFrames;
            if (f->first != transport::FrameKind::Message)
                continue;
            auto m = channel::decodeMessage(ByteView(reinterpret_cast<const uint8_t *>(f->second.constData()), static_cast<size_t>(f->second.size())));
            if (m && std::holds_alternative<channel::ErrorMsg>(*m))
                ++codes[std::get<channel::ErrorMsg>(*m).code];
        }
    }
    QCOMPARE(chunkFrames, 0);
    QCOMPARE(codes.value(static_cast<int>(ErrorCode::BindBadSignature)), 1);
    QCOMPARE(codes.value(static_cast<int>(ErrorCode::ChannelNotBound)), 1 + 10000);
    // The replayed payment changed nothing for the buyer's channel.
    QCOMPARE(satField(m_seller->json({QStringLiteral("channel"), QStringLiteral("show"), id}), "acknowledged_sat"), 3000);
}

void TestSocket::aFileOnTheCataloguesLastPage()
{
    // 700 files with long names: the catalogue is far more than one 64 KiB frame.
    const QString files = m_dir.filePath(QStringLiteral("files7"));
    QDir().mkpath(files);
    QString last;
    for (int i = 0; i < 700; ++i) {
        last = QStringLiteral("%1-%2.bin").arg(i, 4, 10, QLatin1Char('0')).arg(QString(150, QLatin1Char('y')));
        makeFile(files + QLatin1Char('/') + last, 1000 + i);
    }
    Provider p(m_chain, m_seller->dataDir(), m_dir.filePath(QStringLiteral("offer9.spw")));
    QVERIFY(p.start({QStringLiteral("--dir"), files, QStringLiteral("--price-per-mib"), QStringLiteral("500")}));
    const QString out = m_dir.filePath(QStringLiteral("last.got"));
    const CliResult r = m_buyer->run({QStringLiteral("buy"), last, QStringLiteral("--offer"), p.offerFile, QStringLiteral("--out"), out,
                                      QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(sha256Of(out), sha256Of(files + QLatin1Char('/') + last));
    QCOMPARE(satField(r.json(), "price_sat"), 500);
}

QTEST_GUILESS_MAIN(TestSocket)
#include "tst_socket.moc"
