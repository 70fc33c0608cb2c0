// Scripts from untrusted bytes: iterate, print, evaluate under every flag set.
#include "bitcoin/Interpreter.h"

using namespace spillway::bitcoin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const uint32_t flags = uint32_t(data[0]) | uint32_t(data[1]) << 8 | uint32_t(data[2] & 0x01) << 16;
    const Script script(spillway::ByteView(data + 3, size - 3));
    (void)script.toAsm();
    (void)script.isPushOnly();
    (void)script.sigOpCount(true);
    Stack stack;
    ScriptError err;
    SignatureChecker checker;
    (void)evalScript(stack, script, flags, checker, (data[2] & 2) ? SigVersion::WitnessV0 : SigVersion::Base, err);
    (void)parseCoreAsm(std::string_view(reinterpret_cast<const char *>(data + 3), size - 3));
    return 0;
}
