#include "Script.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace spillway::bitcoin {

std::string_view opcodeName(uint8_t op)
{
    switch (op) {
    case OP_1NEGATE: return "-1";
    case OP_RESERVED: return "RESERVED";
    case OP_NOP: return "NOP";
    case OP_VER: return "VER";
    case OP_IF: return "IF";
    case OP_NOTIF: return "NOTIF";
    case OP_VERIF: return "VERIF";
    case OP_VERNOTIF: return "VERNOTIF";
    case OP_ELSE: return "ELSE";
    case OP_ENDIF: return "ENDIF";
    case OP_VERIFY: return "VERIFY";
    case OP_RETURN: return "RETURN";
    case OP_TOALTSTACK: return "TOALTSTACK";
    case OP_FROMALTSTACK: return "FROMALTSTACK";
    case OP_2DROP: return "2DROP";
    case OP_2DUP: return "2DUP";
    case OP_3DUP: return "3DUP";
    case OP_2OVER: return "2OVER";
    case OP_2ROT: return "2ROT";
    case OP_2SWAP: return "2SWAP";
    case OP_IFDUP: return "IFDUP";
    case OP_DEPTH: return "DEPTH";
    case OP_DROP: return "DROP";
    case OP_DUP: return "DUP";
    case OP_NIP: return "NIP";
    case OP_OVER: return "OVER";
    case OP_PICK: return "PICK";
    case OP_ROLL: return "ROLL";
    case OP_ROT: return "ROT";
    case OP_SWAP: return "SWAP";
    case OP_TUCK: return "TUCK";
    case OP_CAT: return "CAT";
    case OP_SUBSTR: return "SUBSTR";
    case OP_LEFT: return "LEFT";
    case OP_RIGHT: return "RIGHT";
    case OP_SIZE: return "SIZE";
    case OP_INVERT: return "INVERT";
    case OP_AND: return "AND";
    case OP_OR: return "OR";
    case OP_XOR: return "XOR";
    case OP_EQUAL: return "EQUAL";
    case OP_EQUALVERIFY: return "EQUALVERIFY";
    case OP_RESERVED1: return "RESERVED1";
    case OP_RESERVED2: return "RESERVED2";
    case OP_1ADD: return "1ADD";
    case OP_1SUB: return "1SUB";
    case OP_2MUL: return "2MUL";
    case OP_2DIV: return "2DIV";
    case OP_NEGATE: return "NEGATE";
    case OP_ABS: return "ABS";
    case OP_NOT: return "NOT";
    case OP_0NOTEQUAL: return "0NOTEQUAL";
    case OP_ADD: return "ADD";
    case OP_SUB: return "SUB";
    case OP_MUL: return "MUL";
    case OP_DIV: return "DIV";
    case OP_MOD: return "MOD";
    case OP_LSHIFT: return "LSHIFT";
    case OP_RSHIFT: return "RSHIFT";
    case OP_BOOLAND: return "BOOLAND";
    case OP_BOOLOR: return "BOOLOR";
    case OP_NUMEQUAL: return "NUMEQUAL";
    case OP_NUMEQUALVERIFY: return "NUMEQUALVERIFY";
    case OP_NUMNOTEQUAL: return "NUMNOTEQUAL";
    case OP_LESSTHAN: return "LESSTHAN";
    case OP_GREATERTHAN: return "GREATERTHAN";
    case OP_LESSTHANOREQUAL: return "LESSTHANOREQUAL";
    case OP_GREATERTHANOREQUAL: return "GREATERTHANOREQUAL";
    case OP_MIN: return "MIN";
    case OP_MAX: return "MAX";
    case OP_WITHIN: return "WITHIN";
    case OP_RIPEMD160: return "RIPEMD160";
    case OP_SHA1: return "SHA1";
    case OP_SHA256: return "SHA256";
    case OP_HASH160: return "HASH160";
    case OP_HASH256: return "HASH256";
    case OP_CODESEPARATOR: return "CODESEPARATOR";
    case OP_CHECKSIG: return "CHECKSIG";
    case OP_CHECKSIGVERIFY: return "CHECKSIGVERIFY";
    case OP_CHECKMULTISIG: return "CHECKMULTISIG";
    case OP_CHECKMULTISIGVERIFY: return "CHECKMULTISIGVERIFY";
    case OP_NOP1: return "NOP1";
    case OP_CHECKLOCKTIMEVERIFY: return "CHECKLOCKTIMEVERIFY";
    case OP_CHECKSEQUENCEVERIFY: return "CHECKSEQUENCEVERIFY";
    case OP_NOP4: return "NOP4";
    case OP_NOP5: return "NOP5";
    case OP_NOP6: return "NOP6";
    case OP_NOP7: return "NOP7";
    case OP_NOP8: return "NOP8";
    case OP_NOP9: return "NOP9";
    case OP_NOP10: return "NOP10";
    case OP_CHECKSIGADD: return "CHECKSIGADD";
    default: return "";
    }
}

