#include "Network.h"

namespace spillway::bitcoin {

namespace {
constexpr Network kNetworks[] = {
    {NetworkId::Main, "main", "bc", 0, 5, 128, 0x0488B21E, 0x0488ADE4, 0, 600, 144, 1008},
    {NetworkId::Testnet, "testnet", "tb", 111, 196, 239, 0x043587CF, 0x04358394, 1, 600, 36, 288},
    {NetworkId::Testnet4, "testnet4", "tb", 111, 196, 239, 0x043587CF, 0x04358394, 1, 600, 36, 288},
    {NetworkId::Signet, "signet", "tb", 111, 196, 239, 0x043587CF, 0x04358394, 1, 600, 36, 288},
    {NetworkId::Regtest, "regtest", "bcrt", 111, 196, 239, 0x043587CF, 0x04358394, 1, 600, 6, 144},
    // The embedded local chain is regtest-like, with its own block interval for ETAs.
    {NetworkId::Local, "local", "bcrt", 111, 196, 239, 0x043587CF, 0x04358394, 1, 60, 6, 144},
};
} // namespace

const Network &network(NetworkId id)
{
    for (const auto &n : kNetworks)
        if (n.id == id)
            return n;
    return kNetworks[0];
}

std::optional<NetworkId> networkFromName(std::string_view name)
{
    if (name == "main" || name == "mainnet" || name == "bitcoin")
        return NetworkId::Main;
    if (name == "test" || name == "testnet" || name == "testnet3")
        return NetworkId::Testnet;
    if (name == "testnet4")
        return NetworkId::Testnet4;
    if (name == "signet")
        return NetworkId::Signet;
    if (name == "regtest")
        return NetworkId::Regtest;
    if (name == "local")
        return NetworkId::Local;
    return std::nullopt;
}

} // namespace spillway::bitcoin
