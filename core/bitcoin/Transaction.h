#pragma once
// Transactions as value types with BIP 144 (segwit) serialization.

#include "Amount.h"
#include "Script.h"

#include <vector>

namespace spillway::bitcoin {

struct OutPoint {
    Hash256 txid{}; ///< internal byte order (as serialized)
    uint32_t index = 0;

    bool isNull() const { return index == 0xffffffff && txid == Hash256{}; }
    /// "txid:index" with the txid in display order.
    std::string toString() const;
    static Result<OutPoint> parse(std::string_view text);
    auto operator<=>(const OutPoint &) const = default;
};

using Witness = std::vector<Bytes>;

struct TxIn {
    OutPoint prevout;
    Script scriptSig;
    uint32_t sequence = 0xffffffff;
    Witness witness;

    static constexpr uint32_t kSequenceFinal = 0xffffffff;
    static constexpr uint32_t kSequenceLocktimeDisableFlag = 1u << 31;
    static constexpr uint32_t kSequenceLocktimeTypeFlag = 1u << 22;
    static constexpr uint32_t kSequenceLocktimeMask = 0x0000ffff;
    bool operator==(const TxIn &) const = default;
};

struct TxOut {
    Amount value;
    Script scriptPubKey;
    bool operator==(const TxOut &) const = default;
};

class Transaction {
public:
    int32_t version = 2;
    std::vector<TxIn> inputs;
    std::vector<TxOut> outputs;
    uint32_t lockTime = 0;

    /// Parses with witness when the BIP 144 marker is present; rejects trailing bytes.
    static Result<Transaction> parse(ByteView data);
    static Result<Transaction> parseHex(std::string_view hex);
    /// Reads one transaction from a stream (PSBT and block use).
    static Result<Transaction> read(Reader &r, bool allowWitness = true);

    Bytes serialize(bool withWitness = true) const;
    void write(Writer &w, bool withWitness = true) const;
    bool hasWitness() const;

    Hash256 txid() const;
    Hash256 wtxid() const;
    /// Weight units (BIP 141) and virtual size.
    size_t weight() const;
    size_t vsize() const { return (weight() + 3) / 4; }

    /// Core's CheckTransaction context-free checks (the BADTX of tx_invalid.json).
    Status checkBasic() const;

    bool operator==(const Transaction &) const = default;
};

} // namespace spillway::bitcoin
