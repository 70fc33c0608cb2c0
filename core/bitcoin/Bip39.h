#pragma once
// BIP 39 mnemonics (English): generate, validate, seed.

#include "common/Bytes.h"

#include <array>
#include <string_view>

namespace spillway::bitcoin {

const std::array<std::string_view, 2048> &bip39EnglishWords();

/// Mnemonic for 16..32 bytes of entropy (multiple of 4). Held in wiping memory.
Result<SecretBytes> mnemonicFromEntropy(ByteView entropy);
/// A new 12 or 24 word mnemonic from OpenSSL's CSPRNG.
SecretBytes generateMnemonic(int words = 24);
/// Checks words, count and checksum; returns the entropy.
Result<SecretBytes> mnemonicToEntropy(std::string_view mnemonic);
/// PBKDF2-HMAC-SHA512(mnemonic, "mnemonic" + passphrase, 2048) -> 64 bytes.
SecretBytes mnemonicToSeed(std::string_view mnemonic, std::string_view passphrase = {});

} // namespace spillway::bitcoin
