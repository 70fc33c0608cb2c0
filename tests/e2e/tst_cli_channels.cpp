// Whole channels between two data directories, each step a separate
// spillway-cli process, messages moved as .spw files: both variants, settle,
// close on request, auto-settle at the margin, the refund path, and the
// adversarial suite with the payee's store checked byte for byte.
#include "CliRunner.h"

#include "bitcoin/Address.h"
#include "bitcoin/Bech32.h"
#include "channel/Messages.h"
#include "bitcoin/Interpreter.h"
#include "store/ChannelStore.h"
#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;
using spillway::channel::Variant;

Q_DECLARE_METATYPE(spillway::channel::Variant)

namespace {

QString burnAddress()
{
    const auto spk = bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash());
    return QString::fromStdString(*bitcoin::encodeAddress(spk, bitcoin::network(bitcoin::NetworkId::Local)));
}

struct Pair {
    QString dir;
    QString chainFile;
    CliRunner payer, payee;
    explicit Pair(const QString &base)
        : dir(base), chainFile(base + QStringLiteral("/chain.sqlite")), payer(chainFile, base + QStringLiteral("/payer")),
          payee(chainFile, base + QStringLiteral("/payee"))
    {
    }
    QString file(const char *name) const { return dir + QLatin1Char('/') + QLatin1String(name); }
    void mine(int n) const
    {
        payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QString::number(n), QStringLiteral("--to"), burnAddress()});
    }
    int height() const { return payer.json({QStringLiteral("chain"), QStringLiteral("info")}).value(QLatin1String("height")).toInt(); }
};

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray storeDigest(const QString &dataDir)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString &name : QDir(dataDir).entryList({QStringLiteral("channels.sqlite*")}, QDir::Files, QDir::Name)) {
        QFile f(QDir(dataDir).filePath(name));
        if (f.open(QIODevice::ReadOnly)) {
            h.addData(name.toUtf8());
            h.addData(f.readAll());
        }
    }
    return h.result();
}

channel::Message decodeFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    const QByteArray line = f.readAll().split('\n').first().trimmed();
    return *channel::messageFromText(line.toStdString());
}

QByteArray encodeLine(const channel::Message &m)
{
    return QByteArray::fromStdString(channel::messageToText(m)) + '\n';
}

bool copyDir(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &fi : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir() ? !copyDir(fi.filePath(), target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

QString arg(const char *s)
{
    return QString::fromLatin1(s);
}

} // namespace

class TestCliChannels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_case = 0;

    // Sets up wallets, an offer and an open channel; returns the channel id.
    QString openChannel(Pair &p, Variant variant, int capacity, int expiryBlocks);

private Q_SLOTS:
    void lifecycle_data();
    void lifecycle();
    void closeOnRequestAndAutoSettle();
    void watcherSettlesWithoutThePassword();
    void refundPath_data() { lifecycle_data(); }
    void refundPath();
    void adversarial();
    void psbtTransport();
    void openingTermsRefused();
    void offersListedAndWithdrawn();
    void catchUpAfterRestoringAnOldCopy();
    void interruptedOpeningCarriesOn();
    void twoProcessesOnOneDataDirectory();
    void watcherBumpsWhenFeesRise();
    void congestedChain();
    void feesRiseEveryBlockBeforeTheDeadline();
};

QString TestCliChannels::openChannel(Pair &p, Variant variant, int capacity, int expiryBlocks)
{
    if (p.payer.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty() ||
        p.payee.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty())
        return {};
    p.payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
    CliResult r = p.payee.run({QStringLiteral("channel"), QStringLiteral("offer"), QStringLiteral("--label"),
                               QStringLiteral("100 pieces"), QStringLiteral("--out"), p.file("offer.spw")});
    if (r.exitCode != 0)
        return {};
    r = p.payer.run({QStringLiteral("channel"), QStringLiteral("open"), p.file("offer.spw"), QStringLiteral("--capacity"),
                     QString::number(capacity), QStringLiteral("--expiry-blocks"), QString::number(expiryBlocks),
                     QStringLiteral("--variant"), variant == Variant::Refund ? QStringLiteral("refund") : QStringLiteral("cltv"),
                     QStringLiteral("--commit-fee"), QStringLiteral("500"), QStringLiteral("--refund-fee"), QStringLiteral("400"),
                     QStringLiteral("--out"), p.file("proposal.spw")});
    if (r.exitCode != 0) {
        qWarning("open: %s", r.err.constData());
        return {};
    }
    // cltv: proposal + funded go as an animated code's parts (ur:bytes), as a scanner
    // saves them: one a line, out of order, one repeated (protocol.md "Animated QR codes").
    QString toAccept = p.file("proposal.spw");
    if (variant == Variant::Cltv) {
        QFile in(toAccept);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        std::vector<std::string> texts;
        for (const QByteArray &line : in.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                texts.push_back(line.trimmed().toStdString());
        auto bundle = ur::bundleMessageTexts(texts);
        if (!bundle)
            return {};
        ur::UrEncoder encoder(ur::bytesUr(*bundle), 60);
        QStringList parts;
        for (size_t i = 0; i < encoder.seqLen() + 2; ++i)
            parts.append(QString::fromStdString(encoder.nextPart()));
        std::reverse(parts.begin(), parts.end());
        parts.append(parts.first());
        toAccept = p.file("proposal-ur.txt");
        if (!writeFile(toAccept, parts.join(QLatin1Char('\n')).toUtf8()))
            return {};
    }
    r = p.payee.run({QStringLiteral("channel"), QStringLiteral("accept"), toAccept, QStringLiteral("--out"),
                     p.file("answer.spw")});
    if (r.exitCode != 0) {
        qWarning("accept: %s", r.err.constData());
        return {};
    }
    if (variant == Variant::Refund) {
        r = p.payer.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("answer.spw"), QStringLiteral("--out"),
                         p.file("funded.spw")});
        if (r.exitCode != 0)
            return {};
        r = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("funded.spw")});
        if (r.exitCode != 0)
            return {};
    }
    p.mine(1);
    const QJsonArray list = p.payer.json({QStringLiteral("channel"), QStringLiteral("list")}).value(QLatin1String("channels")).toArray();
    return list.isEmpty() ? QString() : list[0].toObject().value(QLatin1String("id")).toString();
}

void TestCliChannels::lifecycle_data()
{
    QTest::addColumn<Variant>("variant");
    QTest::newRow("refund") << Variant::Refund;
    QTest::newRow("cltv") << Variant::Cltv;
}

