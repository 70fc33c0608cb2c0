#pragma once
// The encrypted backup file (docs/backup.md): what a wallet needs, besides its
// recovery phrase, to get every channel back in its newest state. It holds
// channel state, offers and purchases, never the seed or a private key.
//
// File = header (40 bytes, bound as AES-GCM's additional data) | ciphertext | tag (16)
//   magic "SPWBACKP" | version u8 (1) | cipher u8 (1: AES-256-GCM) | network u8 | 0 u8
//   | key id (16) | nonce (12, fresh random per file, never a counter)
// Key: HKDF-SHA256 over the private key at m/7377'/coin'/2147483645' (the
// channel path's reserved index beside the TLS identity's 2147483646'), so the
// recovery phrase alone opens it. The key id (another HKDF output) tells a
// backup of another phrase apart from a damaged one.

#include "bitcoin/Network.h"
#include "common/Bytes.h"
#include "store/ChannelStore.h"
#include "store/LabelStore.h"
#include "store/PurchaseStore.h"

#include <array>
#include <vector>

namespace spillway::backup {

/// Hardened index of the backup key on the channel key path (m/7377'/coin'/index').
constexpr uint32_t kBackupKeyIndex = 0x7ffffffd;
constexpr size_t kHeaderSize = 40;
constexpr size_t kTagSize = 16;
/// The largest backup file a restore reads (a wallet with very many channels fits).
constexpr qint64 kMaxBackupFileSize = 256ll << 20;

/// What a restore needs: every channel's record (params, role, key index, newest
/// acknowledged payment and signature, fully signed settlement, refund signature,
/// funding transaction, outcome), the offers made and the purchase ledger.
struct BackupContents {
    bitcoin::NetworkId network = bitcoin::NetworkId::Local;
    int64_t written = 0; ///< seconds since the epoch
    std::vector<store::ChannelRecord> channels;
    std::vector<store::OfferRecord> offers;
    std::vector<store::Purchase> purchases;
    std::vector<store::Label> labels; ///< the user's names for wallet transactions (contents version 2)
};

/// The plaintext inside the file (versioned on its own; version 1, before labels, is
/// still read); parse and serialize pair up.
Bytes encodeContents(const BackupContents &c);
Result<BackupContents> decodeContents(ByteView data);

/// The encryption key and its public id, derived from the wallet's seed.
class BackupKey {
public:
    /// HKDF-SHA256 over the 32 secret bytes of the key at kBackupKeyIndex.
    static Result<BackupKey> fromSecret(ByteView secret32);
    /// From a BIP 39 seed directly (a restore checks the backup before any wallet exists).
    static Result<BackupKey> fromSeed(ByteView seed, const bitcoin::Network &net);

    const std::array<uint8_t, 16> &id() const { return m_id; }
    ByteView key() const { return m_key.view(); }
    /// The file's name in the backup folder: "spillway-<network>-<first 8 bytes of the id>.backup".
    QString fileName(bitcoin::NetworkId net) const;

private:
    SecretBytes m_key;
    std::array<uint8_t, 16> m_id{};
};

/// Encrypts `plaintext` under a fresh random nonce.
Result<Bytes> seal(const BackupKey &key, bitcoin::NetworkId net, ByteView plaintext);
/// Checks and decrypts a file: BACKUP_UNSUPPORTED (not ours, unknown version),
/// BACKUP_WRONG_PHRASE (another key id), BACKUP_DAMAGED (authentication fails).
Result<Bytes> unseal(const BackupKey &key, ByteView file);

Result<Bytes> sealContents(const BackupKey &key, const BackupContents &c);
Result<BackupContents> openContents(const BackupKey &key, ByteView file);

} // namespace spillway::backup
