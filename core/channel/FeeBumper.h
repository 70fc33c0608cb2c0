#pragma once
// protocol.md "Fee bumping and the deadline": a settlement whose fee became too
// low is pulled into a block by a child that spends the payee's own payout
// output of it and pays for both (CPFP). The payer's output is locked for one
// block, so nobody else can hang children on the settlement and pin it. A later
// bump replaces our own earlier child (RBF on the child only, never on the
// settlement, never on a funding).

#include "ChannelParams.h"
#include "bitcoin/Key.h"

namespace spillway::channel {

/// What a child must pay for a package to reach a feerate.
struct BumpTarget {
    int64_t satPerKvB = 0;        ///< the package feerate wanted
    int64_t minChildFee = 0;      ///< at least this (to replace an earlier child: its fee plus relay)
};

/// The parent's own fee and virtual size, and its output we may spend.
struct BumpParent {
    bitcoin::Transaction tx;
    int64_t fee = 0;
    uint32_t vout = 0;            ///< our output of it (the payee's payout)
};

/// Virtual size of a child spending one P2WPKH output into one P2WPKH output.
int64_t cpfpChildVsize();

/// The child's fee so that (parent fee + child fee) / (parent vsize + child vsize)
/// reaches the target, and at least `minChildFee`.
int64_t cpfpChildFee(const BumpParent &parent, const BumpTarget &target);

/// The signed child: version 2, spends `parent`'s output `vout` (a P2WPKH of
/// `key`), signals replacement (so that a higher bump can replace it), pays
/// what is left to `payTo`. TX_DUST when the output cannot pay the fee and stay
/// above dust (a payee with a small payout needs a wallet coin in reserve).
Result<bitcoin::Transaction> buildCpfpChild(const BumpParent &parent, const BumpTarget &target,
                                            const bitcoin::PrivateKey &key, const bitcoin::Script &payTo);

} // namespace spillway::channel
