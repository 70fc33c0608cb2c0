#include "Bip39.h"
#include "Hash.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cstdlib>

namespace spillway::bitcoin {

Result<SecretBytes> mnemonicFromEntropy(ByteView entropy)
{
    if (entropy.size() < 16 || entropy.size() > 32 || entropy.size() % 4 != 0)
        return makeError(ErrorCode::InvalidMnemonic, "entropy must be 16 to 32 bytes, a multiple of 4");
    const Hash256 h = sha256(entropy);
    const size_t bits = entropy.size() * 8 + entropy.size() / 4;
    auto bitAt = [&](size_t i) -> int {
        const uint8_t byte = i < entropy.size() * 8 ? entropy[i / 8] : h[(i - entropy.size() * 8) / 8];
        return (byte >> (7 - i % 8)) & 1;
    };
    // One allocation, large enough for 24 words of up to 8 letters: growing would leave
    // earlier copies of the words in freed memory.
    std::string out;
    out.reserve(24 * 9);
    for (size_t w = 0; w < bits / 11; ++w) {
        int idx = 0;
        for (size_t b = 0; b < 11; ++b)
            idx = idx << 1 | bitAt(w * 11 + b);
        if (!out.empty())
            out += ' ';
        out += bip39EnglishWords()[static_cast<size_t>(idx)];
    }
    SecretBytes result(asBytes(out));
    secureWipe(out.data(), out.capacity());
    return result;
}

SecretBytes generateMnemonic(int words)
{
    const size_t n = words == 12 ? 16 : 32;
    SecretBytes entropy(n);
    if (RAND_bytes(entropy.data(), static_cast<int>(n)) != 1)
        std::abort(); // never derive a wallet from predictable entropy
    return *mnemonicFromEntropy(entropy.view());
}

Result<SecretBytes> mnemonicToEntropy(std::string_view mnemonic)
{
    const auto &list = bip39EnglishWords();
    // The word indices are the secret too: one allocation (never regrown), wiped on the way out.
    struct Indices : std::vector<int> {
        ~Indices() { secureWipe(data(), capacity() * sizeof(int)); }
    } indices;
    indices.reserve(32);
    size_t i = 0;
    while (i < mnemonic.size()) {
        while (i < mnemonic.size() && mnemonic[i] == ' ')
            ++i;
        size_t start = i;
        while (i < mnemonic.size() && mnemonic[i] != ' ')
            ++i;
        if (start == i)
            break;
        std::string_view w = mnemonic.substr(start, i - start);
        auto it = std::lower_bound(list.begin(), list.end(), w);
        if (it == list.end() || *it != w)
            return makeError(ErrorCode::InvalidMnemonic, "word " + std::to_string(indices.size() + 1) + " is not in the BIP 39 list");
        indices.push_back(static_cast<int>(it - list.begin()));
    }
    if (indices.size() < 12 || indices.size() > 24 || indices.size() % 3 != 0)
        return makeError(ErrorCode::InvalidMnemonic, "12, 15, 18, 21 or 24 words are needed");
    const size_t totalBits = indices.size() * 11;
    const size_t checksumBits = totalBits / 33;
    const size_t entropyBytes = (totalBits - checksumBits) / 8;
    SecretBytes entropy(entropyBytes);
    struct Bits : std::vector<int> {
        ~Bits() { secureWipe(data(), capacity() * sizeof(int)); }
    } checksum;
    checksum.reserve(8);
    for (size_t b = 0; b < totalBits; ++b) {
        const int bit = (indices[b / 11] >> (10 - b % 11)) & 1;
        if (b < entropyBytes * 8)
            entropy[b / 8] = static_cast<uint8_t>(entropy[b / 8] | bit << (7 - b % 8));
        else
            checksum.push_back(bit);
    }
    const Hash256 h = sha256(entropy.view());
    for (size_t b = 0; b < checksumBits; ++b)
        if (((h[b / 8] >> (7 - b % 8)) & 1) != checksum[b])
            return makeError(ErrorCode::InvalidChecksum, "the recovery phrase's checksum does not match");
    return entropy;
}

SecretBytes mnemonicToSeed(std::string_view mnemonic, std::string_view passphrase)
{
    std::string salt;
    salt.reserve(8 + passphrase.size()); // one allocation: the passphrase is never left in a regrown copy
    salt = "mnemonic";
    salt += passphrase;
    SecretBytes seed = pbkdf2Sha512(asBytes(mnemonic), asBytes(salt), 2048, 64);
    secureWipe(salt.data(), salt.capacity());
    return seed;
}

} // namespace spillway::bitcoin
