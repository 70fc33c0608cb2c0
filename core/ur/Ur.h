#pragma once
// Uniform Resources (BCR-2020-005): `ur:<type>/<bytewords>` for one code and
// `ur:<type>/<seqNum>-<seqLen>/<bytewords>` for the parts of an animated one, the
// bytewords being the minimal style of the CBOR body (single part) or of a
// fountain part (Fountain.h). Written lower case; upper case (what a QR code's
// alphanumeric mode holds) is read too.
//
// Types Spillway writes and reads (BCR-2020-006): `crypto-psbt` (what most wallets
// read today; `psbt` is read too) for PSBTs, and `bytes` for its own messages
// (protocol.md "Animated QR codes").

#include "Fountain.h"

#include <optional>
#include <string>

namespace spillway::ur {

struct Ur {
    std::string type; ///< lower case: a-z, 0-9 and '-'
    Bytes cbor;       ///< the body, one CBOR item
};

[[nodiscard]] bool isUrType(std::string_view type);
/// True if `text` begins with "ur:" in either case (what a scanner routes here).
[[nodiscard]] bool looksLikeUr(std::string_view text);

/// One code: "ur:type/bytewords".
[[nodiscard]] std::string encodeSinglePart(const Ur &ur);
/// A single-part UR. Errors: BAD_MESSAGE (not a UR, a bad type, a multi-part UR),
/// INVALID_CHECKSUM, OVERSIZED_FIELD.
[[nodiscard]] Result<Ur> decodeSinglePart(std::string_view text);

/// PSBT bytes as a UR: `crypto-psbt` by default, `psbt` on request.
[[nodiscard]] Ur psbtUr(ByteView psbt, bool legacyCryptoPsbt = true);
/// The PSBT of a `psbt` or `crypto-psbt` UR (a leading tag 40310/310 is allowed).
[[nodiscard]] Result<Bytes> psbtFromUr(const Ur &ur);
[[nodiscard]] Ur bytesUr(ByteView data);
/// The contents of a `bytes` UR.
[[nodiscard]] Result<Bytes> bytesFromUr(const Ur &ur);

/// Writes a UR as codes to show one after another. A body that fits in one
/// fragment gives the same single-part UR over and over.
class UrEncoder {
public:
    UrEncoder(Ur ur, size_t maxFragmentLen, uint32_t firstSeqNum = 0, size_t minFragmentLen = 10);
    /// The next code: "ur:type/n-m/bytewords" (or the single part).
    [[nodiscard]] std::string nextPart();
    [[nodiscard]] size_t seqLen() const { return m_fountain.seqLen(); }
    /// The sequence number of the part last returned.
    [[nodiscard]] uint32_t seqNum() const { return m_fountain.seqNum(); }
    [[nodiscard]] bool isSinglePart() const { return m_fountain.isSinglePart(); }

private:
    Ur m_ur;
    FountainEncoder m_fountain;
};

/// Reassembles a UR from scanned codes, single or multi-part, in any order.
class UrDecoder {
public:
    using Outcome = FountainDecoder::Outcome;
    /// Errors: the text is no UR (BAD_MESSAGE and the others of decodeSinglePart), or
    /// it belongs to another UR than the parts before it (BAD_MESSAGE: start a new
    /// decoder to follow it).
    [[nodiscard]] Result<Outcome> receivePart(std::string_view text);
    [[nodiscard]] bool isComplete() const { return m_result.has_value(); }
    [[nodiscard]] const std::optional<Ur> &result() const { return m_result; }
    /// The parts rebuilt a message whose checksum is wrong: start a new decoder.
    [[nodiscard]] bool isFailed() const { return m_fountain.isFailed(); }
    /// The type of the parts taken, empty before the first.
    [[nodiscard]] const std::string &type() const { return m_type; }
    [[nodiscard]] double progress() const { return isComplete() ? 1.0 : m_fountain.progress(); }
    [[nodiscard]] size_t expectedFragmentCount() const { return m_fountain.expectedFragmentCount(); }
    /// The CRC-32 of the whole body of a multi-part UR (0 for a single part or none yet):
    /// tells one animation from another.
    [[nodiscard]] uint32_t messageChecksum() const { return m_fountain.messageChecksum(); }
    [[nodiscard]] size_t receivedFragmentCount() const { return m_fountain.receivedFragmentCount(); }
    [[nodiscard]] size_t processedPartCount() const { return m_fountain.processedPartCount(); }

private:
    std::string m_type;
    FountainDecoder m_fountain;
    std::optional<Ur> m_result;
};

} // namespace spillway::ur
