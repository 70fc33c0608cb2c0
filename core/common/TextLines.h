#pragma once
// Text that carries one item per line (messages, UR parts): its lines with the
// blanks around them trimmed, empty ones left out.

#include <string_view>
#include <vector>

namespace spillway {

std::vector<std::string_view> nonBlankLines(std::string_view text);

} // namespace spillway
