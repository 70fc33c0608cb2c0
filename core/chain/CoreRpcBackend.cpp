#include "CoreRpcBackend.h"

#include "ChainScanner.h"
#include "ScanState.h"
#include "bitcoin/Address.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <cmath>
#include <deque>
#include <map>

namespace spillway::chain {

using namespace bitcoin;

namespace {

constexpr int kHashBatch = 500;          ///< getblockhash calls per request
constexpr int kBlockBatch = 16;          ///< getblock calls per request
constexpr size_t kBlockCacheBytes = 64u << 20; ///< raw blocks kept for rescans
constexpr int kScanTxOutSetFrom = 1000;  ///< blocks to read before scantxoutset is worth it
constexpr qint64 kScanTxOutSetWindowMs = 120000;
constexpr qint64 kMempoolRefreshMs = 1000;

/// The node's getblockchaininfo "chain" for each network.
QString coreChainName(NetworkId id)
{
    switch (id) {
    case NetworkId::Main: return QStringLiteral("main");
    case NetworkId::Testnet: return QStringLiteral("test");
    case NetworkId::Testnet4: return QStringLiteral("testnet4");
    case NetworkId::Signet: return QStringLiteral("signet");
    case NetworkId::Regtest: return QStringLiteral("regtest");
    case NetworkId::Local: break;
    }
    return QStringLiteral("local");
}

Result<Hash256> hashFrom(const QJsonValue &v)
{
    return fromDisplayHex(v.toString().toStdString());
}

int64_t btcToSat(double btc)
{
    return static_cast<int64_t>(std::llround(btc * 1e8));
}

} // namespace

Error rejectionError(int rpcCode, const QString &reason)
{
    const QString r = reason.toLower();
    const std::string detail = "the node says: " + reason.toStdString();
    if (rpcCode == -22 || r.contains(QLatin1String("decode failed")))
        return makeError(ErrorCode::InvalidTransaction, detail);
    if (rpcCode == -27 || r.contains(QLatin1String("already in block chain")) || r.contains(QLatin1String("txn-already-known")) ||
        r.contains(QLatin1String("already in utxo set")))
        return makeError(ErrorCode::TxAlreadyConfirmed, detail);
    if (r.contains(QLatin1String("non-bip68-final")))
        return makeError(ErrorCode::TxSequenceLocked, detail);
    if (r.contains(QLatin1String("non-final")))
        return makeError(ErrorCode::TxNonFinal, detail);
    if (r.contains(QLatin1String("premature-spend-of-coinbase")))
        return makeError(ErrorCode::TxImmatureCoinbase, detail);
    if (r.contains(QLatin1String("missingorspent")) || r.contains(QLatin1String("missing-inputs")) ||
        r.contains(QLatin1String("missing inputs")))
        return makeError(ErrorCode::TxMissingInputs, detail);
    // Core replaces whether or not the first spend signals it (full RBF), so a
    // conflicting spend that is refused is refused for its fee: "insufficient fee,
    // rejecting replacement <txid>, ..." (testmempoolaccept: "insufficient fee"
    // with that sentence in reject-details). Either way our spend lost: a double spend.
    if (r.contains(QLatin1String("conflict")) || r.contains(QLatin1String("inputs-spent")) ||
        r.contains(QLatin1String("double spend")) || r.contains(QLatin1String("replacement")) ||
        r.startsWith(QLatin1String("insufficient fee")) || r.contains(QLatin1String("too many potential replacements")))
        return makeError(ErrorCode::TxDoubleSpend, detail);
    if (r.contains(QLatin1String("script-verify-flag")) || r.contains(QLatin1String("script verify")) ||
        r.contains(QLatin1String("signature")))
        return makeError(ErrorCode::ScriptFailed, detail);
    if (r.contains(QLatin1String("dust")))
        return makeError(ErrorCode::TxDust, detail);
    // Above the maxfeerate we send: "max-fee-exceeded" (testmempoolaccept),
    // "Fee exceeds maximum configured by user (e.g. -maxtxfee, maxfeerate)" (-25).
    if (r.contains(QLatin1String("max-fee-exceeded")) || r.contains(QLatin1String("fee exceeds maximum")))
        return makeError(ErrorCode::TxFeeTooHigh, detail);
    // A full mempool: "mempool min fee not met" (alone); a package may still bring it in.
    if (r.contains(QLatin1String("mempool min fee not met")) || r.contains(QLatin1String("mempool full")))
        return makeError(ErrorCode::TxMempoolFull, detail);
    if (r.contains(QLatin1String("fee")) || r.contains(QLatin1String("priority")))
        return makeError(ErrorCode::TxFeeTooLow, detail);
    if (rpcCode == -26)
        return makeError(ErrorCode::TxNonStandard, detail);
    return makeError(ErrorCode::RpcFailed, detail + " (code " + std::to_string(rpcCode) + ")");
}

Status acceptVerdict(const QJsonValue &answer, const Hash256 &txid)
{
    const QString id = QString::fromStdString(toDisplayHex(txid));
    const QJsonArray list = answer.toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("txid")).toString() != id)
            continue;
        // A package's own failure (only with several transactions) says why none was judged.
        const QString packageError = o.value(QStringLiteral("package-error")).toString();
        if (!o.contains(QStringLiteral("allowed")))
            return rejectionError(-26, packageError.isEmpty() ? QStringLiteral("not validated (another transaction failed)") : packageError);
        if (o.value(QStringLiteral("allowed")).toBool())
            return {};
        const QString reason = o.value(QStringLiteral("reject-reason")).toString();
        const QString details = o.value(QStringLiteral("reject-details")).toString();
        // The details (Core 28 and later) carry the numbers; the reason is the stable part.
        return rejectionError(-26, details.isEmpty() || details.startsWith(reason) ? (details.isEmpty() ? reason : details)
                                                                                   : reason + QStringLiteral(": ") + details);
    }
    return makeError(ErrorCode::RpcFailed, "testmempoolaccept: no verdict for " + id.toStdString());
}

