// spillway-cli: the headless wallet. Every command takes --json for stable,
// machine-readable output (docs/cli.md); errors exit non-zero with the error
// code and a readable sentence on stderr.
#include "CliBackup.h"
#include "CliPassword.h"
#include "bitcoin/Address.h"
#include "bitcoin/Psbt.h"
#include "chain/ChainSettings.h"
#include "chain/CoreRpcBackend.h"
#include "chain/LocalChain.h"
#include "channel/ChannelEngine.h"
#include "transport/PaymentClient.h"
#include "transport/PaymentServer.h"
#include "transport/Seller.h"
#include "wallet/Wallet.h"
#include "CliFees.h"
#include "CliOffers.h"
#include "ur/UrText.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <string>

using namespace spillway;
using namespace spillway::bitcoin;

namespace {

struct Cli {
    QCommandLineParser parser;
    bool json = false;
    QString dataDir;
    QString chainFile;
};

int fail(const Error &e)
{
    std::fprintf(stderr, "%s\n", e.describe().c_str());
    return 1;
}

int usage(const QString &text)
{
    std::fprintf(stderr, "INVALID_ARGUMENT: %s See spillway-cli --help.\n", qPrintable(text));
    return 2;
}

void printJson(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
}

QString sat(int64_t v)
{
    return QString::number(v);
}

QString btc(int64_t v)
{
    return QString::fromStdString(Amount::fromSat(v).toBtcString());
}

/// "1000" (sat), "1000sat" or "0.00001btc".
Result<Amount> parseAmount(const QString &text)
{
    QString t = text.trimmed().toLower();
    if (t.endsWith(QLatin1String("btc")))
        return Amount::parseBtc(t.chopped(3).trimmed().toStdString());
    if (t.endsWith(QLatin1String("sat")))
        t.chop(3);
    bool ok = false;
    const qlonglong v = t.trimmed().toLongLong(&ok);
    if (!ok || v <= 0 || v > Amount::kMaxMoney)
        return makeError(ErrorCode::InvalidAmount, "amounts are whole satoshis, or BTC with a 'btc' suffix");
    return Amount::fromSat(v);
}


int chainInfo(Cli &cli, chain::ChainBackend &chain)
{
    auto tip = chain::await(chain.tip());
    if (!tip)
        return fail(tip.error());
    const Network &net = chain.network();
    auto *local = qobject_cast<chain::LocalChain *>(&chain);
    auto *node = qobject_cast<chain::CoreRpcBackend *>(&chain);
    QJsonObject o{{QStringLiteral("network"), QString::fromLatin1(net.name.data())},
                  {QStringLiteral("backend"), local ? QStringLiteral("local") : QStringLiteral("rpc")},
                  {QStringLiteral("height"), tip->height},
                  {QStringLiteral("time"), static_cast<qint64>(tip->time)},
                  {QStringLiteral("best_block_hash"), QString::fromStdString(toDisplayHex(tip->hash))},
                  {QStringLiteral("block_interval_seconds"), static_cast<int>(net.blockIntervalSeconds)}};
    if (local)
        o.insert(QStringLiteral("chain_file"), local->path());
    if (auto fee = chain::await(chain.estimateFeeRate(6)))
        o.insert(QStringLiteral("fee_rate_sat_per_kvb"), static_cast<qint64>(fee->satPerKvB));
    if (node) {
        auto info = chain::await(node->nodeInfo());
        if (!info)
            return fail(info.error());
        o.insert(QStringLiteral("node_chain"), info->chain);
        o.insert(QStringLiteral("node_version"), info->version);
    }
    if (cli.json) {
        printJson(o);
    } else {
        std::printf("network: %s\n%s\nheight: %d\nbest block: %s\n", net.name.data(),
                    local ? qPrintable(QStringLiteral("chain file: ") + local->path())
                          : qPrintable(chain.describe() + QStringLiteral(", ") + o.value(QStringLiteral("node_version")).toString()),
                    tip->height, toDisplayHex(tip->hash).c_str());
    }
    return 0;
}

Result<Script> mineTarget(Cli &cli, chain::ChainBackend &chain)
{
    const QString to = cli.parser.value(QStringLiteral("to"));
    if (!to.isEmpty())
        return decodeAddress(to.toStdString(), chain.network());
    auto w = cli::openWallet(cli.dataDir, chain);
    if (!w)
        return makeError(ErrorCode::InvalidArgument, "give --to ADDRESS, or create a wallet to mine to");
    auto addr = (*w)->newReceiveAddress();
    if (!addr)
        return addr.error();
    return decodeAddress(addr->toStdString(), chain.network());
}

int chainMine(Cli &cli, chain::ChainBackend &chain, const QStringList &args)
{
    bool ok = false;
    const int count = args.value(0, QStringLiteral("1")).toInt(&ok);
    if (!ok || count < 1)
        return usage(QStringLiteral("chain mine N: N is a number of blocks."));
    auto target = mineTarget(cli, chain);
    if (!target)
        return fail(target.error());
    const int every = cli.parser.value(QStringLiteral("every")).toInt();
    // --min-feerate: blocks take only packages paying at least that (a congested network).
    std::optional<int64_t> minRate;
    if (cli.parser.isSet(QStringLiteral("min-feerate"))) {
        const double v = cli.parser.value(QStringLiteral("min-feerate")).toDouble(&ok);
        if (!ok || v < 0 || !qobject_cast<chain::LocalChain *>(&chain))
            return usage(QStringLiteral("chain mine --min-feerate SAT_PER_VB is for the local chain."));
        minRate = static_cast<int64_t>(v * 1000);
    }
    do {
        auto tip = chain::await(minRate ? qobject_cast<chain::LocalChain *>(&chain)->mine(count, *target, *minRate)
                                        : chain.mine(count, *target));
        if (!tip)
            return fail(tip.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("height"), tip->height},
                                  {QStringLiteral("best_block_hash"), QString::fromStdString(toDisplayHex(tip->hash))},
                                  {QStringLiteral("mined"), count}});
        else
            std::printf("mined %d block(s), height %d\n", count, tip->height);
        std::fflush(stdout);
        if (every > 0)
            QThread::sleep(static_cast<unsigned long>(every));
    } while (every > 0);
    return 0;
}

