#pragma once
// The payee's purchase ledger (protocol.md "Paid data over a socket"): what
// each file bought over a socket costs, counted from where the channel's
// previous purchase ended, never from the channel's total. A channel has at
// most one open purchase. Kept in <datadir>/purchases.sqlite beside the
// channel store (WAL, synchronous=FULL): a restart resumes an open purchase
// at the same price.

#include "SqliteDatabase.h"
#include "bitcoin/Transaction.h"

#include <optional>
#include <string>
#include <vector>

namespace spillway::store {

enum class PurchaseState { Open = 0, Done = 1, GivenUp = 2 };

struct Purchase {
    int64_t id = 0;
    bitcoin::OutPoint channel;
    std::string file;
    std::string sha256;        ///< the whole file's, so that a changed file is another purchase
    int64_t chunks = 0;
    int64_t pricePerChunk = 0;
    int64_t start = 0;         ///< P0: the acknowledged amount this purchase counts from
    PurchaseState state = PurchaseState::Open;
    int64_t endedAt = 0;       ///< where it ended (Done: its end; GivenUp: what was paid of it)
    int64_t created = 0;

    int64_t end() const { return start + pricePerChunk * chunks; }
    /// The acknowledged amount chunk `index` needs before it may leave.
    int64_t dueFor(int64_t index) const { return start + pricePerChunk * (index + 1); }
};

class PurchaseStore {
public:
    Status open(const QString &dataDir);
    static QString fileIn(const QString &dataDir);

    /// The channel's open purchase, if any.
    Result<std::optional<Purchase>> openPurchase(const bitcoin::OutPoint &channel);
    /// Ends the channel's open purchase, if any (given up: it ends at what was
    /// paid of it, `acked` at most its end), and begins a new one at
    /// P0 = max(where the previous purchase ended, `acked`): what was paid
    /// before is never credit. One synced transaction.
    Result<Purchase> begin(const bitcoin::OutPoint &channel, const std::string &file, const std::string &sha256,
                           int64_t chunks, int64_t pricePerChunk, int64_t acked);
    /// The purchase's last chunk left: it ends at its end.
    Status finish(int64_t id);
    /// Every purchase on a channel, oldest first.
    Result<std::vector<Purchase>> forChannel(const bitcoin::OutPoint &channel);
    /// Every purchase, oldest first (for the backup).
    Result<std::vector<Purchase>> all();
    /// A restore: puts back a purchase from a backup unless one made at the same
    /// time for the same file on the channel is already here. True if added.
    Result<bool> restore(const Purchase &p);

private:
    SqliteDatabase m_db;
};

} // namespace spillway::store