/// Everything that lives on the worker thread: the connection, what was read
/// of the chain, the mempool and a cache of raw blocks for rescans.
class CoreRpcBackend::Follower {
public:
    Follower(const CoreRpcOptions &options) : m_rpc(options.endpoint), m_network(options.network) { m_age.start(); }

    void setScanStart(int height) { m_scanner.setStartHeight(height); }

    /// Resumes from the state saved there, and saves to it after every sync.
    void setScanStateFile(const QString &path)
    {
        if (m_statePath == path)
            return;
        if (!m_statePath.isEmpty() || m_scanner.tip()) {
            // A second wallet on this backend: one file cannot say what both read.
            m_statePath.clear();
            m_stateShared = true;
            return;
        }
        if (m_stateShared)
            return;
        m_statePath = path;
        if (loadScanState(path, m_scanner)) {
            if (auto t = m_scanner.tip())
                m_savedTip = t->hash;
            m_savedWatchCount = m_scanner.watchCount();
        }
    }

    Result<NodeInfo> nodeInfo()
    {
        auto chainInfo = value("getblockchaininfo");
        if (!chainInfo)
            return chainInfo.error();
        const QJsonObject c = chainInfo->toObject();
        NodeInfo info;
        info.chain = c.value(QStringLiteral("chain")).toString();
        info.height = c.value(QStringLiteral("blocks")).toInt(-1);
        info.headers = c.value(QStringLiteral("headers")).toInt(info.height);
        info.pruned = c.value(QStringLiteral("pruned")).toBool();
        info.pruneHeight = c.value(QStringLiteral("pruneheight")).toInt(-1);
        if (auto net = value("getnetworkinfo")) {
            const QJsonObject n = net->toObject();
            QString sub = n.value(QStringLiteral("subversion")).toString();
            sub.remove(QLatin1Char('/'));
            info.version = sub.isEmpty() ? n.value(QStringLiteral("version")).toVariant().toString() : sub;
            info.relayFeeSatPerKvB = btcToSat(n.value(QStringLiteral("relayfee")).toDouble(0));
            // A node that relays less (Core 30: 0.1 sat/vB) does not lower protocol.md's 1 sat/vB
            // floor: other nodes on the way to a miner may still want 1 sat/vB.
            m_relayFee = std::max<int64_t>(kMinFeeRate, info.relayFeeSatPerKvB);
        }
        if (info.chain != coreChainName(m_network))
            return makeError(ErrorCode::WrongNetwork, "the node is on " + info.chain.toStdString() + ", the wallet on " +
                                                          coreChainName(m_network).toStdString());
        const bool ibd = c.value(QStringLiteral("initialblockdownload")).toBool(false);
        // A fresh regtest node is "in initial download" until its first block: not a reason to wait.
        if (info.headers > info.height + 1 || (ibd && m_network != NetworkId::Regtest))
            return makeError(ErrorCode::NodeSyncing, "at block " + std::to_string(info.height) + " of " + std::to_string(info.headers));
        if (info.pruned && info.pruneHeight > m_scanner.startHeight())
            return makeError(ErrorCode::NodePruned, "the node keeps blocks from " + std::to_string(info.pruneHeight) +
                                                        ", the wallet needs them from " + std::to_string(m_scanner.startHeight()));
        m_checked = true;
        return info;
    }

    Result<ChainTip> tip()
    {
        SPW_TRY(ensureChecked());
        auto best = value("getbestblockhash");
        if (!best)
            return best.error();
        auto header = value("getblockheader", {best->toString(), true});
        if (!header)
            return header.error();
        const QJsonObject h = header->toObject();
        auto hash = hashFrom(*best);
        if (!hash)
            return makeError(ErrorCode::RpcFailed, "getbestblockhash: not a block hash");
        return ChainTip{h.value(QStringLiteral("height")).toInt(-1),
                        static_cast<int64_t>(h.value(QStringLiteral("time")).toDouble()), *hash};
    }