void TestCliChannels::lifecycle()
{
    QFETCH(Variant, variant);
    Pair p(m_dir.filePath(QStringLiteral("life%1").arg(++m_case)));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, variant, 101'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id}).value(QLatin1String("state")).toString(),
             QStringLiteral("open"));

    // The seed's 100 pieces: 100 payments of 1,000 sat, each acknowledged.
    for (int n = 1; n <= 100; ++n) {
        CliResult pay = p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("1000"),
                                     QStringLiteral("--out"), p.file("payment.spw")});
        QVERIFY2(pay.exitCode == 0, pay.err.constData());
        CliResult ack = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("payment.spw"),
                                     QStringLiteral("--out"), p.file("ack.spw")});
        QVERIFY2(ack.exitCode == 0, ack.err.constData());
        QVERIFY(p.payer.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("ack.spw")}).exitCode == 0);
    }
    const QJsonObject payerView = p.payer.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    QCOMPARE(satField(payerView, "acknowledged_sat"), 100'000);
    QCOMPARE(payerView.value(QLatin1String("payments")).toArray().size(), 100);
    QCOMPARE(satField(p.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id}), "paid_sat"), 100'000);

    const CliResult settle = p.payee.run({QStringLiteral("channel"), QStringLiteral("settle"), id, QStringLiteral("--json")});
    QVERIFY2(settle.exitCode == 0, settle.err.constData());
    p.mine(1);
    for (const CliRunner *who : {&p.payer, &p.payee}) {
        const QJsonObject c = who->json({QStringLiteral("channel"), QStringLiteral("show"), id});
        QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
        QCOMPARE(satField(c, "final_payee_sat"), 100'000);
        QCOMPARE(satField(c, "final_payer_sat"), 101'000 - 500 - 100'000); // the rest minus the stated fee
        QCOMPARE(c.value(QLatin1String("closing_txid")).toString(), settle.json().value(QLatin1String("txid")).toString());
    }
    // The money arrived in the wallets.
    QCOMPARE(satField(p.payee.json({QStringLiteral("wallet"), QStringLiteral("balance")}), "confirmed_sat"), 100'000);
    QCOMPARE(satField(p.payee.json({QStringLiteral("wallet"), QStringLiteral("balance")}), "in_channels_sat"), 0);
    // Paying more after the end is refused.
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("1000")}).exitCode, 1);
}

void TestCliChannels::closeOnRequestAndAutoSettle()
{
    Pair p(m_dir.filePath(QStringLiteral("close")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 50'000, 30);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("5000"), QStringLiteral("--out"),
                          p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("pay.spw")}).exitCode, 0);
    // Close on request: the payer asks, the payee's import settles.
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("close"), id, QStringLiteral("--out"), p.file("close.spw")}).exitCode, 0);
    const CliResult closed = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("close.spw")});
    QVERIFY2(closed.exitCode == 0, closed.err.constData());
    p.mine(1);
    QCOMPARE(p.payer.json({QStringLiteral("channel"), QStringLiteral("show"), id}).value(QLatin1String("state")).toString(),
             QStringLiteral("settled"));

    // Auto-settle: a second channel, the payee does nothing but watch.
    Pair q(m_dir.filePath(QStringLiteral("auto")));
    QDir().mkpath(q.dir);
    const QString id2 = openChannel(q, Variant::Refund, 50'000, 20);
    QVERIFY(!id2.isEmpty());
    QCOMPARE(q.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id2, QStringLiteral("7000"), QStringLiteral("--out"),
                          q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({QStringLiteral("channel"), QStringLiteral("import"), q.file("pay.spw")}).exitCode, 0);
    const QJsonObject c = q.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id2});
    const int expiry = c.value(QLatin1String("expiry_height")).toInt();
    const int margin = c.value(QLatin1String("safety_margin")).toInt();
    q.mine(expiry - margin - 1 - q.height());
    q.payee.run({QStringLiteral("channel"), QStringLiteral("watch")});
    QCOMPARE(q.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id2}).value(QLatin1String("state")).toString(),
             QStringLiteral("open")); // one block before the margin: nothing yet
    q.mine(1);
    const CliResult watched = q.payee.run({QStringLiteral("channel"), QStringLiteral("watch")});
    QVERIFY2(watched.err.contains("settled automatically"), watched.err.constData());
    q.mine(1);
    const QJsonObject after = q.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id2});
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    QCOMPARE(satField(after, "final_payee_sat"), 7000);
}

void TestCliChannels::watcherSettlesWithoutThePassword()
{
    // The payee locks its seed with a password; the background watcher (channel watch,
    // no password given) still settles before the deadline (docs/wallet-password.md).
    Pair q(m_dir.filePath(QStringLiteral("locked-watch")));
    QDir().mkpath(q.dir);
    const QString id = openChannel(q, Variant::Refund, 50'000, 20);
    QVERIFY(!id.isEmpty());
    QCOMPARE(q.payer.run({arg("channel"), arg("pay"), id, arg("7000"), arg("--out"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("import"), q.file("pay.spw")}).exitCode, 0);
    QVERIFY(writeFile(q.file("pw"), "payee secret\n"));
    const CliResult set = q.payee.run({arg("wallet"), arg("password"), arg("set"), arg("--new-password-file"), q.file("pw")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    // Any other command that needs a channel key asks for it (none here: locked).
    const CliResult offer = q.payee.run({arg("channel"), arg("offer")});
    QVERIFY2(offer.err.startsWith("WALLET_LOCKED"), offer.err.constData());
    const QJsonObject c = q.payee.json({arg("channel"), arg("show"), id});
    const int expiry = c.value(QLatin1String("expiry_height")).toInt();
    const int margin = c.value(QLatin1String("safety_margin")).toInt();
    q.mine(expiry - margin - q.height());
    const CliResult watched = q.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(watched.exitCode == 0 && watched.err.contains("settled automatically"), watched.err.constData());
    q.mine(1);
    const QJsonObject after = q.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    QCOMPARE(satField(after, "final_payee_sat"), 7000);
}

void TestCliChannels::refundPath()
{
    QFETCH(Variant, variant);
    Pair p(m_dir.filePath(QStringLiteral("refund%1").arg(++m_case)));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, variant, 60'000, 20);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("2000"), QStringLiteral("--out"),
                          p.file("pay.spw")}).exitCode, 0);
    // The payee vanishes. Before expiry the refund is refused, every block.
    const int expiry = p.payer.json({QStringLiteral("channel"), QStringLiteral("show"), id}).value(QLatin1String("expiry_height")).toInt();
    while (p.height() < expiry - 1) {
        const CliResult early = p.payer.run({QStringLiteral("channel"), QStringLiteral("refund"), id});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.startsWith("NON_FINAL"), early.err.constData());
        p.mine(1);
    }
    QCOMPARE(p.height(), expiry - 1);
    QVERIFY(p.payer.run({QStringLiteral("channel"), QStringLiteral("refund"), id}).err.startsWith("NON_FINAL"));
    p.mine(1); // tip == expiry: the refund is final
    const CliResult refund = p.payer.run({QStringLiteral("channel"), QStringLiteral("refund"), id, QStringLiteral("--json")});
    QVERIFY2(refund.exitCode == 0, refund.err.constData());
    p.mine(1);
    const QJsonObject c = p.payer.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("refunded"));
    QCOMPARE(satField(c, "final_payer_sat"), 60'000 - 400);
    QCOMPARE(satField(c, "final_payee_sat"), 0);
}

