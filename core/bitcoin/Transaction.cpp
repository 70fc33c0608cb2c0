#include "Transaction.h"

#include <set>

namespace spillway::bitcoin {

std::string OutPoint::toString() const
{
    return toDisplayHex(txid) + ":" + std::to_string(index);
}

Result<OutPoint> OutPoint::parse(std::string_view text)
{
    size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return makeError(ErrorCode::InvalidTransaction, "outpoint is txid:index");
    auto txid = fromDisplayHex(text.substr(0, colon));
    if (!txid)
        return txid.error();
    std::string_view idx = text.substr(colon + 1);
    if (idx.empty() || idx.size() > 10)
        return makeError(ErrorCode::InvalidTransaction, "bad output index");
    uint64_t n = 0;
    for (char c : idx) {
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidTransaction, "bad output index");
        n = n * 10 + uint64_t(c - '0');
    }
    if (n > 0xffffffffu)
        return makeError(ErrorCode::InvalidTransaction, "bad output index");
    return OutPoint{*txid, static_cast<uint32_t>(n)};
}

bool Transaction::hasWitness() const
{
    for (const auto &in : inputs)
        if (!in.witness.empty())
            return true;
    return false;
}

void Transaction::write(Writer &w, bool withWitness) const
{
    const bool segwit = withWitness && hasWitness();
    w.i32(version);
    if (segwit) {
        w.u8(0);
        w.u8(1);
    }
    w.compactSize(inputs.size());
    for (const auto &in : inputs) {
        w.bytes(in.prevout.txid);
        w.u32(in.prevout.index);
        w.varBytes(in.scriptSig.bytes());
        w.u32(in.sequence);
    }
    w.compactSize(outputs.size());
    for (const auto &out : outputs) {
        w.i64(out.value.sat());
        w.varBytes(out.scriptPubKey.bytes());
    }
    if (segwit) {
        for (const auto &in : inputs) {
            w.compactSize(in.witness.size());
            for (const auto &item : in.witness)
                w.varBytes(item);
        }
    }
    w.u32(lockTime);
}

Bytes Transaction::serialize(bool withWitness) const
{
    Writer w;
    write(w, withWitness);
    return w.take();
}

static Status readInputs(Reader &r, std::vector<TxIn> &inputs, uint64_t count)
{
    inputs.clear();
    for (uint64_t i = 0; i < count; ++i) {
        TxIn in;
        auto h = r.bytes(32);
        if (!h)
            return h.error();
        std::copy(h->begin(), h->end(), in.prevout.txid.begin());
        auto idx = r.u32();
        if (!idx)
            return idx.error();
        in.prevout.index = *idx;
        auto ss = r.varBytes();
        if (!ss)
            return ss.error();
        in.scriptSig = Script(std::move(*ss));
        auto seq = r.u32();
        if (!seq)
            return seq.error();
        in.sequence = *seq;
        inputs.push_back(std::move(in));
    }
    return {};
}

Result<Transaction> Transaction::read(Reader &r, bool allowWitness)
{
    Transaction tx;
    auto ver = r.i32();
    if (!ver)
        return ver.error();
    tx.version = *ver;
    auto nIn = r.compactSize();
    if (!nIn)
        return nIn.error();
    // Every input takes at least 41 bytes: refuse counts the data cannot hold.
    if (*nIn > r.remaining() / 41 + 1)
        return makeError(ErrorCode::Truncated, "input count exceeds data");
    bool segwit = false;
    if (*nIn == 0 && allowWitness) {
        // BIP 144: marker 0x00 then flag; the flag must be non-zero (Core: only 1 is known).
        auto flag = r.u8();
        if (!flag)
            return flag.error();
        if (*flag != 1)
            return makeError(ErrorCode::InvalidTransaction, "unknown segwit flag");
        segwit = true;
        nIn = r.compactSize();
        if (!nIn)
            return nIn.error();
        if (*nIn > r.remaining() / 41 + 1)
            return makeError(ErrorCode::Truncated, "input count exceeds data");
    }
    SPW_TRY(readInputs(r, tx.inputs, *nIn));
    auto nOut = r.compactSize();
    if (!nOut)
        return nOut.error();
    if (*nOut > r.remaining() / 9 + 1)
        return makeError(ErrorCode::Truncated, "output count exceeds data");
    for (uint64_t i = 0; i < *nOut; ++i) {
        auto v = r.i64();
        if (!v)
            return v.error();
        auto spk = r.varBytes();
        if (!spk)
            return spk.error();
        tx.outputs.push_back(TxOut{Amount::fromSat(*v), Script(std::move(*spk))});
    }
    if (segwit) {
        for (auto &in : tx.inputs) {
            auto n = r.compactSize();
            if (!n)
                return n.error();
            if (*n > r.remaining() + 1)
                return makeError(ErrorCode::Truncated, "witness count exceeds data");
            for (uint64_t j = 0; j < *n; ++j) {
                auto item = r.varBytes();
                if (!item)
                    return item.error();
                in.witness.push_back(std::move(*item));
            }
        }
        if (!tx.hasWitness())
            return makeError(ErrorCode::InvalidTransaction, "segwit marker with empty witnesses");
    }
    auto lt = r.u32();
    if (!lt)
        return lt.error();
    tx.lockTime = *lt;
    return tx;
}

Result<Transaction> Transaction::parse(ByteView data)
{
    Reader r(data);
    auto tx = read(r, true);
    if (!tx)
        return tx;
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, std::to_string(r.remaining()) + " bytes after the transaction");
    return tx;
}

Result<Transaction> Transaction::parseHex(std::string_view hex)
{
    auto bytes = fromHex(hex);
    if (!bytes)
        return bytes.error();
    return parse(*bytes);
}

Hash256 Transaction::txid() const
{
    return sha256d(serialize(false));
}

Hash256 Transaction::wtxid() const
{
    return sha256d(serialize(true));
}

size_t Transaction::weight() const
{
    return serialize(false).size() * 3 + serialize(true).size();
}

Status Transaction::checkBasic() const
{
    if (inputs.empty())
        return makeError(ErrorCode::InvalidTransaction, "no inputs");
    if (outputs.empty())
        return makeError(ErrorCode::InvalidTransaction, "no outputs");
    if (serialize(false).size() * 4 > 4'000'000)
        return makeError(ErrorCode::InvalidTransaction, "too large");
    int64_t total = 0;
    for (const auto &o : outputs) {
        if (o.value.sat() < 0)
            return makeError(ErrorCode::InvalidTransaction, "negative output");
        if (o.value.sat() > Amount::kMaxMoney)
            return makeError(ErrorCode::InvalidTransaction, "output too large");
        total += o.value.sat();
        if (total > Amount::kMaxMoney)
            return makeError(ErrorCode::InvalidTransaction, "outputs sum too large");
    }
    std::set<OutPoint> seen;
    for (const auto &in : inputs)
        if (!seen.insert(in.prevout).second)
            return makeError(ErrorCode::InvalidTransaction, "duplicate input");
    const bool coinbase = inputs.size() == 1 && inputs[0].prevout.isNull();
    if (coinbase) {
        if (inputs[0].scriptSig.size() < 2 || inputs[0].scriptSig.size() > 100)
            return makeError(ErrorCode::InvalidTransaction, "bad coinbase script length");
    } else {
        for (const auto &in : inputs)
            if (in.prevout.isNull())
                return makeError(ErrorCode::InvalidTransaction, "null prevout");
    }
    return {};
}

} // namespace spillway::bitcoin