    Result<Hash256> broadcast(const Transaction &tx)
    {
        SPW_TRY(ensureChecked());
        const QString hex = QString::fromStdString(toHex(tx.serialize()));
        const Hash256 txid = tx.txid();
        // The cap is sent with both calls: the node refuses above it ("max-fee-exceeded").
        const QString maxFeeRate = QString::number(static_cast<double>(kMaxFeeRate.satPerKvB) / 1e8, 'f', 8);
        if (!m_noTestAccept) {
            // One parameter, itself an array: a braced QJsonArray{QJsonArray{...}} would copy, not nest.
            QJsonArray params;
            params.append(QJsonArray{hex});
            params.append(maxFeeRate);
            auto test = m_rpc.call(QStringLiteral("testmempoolaccept"), params);
            if (!test)
                return test.error();
            if (test->methodMissing()) {
                m_noTestAccept = true;
            } else if (test->failed) {
                return rejectionError(test->errorCode, test->errorMessage);
            } else if (auto verdict = acceptVerdict(test->result, txid); !verdict) {
                if (verdict.error().context.find("already-in-mempool") == std::string::npos)
                    return verdict.error();
                return txid; // broadcasting again is harmless
            }
        }
        auto sent = m_rpc.call(QStringLiteral("sendrawtransaction"), {hex, maxFeeRate});
        if (!sent)
            return sent.error();
        if (sent->failed) {
            if (sent->errorMessage.contains(QLatin1String("already-in-mempool")) ||
                sent->errorMessage.contains(QLatin1String("already in mempool")))
                return txid;
            return rejectionError(sent->errorCode, sent->errorMessage);
        }
        auto answered = hashFrom(sent->result);
        if (!answered || *answered != txid)
            return makeError(ErrorCode::RpcFailed, "sendrawtransaction answered another txid");
        m_mempool.emplace(txid, tx); // ours is in the node's mempool now, whatever the copy's age
        m_overlayStale = true;
        return txid;
    }

    /// submitpackage: a child and its parents in one go, for a parent below a full
    /// mempool's minimum. Each transaction's own error is the package's answer.
    Result<std::vector<Hash256>> broadcastPackage(const std::vector<Transaction> &txs)
    {
        SPW_TRY(ensureChecked());
        if (m_noPackageRelay)
            return makeError(ErrorCode::NoPackageRelay, "the node has no submitpackage");
        QJsonArray hexes;
        for (const auto &tx : txs)
            hexes.append(QString::fromStdString(toHex(tx.serialize())));
        QJsonArray params;
        params.append(hexes); // one parameter, itself an array
        params.append(QString::number(static_cast<double>(kMaxFeeRate.satPerKvB) / 1e8, 'f', 8));
        auto sent = m_rpc.call(QStringLiteral("submitpackage"), params);
        if (!sent)
            return sent.error();
        if (sent->methodMissing()) {
            m_noPackageRelay = true;
            return makeError(ErrorCode::NoPackageRelay, "the node has no submitpackage");
        }
        if (sent->failed)
            return rejectionError(sent->errorCode, sent->errorMessage);
        const QJsonObject answer = sent->result.toObject();
        if (answer.value(QStringLiteral("package_msg")).toString() != QLatin1String("success")) {
            const QJsonObject results = answer.value(QStringLiteral("tx-results")).toObject();
            for (auto it = results.begin(); it != results.end(); ++it) {
                const QString err = it.value().toObject().value(QStringLiteral("error")).toString();
                if (!err.isEmpty())
                    return rejectionError(-26, err);
            }
            return rejectionError(-26, answer.value(QStringLiteral("package_msg")).toString());
        }
        std::vector<Hash256> ids;
        for (const auto &tx : txs) {
            ids.push_back(tx.txid());
            m_mempool.emplace(tx.txid(), tx);
        }
        m_overlayStale = true;
        return ids;
    }

    Result<int> blockInterval()
    {
        if (m_network == NetworkId::Regtest)
            return 0;
        auto now = tip();
        if (!now)
            return now.error();
        const int span = std::min(now->height, 144);
        if (span <= 0)
            return static_cast<int>(bitcoin::network(m_network).blockIntervalSeconds);
        auto hash = value("getblockhash", {now->height - span});
        if (!hash)
            return hash.error();
        auto header = value("getblockheader", {hash->toString(), true});
        if (!header)
            return header.error();
        const auto then = static_cast<int64_t>(header->toObject().value(QStringLiteral("time")).toDouble());
        // Block times may run backwards by up to two hours: never below a second.
        return static_cast<int>(std::max<int64_t>((now->time - then) / span, 1));
    }

