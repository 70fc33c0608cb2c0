#include "Interpreter.h"
#include "Key.h"

#include <algorithm>
#include <optional>

namespace spillway::bitcoin {

namespace {

constexpr int64_t kLocktimeThreshold = 500000000;

// CScriptNum decoding failure (non-minimal or too long): Core's scriptnum_error.
struct ScriptNumError {};

int64_t decodeNum(const Bytes &v, bool requireMinimal, size_t maxSize = 4)
{
    if (v.size() > maxSize)
        throw ScriptNumError{};
    if (requireMinimal && !v.empty()) {
        if ((v.back() & 0x7f) == 0) {
            if (v.size() <= 1 || (v[v.size() - 2] & 0x80) == 0)
                throw ScriptNumError{};
        }
    }
    if (v.empty())
        return 0;
    int64_t result = 0;
    for (size_t i = 0; i < v.size(); ++i)
        result |= static_cast<int64_t>(v[i]) << (8 * i);
    if (v.back() & 0x80)
        return -static_cast<int64_t>(result & ~(0x80LL << (8 * (v.size() - 1))));
    return result;
}

int clampInt(int64_t v)
{
    if (v > INT32_MAX)
        return INT32_MAX;
    if (v < INT32_MIN)
        return INT32_MIN;
    return static_cast<int>(v);
}

bool castToBool(const Bytes &v)
{
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] != 0) {
            if (i == v.size() - 1 && v[i] == 0x80)
                return false;
            return true;
        }
    }
    return false;
}

bool checkMinimalPush(const ByteView &data, uint8_t opcode)
{
    if (data.empty())
        return opcode == OP_0;
    if (data.size() == 1 && data[0] >= 1 && data[0] <= 16)
        return false;
    if (data.size() == 1 && data[0] == 0x81)
        return false;
    if (data.size() <= 75)
        return opcode == data.size();
    if (data.size() <= 255)
        return opcode == OP_PUSHDATA1;
    if (data.size() <= 65535)
        return opcode == OP_PUSHDATA2;
    return true;
}

bool isCompressedOrUncompressedPubKey(const Bytes &k)
{
    if (k.size() < 33)
        return false;
    if (k[0] == 0x04)
        return k.size() == 65;
    if (k[0] == 0x02 || k[0] == 0x03)
        return k.size() == 33;
    return false;
}

bool isCompressedPubKey(const Bytes &k)
{
    return k.size() == 33 && (k[0] == 0x02 || k[0] == 0x03);
}

bool isDefinedHashtypeSignature(const Bytes &sig)
{
    if (sig.empty())
        return false;
    const int t = sig.back() & ~SIGHASH_ANYONECANPAY;
    return t >= SIGHASH_ALL && t <= SIGHASH_SINGLE;
}

bool fail(ScriptError &err, ScriptError e)
{
    err = e;
    return false;
}

bool checkSignatureEncoding(const Bytes &sig, uint32_t flags, ScriptError &err)
{
    if (sig.empty())
        return true;
    if ((flags & (SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_LOW_S | SCRIPT_VERIFY_STRICTENC)) &&
        !isValidSignatureEncoding(sig))
        return fail(err, ScriptError::SIG_DER);
    if (flags & SCRIPT_VERIFY_LOW_S) {
        if (!isLowDerSignature(ByteView(sig).first(sig.size() - 1)))
            return fail(err, ScriptError::SIG_HIGH_S);
    }
    if ((flags & SCRIPT_VERIFY_STRICTENC) && !isDefinedHashtypeSignature(sig))
        return fail(err, ScriptError::SIG_HASHTYPE);
    return true;
}

