#include "Psbt.h"
#include "Interpreter.h"

#include <QByteArray>

#include <algorithm>

namespace spillway::bitcoin {

namespace {

constexpr uint8_t kMagic[5] = {'p', 's', 'b', 't', 0xff};

enum : uint8_t {
    GLOBAL_UNSIGNED_TX = 0x00,
    GLOBAL_XPUB = 0x01,
    GLOBAL_VERSION = 0xfb,
    PROPRIETARY = 0xfc,
    IN_NON_WITNESS_UTXO = 0x00,
    IN_WITNESS_UTXO = 0x01,
    IN_PARTIAL_SIG = 0x02,
    IN_SIGHASH = 0x03,
    IN_REDEEMSCRIPT = 0x04,
    IN_WITNESSSCRIPT = 0x05,
    IN_BIP32_DERIVATION = 0x06,
    IN_SCRIPTSIG = 0x07,
    IN_SCRIPTWITNESS = 0x08,
    IN_RIPEMD160 = 0x0a,
    IN_SHA256 = 0x0b,
    IN_HASH160 = 0x0c,
    IN_HASH256 = 0x0d,
    OUT_REDEEMSCRIPT = 0x00,
    OUT_WITNESSSCRIPT = 0x01,
    OUT_BIP32_DERIVATION = 0x02,
};

Error psbtError(std::string what)
{
    return makeError(ErrorCode::InvalidPsbt, std::move(what));
}

struct KeyValue {
    Bytes key;
    Bytes value;
};

// Reads one key-value pair; an empty key (the separator) returns nullopt.
Result<std::optional<KeyValue>> readPair(Reader &r)
{
    auto key = r.varBytes();
    if (!key)
        return key.error();
    if (key->empty())
        return std::optional<KeyValue>{};
    auto value = r.varBytes();
    if (!value)
        return value.error();
    return std::optional<KeyValue>{KeyValue{std::move(*key), std::move(*value)}};
}

Status expectKeySize(const KeyValue &kv, size_t size, const char *what)
{
    if (kv.key.size() != size)
        return psbtError(std::string("key size wrong for ") + what);
    return {};
}

Status checkFullyConsumed(const Reader &r, const char *what)
{
    if (!r.atEnd())
        return psbtError(std::string("value size is not the stated size for ") + what);
    return {};
}

Result<KeyOrigin> readOrigin(const Bytes &value)
{
    if (value.empty() || value.size() % 4 != 0)
        return psbtError("invalid length for a key origin");
    KeyOrigin o;
    std::copy(value.begin(), value.begin() + 4, o.fingerprint.begin());
    for (size_t i = 4; i < value.size(); i += 4)
        o.path.push_back(readLe32(&value[i]));
    return o;
}

Bytes writeOrigin(const KeyOrigin &o)
{
    Bytes v(o.fingerprint.begin(), o.fingerprint.end());
    for (uint32_t i : o.path) {
        uint8_t le[4];
        writeLe32(le, i);
        v.insert(v.end(), le, le + 4);
    }
    return v;
}

Status readDerivation(const KeyValue &kv, std::map<Bytes, KeyOrigin> &out)
{
    if (kv.key.size() != 34 && kv.key.size() != 66)
        return psbtError("BIP 32 derivation key has a wrong size");
    Bytes pub(kv.key.begin() + 1, kv.key.end());
    if (!PublicKey::parse(pub))
        return psbtError("BIP 32 derivation key is not a valid public key");
    auto origin = readOrigin(kv.value);
    if (!origin)
        return origin.error();
    out[pub] = *origin;
    return {};
}

void writePair(Writer &w, ByteView key, ByteView value)
{
    w.varBytes(key);
    w.varBytes(value);
}

void writeTyped(Writer &w, uint8_t type, ByteView value)
{
    const uint8_t k[1] = {type};
    writePair(w, k, value);
}

void writeDerivations(Writer &w, uint8_t type, const std::map<Bytes, KeyOrigin> &m)
{
    for (const auto &[pub, origin] : m) {
        Bytes key{type};
        key.insert(key.end(), pub.begin(), pub.end());
        writePair(w, key, writeOrigin(origin));
    }
}

Bytes serializeWitness(const Witness &wit)
{
    Writer w;
    w.compactSize(wit.size());
    for (const auto &item : wit)
        w.varBytes(item);
    return w.take();
}

Bytes serializeTxOut(const TxOut &o)
{
    Writer w;
    w.i64(o.value.sat());
    w.varBytes(o.scriptPubKey.bytes());
    return w.take();
}

Status parseInput(Reader &r, PsbtInput &in)
{
    std::vector<Bytes> seen;
    while (true) {
        auto pair = readPair(r);
        if (!pair)
            return pair.error();
        if (!pair->has_value())
            return {};
        KeyValue kv = std::move(**pair);
        if (std::find(seen.begin(), seen.end(), kv.key) != seen.end())
            return psbtError("duplicate key in an input");
        seen.push_back(kv.key);
        Reader v(kv.value);
        switch (kv.key[0]) {
        case IN_NON_WITNESS_UTXO: {
            SPW_TRY(expectKeySize(kv, 1, "non-witness UTXO"));
            auto tx = Transaction::read(v, true);
            if (!tx)
                return psbtError("non-witness UTXO: " + tx.error().describe());
            SPW_TRY(checkFullyConsumed(v, "non-witness UTXO"));
            in.nonWitnessUtxo = std::move(*tx);
            break;
        }
        case IN_WITNESS_UTXO: {
            SPW_TRY(expectKeySize(kv, 1, "witness UTXO"));
            auto value = v.i64();
            auto spk = value ? v.varBytes() : Result<Bytes>(value.error());
            if (!spk)
                return psbtError("witness UTXO: " + spk.error().describe());
            SPW_TRY(checkFullyConsumed(v, "witness UTXO"));
            in.witnessUtxo = TxOut{Amount::fromSat(*value), Script(std::move(*spk))};
            break;
        }
        case IN_PARTIAL_SIG: {
            if (kv.key.size() != 34 && kv.key.size() != 66)
                return psbtError("partial signature key has a wrong size");
            Bytes pub(kv.key.begin() + 1, kv.key.end());
            auto pk = PublicKey::parse(pub);
            if (!pk)
                return psbtError("partial signature key is not a valid public key");
            in.partialSigs[pk->hash()] = {pub, kv.value};
            break;
        }
        case IN_SIGHASH: {
            SPW_TRY(expectKeySize(kv, 1, "sighash type"));
            auto t = v.u32();
            if (!t)
                return psbtError("sighash type: " + t.error().describe());
            SPW_TRY(checkFullyConsumed(v, "sighash type"));
            in.sighashType = *t;
            break;
        }
        case IN_REDEEMSCRIPT:
            SPW_TRY(expectKeySize(kv, 1, "redeem script"));
            in.redeemScript = Script(kv.value);
            break;
        case IN_WITNESSSCRIPT:
            SPW_TRY(expectKeySize(kv, 1, "witness script"));
            in.witnessScript = Script(kv.value);
            break;
        case IN_BIP32_DERIVATION:
            SPW_TRY(readDerivation(kv, in.bip32));
            break;
        case IN_SCRIPTSIG:
            SPW_TRY(expectKeySize(kv, 1, "final scriptSig"));
            in.finalScriptSig = Script(kv.value);
            break;
        case IN_SCRIPTWITNESS: {
            SPW_TRY(expectKeySize(kv, 1, "final script witness"));
            auto n = v.compactSize();
            if (!n)
                return psbtError("final script witness: " + n.error().describe());
            Witness wit;
            for (uint64_t i = 0; i < *n; ++i) {
                auto item = v.varBytes();
                if (!item)
                    return psbtError("final script witness: " + item.error().describe());
                wit.push_back(std::move(*item));
            }
            SPW_TRY(checkFullyConsumed(v, "final script witness"));
            in.finalScriptWitness = std::move(wit);
            break;
        }
        case IN_RIPEMD160: case IN_SHA256: case IN_HASH160: case IN_HASH256: {
            const uint8_t t = kv.key[0];
            const size_t hashLen = (t == IN_RIPEMD160 || t == IN_HASH160) ? 20 : 32;
            if (kv.key.size() != 1 + hashLen)
                return psbtError("hash preimage key has a wrong size");
            Bytes h;
            if (t == IN_RIPEMD160) {
                auto d = ripemd160(kv.value);
                h.assign(d.begin(), d.end());
            } else if (t == IN_SHA256) {
                auto d = sha256(kv.value);
                h.assign(d.begin(), d.end());
            } else if (t == IN_HASH160) {
                auto d = hash160(kv.value);
                h.assign(d.begin(), d.end());
            } else {
                auto d = sha256d(kv.value);
                h.assign(d.begin(), d.end());
            }
            if (!std::equal(h.begin(), h.end(), kv.key.begin() + 1))
                return psbtError("hash preimage does not match its hash");
            in.preimages[kv.key] = kv.value;
            break;
        }
        case PROPRIETARY:
            in.proprietary[kv.key] = kv.value;
            break;
        default:
            in.unknown[kv.key] = kv.value;
            break;
        }
    }
}

Status parseOutput(Reader &r, PsbtOutput &out)
{
    std::vector<Bytes> seen;
    while (true) {
        auto pair = readPair(r);
        if (!pair)
            return pair.error();
        if (!pair->has_value())
            return {};
        KeyValue kv = std::move(**pair);
        if (std::find(seen.begin(), seen.end(), kv.key) != seen.end())
            return psbtError("duplicate key in an output");
        seen.push_back(kv.key);
        switch (kv.key[0]) {
        case OUT_REDEEMSCRIPT:
            SPW_TRY(expectKeySize(kv, 1, "output redeem script"));
            out.redeemScript = Script(kv.value);
            break;
        case OUT_WITNESSSCRIPT:
            SPW_TRY(expectKeySize(kv, 1, "output witness script"));
            out.witnessScript = Script(kv.value);
            break;
        case OUT_BIP32_DERIVATION:
            SPW_TRY(readDerivation(kv, out.bip32));
            break;
        case PROPRIETARY:
            out.proprietary[kv.key] = kv.value;
            break;
        default:
            out.unknown[kv.key] = kv.value;
            break;
        }
    }
}

// The script that signatures commit to, as BIP 174's signer pseudo-code finds it.
struct SigningTarget {
    SigVersion sigversion;
    Script scriptCode;
    Amount amount;
    bool ok = false;
    std::string error;
};

SigningTarget signingTarget(const Psbt &p, size_t i)
{
    SigningTarget t;
    const PsbtInput &in = p.inputs[i];
    const OutPoint &prev = p.tx.inputs[i].prevout;
    if (in.nonWitnessUtxo) {
        if (in.nonWitnessUtxo->txid() != prev.txid || prev.index >= in.nonWitnessUtxo->outputs.size()) {
            t.error = "non-witness UTXO does not match the outpoint";
            return t;
        }
        const TxOut &spent = in.nonWitnessUtxo->outputs[prev.index];
        t.amount = spent.value;
        Script script = spent.scriptPubKey;
        if (!in.redeemScript.empty()) {
            if (spent.scriptPubKey != p2sh(hash160(in.redeemScript.bytes()))) {
                t.error = "redeem script does not match the non-witness UTXO's scriptPubKey";
                return t;
            }
            script = in.redeemScript;
        }
        int version;
        Bytes program;
        if (!script.witnessProgram(version, program)) {
            t.sigversion = SigVersion::Base;
            t.scriptCode = script;
            t.ok = true;
            return t;
        }
        // A segwit input described by its full previous transaction: fall through
        // to the witness rules with the amount known.
        if (!in.witnessUtxo) {
            if (script.isPayToWitnessPubkeyHash()) {
                Hash160 h;
                std::copy(program.begin(), program.end(), h.begin());
                t.sigversion = SigVersion::WitnessV0;
                t.scriptCode = p2pkh(h);
                t.ok = true;
                return t;
            }
            if (script.isPayToWitnessScriptHash() && script == p2wsh(in.witnessScript)) {
                t.sigversion = SigVersion::WitnessV0;
                t.scriptCode = in.witnessScript;
                t.ok = true;
                return t;
            }
            t.error = "witness script does not match";
            return t;
        }
    }
    if (in.witnessUtxo) {
        t.amount = in.witnessUtxo->value;
        Script script = in.witnessUtxo->scriptPubKey;
        if (!in.redeemScript.empty()) {
            if (script != p2sh(hash160(in.redeemScript.bytes()))) {
                t.error = "redeem script does not match the witness UTXO's scriptPubKey";
                return t;
            }
            script = in.redeemScript;
        }
        if (script.isPayToWitnessPubkeyHash()) {
            Hash160 h;
            std::copy(script.bytes().begin() + 2, script.bytes().end(), h.begin());
            t.sigversion = SigVersion::WitnessV0;
            t.scriptCode = p2pkh(h);
            t.ok = true;
            return t;
        }
        if (script.isPayToWitnessScriptHash()) {
            if (script != p2wsh(in.witnessScript)) {
                t.error = "witness script does not match the scriptPubKey or redeem script";
                return t;
            }
            t.sigversion = SigVersion::WitnessV0;
            t.scriptCode = in.witnessScript;
            t.ok = true;
            return t;
        }
        t.error = "a witness UTXO is given for a non-witness input";
        return t;
    }
    t.error = "the input has no UTXO";
    return t;
}

bool scriptContainsKey(const Script &s, const Bytes &pub)
{
    size_t pc = 0;
    uint8_t op;
    ByteView data;
    const Hash160 h = hash160(pub);
    while (s.getOp(pc, op, &data)) {
        if (data.size() == pub.size() && std::equal(data.begin(), data.end(), pub.begin()))
            return true;
        if (data.size() == 20 && std::equal(data.begin(), data.end(), h.begin()))
            return true;
    }
    return false;
}

} // namespace

bool parseMultisig(const Script &script, int &required, std::vector<Bytes> &keys)
{
    keys.clear();
    size_t pc = 0;
    uint8_t op;
    ByteView data;
    if (!script.getOp(pc, op, &data) || op < OP_1 || op > OP_16)
        return false;
    required = op - (OP_1 - 1);
    while (script.getOp(pc, op, &data)) {
        if (op >= OP_1 && op <= OP_16) {
            const int n = op - (OP_1 - 1);
            uint8_t last;
            if (!script.getOp(pc, last) || last != OP_CHECKMULTISIG || pc != script.size())
                return false;
            return n == static_cast<int>(keys.size()) && required <= n;
        }
        if (data.size() != 33 && data.size() != 65)
            return false;
        keys.emplace_back(data.begin(), data.end());
    }
    return false;
}

Result<Psbt> Psbt::parse(ByteView data)
{
    Reader r(data);
    auto magic = r.bytes(5);
    if (!magic || !std::equal(magic->begin(), magic->end(), kMagic))
        return psbtError("not a PSBT (bad magic bytes)");
    Psbt p;
    bool haveTx = false;
    std::vector<Bytes> seen;
    while (true) {
        auto pair = readPair(r);
        if (!pair)
            return pair.error();
        if (!pair->has_value())
            break;
        KeyValue kv = std::move(**pair);
        if (std::find(seen.begin(), seen.end(), kv.key) != seen.end())
            return psbtError("duplicate global key");
        seen.push_back(kv.key);
        Reader v(kv.value);
        switch (kv.key[0]) {
        case GLOBAL_UNSIGNED_TX: {
            SPW_TRY(expectKeySize(kv, 1, "unsigned transaction"));
            auto tx = Transaction::read(v, false);
            if (!tx)
                return psbtError("unsigned transaction: " + tx.error().describe());
            SPW_TRY(checkFullyConsumed(v, "unsigned transaction"));
            for (const auto &in : tx->inputs)
                if (!in.scriptSig.empty() || !in.witness.empty())
                    return psbtError("the unsigned transaction has scriptSigs or witnesses");
            p.tx = std::move(*tx);
            haveTx = true;
            break;
        }
        case GLOBAL_XPUB: {
            if (kv.key.size() != 79)
                return psbtError("global xpub key has a wrong size");
            auto origin = readOrigin(kv.value);
            if (!origin)
                return origin.error();
            p.xpubs.push_back(GlobalXpub{Bytes(kv.key.begin() + 1, kv.key.end()), *origin});
            break;
        }
        case GLOBAL_VERSION: {
            SPW_TRY(expectKeySize(kv, 1, "version"));
            auto ver = v.u32();
            if (!ver)
                return psbtError("version: " + ver.error().describe());
            SPW_TRY(checkFullyConsumed(v, "version"));
            if (*ver > 0)
                return psbtError("only PSBT version 0 is supported");
            p.version = *ver;
            break;
        }
        case PROPRIETARY:
            p.proprietary[kv.key] = kv.value;
            break;
        default:
            p.unknown[kv.key] = kv.value;
            break;
        }
    }
    if (!haveTx)
        return psbtError("no unsigned transaction was provided");
    p.inputs.resize(p.tx.inputs.size());
    for (size_t i = 0; i < p.inputs.size(); ++i) {
        SPW_TRY(parseInput(r, p.inputs[i]));
        const auto &utxo = p.inputs[i].nonWitnessUtxo;
        const OutPoint &prev = p.tx.inputs[i].prevout;
        if (utxo && (utxo->txid() != prev.txid || prev.index >= utxo->outputs.size()))
            return psbtError("non-witness UTXO does not match the outpoint");
    }
    p.outputs.resize(p.tx.outputs.size());
    for (auto &out : p.outputs)
        SPW_TRY(parseOutput(r, out));
    if (!r.atEnd())
        return psbtError("extra data after the PSBT");
    return p;
}

Result<Psbt> Psbt::parseText(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    if (text.size() > 10 && text.substr(0, 10) == "70736274ff") {
        auto raw = fromHex(text);
        if (!raw)
            return raw.error();
        return parse(*raw);
    }
    auto decoded = QByteArray::fromBase64Encoding(QByteArray(text.data(), static_cast<qsizetype>(text.size())),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return psbtError("neither base64 nor hex");
    const QByteArray &b = *decoded;
    return parse(ByteView(reinterpret_cast<const uint8_t *>(b.constData()), static_cast<size_t>(b.size())));
}

Bytes Psbt::serialize() const
{
    Writer w;
    w.bytes(kMagic);
    writeTyped(w, GLOBAL_UNSIGNED_TX, tx.serialize(false));
    for (const auto &x : xpubs) {
        Bytes key{GLOBAL_XPUB};
        key.insert(key.end(), x.xpub.begin(), x.xpub.end());
        writePair(w, key, writeOrigin(x.origin));
    }
    if (version && *version > 0) {
        Writer v;
        v.u32(*version);
        writeTyped(w, GLOBAL_VERSION, v.data());
    }
    for (const auto &[k, v] : proprietary)
        writePair(w, k, v);
    for (const auto &[k, v] : unknown)
        writePair(w, k, v);
    w.u8(0);

    for (const auto &in : inputs) {
        if (in.nonWitnessUtxo)
            writeTyped(w, IN_NON_WITNESS_UTXO, in.nonWitnessUtxo->serialize(true));
        if (in.witnessUtxo)
            writeTyped(w, IN_WITNESS_UTXO, serializeTxOut(*in.witnessUtxo));
        if (!in.isFinalized()) {
            for (const auto &[id, sig] : in.partialSigs) {
                Bytes key{IN_PARTIAL_SIG};
                key.insert(key.end(), sig.first.begin(), sig.first.end());
                writePair(w, key, sig.second);
            }
            if (in.sighashType) {
                Writer v;
                v.u32(*in.sighashType);
                writeTyped(w, IN_SIGHASH, v.data());
            }
            if (!in.redeemScript.empty())
                writeTyped(w, IN_REDEEMSCRIPT, in.redeemScript.bytes());
            if (!in.witnessScript.empty())
                writeTyped(w, IN_WITNESSSCRIPT, in.witnessScript.bytes());
            writeDerivations(w, IN_BIP32_DERIVATION, in.bip32);
            for (const auto &[k, v] : in.preimages)
                writePair(w, k, v);
        }
        if (!in.finalScriptSig.empty())
            writeTyped(w, IN_SCRIPTSIG, in.finalScriptSig.bytes());
        if (!in.finalScriptWitness.empty())
            writeTyped(w, IN_SCRIPTWITNESS, serializeWitness(in.finalScriptWitness));
        for (const auto &[k, v] : in.proprietary)
            writePair(w, k, v);
        for (const auto &[k, v] : in.unknown)
            writePair(w, k, v);
        w.u8(0);
    }
    for (const auto &out : outputs) {
        if (!out.redeemScript.empty())
            writeTyped(w, OUT_REDEEMSCRIPT, out.redeemScript.bytes());
        if (!out.witnessScript.empty())
            writeTyped(w, OUT_WITNESSSCRIPT, out.witnessScript.bytes());
        writeDerivations(w, OUT_BIP32_DERIVATION, out.bip32);
        for (const auto &[k, v] : out.proprietary)
            writePair(w, k, v);
        for (const auto &[k, v] : out.unknown)
            writePair(w, k, v);
        w.u8(0);
    }
    return w.take();
}

std::string Psbt::toBase64() const
{
    Bytes b = serialize();
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())).toBase64().toStdString();
}

