#pragma once
// Value types a chain backend reports.

#include "bitcoin/Transaction.h"

#include <QMetaType>

namespace spillway::chain {

struct ChainTip {
    int height = -1;
    int64_t time = 0;          ///< block time, seconds since the epoch
    bitcoin::Hash256 hash{};
    bool operator==(const ChainTip &) const = default;
};

struct TxStatus {
    bool known = false;
    bool inMempool = false;
    int blockHeight = -1;      ///< -1 while unconfirmed
    int confirmations = 0;
};

struct SpendInfo {
    bool exists = false;       ///< the output was ever created
    bool spent = false;
    bitcoin::Hash256 spender{};
    int spenderHeight = -1;    ///< -1 while the spender is unconfirmed
};

struct Utxo {
    bitcoin::OutPoint outpoint;
    bitcoin::TxOut output;
    int height = -1;           ///< -1 in the mempool
    int confirmations = 0;
    bool coinbase = false;
};

/// Satoshis per 1000 virtual bytes, as Core's CFeeRate.
struct FeeRate {
    int64_t satPerKvB = 1000;
    /// Fee for `vsize` virtual bytes, rounded up.
    int64_t feeFor(int64_t vsize) const { return (satPerKvB * vsize + 999) / 1000; }
};

/// The highest fee rate a broadcast may pay: 5,000 sat/vB (0.05 BTC/kvB), half
/// Bitcoin Core's own sendrawtransaction default. The highest mainnet rates seen
/// so far stayed below 2,000 sat/vB; a fee bump's child, which pays for its
/// parent too, has room to go above the package's rate. Anything over this is a
/// mistake (an amount typed as a fee, a wrong unit): every backend refuses it
/// with TxFeeTooHigh, and the node is asked to refuse it too (maxfeerate).
constexpr FeeRate kMaxFeeRate{5'000'000};

} // namespace spillway::chain

Q_DECLARE_METATYPE(spillway::chain::ChainTip)
