// Crash test: 1,000 payments between two spillway-cli data directories while
// the payee (and, separately, the payer) is killed with SIGKILL at random
// moments. After each kill the process is restarted and the newest payment
// re-sent. At the end the payee settles on the local chain; every acknowledged
// payment must be covered: no satoshi lost.
#include "CliRunner.h"

#include "bitcoin/Address.h"
#include "chain/LocalChainDb.h"
#include "channel/Messages.h"
#include "store/ChannelStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace spillway;
using namespace spillway::test;

namespace {

constexpr int kPayments = 1000;

struct Killer {
    QRandomGenerator rng{20261124};
    int kills = 0;

    /// Runs spillway-cli; if `victim`, kills it with SIGKILL after a random delay.
    /// Returns true if the process ran to its end with exit code 0.
    bool run(const QString &chain, const QString &dataDir, const QStringList &args, bool victim, unsigned odds = 4)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(SPILLWAY_CLI), QStringList{QStringLiteral("--chain"), chain, QStringLiteral("--datadir"), dataDir} + args);
        if (!p.waitForStarted(10000))
            return false;
        if (victim && rng.bounded(odds) == 0) { // one run in `odds` is shot at
            QThread::usleep(rng.bounded(60000u));
            if (p.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                p.waitForFinished(10000);
                ++kills;
                return false;
            }
        }
        p.waitForFinished(60000);
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
};

int64_t paidIn(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    auto m = channel::messageFromText(f.readAll().trimmed().toStdString());
    if (!m)
        return -1;
    if (const auto *p = std::get_if<channel::PaymentMsg>(&*m))
        return p->paid;
    return -1;
}

bool isAck(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    auto m = channel::messageFromText(f.readAll().trimmed().toStdString());
    return m && std::holds_alternative<channel::AckMsg>(*m);
}

} // namespace

class TestCrash : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    void crashRun(bool killPayee);

private Q_SLOTS:
    void killThePayee() { crashRun(true); }
    void killThePayer() { crashRun(false); }
    void killTheOpening();
};

// Opening under fire: `channel open` (both variants), `channel accept` and the
// refund-signature round are killed at random moments and run again, as a
// user would. Then the chain passes every expiry: each funding that reached
// the chain must come back to the payer by its refund (the payee never got a
// payment), and no channel may be left funded and forgotten.
void TestCrash::killTheOpening()
{
    const QString base = m_dir.filePath(QStringLiteral("opening"));
    QDir().mkpath(base);
    const QString chain = base + QStringLiteral("/chain.sqlite");
    const QString payerDir = base + QStringLiteral("/payer"), payeeDir = base + QStringLiteral("/payee");
    const QString offerFile = base + QStringLiteral("/offer.spw"), propFile = base + QStringLiteral("/proposal.spw");
    const QString answerFile = base + QStringLiteral("/answer.spw"), fundedFile = base + QStringLiteral("/funded.spw");
    CliRunner payer(chain, payerDir), payee(chain, payeeDir);
    QVERIFY(!payer.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    QVERIFY(!payee.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("400")}); // 300 mature coins
    QCOMPARE(payee.run({QStringLiteral("channel"), QStringLiteral("offer"), QStringLiteral("--out"), offerFile}).exitCode, 0);
    const QString burn = QString::fromStdString(
        *bitcoin::encodeAddress(bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash()), bitcoin::network(bitcoin::NetworkId::Local)));

    Killer killer;
    QElapsedTimer timer;
    timer.start();
    int rounds = 0;
    while (killer.kills < 200 && rounds < 1000) {
        ++rounds;
        const bool refund = rounds % 2 == 0;
        for (const QString &f : {propFile, answerFile, fundedFile})
            QFile::remove(f);
        const bool opened = killer.run(chain, payerDir,
                                       {QStringLiteral("channel"), QStringLiteral("open"), offerFile, QStringLiteral("--capacity"),
                                        QStringLiteral("20000"), QStringLiteral("--variant"), refund ? QStringLiteral("refund") : QStringLiteral("cltv"),
                                        QStringLiteral("--out"), propFile},
                                       true, 2);
        if (opened) {
            // The payee accepts (run again when killed), and in the refund variant the
            // refund signature goes back and the funding comes out (each run again when killed).
            while (!killer.run(chain, payeeDir, {QStringLiteral("channel"), QStringLiteral("accept"), propFile, QStringLiteral("--out"), answerFile},
                               true, 2)) {
            }
            if (refund) {
                while (!killer.run(chain, payerDir, {QStringLiteral("channel"), QStringLiteral("import"), answerFile, QStringLiteral("--out"), fundedFile},
                                   true, 2)) {
                }
                while (!killer.run(chain, payeeDir, {QStringLiteral("channel"), QStringLiteral("import"), fundedFile}, true, 2)) {
                }
            }
        }
        payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1"), QStringLiteral("--to"), burn});
    }
    // Every process ran again after its crash; now the chain passes every expiry.
    QCOMPARE(payer.run({QStringLiteral("channel"), QStringLiteral("watch")}).exitCode, 0);
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("150"), QStringLiteral("--to"), burn});
    QCOMPARE(payer.run({QStringLiteral("channel"), QStringLiteral("watch")}).exitCode, 0);
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1"), QStringLiteral("--to"), burn});
    QCOMPARE(payer.run({QStringLiteral("channel"), QStringLiteral("watch")}).exitCode, 0);

    store::ChannelStore channels;
    QVERIFY(channels.open(payerDir).ok());
    auto all = channels.all();
    QVERIFY(all.ok());
    chain::LocalChainDb db(chain);
    int funded = 0, neverFunded = 0;
    int64_t lost = 0;
    for (const auto &c : *all) {
        auto status = db.status(c.id().txid);
        QVERIFY(status.ok());
        if (!status->known) {
            QCOMPARE(c.state, store::ChannelState::Proposed); // never left the machine
            ++neverFunded;
            continue;
        }
        ++funded;
        if (c.state != store::ChannelState::Refunded || c.finalPayer != c.params.capacity.sat() - c.params.refundFee.sat()) {
            qWarning("channel %s: %s, final payer %lld", c.id().toString().c_str(), std::string(store::stateName(c.state)).c_str(),
                     static_cast<long long>(c.finalPayer));
            lost += c.params.capacity.sat() - c.params.refundFee.sat() - (c.state == store::ChannelState::Refunded ? c.finalPayer : 0);
        }
    }
    std::printf("crash: %d kills, %lld sat lost (opening: %d rounds, %d channels funded and refunded at expiry, %d never funded, %.1f s)\n",
                killer.kills, static_cast<long long>(lost), rounds, funded, neverFunded, timer.elapsed() / 1000.0);
    std::fflush(stdout);
    QCOMPARE(lost, int64_t(0));
    QVERIFY(killer.kills >= 200);
    QVERIFY(funded > 50);
}

