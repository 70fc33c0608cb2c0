// spillway-bench: channel update throughput against the floor of one secp256k1
// sign plus verify, measured in the same run (docs/benchmarks.md).
#include "bitcoin/Key.h"
#include "channel/ChannelSigning.h"
#include "store/ChannelStore.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

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
        params.payerChange = p2wpkh(payer.publicKey().hash());
        params.payerRefund = params.payerChange;
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
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
    return 0;
}
