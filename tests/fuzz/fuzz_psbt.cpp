// PSBTs from untrusted bytes: parse, then every role that takes no secret.
#include "bitcoin/Psbt.h"

#include <cstdlib>

using namespace spillway::bitcoin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto p = Psbt::parse({data, size});
    if (!p)
        return 0;
    const auto bytes = p->serialize();
    auto again = Psbt::parse(bytes);
    if (!again || again->serialize() != bytes)
        std::abort(); // what we write, we must read back identically
    Psbt copy = *p;
    (void)copy.combine(*p);
    (void)copy.finalize();
    (void)copy.extract();
    return 0;
}
