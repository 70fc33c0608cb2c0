// Transactions from untrusted bytes: parse must return an error or a value that
// re-serializes to exactly the input (BIP 144 with and without witness).
#include "bitcoin/Interpreter.h"

#include <cstdlib>

using namespace spillway::bitcoin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto tx = Transaction::parse({data, size});
    if (!tx)
        return 0;
    const auto bytes = tx->serialize();
    if (bytes.size() != size || !std::equal(bytes.begin(), bytes.end(), data))
        std::abort();
    (void)tx->txid();
    (void)tx->wtxid();
    (void)tx->checkBasic();
    // Each input against the P2WSH of its own witness script, or a bare script.
    const SighashCache cache(*tx);
    for (size_t i = 0; i < tx->inputs.size() && i < 4; ++i) {
        const TxIn &in = tx->inputs[i];
        TxOut spent{Amount::fromSat(1000), in.witness.empty() ? in.scriptSig : p2wsh(Script(in.witness.back()))};
        (void)verifyInput(*tx, i, spent, kStandardFlags, &cache);
        (void)legacySighash(*tx, i, spent.scriptPubKey, 1);
    }
    return 0;
}