void TestCliChannels::adversarial()
{
    Pair p(m_dir.filePath(QStringLiteral("adv")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Refund, 80'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("watch")}).exitCode, 0); // sees the confirmation
    // A fresh channel with no payment yet, for the first-payment check.
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("3000"), QStringLiteral("--out"),
                          p.file("p1.spw")}).exitCode, 0);
    const channel::PaymentMsg first = std::get<channel::PaymentMsg>(decodeFile(p.file("p1.spw")));
    {
        channel::PaymentMsg tiny = first;
        tiny.paid = 100;
        QVERIFY(writeFile(p.file("bad.spw"), encodeLine(tiny)));
        const QByteArray before = storeDigest(p.payee.dataDir());
        const CliResult r = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("bad.spw")});
        QVERIFY2(r.err.startsWith("PAYMENT_BELOW_DUST"), r.err.constData());
        QCOMPARE(storeDigest(p.payee.dataDir()), before);
    }
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("p1.spw")}).exitCode, 0);
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("1000"), QStringLiteral("--out"),
                          p.file("p2.spw")}).exitCode, 0);
    const channel::PaymentMsg second = std::get<channel::PaymentMsg>(decodeFile(p.file("p2.spw")));

    struct Case {
        const char *name;
        QByteArray bytes;
        const char *code;
    };
    std::vector<Case> cases;
    auto payment = [&](auto mutate) {
        channel::PaymentMsg m = second;
        mutate(m);
        return encodeLine(m);
    };
    cases.push_back({"wrong signature", payment([](auto &m) { m.signature[5] ^= 1; }), "PAYMENT_BAD_SIGNATURE"});
    cases.push_back({"signature over another amount", payment([](auto &m) { m.paid += 1; }), "PAYMENT_BAD_SIGNATURE"});
    cases.push_back({"lower amount", payment([](auto &m) { m.paid = 2000; }), "PAYMENT_NOT_INCREASING"});
    cases.push_back({"skipped sequence", payment([](auto &m) { m.sequence = 3; }), "PAYMENT_SEQUENCE"});
    cases.push_back({"repeated sequence, other amount", payment([](auto &m) { m.sequence = 1; }), "PAYMENT_SEQUENCE"});
    cases.push_back({"above capacity", payment([](auto &m) { m.paid = 80'000; }), "PAYMENT_ABOVE_CAPACITY"});
    cases.push_back({"unknown channel", payment([](auto &m) { m.channel.index = 7; }), "CHANNEL_UNKNOWN"});
    cases.push_back({"junk", QByteArray("this is not a message\n"), "BAD_MESSAGE"});
    QByteArray truncated = encodeLine(second);
    truncated.chop(20);
    cases.push_back({"truncated", truncated + '\n', "INVALID_CHECKSUM"});
    const auto raw = channel::encodeMessage(second);
    spillway::Bytes cut(raw.begin(), raw.end() - 10);
    spillway::Bytes values;
    bitcoin::convertBits(values, cut, 8, 5, true);
    cases.push_back({"truncated bytes, valid checksum",
                     QByteArray::fromStdString(bitcoin::bech32Encode(bitcoin::Bech32Encoding::Bech32m, "spw", values)) + '\n',
                     "BAD_MESSAGE"});
    // A proposal whose refund has the wrong lock time, or pays another script.
    const channel::ProposalMsg prop = std::get<channel::ProposalMsg>(decodeFile(p.file("proposal.spw")));
    {
        auto refund = *bitcoin::Transaction::parse(prop.unsignedRefund);
        refund.lockTime -= 10;
        channel::ProposalMsg bad = prop;
        bad.unsignedRefund = refund.serialize();
        cases.push_back({"refund with the wrong lock time", encodeLine(bad), "REFUND_MISMATCH"});
        refund = *bitcoin::Transaction::parse(prop.unsignedRefund);
        refund.outputs[0].scriptPubKey = bitcoin::p2wpkh(bitcoin::PrivateKey::generate().publicKey().hash());
        bad.unsignedRefund = refund.serialize();
        cases.push_back({"refund paying another script", encodeLine(bad), "REFUND_MISMATCH"});
    }
    // Funding that does not match the proposal.
    {
        const channel::FundedMsg funded = std::get<channel::FundedMsg>(decodeFile(p.file("funded.spw")));
        auto tx = *bitcoin::Transaction::parse(funded.fundingTx);
        tx.outputs[0].value = bitcoin::Amount::fromSat(tx.outputs[0].value.sat() - 1);
        cases.push_back({"funding that does not match", encodeLine(channel::FundedMsg{tx.serialize()}), "FUNDING_MISMATCH"});
    }
    for (const Case &c : cases) {
        QVERIFY(writeFile(p.file("bad.spw"), c.bytes));
        const QByteArray before = storeDigest(p.payee.dataDir());
        const CliResult r = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("bad.spw")});
        QVERIFY2(r.exitCode == 1, c.name);
        QVERIFY2(r.err.startsWith(c.code), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), QString::fromUtf8(r.err))));
        QVERIFY2(storeDigest(p.payee.dataDir()) == before, c.name);
    }
    // Wrong network: an offer for main is refused by a local-chain payer, nothing stored.
    {
        channel::OfferMsg offer = std::get<channel::OfferMsg>(decodeFile(p.file("offer.spw")));
        offer.network = bitcoin::NetworkId::Main;
        QVERIFY(writeFile(p.file("mainoffer.spw"), encodeLine(offer)));
        const QByteArray before = storeDigest(p.payer.dataDir());
        const CliResult r = p.payer.run({QStringLiteral("channel"), QStringLiteral("open"), p.file("mainoffer.spw"),
                                         QStringLiteral("--capacity"), QStringLiteral("50000")});
        QVERIFY2(r.err.startsWith("WRONG_NETWORK"), r.err.constData());
        QCOMPARE(storeDigest(p.payer.dataDir()), before);
    }
    // The honest second payment is still accepted afterwards, and a repeat is acknowledged again.
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("p2.spw")}).exitCode, 0);
    const QByteArray before = storeDigest(p.payee.dataDir());
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("p2.spw")}).exitCode, 0);
    QCOMPARE(storeDigest(p.payee.dataDir()), before);
    QCOMPARE(satField(p.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id}), "paid_sat"), 4000);
}