bool Script::getOp(size_t &pc, uint8_t &opcode, ByteView *data) const
{
    opcode = OP_INVALIDOPCODE;
    const size_t end = m_bytes.size();
    if (pc >= end)
        return false;
    uint8_t op = m_bytes[pc++];
    if (op <= OP_PUSHDATA4) {
        size_t n = 0;
        if (op < OP_PUSHDATA1) {
            n = op;
        } else if (op == OP_PUSHDATA1) {
            if (end - pc < 1)
                return false;
            n = m_bytes[pc];
            pc += 1;
        } else if (op == OP_PUSHDATA2) {
            if (end - pc < 2)
                return false;
            n = size_t(m_bytes[pc]) | size_t(m_bytes[pc + 1]) << 8;
            pc += 2;
        } else {
            if (end - pc < 4)
                return false;
            n = readLe32(&m_bytes[pc]);
            pc += 4;
        }
        if (end - pc < n)
            return false;
        if (data)
            *data = ByteView(m_bytes).subspan(pc, n);
        pc += n;
    } else if (data) {
        *data = {};
    }
    opcode = op;
    return true;
}

bool Script::isPayToScriptHash() const
{
    return m_bytes.size() == 23 && m_bytes[0] == OP_HASH160 && m_bytes[1] == 0x14 && m_bytes[22] == OP_EQUAL;
}

bool Script::isPayToWitnessScriptHash() const
{
    return m_bytes.size() == 34 && m_bytes[0] == OP_0 && m_bytes[1] == 0x20;
}

bool Script::isPayToWitnessPubkeyHash() const
{
    return m_bytes.size() == 22 && m_bytes[0] == OP_0 && m_bytes[1] == 0x14;
}

bool Script::isPushOnly(size_t pc) const
{
    uint8_t op;
    while (pc < m_bytes.size()) {
        if (!getOp(pc, op))
            return false;
        if (op > OP_16)
            return false;
    }
    return true;
}

bool Script::witnessProgram(int &version, Bytes &program) const
{
    if (m_bytes.size() < 4 || m_bytes.size() > 42)
        return false;
    if (m_bytes[0] != OP_0 && (m_bytes[0] < OP_1 || m_bytes[0] > OP_16))
        return false;
    if (size_t(m_bytes[1]) + 2 != m_bytes.size())
        return false;
    version = m_bytes[0] == OP_0 ? 0 : m_bytes[0] - (OP_1 - 1);
    program.assign(m_bytes.begin() + 2, m_bytes.end());
    return true;
}

unsigned Script::sigOpCount(bool accurate) const
{
    unsigned n = 0;
    size_t pc = 0;
    uint8_t last = OP_INVALIDOPCODE, op;
    while (pc < m_bytes.size()) {
        if (!getOp(pc, op))
            break;
        if (op == OP_CHECKSIG || op == OP_CHECKSIGVERIFY) {
            n++;
        } else if (op == OP_CHECKMULTISIG || op == OP_CHECKMULTISIGVERIFY) {
            if (accurate && last >= OP_1 && last <= OP_16)
                n += last - (OP_1 - 1);
            else
                n += kMaxPubkeysPerMultisig;
        }
        last = op;
    }
    return n;
}

std::string Script::toAsm() const
{
    std::string out;
    size_t pc = 0;
    uint8_t op;
    ByteView data;
    while (pc < m_bytes.size()) {
        if (!out.empty())
            out += ' ';
        if (!getOp(pc, op, &data)) {
            out += "[error]";
            break;
        }
        if (op == OP_0) {
            out += "0";
        } else if (op <= OP_PUSHDATA4) {
            out += toHex(data);
        } else if (op >= OP_1 && op <= OP_16) {
            out += std::to_string(op - (OP_1 - 1));
        } else {
            std::string_view name = opcodeName(op);
            out += name.empty() ? "OP_UNKNOWN" : "OP_" + std::string(name);
        }
    }
    return out;
}

Bytes scriptNumEncode(int64_t value)
{
    Bytes out;
    if (value == 0)
        return out;
    const bool neg = value < 0;
    uint64_t abs = neg ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    while (abs) {
        out.push_back(static_cast<uint8_t>(abs & 0xff));
        abs >>= 8;
    }
    if (out.back() & 0x80)
        out.push_back(neg ? 0x80 : 0);
    else if (neg)
        out.back() |= 0x80;
    return out;
}