/// chain policy [--min-feerate R] [--mempool-min-feerate R]: the congestion the local chain plays.
int chainPolicy(Cli &cli, chain::ChainBackend &backend)
{
    auto *local = qobject_cast<chain::LocalChain *>(&backend);
    if (!local)
        return fail(makeError(ErrorCode::InvalidArgument, "only the local chain's policy can be set; a node has its own"));
    auto current = local->policy().result();
    if (!current)
        return fail(current.error());
    chain::LocalChainPolicy pol = *current;
    for (const auto &[name, field] : {std::pair{"min-feerate", &chain::LocalChainPolicy::mineMinFeeRate},
                                      std::pair{"mempool-min-feerate", &chain::LocalChainPolicy::mempoolMinFeeRate}}) {
        const QString opt = QString::fromLatin1(name);
        if (!cli.parser.isSet(opt))
            continue;
        bool ok = false;
        const double v = cli.parser.value(opt).toDouble(&ok);
        if (!ok || v < 0)
            return usage(QStringLiteral("--%1 SAT_PER_VB").arg(opt));
        pol.*field = static_cast<int64_t>(v * 1000);
    }
    if (const Status st = local->setPolicy(pol).result(); !st.ok())
        return fail(st.error());
    if (cli.json)
        printJson(QJsonObject{{QStringLiteral("mine_min_feerate_sat_per_kvb"), static_cast<qint64>(pol.mineMinFeeRate)},
                              {QStringLiteral("mempool_min_feerate_sat_per_kvb"), static_cast<qint64>(pol.mempoolMinFeeRate)}});
    else
        std::printf("blocks take packages from %.1f sat/vB; a transaction alone needs %.1f sat/vB to enter the mempool\n",
                    static_cast<double>(pol.mineMinFeeRate) / 1000, std::max(1.0, static_cast<double>(pol.mempoolMinFeeRate) / 1000));
    return 0;
}

int chainCheck(Cli &cli, chain::ChainBackend &backend)
{
    auto *local = qobject_cast<chain::LocalChain *>(&backend);
    if (!local)
        return fail(makeError(ErrorCode::InvalidArgument, "chain check looks at the local chain file; a node checks its own chain"));
    const Status st = local->checkConsistency().result();
    if (!st.ok())
        return fail(st.error());
    if (cli.json)
        printJson(QJsonObject{{QStringLiteral("consistent"), true}});
    else
        std::printf("the chain file is consistent\n");
    return 0;
}

int walletCreate(Cli &cli, chain::ChainBackend &chain, bool restore)
{
    if (restore) {
        // The phrase comes on standard input, never on the command line (process lists, shell history).
        std::string phrase;
        std::getline(std::cin, phrase);
        if (cli.parser.isSet(QStringLiteral("backup"))) {
            const int rc = cli::restoreWithBackup(cli.dataDir, cli.json, chain, phrase, cli.parser.value(QStringLiteral("birthday")).toInt(),
                                                  cli.parser.value(QStringLiteral("backup")));
            secureWipe(phrase.data(), phrase.size());
            return rc;
        }
        const Status st = wallet::Wallet::restore(cli.dataDir, chain, phrase, {},
                                                  cli.parser.value(QStringLiteral("birthday")).toInt());
        secureWipe(phrase.data(), phrase.size());
        if (!st.ok())
            return fail(st.error());
    }
    SecretBytes mnemonic;
    if (!restore) {
        const int words = cli.parser.value(QStringLiteral("words")).toInt();
        auto m = wallet::Wallet::create(cli.dataDir, chain, words == 12 ? 12 : 24);
        if (!m)
            return fail(m.error());
        mnemonic = std::move(*m);
    }
    auto w = cli::openWallet(cli.dataDir, chain);
    if (!w)
        return fail(w.error());
    if (restore) {
        if (const Status st = (*w)->sync(); !st.ok())
            return fail(st.error());
    }
    auto addr = (*w)->newReceiveAddress();
    if (!addr)
        return fail(addr.error());
    const QString words = QString::fromLatin1(reinterpret_cast<const char *>(mnemonic.data()), static_cast<qsizetype>(mnemonic.size()));
    if (cli.json) {
        QJsonObject o{{QStringLiteral("wallet_id"), (*w)->walletId()}, {QStringLiteral("address"), *addr},
                      {QStringLiteral("data_dir"), cli.dataDir}};
        if (!restore)
            o.insert(QStringLiteral("mnemonic"), words);
        printJson(o);
    } else {
        if (!restore) {
            std::printf("Write down these words and keep them safe. They restore the wallet and every channel;\n"
                        "they are shown only this once.\n\n%s\n\n", qPrintable(words));
        }
        std::printf("wallet %s ready; receive address: %s\n", qPrintable((*w)->walletId()), qPrintable(*addr));
    }
    return 0;
}

