#include "Block.h"

#include "Serialize.h"

#include <cstring>

namespace spillway::bitcoin {

Hash256 BlockHeader::hash() const
{
    uint8_t raw[80];
    writeLe32(raw, static_cast<uint32_t>(version));
    std::memcpy(raw + 4, prevBlock.data(), 32);
    std::memcpy(raw + 36, merkleRoot.data(), 32);
    writeLe32(raw + 68, time);
    writeLe32(raw + 72, bits);
    writeLe32(raw + 76, nonce);
    return sha256d(ByteView(raw, sizeof raw));
}

Hash256 merkleRoot(std::vector<Hash256> hashes)
{
    if (hashes.empty())
        return {};
    while (hashes.size() > 1) {
        if (hashes.size() % 2)
            hashes.push_back(hashes.back());
        std::vector<Hash256> next;
        next.reserve(hashes.size() / 2);
        for (size_t i = 0; i < hashes.size(); i += 2)
            next.push_back(sha256d(concat(hashes[i], hashes[i + 1])));
        hashes = std::move(next);
    }
    return hashes.front();
}

Result<Block> Block::parse(ByteView data)
{
    Reader r(data);
    Block b;
    auto version = r.i32();
    if (!version)
        return version.error();
    b.header.version = *version;
    auto prev = r.bytes(32);
    if (!prev)
        return prev.error();
    std::memcpy(b.header.prevBlock.data(), prev->data(), 32);
    auto merkle = r.bytes(32);
    if (!merkle)
        return merkle.error();
    std::memcpy(b.header.merkleRoot.data(), merkle->data(), 32);
    auto time = r.u32();
    auto bits = time ? r.u32() : Result<uint32_t>(time.error());
    auto nonce = bits ? r.u32() : Result<uint32_t>(bits.error());
    if (!nonce)
        return nonce.error();
    b.header.time = *time;
    b.header.bits = *bits;
    b.header.nonce = *nonce;
    auto count = r.compactSize();
    if (!count)
        return count.error();
    if (*count == 0)
        return makeError(ErrorCode::InvalidTransaction, "a block without transactions");
    std::vector<Hash256> txids;
    for (uint64_t i = 0; i < *count; ++i) {
        auto tx = Transaction::read(r);
        if (!tx)
            return tx.error();
        txids.push_back(tx->txid());
        b.transactions.push_back(std::move(*tx));
    }
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, "after the block's transactions");
    if (merkleRoot(std::move(txids)) != b.header.merkleRoot)
        return makeError(ErrorCode::InvalidTransaction, "the block's merkle root does not match its transactions");
    return b;
}

} // namespace spillway::bitcoin
