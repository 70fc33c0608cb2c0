#pragma once
// Signature hashes: legacy (Core's SignatureHash for SigVersion::BASE) and
// BIP 143 for segwit v0, with BIP 143's cached intermediate hashes.

#include "Transaction.h"

namespace spillway::bitcoin {

enum SighashType : int32_t {
    SIGHASH_ALL = 1,
    SIGHASH_NONE = 2,
    SIGHASH_SINGLE = 3,
    SIGHASH_ANYONECANPAY = 0x80,
};

/// BIP 143 hashPrevouts / hashSequence / hashOutputs for one transaction.
struct SighashCache {
    Hash256 hashPrevouts{};
    Hash256 hashSequence{};
    Hash256 hashOutputs{};

    SighashCache() = default;
    explicit SighashCache(const Transaction &tx);
};

/// Legacy digest. scriptCode has its OP_CODESEPARATORs removed here; returns the
/// value 1 (as Core does) for an input index out of range or SIGHASH_SINGLE without
/// a matching output.
Hash256 legacySighash(const Transaction &tx, size_t inputIndex, const Script &scriptCode, int32_t hashType);

/// BIP 143 digest. Pass a cache to make repeated signing of the same transaction cheap.
Hash256 segwitV0Sighash(const Transaction &tx, size_t inputIndex, ByteView scriptCode, Amount amount,
                        int32_t hashType, const SighashCache *cache = nullptr);
/// The BIP 143 preimage itself (tests compare it with the BIP's printed preimages).
Bytes segwitV0Preimage(const Transaction &tx, size_t inputIndex, ByteView scriptCode, Amount amount,
                       int32_t hashType, const SighashCache *cache = nullptr);

/// hashPrevouts / hashSequence of a list (the parts a caller may cache itself).
Hash256 hashPrevouts(const std::vector<OutPoint> &prevouts);
Hash256 hashSequences(const std::vector<uint32_t> &sequences);
/// hashOutputs over a set of outputs (exposed so a commitment can hash its two outputs once).
Hash256 hashOutputs(const std::vector<TxOut> &outputs);

} // namespace spillway::bitcoin