Result<Psbt> Psbt::create(const Transaction &unsignedTx)
{
    Psbt p;
    p.tx = unsignedTx;
    for (auto &in : p.tx.inputs) {
        if (!in.scriptSig.empty() || !in.witness.empty())
            return psbtError("the creator takes an unsigned transaction");
    }
    p.inputs.resize(p.tx.inputs.size());
    p.outputs.resize(p.tx.outputs.size());
    return p;
}

Status Psbt::update(const PsbtUpdateData &data)
{
    for (size_t i = 0; i < inputs.size(); ++i) {
        PsbtInput &in = inputs[i];
        const OutPoint &prev = tx.inputs[i].prevout;
        std::optional<TxOut> spent = spentOutput(i);
        for (const auto &ptx : data.previousTransactions) {
            if (ptx.txid() != prev.txid)
                continue;
            if (prev.index >= ptx.outputs.size())
                return makeError(ErrorCode::PsbtMismatch, "previous transaction lacks the spent output");
            spent = ptx.outputs[prev.index];
            // Non-witness inputs need the whole transaction; segwit ones only the output.
            Script s = spent->scriptPubKey;
            if (s.isPayToScriptHash()) {
                for (const auto &rs : data.redeemScripts)
                    if (p2sh(hash160(rs.bytes())) == s)
                        s = rs;
            }
            int ver;
            Bytes prog;
            if (s.witnessProgram(ver, prog))
                in.witnessUtxo = *spent;
            else
                in.nonWitnessUtxo = ptx;
        }
        if (!spent)
            continue;
        Script current = spent->scriptPubKey;
        if (current.isPayToScriptHash()) {
            for (const auto &rs : data.redeemScripts)
                if (p2sh(hash160(rs.bytes())) == current) {
                    in.redeemScript = rs;
                    current = rs;
                }
        }
        if (current.isPayToWitnessScriptHash()) {
            for (const auto &ws : data.witnessScripts)
                if (p2wsh(ws) == current) {
                    in.witnessScript = ws;
                    current = ws;
                }
        }
        for (const auto &[pub, origin] : data.keyOrigins)
            if (scriptContainsKey(current, pub))
                in.bip32[pub] = origin;
    }
    for (size_t o = 0; o < outputs.size(); ++o) {
        const Script &spk = tx.outputs[o].scriptPubKey;
        for (const auto &[pub, origin] : data.keyOrigins) {
            const Hash160 h = hash160(pub);
            if (spk == p2wpkh(h) || spk == p2pkh(h) || spk == p2sh(hash160(p2wpkh(h).bytes())))
                outputs[o].bip32[pub] = origin;
        }
    }
    return {};
}