bool checkPubKeyEncoding(const Bytes &key, uint32_t flags, SigVersion sigversion, ScriptError &err)
{
    if ((flags & SCRIPT_VERIFY_STRICTENC) && !isCompressedOrUncompressedPubKey(key))
        return fail(err, ScriptError::PUBKEYTYPE);
    if ((flags & SCRIPT_VERIFY_WITNESS_PUBKEYTYPE) && sigversion == SigVersion::WitnessV0 && !isCompressedPubKey(key))
        return fail(err, ScriptError::WITNESS_PUBKEYTYPE);
    return true;
}

// Core's FindAndDelete: removes every occurrence of `needle` at an opcode boundary.
int findAndDelete(Script &script, const Bytes &needle)
{
    if (needle.empty())
        return 0;
    const Bytes &s = script.bytes();
    Bytes result;
    int found = 0;
    size_t pc = 0, pc2 = 0;
    uint8_t op;
    do {
        result.insert(result.end(), s.begin() + static_cast<long>(pc2), s.begin() + static_cast<long>(pc));
        while (s.size() - pc >= needle.size() && std::equal(needle.begin(), needle.end(), s.begin() + static_cast<long>(pc))) {
            pc += needle.size();
            ++found;
        }
        pc2 = pc;
    } while (script.getOp(pc, op));
    if (found > 0) {
        result.insert(result.end(), s.begin() + static_cast<long>(pc2), s.end());
        script = Script(std::move(result));
    }
    return found;
}

Bytes encodeNum(int64_t v)
{
    return scriptNumEncode(v);
}

const Bytes kFalse;
const Bytes kTrue{1};

} // namespace

