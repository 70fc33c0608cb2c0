#pragma once
// Script interpreter: legacy, P2SH and segwit v0 verification with Bitcoin Core's
// semantics and error codes (taproot excluded). The payee checks every commitment
// with it; the local chain validates every transaction with it.

#include "ScriptError.h"
#include "Sighash.h"

namespace spillway::bitcoin {

enum class SigVersion { Base, WitnessV0 };

/// What the interpreter asks of the spending transaction.
class SignatureChecker {
public:
    virtual ~SignatureChecker() = default;
    virtual bool checkEcdsa(ByteView sigWithHashType, ByteView pubkey, const Script &scriptCode,
                            SigVersion sigversion) const
    {
        (void)sigWithHashType, (void)pubkey, (void)scriptCode, (void)sigversion;
        return false;
    }
    virtual bool checkLockTime(int64_t lockTime) const
    {
        (void)lockTime;
        return false;
    }
    virtual bool checkSequence(int64_t sequence) const
    {
        (void)sequence;
        return false;
    }
};

/// Checks signatures of input `inputIndex` of `tx`, spending `amount`.
class TransactionSignatureChecker : public SignatureChecker {
public:
    TransactionSignatureChecker(const Transaction &tx, size_t inputIndex, Amount amount,
                                const SighashCache *cache = nullptr)
        : m_tx(tx), m_in(inputIndex), m_amount(amount), m_cache(cache)
    {
    }
    bool checkEcdsa(ByteView sig, ByteView pubkey, const Script &scriptCode, SigVersion sigversion) const override;
    bool checkLockTime(int64_t lockTime) const override;
    bool checkSequence(int64_t sequence) const override;

private:
    const Transaction &m_tx;
    size_t m_in;
    Amount m_amount;
    const SighashCache *m_cache;
};

using Stack = std::vector<Bytes>;

bool evalScript(Stack &stack, const Script &script, uint32_t flags, const SignatureChecker &checker,
                SigVersion sigversion, ScriptError &error);

/// Core's VerifyScript.
bool verifyScript(const Script &scriptSig, const Script &scriptPubKey, const Witness &witness, uint32_t flags,
                  const SignatureChecker &checker, ScriptError &error);

/// Verifies input `inputIndex` of `tx` against the output it spends.
ScriptError verifyInput(const Transaction &tx, size_t inputIndex, const TxOut &spent, uint32_t flags,
                        const SighashCache *cache = nullptr);

} // namespace spillway::bitcoin