void Psbt::setSighashType(uint32_t type)
{
    for (auto &in : inputs)
        in.sighashType = type;
}

Result<int> Psbt::sign(const PrivateKey &key)
{
    const Bytes pub = key.publicKey().bytes();
    const SighashCache cache(tx);
    int added = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
        PsbtInput &in = inputs[i];
        if (in.isFinalized())
            continue;
        SigningTarget t = signingTarget(*this, i);
        if (!t.ok)
            return makeError(ErrorCode::PsbtMismatch, "input " + std::to_string(i) + ": " + t.error);
        if (!scriptContainsKey(t.scriptCode, pub))
            continue;
        const uint32_t hashType = in.sighashType.value_or(SIGHASH_ALL);
        const Hash256 digest =
            t.sigversion == SigVersion::WitnessV0
                ? segwitV0Sighash(tx, i, t.scriptCode.bytes(), t.amount, static_cast<int32_t>(hashType), &cache)
                : legacySighash(tx, i, t.scriptCode, static_cast<int32_t>(hashType));
        Bytes sig = key.signDer(digest);
        sig.push_back(static_cast<uint8_t>(hashType));
        in.partialSigs[hash160(pub)] = {pub, std::move(sig)};
        ++added;
    }
    return added;
}

Status Psbt::combine(const Psbt &other)
{
    if (other.tx.txid() != tx.txid() || other.inputs.size() != inputs.size() || other.outputs.size() != outputs.size())
        return makeError(ErrorCode::PsbtMismatch, "the PSBTs are for different transactions");
    for (const auto &x : other.xpubs) {
        bool have = std::any_of(xpubs.begin(), xpubs.end(), [&](const GlobalXpub &y) { return y.xpub == x.xpub; });
        if (!have)
            xpubs.push_back(x);
    }
    proprietary.insert(other.proprietary.begin(), other.proprietary.end());
    unknown.insert(other.unknown.begin(), other.unknown.end());
    for (size_t i = 0; i < inputs.size(); ++i) {
        PsbtInput &a = inputs[i];
        const PsbtInput &b = other.inputs[i];
        if (!a.nonWitnessUtxo && b.nonWitnessUtxo)
            a.nonWitnessUtxo = b.nonWitnessUtxo;
        if (!a.witnessUtxo && b.witnessUtxo)
            a.witnessUtxo = b.witnessUtxo;
        a.partialSigs.insert(b.partialSigs.begin(), b.partialSigs.end());
        if (!a.sighashType && b.sighashType)
            a.sighashType = b.sighashType;
        if (a.redeemScript.empty())
            a.redeemScript = b.redeemScript;
        if (a.witnessScript.empty())
            a.witnessScript = b.witnessScript;
        a.bip32.insert(b.bip32.begin(), b.bip32.end());
        a.preimages.insert(b.preimages.begin(), b.preimages.end());
        if (a.finalScriptSig.empty())
            a.finalScriptSig = b.finalScriptSig;
        if (a.finalScriptWitness.empty())
            a.finalScriptWitness = b.finalScriptWitness;
        a.proprietary.insert(b.proprietary.begin(), b.proprietary.end());
        a.unknown.insert(b.unknown.begin(), b.unknown.end());
    }
    for (size_t o = 0; o < outputs.size(); ++o) {
        PsbtOutput &a = outputs[o];
        const PsbtOutput &b = other.outputs[o];
        if (a.redeemScript.empty())
            a.redeemScript = b.redeemScript;
        if (a.witnessScript.empty())
            a.witnessScript = b.witnessScript;
        a.bip32.insert(b.bip32.begin(), b.bip32.end());
        a.proprietary.insert(b.proprietary.begin(), b.proprietary.end());
        a.unknown.insert(b.unknown.begin(), b.unknown.end());
    }
    return {};
}

