#pragma once
// Multi-part messages as fountain codes (BCR-2020-005, BCR-2024-001): the message is
// cut into seqLen equal fragments (the last padded with zeros); parts 1..seqLen carry
// one fragment each, every later part the XOR of a pseudo-random set of them, chosen
// by Xoshiro256** seeded with SHA-256(seqNum ‖ checksum). A receiver rebuilds the
// message from any large enough set of parts, in any order, with some missing.
//
// The decoder takes hostile input: message, fragment and part counts are capped, and
// what it keeps is bounded by a small multiple of the message's length.

#include "common/Bytes.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace spillway::ur {

/// Caps on what a decoder accepts (a PSBT or a Spillway funding fits easily).
inline constexpr size_t kMaxMessageLen = 1u << 20;
inline constexpr size_t kMaxFragmentLen = 4096;
inline constexpr size_t kMaxSeqLen = 4096;

/// Xoshiro256** as BCR-2024-001 uses it: the state is SHA-256 of the seed, read as
/// four big-endian 64-bit words.
class Xoshiro256 {
public:
    explicit Xoshiro256(ByteView seed);
    explicit Xoshiro256(std::string_view seed) : Xoshiro256(asBytes(seed)) {}
    uint64_t next();
    /// In [0, 1).
    double nextDouble();
    /// In [low, high].
    uint64_t nextInt(uint64_t low, uint64_t high);
    uint8_t nextByte() { return static_cast<uint8_t>(nextInt(0, 255)); }
    Bytes nextData(size_t count);

private:
    std::array<uint64_t, 4> m_s{};
};

/// Walker's alias method as BCR-2024-001 specifies it (Vose, indexes reversed).
class RandomSampler {
public:
    explicit RandomSampler(const std::vector<double> &weights);
    size_t next(Xoshiro256 &rng) const;

private:
    std::vector<double> m_probs;
    std::vector<size_t> m_aliases;
};

/// The fragment indexes (0-based) mixed into part `seqNum` (1-based).
std::vector<size_t> chooseFragments(uint32_t seqNum, size_t seqLen, uint32_t checksum);

/// One part: CBOR [seqNum, seqLen, messageLen, checksum, data].
struct FountainPart {
    uint32_t seqNum = 0;
    size_t seqLen = 0;
    size_t messageLen = 0;
    uint32_t checksum = 0;
    Bytes data;

    [[nodiscard]] Bytes toCbor() const;
    /// Checks the caps and that seqLen is ceil(messageLen / data length).
    [[nodiscard]] static Result<FountainPart> fromCbor(ByteView cbor);
};

class FountainEncoder {
public:
    /// `message` must not be empty; fragments are as long as needed to keep them
    /// between `minFragmentLen` and `maxFragmentLen` bytes.
    FountainEncoder(ByteView message, size_t maxFragmentLen, uint32_t firstSeqNum = 0, size_t minFragmentLen = 10);
    static size_t nominalFragmentLength(size_t messageLen, size_t minFragmentLen, size_t maxFragmentLen);

    [[nodiscard]] FountainPart nextPart();
    [[nodiscard]] size_t seqLen() const { return m_fragments.size(); }
    [[nodiscard]] uint32_t seqNum() const { return m_seqNum; }
    [[nodiscard]] bool isSinglePart() const { return seqLen() == 1; }
    [[nodiscard]] uint32_t checksum() const { return m_checksum; }

private:
    size_t m_messageLen;
    uint32_t m_checksum;
    std::vector<Bytes> m_fragments;
    uint32_t m_seqNum;
};

class FountainDecoder {
public:
    enum class Outcome { Accepted, Duplicate, Complete };
    /// Errors: the part belongs to another message (BAD_MESSAGE), or the parts
    /// rebuilt a message whose CRC-32 is wrong (INVALID_CHECKSUM; the decoder is then spent).
    [[nodiscard]] Result<Outcome> receive(const FountainPart &part);
    [[nodiscard]] bool isComplete() const { return m_result.has_value(); }
    /// True once the parts rebuilt a message with a wrong checksum (start again).
    [[nodiscard]] bool isFailed() const { return m_failed; }
    /// The message, once complete.
    [[nodiscard]] const std::optional<Bytes> &message() const { return m_result; }
    [[nodiscard]] size_t expectedFragmentCount() const { return m_seqLen; }
    /// The CRC-32 of the message the parts so far belong to (0 before the first).
    [[nodiscard]] uint32_t messageChecksum() const { return m_checksum; }
    [[nodiscard]] size_t receivedFragmentCount() const { return m_simple.size(); }
    /// Parts taken so far (duplicates excluded).
    [[nodiscard]] size_t processedPartCount() const { return m_processed; }
    /// 0..1, a conservative estimate (BCR-2024-001 suggests parts over 1.75 × seqLen).
    [[nodiscard]] double progress() const;
    /// Fragments and mixes kept in memory (bounded; tests check the bound).
    [[nodiscard]] size_t heldPartCount() const { return m_simple.size() + m_mixed.size(); }
    /// Fragment indexes named by the mixes kept (bounded too: a mix of many
    /// fragments costs memory and time for every later part).
    [[nodiscard]] size_t heldIndexCount() const;

private:
    struct Pending {
        std::set<size_t> indexes;
        Bytes data;
    };
    void processSimple(Pending p);
    void processMixed(Pending p);
    void reduceMixedBy(const Pending &simpleOrMixed);
    static bool reduce(Pending &a, const Pending &b);

    bool m_started = false;
    bool m_failed = false;
    size_t m_seqLen = 0;
    size_t m_messageLen = 0;
    uint32_t m_checksum = 0;
    size_t m_fragmentLen = 0;
    std::map<size_t, Bytes> m_simple;
    std::map<std::set<size_t>, Bytes> m_mixed;
    std::vector<Pending> m_queue;
    std::set<uint32_t> m_seen;
    size_t m_processed = 0;
    std::optional<Bytes> m_result;
};

} // namespace spillway::ur
