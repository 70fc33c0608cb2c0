// Bech32/bech32m text from untrusted bytes: decode, re-encode, and addresses.
#include "bitcoin/Address.h"
#include "bitcoin/Bech32.h"

#include <cstdlib>

using namespace spillway::bitcoin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto d = bech32Decode(text, 10000);
    if (d) {
        std::string lower(text);
        for (char &c : lower)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        if (bech32Encode(d->encoding, d->hrp, d->data) != lower)
            std::abort();
    }
    for (NetworkId id : {NetworkId::Main, NetworkId::Regtest}) {
        auto spk = decodeAddress(text, network(id));
        if (spk) {
            auto back = encodeAddress(*spk, network(id));
            if (!back)
                std::abort();
        }
    }
    return 0;
}
