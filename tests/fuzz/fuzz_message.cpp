// Protocol messages from untrusted bytes (a peer, a QR code, a file): decode
// must return an error or a message that re-encodes to exactly the input.
#include "channel/Messages.h"

#include <cstdlib>

using namespace spillway::channel;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto m = decodeMessage({data, size});
    if (m) {
        const auto bytes = encodeMessage(*m);
        if (bytes.size() != size || !std::equal(bytes.begin(), bytes.end(), data))
            std::abort();
        auto again = messageFromText(messageToText(*m));
        if (!again || !(*again == *m))
            std::abort();
    }
    (void)messageFromText(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
