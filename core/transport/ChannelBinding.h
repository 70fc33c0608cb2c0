#pragma once
// Binding a socket connection to a channel (protocol.md "Paid data over a
// socket": only the payer draws on its channel). The server sends a fresh
// random challenge with its offer; the payer answers with the channel id and
// its channel key's signature over
//   SHA-256("SPW bind" ‖ challenge ‖ channel txid ‖ channel index (u32 LE) ‖ server TLS key fingerprint).
// A payment proves nothing here: payments travel in QR codes and files, and a
// replayed one must not let a stranger draw on the payer's money.

#include "bitcoin/Key.h"
#include "bitcoin/Transaction.h"

#include <QByteArray>

#include <optional>

namespace spillway::transport {

constexpr int kChallengeBytes = 32;

/// The digest the payer signs for `challenge` on a server whose TLS key has `fingerprint`.
bitcoin::Hash256 bindDigest(const QByteArray &challenge, const bitcoin::OutPoint &channel, const Bytes &fingerprint);

struct BindRequest {
    bitcoin::OutPoint channel;
    bitcoin::CompactSignature signature{};

    /// txid (32, internal order) ‖ index (u32 LE) ‖ signature (64).
    QByteArray serialize() const;
    static std::optional<BindRequest> parse(const QByteArray &payload);
};

/// The 36-byte channel id of a Bind answer.
QByteArray serializeChannelId(const bitcoin::OutPoint &channel);
std::optional<bitcoin::OutPoint> parseChannelId(const QByteArray &payload);

} // namespace spillway::transport
