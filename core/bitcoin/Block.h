#pragma once
// A block as serialized on the wire and by getblock with verbosity 0.

#include "Transaction.h"

namespace spillway::bitcoin {

struct BlockHeader {
    int32_t version = 0;
    Hash256 prevBlock{};
    Hash256 merkleRoot{};
    uint32_t time = 0;
    uint32_t bits = 0;
    uint32_t nonce = 0;

    /// Double SHA-256 of the 80 serialized bytes (internal byte order).
    Hash256 hash() const;
};

struct Block {
    BlockHeader header;
    std::vector<Transaction> transactions;

    /// The whole serialized block; rejects trailing bytes and blocks without
    /// transactions, and checks the merkle root against the transactions.
    static Result<Block> parse(ByteView data);
};

/// Merkle root of txids, as in a block header (Core's BlockMerkleRoot).
Hash256 merkleRoot(std::vector<Hash256> hashes);

} // namespace spillway::bitcoin
