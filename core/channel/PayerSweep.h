#pragma once
// protocol.md "Transactions": the payer's output of a commitment is locked for
// one block under the payer's channel key (<payer_pub> OP_CHECKSIGVERIFY OP_1
// OP_CHECKSEQUENCEVERIFY), so that nobody but the payee can hang children on an
// unconfirmed settlement. Once the settlement has confirmed, the payer's
// watcher sweeps that output into its wallet with the transaction built here.

#include "ChannelParams.h"
#include "bitcoin/Key.h"

namespace spillway::channel {

/// The payer's locked output in a settlement of channel `p`, if it has one.
struct LockedPayerOutput {
    bitcoin::OutPoint outpoint;
    bitcoin::Amount value;
};
std::optional<LockedPayerOutput> lockedPayerOutput(const ChannelParams &p, const bitcoin::Transaction &settlement);

/// Virtual size of the sweep (one locked input, one output to `payTo`).
int64_t payerSweepVsize(const ChannelParams &p, const bitcoin::Script &payTo);

/// The signed sweep: version 2, input nSequence 1 (BIP 68: one block after the
/// settlement confirms), witness <sig> <script>, `fee` paid from the output.
/// TX_DUST when what is left would be dust.
Result<bitcoin::Transaction> buildPayerSweep(const ChannelParams &p, const LockedPayerOutput &locked,
                                             const bitcoin::Script &payTo, int64_t fee,
                                             const bitcoin::PrivateKey &payerKey);

} // namespace spillway::channel
