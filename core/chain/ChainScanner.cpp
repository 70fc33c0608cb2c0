#include "ChainScanner.h"

#include <functional>

namespace spillway::chain {

using namespace bitcoin;

void ChainScanner::setStartHeight(int height)
{
    height = std::max(0, height);
    if (height == m_start)
        return;
    m_start = height;
    needRescanFrom(m_start);
}

void ChainScanner::needRescanFrom(int height)
{
    m_needsRescan = true;
    m_rescanFrom = std::min(m_rescanFrom, height < 0 ? m_start : height);
}

bool ChainScanner::watchScripts(const std::vector<Script> &scripts)
{
    bool added = false;
    for (const auto &s : scripts)
        added |= m_scripts.insert(s.bytes()).second;
    if (added)
        needRescanFrom(m_start);
    return added;
}

bool ChainScanner::watchOutpoint(const OutPoint &outpoint, int fromHeight)
{
    const bool added = m_outpoints.insert(outpoint).second;
    if (added)
        needRescanFrom(fromHeight);
    return added;
}

bool ChainScanner::watchTxid(const Hash256 &txid, int fromHeight)
{
    const bool added = m_txids.insert(txid).second;
    if (added)
        needRescanFrom(fromHeight);
    return added;
}

void ChainScanner::reset()
{
    m_blocks.clear();
    m_chain = {};
    m_needsRescan = false;
    m_rescanFrom = std::numeric_limits<int>::max();
}

void ChainScanner::rescanFromHeight(int height)
{
    while (!m_blocks.empty() && tipHeight() >= height)
        disconnectTip();
    m_needsRescan = false;
    m_rescanFrom = std::numeric_limits<int>::max();
}

std::optional<Hash256> ChainScanner::hashAt(int height) const
{
    if (height < m_start || height > tipHeight())
        return std::nullopt;
    return m_blocks[static_cast<size_t>(height - m_start)].tip.hash;
}

std::optional<ChainTip> ChainScanner::tip() const
{
    if (m_blocks.empty())
        return std::nullopt;
    return m_blocks.back().tip;
}

bool ChainScanner::apply(const Transaction &tx, const Hash256 &txid, int height, bool coinbase, View &view, const View *base,
                         BlockEntry *undo) const
{
    bool relevant = m_txids.count(txid) > 0;
    if (!coinbase) {
        for (const auto &in : tx.inputs) {
            const bool tracked = m_outpoints.count(in.prevout) || view.outputs.count(in.prevout) ||
                                 (base && base->outputs.count(in.prevout));
            if (!tracked)
                continue;
            view.spends[in.prevout] = Spend{txid, height};
            if (undo)
                undo->spends.push_back(in.prevout);
            relevant = true;
        }
    }
    for (uint32_t i = 0; i < tx.outputs.size(); ++i) {
        const OutPoint op{txid, i};
        if (!m_scripts.count(tx.outputs[i].scriptPubKey.bytes()) && !m_outpoints.count(op))
            continue;
        view.outputs[op] = Output{tx.outputs[i], height, coinbase};
        if (undo)
            undo->outputs.push_back(op);
        relevant = true;
    }
    if (relevant) {
        view.txs[txid] = Tx{tx, height};
        if (undo)
            undo->txs.push_back(txid);
    }
    return relevant;
}

Status ChainScanner::connect(const Block &block, const Hash256 &hash)
{
    if (!m_blocks.empty() && block.header.prevBlock != m_blocks.back().tip.hash)
        return makeError(ErrorCode::ChainCorrupt, "block " + toDisplayHex(hash) + " does not follow the tip");
    BlockEntry entry;
    entry.tip = ChainTip{nextHeight(), static_cast<int64_t>(block.header.time), hash};
    for (size_t i = 0; i < block.transactions.size(); ++i) {
        const Transaction &tx = block.transactions[i];
        apply(tx, tx.txid(), entry.tip.height, i == 0, m_chain, nullptr, &entry);
    }
    m_blocks.push_back(std::move(entry));
    return {};
}

void ChainScanner::disconnectTip()
{
    if (m_blocks.empty())
        return;
    const BlockEntry &b = m_blocks.back();
    for (const auto &op : b.outputs)
        m_chain.outputs.erase(op);
    for (const auto &op : b.spends)
        m_chain.spends.erase(op);
    for (const auto &txid : b.txs)
        m_chain.txs.erase(txid);
    m_blocks.pop_back();
}

void ChainScanner::setMempool(std::vector<Transaction> txs)
{
    m_mempool = {};
    // Parents before children, so that a child's spend of its parent's watched output is seen.
    std::map<Hash256, size_t> index;
    for (size_t i = 0; i < txs.size(); ++i)
        index.emplace(txs[i].txid(), i);
    std::vector<bool> done(txs.size(), false);
    std::function<void(size_t)> visit = [&](size_t i) {
        if (done[i])
            return;
        done[i] = true;
        for (const auto &in : txs[i].inputs)
            if (auto it = index.find(in.prevout.txid); it != index.end())
                visit(it->second);
        apply(txs[i], txs[i].txid(), -1, false, m_mempool, &m_chain, nullptr);
    };
    for (size_t i = 0; i < txs.size(); ++i)
        visit(i);
}

const ChainScanner::Output *ChainScanner::findOutput(const OutPoint &op) const
{
    if (auto it = m_chain.outputs.find(op); it != m_chain.outputs.end())
        return &it->second;
    if (auto it = m_mempool.outputs.find(op); it != m_mempool.outputs.end())
        return &it->second;
    return nullptr;
}

std::vector<Utxo> ChainScanner::unspent(const std::vector<Script> &scripts) const
{
    std::set<Bytes> wanted;
    for (const auto &s : scripts)
        wanted.insert(s.bytes());
    std::vector<Utxo> out;
    for (const View *view : {&m_chain, &m_mempool}) {
        for (const auto &[op, o] : view->outputs) {
            if (!wanted.count(o.out.scriptPubKey.bytes()) || m_chain.spends.count(op) || m_mempool.spends.count(op))
                continue;
            Utxo u;
            u.outpoint = op;
            u.output = o.out;
            u.height = o.height;
            u.confirmations = o.height < 0 ? 0 : tipHeight() - o.height + 1;
            u.coinbase = o.coinbase;
            out.push_back(std::move(u));
        }
    }
    return out;
}

SpendInfo ChainScanner::spend(const OutPoint &outpoint) const
{
    SpendInfo s;
    s.exists = findOutput(outpoint) != nullptr;
    const Spend *sp = nullptr;
    if (auto it = m_chain.spends.find(outpoint); it != m_chain.spends.end())
        sp = &it->second;
    else if (auto mit = m_mempool.spends.find(outpoint); mit != m_mempool.spends.end())
        sp = &mit->second;
    if (sp) {
        s.exists = true;
        s.spent = true;
        s.spender = sp->spender;
        s.spenderHeight = sp->height;
    }
    return s;
}

TxStatus ChainScanner::status(const Hash256 &txid) const
{
    TxStatus st;
    if (auto it = m_chain.txs.find(txid); it != m_chain.txs.end()) {
        st.known = true;
        st.blockHeight = it->second.height;
        st.confirmations = tipHeight() - it->second.height + 1;
    } else if (m_mempool.txs.count(txid)) {
        st.known = true;
        st.inMempool = true;
    }
    return st;
}

std::optional<Transaction> ChainScanner::transaction(const Hash256 &txid) const
{
    if (auto it = m_chain.txs.find(txid); it != m_chain.txs.end())
        return it->second.tx;
    if (auto it = m_mempool.txs.find(txid); it != m_mempool.txs.end())
        return it->second.tx;
    return std::nullopt;
}

} // namespace spillway::chain
