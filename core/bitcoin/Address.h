#pragma once
// Addresses (base58 P2PKH/P2SH, bech32/bech32m segwit) and WIF private keys.

#include "Key.h"
#include "Network.h"
#include "Script.h"

namespace spillway::bitcoin {

/// The address paying to scriptPubKey, if it has one (P2PKH, P2SH, witness programs).
std::optional<std::string> encodeAddress(const Script &scriptPubKey, const Network &net);
/// Parses an address of `net` into its scriptPubKey. Addresses of other networks fail
/// with WRONG_NETWORK when they are otherwise valid.
Result<Script> decodeAddress(std::string_view address, const Network &net);

std::string encodeWif(const PrivateKey &key, const Network &net);
Result<PrivateKey> decodeWif(std::string_view wif, const Network &net);

} // namespace spillway::bitcoin