int walletCommand(Cli &cli, chain::ChainBackend &chain, const QString &sub, const QStringList &args)
{
    if (sub == QLatin1String("create"))
        return walletCreate(cli, chain, false);
    if (sub == QLatin1String("restore"))
        return walletCreate(cli, chain, true);
    auto opened = cli::openWallet(cli.dataDir, chain);
    if (!opened)
        return fail(opened.error());
    wallet::Wallet &w = **opened;
    if (sub == QLatin1String("password"))
        return cli::passwordCommand(w, cli.json, args);
    if (const Status st = w.sync(); !st.ok())
        return fail(st.error());

    if (sub == QLatin1String("address")) {
        auto a = w.newReceiveAddress();
        if (!a)
            return fail(a.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("address"), *a}});
        else
            std::printf("%s\n", qPrintable(*a));
        return 0;
    }
    if (sub == QLatin1String("balance")) {
        auto b = w.balance();
        if (!b)
            return fail(b.error());
        if (QFile::exists(store::ChannelStore::fileIn(cli.dataDir))) {
            store::ChannelStore channels;
            if (const Status st = channels.open(cli.dataDir); !st.ok())
                return fail(st.error());
            channel::ChannelEngine engine(w, chain, channels);
            auto locked = engine.lockedInChannels();
            if (!locked)
                return fail(locked.error());
            b->inChannels = *locked;
        }
        if (cli.json) {
            printJson(QJsonObject{{QStringLiteral("confirmed_sat"), static_cast<qint64>(b->confirmed)},
                                  {QStringLiteral("unconfirmed_sat"), static_cast<qint64>(b->unconfirmed)},
                                  {QStringLiteral("immature_sat"), static_cast<qint64>(b->immature)},
                                  {QStringLiteral("in_channels_sat"), static_cast<qint64>(b->inChannels)}});
        } else {
            std::printf("confirmed:   %s BTC\nunconfirmed: %s BTC\nimmature:    %s BTC\nin channels: %s BTC\n",
                        qPrintable(btc(b->confirmed)), qPrintable(btc(b->unconfirmed)), qPrintable(btc(b->immature)),
                        qPrintable(btc(b->inChannels)));
        }
        return 0;
    }
    if (sub == QLatin1String("send")) {
        if (args.size() != 2)
            return usage(QStringLiteral("wallet send ADDRESS AMOUNT"));
        auto amount = parseAmount(args[1]);
        if (!amount)
            return fail(amount.error());
        std::optional<chain::FeeRate> rate;
        if (cli.parser.isSet(QStringLiteral("fee-rate"))) {
            bool ok = false;
            const double satPerVb = cli.parser.value(QStringLiteral("fee-rate")).toDouble(&ok);
            if (!ok || satPerVb < 1 || satPerVb > 10000)
                return usage(QStringLiteral("--fee-rate is in sat/vB, 1 to 10000."));
            rate = chain::FeeRate{static_cast<int64_t>(satPerVb * 1000)};
        }
        auto r = w.send(args[0], *amount, rate);
        if (!r)
            return fail(r.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(r->txid))},
                                  {QStringLiteral("amount_sat"), static_cast<qint64>(r->amount)},
                                  {QStringLiteral("fee_sat"), static_cast<qint64>(r->fee)},
                                  {QStringLiteral("change_sat"), static_cast<qint64>(r->change)},
                                  {QStringLiteral("vsize"), static_cast<qint64>(r->vsize)}});
        else
            std::printf("sent %s sat (fee %s sat), txid %s\n", qPrintable(sat(r->amount)), qPrintable(sat(r->fee)),
                        toDisplayHex(r->txid).c_str());
        return 0;
    }
    if (sub == QLatin1String("reserve")) {
        // wallet reserve [AMOUNT]: confirmed coins kept aside for fee bumps.
        if (args.size() > 1)
            return usage(QStringLiteral("wallet reserve [AMOUNT]"));
        if (args.size() == 1) {
            const bool none = args[0] == QLatin1String("0");
            auto amount = none ? Result<Amount>(Amount::fromSat(0)) : parseAmount(args[0]);
            if (!amount)
                return fail(amount.error());
            if (const Status st = w.setFeeReserve(amount->sat()); !st.ok())
                return fail(st.error());
        }
        auto reserve = w.feeReserve();
        if (!reserve)
            return fail(reserve.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("fee_reserve_sat"), static_cast<qint64>(*reserve)}});
        else
            std::printf("kept in reserve for fee bumps: %s sat\n", qPrintable(sat(*reserve)));
        return 0;
    }
    if (sub == QLatin1String("bump")) {
        // wallet bump TXID [--fee-rate]: RBF on our own send, CPFP on a receive.
        if (args.size() != 1)
            return usage(QStringLiteral("wallet bump TXID [--fee-rate SAT_PER_VB]"));
        auto txid = fromDisplayHex(args[0].trimmed().toStdString());
        if (!txid)
            return fail(txid.error());
        std::optional<chain::FeeRate> rate;
        if (cli.parser.isSet(QStringLiteral("fee-rate"))) {
            bool ok = false;
            const double satPerVb = cli.parser.value(QStringLiteral("fee-rate")).toDouble(&ok);
            if (!ok || satPerVb < 1 || satPerVb > 10000)
                return usage(QStringLiteral("--fee-rate is in sat/vB, 1 to 10000."));
            rate = chain::FeeRate{static_cast<int64_t>(satPerVb * 1000)};
        }
        auto b = w.bumpFee(*txid, rate);
        if (!b)
            return fail(b.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(b->txid))},
                                  {QStringLiteral("method"), b->replaced ? QStringLiteral("rbf") : QStringLiteral("cpfp")},
                                  {QStringLiteral("fee_sat"), static_cast<qint64>(b->fee)},
                                  {QStringLiteral("fee_rate_sat_per_kvb"), static_cast<qint64>(b->packageSatPerKvB)}});
        else
            std::printf("%s %s (fee %lld sat, %.1f sat/vB)\n", b->replaced ? "replaced by" : "child broadcast:", toDisplayHex(b->txid).c_str(),
                        static_cast<long long>(b->fee), static_cast<double>(b->packageSatPerKvB) / 1000);
        return 0;
    }
    if (sub == QLatin1String("history")) {
        auto h = w.history();
        if (!h)
            return fail(h.error());
        QJsonArray rows;
        for (const auto &e : *h) {
            if (cli.json) {
                rows.append(QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(e.txid))},
                                        {QStringLiteral("kind"), e.kind},
                                        {QStringLiteral("amount_sat"), static_cast<qint64>(e.amount)},
                                        {QStringLiteral("fee_sat"), static_cast<qint64>(e.fee)},
                                        {QStringLiteral("height"), e.height},
                                        {QStringLiteral("time"), static_cast<qint64>(e.time)},
                                        {QStringLiteral("address"), e.address}});
            } else {
                std::printf("%-8s %+15lld sat  fee %6lld  %s  %s %s\n", qPrintable(e.kind), static_cast<long long>(e.amount),
                            static_cast<long long>(e.fee), e.height < 0 ? "unconfirmed" : qPrintable(QStringLiteral("height %1").arg(e.height)),
                            toDisplayHex(e.txid).c_str(), qPrintable(e.address));
            }
        }
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("history"), rows}});
        return 0;
    }
    return usage(QStringLiteral("unknown wallet command '%1'.").arg(sub));
}


// ---- channel -------------------------------------------------------------

/// What every channel command needs: the wallet, the channel store and the engine.
struct ChannelContext {
    std::unique_ptr<wallet::Wallet> wallet;
    store::ChannelStore channels;
    channel::ChannelEngine engine;
    std::unique_ptr<backup::BackupWriter> backups; ///< destroyed first: writes what is still owed

    ChannelContext(std::unique_ptr<wallet::Wallet> w, chain::ChainBackend &chain)
        : wallet(std::move(w)), engine(*wallet, chain, channels)
    {
    }
    static Result<std::unique_ptr<ChannelContext>> open(const Cli &cli, chain::ChainBackend &chain)
    {
        auto w = cli::openWallet(cli.dataDir, chain);
        if (!w)
            return w.error();
        auto ctx = std::make_unique<ChannelContext>(std::move(*w), chain);
        SPW_TRY(ctx->channels.open(cli.dataDir));
        ctx->backups = cli::attachBackups(cli.dataDir, *ctx->wallet, ctx->channels);
        return ctx;
    }
};


Result<std::vector<channel::Message>> readMessages(const QString &source)
{
    QByteArray data;
    if (source == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidArgument, "cannot read stdin");
        data = in.readAll();
    } else {
        QFile f(source);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InvalidArgument, "cannot read " + source.toStdString());
        data = f.readAll();
    }
    // An animated code's parts (ur:bytes, one a line, any order), as a scanner writes them.
    if (data.trimmed().left(3).toLower() == "ur:") {
        auto text = ur::importTextOfUrLines(std::string_view(data.constData(), static_cast<size_t>(data.size())));
        if (!text)
            return makeError(text.error().code, text.error().context + " in " + source.toStdString());
        data = QByteArray::fromStdString(*text);
    }
    auto out = channel::messagesFromText(std::string_view(data.constData(), static_cast<size_t>(data.size())));
    if (!out)
        return makeError(out.error().code, out.error().context + " in " + source.toStdString());
    return out;
}

int emit(Cli &cli, const std::vector<channel::Message> &msgs)
{
    QString text;
    for (const auto &m : msgs)
        text += QString::fromStdString(channel::messageToText(m)) + QLatin1Char('\n');
    const QString out = cli.parser.value(QStringLiteral("out"));
    if (!out.isEmpty()) {
        QFile f(out);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text.toUtf8()) < 0 || !f.flush())
            return fail(makeError(ErrorCode::StorageFailed, "cannot write " + out.toStdString()));
        return 0;
    }
    std::fputs(text.toUtf8().constData(), stdout);
    return 0;
}