bool evalScript(Stack &stack, const Script &script, uint32_t flags, const SignatureChecker &checker,
                SigVersion sigversion, ScriptError &err)
{
    err = ScriptError::UNKNOWN_ERROR;
    if (script.size() > kMaxScriptSize)
        return fail(err, ScriptError::SCRIPT_SIZE);

    const Bytes &code = script.bytes();
    size_t pc = 0;
    size_t pbegincodehash = 0;
    std::vector<bool> vfExec;
    int falseCount = 0; // number of false entries in vfExec
    Stack altstack;
    int nOpCount = 0;
    const bool requireMinimal = flags & SCRIPT_VERIFY_MINIMALDATA;

    auto top = [&](int i) -> Bytes & { return stack[stack.size() + i]; };
    auto pop = [&]() { stack.pop_back(); };

    try {
        while (pc < code.size()) {
            const bool fExec = falseCount == 0;
            uint8_t opcode;
            ByteView pushValue;
            if (!script.getOp(pc, opcode, &pushValue))
                return fail(err, ScriptError::BAD_OPCODE);
            if (pushValue.size() > kMaxScriptElementSize)
                return fail(err, ScriptError::PUSH_SIZE);
            if (opcode > OP_16 && ++nOpCount > kMaxOpsPerScript)
                return fail(err, ScriptError::OP_COUNT);

            switch (opcode) {
            case OP_CAT: case OP_SUBSTR: case OP_LEFT: case OP_RIGHT: case OP_INVERT: case OP_AND: case OP_OR:
            case OP_XOR: case OP_2MUL: case OP_2DIV: case OP_MUL: case OP_DIV: case OP_MOD: case OP_LSHIFT:
            case OP_RSHIFT:
                return fail(err, ScriptError::DISABLED_OPCODE); // even in an unexecuted branch
            default:
                break;
            }
            if (opcode == OP_CODESEPARATOR && sigversion == SigVersion::Base && (flags & SCRIPT_VERIFY_CONST_SCRIPTCODE))
                return fail(err, ScriptError::OP_CODESEPARATOR);

            if (fExec && opcode <= OP_PUSHDATA4) {
                if (requireMinimal && !checkMinimalPush(pushValue, opcode))
                    return fail(err, ScriptError::MINIMALDATA);
                stack.emplace_back(pushValue.begin(), pushValue.end());
            } else if (fExec || (OP_IF <= opcode && opcode <= OP_ENDIF)) {
                switch (opcode) {
                case OP_1NEGATE: case OP_1: case OP_2: case OP_3: case OP_4: case OP_5: case OP_6: case OP_7:
                case OP_8: case OP_9: case OP_10: case OP_11: case OP_12: case OP_13: case OP_14: case OP_15:
                case OP_16:
                    stack.push_back(encodeNum(int(opcode) - int(OP_1 - 1)));
                    break;
                case OP_NOP:
                    break;
                case OP_CHECKLOCKTIMEVERIFY: {
                    if (!(flags & SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY))
                        break;
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const int64_t lockTime = decodeNum(top(-1), requireMinimal, 5);
                    if (lockTime < 0)
                        return fail(err, ScriptError::NEGATIVE_LOCKTIME);
                    if (!checker.checkLockTime(lockTime))
                        return fail(err, ScriptError::UNSATISFIED_LOCKTIME);
                    break;
                }
                case OP_CHECKSEQUENCEVERIFY: {
                    if (!(flags & SCRIPT_VERIFY_CHECKSEQUENCEVERIFY))
                        break;
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const int64_t sequence = decodeNum(top(-1), requireMinimal, 5);
                    if (sequence < 0)
                        return fail(err, ScriptError::NEGATIVE_LOCKTIME);
                    if (sequence & TxIn::kSequenceLocktimeDisableFlag)
                        break;
                    if (!checker.checkSequence(sequence))
                        return fail(err, ScriptError::UNSATISFIED_LOCKTIME);
                    break;
                }
                case OP_NOP1: case OP_NOP4: case OP_NOP5: case OP_NOP6: case OP_NOP7: case OP_NOP8: case OP_NOP9:
                case OP_NOP10:
                    if (flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS)
                        return fail(err, ScriptError::DISCOURAGE_UPGRADABLE_NOPS);
                    break;
                case OP_IF: case OP_NOTIF: {
                    bool value = false;
                    if (fExec) {
                        if (stack.empty()) // Core since #34295 names this a stack error
                            return fail(err, ScriptError::INVALID_STACK_OPERATION);
                        const Bytes &v = top(-1);
                        if (sigversion == SigVersion::WitnessV0 && (flags & SCRIPT_VERIFY_MINIMALIF)) {
                            if (v.size() > 1 || (v.size() == 1 && v[0] != 1))
                                return fail(err, ScriptError::MINIMALIF);
                        }
                        value = castToBool(v);
                        if (opcode == OP_NOTIF)
                            value = !value;
                        pop();
                    }
                    vfExec.push_back(value);
                    if (!value)
                        ++falseCount;
                    break;
                }
                case OP_ELSE:
                    if (vfExec.empty())
                        return fail(err, ScriptError::UNBALANCED_CONDITIONAL);
                    falseCount += vfExec.back() ? 1 : -1;
                    vfExec.back() = !vfExec.back();
                    break;
                case OP_ENDIF:
                    if (vfExec.empty())
                        return fail(err, ScriptError::UNBALANCED_CONDITIONAL);
                    if (!vfExec.back())
                        --falseCount;
                    vfExec.pop_back();
                    break;
                case OP_VERIFY:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    if (!castToBool(top(-1)))
                        return fail(err, ScriptError::VERIFY);
                    pop();
                    break;
                case OP_RETURN:
                    return fail(err, ScriptError::OP_RETURN);
                case OP_TOALTSTACK:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    altstack.push_back(top(-1));
                    pop();
                    break;
                case OP_FROMALTSTACK:
                    if (altstack.empty())
                        return fail(err, ScriptError::INVALID_ALTSTACK_OPERATION);
                    stack.push_back(altstack.back());
                    altstack.pop_back();
                    break;
                case OP_2DROP:
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    pop();
                    pop();
                    break;
                case OP_2DUP: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes a = top(-2), b = top(-1);
                    stack.push_back(std::move(a));
                    stack.push_back(std::move(b));
                    break;
                }
                case OP_3DUP: {
                    if (stack.size() < 3)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes a = top(-3), b = top(-2), c = top(-1);
                    stack.push_back(std::move(a));
                    stack.push_back(std::move(b));
                    stack.push_back(std::move(c));
                    break;
                }
                case OP_2OVER: {
                    if (stack.size() < 4)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes a = top(-4), b = top(-3);
                    stack.push_back(std::move(a));
                    stack.push_back(std::move(b));
                    break;
                }
                case OP_2ROT: {
                    if (stack.size() < 6)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes a = top(-6), b = top(-5);
                    stack.erase(stack.end() - 6, stack.end() - 4);
                    stack.push_back(std::move(a));
                    stack.push_back(std::move(b));
                    break;
                }
                case OP_2SWAP:
                    if (stack.size() < 4)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    std::swap(top(-4), top(-2));
                    std::swap(top(-3), top(-1));
                    break;
                case OP_IFDUP:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    if (castToBool(top(-1)))
                        stack.push_back(Bytes(top(-1)));
                    break;
                case OP_DEPTH:
                    stack.push_back(encodeNum(static_cast<int64_t>(stack.size())));
                    break;
                case OP_DROP:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    pop();
                    break;
                case OP_DUP:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    stack.push_back(Bytes(top(-1)));
                    break;
                case OP_NIP:
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    stack.erase(stack.end() - 2);
                    break;
                case OP_OVER:
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    stack.push_back(Bytes(top(-2)));
                    break;
                case OP_PICK: case OP_ROLL: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const int n = clampInt(decodeNum(top(-1), requireMinimal));
                    pop();
                    if (n < 0 || static_cast<size_t>(n) >= stack.size())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes v = top(-n - 1);
                    if (opcode == OP_ROLL)
                        stack.erase(stack.end() - n - 1);
                    stack.push_back(std::move(v));
                    break;
                }
                case OP_ROT:
                    if (stack.size() < 3)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    std::swap(top(-3), top(-2));
                    std::swap(top(-2), top(-1));
                    break;
                case OP_SWAP:
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    std::swap(top(-2), top(-1));
                    break;
                case OP_TUCK: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    Bytes v = top(-1);
                    stack.insert(stack.end() - 2, std::move(v));
                    break;
                }
                case OP_SIZE:
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    stack.push_back(encodeNum(static_cast<int64_t>(top(-1).size())));
                    break;
                case OP_EQUAL: case OP_EQUALVERIFY: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const bool equal = top(-2) == top(-1);
                    pop();
                    pop();
                    stack.push_back(equal ? kTrue : kFalse);
                    if (opcode == OP_EQUALVERIFY) {
                        if (!equal)
                            return fail(err, ScriptError::EQUALVERIFY);
                        pop();
                    }
                    break;
                }
                case OP_1ADD: case OP_1SUB: case OP_NEGATE: case OP_ABS: case OP_NOT: case OP_0NOTEQUAL: {
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    int64_t bn = decodeNum(top(-1), requireMinimal);
                    switch (opcode) {
                    case OP_1ADD: bn += 1; break;
                    case OP_1SUB: bn -= 1; break;
                    case OP_NEGATE: bn = -bn; break;
                    case OP_ABS: if (bn < 0) bn = -bn; break;
                    case OP_NOT: bn = bn == 0; break;
                    default: bn = bn != 0; break;
                    }
                    pop();
                    stack.push_back(encodeNum(bn));
                    break;
                }
                case OP_ADD: case OP_SUB: case OP_BOOLAND: case OP_BOOLOR: case OP_NUMEQUAL: case OP_NUMEQUALVERIFY:
                case OP_NUMNOTEQUAL: case OP_LESSTHAN: case OP_GREATERTHAN: case OP_LESSTHANOREQUAL:
                case OP_GREATERTHANOREQUAL: case OP_MIN: case OP_MAX: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const int64_t a = decodeNum(top(-2), requireMinimal);
                    const int64_t b = decodeNum(top(-1), requireMinimal);
                    int64_t r = 0;
                    switch (opcode) {
                    case OP_ADD: r = a + b; break;
                    case OP_SUB: r = a - b; break;
                    case OP_BOOLAND: r = a != 0 && b != 0; break;
                    case OP_BOOLOR: r = a != 0 || b != 0; break;
                    case OP_NUMEQUAL: case OP_NUMEQUALVERIFY: r = a == b; break;
                    case OP_NUMNOTEQUAL: r = a != b; break;
                    case OP_LESSTHAN: r = a < b; break;
                    case OP_GREATERTHAN: r = a > b; break;
                    case OP_LESSTHANOREQUAL: r = a <= b; break;
                    case OP_GREATERTHANOREQUAL: r = a >= b; break;
                    case OP_MIN: r = std::min(a, b); break;
                    default: r = std::max(a, b); break;
                    }
                    pop();
                    pop();
                    stack.push_back(encodeNum(r));
                    if (opcode == OP_NUMEQUALVERIFY) {
                        if (!castToBool(top(-1)))
                            return fail(err, ScriptError::NUMEQUALVERIFY);
                        pop();
                    }
                    break;
                }
                case OP_WITHIN: {
                    if (stack.size() < 3)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const int64_t x = decodeNum(top(-3), requireMinimal);
                    const int64_t lo = decodeNum(top(-2), requireMinimal);
                    const int64_t hi = decodeNum(top(-1), requireMinimal);
                    const bool in = lo <= x && x < hi;
                    pop();
                    pop();
                    pop();
                    stack.push_back(in ? kTrue : kFalse);
                    break;
                }
                case OP_RIPEMD160: case OP_SHA1: case OP_SHA256: case OP_HASH160: case OP_HASH256: {
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const Bytes &v = top(-1);
                    Bytes h;
                    if (opcode == OP_RIPEMD160) {
                        auto d = ripemd160(v);
                        h.assign(d.begin(), d.end());
                    } else if (opcode == OP_SHA1) {
                        auto d = sha1(v);
                        h.assign(d.begin(), d.end());
                    } else if (opcode == OP_SHA256) {
                        auto d = sha256(v);
                        h.assign(d.begin(), d.end());
                    } else if (opcode == OP_HASH160) {
                        auto d = hash160(v);
                        h.assign(d.begin(), d.end());
                    } else {
                        auto d = sha256d(v);
                        h.assign(d.begin(), d.end());
                    }
                    pop();
                    stack.push_back(std::move(h));
                    break;
                }
                case OP_CODESEPARATOR:
                    pbegincodehash = pc;
                    break;
                case OP_CHECKSIG: case OP_CHECKSIGVERIFY: {
                    if (stack.size() < 2)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    const Bytes &sig = top(-2);
                    const Bytes &pubkey = top(-1);
                    Script scriptCode(ByteView(code).subspan(pbegincodehash));
                    if (sigversion == SigVersion::Base) {
                        const int found = findAndDelete(scriptCode, ScriptBuilder().push(sig).build().bytes());
                        if (found > 0 && (flags & SCRIPT_VERIFY_CONST_SCRIPTCODE))
                            return fail(err, ScriptError::SIG_FINDANDDELETE);
                    }
                    if (!checkSignatureEncoding(sig, flags, err) || !checkPubKeyEncoding(pubkey, flags, sigversion, err))
                        return false;
                    const bool ok = checker.checkEcdsa(sig, pubkey, scriptCode, sigversion);
                    if (!ok && (flags & SCRIPT_VERIFY_NULLFAIL) && !sig.empty())
                        return fail(err, ScriptError::NULLFAIL);
                    pop();
                    pop();
                    stack.push_back(ok ? kTrue : kFalse);
                    if (opcode == OP_CHECKSIGVERIFY) {
                        if (!ok)
                            return fail(err, ScriptError::CHECKSIGVERIFY);
                        pop();
                    }
                    break;
                }
                case OP_CHECKMULTISIG: case OP_CHECKMULTISIGVERIFY: {
                    int i = 1;
                    if (static_cast<int>(stack.size()) < i)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    int nKeys = clampInt(decodeNum(top(-i), requireMinimal));
                    if (nKeys < 0 || nKeys > kMaxPubkeysPerMultisig)
                        return fail(err, ScriptError::PUBKEY_COUNT);
                    nOpCount += nKeys;
                    if (nOpCount > kMaxOpsPerScript)
                        return fail(err, ScriptError::OP_COUNT);
                    int ikey = ++i;
                    int ikey2 = nKeys + 2; // last non-signature item, counted from the top
                    i += nKeys;
                    if (static_cast<int>(stack.size()) < i)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    int nSigs = clampInt(decodeNum(top(-i), requireMinimal));
                    if (nSigs < 0 || nSigs > nKeys)
                        return fail(err, ScriptError::SIG_COUNT);
                    int isig = ++i;
                    i += nSigs;
                    if (static_cast<int>(stack.size()) < i)
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);

                    Script scriptCode(ByteView(code).subspan(pbegincodehash));
                    for (int k = 0; k < nSigs; ++k) {
                        if (sigversion == SigVersion::Base) {
                            const int found = findAndDelete(scriptCode, ScriptBuilder().push(top(-isig - k)).build().bytes());
                            if (found > 0 && (flags & SCRIPT_VERIFY_CONST_SCRIPTCODE))
                                return fail(err, ScriptError::SIG_FINDANDDELETE);
                        }
                    }
                    bool success = true;
                    while (success && nSigs > 0) {
                        const Bytes &sig = top(-isig);
                        const Bytes &pubkey = top(-ikey);
                        if (!checkSignatureEncoding(sig, flags, err) ||
                            !checkPubKeyEncoding(pubkey, flags, sigversion, err))
                            return false;
                        if (checker.checkEcdsa(sig, pubkey, scriptCode, sigversion)) {
                            isig++;
                            nSigs--;
                        }
                        ikey++;
                        nKeys--;
                        if (nSigs > nKeys)
                            success = false;
                    }
                    while (i-- > 1) {
                        if (!success && (flags & SCRIPT_VERIFY_NULLFAIL) && !ikey2 && !top(-1).empty())
                            return fail(err, ScriptError::NULLFAIL);
                        if (ikey2 > 0)
                            ikey2--;
                        pop();
                    }
                    if (stack.empty())
                        return fail(err, ScriptError::INVALID_STACK_OPERATION);
                    if ((flags & SCRIPT_VERIFY_NULLDUMMY) && !top(-1).empty())
                        return fail(err, ScriptError::SIG_NULLDUMMY);
                    pop();
                    stack.push_back(success ? kTrue : kFalse);
                    if (opcode == OP_CHECKMULTISIGVERIFY) {
                        if (!success)
                            return fail(err, ScriptError::CHECKMULTISIGVERIFY);
                        pop();
                    }
                    break;
                }
                default:
                    return fail(err, ScriptError::BAD_OPCODE);
                }
            }
            if (stack.size() + altstack.size() > kMaxStackSize)
                return fail(err, ScriptError::STACK_SIZE);
        }
    } catch (const ScriptNumError &) {
        return fail(err, ScriptError::SCRIPTNUM);
    } catch (...) {
        return fail(err, ScriptError::UNKNOWN_ERROR);
    }
    if (!vfExec.empty())
        return fail(err, ScriptError::UNBALANCED_CONDITIONAL);
    err = ScriptError::OK;
    return true;
}