ScriptBuilder &ScriptBuilder::push(ByteView data)
{
    const size_t n = data.size();
    if (n < OP_PUSHDATA1) {
        m_bytes.push_back(static_cast<uint8_t>(n));
    } else if (n <= 0xff) {
        m_bytes.push_back(OP_PUSHDATA1);
        m_bytes.push_back(static_cast<uint8_t>(n));
    } else if (n <= 0xffff) {
        m_bytes.push_back(OP_PUSHDATA2);
        m_bytes.push_back(static_cast<uint8_t>(n));
        m_bytes.push_back(static_cast<uint8_t>(n >> 8));
    } else {
        m_bytes.push_back(OP_PUSHDATA4);
        uint8_t le[4];
        writeLe32(le, static_cast<uint32_t>(n));
        m_bytes.insert(m_bytes.end(), le, le + 4);
    }
    m_bytes.insert(m_bytes.end(), data.begin(), data.end());
    return *this;
}

ScriptBuilder &ScriptBuilder::number(int64_t n)
{
    if (n == -1 || (n >= 1 && n <= 16))
        return op(static_cast<uint8_t>(n + (OP_1 - 1)));
    if (n == 0)
        return op(OP_0);
    return push(scriptNumEncode(n));
}

Script p2pkh(const Hash160 &keyHash)
{
    return ScriptBuilder().op(OP_DUP).op(OP_HASH160).push(keyHash).op(OP_EQUALVERIFY).op(OP_CHECKSIG).build();
}

Script p2sh(const Hash160 &scriptHash)
{
    return ScriptBuilder().op(OP_HASH160).push(scriptHash).op(OP_EQUAL).build();
}

Script witnessProgramScript(int version, ByteView program)
{
    ScriptBuilder b;
    b.op(version == 0 ? uint8_t(OP_0) : static_cast<uint8_t>(OP_1 + version - 1));
    b.push(program);
    return b.build();
}

Script witnessV0(ByteView program)
{
    return witnessProgramScript(0, program);
}

Script p2wpkh(const Hash160 &keyHash)
{
    return witnessV0(keyHash);
}

Script p2wsh(const Script &witnessScript)
{
    return witnessV0(sha256(witnessScript.bytes()));
}

Script multisig(int required, const std::vector<Bytes> &pubkeys)
{
    ScriptBuilder b;
    b.number(required);
    for (const auto &k : pubkeys)
        b.push(k);
    b.number(static_cast<int64_t>(pubkeys.size()));
    b.op(OP_CHECKMULTISIG);
    return b.build();
}

Script channelRefundScript(ByteView payerPub, ByteView payeePub)
{
    return multisig(2, {Bytes(payerPub.begin(), payerPub.end()), Bytes(payeePub.begin(), payeePub.end())});
}

Script channelCltvScript(ByteView payerPub, ByteView payeePub, uint32_t expiry)
{
    return ScriptBuilder()
        .op(OP_IF)
        .push(payeePub)
        .op(OP_CHECKSIGVERIFY)
        .op(OP_ELSE)
        .number(expiry)
        .op(OP_CHECKLOCKTIMEVERIFY)
        .op(OP_DROP)
        .op(OP_ENDIF)
        .push(payerPub)
        .op(OP_CHECKSIG)
        .build();
}

Script payerLockedScript(ByteView payerPub)
{
    return ScriptBuilder().push(payerPub).op(OP_CHECKSIGVERIFY).op(OP_1).op(OP_CHECKSEQUENCEVERIFY).build();
}