QJsonObject channelJson(const store::ChannelRecord &c, int tipHeight)
{
    const bool payer = c.role == store::ChannelRole::Payer;
    return QJsonObject{
        {QStringLiteral("id"), QString::fromStdString(c.id().toString())},
        {QStringLiteral("role"), QString::fromLatin1(store::roleName(c.role).data())},
        {QStringLiteral("state"), QString::fromLatin1(store::stateName(c.state).data())},
        {QStringLiteral("variant"), QString::fromLatin1(channel::variantName(c.params.variant).data())},
        {QStringLiteral("label"), QString::fromStdString(c.label)},
        {QStringLiteral("capacity_sat"), static_cast<qint64>(c.params.capacity.sat())},
        {QStringLiteral("paid_sat"), static_cast<qint64>(payer ? c.signedPaid : c.paid)},
        {QStringLiteral("acknowledged_sat"), static_cast<qint64>(c.paid)},
        {QStringLiteral("sequence"), static_cast<qint64>(payer ? c.signedSeq : c.seq)},
        {QStringLiteral("remaining_sat"), static_cast<qint64>(c.params.maxPayable().sat() - (payer ? c.signedPaid : c.paid))},
        {QStringLiteral("commit_fee_sat"), static_cast<qint64>(c.params.commitFee.sat())},
        {QStringLiteral("refund_fee_sat"), static_cast<qint64>(c.params.refundFee.sat())},
        {QStringLiteral("expiry_height"), static_cast<qint64>(c.params.expiry)},
        {QStringLiteral("blocks_to_expiry"), static_cast<qint64>(c.params.expiry) - tipHeight},
        {QStringLiteral("safety_margin"), static_cast<qint64>(c.safetyMargin)},
        {QStringLiteral("funding_txid"), QString::fromStdString(toDisplayHex(c.id().txid))},
        {QStringLiteral("closing_txid"), c.closingTxid == Hash256{} ? QString() : QString::fromStdString(toDisplayHex(c.closingTxid))},
        {QStringLiteral("closed_height"), c.closedHeight},
        // Followed until buried: 6 confirmations make the outcome final for the user.
        {QStringLiteral("closing_confirmations"), c.closedHeight >= 0 ? tipHeight - c.closedHeight + 1 : 0},
        {QStringLiteral("buried"), c.closedHeight >= 0 && tipHeight - c.closedHeight + 1 >= 6},
        {QStringLiteral("final_payee_sat"), static_cast<qint64>(c.finalPayee)},
        {QStringLiteral("final_payer_sat"), static_cast<qint64>(c.finalPayer)},
    };
}

