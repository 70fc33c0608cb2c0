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

} // namespace spillway::chain

Q_DECLARE_METATYPE(spillway::chain::ChainTip)