namespace {

bool executeWitnessScript(Stack stack, const Script &script, uint32_t flags, const SignatureChecker &checker,
                          ScriptError &err)
{
    for (const auto &e : stack)
        if (e.size() > kMaxScriptElementSize)
            return fail(err, ScriptError::PUSH_SIZE);
    if (!evalScript(stack, script, flags, checker, SigVersion::WitnessV0, err))
        return false;
    if (stack.size() != 1)
        return fail(err, ScriptError::CLEANSTACK);
    if (!castToBool(stack.back()))
        return fail(err, ScriptError::EVAL_FALSE);
    return true;
}

bool verifyWitnessProgram(const Witness &witness, int version, const Bytes &program, uint32_t flags,
                          const SignatureChecker &checker, ScriptError &err, bool isP2sh)
{
    if (version == 0) {
        if (program.size() == 32) {
            if (witness.empty())
                return fail(err, ScriptError::WITNESS_PROGRAM_WITNESS_EMPTY);
            Script execScript(witness.back());
            Hash256 h = sha256(execScript.bytes());
            if (!std::equal(h.begin(), h.end(), program.begin()))
                return fail(err, ScriptError::WITNESS_PROGRAM_MISMATCH);
            Stack stack(witness.begin(), witness.end() - 1);
            return executeWitnessScript(std::move(stack), execScript, flags, checker, err);
        }
        if (program.size() == 20) {
            if (witness.size() != 2)
                return fail(err, ScriptError::WITNESS_PROGRAM_MISMATCH);
            Script execScript = ScriptBuilder()
                                    .op(OP_DUP)
                                    .op(OP_HASH160)
                                    .push(program)
                                    .op(OP_EQUALVERIFY)
                                    .op(OP_CHECKSIG)
                                    .build();
            return executeWitnessScript(Stack(witness.begin(), witness.end()), execScript, flags, checker, err);
        }
        return fail(err, ScriptError::WITNESS_PROGRAM_WRONG_LENGTH);
    }
    if (version == 1 && program.size() == 32 && !isP2sh) {
        if (!(flags & SCRIPT_VERIFY_TAPROOT))
            return true;
        return fail(err, ScriptError::TAPROOT_UNSUPPORTED);
    }
    if (flags & SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM)
        return fail(err, ScriptError::DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM);
    return true;
}

} // namespace

