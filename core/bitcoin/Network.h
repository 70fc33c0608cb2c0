#pragma once
// Chain parameters that appear in encodings: address prefixes, WIF, BIP 32 versions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spillway::bitcoin {

enum class NetworkId { Main, Testnet, Testnet4, Signet, Regtest, Local };

struct Network {
    NetworkId id;
    std::string_view name;   ///< "main", "testnet", "testnet4", "signet", "regtest", "local"
    std::string_view hrp;    ///< bech32 human-readable part
    uint8_t p2pkhPrefix;
    uint8_t p2shPrefix;
    uint8_t wifPrefix;
    uint32_t xpubVersion;
    uint32_t xprvVersion;
    uint32_t coinType;       ///< BIP 44 coin type: 0 on main, 1 elsewhere
    uint32_t blockIntervalSeconds;
    uint32_t defaultSafetyMargin; ///< blocks before expiry at which the payee settles
    /// Blocks from opening to expiry by default: always more than one safety margin
    /// of use after confirmation (protocol.md "Opening terms", check 5).
    uint32_t defaultExpiryDelta;
};

const Network &network(NetworkId id);
/// "main"/"mainnet", "test"/"testnet", "testnet4", "signet", "regtest", "local".
std::optional<NetworkId> networkFromName(std::string_view name);

} // namespace spillway::bitcoin
