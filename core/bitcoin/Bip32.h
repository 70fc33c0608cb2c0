#pragma once
// BIP 32 hierarchical deterministic keys and BIP 84 paths.

#include "Key.h"
#include "Network.h"

#include <vector>

namespace spillway::bitcoin {

constexpr uint32_t kHardened = 0x80000000u;

/// "m/84'/0'/0'/0/5" (also 'h' or 'H' for hardened).
Result<std::vector<uint32_t>> parseDerivationPath(std::string_view path);
std::string formatDerivationPath(const std::vector<uint32_t> &path);

struct ExtendedPublicKey {
    uint8_t depth = 0;
    std::array<uint8_t, 4> parentFingerprint{};
    uint32_t childNumber = 0;
    std::array<uint8_t, 32> chainCode{};
    PublicKey key;

    /// Normal (non-hardened) child only.
    Result<ExtendedPublicKey> derive(uint32_t index) const;
    std::array<uint8_t, 4> fingerprint() const;
    std::string encode(uint32_t version) const;
    static Result<ExtendedPublicKey> decode(std::string_view text, uint32_t expectedVersion);
};

struct ExtendedPrivateKey {
    uint8_t depth = 0;
    std::array<uint8_t, 4> parentFingerprint{};
    uint32_t childNumber = 0;
    std::array<uint8_t, 32> chainCode{};
    PrivateKey key;

    static Result<ExtendedPrivateKey> fromSeed(ByteView seed);
    Result<ExtendedPrivateKey> derive(uint32_t index) const;
    Result<ExtendedPrivateKey> derivePath(const std::vector<uint32_t> &path) const;
    ExtendedPublicKey neuter() const;
    std::string encode(uint32_t version) const;
    static Result<ExtendedPrivateKey> decode(std::string_view text, uint32_t expectedVersion);
};

/// BIP 84: m/84'/coin'/account'/change/index.
std::vector<uint32_t> bip84Path(const Network &net, uint32_t account, uint32_t change, uint32_t index);

} // namespace spillway::bitcoin
