#include "MessageBundle.h"

#include "bitcoin/Bech32.h"
#include "bitcoin/Serialize.h"

#include <algorithm>

namespace spillway::ur {

namespace {

constexpr std::string_view kHrp = "spw";
constexpr uint8_t kMagic[3] = {'S', 'P', 'W'};

Error notABundle(const char *what)
{
    return makeError(ErrorCode::BadMessage, std::string("not Spillway messages: ") + what);
}

} // namespace

Result<Bytes> bundleMessageTexts(const std::vector<std::string> &texts)
{
    if (texts.empty() || texts.size() > kMaxBundledMessages)
        return makeError(ErrorCode::InvalidArgument, "bundle: 1 to 16 messages");
    bitcoin::Writer w;
    for (const std::string &text : texts) {
        auto d = bitcoin::bech32Decode(text, 1u << 21);
        if (!d)
            return d.error();
        if (d->hrp != kHrp || d->encoding != bitcoin::Bech32Encoding::Bech32m)
            return makeError(ErrorCode::InvalidBech32, "bundle: not a Spillway message");
        Bytes message;
        if (!bitcoin::convertBits(message, d->data, 5, 8, false))
            return makeError(ErrorCode::InvalidBech32, "bundle: bad padding");
        w.varBytes(message);
    }
    return w.take();
}

Result<std::vector<std::string>> messageTextsFromBundle(ByteView bundle)
{
    bitcoin::Reader r(bundle);
    std::vector<std::string> out;
    if (r.atEnd())
        return notABundle("empty");
    while (!r.atEnd()) {
        if (out.size() == kMaxBundledMessages)
            return notABundle("more than 16 messages");
        auto message = r.varBytes();
        if (!message)
            return message.error();
        if (message->size() < 5 || !std::equal(std::begin(kMagic), std::end(kMagic), message->begin()))
            return notABundle("a message without the SPW magic");
        Bytes values;
        bitcoin::convertBits(values, *message, 8, 5, true);
        out.push_back(bitcoin::bech32Encode(bitcoin::Bech32Encoding::Bech32m, kHrp, values));
    }
    return out;
}

} // namespace spillway::ur