    Result<int64_t> mempoolFee(const Hash256 &txid)
    {
        SPW_TRY(ensureChecked());
        auto entry = m_rpc.call(QStringLiteral("getmempoolentry"), {QString::fromStdString(toDisplayHex(txid))});
        if (!entry)
            return entry.error();
        if (entry->failed)
            return makeError(ErrorCode::NotFound, "not in the node's mempool: " + toDisplayHex(txid));
        // Core: fees.base (BTC); older nodes and bcoin: fee.
        const QJsonObject o = entry->result.toObject();
        const double btc = o.contains(QStringLiteral("fees")) ? o.value(QStringLiteral("fees")).toObject().value(QStringLiteral("base")).toDouble(-1)
                                                              : o.value(QStringLiteral("fee")).toDouble(-1);
        if (btc < 0)
            return makeError(ErrorCode::RpcFailed, "getmempoolentry: no fee");
        return btcToSat(btc);
    }

    Result<TxStatus> transactionStatus(const Hash256 &txid)
    {
        SPW_TRY(syncWatching(txid));
        return m_scanner.status(txid);
    }

    Result<Transaction> transaction(const Hash256 &txid)
    {
        SPW_TRY(syncWatching(txid));
        if (auto tx = m_scanner.transaction(txid))
            return *tx;
        auto raw = m_rpc.call(QStringLiteral("getrawtransaction"), {QString::fromStdString(toDisplayHex(txid)), false});
        if (!raw)
            return raw.error();
        if (raw->failed)
            return makeError(ErrorCode::NotFound, toDisplayHex(txid));
        return Transaction::parseHex(raw->result.toString().toStdString());
    }

    Result<SpendInfo> outpointSpend(const OutPoint &op)
    {
        // Outputs already found (paying a watched script) have their spends followed anyway.
        SPW_TRY(sync());
        if (!m_scanner.spend(op).exists) {
            auto from = heightBound(op.txid, {op.index});
            if (!from)
                return from.error();
            m_scanner.watchOutpoint(op, *from);
            m_overlayStale = true;
            SPW_TRY(sync());
        }
        SpendInfo s = m_scanner.spend(op);
        if (!s.exists) {
            // Made before the wallet's birthday, or in a block not read: the UTXO set knows.
            auto out = m_rpc.call(QStringLiteral("gettxout"), {QString::fromStdString(toDisplayHex(op.txid)), static_cast<int>(op.index), true});
            if (!out)
                return out.error();
            s.exists = !out->failed && out->result.isObject();
        }
        return s;
    }

    Result<std::vector<Utxo>> unspentOutputs(const std::vector<Script> &scripts)
    {
        m_scanner.watchScripts(scripts);
        if (m_scanner.needsRescan() && m_scanner.rescanFrom() <= m_scanner.startHeight()) {
            // Fast path: the node's UTXO set answers without reading every block
            // since the birthday (the blocks are read when spends are asked for).
            auto fast = unspentFromUtxoSet(scripts);
            if (!fast)
                return fast.error();
            if (*fast)
                return std::move(**fast);
        }
        SPW_TRY(sync());
        return m_scanner.unspent(scripts);
    }