void TestCliChannels::psbtTransport()
{
    // The refund signature, a payment and the settlement, each moved as a BIP 174 PSBT.
    Pair p(m_dir.filePath(QStringLiteral("psbt")));
    QDir().mkpath(p.dir);
    QVERIFY(!p.payer.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    QVERIFY(!p.payee.json({QStringLiteral("wallet"), QStringLiteral("create")}).isEmpty());
    p.payer.run({QStringLiteral("chain"), QStringLiteral("mine"), QStringLiteral("101")});
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("offer"), QStringLiteral("--out"), p.file("offer.spw")}).exitCode, 0);
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("open"), p.file("offer.spw"), QStringLiteral("--capacity"),
                          QStringLiteral("40000"), QStringLiteral("--variant"), QStringLiteral("refund"), QStringLiteral("--out"),
                          p.file("proposal.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("accept"), p.file("proposal.spw")}).exitCode, 0);
    const QString id = p.payee.json({QStringLiteral("channel"), QStringLiteral("list")})
                           .value(QLatin1String("channels")).toArray()[0].toObject().value(QLatin1String("id")).toString();
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("export-psbt"), id, QStringLiteral("refund"), QStringLiteral("--out"),
                          p.file("refund.psbt")}).exitCode, 0);
    const CliResult funded = p.payer.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("refund.psbt"),
                                          QStringLiteral("--out"), p.file("funded.spw")});
    QVERIFY2(funded.exitCode == 0, funded.err.constData());
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("funded.spw")}).exitCode, 0);
    p.mine(1);
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("pay"), id, QStringLiteral("4000")}).exitCode, 0);
    QCOMPARE(p.payer.run({QStringLiteral("channel"), QStringLiteral("export-psbt"), id, QStringLiteral("commitment"),
                          QStringLiteral("--out"), p.file("commitment.psbt")}).exitCode, 0);
    const CliResult ack = p.payee.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("commitment.psbt")});
    QVERIFY2(ack.exitCode == 0, ack.err.constData());
    QCOMPARE(satField(p.payee.json({QStringLiteral("channel"), QStringLiteral("show"), id}), "paid_sat"), 4000);
    // Base64 on stdout decodes as a PSBT too.
    const CliResult b64 = p.payee.run({QStringLiteral("channel"), QStringLiteral("export-psbt"), id, QStringLiteral("settlement")});
    QVERIFY(b64.out.startsWith("cHNidP8"));
    QCOMPARE(p.payee.run({QStringLiteral("channel"), QStringLiteral("export-psbt"), id, QStringLiteral("settlement"),
                          QStringLiteral("--out"), p.file("settlement.psbt")}).exitCode, 0);
    const CliResult settled = p.payer.run({QStringLiteral("channel"), QStringLiteral("import"), p.file("settlement.psbt")});
    QVERIFY2(settled.exitCode == 0, settled.err.constData());
    p.mine(1);
    const QJsonObject c = p.payer.json({QStringLiteral("channel"), QStringLiteral("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("settled"));
    QCOMPARE(satField(c, "final_payee_sat"), 4000);
}

void TestCliChannels::congestedChain()
{
    // A congested local chain (chain policy): blocks take only packages paying 10 sat/vB,
    // so a settlement at its commit fee (about 2 sat/vB) waits until the watcher bumps it.
    Pair p(m_dir.filePath(QStringLiteral("congested")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 80'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("30000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("chain"), arg("policy"), arg("--min-feerate"), arg("10")}).exitCode, 0);
    QVERIFY(!p.payee.json({arg("channel"), arg("settle"), id}).value(QLatin1String("txid")).toString().isEmpty());
    p.mine(2);
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("closing"));
    QCOMPARE(p.payee.run({arg("chain"), arg("fee-estimate"), arg("12")}).exitCode, 0);
    const CliResult watched = p.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(watched.err.contains("settlement's fee raised by a child"), watched.err.constData());
    p.mine(1);
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject settled = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(settled.value(QLatin1String("state")).toString(), arg("settled"));
    const QJsonArray bumps = settled.value(QLatin1String("bumps")).toArray();
    QCOMPARE(bumps.size(), 1);
    const qint64 childFee = satField(bumps[0].toObject(), "child_fee_sat");
    QVERIFY(bumps[0].toObject().value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger() >= 12'000);
    // The payee keeps the payout minus the child's fee, to the satoshi.
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 30'000 - childFee);
    // Followed until buried under 6 blocks.
    QCOMPARE(settled.value(QLatin1String("closing_confirmations")).toInt(), 1);
    QVERIFY(!settled.value(QLatin1String("buried")).toBool());
    p.mine(5);
    QVERIFY(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("buried")).toBool());

    // A payout too small to pay its own child: a wallet coin joins it (the channel's budget
    // raised to all of the payout; the settlement, about 2.8 sat/vB, waits below the 3 sat/vB blocks take).
    Pair q(m_dir.filePath(QStringLiteral("congested-small")));
    QDir().mkpath(q.dir);
    const QString small = openChannel(q, Variant::Cltv, 80'000, 144);
    QVERIFY(!small.isEmpty());
    const QString payeeAddress = q.payee.json({arg("wallet"), arg("address")}).value(QLatin1String("address")).toString();
    QCOMPARE(q.payer.run({arg("wallet"), arg("send"), payeeAddress, arg("100000")}).exitCode, 0);
    q.mine(1);
    QCOMPARE(q.payer.run({arg("channel"), arg("pay"), small, arg("680"), arg("--out"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("import"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("chain"), arg("policy"), arg("--min-feerate"), arg("3")}).exitCode, 0);
    QCOMPARE(satField(q.payee.json({arg("channel"), arg("budget"), small, arg("100")}), "budget_sat"), 680);
    QCOMPARE(q.payee.run({arg("channel"), arg("settle"), small}).exitCode, 0);
    q.mine(1);
    QCOMPARE(q.payee.json({arg("channel"), arg("show"), small}).value(QLatin1String("state")).toString(), arg("closing"));
    QCOMPARE(q.payee.run({arg("chain"), arg("fee-estimate"), arg("3.2")}).exitCode, 0);
    const CliResult smallWatch = q.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(smallWatch.err.contains("with wallet coins"), smallWatch.err.constData());
    const QJsonObject smallBump = q.payee.json({arg("channel"), arg("show"), small}).value(QLatin1String("bumps")).toArray()[0].toObject();
    QVERIFY(smallBump.value(QLatin1String("wallet_coins")).toBool());
    const qint64 smallFee = satField(smallBump, "child_fee_sat");
    QVERIFY2(smallFee > 0 && smallFee <= 680, qPrintable(QString::number(smallFee)));
    q.mine(1);
    QCOMPARE(q.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(q.payee.json({arg("channel"), arg("show"), small}).value(QLatin1String("state")).toString(), arg("settled"));
    QCOMPARE(satField(q.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"), 100'000 + 680 - smallFee);

    // A budget too small for the target: the bump pays the budget and says so.
    Pair b(m_dir.filePath(QStringLiteral("congested-budget")));
    QDir().mkpath(b.dir);
    const QString capped = openChannel(b, Variant::Cltv, 80'000, 144);
    QVERIFY(!capped.isEmpty());
    QCOMPARE(b.payer.run({arg("channel"), arg("pay"), capped, arg("40000"), arg("--out"), b.file("pay.spw")}).exitCode, 0);
    QCOMPARE(b.payee.run({arg("channel"), arg("import"), b.file("pay.spw")}).exitCode, 0);
    QCOMPARE(satField(b.payee.json({arg("channel"), arg("budget"), capped, arg("2")}), "budget_sat"), 800);
    QCOMPARE(b.payee.run({arg("channel"), arg("settle"), capped}).exitCode, 0);
    QCOMPARE(b.payee.run({arg("chain"), arg("fee-estimate"), arg("40")}).exitCode, 0);
    const CliResult said = b.payee.run({arg("channel"), arg("watch")});
    QCOMPARE(said.exitCode, 0);
    QVERIFY2(said.err.contains("more than the fee budget allows"), said.err.constData());
    // Asked again by hand: nothing more is spent, and the reason is said.
    const CliResult again = b.payee.run({arg("channel"), arg("bump"), capped});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("\nOVER_BUDGET: "), again.err.constData());
    QCOMPARE(satField(b.payee.json({arg("channel"), arg("show"), capped}).value(QLatin1String("bumps")).toArray()[0].toObject(),
                      "child_fee_sat"),
             800);

    // A full mempool: the settlement alone is below its minimum (5 sat/vB) and goes in with
    // a child paying for both, as one package.
    Pair f(m_dir.filePath(QStringLiteral("congested-full")));
    QDir().mkpath(f.dir);
    const QString full = openChannel(f, Variant::Cltv, 80'000, 144);
    QVERIFY(!full.isEmpty());
    QCOMPARE(f.payer.run({arg("channel"), arg("pay"), full, arg("30000"), arg("--out"), f.file("pay.spw")}).exitCode, 0);
    QCOMPARE(f.payee.run({arg("channel"), arg("import"), f.file("pay.spw")}).exitCode, 0);
    QCOMPARE(f.payee.run({arg("chain"), arg("policy"), arg("--mempool-min-feerate"), arg("5")}).exitCode, 0);
    QCOMPARE(f.payee.run({arg("chain"), arg("fee-estimate"), arg("6")}).exitCode, 0);
    const CliResult settledFull = f.payee.run({arg("channel"), arg("settle"), full});
    QVERIFY2(settledFull.exitCode == 0, settledFull.err.constData());
    const QJsonArray fullBumps = f.payee.json({arg("channel"), arg("show"), full}).value(QLatin1String("bumps")).toArray();
    QCOMPARE(fullBumps.size(), 1);
    QVERIFY(fullBumps[0].toObject().value(QLatin1String("package")).toBool());
    f.mine(1);
    QCOMPARE(f.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(f.payee.json({arg("channel"), arg("show"), full}).value(QLatin1String("state")).toString(), arg("settled"));
}

void TestCliChannels::feesRiseEveryBlockBeforeTheDeadline()
{
    // Fees rise every block and blocks take only what pays above the estimate for a
    // while: the watcher raises its child each block (replacing the previous one),
    // stays within the budget, and the settlement confirms before expiry.
    Pair p(m_dir.filePath(QStringLiteral("rising")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 80'000, 40);
    QVERIFY(!id.isEmpty());
    const int expiry = p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("expiry_height")).toInt();
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("30000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("settle"), id}).exitCode, 0);
    int64_t lastRate = 0;
    for (int block = 0; block < 4; ++block) {
        const int rate = 4 + 3 * block; // sat/vB
        QCOMPARE(p.payee.run({arg("chain"), arg("fee-estimate"), QString::number(rate)}).exitCode, 0);
        // The first three blocks take only more than the estimate: nothing of ours is mined.
        QCOMPARE(p.payee.run({arg("chain"), arg("policy"), arg("--min-feerate"), QString::number(block < 3 ? rate + 10 : rate)}).exitCode, 0);
        QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
        const QJsonArray bumps = p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("bumps")).toArray();
        QCOMPARE(bumps.size(), block + 1); // one more child every block
        const QJsonObject last = bumps.last().toObject();
        QVERIFY(last.value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger() >= rate * 1000);
        QVERIFY(last.value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger() > lastRate);
        QVERIFY(satField(last, "child_fee_sat") <= 15'000); // half the payout
        lastRate = last.value(QLatin1String("package_fee_rate_sat_per_kvb")).toInteger();
        p.mine(1);
    }
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject settled = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(settled.value(QLatin1String("state")).toString(), arg("settled"));
    QVERIFY(settled.value(QLatin1String("closed_height")).toInt() < expiry);
    const QJsonArray bumps = settled.value(QLatin1String("bumps")).toArray();
    QCOMPARE(satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat"),
             30'000 - satField(bumps.last().toObject(), "child_fee_sat"));

    // A budget too small to confirm: said in words long before the deadline.
    Pair q(m_dir.filePath(QStringLiteral("rising-budget")));
    QDir().mkpath(q.dir);
    const QString small = openChannel(q, Variant::Cltv, 80'000, 40);
    QVERIFY(!small.isEmpty());
    QCOMPARE(q.payer.run({arg("channel"), arg("pay"), small, arg("30000"), arg("--out"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("import"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("budget"), small, arg("1")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("settle"), small}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("chain"), arg("policy"), arg("--min-feerate"), arg("30")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("chain"), arg("fee-estimate"), arg("30")}).exitCode, 0);
    const CliResult warned = q.payee.run({arg("channel"), arg("watch")});
    QVERIFY2(warned.err.contains("more than the fee budget allows"), warned.err.constData());
    const QJsonObject shown = q.payee.json({arg("channel"), arg("show"), small});
    QVERIFY(shown.value(QLatin1String("blocks_to_expiry")).toInt() > 20); // long before the deadline
}

QTEST_GUILESS_MAIN(TestCliChannels)
#include "tst_cli_channels.moc"

void TestCliChannels::offersListedAndWithdrawn()
{
    // The payee's offers, outstanding until a channel comes from one; one taken back
    // (channel withdraw) is refused when a payer still proposes on it, nothing stored.
    Pair p(m_dir.filePath(QStringLiteral("offers")));
    QDir().mkpath(p.dir);
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    p.payer.run({arg("chain"), arg("mine"), arg("101")});
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--label"), arg("first"), arg("--out"), p.file("offer1.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--label"), arg("second"), arg("--out"), p.file("offer2.spw")}).exitCode, 0);
    auto states = [&] {
        QStringList out;
        for (const auto v : p.payee.json({arg("channel"), arg("offers")}).value(arg("offers")).toArray())
            out << v.toObject().value(arg("label")).toString() + QLatin1Char('=') + v.toObject().value(arg("state")).toString();
        return out;
    };
    QCOMPARE(states(), (QStringList{arg("first=outstanding"), arg("second=outstanding")}));
    // The first is answered.
    CliResult r = p.payer.run({arg("channel"), arg("open"), p.file("offer1.spw"), arg("--capacity"), arg("100000"), arg("--out"), p.file("p1.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = p.payee.run({arg("channel"), arg("accept"), p.file("p1.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(states(), (QStringList{arg("first=answered"), arg("second=outstanding")}));
    // The second is withdrawn by a prefix of its key; too short or unknown prefixes are refused.
    const QString key2 = QString::fromStdString(toHex(std::get<channel::OfferMsg>(decodeFile(p.file("offer2.spw"))).payeePub));
    QVERIFY(p.payee.run({arg("channel"), arg("withdraw"), key2.left(4)}).err.startsWith("INVALID_ARGUMENT"));
    QVERIFY(p.payee.run({arg("channel"), arg("withdraw"), arg("ffffffffffff")}).err.startsWith("OFFER_UNKNOWN"));
    QCOMPARE(p.payee.json({arg("channel"), arg("withdraw"), key2.left(12)}).value(arg("withdrawn")).toString(), key2);
    QCOMPARE(states(), (QStringList{arg("first=answered"), arg("second=withdrawn")}));
    r = p.payer.run({arg("channel"), arg("open"), p.file("offer2.spw"), arg("--capacity"), arg("100000"), arg("--out"), p.file("p2.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray before = storeDigest(p.payee.dataDir());
    r = p.payee.run({arg("channel"), arg("accept"), p.file("p2.spw")});
    QVERIFY2(r.exitCode != 0 && r.err.startsWith("OFFER_WITHDRAWN"), r.err.constData());
    QCOMPARE(storeDigest(p.payee.dataDir()), before);
}

void TestCliChannels::openingTermsRefused()
{
    // protocol.md "Opening terms that can always be settled": a payee never accepts
    // terms it could not settle, and the payer never funds them.
    Pair p(m_dir.filePath(QStringLiteral("terms")));
    QDir().mkpath(p.dir);
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    p.payer.run({arg("chain"), arg("mine"), arg("101")});
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--out"), p.file("offer.spw")}).exitCode, 0);
    const channel::OfferMsg offer = std::get<channel::OfferMsg>(decodeFile(p.file("offer.spw")));
    QVERIFY(offer.minCommitFeerate >= 1000); // the payee's estimate, never below 1 sat/vB

    // The payer: --commit-fee 0 is refused before anything is signed or broadcast.
    QCOMPARE(p.payer.run({arg("channel"), arg("list")}).exitCode, 0);
    const QByteArray payerBefore = storeDigest(p.payer.dataDir());
    const qint64 balanceBefore = satField(p.payer.json({arg("wallet"), arg("balance")}), "confirmed_sat");
    CliResult r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("100000"), arg("--commit-fee"), arg("0")});
    QVERIFY2(r.exitCode == 1 && r.err.startsWith("COMMIT_FEE_TOO_LOW"), r.err.constData());
    QCOMPARE(storeDigest(p.payer.dataDir()), payerBefore);
    QCOMPARE(satField(p.payer.json({arg("wallet"), arg("balance")}), "confirmed_sat"), balanceBefore);

    // The payee: proposals crafted around an honest one are refused at accept, nothing stored.
    r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("100000"), arg("--out"), p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const channel::ProposalMsg prop = std::get<channel::ProposalMsg>(decodeFile(p.file("proposal.spw")));
    {
        // The funding (second line): the channel's output first, and always a change output
        // (the payer's CPFP handle while it is unconfirmed); segwit inputs only.
        QFile f(p.file("proposal.spw"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        auto funded = channel::messageFromText(lines[1].trimmed().toStdString());
        QVERIFY(funded.ok());
        auto tx = bitcoin::Transaction::parse(std::get<channel::FundedMsg>(*funded).fundingTx);
        QVERIFY(tx.ok());
        QCOMPARE(tx->outputs.size(), size_t(2));
        QCOMPARE(tx->outputs[0].value.sat(), 100'000);
        QVERIFY(tx->outputs[1].value.sat() >= bitcoin::dustThreshold(tx->outputs[1].scriptPubKey));
        for (const auto &in : tx->inputs)
            QVERIFY(!in.witness.empty() && in.scriptSig.empty());
    }
    struct Case {
        const char *name;
        std::function<void(channel::ProposalMsg &)> mutate;
        const char *code;
    };
    const std::vector<Case> cases{
        {"commit fee 0", [](auto &m) { m.commitFee = 0; }, "COMMIT_FEE_TOO_LOW"},
        {"commit fee one below the floor", [&](auto &m) { m.commitFee -= 1 + (m.commitFee - 1) / 2; }, "COMMIT_FEE_TOO_LOW"},
        {"refund fee 0", [](auto &m) { m.refundFee = 0; }, "REFUND_FEE_TOO_LOW"},
        {"OP_TRUE refund", [](auto &m) { m.payerRefund = bitcoin::Script(spillway::Bytes{bitcoin::OP_TRUE}); }, "NONSTANDARD_SCRIPT"},
        {"21-byte witness program", [](auto &m) { m.payerRefund = bitcoin::witnessProgramScript(0, spillway::Bytes(21, 3)); },
         "NONSTANDARD_SCRIPT"},
        {"expiry too near", [](auto &m) { m.expiry -= 140; }, "EXPIRY_OUT_OF_RANGE"},
        {"capacity above the offer", [](auto &m) { m.capacity = 200'000'000; }, "CAPACITY_OUT_OF_RANGE"},
    };
    for (const Case &c : cases) {
        channel::ProposalMsg bad = prop;
        c.mutate(bad);
        QVERIFY(writeFile(p.file("bad.spw"), encodeLine(bad)));
        const QByteArray before = storeDigest(p.payee.dataDir());
        r = p.payee.run({arg("channel"), arg("accept"), p.file("bad.spw")});
        QVERIFY2(r.exitCode == 1 && r.err.startsWith(c.code), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), QString::fromUtf8(r.err))));
        QVERIFY2(storeDigest(p.payee.dataDir()) == before, c.name);
    }
    r = p.payee.run({arg("channel"), arg("accept"), p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The default expiry on this chain leaves at least a margin of use after confirmation.
    const QJsonObject shown = p.payee.json({arg("channel"), arg("show"), QString::fromStdString(prop.funding.toString())});
    QVERIFY(shown.value(QLatin1String("blocks_to_expiry")).toInt() >= 1 + 2 * 6);
}

void TestCliChannels::catchUpAfterRestoringAnOldCopy()
{
    Pair p(m_dir.filePath(QStringLiteral("catchup")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 200'000, 144);
    QVERIFY(!id.isEmpty());
    auto payAndAck = [&](int amount) {
        if (p.payer.run({arg("channel"), arg("pay"), id, QString::number(amount), arg("--out"), p.file("pay.spw")}).exitCode != 0)
            return false;
        if (p.payee.run({arg("channel"), arg("import"), p.file("pay.spw"), arg("--out"), p.file("ack.spw")}).exitCode != 0)
            return false;
        return p.payer.run({arg("channel"), arg("import"), p.file("ack.spw")}).exitCode == 0;
    };
    QVERIFY(payAndAck(1000));
    for (int i = 1; i < 10; ++i)
        QVERIFY(payAndAck(100));
    const QString copy = p.dir + QStringLiteral("/payer-copy");
    QVERIFY(copyDir(p.payer.dataDir(), copy));
    for (int i = 0; i < 50; ++i)
        QVERIFY(payAndAck(100));
    const qint64 paid = 1000 + 59 * 100;
    QCOMPARE(satField(p.payee.json({arg("channel"), arg("show"), id}), "paid_sat"), paid);

    // The payer's disk is restored from the copy, 50 payments old.
    QVERIFY(QDir(p.payer.dataDir()).removeRecursively());
    QVERIFY(copyDir(copy, p.payer.dataDir()));
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "paid_sat"), 1000 + 9 * 100);
    // (Paying 100 would sign exactly the old payment 11 again: a harmless repeat, acknowledged.)
    // The restored payer even signs a few more before it hears back: 11..14, 150 more each.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("150")}).exitCode, 0);
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("150"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    const qint64 restoredSigned = 1000 + 9 * 100 + 4 * 150; // what the restored copy signed: the payee may hold it
    const QByteArray payeeBefore = storeDigest(p.payee.dataDir());
    CliResult r = p.payee.run({arg("channel"), arg("import"), p.file("pay.spw"), arg("--out"), p.file("error.spw")});
    QVERIFY2(r.exitCode == 1 && r.err.startsWith("PAYMENT_SEQUENCE"), r.err.constData());
    QCOMPARE(storeDigest(p.payee.dataDir()), payeeBefore);
    const auto err = std::get<channel::ErrorMsg>(decodeFile(p.file("error.spw")));
    QVERIFY(err.catchUp);
    QCOMPARE(err.catchUp->sequence, uint64_t(60));
    QCOMPARE(err.catchUp->paid, paid);
    // A forged catch-up (not our signature) is refused and changes nothing.
    {
        channel::ErrorMsg forged = err;
        forged.catchUp->paid = paid + 5000;
        QVERIFY(writeFile(p.file("forged.spw"), encodeLine(forged)));
        const QByteArray before = storeDigest(p.payer.dataDir());
        r = p.payer.run({arg("channel"), arg("import"), p.file("forged.spw")});
        QVERIFY2(r.exitCode == 1 && r.err.startsWith("PAYMENT_BAD_SIGNATURE"), r.err.constData());
        QCOMPARE(storeDigest(p.payer.dataDir()), before);
    }
    // The genuine one: the payer checks its own signature and carries on from there, never
    // below anything it signed (its own newest signature may be in the payee's hands).
    QVERIFY(restoredSigned < paid);
    r = p.payer.run({arg("channel"), arg("import"), p.file("error.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "paid_sat"), paid);
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "acknowledged_sat"), paid);
    QVERIFY(payAndAck(100));
    QCOMPARE(satField(p.payee.json({arg("channel"), arg("show"), id}), "paid_sat"), paid + 100);
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "paid_sat"), paid + 100);
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "acknowledged_sat"), paid + 100);

    // A close signed by anyone but the payer is ignored with its code; the payer's settles.
    QCOMPARE(p.payer.run({arg("channel"), arg("close"), id, arg("--out"), p.file("close.spw")}).exitCode, 0);
    channel::CloseMsg forgedClose = std::get<channel::CloseMsg>(decodeFile(p.file("close.spw")));
    forgedClose.signature = bitcoin::PrivateKey::generate().signCompact(channel::closeDigest(forgedClose.channel));
    QVERIFY(writeFile(p.file("forged-close.spw"), encodeLine(forgedClose)));
    const QByteArray beforeClose = storeDigest(p.payee.dataDir());
    r = p.payee.run({arg("channel"), arg("import"), p.file("forged-close.spw")});
    QVERIFY2(r.exitCode == 1 && r.err.startsWith("CLOSE_BAD_SIGNATURE"), r.err.constData());
    QCOMPARE(storeDigest(p.payee.dataDir()), beforeClose);
    // The payee kept the newest settlement fully signed: what it broadcasts is that transaction.
    bitcoin::Hash256 storedTxid{};
    {
        store::ChannelStore st;
        QVERIFY(st.open(p.payee.dataDir()).ok());
        const store::ChannelRecord rec = **st.find(err.channel);
        auto settlement = bitcoin::Transaction::parse(rec.settlementTx);
        QVERIFY(settlement.ok());
        QCOMPARE(settlement->outputs.at(0).value.sat(), paid + 100);
        QCOMPARE(settlement->outputs.at(0).scriptPubKey, rec.params.payeePayout);
        QCOMPARE(bitcoin::verifyInput(*settlement, 0, rec.params.fundingOutput(), bitcoin::kStandardFlags), bitcoin::ScriptError::OK);
        storedTxid = settlement->txid();
    }
    r = p.payee.run({arg("channel"), arg("import"), p.file("close.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject closing = p.payee.json({arg("channel"), arg("show"), id});
    QCOMPARE(closing.value(QLatin1String("state")).toString(), arg("closing"));
    QCOMPARE(closing.value(QLatin1String("closing_txid")).toString(), QString::fromStdString(bitcoin::toDisplayHex(storedTxid)));
}

void TestCliChannels::interruptedOpeningCarriesOn()
{
    // `channel open` killed after the funding went out but before the channel's state moved on:
    // the watcher finds the funding, follows the channel, and refunds it at expiry though the
    // payee never heard of it. A refund-variant proposal never signed stays unfunded.
    Pair p(m_dir.filePath(QStringLiteral("interrupted")));
    QDir().mkpath(p.dir);
    QVERIFY(!p.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!p.payee.json({arg("wallet"), arg("create")}).isEmpty());
    p.payer.run({arg("chain"), arg("mine"), arg("101")});
    QCOMPARE(p.payee.run({arg("channel"), arg("offer"), arg("--out"), p.file("offer.spw")}).exitCode, 0);
    CliResult r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("70000"), arg("--out"), p.file("proposal.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const channel::ProposalMsg prop = std::get<channel::ProposalMsg>(decodeFile(p.file("proposal.spw")));
    const QString id = QString::fromStdString(prop.funding.toString());
    {
        store::ChannelStore st;
        QVERIFY(st.open(p.payer.dataDir()).ok());
        store::ChannelRecord rec = **st.find(prop.funding);
        QCOMPARE(rec.state, store::ChannelState::Opening);
        rec.state = store::ChannelState::Proposed; // as if killed right after the broadcast
        QVERIFY(st.update(rec).ok());
    }
    // The next command's watcher pass carries it on.
    const QJsonObject watched = p.payer.json({arg("channel"), arg("watch")});
    QVERIFY2(QJsonDocument(watched).toJson().contains("interrupted opening carried on"), QJsonDocument(watched).toJson().constData());
    QCOMPARE(p.payer.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("opening"));
    // A refund-variant proposal without the payee's signature: nothing is broadcast, ever.
    r = p.payer.run({arg("channel"), arg("open"), p.file("offer.spw"), arg("--capacity"), arg("50000"), arg("--variant"), arg("refund"),
                     arg("--out"), p.file("proposal2.spw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const channel::ProposalMsg unsignedProp = std::get<channel::ProposalMsg>(decodeFile(p.file("proposal2.spw")));
    QCOMPARE(p.payer.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payer.json({arg("channel"), arg("show"), QString::fromStdString(unsignedProp.funding.toString())})
                 .value(QLatin1String("state")).toString(),
             arg("offered"));
    // The payee never answers: at expiry the payer's watcher takes the refund by itself.
    const int expiry = static_cast<int>(prop.expiry);
    p.mine(expiry - p.height());
    const QJsonObject atExpiry = p.payer.json({arg("channel"), arg("watch")});
    QVERIFY2(QJsonDocument(atExpiry).toJson().contains("refund broadcast"), QJsonDocument(atExpiry).toJson().constData());
    p.mine(1);
    QCOMPARE(p.payer.run({arg("channel"), arg("watch")}).exitCode, 0);
    const QJsonObject c = p.payer.json({arg("channel"), arg("show"), id});
    QCOMPARE(c.value(QLatin1String("state")).toString(), arg("refunded"));
    QCOMPARE(satField(c, "final_payer_sat"), 70'000 - prop.refundFee);
}

void TestCliChannels::twoProcessesOnOneDataDirectory()
{
    // The payee's `channel watch --follow` runs beside the payee's imports (as the GUI
    // and the background watcher would), blocks come meanwhile: every acknowledged
    // payment stays stored, none is overwritten by the other process's older copy.
    Pair p(m_dir.filePath(QStringLiteral("twoprocs")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 200'000, 144);
    QVERIFY(!id.isEmpty());
    QProcess watcher;
    watcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    watcher.start(QStringLiteral(SPILLWAY_CLI), {arg("--chain"), p.chainFile, arg("--datadir"), p.payee.dataDir(), arg("channel"), arg("watch"),
                                                 arg("--follow")});
    QVERIFY(watcher.waitForStarted(10000));
    qint64 acknowledged = 0;
    int retried = 0;
    for (int i = 1; i <= 40; ++i) {
        QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, i == 1 ? arg("1000") : arg("100"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
        CliResult r;
        for (int attempt = 0; attempt < 5; ++attempt) { // the other process may have written meanwhile: import again
            r = p.payee.run({arg("channel"), arg("import"), p.file("pay.spw"), arg("--out"), p.file("ack.spw")});
            if (!r.err.startsWith("CHANNEL_CHANGED_ELSEWHERE"))
                break;
            ++retried;
        }
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(p.payer.run({arg("channel"), arg("import"), p.file("ack.spw")}).exitCode, 0);
        acknowledged = 1000 + (i - 1) * 100;
        if (i % 8 == 0)
            p.mine(1); // the watcher acts on every block
    }
    watcher.terminate();
    QVERIFY(watcher.waitForFinished(10000));
    QCOMPARE(satField(p.payee.json({arg("channel"), arg("show"), id}), "paid_sat"), acknowledged);
    QCOMPARE(satField(p.payer.json({arg("channel"), arg("show"), id}), "acknowledged_sat"), acknowledged);
    qInfo("two processes: 40 payments acknowledged, %d imports run again after a conflict", retried);
}

void TestCliChannels::watcherBumpsWhenFeesRise()
{
    // The payee's settlement waits in the mempool while fees rise: the watcher pays
    // for it by CPFP through the payee's payout, by itself.
    Pair p(m_dir.filePath(QStringLiteral("bump")));
    QDir().mkpath(p.dir);
    const QString id = openChannel(p, Variant::Cltv, 80'000, 144);
    QVERIFY(!id.isEmpty());
    QCOMPARE(p.payer.run({arg("channel"), arg("pay"), id, arg("30000"), arg("--out"), p.file("pay.spw")}).exitCode, 0);
    QCOMPARE(p.payee.run({arg("channel"), arg("import"), p.file("pay.spw")}).exitCode, 0);
    const QString settlement = p.payee.json({arg("channel"), arg("settle"), id}).value(QLatin1String("txid")).toString();
    QVERIFY(!settlement.isEmpty());
    // Fees as they were: nothing to do.
    QVERIFY(!QJsonDocument(p.payee.json({arg("channel"), arg("watch")})).toJson().contains("raised by a child"));
    QCOMPARE(p.payee.run({arg("chain"), arg("fee-estimate"), arg("20")}).exitCode, 0);
    const QByteArray said = QJsonDocument(p.payee.json({arg("channel"), arg("watch")})).toJson();
    QVERIFY2(said.contains("raised by a child"), said.constData());
    // Once is enough at that rate.
    QVERIFY(!QJsonDocument(p.payee.json({arg("channel"), arg("watch")})).toJson().contains("raised by a child"));
    p.mine(1);
    QCOMPARE(p.payee.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(p.payee.json({arg("channel"), arg("show"), id}).value(QLatin1String("state")).toString(), arg("settled"));
    const qint64 confirmed = satField(p.payee.json({arg("wallet"), arg("balance")}), "confirmed_sat");
    // The child paid 20 sat/vB for both (about 300 vB) out of the 30,000.
    QVERIFY2(confirmed > 30'000 - 20 * 400 && confirmed < 30'000 - 20 * 250, qPrintable(QString::number(confirmed)));
    // A payout too small to pay for a child is said plainly, not silently left.
    Pair q(m_dir.filePath(QStringLiteral("bump-small")));
    QDir().mkpath(q.dir);
    const QString small = openChannel(q, Variant::Cltv, 80'000, 144);
    QVERIFY(!small.isEmpty());
    QCOMPARE(q.payer.run({arg("channel"), arg("pay"), small, arg("400"), arg("--out"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("import"), q.file("pay.spw")}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("channel"), arg("settle"), small}).exitCode, 0);
    QCOMPARE(q.payee.run({arg("chain"), arg("fee-estimate"), arg("50")}).exitCode, 0);
    const CliResult r = q.payee.run({arg("channel"), arg("bump"), small});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("DUST:") && r.err.contains("reserve"), r.err.constData());
    QCOMPARE(q.payee.run({arg("chain"), arg("fee-estimate"), arg("2")}).exitCode, 0);

    // The payer's funding, unconfirmed while fees rise, is bumped through its change: the funding
    // itself (the channel's id, which the refund spends) is never replaced.
    Pair f(m_dir.filePath(QStringLiteral("bump-funding")));
    QDir().mkpath(f.dir);
    QVERIFY(!f.payer.json({arg("wallet"), arg("create")}).isEmpty());
    QVERIFY(!f.payee.json({arg("wallet"), arg("create")}).isEmpty());
    f.payer.run({arg("chain"), arg("mine"), arg("101")});
    QCOMPARE(f.payee.run({arg("channel"), arg("offer"), arg("--out"), f.file("offer.spw")}).exitCode, 0);
    QCOMPARE(f.payer.run({arg("channel"), arg("open"), f.file("offer.spw"), arg("--capacity"), arg("50000"), arg("--out"), f.file("proposal.spw")})
                 .exitCode,
             0);
    const channel::ProposalMsg fprop = std::get<channel::ProposalMsg>(decodeFile(f.file("proposal.spw")));
    const QString fid = QString::fromStdString(fprop.funding.toString());
    QVERIFY(!QJsonDocument(f.payer.json({arg("channel"), arg("watch")})).toJson().contains("funding's fee raised"));
    QCOMPARE(f.payer.run({arg("chain"), arg("fee-estimate"), arg("15")}).exitCode, 0);
    const QByteArray fundingSaid = QJsonDocument(f.payer.json({arg("channel"), arg("watch")})).toJson();
    QVERIFY2(fundingSaid.contains("funding's fee raised by a child"), fundingSaid.constData());
    // Both confirm; the channel's id is the funding's txid, as it was.
    QCOMPARE(f.payer.run({arg("chain"), arg("fee-estimate"), arg("2")}).exitCode, 0);
    f.mine(1);
    QCOMPARE(f.payer.json({arg("channel"), arg("show"), fid}).value(QLatin1String("state")).toString(), arg("open"));
    QCOMPARE(f.payer.json({arg("channel"), arg("show"), fid}).value(QLatin1String("funding_txid")).toString(),
             QString::fromStdString(bitcoin::toDisplayHex(fprop.funding.txid)));

    // The payer's refund, waiting while fees rise, is bumped the same way through its own output.
    Pair w(m_dir.filePath(QStringLiteral("bump-refund")));
    QDir().mkpath(w.dir);
    const QString refunding = openChannel(w, Variant::Cltv, 80'000, 20);
    QVERIFY(!refunding.isEmpty());
    const int expiry = w.payer.json({arg("channel"), arg("show"), refunding}).value(QLatin1String("expiry_height")).toInt();
    w.mine(expiry - w.height());
    QCOMPARE(w.payer.run({arg("channel"), arg("refund"), refunding}).exitCode, 0);
    QCOMPARE(w.payer.run({arg("chain"), arg("fee-estimate"), arg("20")}).exitCode, 0);
    const QByteArray refundSaid = QJsonDocument(w.payer.json({arg("channel"), arg("watch")})).toJson();
    QVERIFY2(refundSaid.contains("refund's fee raised by a child"), refundSaid.constData());
    QCOMPARE(w.payer.run({arg("chain"), arg("fee-estimate"), arg("2")}).exitCode, 0);
    w.mine(1);
    QCOMPARE(w.payer.run({arg("channel"), arg("watch")}).exitCode, 0);
    QCOMPARE(w.payer.json({arg("channel"), arg("show"), refunding}).value(QLatin1String("state")).toString(), arg("refunded"));
}