int channelCommand(Cli &cli, chain::ChainBackend &chain, const QString &sub, const QStringList &args)
{
    auto ctx = ChannelContext::open(cli, chain);
    if (!ctx)
        return fail(ctx.error());
    store::ChannelStore &channels = (*ctx)->channels;
    channel::ChannelEngine &engine = (*ctx)->engine;
    // The background watcher settles and refunds without the password, from the channel
    // key kept for it beside a sealed seed (docs/wallet-password.md).
    (*ctx)->wallet->allowWatchKey(sub == QLatin1String("watch"));
    // The watcher runs first: a restart catches up on expiries and outcomes.
    auto events = engine.watch();
    if (!events)
        return fail(events.error());
    for (const auto &e : *events)
        std::fprintf(stderr, "channel %s: %s\n", e.channel.toString().c_str(), e.what.c_str());
    auto needChannel = [&](int i) -> Result<store::ChannelRecord> {
        if (args.size() <= i)
            return makeError(ErrorCode::InvalidArgument, "name the channel (txid:index or a txid prefix)");
        return channels.findByText(args[i]);
    };
    auto intOption = [&](const char *name, int64_t fallback) -> int64_t {
        const QString v = cli.parser.value(QString::fromLatin1(name));
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok);
        return ok ? n : fallback;
    };

    if (sub == QLatin1String("offer")) {
        channel::OfferTerms t;
        t.label = cli.parser.value(QStringLiteral("label")).toStdString();
        t.minCapacity = intOption("min-capacity", t.minCapacity);
        t.maxCapacity = intOption("max-capacity", t.maxCapacity);
        t.minConfirmations = static_cast<uint32_t>(intOption("min-confirmations", t.minConfirmations));
        t.priceHint = intOption("price", 0);
        const QString variants = cli.parser.value(QStringLiteral("variants"));
        if (!variants.isEmpty())
            t.variants = (variants.contains(QLatin1String("refund")) ? 1 : 0) | (variants.contains(QLatin1String("cltv")) ? 2 : 0);
        auto o = engine.createOffer(t);
        if (!o)
            return fail(o.error());
        return emit(cli, {*o});
    }
    if (sub == QLatin1String("offers") || sub == QLatin1String("withdraw")) {
        auto o = sub == QLatin1String("offers") ? cli::offersCommand(channels) : cli::withdrawOfferCommand(channels, args.value(0));
        if (!o)
            return fail(o.error());
        if (cli.json) {
            printJson(*o);
        } else if (sub == QLatin1String("withdraw")) {
            std::printf("offer %s withdrawn: a proposal for it is refused from now on\n", qPrintable(o->value(QStringLiteral("withdrawn")).toString()));
        } else {
            for (const auto v : o->value(QStringLiteral("offers")).toArray()) {
                const QJsonObject e = v.toObject();
                std::printf("%s  %-11s  %s  %s\n", qPrintable(e.value(QStringLiteral("key")).toString().left(16)),
                            qPrintable(e.value(QStringLiteral("state")).toString()), qPrintable(e.value(QStringLiteral("created")).toString()),
                            qPrintable(e.value(QStringLiteral("label")).toString()));
            }
        }
        return 0;
    }
    if (sub == QLatin1String("open")) {
        if (args.isEmpty())
            return usage(QStringLiteral("channel open OFFER_FILE --capacity SAT"));
        auto msgs = readMessages(args[0]);
        if (!msgs)
            return fail(msgs.error());
        if (!std::holds_alternative<channel::OfferMsg>(msgs->front()))
            return fail(makeError(ErrorCode::BadMessage, "that is not an offer"));
        channel::OpenTerms t;
        t.capacity = intOption("capacity", 0);
        if (cli.parser.isSet(QStringLiteral("expiry-blocks")))
            t.expiryDelta = static_cast<uint32_t>(intOption("expiry-blocks", 0));
        t.variant = cli.parser.value(QStringLiteral("variant")) == QLatin1String("refund") ? channel::Variant::Refund
                                                                                          : channel::Variant::Cltv;
        if (cli.parser.isSet(QStringLiteral("commit-fee")))
            t.commitFee = intOption("commit-fee", 0);
        if (cli.parser.isSet(QStringLiteral("refund-fee")))
            t.refundFee = intOption("refund-fee", 0);
        t.label = cli.parser.value(QStringLiteral("label")).toStdString();
        auto out = engine.open(std::get<channel::OfferMsg>(msgs->front()), t);
        if (!out)
            return fail(out.error());
        return emit(cli, *out);
    }
    if (sub == QLatin1String("import") || sub == QLatin1String("accept")) {
        if (args.isEmpty())
            return usage(QStringLiteral("channel import FILE (or - for stdin)"));
        if (args[0].endsWith(QLatin1String(".psbt"))) {
            // A PSBT file: binary, base64 or hex.
            QFile f(args[0]);
            if (!f.open(QIODevice::ReadOnly))
                return fail(makeError(ErrorCode::InvalidArgument, "cannot read " + args[0].toStdString()));
            const QByteArray data = f.readAll();
            auto psbt = data.startsWith("psbt\xff") ? Psbt::parse(ByteView(reinterpret_cast<const uint8_t *>(data.constData()),
                                                                             static_cast<size_t>(data.size())))
                                                      : Psbt::parseText(data.trimmed().toStdString());
            if (!psbt)
                return fail(psbt.error());
            auto r = engine.importPsbt(*psbt);
            if (!r)
                return fail(r.error());
            return emit(cli, *r);
        }
        auto msgs = readMessages(args[0]);
        if (!msgs)
            return fail(msgs.error());
        std::vector<channel::Message> answers;
        for (const auto &m : *msgs) {
            auto r = engine.receive(m);
            if (!r) {
                // Tell the peer why (a payment out of sequence: with where we are), and the user.
                answers.push_back(engine.errorFor(m, r.error()));
                emit(cli, answers);
                return fail(r.error());
            }
            answers.insert(answers.end(), r->begin(), r->end());
        }
        return emit(cli, answers);
    }
    if (sub == QLatin1String("pay")) {
        auto c = needChannel(0);
        if (!c)
            return fail(c.error());
        if (cli.parser.isSet(QStringLiteral("resend"))) {
            auto m = engine.newestPayment(c->id());
            if (!m)
                return fail(m.error());
            return emit(cli, {*m});
        }
        if (args.size() < 2)
            return usage(QStringLiteral("channel pay CHANNEL AMOUNT"));
        auto amount = parseAmount(args[1]);
        if (!amount)
            return fail(amount.error());
        auto m = engine.pay(c->id(), amount->sat());
        if (!m)
            return fail(m.error());
        return emit(cli, {*m});
    }
    if (sub == QLatin1String("settle") || sub == QLatin1String("refund")) {
        auto c = needChannel(0);
        if (!c)
            return fail(c.error());
        auto txid = sub == QLatin1String("settle") ? engine.settle(c->id()) : engine.refund(c->id());
        if (!txid)
            return fail(txid.error());
        if (cli.json)
            printJson(QJsonObject{{QStringLiteral("txid"), QString::fromStdString(toDisplayHex(*txid))}});
        else
            std::printf("%s broadcast: %s\n", qPrintable(sub), toDisplayHex(*txid).c_str());
        return 0;
    }
    if (sub == QLatin1String("bump")) {
        auto c = needChannel(0);
        if (!c)
            return fail(c.error());
        std::optional<int64_t> rate;
        if (cli.parser.isSet(QStringLiteral("fee-rate"))) {
            bool ok = false;
            const double satPerVb = cli.parser.value(QStringLiteral("fee-rate")).toDouble(&ok);
            if (!ok || satPerVb <= 0)
                return fail(makeError(ErrorCode::InvalidArgument, "--fee-rate takes sat/vB, e.g. 12.5"));
            rate = static_cast<int64_t>(satPerVb * 1000);
        }
        store::ChannelRecord rec = *c;
        auto bumped = rec.role == store::ChannelRole::Payer && rec.state == store::ChannelState::Opening ? engine.bumpFunding(rec, rate)
                                                                                                       : engine.bumpSettlement(rec, rate);
        if (!bumped)
            return fail(bumped.error());
        const char *what = rec.state == store::ChannelState::Opening ? "funding"
                           : rec.role == store::ChannelRole::Payer ? "refund" : "settlement";
        if (cli.json) {
            QJsonObject o = *bumped ? cli::bumpJson(**bumped) : QJsonObject{};
            o.insert(QStringLiteral("bumped"), bumped->has_value());
            printJson(o);
        } else if (*bumped) {
            std::printf("%s\n", channel::describeBump(**bumped, what).c_str());
        } else {
            std::printf("nothing to do: the settlement confirmed or already pays that much\n");
        }
        return 0;
    }
    if (sub == QLatin1String("budget")) {
        // channel budget [ID] [PERCENT|default]: one argument that is a channel shows it.
        std::optional<store::ChannelRecord> one;
        QString value;
        if (!args.isEmpty()) {
            auto c = channels.findByText(args[0]);
            if (c)
                one = *c;
            value = c ? args.value(1) : args[0];
        }
        auto o = cli::budgetCommand(engine, one, value);
        if (!o)
            return fail(o.error());
        if (cli.json)
            printJson(*o);
        else if (one)
            std::printf("fee budget of channel %s: %d %% of what its closing transaction saves us (%lld sat today)\n",
                        one->id().toString().c_str(), o->value(QStringLiteral("budget_percent")).toInt(),
                        static_cast<long long>(o->value(QStringLiteral("budget_sat")).toInteger()));
        else
            std::printf("fee budget: %d %% of what a closing transaction saves us\n", o->value(QStringLiteral("wallet_budget_percent")).toInt());
        return 0;
    }
    if (sub == QLatin1String("close")) {
        auto c = needChannel(0);
        if (!c)
            return fail(c.error());
        auto m = engine.close(c->id());
        if (!m)
            return fail(m.error());
        return emit(cli, {*m});
    }
    if (sub == QLatin1String("list") || sub == QLatin1String("show")) {
        auto t = chain::await(chain.tip());
        if (!t)
            return fail(t.error());
        std::vector<store::ChannelRecord> list;
        if (sub == QLatin1String("show")) {
            auto c = needChannel(0);
            if (!c)
                return fail(c.error());
            list.push_back(*c);
        } else {
            auto all = channels.all();
            if (!all)
                return fail(all.error());
            list = *all;
        }
        QJsonArray rows;
        for (const auto &c : list) {
            QJsonObject o = channelJson(c, t->height);
            if (sub == QLatin1String("show")) {
                QJsonArray pays;
                auto log = channels.payments(c.id());
                if (log)
                    for (const auto &p : *log)
                        pays.append(QJsonObject{{QStringLiteral("sequence"), static_cast<qint64>(p.seq)},
                                                {QStringLiteral("paid_sat"), static_cast<qint64>(p.paid)},
                                                {QStringLiteral("time"), static_cast<qint64>(p.time)}});
                o.insert(QStringLiteral("payments"), pays);
                o.insert(QStringLiteral("bumps"), cli::bumpHistoryJson(engine, c.id()));
            }
            rows.append(o);
        }
        if (cli.json) {
            if (sub == QLatin1String("show"))
                printJson(rows[0].toObject());
            else
                printJson(QJsonObject{{QStringLiteral("channels"), rows}});
        } else {
            for (const auto &r : rows) {
                const QJsonObject o = r.toObject();
                std::printf("%s  %-9s %-8s capacity %lld  paid %lld  expiry in %lld blocks  %s\n",
                            qPrintable(o[QStringLiteral("id")].toString()), qPrintable(o[QStringLiteral("role")].toString()),
                            qPrintable(o[QStringLiteral("state")].toString()), o[QStringLiteral("capacity_sat")].toInteger(),
                            o[QStringLiteral("paid_sat")].toInteger(), o[QStringLiteral("blocks_to_expiry")].toInteger(),
                            qPrintable(o[QStringLiteral("label")].toString()));
            }
        }
        return 0;
    }
    if (sub == QLatin1String("export-psbt")) {
        auto c = needChannel(0);
        if (!c)
            return fail(c.error());
        auto p = engine.exportPsbt(c->id(), args.value(1, QStringLiteral("commitment")).toStdString());
        if (!p)
            return fail(p.error());
        const QString out = cli.parser.value(QStringLiteral("out"));
        if (out.endsWith(QLatin1String(".psbt"))) {
            QFile f(out);
            const Bytes b = p->serialize();
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                f.write(reinterpret_cast<const char *>(b.data()), static_cast<qint64>(b.size())) < 0)
                return fail(makeError(ErrorCode::StorageFailed, "cannot write " + out.toStdString()));
            return 0;
        }
        std::printf("%s\n", p->toBase64().c_str());
        return 0;
    }
    if (sub == QLatin1String("watch")) {
        if (cli.parser.isSet(QStringLiteral("follow"))) {
            // Keep watching: run the watcher on every new block until stopped.
            chain.setPollInterval(500);
            QObject::connect(&chain, &chain::ChainBackend::tipChanged, &chain, [&](const chain::ChainTip &tip) {
                auto more = engine.watch();
                if (!more) {
                    std::fprintf(stderr, "%s\n", more.error().describe().c_str());
                    return;
                }
                for (const auto &e : *more)
                    std::printf("height %d: channel %s: %s\n", tip.height, e.channel.toString().c_str(), e.what.c_str());
                std::fflush(stdout);
            });
            return QCoreApplication::exec();
        }
        if (cli.json) {
            QJsonArray rows;
            for (const auto &e : *events)
                rows.append(QJsonObject{{QStringLiteral("channel"), QString::fromStdString(e.channel.toString())},
                                        {QStringLiteral("event"), QString::fromStdString(e.what)}});
            printJson(QJsonObject{{QStringLiteral("events"), rows}});
        }
        return 0;
    }
    return usage(QStringLiteral("unknown channel command '%1'.").arg(sub));
}