    /// scantxoutset for `scripts`, with the mempool laid over it; nullopt where the
    /// node lacks it (bcoin), is busy with another scan, or the blocks to read are
    /// few. For a short command only: once blocks have been read (sync), or two
    /// minutes after start, the blocks are what answers (spends, reorgs).
    Result<std::optional<std::vector<Utxo>>> unspentFromUtxoSet(const std::vector<Script> &scripts)
    {
        if (m_noScanTxOutSet || scripts.empty() || m_age.elapsed() > kScanTxOutSetWindowMs)
            return std::optional<std::vector<Utxo>>{};
        SPW_TRY(ensureChecked());
        auto count = value("getblockcount");
        if (!count)
            return count.error();
        if (count->toInt() - m_scanner.startHeight() < kScanTxOutSetFrom)
            return std::optional<std::vector<Utxo>>{};
        QJsonArray descriptors;
        for (const auto &script : scripts)
            descriptors.append(QStringLiteral("raw(%1)").arg(QString::fromStdString(toHex(script.bytes()))));
        auto scan = m_rpc.call(QStringLiteral("scantxoutset"), {QStringLiteral("start"), descriptors});
        if (!scan)
            return scan.error();
        if (scan->failed) {
            m_noScanTxOutSet = scan->methodMissing();
            return std::optional<std::vector<Utxo>>{};
        }
        const QJsonObject result = scan->result.toObject();
        const int tip = result.value(QStringLiteral("height")).toInt(-1);
        if (!result.value(QStringLiteral("success")).toBool() || tip < 0)
            return std::optional<std::vector<Utxo>>{};
        std::vector<Utxo> found;
        for (const QJsonValue &v : result.value(QStringLiteral("unspents")).toArray()) {
            const QJsonObject o = v.toObject();
            auto txid = hashFrom(o.value(QStringLiteral("txid")));
            auto spk = fromHex(o.value(QStringLiteral("scriptPubKey")).toString().toStdString());
            const int height = o.value(QStringLiteral("height")).toInt(-1);
            if (!txid || !spk || height < 0)
                return makeError(ErrorCode::RpcFailed, "scantxoutset: an unspent without txid, script or height");
            Utxo u;
            u.outpoint = OutPoint{*txid, static_cast<uint32_t>(o.value(QStringLiteral("vout")).toInt())};
            u.output = TxOut{Amount::fromSat(btcToSat(o.value(QStringLiteral("amount")).toDouble())), Script(std::move(*spk))};
            u.height = height;
            u.confirmations = tip - height + 1;
            u.coinbase = o.value(QStringLiteral("coinbase")).toBool(false); // Core 25 and later say so
            found.push_back(std::move(u));
        }
        // The mempool: what it spends of these, and what it pays to the scripts.
        if (auto fetched = refreshMempool(); !fetched)
            return fetched.error();
        ChainScanner overlay;
        overlay.watchScripts(scripts);
        for (const auto &u : found)
            overlay.watchOutpoint(u.outpoint);
        overlay.setMempool(mempoolTransactions());
        std::vector<Utxo> out;
        for (auto &u : found)
            if (!overlay.spend(u.outpoint).spent)
                out.push_back(std::move(u));
        for (auto &u : overlay.unspent(scripts))
            out.push_back(std::move(u));
        return std::optional<std::vector<Utxo>>(std::move(out));
    }

    Result<FeeRate> estimateFeeRate(int target)
    {
        SPW_TRY(ensureChecked());
        // Conservative, as the deadline wants; a node that does not know the mode is asked plainly.
        auto est = m_rpc.call(QStringLiteral("estimatesmartfee"), {std::max(1, target), QStringLiteral("conservative")});
        if (!est)
            return est.error();
        if (est->failed && !est->methodMissing())
            est = m_rpc.call(QStringLiteral("estimatesmartfee"), {std::max(1, target)});
        if (!est)
            return est.error();
        int64_t rate = 0;
        if (!est->failed) {
            const QJsonObject o = est->result.toObject();
            // Core: "feerate" in BTC/kvB (absent without data); bcoin: "fee" (-1 without data).
            const double btc = o.contains(QStringLiteral("feerate")) ? o.value(QStringLiteral("feerate")).toDouble(-1)
                                                                     : o.value(QStringLiteral("fee")).toDouble(-1);
            if (btc > 0)
                rate = btcToSat(btc);
        }
        if (rate <= 0)
            rate = m_network == NetworkId::Main ? kFallbackFeeRateMain : kFallbackFeeRateTest;
        // Never below what this node would take now (a full mempool's minimum) or put in
        // its own blocks (-blockmintxfee, which getmininginfo reports from Core 29 on).
        int64_t floor = 0;
        if (auto pool = m_rpc.call(QStringLiteral("getmempoolinfo")); pool && !pool->failed)
            floor = std::max(floor, btcToSat(pool->result.toObject().value(QStringLiteral("mempoolminfee")).toDouble(0)));
        if (auto mining = m_rpc.call(QStringLiteral("getmininginfo")); mining && !mining->failed)
            floor = std::max(floor, btcToSat(mining->result.toObject().value(QStringLiteral("blockmintxfee")).toDouble(0)));
        return FeeRate{std::max({rate, floor, m_relayFee, kMinFeeRate})};
    }

    Result<ChainTip> mine(int count, const Script &payTo)
    {
        if (m_network != NetworkId::Regtest)
            return makeError(ErrorCode::InvalidArgument, "only a regtest node mines on request");
        auto address = encodeAddress(payTo, bitcoin::network(m_network));
        if (!address)
            return makeError(ErrorCode::InvalidAddress, "that script has no address to mine to");
        SPW_TRY(ensureChecked());
        auto mined = value("generatetoaddress", {count, QString::fromStdString(*address)});
        if (!mined)
            return mined.error();
        return tip();
    }

private:
    Result<QJsonValue> value(const char *method, const QJsonArray &params = {})
    {
        const QString m = QString::fromLatin1(method);
        auto r = m_rpc.call(m, params);
        if (!r)
            return r.error();
        return r->value(m);
    }

    /// Syncs; a txid not seen yet is watched from now on, which needs one rescan.
    Status syncWatching(const Hash256 &txid)
    {
        SPW_TRY(sync());
        if (m_scanner.status(txid).known)
            return {};
        auto from = heightBound(txid, {0, 1});
        if (!from)
            return from.error();
        m_scanner.watchTxid(txid, *from);
        m_overlayStale = true;
        return sync();
    }

