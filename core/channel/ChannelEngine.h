#pragma once
// The channel engine: payer and payee state machines for both variants over the
// wallet (keys, funding), the chain backend and the channel store. Every state
// change is stored (synced) before the message that acknowledges it is returned.
// Blocking: use it from the CLI or a worker thread.

#include "ChannelSigning.h"
#include "FeeBumper.h"
#include "store/BumpStore.h"
#include "bitcoin/Psbt.h"
#include "chain/ChainBackend.h"
#include "store/ChannelStore.h"
#include "wallet/Wallet.h"

#include <QElapsedTimer>

#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <set>

namespace spillway::channel {

struct OfferTerms {
    uint8_t variants = 0b11;
    int64_t minCapacity = 10'000;
    int64_t maxCapacity = 100'000'000;
    uint32_t minExpiryDelta = 12;     ///< raised to min confirmations + two safety margins
    uint32_t maxExpiryDelta = 4032;
    uint32_t minConfirmations = 1;
    std::string endpoint;
    Bytes tlsFingerprint;
    int64_t priceHint = 0;
    std::string label;
};

struct OpenTerms {
    Variant variant = Variant::Cltv;
    int64_t capacity = 0;
    std::optional<uint32_t> expiryDelta; ///< default: the network's, within the offer's limits
    std::optional<int64_t> commitFee;   ///< default: the chain's estimate for a commitment
    std::optional<int64_t> refundFee;
    std::string label;
};

/// A child that pays for our settlement (CPFP).
struct SettlementBump {
    bitcoin::Hash256 childTxid{};
    int64_t childFee = 0;
    int64_t packageSatPerKvB = 0;  ///< settlement and child together
    bool walletCoins = false;      ///< our output was too small: wallet coins pay too
    bool package = false;          ///< the parent went in with the child (a full mempool)
    bool cappedByBudget = false;   ///< the target cost more than the budget: paid the budget
    int64_t wantedSatPerKvB = 0;   ///< what confirming in time needed
};

/// The bump in words ("the settlement's fee raised by a child ..."), for events and the CLI.
std::string describeBump(const SettlementBump &b, const std::string &what);

/// What one bump is asked to do (SettlementBumping.cpp).
struct BumpRequest {
    BumpParent parent;
    bitcoin::Script ourScript;
    int64_t target = 0;                            ///< package feerate wanted, sat/kvB
    int64_t budget = std::numeric_limits<int64_t>::max(); ///< the most the child may pay
    bool parentInMempool = true;                   ///< false: it goes in with the child as a package
    bitcoin::OutPoint channel;                     ///< for the bump history
};

/// How much one watcher pass read and looked at (benchmarks and tests count them).
struct WatchStats {
    int64_t channelsRead = 0;      ///< rows read from the store
    int64_t channelsExamined = 0;  ///< channels the pass looked at one by one
    int64_t batchedLookups = 0;    ///< statuses and spends asked of the chain in one go
};

/// What the watcher did, for the user to read.
struct WatchEvent {
    /// What a window announces in words of its own; Other is said as `what`.
    enum class Kind { Other, AutoSettled, AutoRefunded, Settled, Refunded };
    bitcoin::OutPoint channel;
    std::string what;
    Kind kind = Kind::Other;
    int64_t amount = 0; ///< AutoSettled: the payee's payout; Settled: our share; Refunded: the payer's
};

/// Our money a channel holds that the wallet does not see yet (the balances' "in
/// channels"): the payer's capacity less what it signed away, the payee's accepted
/// payments. None once closed, or once a closing transaction pays it to a wallet
/// address the wallet already counts (the payee's settlement payout, the payer's
/// refund); the payer's share of a settlement stays until it is swept.
int64_t moneyInChannel(const store::ChannelRecord &c);

class ChannelEngine {
public:
    ChannelEngine(wallet::Wallet &wallet, chain::ChainBackend &chain, store::ChannelStore &store);
    /// Without a wallet: channel keys come from `keys`; what needs the wallet
    /// (offers, opening, funding) answers NO_WALLET. For benchmarks and tools.
    ChannelEngine(std::function<Result<bitcoin::PrivateKey>(uint32_t)> keys, chain::ChainBackend &chain,
                  store::ChannelStore &store);
    ~ChannelEngine();
    ChannelEngine(const ChannelEngine &) = delete;
    ChannelEngine &operator=(const ChannelEngine &) = delete;