// ---- serve / buy ------------------------------------------------------------

int serveCommand(Cli &cli, chain::ChainBackend &chain)
{
    auto ctx = ChannelContext::open(cli, chain);
    if (!ctx)
        return fail(ctx.error());
    wallet::Wallet &w = *(*ctx)->wallet;
    channel::ChannelEngine &engine = (*ctx)->engine;
    transport::SellerOptions options;
    options.dir = cli.parser.value(QStringLiteral("dir"));
    bool ok = false;
    options.pricePerMiB = cli.parser.value(QStringLiteral("price-per-mib")).toLongLong(&ok);
    if (options.dir.isEmpty() || !ok || options.pricePerMiB < 0)
        return usage(QStringLiteral("serve --dir DIR --price-per-mib SAT [--listen HOST:PORT]"));
    if (cli.parser.isSet(QStringLiteral("chunk-kib")))
        options.chunkBytes = cli.parser.value(QStringLiteral("chunk-kib")).toLongLong() * 1024;
    if (!cli.parser.value(QStringLiteral("listen")).isEmpty())
        options.listen = cli.parser.value(QStringLiteral("listen"));
    options.label = cli.parser.value(QStringLiteral("label")).isEmpty() ? "files from " + QDir(options.dir).dirName().toStdString()
                                                                         : cli.parser.value(QStringLiteral("label")).toStdString();
    options.limits.chunkDelayMs = cli.parser.value(QStringLiteral("chunk-delay-ms")).toInt();
    auto seller = transport::startSelling(engine, w, options);
    if (!seller)
        return fail(seller.error());
    transport::PaymentServer *server = seller->server.get();
    const std::optional<channel::OfferMsg> offer = seller->offer;
    QObject::connect(server, &transport::PaymentServer::log, server, [](const QString &l) {
        std::fprintf(stderr, "%s\n", qPrintable(l));
    });
    const QString offerOut = cli.parser.value(QStringLiteral("out"));
    if (!offerOut.isEmpty())
        emit(cli, {*offer});
    else
        std::printf("%s\n", channel::messageToText(*offer).c_str());
    std::fprintf(stderr, "serving %lld file(s) from %s on %s\n", static_cast<long long>(seller->files->catalog().size()),
                 qPrintable(options.dir), offer->endpoint.c_str());
    std::fflush(stdout);
    // The expiry watcher keeps running while we serve.
    chain.setPollInterval(500);
    if (auto tip = chain::await(chain.tip()))
        server->setTipHeight(tip->height);
    QObject::connect(&chain, &chain::ChainBackend::tipChanged, server, [&engine, server](const chain::ChainTip &tip) {
        server->setTipHeight(tip.height);
        (void)engine.watch();
    });
    if (cli.parser.isSet(QStringLiteral("mine-every"))) {
        auto *local = qobject_cast<chain::LocalChain *>(&chain);
        if (!local)
            return fail(makeError(ErrorCode::InvalidArgument, "--mine-every is for the local chain"));
        auto addr = w.newReceiveAddress();
        if (addr)
            local->setAutoMine(cli.parser.value(QStringLiteral("mine-every")).toInt(), *decodeAddress(addr->toStdString(), chain.network()));
    }
    return QCoreApplication::exec();
}