    /// The lowest height the block holding `txid` can be at, from the node's UTXO
    /// set with its mempool (one of `outputs` unspent: its confirmations say where;
    /// in the mempool: no block read so far); -1 when the node cannot say (every
    /// output spent, or unknown), and every block since the birthday is read again.
    Result<int> heightBound(const Hash256 &txid, std::initializer_list<uint32_t> outputs)
    {
        auto before = value("getblockcount");
        if (!before)
            return before.error();
        for (uint32_t vout : outputs) {
            auto out = m_rpc.call(QStringLiteral("gettxout"), {QString::fromStdString(toDisplayHex(txid)), static_cast<int>(vout), true});
            if (!out)
                return out.error();
            if (out->failed || !out->result.isObject())
                continue;
            auto after = value("getblockcount");
            if (!after)
                return after.error();
            // The lower of the two counts: a block found meanwhile only makes the bound lower.
            const int height = std::min(before->toInt(), after->toInt());
            const int confirmations = out->result.toObject().value(QStringLiteral("confirmations")).toInt(0);
            return confirmations <= 0 ? height + 1 : std::max(0, height - confirmations + 1);
        }
        return -1;
    }

    Status ensureChecked()
    {
        if (m_checked)
            return {};
        auto info = nodeInfo();
        if (!info)
            return info.error();
        return {};
    }

    /// Brings the scanner to the node's best chain and mempool, and saves what it
    /// read when that changed (a failure to save costs a rescan next time, no more).
    Status sync()
    {
        SPW_TRY(syncChain());
        if (!m_statePath.isEmpty() && !m_scanner.needsRescan()) {
            const auto t = m_scanner.tip();
            if (t && (t->hash != m_savedTip || m_scanner.watchCount() != m_savedWatchCount)) {
                if (saveScanState(m_statePath, m_scanner).ok()) {
                    m_savedTip = t->hash;
                    m_savedWatchCount = m_scanner.watchCount();
                }
            }
        }
        return {};
    }

    Status syncChain()
    {
        m_noScanTxOutSet = true; // the blocks answer from now on
        SPW_TRY(ensureChecked());
        if (m_scanner.needsRescan()) {
            if (m_scanner.rescanFrom() <= m_scanner.startHeight())
                m_scanner.reset();
            else
                m_scanner.rescanFromHeight(m_scanner.rescanFrom()); // nothing new below it
            m_overlayStale = true;
        }
        for (int attempt = 0; attempt < 10; ++attempt) {
            auto best = value("getbestblockhash");
            if (!best)
                return best.error();
            auto bestHash = hashFrom(*best);
            if (!bestHash)
                return makeError(ErrorCode::RpcFailed, "getbestblockhash: not a block hash");
            if (auto t = m_scanner.tip(); t && t->hash == *bestHash)
                return syncMempool();
            auto count = value("getblockcount");
            if (!count)
                return count.error();
            const int nodeHeight = count->toInt(-1);
            SPW_TRY(rollBack(nodeHeight));
            m_mempoolAge.invalidate(); // new blocks took transactions out of the mempool: fetch it again
            m_overlayStale = true;
            if (nodeHeight < m_scanner.startHeight())
                return syncMempool(); // a node (a fresh regtest one) below the wallet's birthday: nothing to read yet
            auto advanced = readBlocks(nodeHeight);
            if (!advanced)
                return advanced.error();
            if (*advanced) {
                if (auto t = m_scanner.tip(); t && t->hash == *bestHash)
                    return syncMempool();
            }
            // The tip moved (or a reorg happened) while reading: look again.
        }
        return makeError(ErrorCode::ChainUnavailable, "the node's tip keeps changing; try again");
    }

    /// Takes back blocks the node no longer has on its best chain.
    Status rollBack(int nodeHeight)
    {
        while (m_scanner.tip()) {
            const int h = m_scanner.tipHeight();
            if (h <= nodeHeight) {
                auto hash = value("getblockhash", {h});
                if (!hash)
                    return hash.error();
                auto ours = m_scanner.hashAt(h);
                if (auto theirs = hashFrom(*hash); theirs && ours && *theirs == *ours)
                    return {};
            }
            m_scanner.disconnectTip();
        }
        return {};
    }

