#pragma once
// Channel state in SQLite (<datadir>/channels.sqlite): WAL, synchronous=FULL, a
// versioned schema. The payee keeps the newest accepted commitment and its
// signature; the payer keeps "about to pay n" before the payment leaves.
// A write returns only when it is on disk: state is stored before it is acknowledged.

#include "SqliteDatabase.h"
#include "channel/Messages.h"

#include <functional>
#include <map>
#include <optional>

namespace spillway::store {

enum class ChannelRole { Payer, Payee };

/// Where a channel is in its life (the GUI shows these names).
enum class ChannelState {
    Proposed,   ///< payer: proposal sent (refund variant: waiting for the refund signature)
    Opening,    ///< funding broadcast (or announced), waiting for confirmations
    Open,       ///< payments flow
    Closing,    ///< settlement or refund broadcast, not yet confirmed
    Settled,    ///< a commitment spent the funding
    Refunded,   ///< the refund spent the funding
};

std::string_view roleName(ChannelRole r);
std::string_view stateName(ChannelState s);

struct ChannelRecord {
    channel::ChannelParams params;
    ChannelRole role = ChannelRole::Payer;
    ChannelState state = ChannelState::Proposed;
    uint32_t keyIndex = 0;              ///< our key: m/7377'/coin'/keyIndex'
    std::string label;
    Bytes fundingTx;
    std::optional<bitcoin::CompactSignature> refundSig; ///< the payee's, `refund` variant
    // Payee: the newest accepted payment. Payer: the newest acknowledged one.
    uint64_t seq = 0;
    int64_t paid = 0;
    bitcoin::CompactSignature payerSig{};
    /// Payee: the newest commitment fully signed (the settlement), ready to broadcast.
    Bytes settlementTx;
    /// Payer: the locked output of the settlement went to the wallet.
    bool swept = false;
    /// Row version as read: an update succeeds only if nobody wrote the row since
    /// (compare-and-swap; two processes may share a data directory).
    int64_t version = 0;
    // Payer: the newest signed ("about to pay") payment.
    uint64_t signedSeq = 0;
    int64_t signedPaid = 0;
    uint32_t minConfirmations = 1;
    uint32_t safetyMargin = 6;
    // The on-chain outcome.
    bitcoin::Hash256 closingTxid{};
    int closedHeight = -1;
    int64_t finalPayee = 0;
    int64_t finalPayer = 0;
    int64_t created = 0;
    int64_t updated = 0;
    /// Read only (the store sets them on every write): the store-wide change
    /// number of this row's newest write, and its payment log's size and newest time.
    int64_t changeSeq = 0;
    uint64_t paymentCount = 0;
    int64_t lastPaymentTime = 0;

    const bitcoin::OutPoint &id() const { return params.funding; }
};

struct OfferRecord {
    channel::OfferMsg offer;
    uint32_t keyIndex = 0;
    int64_t created = 0;
    bool withdrawn = false; ///< the payee took it back: proposals for it are refused
};

class ChannelStore {
public:
    Status open(const QString &dataDir);
    static QString fileIn(const QString &dataDir);

    Result<std::optional<ChannelRecord>> find(const bitcoin::OutPoint &id);
    /// A channel by "txid:index" or a unique prefix of its txid.
    Result<ChannelRecord> findByText(const QString &text);
    Result<std::vector<ChannelRecord>> all();
    /// Brings `cache` up to date with the rows, decoding only rows whose version differs
    /// from the cached copy (the watcher's pass over thousands of channels). Answers how
    /// many rows were decoded.
    Result<int64_t> refresh(std::map<bitcoin::OutPoint, ChannelRecord> &cache);
    Status insert(const ChannelRecord &rec);
    /// Several new channels in one synced transaction, all or none.
    Status insertMany(const std::vector<ChannelRecord> &recs);
    /// Replaces the stored row if it is still the version `rec` was read at (else
    /// CHANNEL_CHANGED_ELSEWHERE and nothing is written); `rec.version` follows.
    /// With `logPayment`, also appends the payment to the payment log.
    Status update(ChannelRecord &rec, bool logPayment = false);
    /// Group commit: several channel updates (and their payments) in one synced
    /// transaction, all or none; consecutive records of one channel are its
    /// successive states (only the last row is written).
    Status updateMany(std::vector<ChannelRecord> &recs, bool logPayments = true);

    /// The channels written since change number `changeSeq` (0: every channel), in the
    /// order they were written, and the change number to ask from next time. Each
    /// write (insert, update, payment) gives its row the next number of the store.
    struct Changes {
        std::vector<ChannelRecord> channels;
        int64_t through = 0;
    };
    Result<Changes> changedSince(int64_t changeSeq);

    Status insertOffer(const OfferRecord &offer);
    Result<std::optional<OfferRecord>> offerForKey(const Bytes &payeePub);
    /// Every offer made, oldest first.
    Result<std::vector<OfferRecord>> offers();
    /// The payee takes an offer back (OFFER_UNKNOWN when there is none with that key).
    /// Durable before it returns; channels already opened from it are not touched.
    Status withdrawOffer(const Bytes &payeePub);
    /// The next unused channel key index.
    Result<uint32_t> nextKeyIndex();

    struct PaymentRow {
        uint64_t seq;
        int64_t paid;
        int64_t time;
    };
    Result<std::vector<PaymentRow>> payments(const bitcoin::OutPoint &id);
    /// The logged amount of payment `seq` of a channel, if there is one.
    Result<std::optional<int64_t>> paidAt(const bitcoin::OutPoint &id, uint64_t seq);

    /// Payee: forgets a proposal that was never funded (still `Proposed`), so that
    /// a stranger's proposals do not pile up. False if there was none to forget.
    Result<bool> removeUnfundedProposal(const bitcoin::OutPoint &id);

    SqliteDatabase &database() { return m_db; }

    /// Called after every write that reached the disk (insert, update, group
    /// commit, offer, removal), on the writing thread: the backup writer's cue
    /// (core/backup/BackupWriter.h). One observer; empty to remove it.
    void setCommitObserver(std::function<void()> observer) { m_committed = std::move(observer); }

private:
    /// Payments logged for a channel before its row is written (group commit).
    struct PaymentCount {
        int64_t added = 0;
        int64_t time = 0;
    };
    Status write(ChannelRecord &rec, bool insert, bool logPayment, PaymentCount carried);
    /// True when the payment was not in the log yet.
    Result<bool> logPayment(const ChannelRecord &rec);
    /// Tells the observer after a successful write; the status passes through.
    Status committed(Status st)
    {
        if (st.ok() && m_committed)
            m_committed();
        return st;
    }
    std::function<void()> m_committed;
    SqliteDatabase m_db;
};

} // namespace spillway::store