int buyCommand(Cli &cli, chain::ChainBackend &chain, const QStringList &args)
{
    if (args.isEmpty() || !cli.parser.isSet(QStringLiteral("offer")))
        return usage(QStringLiteral("buy FILE --offer OFFER.spw [--out PATH] [--lead N] [--max-price SAT]"));
    auto ctx = ChannelContext::open(cli, chain);
    if (!ctx)
        return fail(ctx.error());
    store::ChannelStore &channels = (*ctx)->channels;
    channel::ChannelEngine &engine = (*ctx)->engine;
    auto msgs = readMessages(cli.parser.value(QStringLiteral("offer")));
    if (!msgs)
        return fail(msgs.error());
    if (!std::holds_alternative<channel::OfferMsg>(msgs->front()))
        return fail(makeError(ErrorCode::BadMessage, "that is not an offer"));
    const channel::OfferMsg offer = std::get<channel::OfferMsg>(msgs->front());
    wallet::Wallet &w = *(*ctx)->wallet;
    transport::PaymentClient client(engine, [&w](uint32_t index) { return w.channelKey(index); });
    if (cli.parser.isSet(QStringLiteral("max-price"))) {
        auto max = parseAmount(cli.parser.value(QStringLiteral("max-price")));
        if (!max)
            return fail(max.error());
        client.setMaxPrice(max->sat());
    }
    if (const Status st = client.connectTo(offer); !st.ok())
        return fail(st.error());
    auto catalog = client.catalog();
    if (!catalog)
        return fail(catalog.error());
    std::optional<transport::CatalogEntry> entry;
    for (const auto &e : *catalog)
        if (e.name == args[0])
            entry = e;
    if (!entry)
        return fail(makeError(ErrorCode::NotFound, "the provider has no file " + args[0].toStdString()));
    if (const Status st = client.fetchChunkHashes(*entry); !st.ok())
        return fail(st.error());
    auto bought = client.channelFor(offer, *entry,
                                static_cast<uint32_t>(cli.parser.isSet(QStringLiteral("expiry-blocks")) ? cli.parser.value(QStringLiteral("expiry-blocks")).toInt() : 0),
                                cli.parser.isSet(QStringLiteral("capacity")) ? std::optional<int64_t>(cli.parser.value(QStringLiteral("capacity")).toLongLong())
                                                                             : std::nullopt);
    if (!bought)
        return fail(bought.error());
    const OutPoint *id = &bought->first;
    const transport::PurchaseTerms terms = bought->second;
    const QString out = cli.parser.value(QStringLiteral("out")).isEmpty() ? args[0] : cli.parser.value(QStringLiteral("out"));
    const int lead = cli.parser.isSet(QStringLiteral("lead")) ? cli.parser.value(QStringLiteral("lead")).toInt() : 4;
    qint64 maxAhead = 0;
    const Status st = client.download(*id, terms, *entry, out, lead, [&cli, &maxAhead](const transport::DownloadProgress &p) {
        maxAhead = p.maxChunksPaidAhead;
        if (!cli.json)
            std::fprintf(stderr, "\r%lld/%lld chunks, %lld bytes, %lld sat paid", static_cast<long long>(p.chunksDone),
                         static_cast<long long>(p.chunks), static_cast<long long>(p.bytes), static_cast<long long>(p.paidSat));
    });
    if (!cli.json)
        std::fprintf(stderr, "\n");
    client.close();
    if (!st.ok())
        return fail(st.error());
    auto rec = channels.find(*id);
    if (cli.json)
        printJson(QJsonObject{{QStringLiteral("file"), out},
                              {QStringLiteral("sha256"), entry->sha256},
                              {QStringLiteral("size"), entry->size},
                              {QStringLiteral("channel"), QString::fromStdString(id->toString())},
                              {QStringLiteral("paid_sat"), static_cast<qint64>(rec && *rec ? (*rec)->signedPaid : 0)},
                              {QStringLiteral("price_sat"), entry->totalPrice()},
                              {QStringLiteral("purchase_start_sat"), terms.start},
                              {QStringLiteral("resumed"), terms.resumed},
                              {QStringLiteral("max_chunks_paid_ahead"), maxAhead}});
    else
        std::printf("%s: %lld bytes, SHA-256 checked\n", qPrintable(out), static_cast<long long>(entry->size));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Spillway"));
    QCoreApplication::setApplicationName(QStringLiteral("spillway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));

    Cli cli;
    QCommandLineParser &p = cli.parser;
    p.setApplicationDescription(QStringLiteral(
        "Spillway: a wallet for one-way Bitcoin micropayment channels (headless).\n\n"
        "Commands:\n"
        "  wallet create [--words 12|24]   new wallet; prints the recovery phrase once\n"
        "  wallet restore [--backup FILE]  restore from a recovery phrase read on stdin (and a backup)\n"
        "  wallet address                  a fresh receive address\n"
        "  wallet balance                  confirmed, unconfirmed, immature, in channels\n"
        "  wallet send ADDRESS AMOUNT      AMOUNT in sat, or e.g. 0.001btc [--fee-rate SAT/VB]\n"
        "  wallet history                  transactions, oldest first\n"
        "  wallet password set|change|remove  seal the seed in the keychain with a password (or not)\n"
        "  chain info                      tip height, time and hash\n"
        "  chain mine [N] [--to ADDRESS]   mine N blocks (local chain) [--every SECONDS]\n"
        "  chain check                     verify the local chain file's consistency\n"
        "  channel offer [--label L]       payee: an offer to open a channel (message on stdout)\n"
        "  channel offers                  payee: every offer, outstanding, answered or withdrawn\n"
        "  channel withdraw KEY            payee: take an outstanding offer back (KEY: 8+ hex digits)\n"
        "  channel open OFFER --capacity SAT [--expiry-blocks N] [--variant cltv|refund]\n"
        "  channel import FILE|-           either side: handle messages, print the answers\n"
        "  channel accept FILE|-           payee: same as import, for a proposal\n"
        "  channel pay CHANNEL AMOUNT      payer: the next payment [--resend: the newest again]\n"
        "  channel settle CHANNEL          payee: broadcast the newest commitment\n"
        "  channel bump CHANNEL [--fee-rate SAT_PER_VB]  raise the fee of our unconfirmed settlement, refund or funding by CPFP\n"
        "  channel close CHANNEL           payer: ask the payee to settle\n"
        "  channel refund CHANNEL          payer: broadcast the refund once it is final\n"
        "  channel list | show CHANNEL     channels, balances and countdowns\n"
        "  channel export-psbt CHANNEL [refund|commitment|settlement] [--out FILE.psbt]\n"
        "  channel watch [--follow]        run the expiry watcher once, or on every new block\n"
        "  backup folder [DIR] | now | off  where encrypted backups go (shown without DIR); write one now\n"
        "  serve --dir DIR --price-per-mib SAT [--listen HOST:PORT] [--out OFFER.spw]\n"
        "                                  payee: sell files over TLS, paid chunk by chunk\n"
        "  buy FILE --offer OFFER.spw [--out PATH] [--lead N] [--max-price SAT]\n"
        "                                  payer: buy a file from a provider, paying per chunk"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("datadir"), QStringLiteral("Wallet data directory."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("chain"), QStringLiteral("Local chain file (default: shared per user)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("network"), QStringLiteral("local (default), regtest, signet, testnet or main."), QStringLiteral("NAME"),
                 QStringLiteral("local")});
    p.addOption({QStringLiteral("rpc-url"), QStringLiteral("Bitcoin Core JSON-RPC address (default: Core's for the network)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("rpc-cookie"), QStringLiteral("Core's cookie file (default: ~/.bitcoin/<network>/.cookie)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("rpc-user"), QStringLiteral("RPC user name (instead of the cookie)."), QStringLiteral("USER")});
    p.addOption({QStringLiteral("rpc-password"), QStringLiteral("RPC password; '-' reads it from standard input."),
                 QStringLiteral("PASSWORD")});
    p.addOption({QStringLiteral("rpc-timeout"), QStringLiteral("Seconds to wait for the node (default 30)."), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("The wallet password, the file's first line (else SPILLWAY_WALLET_PASSWORD, else asked)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("new-password-file"), QStringLiteral("wallet password set|change: the new password (else SPILLWAY_NEW_WALLET_PASSWORD, else asked)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Machine-readable output (docs/cli.md).")});
    p.addOption({QStringLiteral("birthday"), QStringLiteral("wallet restore: the height to look for coins from (default 0)."),
                 QStringLiteral("HEIGHT")});
    p.addOption({QStringLiteral("backup"), QStringLiteral("wallet restore: a backup file to restore channels from."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Address to mine to."), QStringLiteral("ADDRESS")});
    p.addOption({QStringLiteral("min-feerate"), QStringLiteral("chain mine / chain policy: blocks take only packages paying at least this (local chain)."),
                  QStringLiteral("SAT_PER_VB")});
    p.addOption({QStringLiteral("mempool-min-feerate"), QStringLiteral("chain policy: a full mempool's minimum for a transaction alone (local chain)."),
                  QStringLiteral("SAT_PER_VB")});
    p.addOption({QStringLiteral("every"), QStringLiteral("Keep mining, one batch every SECONDS."), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("words"), QStringLiteral("Recovery phrase length, 12 or 24."), QStringLiteral("N"), QStringLiteral("24")});
    p.addOption({QStringLiteral("fee-rate"), QStringLiteral("Fee rate in sat/vB."), QStringLiteral("SAT_PER_VB")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Write messages to FILE instead of stdout."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("label"), QStringLiteral("A label for the channel or offer."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("capacity"), QStringLiteral("Channel capacity in sat."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("expiry-blocks"), QStringLiteral("Blocks until the refund is valid (default: the network's, 1008 on mainnet, 144 on test chains)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("variant"), QStringLiteral("cltv (default) or refund."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("commit-fee"), QStringLiteral("Commitment fee in sat."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("refund-fee"), QStringLiteral("Refund fee in sat."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("min-capacity"), QStringLiteral("Offer: least capacity."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("max-capacity"), QStringLiteral("Offer: most capacity."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("min-confirmations"), QStringLiteral("Offer: confirmations before payments."), QStringLiteral("N")});
    p.addOption({QStringLiteral("variants"), QStringLiteral("Offer: refund,cltv."), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("price"), QStringLiteral("Offer: price hint in sat."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("resend"), QStringLiteral("pay: the newest payment again.")});
    p.addOption({QStringLiteral("follow"), QStringLiteral("watch: keep running, act on every new block.")});
    p.addOption({QStringLiteral("dir"), QStringLiteral("serve: the directory of files to sell."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("price-per-mib"), QStringLiteral("serve: price per MiB in sat."), QStringLiteral("SAT")});
    p.addOption({QStringLiteral("chunk-kib"), QStringLiteral("serve: chunk size in KiB (default 1024)."), QStringLiteral("KIB")});
    p.addOption({QStringLiteral("listen"), QStringLiteral("serve: HOST:PORT (default 127.0.0.1, any port)."), QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("mine-every"), QStringLiteral("serve: mine a block every SECONDS (local chain demo)."), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("offer"), QStringLiteral("buy: the provider's offer file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("chunk-delay-ms"), QStringLiteral("serve: wait MS before each chunk (a slow provider)."), QStringLiteral("MS")});
    p.addOption({QStringLiteral("lead"), QStringLiteral("buy: chunks paid for ahead of arrival (default 4)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("max-price"), QStringLiteral("buy: the most the file may cost (refused above it)."), QStringLiteral("SAT")});
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("wallet, chain or channel, then a sub-command."));
    p.process(app);

    cli.json = p.isSet(QStringLiteral("json"));
    cli::setPasswordFiles(p.value(QStringLiteral("password-file")), p.value(QStringLiteral("new-password-file")));
    cli.chainFile = p.isSet(QStringLiteral("chain")) ? QDir().absoluteFilePath(p.value(QStringLiteral("chain")))
                                                    : chain::LocalChain::defaultPath();
    const QString networkName = p.value(QStringLiteral("network"));
    auto net = networkFromName(networkName.toStdString());
    if (!net)
        return usage(QStringLiteral("unknown network '%1'.").arg(networkName));
    cli.dataDir = p.isSet(QStringLiteral("datadir")) ? QDir(p.value(QStringLiteral("datadir"))).absolutePath()
                                                    : chain::defaultDataDir(*net);
    chain::ChainSettings settings;
    settings.network = *net;
    settings.chainFile = cli.chainFile;
    settings.rpc.url = QUrl(p.value(QStringLiteral("rpc-url")));
    settings.rpc.cookieFile = p.value(QStringLiteral("rpc-cookie"));
    settings.rpc.user = p.value(QStringLiteral("rpc-user"));
    settings.rpc.password = p.value(QStringLiteral("rpc-password"));
    if (p.isSet(QStringLiteral("rpc-password")) && settings.rpc.password == QLatin1String("-")) {
        // Kept out of the process list: read from standard input.
        settings.rpc.password = QTextStream(stdin).readLine();
    }
    if (settings.isLocal() && (p.isSet(QStringLiteral("rpc-url")) || p.isSet(QStringLiteral("rpc-cookie")) || p.isSet(QStringLiteral("rpc-user"))))
        return usage(QStringLiteral("--rpc-* options need --network regtest, signet, testnet or main."));
    if (!settings.rpc.user.isEmpty() && !settings.rpc.cookieFile.isEmpty())
        return usage(QStringLiteral("give --rpc-cookie or --rpc-user/--rpc-password, not both."));
    if (p.isSet(QStringLiteral("rpc-timeout")))
        settings.rpc.timeoutMs = p.value(QStringLiteral("rpc-timeout")).toInt() * 1000;
    settings.pollMs = 0; // commands that follow the chain turn it on
    auto backend = chain::makeBackend(settings);
    if (!backend)
        return fail(backend.error());
    chain::ChainBackend &chain = **backend;
    chain.setPollInterval(0);

    const QStringList args = p.positionalArguments();
    if (args.size() == 1 && args[0] == QLatin1String("serve"))
        return serveCommand(cli, chain);
    if (!args.isEmpty() && args[0] == QLatin1String("buy"))
        return buyCommand(cli, chain, args.mid(1));
    if (args.size() < 2)
        p.showHelp(args.isEmpty() ? 0 : 2);
    const QString group = args[0], sub = args[1];
    const QStringList rest = args.mid(2);
    if (group == QLatin1String("wallet"))
        return walletCommand(cli, chain, sub, rest);
    if (group == QLatin1String("channel"))
        return channelCommand(cli, chain, sub, rest);
    if (group == QLatin1String("backup"))
        return cli::backupCommand(cli.dataDir, cli.json, chain, sub, rest);
    if (group == QLatin1String("chain")) {
        if (sub == QLatin1String("info"))
            return chainInfo(cli, chain);
        if (sub == QLatin1String("mine"))
            return chainMine(cli, chain, rest);
        if (sub == QLatin1String("check"))
            return chainCheck(cli, chain);
        if (sub == QLatin1String("policy"))
            return chainPolicy(cli, chain);
        if (sub == QLatin1String("fee-estimate")) {
            // The local chain has no fee market: set the estimate it answers (to try rising fees).
            auto *local = qobject_cast<chain::LocalChain *>(&chain);
            bool ok = false;
            const double satPerVb = rest.value(0).toDouble(&ok);
            if (!local)
                return fail(makeError(ErrorCode::InvalidArgument, "only the local chain's fee estimate can be set"));
            if (!ok || satPerVb <= 0)
                return usage(QStringLiteral("chain fee-estimate SAT_PER_VB"));
            const Status st = local->setFeeEstimate(chain::FeeRate{static_cast<int64_t>(satPerVb * 1000)}).result();
            if (!st.ok())
                return fail(st.error());
            std::printf("the local chain's fee estimate is %.1f sat/vB\n", satPerVb);
            return 0;
        }
    }
    return usage(QStringLiteral("unknown command '%1 %2'.").arg(group, sub));
}
