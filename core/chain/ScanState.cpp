#include "ScanState.h"

#include "bitcoin/Hash.h"
#include "bitcoin/Serialize.h"

#include <QFile>
#include <QSaveFile>

namespace spillway::chain {

using namespace bitcoin;

namespace {

constexpr std::string_view kMagic = "SPWSCAN";
constexpr uint8_t kVersion = 1;

void writeHash(Writer &w, const Hash256 &h)
{
    w.bytes(h);
}

void writeOutPoint(Writer &w, const OutPoint &op)
{
    w.bytes(op.txid);
    w.u32(op.index);
}

Result<Hash256> readHash(Reader &r)
{
    auto b = r.bytes(32);
    if (!b)
        return b.error();
    Hash256 h{};
    std::copy(b->begin(), b->end(), h.begin());
    return h;
}

Result<OutPoint> readOutPoint(Reader &r)
{
    auto h = readHash(r);
    if (!h)
        return h.error();
    auto i = r.u32();
    if (!i)
        return i.error();
    return OutPoint{*h, *i};
}

/// A count that cannot be larger than what is left of the file.
Result<size_t> readCount(Reader &r)
{
    auto n = r.compactSize();
    if (!n)
        return n.error();
    if (*n > r.remaining())
        return makeError(ErrorCode::OversizedField, "scan state: a count beyond the file's end");
    return static_cast<size_t>(*n);
}

} // namespace

Bytes ChainScanner::saveState() const
{
    Writer w;
    w.bytes(asBytes(kMagic));
    w.u8(kVersion);
    w.i32(m_start);
    w.compactSize(m_scripts.size());
    for (const auto &s : m_scripts)
        w.varBytes(s);
    w.compactSize(m_outpoints.size());
    for (const auto &op : m_outpoints)
        writeOutPoint(w, op);
    w.compactSize(m_txids.size());
    for (const auto &id : m_txids)
        writeHash(w, id);
    w.compactSize(m_blocks.size());
    for (const auto &b : m_blocks) {
        w.i32(b.tip.height);
        w.i64(b.tip.time);
        writeHash(w, b.tip.hash);
        w.compactSize(b.outputs.size());
        for (const auto &op : b.outputs)
            writeOutPoint(w, op);
        w.compactSize(b.spends.size());
        for (const auto &op : b.spends)
            writeOutPoint(w, op);
        w.compactSize(b.txs.size());
        for (const auto &id : b.txs)
            writeHash(w, id);
    }
    w.compactSize(m_chain.outputs.size());
    for (const auto &[op, o] : m_chain.outputs) {
        writeOutPoint(w, op);
        w.i64(o.out.value.sat());
        w.varBytes(o.out.scriptPubKey.bytes());
        w.i32(o.height);
        w.u8(o.coinbase ? 1 : 0);
    }
    w.compactSize(m_chain.spends.size());
    for (const auto &[op, s] : m_chain.spends) {
        writeOutPoint(w, op);
        writeHash(w, s.spender);
        w.i32(s.height);
    }
    w.compactSize(m_chain.txs.size());
    for (const auto &[id, t] : m_chain.txs) {
        writeHash(w, id);
        w.varBytes(t.tx.serialize());
        w.i32(t.height);
    }
    const Hash256 check = sha256(w.data());
    w.bytes(check);
    return w.take();
}

Status ChainScanner::loadState(ByteView data)
{
    if (data.size() < 32)
        return makeError(ErrorCode::Truncated, "scan state");
    const ByteView body = data.first(data.size() - 32);
    const Hash256 check = sha256(body);
    if (!std::equal(check.begin(), check.end(), data.begin() + static_cast<long>(body.size())))
        return makeError(ErrorCode::InvalidChecksum, "scan state");
    Reader r(body);
    auto magic = r.bytes(kMagic.size());
    if (!magic || !std::equal(magic->begin(), magic->end(), kMagic.begin()))
        return makeError(ErrorCode::ChainCorrupt, "not a scan state file");
    auto version = r.u8();
    if (!version || *version != kVersion)
        return makeError(ErrorCode::ChainCorrupt, "scan state of another version");
    auto start = r.i32();
    if (!start)
        return start.error();
    if (*start != m_start)
        return makeError(ErrorCode::InvalidArgument, "the scan state starts at " + std::to_string(*start) + ", the wallet at " +
                                                         std::to_string(m_start));

    std::set<Bytes> scripts;
    std::set<OutPoint> outpoints;
    std::set<Hash256> txids;
    std::vector<BlockEntry> blocks;
    View chain;
    auto n = readCount(r);
    if (!n)
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto s = r.varBytes();
        if (!s)
            return s.error();
        scripts.insert(std::move(*s));
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto op = readOutPoint(r);
        if (!op)
            return op.error();
        outpoints.insert(*op);
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto id = readHash(r);
        if (!id)
            return id.error();
        txids.insert(*id);
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        BlockEntry b;
        auto height = r.i32();
        auto time = height ? r.i64() : Result<int64_t>(height.error());
        auto hash = time ? readHash(r) : Result<Hash256>(time.error());
        if (!hash)
            return hash.error();
        if (*height != *start + static_cast<int>(i))
            return makeError(ErrorCode::ChainCorrupt, "scan state: blocks out of order");
        b.tip = ChainTip{*height, *time, *hash};
        for (auto *list : {&b.outputs, &b.spends}) {
            auto k = readCount(r);
            if (!k)
                return k.error();
            for (size_t j = 0; j < *k; ++j) {
                auto op = readOutPoint(r);
                if (!op)
                    return op.error();
                list->push_back(*op);
            }
        }
        auto k = readCount(r);
        if (!k)
            return k.error();
        for (size_t j = 0; j < *k; ++j) {
            auto id = readHash(r);
            if (!id)
                return id.error();
            b.txs.push_back(*id);
        }
        blocks.push_back(std::move(b));
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto op = readOutPoint(r);
        if (!op)
            return op.error();
        auto value = r.i64();
        auto script = value ? r.varBytes() : Result<Bytes>(value.error());
        auto height = script ? r.i32() : Result<int32_t>(script.error());
        auto coinbase = height ? r.u8() : Result<uint8_t>(height.error());
        if (!coinbase)
            return coinbase.error();
        chain.outputs[*op] = Output{TxOut{Amount::fromSat(*value), Script(std::move(*script))}, *height, *coinbase != 0};
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto op = readOutPoint(r);
        auto spender = op ? readHash(r) : Result<Hash256>(op.error());
        auto height = spender ? r.i32() : Result<int32_t>(spender.error());
        if (!height)
            return height.error();
        chain.spends[*op] = Spend{*spender, *height};
    }
    if (!(n = readCount(r)))
        return n.error();
    for (size_t i = 0; i < *n; ++i) {
        auto id = readHash(r);
        auto raw = id ? r.varBytes() : Result<Bytes>(id.error());
        auto height = raw ? r.i32() : Result<int32_t>(raw.error());
        if (!height)
            return height.error();
        auto tx = Transaction::parse(*raw);
        if (!tx)
            return tx.error();
        chain.txs[*id] = Tx{std::move(*tx), *height};
    }
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, "scan state");

    // What this scanner watches beyond the saved list was not looked for in those blocks.
    bool more = false;
    for (const auto &s : m_scripts)
        more |= scripts.insert(s).second;
    for (const auto &op : m_outpoints)
        more |= outpoints.insert(op).second;
    for (const auto &id : m_txids)
        more |= txids.insert(id).second;
    m_scripts = std::move(scripts);
    m_outpoints = std::move(outpoints);
    m_txids = std::move(txids);
    m_blocks = std::move(blocks);
    m_chain = std::move(chain);
    m_needsRescan = more;
    m_rescanFrom = more ? m_start : std::numeric_limits<int>::max();
    return {};
}

Status saveScanState(const QString &path, const ChainScanner &scanner)
{
    const Bytes data = scanner.saveState();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(reinterpret_cast<const char *>(data.data()), static_cast<qint64>(data.size())) != static_cast<qint64>(data.size()) ||
        !f.commit())
        return makeError(ErrorCode::StorageFailed, "cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
    return {};
}

bool loadScanState(const QString &path, ChainScanner &scanner)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = f.readAll();
    return scanner.loadState(ByteView(reinterpret_cast<const uint8_t *>(data.constData()), static_cast<size_t>(data.size()))).ok();
}

} // namespace spillway::chain