    /// Payee: a new offer with a fresh channel key and payout address.
    Result<OfferMsg> createOffer(const OfferTerms &terms);
    /// Payer: checks the offer and opens. `refund`: [proposal]; `cltv`: the funding
    /// is broadcast and [proposal, funded] returned.
    Result<std::vector<Message>> open(const OfferMsg &offer, const OpenTerms &terms);
    /// Either side: handles a message from the peer; returns the answers to send.
    Result<std::vector<Message>> receive(const Message &m);
    /// Payee, pipelined: checks payments in order and stores every accepted one in
    /// one synced transaction (group commit) before returning their acks. A refused
    /// payment answers an error message; the ones before it still count.
    std::vector<Message> receivePayments(const std::vector<PaymentMsg> &payments);
    /// Payer: the next payment, `increment` more than the newest one. Stored as
    /// "about to pay n" before it is returned.
    Result<PaymentMsg> pay(const bitcoin::OutPoint &id, int64_t increment);
    /// Payer: the newest signed payment again (after a restart, or a lost message).
    Result<PaymentMsg> newestPayment(const bitcoin::OutPoint &id);
    /// Payer: every signed payment not yet acknowledged, oldest first (after a
    /// reconnect several may have been lost in flight). Signatures are identical
    /// to the first time (RFC 6979).
    Result<std::vector<PaymentMsg>> unacknowledgedPayments(const bitcoin::OutPoint &id);
    /// Payee: broadcasts the newest commitment.
    Result<bitcoin::Hash256> settle(const bitcoin::OutPoint &id);
    /// Payer: asks the payee to settle now, signed with the channel's payer key.
    Result<CloseMsg> close(const bitcoin::OutPoint &id);
    /// The `error` to answer `m` with after `e`: a payment out of sequence gets the
    /// payee's newest acknowledged state and the payer's signature on it (CatchUp.cpp).
    ErrorMsg errorFor(const Message &m, const Error &e);
    /// Payer: broadcasts the refund, once it is final.
    Result<bitcoin::Hash256> refund(const bitcoin::OutPoint &id);
    /// The complete transactions settle() and refund() broadcast, built and
    /// signed without any check of timing or state (tests hand them to a node).
    Result<bitcoin::Transaction> settlementTransaction(const store::ChannelRecord &rec);
    Result<bitcoin::Transaction> refundTransaction(const store::ChannelRecord &rec);
    /// Expiry watcher: confirmations, auto-settle at expiry - margin, auto-refund once
    /// final, and the on-chain outcome. Call on start and on every new block.
    Result<std::vector<WatchEvent>> watch();
    WatchStats lastWatchStats() const { return m_watchStats; }
    /// A child spending our output of our unconfirmed closing transaction (the
    /// payee's settlement, the payer's refund) pays for both up to `satPerKvB`
    /// (default: what confirms within half the blocks left before expiry; a
    /// refund within 6), replacing our earlier child; nothing when it already
    /// pays that much or has confirmed (SettlementBumping.cpp, FeeBumper.h).
    Result<std::optional<SettlementBump>> bumpSettlement(store::ChannelRecord &rec, std::optional<int64_t> satPerKvB = std::nullopt);
    /// Fee budgets and the bumps made (bumps.sqlite beside the channel store).
    store::BumpStore *bumpStore() { return bumps(); }
    /// Payer: an unconfirmed funding, paid for by a child spending its change
    /// (default: when the estimate it was priced on rose); never by replacing it.
    Result<std::optional<SettlementBump>> bumpFunding(store::ChannelRecord &rec, std::optional<int64_t> satPerKvB = std::nullopt);
    /// Payer: once a settlement has confirmed, sweeps the payer's output (locked for
    /// one block, protocol.md "Transactions") into the wallet. Nothing to do (no
    /// output, swept already, not settled yet) answers no txid. PayerSweep.cpp.
    /// Tried on every pass until the sweep (or any spend) confirms, also past the
    /// reorg window; then the channel is marked swept.
    Result<std::optional<bitcoin::Hash256>> sweepPayerOutput(store::ChannelRecord &rec);
    /// The refund, the newest commitment or the settlement as a BIP 174 PSBT.
    Result<bitcoin::Psbt> exportPsbt(const bitcoin::OutPoint &id, const std::string &which);

    /// A PSBT from another tool (or the peer), turned into what it means for one of
    /// our channels: a payee-signed refund becomes a refund signature, a payer-signed
    /// commitment a payment, a finalized settlement is broadcast. Returns the
    /// answers to send, as receive() does.
    Result<std::vector<Message>> importPsbt(const bitcoin::Psbt &psbt);

    /// Balance locked in open channels (payer: capacity not yet paid; payee: paid to us).
    Result<int64_t> lockedInChannels();

