// Scanned text from untrusted bytes: single and multi-part URs (BC-UR), bytewords,
// fountain parts and Spillway's ur:bytes bundles. Lines feed one decoder, as frames
// of one animation would; whatever completes must re-encode to the same body.
#include "ur/Bytewords.h"
#include "ur/Fountain.h"
#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <cstdlib>
#include <string_view>

using namespace spillway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    ur::UrDecoder decoder;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        (void)decoder.receivePart(text.substr(start, end - start));
        start = end + 1;
    }
    if (decoder.isComplete()) {
        const ur::Ur &u = *decoder.result();
        auto again = ur::decodeSinglePart(ur::encodeSinglePart(u));
        if (!again || again->cbor != u.cbor || again->type != u.type)
            std::abort();
        if (auto bytes = ur::bytesFromUr(u))
            (void)ur::messageTextsFromBundle(*bytes);
        (void)ur::psbtFromUr(u);
    }
    if (auto single = ur::decodeSinglePart(text)) {
        if (ur::encodeSinglePart(*single) != std::string("ur:") + single->type + "/" +
                                                  ur::bytewordsEncode(single->cbor, ur::BytewordsStyle::Minimal))
            std::abort();
    }
    const ByteView raw(data, size);
    if (auto part = ur::FountainPart::fromCbor(raw)) {
        if (part->toCbor() != Bytes(raw.begin(), raw.end()))
            std::abort();
    }
    if (auto texts = ur::messageTextsFromBundle(raw)) {
        std::vector<std::string> lines(texts->begin(), texts->end());
        auto back = ur::bundleMessageTexts(lines);
        if (!back || *back != Bytes(raw.begin(), raw.end()))
            std::abort();
    }
    return 0;
}
