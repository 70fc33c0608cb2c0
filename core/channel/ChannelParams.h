#pragma once
// A channel's fixed terms, agreed when it opens, and the transactions both sides
// build from them (protocol.md "Two variants" and "Transactions"). Both sides run
// this same code, so they build byte-identical refunds and commitments.

#include "bitcoin/Network.h"
#include "bitcoin/Sighash.h"

namespace spillway::channel {

enum class Variant : uint8_t {
    Refund = 1, ///< the seed's: 2-of-2 plus a refund pre-signed by the payee
    Cltv = 2,   ///< BIP 65: the payer alone after `expiry`
};

std::string_view variantName(Variant v);

struct ChannelParams {
    bitcoin::NetworkId network = bitcoin::NetworkId::Local;
    Variant variant = Variant::Cltv;
    bitcoin::OutPoint funding;
    bitcoin::Amount capacity;
    Bytes payerPub;       ///< 33-byte compressed
    Bytes payeePub;       ///< 33-byte compressed
    bitcoin::Script payeePayout;   ///< where the payee's money goes
    bitcoin::Script payerRefund;   ///< where the refund goes
    /// Channels opened before the payer's commitment output was locked (stored
    /// terms only, never from a peer): the payer's change script; else empty.
    bitcoin::Script legacyPayerChange;
    uint32_t expiry = 0;           ///< absolute block height
    bitcoin::Amount commitFee;
    bitcoin::Amount refundFee;

    /// Checks what no honest peer would propose (keys, amounts, scripts, expiry).
    Status validate() const;

    bitcoin::Script witnessScript() const;
    /// The payer's output of a commitment (protocol.md "Transactions"): P2WSH of
    /// <payer_pub> OP_CHECKSIGVERIFY OP_1 OP_CHECKSEQUENCEVERIFY, locked for one block.
    bitcoin::Script payerOutputWitnessScript() const { return bitcoin::payerLockedScript(payerPub); }
    bitcoin::Script payerOutputScript() const
    {
        return legacyPayerChange.empty() ? bitcoin::p2wsh(payerOutputWitnessScript()) : legacyPayerChange;
    }
    bitcoin::Script fundingScriptPubKey() const { return bitcoin::p2wsh(witnessScript()); }
    bitcoin::TxOut fundingOutput() const { return {capacity, fundingScriptPubKey()}; }
    /// capacity - commit_fee: the most a commitment can pay.
    bitcoin::Amount maxPayable() const;
    /// Dust threshold of the payee's payout script: the least a first payment may pay.
    bitcoin::Amount minFirstPayment() const;
    /// The channel id: the funding outpoint.
    const bitcoin::OutPoint &id() const { return funding; }
    bool operator==(const ChannelParams &) const = default;
};

/// Binary form for the store (versioned by the store's schema).
Bytes encodeParams(const ChannelParams &p);
Result<ChannelParams> decodeParams(ByteView data);

/// Refund: nLockTime = expiry, nSequence 0xFFFFFFFE, capacity - refund_fee to the payer.
bitcoin::Transaction buildRefund(const ChannelParams &p);

/// Commitment n paying `paid` in total: nLockTime 0, nSequence final, outputs payee
/// then the payer's locked output; an output below its dust threshold is left out
/// (its value goes to fees).
bitcoin::Transaction buildCommitment(const ChannelParams &p, bitcoin::Amount paid);

/// BIP 143 digests of the funding input. The channel's hashPrevouts and hashSequence
/// never change, so they are hashed once; a commitment then costs its outputs' hash
/// and the preimage's.
class ChannelSighasher {
public:
    explicit ChannelSighasher(const ChannelParams &p);
    bitcoin::Hash256 digest(const bitcoin::Transaction &tx) const;
    bitcoin::Hash256 commitmentDigest(bitcoin::Amount paid) const { return digest(buildCommitment(m_params, paid)); }

private:
    ChannelParams m_params;
    Bytes m_witnessScript;
    bitcoin::Hash256 m_prevouts{};
    bitcoin::Hash256 m_sequenceFinal{};
    bitcoin::Hash256 m_sequenceRefund{};
};

/// Witnesses (protocol.md table). Signatures are DER + SIGHASH_ALL.
bitcoin::Witness commitmentWitness(const ChannelParams &p, const Bytes &payerSig, const Bytes &payeeSig);
bitcoin::Witness refundWitness(const ChannelParams &p, const Bytes &payerSig, const Bytes &payeeSig);

/// DER signature with the SIGHASH_ALL byte appended.
Bytes sigWithHashType(const Bytes &der);

} // namespace spillway::channel
