// spillway-gui-bench: the window's cost with many channels (docs/benchmarks.md).
// Fills a real channel store with N channels (some with payments), then starts
// itself five times, each run a fresh process that opens the store, reads it
// through the same path as the wallet service (ChannelFeed) and shows the real
// main window offscreen. Each run reports CPU time from getrusage (user +
// system, every thread), the figures printed are medians of the five.
#include "MainWindow.h"
#include "models/ChannelTableModel.h"
#include "services/ChannelFeed.h"
#include "services/UpdateThrottle.h"
#include "store/ChannelStore.h"

#include "bitcoin/Key.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTableView>
#include <QDateTime>
#include <QEventLoop>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace spillway;

namespace {

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

long maxRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

constexpr int kTipHeight = 1000;
constexpr int kBusyChannels = 1000; // channels paid during the "stream" measure

store::ChannelRecord channelNumber(int i, const bitcoin::PublicKey &a, const bitcoin::PublicKey &b)
{
    store::ChannelRecord r;
    r.params.variant = i % 3 ? channel::Variant::Cltv : channel::Variant::Refund;
    bitcoin::Writer w;
    w.u32(static_cast<uint32_t>(i));
    r.params.funding = bitcoin::OutPoint{bitcoin::sha256(w.data()), static_cast<uint32_t>(i % 2)};
    r.params.capacity = bitcoin::Amount::fromSat(100'000 + 1000LL * (i % 500));
    r.params.payerPub = (i % 2 ? a : b).bytes();
    r.params.payeePub = (i % 2 ? b : a).bytes();
    r.params.payeePayout = bitcoin::p2wpkh(b.hash());
    r.params.payerRefund = bitcoin::p2wpkh(a.hash());
    // Expiries from a few blocks to three months ahead: every countdown text there is.
    r.params.expiry = static_cast<uint32_t>(kTipHeight + 2 + (i * 7919) % 13000);
    r.params.commitFee = bitcoin::Amount::fromSat(500);
    r.params.refundFee = bitcoin::Amount::fromSat(400);
    r.role = i % 2 ? store::ChannelRole::Payer : store::ChannelRole::Payee;
    r.state = i % 10 == 0 ? store::ChannelState::Settled : store::ChannelState::Open;
    r.label = "bench channel " + std::to_string(i);
    return r;
}

/// The store: n channels, and ten payments on each of the first kBusyChannels.
bool fill(const QString &dir, int n)
{
    store::ChannelStore st;
    if (!st.open(dir).ok())
        return false;
    const auto a = bitcoin::PrivateKey::generate().publicKey(), b = bitcoin::PrivateKey::generate().publicKey();
    std::vector<store::ChannelRecord> recs;
    for (int i = 0; i < n; ++i)
        recs.push_back(channelNumber(i, a, b));
    if (!st.insertMany(recs).ok())
        return false;
    auto all = st.changedSince(0);
    if (!all)
        return false;
    std::vector<store::ChannelRecord> pays;
    for (int k = 0; k < std::min(n, kBusyChannels); ++k) {
        store::ChannelRecord r = all->channels[static_cast<size_t>(k)];
        for (int p = 1; p <= 10; ++p) {
            r.seq = r.signedSeq = static_cast<uint64_t>(p);
            r.paid = r.signedPaid = 100LL * p;
            pays.push_back(r);
        }
    }
    return st.updateMany(pays).ok();
}

struct Figures {
    double coldMs = 0, tickMs = 0, idleMsPerS = 0, streamMs = 0;
    double streamPerS = 0, streamWindowPct = 0, streamLagMs = 0;
    int streamFires = 0;
    long rssKiB = 0;
    qint64 coldRows = 0, streamRows = 0, tickSignals = 0;
};

/// One run, in its own process: from QApplication to a painted window.
int runOnce(int argc, char **argv, const QString &dir)
{
    QApplication app(argc, argv);
    store::ChannelStore st;
    if (!st.open(dir).ok())
        return 3;
    ui::ChannelFeed feed(st);
    auto list = feed.changes();
    if (!list)
        return 3;
    ui::MainWindow window;
    ui::ChannelTableModel *model = window.channelModel();
    qint64 now = QDateTime::currentSecsSinceEpoch();
    model->setClock([&now] { return now; });
    model->setBlockInterval(600);
    model->setTip(kTipHeight, now);
    model->setChannels(*list);
    window.show();
    QApplication::processEvents();
    window.repaint(); // the first paint, synchronously
    QApplication::processEvents();
    Figures f;
    f.coldMs = cpuMs();
    f.coldRows = feed.rowsRead();

    // The countdown tick: one second later, as the ticker does it, and the repaint.
    int signals = 0;
    QObject::connect(model, &QAbstractItemModel::dataChanged, [&signals] { ++signals; });
    constexpr int kTicks = 60;
    double t0 = cpuMs();
    for (int i = 0; i < kTicks; ++i) {
        ++now;
        model->tick();
        QApplication::processEvents();
    }
    f.tickMs = (cpuMs() - t0) / kTicks;
    f.tickSignals = signals;

    // Idle: three seconds of the event loop with the real clock.
    model->setClock([] { return QDateTime::currentSecsSinceEpoch(); });
    t0 = cpuMs();
    QElapsedTimer wall;
    wall.start();
    QEventLoop idle;
    QTimer::singleShot(3000, &idle, &QEventLoop::quit);
    idle.exec();
    f.idleMsPerS = (cpuMs() - t0) / (wall.elapsed() / 1000.0);

    // A stream of payments: one payment on each of kBusyChannels channels, then
    // one publish as the service does it (only the changed rows) and the repaint.
    auto busy = st.changedSince(0);
    if (!busy)
        return 3;
    std::vector<store::ChannelRecord> pays;
    for (int k = 0; k < std::min<int>(kBusyChannels, static_cast<int>(busy->channels.size())); ++k) {
        store::ChannelRecord r = busy->channels[static_cast<size_t>(k)];
        r.seq = r.signedSeq = r.seq + 1;
        r.paid = r.signedPaid = r.paid + 100;
        pays.push_back(r);
    }
    if (!st.updateMany(pays).ok())
        return 3;
    const qint64 before = feed.rowsRead();
    t0 = cpuMs();
    auto changed = feed.changes();
    if (!changed)
        return 3;
    model->setChannels(*changed);
    QApplication::processEvents();
    f.streamMs = cpuMs() - t0;
    f.streamRows = feed.rowsRead() - before;
    // A seller paid on kBusyChannels channels at full speed for five seconds: another
    // thread stores payments (group commits of 64, as the payment server does) and
    // pokes the window's throttle after each commit, as PaymentServer::channelsChanged
    // does; the window publishes what changed at most every 200 ms.
    {
        std::atomic<bool> stop{false};
        std::atomic<qint64> stored{0}, oldestUnshownMs{0};
        ui::UpdateThrottle throttle(200);
        QElapsedTimer clock;
        clock.start();
        qint64 maxLagMs = 0;
        int fires = 0;
        QObject::connect(&throttle, &ui::UpdateThrottle::fire, [&] {
            const qint64 oldest = oldestUnshownMs.exchange(0);
            auto more = feed.changes();
            if (more)
                model->setChannels(*more);
            QApplication::processEvents(); // the repaint
            ++fires;
            if (oldest > 0)
                maxLagMs = std::max(maxLagMs, clock.elapsed() - oldest);
        });
        std::thread writer([&] {
            store::ChannelStore w;
            if (!w.open(dir).ok())
                return;
            auto rows = w.changedSince(0);
            if (!rows)
                return;
            std::vector<store::ChannelRecord> chans(rows->channels.begin(),
                                                    rows->channels.begin() + std::min<qsizetype>(kBusyChannels, rows->channels.size()));
            size_t next = 0;
            while (!stop) {
                std::vector<store::ChannelRecord> batch;
                std::vector<size_t> at;
                for (int k = 0; k < 64; ++k) {
                    at.push_back(next++ % chans.size());
                    store::ChannelRecord &r = chans[at.back()];
                    r.seq = r.signedSeq = r.seq + 1;
                    r.paid = r.signedPaid = r.paid + 10;
                    batch.push_back(r);
                }
                if (!w.updateMany(batch).ok())
                    return;
                for (size_t k = 0; k < batch.size(); ++k) // the versions after the write, for the next compare-and-swap
                    chans[at[k]].version = batch[k].version;
                stored += 64;
                qint64 expected = 0;
                oldestUnshownMs.compare_exchange_strong(expected, clock.elapsed());
                QMetaObject::invokeMethod(&throttle, &ui::UpdateThrottle::poke, Qt::QueuedConnection);
            }
        });
        rusage threadBefore{};
        getrusage(RUSAGE_THREAD, &threadBefore);
        QEventLoop loop;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        stop = true;
        writer.join();
        rusage threadAfter{};
        getrusage(RUSAGE_THREAD, &threadAfter);
        auto ms = [](const rusage &u) {
            return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
        };
        const double seconds = clock.elapsed() / 1000.0;
        f.streamPerS = stored / seconds;
        f.streamWindowPct = (ms(threadAfter) - ms(threadBefore)) / (seconds * 10.0);
        f.streamLagMs = static_cast<double>(maxLagMs);
        f.streamFires = fires;
    }
    f.rssKiB = maxRssKiB();
    std::printf("%.1f %.3f %.2f %.1f %ld %lld %lld %lld %.0f %.2f %.0f %d\n", f.coldMs, f.tickMs, f.idleMsPerS, f.streamMs, f.rssKiB,
                static_cast<long long>(f.coldRows), static_cast<long long>(f.streamRows), static_cast<long long>(f.tickSignals),
                f.streamPerS, f.streamWindowPct, f.streamLagMs, f.streamFires);
    return 0;
}

template <typename T>
T median(std::vector<T> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

int usage(FILE *to)
{
    std::fprintf(to, "usage: spillway-gui-bench [N]\n\n"
                     "Fills a channel store with N channels (default 10000), then opens it five times in a fresh\n"
                     "process with the main window offscreen, and prints the medians of the CPU time (getrusage)\n"
                     "to a painted window, of a countdown tick, of a second idle and of one update after a\n"
                     "payment on 1,000 channels, and the peak memory (docs/benchmarks.md).\n");
    return to == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 3 && std::string(argv[1]) == "--run-once")
        return runOnce(argc, argv, QString::fromLocal8Bit(argv[2]));
    int n = 10000;
    if (argc > 1) {
        const std::string a = argv[1];
        if (a == "--help" || a == "-h")
            return usage(stdout);
        char *end = nullptr;
        const long v = std::strtol(argv[1], &end, 10);
        if (argc > 2 || end == argv[1] || *end != '\0' || v < 1 || v > 1'000'000)
            return usage(stderr);
        n = static_cast<int>(v);
    }
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QElapsedTimer fillTime;
    fillTime.start();
    if (!fill(dir.path(), n)) {
        std::fprintf(stderr, "gui bench: cannot fill the store\n");
        return 1;
    }
    std::printf("store: %d channels, 10 payments on each of the first %d (%.1f s to fill)\n", n, std::min(n, kBusyChannels),
                fillTime.elapsed() / 1000.0);
    std::vector<double> cold, tick, idle, stream;
    std::vector<long> rss;
    std::vector<double> streamRate, streamPct, streamLag;
    long long coldRows = 0, streamRows = 0, tickSignals = 0;
    for (int run = 0; run < 5; ++run) {
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--run-once"), dir.path()});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            std::fprintf(stderr, "gui bench: run %d failed: %s\n", run + 1, p.readAllStandardError().constData());
            return 1;
        }
        Figures f;
        if (std::sscanf(p.readAllStandardOutput().constData(), "%lf %lf %lf %lf %ld %lld %lld %lld %lf %lf %lf %d", &f.coldMs, &f.tickMs,
                        &f.idleMsPerS, &f.streamMs, &f.rssKiB, &coldRows, &streamRows, &tickSignals, &f.streamPerS,
                        &f.streamWindowPct, &f.streamLagMs, &f.streamFires) != 12) {
            std::fprintf(stderr, "gui bench: run %d printed nothing readable\n", run + 1);
            return 1;
        }
        cold.push_back(f.coldMs);
        tick.push_back(f.tickMs);
        idle.push_back(f.idleMsPerS);
        stream.push_back(f.streamMs);
        rss.push_back(f.rssKiB);
        streamRate.push_back(f.streamPerS);
        streamPct.push_back(f.streamWindowPct);
        streamLag.push_back(f.streamLagMs);
    }
    std::printf("cold start to a painted window (CPU)   %8.0f ms   (%lld rows read, median of 5)\n", median(cold), coldRows);
    std::printf("countdown tick + repaint (CPU)         %8.2f ms   (%lld signals in 60 ticks)\n", median(tick), tickSignals);
    std::printf("idle, real clock (CPU)                 %8.2f ms per second\n", median(idle));
    std::printf("update after 1 payment on %4d channels %7.1f ms   (%lld rows read)\n", std::min(n, kBusyChannels), median(stream),
                streamRows);
    std::printf("a seller paid on %d channels, 5 s      %8.0f payments/s stored; window thread %.1f %% of a core; table at most %.0f ms behind\n",
                std::min(n, kBusyChannels), median(streamRate), median(streamPct), median(streamLag));
    std::printf("peak memory                            %8.1f MiB\n", median(rss) / 1024.0);
    return 0;
}
