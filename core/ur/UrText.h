#pragma once
// What a whole UR carries, as the text Spillway imports (protocol.md "Animated QR
// codes"): a PSBT (ur:crypto-psbt or ur:psbt) as base64, Spillway's messages
// (ur:bytes) in their text form one per line. The GUI's Import window and any
// other reader of pasted or scanned UR text share it.

#include "Ur.h"

#include <string>

namespace spillway::ur {

/// The import text of a whole UR. Errors: BAD_MESSAGE when it is a PSBT type
/// whose body is no byte string, a ur:bytes that holds no Spillway messages, or
/// another type (the context names which).
[[nodiscard]] Result<std::string> importTextOfUr(const Ur &ur);

/// UR lines (a paste, a file: one part a line, any order, repeats allowed)
/// reassembled into their import text. Errors: those of UrDecoder, and
/// TRUNCATED when the lines do not make the whole.
[[nodiscard]] Result<std::string> importTextOfUrLines(std::string_view text);

} // namespace spillway::ur
