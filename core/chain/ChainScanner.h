#pragma once
// What a wallet-less node can tell only by reading blocks: the coins paying a
// set of watched scripts, who spent them or a watched outpoint, and where the
// transactions touching them are. Fed block by block from the wallet's
// birthday (connect), rolled back block by block on a reorg (disconnectTip),
// with the node's mempool laid over it. Pure bookkeeping: CoreRpcBackend does
// the fetching. Watching something new makes the caller rescan from the start
// (needsRescan), because the blocks already read were read without it.

#include "ChainTypes.h"
#include "bitcoin/Block.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <vector>

namespace spillway::chain {

class ChainScanner {
public:
    /// Height of the first block to read (the wallet's birthday).
    int startHeight() const { return m_start; }
    void setStartHeight(int height);

    /// Adds what to look for; true when anything was new (needsRescan is set then).
    /// `fromHeight`: the lowest height a block with it can be at, when the caller
    /// knows (the node's UTXO set or mempool said so); only blocks from there
    /// are read again. -1: anywhere since startHeight().
    bool watchScripts(const std::vector<bitcoin::Script> &scripts);
    bool watchOutpoint(const bitcoin::OutPoint &outpoint, int fromHeight = -1);
    bool watchTxid(const bitcoin::Hash256 &txid, int fromHeight = -1);
    bool needsRescan() const { return m_needsRescan; }
    /// With needsRescan: the lowest height to read again (startHeight(): all of them).
    int rescanFrom() const { return std::max(m_start, m_rescanFrom); }
    /// Forgets every block read (the watch list stays); the next block is startHeight().
    void reset();
    /// Takes back the blocks from `height` on (nothing below can hold what was
    /// watched since), so that they are read again with the whole watch list.
    void rescanFromHeight(int height);

    /// Blocks read: heights startHeight() .. tipHeight().
    int tipHeight() const { return m_start + static_cast<int>(m_blocks.size()) - 1; }
    int nextHeight() const { return tipHeight() + 1; }
    std::optional<bitcoin::Hash256> hashAt(int height) const;
    std::optional<ChainTip> tip() const;

    /// Reads the block at nextHeight(); its parent must be the tip (or it is the first).
    Status connect(const bitcoin::Block &block, const bitcoin::Hash256 &hash);
    /// Undoes the tip block (a reorg took it away).
    void disconnectTip();

    /// Everything read and found, for ScanState (ScanState.cpp; the mempool is not kept).
    Bytes saveState() const;
    /// Takes a saved state over when it starts where this scanner starts; what this
    /// scanner watches beyond the saved watch list still needs a rescan (needsRescan).
    Status loadState(ByteView data);
    /// How many scripts, outpoints and txids are watched (grows only).
    size_t watchCount() const { return m_scripts.size() + m_outpoints.size() + m_txids.size(); }

    /// The node's mempool now (replaces the previous one).
    void setMempool(std::vector<bitcoin::Transaction> txs);

    // Answers, for what is watched (the caller watches before asking).
    std::vector<Utxo> unspent(const std::vector<bitcoin::Script> &scripts) const;
    SpendInfo spend(const bitcoin::OutPoint &outpoint) const;
    TxStatus status(const bitcoin::Hash256 &txid) const;
    std::optional<bitcoin::Transaction> transaction(const bitcoin::Hash256 &txid) const;

private:
    struct Output {
        bitcoin::TxOut out;
        int height = -1;
        bool coinbase = false;
    };
    struct Spend {
        bitcoin::Hash256 spender{};
        int height = -1;
    };
    struct Tx {
        bitcoin::Transaction tx;
        int height = -1;
    };
    struct BlockEntry {
        ChainTip tip;
        std::vector<bitcoin::OutPoint> outputs; ///< undo: added to m_outputs
        std::vector<bitcoin::OutPoint> spends;  ///< undo: added to m_spends
        std::vector<bitcoin::Hash256> txs;      ///< undo: added to m_txs
    };
    struct View {
        std::map<bitcoin::OutPoint, Output> outputs;
        std::map<bitcoin::OutPoint, Spend> spends;
        std::map<bitcoin::Hash256, Tx> txs;
    };

    /// Records what `tx` does to watched things into `view`; returns what it added.
    bool apply(const bitcoin::Transaction &tx, const bitcoin::Hash256 &txid, int height, bool coinbase, View &view,
               const View *base, BlockEntry *undo) const;
    const Output *findOutput(const bitcoin::OutPoint &op) const;

    int m_start = 0;
    bool m_needsRescan = false;
    int m_rescanFrom = std::numeric_limits<int>::max(); ///< with m_needsRescan
    void needRescanFrom(int height);
    std::set<Bytes> m_scripts;
    std::set<bitcoin::OutPoint> m_outpoints;
    std::set<bitcoin::Hash256> m_txids;
    std::vector<BlockEntry> m_blocks;
    View m_chain;
    View m_mempool;
};

} // namespace spillway::chain
