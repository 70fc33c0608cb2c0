#include "FeeBumper.h"

#include "bitcoin/Interpreter.h"

#include <algorithm>

namespace spillway::channel {

using namespace bitcoin;

int64_t cpfpChildVsize()
{
    Transaction tx;
    tx.version = 2;
    TxIn in;
    in.witness = {Bytes(73, 0x30), Bytes(33, 0x02)};
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(1), p2wpkh(Hash160{})});
    return static_cast<int64_t>(tx.vsize());
}

int64_t cpfpChildFee(const BumpParent &parent, const BumpTarget &target)
{
    const int64_t packageVsize = static_cast<int64_t>(parent.tx.vsize()) + cpfpChildVsize();
    const int64_t packageFee = (target.satPerKvB * packageVsize + 999) / 1000;
    return std::max({packageFee - parent.fee, target.minChildFee, int64_t(0)});
}

Result<Transaction> buildCpfpChild(const BumpParent &parent, const BumpTarget &target, const PrivateKey &key, const Script &payTo)
{
    if (parent.vout >= parent.tx.outputs.size())
        return makeError(ErrorCode::InvalidArgument, "the parent has no such output");
    const TxOut &ours = parent.tx.outputs[parent.vout];
    const Script mine = p2wpkh(key.publicKey().hash());
    if (!(ours.scriptPubKey == mine))
        return makeError(ErrorCode::InvalidPrivateKey, "the output is not ours to spend");
    const int64_t fee = cpfpChildFee(parent, target);
    if (ours.value.sat() - fee < dustThreshold(payTo))
        return makeError(ErrorCode::TxDust, "our output of " + std::to_string(ours.value.sat()) + " sat cannot pay a child fee of " +
                                                std::to_string(fee) + " sat: keep a wallet coin in reserve to bump with");
    Transaction tx;
    tx.version = 2;
    TxIn in;
    in.prevout = OutPoint{parent.tx.txid(), parent.vout};
    in.sequence = 0xfffffffd; // replaceable: a later bump replaces this child, never the parent
    tx.inputs.push_back(in);
    tx.outputs.push_back(TxOut{Amount::fromSat(ours.value.sat() - fee), payTo});
    const PublicKey pub = key.publicKey();
    const Hash256 digest = segwitV0Sighash(tx, 0, p2pkh(pub.hash()).bytes(), ours.value, SIGHASH_ALL);
    Bytes sig = key.signDer(digest);
    sig.push_back(SIGHASH_ALL);
    tx.inputs[0].witness = {sig, pub.bytes()};
    if (const ScriptError err = verifyInput(tx, 0, ours, kStandardFlags); err != ScriptError::OK)
        return makeError(ErrorCode::ScriptFailed, std::string(scriptErrorName(err)));
    return tx;
}

} // namespace spillway::channel