    /// Reads blocks from the scanner's next height to nodeHeight; false when the chain changed under us.
    Result<bool> readBlocks(int nodeHeight)
    {
        for (int from = m_scanner.nextHeight(); from <= nodeHeight;) {
            const int to = std::min(nodeHeight, from + kHashBatch - 1);
            std::vector<RpcCall> calls;
            for (int h = from; h <= to; ++h)
                calls.push_back({QStringLiteral("getblockhash"), {h}});
            auto hashes = m_rpc.batch(calls);
            if (!hashes)
                return hashes.error();
            std::vector<Hash256> ids;
            for (const auto &r : *hashes) {
                if (r.failed)
                    return false; // the chain got shorter meanwhile
                auto h = hashFrom(r.result);
                if (!h)
                    return makeError(ErrorCode::RpcFailed, "getblockhash: not a block hash");
                ids.push_back(*h);
            }
            for (size_t i = 0; i < ids.size(); i += kBlockBatch) {
                const size_t end = std::min(ids.size(), i + kBlockBatch);
                std::vector<RpcCall> blockCalls;
                for (size_t k = i; k < end; ++k)
                    if (!m_blocks.count(ids[k]))
                        blockCalls.push_back({QStringLiteral("getblock"), {QString::fromStdString(toDisplayHex(ids[k])), 0}});
                auto raws = m_rpc.batch(blockCalls);
                if (!raws)
                    return raws.error();
                size_t next = 0;
                for (size_t k = i; k < end; ++k) {
                    if (!m_blocks.count(ids[k])) {
                        const RpcReply &r = (*raws)[next++];
                        if (r.failed) {
                            if (r.errorMessage.contains(QLatin1String("prune"), Qt::CaseInsensitive))
                                return makeError(ErrorCode::NodePruned, r.errorMessage.toStdString());
                            return false; // gone from the best chain meanwhile
                        }
                        auto bytes = fromHex(r.result.toString().toStdString());
                        if (!bytes)
                            return makeError(ErrorCode::RpcFailed, "getblock: not hex");
                        remember(ids[k], std::move(*bytes));
                    }
                    auto block = Block::parse(m_blocks.at(ids[k]));
                    if (!block)
                        return makeError(ErrorCode::ChainCorrupt, "block " + toDisplayHex(ids[k]) + ": " + block.error().describe());
                    if (block->header.hash() != ids[k])
                        return makeError(ErrorCode::ChainCorrupt, "the node sent another block than " + toDisplayHex(ids[k]));
                    if (!m_scanner.connect(*block, ids[k]))
                        return false; // a reorg between our calls
                }
            }
            from = to + 1;
        }
        return true;
    }

    void remember(const Hash256 &hash, Bytes raw)
    {
        m_cacheBytes += raw.size();
        m_blocks.emplace(hash, std::move(raw));
        m_cacheOrder.push_back(hash);
        while (m_cacheBytes > kBlockCacheBytes && !m_cacheOrder.empty()) {
            auto it = m_blocks.find(m_cacheOrder.front());
            m_cacheBytes -= it->second.size();
            m_blocks.erase(it);
            m_cacheOrder.pop_front();
        }
    }

    Status syncMempool()
    {
        auto fetched = refreshMempool();
        if (!fetched)
            return fetched.error();
        if (*fetched || m_overlayStale) {
            m_scanner.setMempool(mempoolTransactions());
            m_overlayStale = false;
        }
        return {};
    }

    std::vector<Transaction> mempoolTransactions() const
    {
        std::vector<Transaction> txs;
        txs.reserve(m_mempool.size());
        for (const auto &[id, tx] : m_mempool)
            txs.push_back(tx);
        return txs;
    }

    /// The node's mempool into m_mempool (only transactions not seen before are
    /// fetched), at most once a second: the watcher asks once per channel, and a
    /// big mempool's list of txids is megabytes. False when the copy was fresh.
    Result<bool> refreshMempool()
    {
        if (m_mempoolAge.isValid() && m_mempoolAge.elapsed() < kMempoolRefreshMs)
            return false;
        auto ids = value("getrawmempool");
        if (!ids)
            return ids.error();
        std::map<Hash256, Transaction> now;
        std::vector<RpcCall> calls;
        std::vector<Hash256> wanted;
        for (const QJsonValue &v : ids->toArray()) {
            auto txid = hashFrom(v);
            if (!txid)
                return makeError(ErrorCode::RpcFailed, "getrawmempool: not a txid");
            if (auto it = m_mempool.find(*txid); it != m_mempool.end()) {
                now.emplace(*txid, std::move(it->second));
            } else {
                calls.push_back({QStringLiteral("getrawtransaction"), {v.toString(), false}});
                wanted.push_back(*txid);
            }
        }
        for (size_t i = 0; i < calls.size(); i += kHashBatch) {
            std::vector<RpcCall> part(calls.begin() + static_cast<long>(i),
                                      calls.begin() + static_cast<long>(std::min(calls.size(), i + kHashBatch)));
            auto raws = m_rpc.batch(part);
            if (!raws)
                return raws.error();
            for (size_t k = 0; k < raws->size(); ++k) {
                if ((*raws)[k].failed)
                    continue; // left the mempool meanwhile
                auto tx = Transaction::parseHex((*raws)[k].result.toString().toStdString());
                if (tx)
                    now.emplace(wanted[i + k], std::move(*tx));
            }
        }
        m_mempool = std::move(now);
        m_mempoolAge.start();
        return true;
    }

