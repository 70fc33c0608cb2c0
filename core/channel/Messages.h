#pragma once
// The protocol messages (protocol.md "Messages"): binary records "SPW" 1 <type>
// <fields>, and their text form, bech32m with hrp "spw" and no length limit.

#include "ChannelParams.h"
#include "bitcoin/Key.h"

#include <variant>

namespace spillway::channel {

enum class MessageType : uint8_t {
    Offer = 1, Proposal = 2, RefundSig = 3, Funded = 4, Payment = 5, Ack = 6, Close = 7, Error = 8,
};

struct OfferMsg {
    bitcoin::NetworkId network = bitcoin::NetworkId::Local;
    Bytes payeePub;
    bitcoin::Script payeePayout;
    uint8_t variants = 0b11;          ///< bit 0: refund, bit 1: cltv
    int64_t minCapacity = 0, maxCapacity = 0;
    uint32_t minExpiryDelta = 0, maxExpiryDelta = 0;
    uint32_t minConfirmations = 1;
    int64_t minCommitFeerate = 1000;  ///< sat/kvB the commitment must pay at least (protocol.md "Opening terms")
    std::string endpoint;             ///< "host:port" or empty
    Bytes tlsFingerprint;    ///< SHA-256 of the payee's certificate key, or empty
    int64_t priceHint = 0;            ///< sat per unit, 0 = none
    std::string label;
    bool operator==(const OfferMsg &) const = default;
};

struct ProposalMsg {
    Variant variant = Variant::Cltv;
    Bytes payeePub;                   ///< the offer this answers (docs/protocol.md "Messages")
    bitcoin::OutPoint funding;
    int64_t capacity = 0;
    Bytes payerPub;
    bitcoin::Script payerRefund;
    uint32_t expiry = 0;
    int64_t commitFee = 0, refundFee = 0;
    Bytes unsignedRefund;    ///< serialized refund tx (`refund` variant), else empty
    bool operator==(const ProposalMsg &) const = default;
};

struct RefundSigMsg {
    bitcoin::OutPoint channel;
    bitcoin::CompactSignature signature{};
    bool operator==(const RefundSigMsg &) const = default;
};

struct FundedMsg {
    Bytes fundingTx;
    bool operator==(const FundedMsg &) const = default;
};

struct PaymentMsg {
    bitcoin::OutPoint channel;
    uint64_t sequence = 0;
    int64_t paid = 0;                 ///< cumulative
    bitcoin::CompactSignature signature{};
    bool operator==(const PaymentMsg &) const = default;
};

struct AckMsg {
    bitcoin::OutPoint channel;
    uint64_t sequence = 0;
    bool operator==(const AckMsg &) const = default;
};

/// Asks the payee to settle now; signed with the channel's payer key over
/// closeDigest(channel), so that nobody else can make a payee close.
struct CloseMsg {
    bitcoin::OutPoint channel;
    bitcoin::CompactSignature signature{};
    bool operator==(const CloseMsg &) const = default;
};
/// SHA-256 of "SPW close" || txid || index (little-endian), what a close signs.
bitcoin::Hash256 closeDigest(const bitcoin::OutPoint &channel);

/// The payee's newest acknowledged state, with the payer's own signature on it
/// (protocol.md: the answer to a payment out of sequence), so that a payer
/// restored from an older copy can check it and carry on from there.
struct CatchUpState {
    uint64_t sequence = 0;
    int64_t paid = 0;
    bitcoin::CompactSignature payerSig{};
    bool operator==(const CatchUpState &) const = default;
};

struct ErrorMsg {
    bitcoin::OutPoint channel;
    uint16_t code = 0;                ///< an ErrorCode
    std::string text;
    std::optional<CatchUpState> catchUp; ///< with PAYMENT_SEQUENCE, where the payee is
    bool operator==(const ErrorMsg &) const = default;
};

using Message = std::variant<OfferMsg, ProposalMsg, RefundSigMsg, FundedMsg, PaymentMsg, AckMsg, CloseMsg, ErrorMsg>;

MessageType messageType(const Message &m);
Bytes encodeMessage(const Message &m);
/// Strict: magic, version, known type, every field complete, no trailing bytes.
Result<Message> decodeMessage(ByteView data);

/// A stored offer in either form: today's, or the one written before offers
/// carried `min_commit_feerate` (read with 1 sat/vB). For the store only: a peer's
/// offer is always today's form.
Result<OfferMsg> decodeStoredOffer(ByteView data);

/// "spw1..." in lower case (upper-case it for a QR code's alphanumeric mode).
std::string messageToText(const Message &m);
/// Accepts either case; the checksum catches a mistyped or damaged text.
Result<Message> messageFromText(std::string_view text);
/// Several messages, one per line (a .spw file, a paste); blank lines are skipped.
/// An empty text is BAD_MESSAGE; so is any bad line (and then none is returned).
Result<std::vector<Message>> messagesFromText(std::string_view text);

} // namespace spillway::channel
