// spillway-watch-bench: the watcher's CPU time per block with many channels
// (docs/benchmarks.md): N open channels (payee, each with a payment and its
// settlement stored) and M closing ones (a settlement waiting in the mempool of
// a congested local chain), all funded for real on a local chain file. Each
// round mines one block and runs one watcher pass; CPU time from getrusage,
// median of 5 rounds.
#include "bitcoin/Key.h"
#include "chain/LocalChainDb.h"
#include "chain/LocalChain.h"
#include "channel/ChannelEngine.h"
#include "channel/ChannelSigning.h"
#include "store/ChannelStore.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

using namespace spillway;
using namespace spillway::bitcoin;
using namespace spillway::channel;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

Transaction spend(const PrivateKey &key, const OutPoint &coin, int64_t value, const std::vector<TxOut> &outputs)
{
    Transaction tx;
    tx.version = 2;
    TxIn in;
    in.prevout = coin;
    in.sequence = 0xfffffffd;
    tx.inputs.push_back(in);
    tx.outputs = outputs;
    const PublicKey pub = key.publicKey();
    Bytes sig = key.signDer(segwitV0Sighash(tx, 0, p2pkh(pub.hash()).bytes(), Amount::fromSat(value), SIGHASH_ALL));
    sig.push_back(SIGHASH_ALL);
    tx.inputs[0].witness = {sig, pub.bytes()};
    return tx;
}

int usage(FILE *to)
{
    std::fprintf(to, "usage: spillway-watch-bench [OPEN] [CLOSING]\n\n"
                     "The watcher's CPU time per block with OPEN open channels (default 10000) and CLOSING\n"
                     "closing ones (default 100) on a local chain (docs/benchmarks.md).\n");
    return to == stdout ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int open = 10'000, closing = 100;
    if (argc > 1 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h"))
        return usage(stdout);
    if (argc > 1)
        open = std::atoi(argv[1]);
    if (argc > 2)
        closing = std::atoi(argv[2]);
    if (open < 0 || closing < 0 || open + closing < 1 || open + closing > 100'000 || argc > 3)
        return usage(stderr);
    QTemporaryDir dir;
    const QString chainPath = dir.filePath(QStringLiteral("chain.sqlite"));
    const int total = open + closing;
    const PrivateKey miner = PrivateKey::generate();
    const Script minerSpk = p2wpkh(miner.publicKey().hash());
    const int perTx = 100;
    const int fundingTxs = (total + perTx - 1) / perTx;

    // The channels' keys: one payer and one payee key for all (the watcher's work does not
    // depend on them), a fresh funding output each.
    const PrivateKey payer = PrivateKey::generate(), payee = PrivateKey::generate();
    std::vector<store::ChannelRecord> recs(static_cast<size_t>(total));
    {
        chain::LocalChainDb db(chainPath);
        if (!db.mine(fundingTxs + 100, minerSpk).ok())
            return 1;
        auto coins = db.unspent({minerSpk});
        if (!coins)
            return 1;
        std::sort(coins->begin(), coins->end(), [](const chain::Utxo &a, const chain::Utxo &b) { return a.height < b.height; });
        for (int t = 0; t < fundingTxs; ++t) {
            const chain::Utxo &coin = (*coins)[static_cast<size_t>(t)];
            std::vector<TxOut> outs;
            std::vector<int> which;
            for (int i = t * perTx; i < std::min(total, (t + 1) * perTx); ++i) {
                ChannelParams &p = recs[static_cast<size_t>(i)].params;
                p.network = NetworkId::Local;
                p.variant = Variant::Cltv;
                p.capacity = Amount::fromSat(100'000);
                p.payerPub = payer.publicKey().bytes();
                p.payeePub = payee.publicKey().bytes();
                p.payeePayout = p2wpkh(payee.publicKey().hash());
                p.payerRefund = p2wpkh(payer.publicKey().hash());
                p.expiry = 100'000;
                p.commitFee = Amount::fromSat(500);
                p.refundFee = Amount::fromSat(400);
                outs.push_back(p.fundingOutput());
                which.push_back(i);
            }
            int64_t out = 0;
            for (const auto &o : outs)
                out += o.value.sat();
            outs.push_back(TxOut{Amount::fromSat(coin.output.value.sat() - out - 100'000), minerSpk});
            const Transaction tx = spend(miner, coin.outpoint, coin.output.value.sat(), outs);
            if (auto a = db.accept(tx); !a) {
                std::fprintf(stderr, "funding: %s\n", a.error().describe().c_str());
                return 1;
            }
            for (size_t k = 0; k < which.size(); ++k)
                recs[static_cast<size_t>(which[k])].params.funding = OutPoint{tx.txid(), static_cast<uint32_t>(k)};
        }
        if (!db.mine(6, minerSpk).ok())
            return 1;
        // Congested from here: the settlements at their commit fee wait in the mempool.
        if (!db.setPolicy(chain::LocalChainPolicy{50'000, 0}).ok())
            return 1;
    }

    chain::LocalChain chain(chainPath);
    chain.setPollInterval(0);
    store::ChannelStore st;
    if (!st.open(dir.filePath(QStringLiteral("payee"))).ok())
        return 1;
    for (int i = 0; i < total; ++i) {
        store::ChannelRecord &r = recs[static_cast<size_t>(i)];
        r.role = store::ChannelRole::Payee;
        r.state = store::ChannelState::Open;
        r.keyIndex = 0;
        r.minConfirmations = 1;
        const PaymentMsg pay = signPayment(r.params, 1, Amount::fromSat(20'000), payer, ChannelSighasher(r.params));
        r.seq = 1;
        r.paid = 20'000;
        r.payerSig = pay.signature;
        auto settlement = completeCommitment(r.params, Amount::fromSat(20'000), pay.signature, payee, ChannelSighasher(r.params));
        if (!settlement)
            return 1;
        r.settlementTx = settlement->serialize();
        if (i >= open) {
            if (!chain::await(chain.broadcast(*settlement)))
                return 1;
            r.state = store::ChannelState::Closing;
            r.closingTxid = settlement->txid();
        }
        if (!st.insert(r).ok())
            return 1;
    }
    ChannelEngine engine([&payee](uint32_t) -> Result<PrivateKey> { return payee; }, chain, st);
    if (!engine.watch()) // the first pass after a start looks at everything
        return 1;
    std::vector<double> perBlock;
    for (int round = 0; round < 5; ++round) {
        if (!chain::await(chain.mine(1, minerSpk)))
            return 1;
        const double before = cpuSeconds();
        auto events = engine.watch();
        const double spent = cpuSeconds() - before;
        if (!events) {
            std::fprintf(stderr, "watch: %s\n", events.error().describe().c_str());
            return 1;
        }
        perBlock.push_back(spent);
    }
    std::sort(perBlock.begin(), perBlock.end());
    const WatchStats stats = engine.lastWatchStats();
    std::printf("watcher: %d open + %d closing channels, CPU per block %.1f ms (median of 5; min %.1f, max %.1f); "
                "last pass: %lld channels read, %lld looked at, %lld lookups asked in one go\n",
                open, closing, perBlock[2] * 1000, perBlock.front() * 1000, perBlock.back() * 1000,
                static_cast<long long>(stats.channelsRead), static_cast<long long>(stats.channelsExamined),
                static_cast<long long>(stats.batchedLookups));
    return 0;
}
