#pragma once
// CRC-32 (ISO-HDLC, as in zlib and PNG): the checksum of Bytewords (BCR-2020-012)
// and of a multi-part UR's whole message (BCR-2024-001).

#include "common/Bytes.h"

namespace spillway::ur {

[[nodiscard]] uint32_t crc32(ByteView data);

} // namespace spillway::ur