void TestCrash::crashRun(bool killPayee)
{
    const QString base = m_dir.filePath(killPayee ? QStringLiteral("payee-killed") : QStringLiteral("payer-killed"));
    QDir().mkpath(base);
    const QString chain = base + QStringLiteral("/chain.sqlite");
    const QString payerDir = base + QStringLiteral("/payer"), payeeDir = base + QStringLiteral("/payee");
    const QString payFile = base + QStringLiteral("/payment.spw"), ackFile = base + QStringLiteral("/ack.spw");
    CliRunner payer(chain, payerDir), payee(chain, payeeDir);
    QVERIFY(!payer.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    QVERIFY(!payee.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
    QCOMPARE(payee.run({QStringLiteral("channel"), QStringLiteral("offer"), QStringLiteral("--out"), base + QStringLiteral("/offer.spw")}).exitCode, 0);
    QCOMPARE(payer.run({QStringLiteral("channel"), QStringLiteral("open"), base + QStringLiteral("/offer.spw"), QStringLiteral("--capacity"),
                        QStringLiteral("100000"), QStringLiteral("--commit-fee"), QStringLiteral("500"), QStringLiteral("--out"),
                        base + QStringLiteral("/proposal.spw")}).exitCode, 0);
    QCOMPARE(payee.run({QStringLiteral("channel"), QStringLiteral("accept"), base + QStringLiteral("/proposal.spw")}).exitCode, 0);
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1")});
    const QString id = payer.json({QStringLiteral("channel"), QStringLiteral("list")})
                           .value(QLatin1String("channels")).toArray()[0].toObject().value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());

    Killer killer;
    int64_t acknowledged = 0;
    int acks = 0;
    QElapsedTimer timer;
    timer.start();
    while (acks < kPayments) {
        QFile::remove(payFile);
        QFile::remove(ackFile);
        // The payer signs the next payment (or, after a crash, re-sends its newest).
        const QString amount = acks == 0 ? QStringLiteral("300") : QStringLiteral("50");
        if (!killer.run(chain, payerDir, {QStringLiteral("channel"), QStringLiteral("pay"), id, amount, QStringLiteral("--out"), payFile},
                        !killPayee)) {
            QVERIFY(killer.run(chain, payerDir, {QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("--resend"),
                                                 QStringLiteral("--out"), payFile}, false) || acks == 0);
            if (acks == 0 && !QFile::exists(payFile))
                continue; // killed before the very first payment was stored
        }
        const int64_t paid = paidIn(payFile);
        QVERIFY(paid > 0);
        // The payee imports it; killed, it is restarted with the same message.
        while (!killer.run(chain, payeeDir, {QStringLiteral("channel"), QStringLiteral("import"), payFile, QStringLiteral("--out"), ackFile},
                           killPayee)) {
        }
        QVERIFY(isAck(ackFile));
        // The payer records the ack; killed, it imports it again.
        while (!killer.run(chain, payerDir, {QStringLiteral("channel"), QStringLiteral("import"), ackFile}, !killPayee)) {
        }
        if (paid > acknowledged) {
            acknowledged = paid;
            ++acks;
        }
    }

    const QJsonObject payeeView = payee.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    const QJsonObject payerView = payer.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    QCOMPARE(satField(payerView, "acknowledged_sat"), acknowledged);
    QCOMPARE(satField(payeeView, "paid_sat"), acknowledged); // the newest stored commitment covers every ack
    const CliResult settle = payee.run({QStringLiteral("channel"), QStringLiteral("settle"), id});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("1")});
    const QJsonObject final = payee.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    QCOMPARE(final.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    const int64_t lost = acknowledged - satField(final, "final_payee_sat");
    std::printf("crash: %d kills, %lld sat lost (%s killed, %d payments, %lld sat acknowledged, %.1f s)\n", killer.kills,
                static_cast<long long>(lost), killPayee ? "payee" : "payer", kPayments, static_cast<long long>(acknowledged),
                timer.elapsed() / 1000.0);
    std::fflush(stdout);
    QCOMPARE(lost, int64_t(0));
    QCOMPARE(satField(final, "final_payer_sat"), 100'000 - 500 - acknowledged);
    QVERIFY(killer.kills > 10);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