bool verifyScript(const Script &scriptSig, const Script &scriptPubKey, const Witness &witness, uint32_t flags,
                  const SignatureChecker &checker, ScriptError &err)
{
    bool hadWitness = false;
    err = ScriptError::UNKNOWN_ERROR;
    if ((flags & SCRIPT_VERIFY_SIGPUSHONLY) && !scriptSig.isPushOnly())
        return fail(err, ScriptError::SIG_PUSHONLY);

    Stack stack, stackCopy;
    if (!evalScript(stack, scriptSig, flags, checker, SigVersion::Base, err))
        return false;
    if (flags & SCRIPT_VERIFY_P2SH)
        stackCopy = stack;
    if (!evalScript(stack, scriptPubKey, flags, checker, SigVersion::Base, err))
        return false;
    if (stack.empty() || !castToBool(stack.back()))
        return fail(err, ScriptError::EVAL_FALSE);

    int version;
    Bytes program;
    if ((flags & SCRIPT_VERIFY_WITNESS) && scriptPubKey.witnessProgram(version, program)) {
        hadWitness = true;
        if (!scriptSig.empty())
            return fail(err, ScriptError::WITNESS_MALLEATED);
        if (!verifyWitnessProgram(witness, version, program, flags, checker, err, false))
            return false;
        stack.resize(1);
    }

    if ((flags & SCRIPT_VERIFY_P2SH) && scriptPubKey.isPayToScriptHash()) {
        if (!scriptSig.isPushOnly())
            return fail(err, ScriptError::SIG_PUSHONLY);
        std::swap(stack, stackCopy);
        if (stack.empty())
            return fail(err, ScriptError::EVAL_FALSE); // cannot happen: HASH160 <h> EQUAL needs an item
        Script redeem(stack.back());
        stack.pop_back();
        if (!evalScript(stack, redeem, flags, checker, SigVersion::Base, err))
            return false;
        if (stack.empty() || !castToBool(stack.back()))
            return fail(err, ScriptError::EVAL_FALSE);
        if ((flags & SCRIPT_VERIFY_WITNESS) && redeem.witnessProgram(version, program)) {
            hadWitness = true;
            if (scriptSig != ScriptBuilder().push(redeem.bytes()).build())
                return fail(err, ScriptError::WITNESS_MALLEATED_P2SH);
            if (!verifyWitnessProgram(witness, version, program, flags, checker, err, true))
                return false;
            stack.resize(1);
        }
    }

    if (flags & SCRIPT_VERIFY_CLEANSTACK) {
        if (stack.size() != 1)
            return fail(err, ScriptError::CLEANSTACK);
    }
    if (flags & SCRIPT_VERIFY_WITNESS) {
        if (!hadWitness && !witness.empty())
            return fail(err, ScriptError::WITNESS_UNEXPECTED);
    }
    err = ScriptError::OK;
    return true;
}

