#include "Sighash.h"

namespace spillway::bitcoin {

namespace {

void writeOutput(Writer &w, const TxOut &o)
{
    w.i64(o.value.sat());
    w.varBytes(o.scriptPubKey.bytes());
}

Hash256 hashPrevoutsOf(const Transaction &tx)
{
    Writer w;
    for (const auto &in : tx.inputs) {
        w.bytes(in.prevout.txid);
        w.u32(in.prevout.index);
    }
    return sha256d(w.data());
}

Hash256 hashSequenceOf(const Transaction &tx)
{
    Writer w;
    for (const auto &in : tx.inputs)
        w.u32(in.sequence);
    return sha256d(w.data());
}

Bytes withoutCodeSeparators(const Script &s)
{
    Bytes out;
    out.reserve(s.size());
    size_t pc = 0, last = 0;
    uint8_t op;
    while (pc < s.size()) {
        if (!s.getOp(pc, op)) {
            // A truncated push: Core copies up to where its GetOp stopped.
            out.insert(out.end(), s.bytes().begin() + static_cast<long>(last), s.bytes().begin() + static_cast<long>(pc));
            return out;
        }
        if (op != OP_CODESEPARATOR)
            out.insert(out.end(), s.bytes().begin() + static_cast<long>(last), s.bytes().begin() + static_cast<long>(pc));
        last = pc;
    }
    return out;
}

} // namespace

Hash256 hashPrevouts(const std::vector<OutPoint> &prevouts)
{
    Writer w;
    for (const auto &p : prevouts) {
        w.bytes(p.txid);
        w.u32(p.index);
    }
    return sha256d(w.data());
}

Hash256 hashSequences(const std::vector<uint32_t> &sequences)
{
    Writer w;
    for (uint32_t s : sequences)
        w.u32(s);
    return sha256d(w.data());
}

Hash256 hashOutputs(const std::vector<TxOut> &outputs)
{
    Writer w;
    for (const auto &o : outputs)
        writeOutput(w, o);
    return sha256d(w.data());
}

SighashCache::SighashCache(const Transaction &tx)
    : hashPrevouts(hashPrevoutsOf(tx)), hashSequence(hashSequenceOf(tx)), hashOutputs(bitcoin::hashOutputs(tx.outputs))
{
}

Hash256 legacySighash(const Transaction &tx, size_t nIn, const Script &scriptCode, int32_t hashType)
{
    Hash256 one{};
    one[0] = 1;
    if (nIn >= tx.inputs.size())
        return one;
    const int base = hashType & 0x1f;
    const bool anyoneCanPay = hashType & SIGHASH_ANYONECANPAY;
    const bool hashSingle = base == SIGHASH_SINGLE;
    const bool hashNone = base == SIGHASH_NONE;
    if (hashSingle && nIn >= tx.outputs.size())
        return one;

    Writer w;
    w.i32(tx.version);
    const size_t nInputs = anyoneCanPay ? 1 : tx.inputs.size();
    w.compactSize(nInputs);
    const Bytes code = withoutCodeSeparators(scriptCode);
    for (size_t k = 0; k < nInputs; ++k) {
        const size_t i = anyoneCanPay ? nIn : k;
        const TxIn &in = tx.inputs[i];
        w.bytes(in.prevout.txid);
        w.u32(in.prevout.index);
        if (i == nIn)
            w.varBytes(code);
        else
            w.compactSize(0);
        if (i != nIn && (hashSingle || hashNone))
            w.u32(0);
        else
            w.u32(in.sequence);
    }
    const size_t nOutputs = hashNone ? 0 : hashSingle ? nIn + 1 : tx.outputs.size();
    w.compactSize(nOutputs);
    for (size_t i = 0; i < nOutputs; ++i) {
        if (hashSingle && i != nIn) {
            w.i64(-1);
            w.compactSize(0);
        } else {
            writeOutput(w, tx.outputs[i]);
        }
    }
    w.u32(tx.lockTime);
    w.i32(hashType);
    return sha256d(w.data());
}

Bytes segwitV0Preimage(const Transaction &tx, size_t nIn, ByteView scriptCode, Amount amount, int32_t hashType,
                       const SighashCache *cache)
{
    const int base = hashType & 0x1f;
    const bool anyoneCanPay = hashType & SIGHASH_ANYONECANPAY;
    Hash256 zero{};
    Hash256 prevouts = zero, sequence = zero, outputs = zero;
    if (!anyoneCanPay)
        prevouts = cache ? cache->hashPrevouts : hashPrevoutsOf(tx);
    if (!anyoneCanPay && base != SIGHASH_SINGLE && base != SIGHASH_NONE)
        sequence = cache ? cache->hashSequence : hashSequenceOf(tx);
    if (base != SIGHASH_SINGLE && base != SIGHASH_NONE) {
        outputs = cache ? cache->hashOutputs : hashOutputs(tx.outputs);
    } else if (base == SIGHASH_SINGLE && nIn < tx.outputs.size()) {
        Writer o;
        writeOutput(o, tx.outputs[nIn]);
        outputs = sha256d(o.data());
    }
    const TxIn &in = tx.inputs[nIn];
    Writer w;
    w.i32(tx.version);
    w.bytes(prevouts);
    w.bytes(sequence);
    w.bytes(in.prevout.txid);
    w.u32(in.prevout.index);
    w.varBytes(scriptCode);
    w.i64(amount.sat());
    w.u32(in.sequence);
    w.bytes(outputs);
    w.u32(tx.lockTime);
    w.i32(hashType);
    return w.take();
}

Hash256 segwitV0Sighash(const Transaction &tx, size_t nIn, ByteView scriptCode, Amount amount, int32_t hashType,
                        const SighashCache *cache)
{
    return sha256d(segwitV0Preimage(tx, nIn, scriptCode, amount, hashType, cache));
}

} // namespace spillway::bitcoin