OutputType outputType(const Script &spk)
{
    const Bytes &b = spk.bytes();
    const size_t n = b.size();
    if (spk.isPayToScriptHash())
        return OutputType::ScriptHash;
    int version = 0;
    Bytes program;
    if (spk.witnessProgram(version, program)) {
        if (version == 0 && program.size() == 20)
            return OutputType::WitnessV0KeyHash;
        if (version == 0 && program.size() == 32)
            return OutputType::WitnessV0ScriptHash;
        if (version == 1 && program.size() == 32)
            return OutputType::WitnessV1Taproot;
        if (version == 1 && program == Bytes{0x4e, 0x73})
            return OutputType::Anchor;
        if (version != 0)
            return OutputType::WitnessUnknown;
        return OutputType::NonStandard;
    }
    if (n >= 1 && b[0] == OP_RETURN && spk.isPushOnly(1))
        return OutputType::NullData;
    // Core's CPubKey::ValidSize: 33 bytes (02/03) or 65 (04, and the hybrid 06/07).
    auto validKey = [](ByteView k) {
        return (k.size() == 33 && (k[0] == 2 || k[0] == 3)) || (k.size() == 65 && (k[0] == 4 || k[0] == 6 || k[0] == 7));
    };
    if ((n == 35 && b[0] == 33 && validKey(ByteView(b).subspan(1, 33)) && b[34] == OP_CHECKSIG) ||
        (n == 67 && b[0] == 65 && validKey(ByteView(b).subspan(1, 65)) && b[66] == OP_CHECKSIG))
        return OutputType::PubKey;
    if (n == 25 && b[0] == OP_DUP && b[1] == OP_HASH160 && b[2] == 20 && b[23] == OP_EQUALVERIFY && b[24] == OP_CHECKSIG)
        return OutputType::PubKeyHash;
    // Bare multisig: OP_m <33 or 65-byte keys> OP_n OP_CHECKMULTISIG, 1 <= m <= n <= 16.
    if (n >= 3 && b[n - 1] == OP_CHECKMULTISIG && b[0] >= OP_1 && b[0] <= OP_16 && b[n - 2] >= OP_1 && b[n - 2] <= OP_16) {
        const int required = b[0] - OP_1 + 1;
        const int total = b[n - 2] - OP_1 + 1;
        size_t pc = 1;
        int keys = 0;
        uint8_t op = 0;
        ByteView data;
        while (pc < n - 2 && spk.getOp(pc, op, &data)) {
            if (!validKey(data) || op != data.size())
                return OutputType::NonStandard;
            ++keys;
        }
        if (pc == n - 2 && keys == total && required <= total)
            return OutputType::Multisig;
    }
    return OutputType::NonStandard;
}

bool isStandardOutput(const Script &spk)
{
    switch (outputType(spk)) {
    case OutputType::NonStandard:
        return false;
    case OutputType::Multisig: {
        // Core: bare multisig only up to 3 keys (and -permitbaremultisig, on by default).
        const Bytes &b = spk.bytes();
        return b[b.size() - 2] - OP_1 + 1 <= 3;
    }
    case OutputType::NullData:
        // Core v30: -datacarriersize defaults to 100,000 bytes for all OP_RETURN outputs.
        return spk.size() <= 100000;
    default:
        return true;
    }
}

bool isStandardPayoutScript(const Script &spk)
{
    switch (outputType(spk)) {
    case OutputType::WitnessV0KeyHash:
    case OutputType::WitnessV0ScriptHash:
    case OutputType::WitnessV1Taproot:
    case OutputType::PubKeyHash:
    case OutputType::ScriptHash:
        return true;
    default:
        return false;
    }
}

Result<Script> parseCoreAsm(std::string_view text)
{
    ScriptBuilder b;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        size_t start = i;
        while (i < text.size() && !(text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
            ++i;
        std::string_view w = text.substr(start, i - start);
        if (w.empty())
            continue;
        const bool digits = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
        const bool negDigits = w.size() > 1 && w[0] == '-' &&
                               std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits || negDigits) {
            int64_t n = 0;
            auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), n);
            if (ec != std::errc() || n > int64_t{0xffffffff} || n < -int64_t{0xffffffff})
                return makeError(ErrorCode::InvalidScript, "number out of range: " + std::string(w));
            b.number(n);
        } else if (w.size() > 2 && w.substr(0, 2) == "0x") {
            auto raw = fromHex(w.substr(2));
            if (!raw)
                return makeError(ErrorCode::InvalidScript, "bad hex: " + std::string(w));
            b.raw(*raw);
        } else if (w.size() >= 2 && w.front() == '\'' && w.back() == '\'') {
            b.push(asBytes(w.substr(1, w.size() - 2)));
        } else {
            std::string_view name = w.substr(0, 3) == "OP_" ? w.substr(3) : w;
            bool found = false;
            for (int op = OP_NOP; op <= OP_CHECKSIGADD && !found; ++op) {
                if (opcodeName(static_cast<uint8_t>(op)) == name) {
                    b.op(static_cast<uint8_t>(op));
                    found = true;
                }
            }
            if (!found && name == "RESERVED") {
                b.op(OP_RESERVED);
                found = true;
            }
            if (!found)
                return makeError(ErrorCode::InvalidScript, "unknown opcode: " + std::string(w));
        }
    }
    return b.build();
}

int64_t dustThreshold(const Script &spk)
{
    if (spk.isUnspendable())
        return 0;
    Writer w;
    w.compactSize(spk.size());
    int64_t size = 8 + static_cast<int64_t>(w.data().size() + spk.size());
    int version;
    Bytes program;
    if (spk.witnessProgram(version, program))
        size += 32 + 4 + 1 + (107 / 4) + 4;
    else
        size += 32 + 4 + 1 + 107 + 4;
    return (3000 * size + 999) / 1000;
}

} // namespace spillway::bitcoin