bool TransactionSignatureChecker::checkEcdsa(ByteView sigIn, ByteView pubkey, const Script &scriptCode,
                                             SigVersion sigversion) const
{
    if (sigIn.empty())
        return false;
    const int32_t hashType = sigIn.back();
    ByteView der = sigIn.first(sigIn.size() - 1);
    Hash256 digest = sigversion == SigVersion::WitnessV0
                         ? segwitV0Sighash(m_tx, m_in, scriptCode.bytes(), m_amount, hashType, m_cache)
                         : legacySighash(m_tx, m_in, scriptCode, hashType);
    return verifyEcdsaLax(pubkey, digest, der);
}

bool TransactionSignatureChecker::checkLockTime(int64_t lockTime) const
{
    const int64_t txLock = m_tx.lockTime;
    if (!((txLock < kLocktimeThreshold && lockTime < kLocktimeThreshold) ||
          (txLock >= kLocktimeThreshold && lockTime >= kLocktimeThreshold)))
        return false;
    if (lockTime > txLock)
        return false;
    if (m_tx.inputs[m_in].sequence == TxIn::kSequenceFinal)
        return false;
    return true;
}

bool TransactionSignatureChecker::checkSequence(int64_t sequence) const
{
    const int64_t txSequence = m_tx.inputs[m_in].sequence;
    if (static_cast<uint32_t>(m_tx.version) < 2)
        return false;
    if (txSequence & TxIn::kSequenceLocktimeDisableFlag)
        return false;
    const uint32_t mask = TxIn::kSequenceLocktimeTypeFlag | TxIn::kSequenceLocktimeMask;
    const int64_t txMasked = txSequence & mask;
    const int64_t seqMasked = sequence & mask;
    if (!((txMasked < TxIn::kSequenceLocktimeTypeFlag && seqMasked < TxIn::kSequenceLocktimeTypeFlag) ||
          (txMasked >= TxIn::kSequenceLocktimeTypeFlag && seqMasked >= TxIn::kSequenceLocktimeTypeFlag)))
        return false;
    return seqMasked <= txMasked;
}

ScriptError verifyInput(const Transaction &tx, size_t inputIndex, const TxOut &spent, uint32_t flags,
                        const SighashCache *cache)
{
    if (inputIndex >= tx.inputs.size())
        return ScriptError::UNKNOWN_ERROR;
    TransactionSignatureChecker checker(tx, inputIndex, spent.value, cache);
    ScriptError err;
    verifyScript(tx.inputs[inputIndex].scriptSig, spent.scriptPubKey, tx.inputs[inputIndex].witness, flags, checker,
                 err);
    return err;
}

} // namespace spillway::bitcoin