std::optional<TxOut> Psbt::spentOutput(size_t i) const
{
    const PsbtInput &in = inputs[i];
    if (in.witnessUtxo)
        return in.witnessUtxo;
    if (in.nonWitnessUtxo && tx.inputs[i].prevout.index < in.nonWitnessUtxo->outputs.size())
        return in.nonWitnessUtxo->outputs[tx.inputs[i].prevout.index];
    return std::nullopt;
}

Status Psbt::finalize()
{
    const SighashCache cache(tx);
    for (size_t i = 0; i < inputs.size(); ++i) {
        PsbtInput &in = inputs[i];
        if (in.isFinalized())
            continue;
        SigningTarget t = signingTarget(*this, i);
        if (!t.ok)
            return makeError(ErrorCode::PsbtMismatch, "input " + std::to_string(i) + ": " + t.error);
        auto sigFor = [&](const Bytes &pub) -> const Bytes * {
            auto it = in.partialSigs.find(hash160(pub));
            return it == in.partialSigs.end() ? nullptr : &it->second.second;
        };
        Script inner = in.redeemScript.empty() ? spentOutput(i)->scriptPubKey : in.redeemScript;
        const bool p2shWrapped = !in.redeemScript.empty();
        Script scriptSig;
        Witness witness;
        int required;
        std::vector<Bytes> keys;
        if (inner.isPayToWitnessPubkeyHash()) {
            const std::pair<Bytes, Bytes> *found = nullptr;
            for (const auto &[id, ps] : in.partialSigs)
                if (std::equal(id.begin(), id.end(), inner.bytes().begin() + 2))
                    found = &ps;
            if (!found)
                return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + " lacks its signature");
            witness = {found->second, found->first};
        } else if (inner.isPayToWitnessScriptHash()) {
            if (!parseMultisig(in.witnessScript, required, keys))
                return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + ": unknown witness script");
            witness.push_back({});
            for (const auto &k : keys)
                if (const Bytes *s = sigFor(k); s && static_cast<int>(witness.size()) <= required)
                    witness.push_back(*s);
            if (static_cast<int>(witness.size()) != required + 1)
                return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + " lacks signatures");
            witness.push_back(in.witnessScript.bytes());
        } else if (parseMultisig(inner, required, keys)) {
            ScriptBuilder b;
            b.op(OP_0);
            int n = 0;
            for (const auto &k : keys)
                if (const Bytes *s = sigFor(k); s && n < required) {
                    b.push(*s);
                    ++n;
                }
            if (n != required)
                return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + " lacks signatures");
            scriptSig = b.build();
        } else if (inner.size() == 25 && inner.bytes()[0] == OP_DUP) {
            const std::pair<Bytes, Bytes> *found = nullptr;
            for (const auto &[id, ps] : in.partialSigs)
                if (std::equal(id.begin(), id.end(), inner.bytes().begin() + 3))
                    found = &ps;
            if (!found)
                return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + " lacks its signature");
            scriptSig = ScriptBuilder().push(found->second).push(found->first).build();
        } else {
            return makeError(ErrorCode::PsbtIncomplete, "input " + std::to_string(i) + ": unsupported script");
        }
        if (p2shWrapped)
            scriptSig = ScriptBuilder().raw(scriptSig.bytes()).push(in.redeemScript.bytes()).build();

        // Prove the completed input with the interpreter before accepting it.
        Transaction check = tx;
        check.inputs[i].scriptSig = scriptSig;
        check.inputs[i].witness = witness;
        const TxOut spent = *spentOutput(i);
        const ScriptError err = verifyInput(check, i, spent, kStandardFlags, nullptr);
        if (err != ScriptError::OK)
            return makeError(ErrorCode::ScriptFailed, "input " + std::to_string(i) + ": " + std::string(scriptErrorName(err)));
        in.finalScriptSig = scriptSig;
        in.finalScriptWitness = witness;
        in.partialSigs.clear();
        in.sighashType.reset();
        in.redeemScript = Script();
        in.witnessScript = Script();
        in.bip32.clear();
        in.preimages.clear();
    }
    return {};
}

bool Psbt::isComplete() const
{
    return std::all_of(inputs.begin(), inputs.end(), [](const PsbtInput &in) { return in.isFinalized(); });
}

Result<Transaction> Psbt::extract() const
{
    if (!isComplete())
        return makeError(ErrorCode::PsbtIncomplete, "not every input is finalized");
    Transaction out = tx;
    for (size_t i = 0; i < inputs.size(); ++i) {
        out.inputs[i].scriptSig = inputs[i].finalScriptSig;
        out.inputs[i].witness = inputs[i].finalScriptWitness;
    }
    return out;
}

} // namespace spillway::bitcoin
