#pragma once
// Script verification flags and errors, named as in Bitcoin Core (script/script_error.h,
// script/interpreter.h) so that script_tests.json's names map one to one.

#include <cstdint>
#include <string_view>

namespace spillway::bitcoin {

enum class ScriptError {
    OK,
    UNKNOWN_ERROR,
    EVAL_FALSE,
    OP_RETURN,
    SCRIPT_SIZE,
    PUSH_SIZE,
    OP_COUNT,
    STACK_SIZE,
    SIG_COUNT,
    PUBKEY_COUNT,
    VERIFY,
    EQUALVERIFY,
    CHECKMULTISIGVERIFY,
    CHECKSIGVERIFY,
    NUMEQUALVERIFY,
    BAD_OPCODE,
    DISABLED_OPCODE,
    INVALID_STACK_OPERATION,
    INVALID_ALTSTACK_OPERATION,
    UNBALANCED_CONDITIONAL,
    NEGATIVE_LOCKTIME,
    UNSATISFIED_LOCKTIME,
    SIG_HASHTYPE,
    SIG_DER,
    MINIMALDATA,
    SIG_PUSHONLY,
    SIG_HIGH_S,
    SIG_NULLDUMMY,
    PUBKEYTYPE,
    CLEANSTACK,
    MINIMALIF,
    NULLFAIL,
    DISCOURAGE_UPGRADABLE_NOPS,
    DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM,
    WITNESS_PROGRAM_WRONG_LENGTH,
    WITNESS_PROGRAM_WITNESS_EMPTY,
    WITNESS_PROGRAM_MISMATCH,
    WITNESS_MALLEATED,
    WITNESS_MALLEATED_P2SH,
    WITNESS_UNEXPECTED,
    WITNESS_PUBKEYTYPE,
    OP_CODESEPARATOR,
    SIG_FINDANDDELETE,
    SCRIPTNUM,
    /// A taproot (witness v1) spend with TAPROOT set: Spillway does not verify taproot.
    TAPROOT_UNSUPPORTED,
};

std::string_view scriptErrorName(ScriptError e);
/// Inverse of scriptErrorName; false if the name is unknown.
bool scriptErrorFromName(std::string_view name, ScriptError &out);

enum ScriptFlags : uint32_t {
    SCRIPT_VERIFY_NONE = 0,
    SCRIPT_VERIFY_P2SH = 1u << 0,
    SCRIPT_VERIFY_STRICTENC = 1u << 1,
    SCRIPT_VERIFY_DERSIG = 1u << 2,
    SCRIPT_VERIFY_LOW_S = 1u << 3,
    SCRIPT_VERIFY_NULLDUMMY = 1u << 4,
    SCRIPT_VERIFY_SIGPUSHONLY = 1u << 5,
    SCRIPT_VERIFY_MINIMALDATA = 1u << 6,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS = 1u << 7,
    SCRIPT_VERIFY_CLEANSTACK = 1u << 8,
    SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY = 1u << 9,
    SCRIPT_VERIFY_CHECKSEQUENCEVERIFY = 1u << 10,
    SCRIPT_VERIFY_WITNESS = 1u << 11,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM = 1u << 12,
    SCRIPT_VERIFY_MINIMALIF = 1u << 13,
    SCRIPT_VERIFY_NULLFAIL = 1u << 14,
    SCRIPT_VERIFY_WITNESS_PUBKEYTYPE = 1u << 15,
    SCRIPT_VERIFY_CONST_SCRIPTCODE = 1u << 16,
    SCRIPT_VERIFY_TAPROOT = 1u << 17,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_TAPROOT_VERSION = 1u << 18,
    SCRIPT_VERIFY_DISCOURAGE_OP_SUCCESS = 1u << 19,
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_PUBKEYTYPE = 1u << 20,
};

/// Consensus flags of today's chain (what blocks must satisfy, taproot aside).
constexpr uint32_t kMandatoryFlags = SCRIPT_VERIFY_P2SH | SCRIPT_VERIFY_DERSIG | SCRIPT_VERIFY_NULLDUMMY |
                                     SCRIPT_VERIFY_CHECKLOCKTIMEVERIFY | SCRIPT_VERIFY_CHECKSEQUENCEVERIFY |
                                     SCRIPT_VERIFY_WITNESS;
/// Core's STANDARD_SCRIPT_VERIFY_FLAGS without taproot: what Spillway checks before broadcasting.
constexpr uint32_t kStandardFlags =
    kMandatoryFlags | SCRIPT_VERIFY_STRICTENC | SCRIPT_VERIFY_MINIMALDATA | SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_NOPS |
    SCRIPT_VERIFY_CLEANSTACK | SCRIPT_VERIFY_MINIMALIF | SCRIPT_VERIFY_NULLFAIL | SCRIPT_VERIFY_LOW_S |
    SCRIPT_VERIFY_DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM | SCRIPT_VERIFY_WITNESS_PUBKEYTYPE |
    SCRIPT_VERIFY_CONST_SCRIPTCODE;

/// Parses "P2SH,STRICTENC" style lists; false on an unknown name.
bool parseScriptFlags(std::string_view text, uint32_t &out);

} // namespace spillway::bitcoin
