#pragma once
// Script: an immutable byte string with an opcode iterator, a builder and the
// standard templates Spillway uses (protocol.md "Two variants").

#include "Hash.h"
#include "Opcodes.h"
#include "Serialize.h"

#include <optional>
#include <string>
#include <vector>

namespace spillway::bitcoin {

constexpr size_t kMaxScriptSize = 10000;
constexpr size_t kMaxScriptElementSize = 520;
constexpr int kMaxOpsPerScript = 201;
constexpr int kMaxPubkeysPerMultisig = 20;
constexpr size_t kMaxStackSize = 1000;

class Script {
public:
    Script() = default;
    explicit Script(Bytes bytes) : m_bytes(std::move(bytes)) {}
    explicit Script(ByteView bytes) : m_bytes(bytes.begin(), bytes.end()) {}

    const Bytes &bytes() const { return m_bytes; }
    size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }
    ByteView view() const { return m_bytes; }

    /// One step of Core's GetOp: reads the opcode at pc and any pushed data. Returns
    /// false at the end or on a push running past the end (pc is then at the end).
    bool getOp(size_t &pc, uint8_t &opcode, ByteView *data = nullptr) const;

    bool isPayToScriptHash() const;
    bool isPayToWitnessScriptHash() const;
    bool isPayToWitnessPubkeyHash() const;
    /// Core's IsPushOnly: only push opcodes (OP_RESERVED counts as push here).
    bool isPushOnly(size_t from = 0) const;
    /// segwit witness program: version 0..16 and a 2..40 byte program.
    bool witnessProgram(int &version, Bytes &program) const;
    bool isUnspendable() const { return (!m_bytes.empty() && m_bytes[0] == OP_RETURN) || m_bytes.size() > kMaxScriptSize; }
    /// Core's legacy sigop count; accurate=true counts multisig by its key count.
    unsigned sigOpCount(bool accurate) const;

    /// Core's text form: known opcodes by name, pushes in hex ("0 <hex>" style as in decodescript asm).
    std::string toAsm() const;

    bool operator==(const Script &) const = default;

private:
    Bytes m_bytes;
};

/// Builds scripts; pushes use the minimal encoding (as Core's CScript operator<<).
class ScriptBuilder {
public:
    ScriptBuilder &op(uint8_t opcode)
    {
        m_bytes.push_back(opcode);
        return *this;
    }
    ScriptBuilder &push(ByteView data);
    /// Pushes a number: OP_0, OP_1NEGATE, OP_1..OP_16 or a minimal CScriptNum push.
    ScriptBuilder &number(int64_t n);
    ScriptBuilder &raw(ByteView data)
    {
        m_bytes.insert(m_bytes.end(), data.begin(), data.end());
        return *this;
    }
    Script build() const { return Script(m_bytes); }

private:
    Bytes m_bytes;
};

/// Minimal little-endian sign-magnitude encoding (CScriptNum::serialize).
Bytes scriptNumEncode(int64_t value);

// Templates
Script p2pkh(const Hash160 &keyHash);
Script p2sh(const Hash160 &scriptHash);
Script p2wpkh(const Hash160 &keyHash);
Script p2wsh(const Script &witnessScript);
Script witnessV0(ByteView program);
Script witnessProgramScript(int version, ByteView program);
/// m-of-n bare multisig: OP_m <keys> OP_n OP_CHECKMULTISIG.
Script multisig(int required, const std::vector<Bytes> &pubkeys);
/// protocol.md `refund` variant: OP_2 <payer> <payee> OP_2 OP_CHECKMULTISIG.
Script channelRefundScript(ByteView payerPub, ByteView payeePub);
/// protocol.md `cltv` variant: OP_IF <payee> OP_CHECKSIGVERIFY OP_ELSE <expiry>
/// OP_CHECKLOCKTIMEVERIFY OP_DROP OP_ENDIF <payer> OP_CHECKSIG.
Script channelCltvScript(ByteView payerPub, ByteView payeePub, uint32_t expiry);

/// protocol.md "Transactions": the payer's commitment output's witness script,
/// <payer> OP_CHECKSIGVERIFY OP_1 OP_CHECKSEQUENCEVERIFY (spendable by the payer
/// one block after the commitment confirms, so nobody can pin it unconfirmed).
Script payerLockedScript(ByteView payerPub);

/// What kind of output a script is, as Bitcoin Core's Solver sees it.
enum class OutputType { NonStandard, PubKey, PubKeyHash, ScriptHash, Multisig, NullData,
                        WitnessV0KeyHash, WitnessV0ScriptHash, WitnessV1Taproot, WitnessUnknown, Anchor };
OutputType outputType(const Script &scriptPubKey);
/// Core's IsStandard for an output (policy/policy.cpp, v30 defaults): known types,
/// bare multisig up to 3 keys, OP_RETURN data; a v0 program of any other length
/// than 20 or 32 bytes is non-standard.
bool isStandardOutput(const Script &scriptPubKey);
/// protocol.md "Opening terms", check 3: an address type every node relays to
/// and a wallet can spend (P2WPKH, P2WSH, P2TR, P2PKH, P2SH).
bool isStandardPayoutScript(const Script &scriptPubKey);

/// Bitcoin Core's ParseScript text form, as used by script_tests.json and tx_*.json.
Result<Script> parseCoreAsm(std::string_view text);

/// Core's GetDustThreshold at the dust relay fee of 3000 sat/kvB.
int64_t dustThreshold(const Script &scriptPubKey);

} // namespace spillway::bitcoin
