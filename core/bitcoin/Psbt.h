#pragma once
// PSBT version 0 (BIP 174): parse/serialize and the creator, updater, signer,
// combiner, finalizer and extractor roles for P2PKH, P2WPKH, P2SH(-P2WPKH/-P2WSH),
// P2WSH and multisig inputs. Field order on the wire follows Bitcoin Core.

#include "Bip32.h"
#include "Transaction.h"

#include <map>
#include <optional>

namespace spillway::bitcoin {

struct KeyOrigin {
    std::array<uint8_t, 4> fingerprint{};
    std::vector<uint32_t> path;
    bool operator==(const KeyOrigin &) const = default;
};

using RawMap = std::map<Bytes, Bytes>; ///< full key (type byte first) -> value

struct PsbtInput {
    std::optional<Transaction> nonWitnessUtxo;
    std::optional<TxOut> witnessUtxo;
    /// keyed by HASH160(pubkey) as Core orders them; value: pubkey, signature.
    std::map<Hash160, std::pair<Bytes, Bytes>> partialSigs;
    std::optional<uint32_t> sighashType;
    Script redeemScript;
    Script witnessScript;
    std::map<Bytes, KeyOrigin> bip32; ///< pubkey -> origin
    RawMap preimages;                 ///< types 0x0a..0x0d, checked against their hash
    Script finalScriptSig;
    Witness finalScriptWitness;
    RawMap proprietary;
    RawMap unknown;

    bool isFinalized() const { return !finalScriptSig.empty() || !finalScriptWitness.empty(); }
};

struct PsbtOutput {
    Script redeemScript;
    Script witnessScript;
    std::map<Bytes, KeyOrigin> bip32;
    RawMap proprietary;
    RawMap unknown;
};

struct GlobalXpub {
    Bytes xpub; ///< 78 bytes, BIP 32 serialization
    KeyOrigin origin;
};

/// What the updater knows: previous transactions, scripts and key origins.
struct PsbtUpdateData {
    std::vector<Transaction> previousTransactions;
    std::vector<Script> redeemScripts;
    std::vector<Script> witnessScripts;
    std::map<Bytes, KeyOrigin> keyOrigins; ///< pubkey -> origin
};

class Psbt {
public:
    Transaction tx; ///< unsigned: empty scriptSigs and witnesses
    std::vector<GlobalXpub> xpubs;
    std::optional<uint32_t> version;
    RawMap proprietary;
    RawMap unknown;
    std::vector<PsbtInput> inputs;
    std::vector<PsbtOutput> outputs;

    static Result<Psbt> parse(ByteView data);
    /// Base64 or hex text.
    static Result<Psbt> parseText(std::string_view text);
    Bytes serialize() const;
    std::string toBase64() const;

    // Creator
    static Result<Psbt> create(const Transaction &unsignedTx);
    // Updater
    Status update(const PsbtUpdateData &data);
    void setSighashType(uint32_t type);
    // Signer: signs every input the key can sign; returns how many signatures were added.
    Result<int> sign(const PrivateKey &key);
    // Combiner
    Status combine(const Psbt &other);
    // Finalizer: completes every input it can; verifies each with the interpreter.
    Status finalize();
    // Extractor
    Result<Transaction> extract() const;

    /// The output input i spends, from either UTXO field.
    std::optional<TxOut> spentOutput(size_t i) const;
    bool isComplete() const;
};

/// m-of-n if the script is exactly OP_m <keys> OP_n OP_CHECKMULTISIG.
bool parseMultisig(const Script &script, int &required, std::vector<Bytes> &keys);

} // namespace spillway::bitcoin