    RpcClient m_rpc;
    NetworkId m_network;
    ChainScanner m_scanner;
    std::map<Hash256, Transaction> m_mempool;
    std::map<Hash256, Bytes> m_blocks;   ///< raw blocks by hash (bounded)
    std::deque<Hash256> m_cacheOrder;
    size_t m_cacheBytes = 0;
    int64_t m_relayFee = kMinFeeRate;
    bool m_checked = false;
    bool m_noTestAccept = false;
    bool m_noPackageRelay = false;
    bool m_noScanTxOutSet = false; ///< the node lacks it, or blocks are being read
    QElapsedTimer m_age;
    QElapsedTimer m_mempoolAge;  ///< since m_mempool was fetched
    bool m_overlayStale = true;  ///< the scanner's mempool view must be laid again
    QString m_statePath;         ///< ScanState file ("": not kept)
    bool m_stateShared = false;  ///< two wallets on this backend: nothing kept
    Hash256 m_savedTip{};
    size_t m_savedWatchCount = 0;
};

CoreRpcBackend::CoreRpcBackend(CoreRpcOptions options, QObject *parent)
    : ChainBackend(parent), m_options(std::move(options)), m_worker(QStringLiteral("core-rpc"))
{
    m_worker.run([this] {
        m_follower = std::make_unique<Follower>(m_options);
        return 0;
    });
    setPollInterval(m_options.pollMs);
}

CoreRpcBackend::~CoreRpcBackend()
{
    stopPolling();
    m_worker.stop([this] { m_follower.reset(); });
}

const Network &CoreRpcBackend::network() const
{
    return bitcoin::network(m_options.network);
}

QString CoreRpcBackend::describe() const
{
    return tr("Bitcoin node %1 (%2)")
        .arg(m_options.endpoint.url.toString(QUrl::RemoveUserInfo), QString::fromUtf8(network().name.data(), static_cast<int>(network().name.size())));
}

template <typename F>
auto CoreRpcBackend::run(F &&f)
{
    return m_worker.run([this, f = std::forward<F>(f)]() mutable { return f(*m_follower); });
}

void CoreRpcBackend::setScanStart(int height)
{
    run([height](Follower &w) {
        w.setScanStart(height);
        return 0;
    });
}

void CoreRpcBackend::setScanStateFile(const QString &path)
{
    run([path](Follower &w) {
        w.setScanStateFile(path);
        return 0;
    });
}

QFuture<Result<ChainTip>> CoreRpcBackend::tip()
{
    return run([](Follower &w) { return w.tip(); });
}

QFuture<Result<Hash256>> CoreRpcBackend::broadcast(const Transaction &tx)
{
    return run([tx](Follower &w) { return w.broadcast(tx); });
}

QFuture<Result<std::vector<Hash256>>> CoreRpcBackend::broadcastPackage(const std::vector<Transaction> &txs)
{
    return run([txs](Follower &w) { return w.broadcastPackage(txs); });
}

QFuture<Result<int>> CoreRpcBackend::blockInterval()
{
    return run([](Follower &w) { return w.blockInterval(); });
}

QFuture<Result<int64_t>> CoreRpcBackend::mempoolFee(const Hash256 &txid)
{
    return run([txid](Follower &w) { return w.mempoolFee(txid); });
}

QFuture<Result<TxStatus>> CoreRpcBackend::transactionStatus(const Hash256 &txid)
{
    return run([txid](Follower &w) { return w.transactionStatus(txid); });
}

QFuture<Result<Transaction>> CoreRpcBackend::transaction(const Hash256 &txid)
{
    return run([txid](Follower &w) { return w.transaction(txid); });
}

QFuture<Result<SpendInfo>> CoreRpcBackend::outpointSpend(const OutPoint &outpoint)
{
    return run([outpoint](Follower &w) { return w.outpointSpend(outpoint); });
}

QFuture<Result<std::vector<Utxo>>> CoreRpcBackend::unspentOutputs(const std::vector<Script> &scripts)
{
    return run([scripts](Follower &w) { return w.unspentOutputs(scripts); });
}

QFuture<Result<FeeRate>> CoreRpcBackend::estimateFeeRate(int targetBlocks)
{
    return run([targetBlocks](Follower &w) { return w.estimateFeeRate(targetBlocks); });
}

QFuture<Result<ChainTip>> CoreRpcBackend::mine(int count, const Script &payTo)
{
    auto f = run([count, payTo](Follower &w) { return w.mine(count, payTo); });
    reportTip(f);
    return f;
}

QFuture<Result<NodeInfo>> CoreRpcBackend::nodeInfo()
{
    return run([](Follower &w) { return w.nodeInfo(); });
}



} // namespace spillway::chain