    store::ChannelStore &store() { return m_store; }
    /// The wall clock the watcher compares the tip's time with (tests move it).
    void setClock(std::function<int64_t()> secondsSinceEpoch);
    /// No block for 18 block intervals (3 hours on mainnet): the node has stalled or
    /// is cut off, and the watcher settles the channels we are paid on (never on the
    /// local chain, which mines on request).
    bool nodeStalled(const chain::ChainTip &tip) const;
    /// The payee's policy; the safety margin defaults to the network's.
    PayeePolicy policyFor(const store::ChannelRecord &rec) const;

private:
    Result<bitcoin::PrivateKey> key(uint32_t index);
    /// A new channel key and a new wallet script (payout for a payee, change and
    /// refund for a payer).
    struct FreshKey {
        uint32_t index;
        bitcoin::PrivateKey key;
        bitcoin::Script script;
    };
    Result<FreshKey> freshKeyAndScript();
    Result<chain::ChainTip> tip();
    /// The CPFP step shared by every bump: nothing, a first child, or a replacement of ours.
    Result<std::optional<SettlementBump>> bumpByChild(const BumpRequest &req);
    /// The bump budget for a closing transaction that saves us `saved` sat on `channel`.
    Result<int64_t> bumpBudget(const bitcoin::OutPoint &channel, int64_t saved);
    /// Payee, an open channel: what today's fees mean for its settlement (watch()).
    struct FeeOutlook {
        bool settleNow = false;   ///< fees rising, and confirming within the safety margin costs over half the budget
        bool cannotBump = false;  ///< the payout alone cannot pay a child and the wallet has no coin
        int64_t neededChildFee = 0;
        int64_t budget = 0;
    };
    Result<FeeOutlook> feeOutlook(const store::ChannelRecord &rec, std::map<int, int64_t> &estimates, int height);
    std::set<bitcoin::OutPoint> m_reserveWarned; ///< channels told once to keep a coin in reserve
    /// Estimates by target as seen at a block height, and at the height before: fees
    /// "rising" is judged block to block, not pass to pass (a GUI passes many times a block).
    struct EstimateSeen {
        int height = -1;
        int64_t rate = 0;
        int64_t previousRate = -1; ///< at the last height before `height` (-1: none yet)
    };
    std::map<int, EstimateSeen> m_lastEstimates;
    WatchStats m_watchStats;
    /// A settlement's size and fee, by channel and row version (not parsed every block).
    struct SettlementShape {
        int64_t version = -1;
        BumpParent parent;
        int64_t payout = 0;
        bool usable = false;
    };
    std::map<bitcoin::OutPoint, SettlementShape> m_settlementShapes;
    std::map<bitcoin::OutPoint, store::ChannelRecord> m_watchCache; ///< the watcher's copy of the rows, by version      ///< the previous pass's estimates, to see fees rising
    store::BumpStore *bumps();
    std::unique_ptr<store::BumpStore> m_bumps;
    /// The payment path's tip: the one the backend's polling last reported (no node
    /// round trip per batch), counted one block higher in case one just arrived;
    /// asked of the backend when nothing fresh was reported (a one-shot command).
    Result<chain::ChainTip> tipForPayments();
    void followTip();
    Result<store::ChannelRecord> record(const bitcoin::OutPoint &id);
    Result<std::vector<Message>> onProposal(const ProposalMsg &m);
    Result<std::vector<Message>> onRefundSig(const RefundSigMsg &m);
    Result<std::vector<Message>> onFunded(const FundedMsg &m);
    Result<std::vector<Message>> onPayment(const PaymentMsg &m);
    Result<std::vector<Message>> onAck(const AckMsg &m);
    /// Payer: an opening interrupted after the funding was stored carries on
    /// (OpeningRecovery.cpp): a funding found on the chain, or one never sent
    /// (cltv, or refund with the refund signature checked), moves to opening.
    Result<std::optional<std::string>> resumeOpening(store::ChannelRecord &rec);
    /// Payer: adopts a catch-up state that carries its own signature; else the peer's error.
    Result<std::vector<Message>> onError(const ErrorMsg &e);
    /// Payee: a close signed by the payer's key settles; any other is CLOSE_BAD_SIGNATURE.
    Result<std::vector<Message>> onClose(const CloseMsg &m);
    /// Opening -> Open once the funding has its confirmations; with recheckOpen,
    /// also Open -> Opening when a reorg took them away.
    /// `known`: the funding's status, already asked (the watcher asks for all at once).
    Status refreshConfirmations(store::ChannelRecord &rec, bool recheckOpen = false, const chain::TxStatus *known = nullptr);
    /// Payee: a payment older than the newest accepted one that matches what was
    /// accepted for its sequence is a harmless repeat (acknowledged, no change).
    bool isOldRepeat(const store::ChannelRecord &rec, const PaymentMsg &m);

    wallet::Wallet *m_wallet;
    std::function<Result<bitcoin::PrivateKey>(uint32_t)> m_keySource;
    chain::ChainBackend &m_chain;
    store::ChannelStore &m_store;
    std::map<uint32_t, bitcoin::PrivateKey> m_keys; ///< channel keys read from the keychain once
    std::map<bitcoin::OutPoint, std::unique_ptr<ChannelSighasher>> m_sighashers;
    std::mutex m_tipMutex;            ///< tipChanged comes from the backend's thread
    chain::ChainTip m_followedTip;
    QElapsedTimer m_followedAge;
    QMetaObject::Connection m_tipConnection;
    std::function<int64_t()> m_clock;
    int64_t clockNow() const;
    const ChannelSighasher &sighasher(const ChannelParams &p);
};

} // namespace spillway::channel
