#pragma once
// The HD wallet: a BIP 39 seed in the OS keychain, BIP 84 receive and change
// addresses with a gap limit, channel keys on their own hardened path, UTXOs,
// coin selection, sending and history, all kept in <datadir>/wallet.sqlite.
//
// Calls block on the chain backend and the keychain: use the wallet from the
// CLI or a worker thread, never from the GUI thread.

#include "bitcoin/Bip32.h"
#include "chain/ChainBackend.h"
#include "wallet/SeedLock.h"
#include "store/SqliteDatabase.h"

#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace spillway::wallet {

/// BIP 32 purpose for channel keys: m/7377'/coin'/n' ("sp" in ASCII).
constexpr uint32_t kChannelPurpose = 7377;
constexpr int kGapLimit = 20;
/// Blocks before the wallet's birth height that a block-reading backend also reads.
constexpr int kBirthdayMargin = 6;

struct Balance {
    int64_t confirmed = 0;    ///< spendable now
    int64_t unconfirmed = 0;  ///< in the mempool, ours
    int64_t immature = 0;     ///< mined coins younger than 100 blocks
    int64_t inChannels = 0;   ///< locked in open channels
};

struct HistoryEntry {
    bitcoin::Hash256 txid{};
    QString kind;             ///< "receive", "send", "mined"
    int64_t amount = 0;       ///< + received, - sent (fee excluded)
    int64_t fee = 0;
    int height = -1;          ///< -1 while unconfirmed
    int64_t time = 0;
    QString address;          ///< the counterparty (send) or our address (receive)
};

/// What `wallet bump` did (WalletBump.cpp).
struct BumpResult {
    bitcoin::Hash256 txid{};      ///< the replacement, or the child
    bool replaced = false;        ///< true: our send replaced (RBF); false: a child pays for it (CPFP)
    int64_t fee = 0;              ///< the new transaction's fee
    int64_t packageSatPerKvB = 0; ///< the feerate now paid for the original (with its child)
};

struct SendResult {
    bitcoin::Hash256 txid{};
    int64_t amount = 0;
    int64_t fee = 0;
    int64_t change = 0;
    size_t vsize = 0;
};

class Wallet {
public:
    ~Wallet();

    /// Makes a new wallet in `dataDir`: a fresh 24-word mnemonic, the seed into the
    /// keychain. Returns the mnemonic, to be shown to the user once.
    static Result<SecretBytes> create(const QString &dataDir, chain::ChainBackend &chain, int words = 24);
    /// Restores from a mnemonic (and optional BIP 39 passphrase). Coins are looked
    /// for from `birthHeight` on (0: the whole chain; on a node, give the height
    /// the wallet was first made at, or reading every block takes long).
    static Status restore(const QString &dataDir, chain::ChainBackend &chain, std::string_view mnemonic,
                          std::string_view passphrase = {}, int birthHeight = 0);
    static Result<std::unique_ptr<Wallet>> open(const QString &dataDir, chain::ChainBackend &chain);
    static bool exists(const QString &dataDir);

    const QString &walletId() const { return m_walletId; }
    /// The recovery phrase again, from the keychain (its entropy is kept beside the
    /// seed). SEED_NOT_FOUND for a wallet made before it was kept. With a wallet
    /// password set, `password` must be it (asked again each time: WRONG_PASSWORD,
    /// or WALLET_LOCKED when empty), whether the wallet is unlocked or not.
    Result<SecretBytes> recoveryPhrase(const SecretBytes &password = {});

    // ---- The wallet password (WalletPassword.cpp, SeedLock.h, docs/wallet-password.md)
    /// Whether the seed in the keychain is sealed by a password (a keychain read, no prompt).
    Result<bool> hasPassword();
    /// Checks `password` against the sealed seed and keeps the key it gives in memory,
    /// so that keys can be derived until the wallet is closed. WRONG_PASSWORD, nothing
    /// kept, when it is not the password. Without a password set: nothing to do.
    Status unlock(const SecretBytes &password);
    /// Whether a password's key is held (unlock, or the password source, succeeded).
    bool unlocked() const { return m_seedKey.has_value(); }
    /// Asked the first time a locked seed is needed and no key is held (the CLI's
    /// --password-file, environment variable or prompt). Without one: WALLET_LOCKED.
    void setPasswordSource(std::function<Result<SecretBytes>()> source) { m_passwordSource = std::move(source); }
    /// Sets (current empty), changes or removes (next empty) the password: the seed and
    /// the phrase's entropy are sealed again under `next`, or kept plain. WRONG_PASSWORD,
    /// nothing changed, when `current` is not the password set.
    Status changePassword(const SecretBytes &current, const SecretBytes &next);
    /// The background watcher's mode: while the seed is locked, channel keys come from
    /// the channel branch (m/7377'/coin') kept unsealed in the keychain beside a sealed
    /// seed, so expiring channels are still settled or refunded without the password.
    /// Wallet coins (BIP 84 keys) and the phrase stay locked.
    void allowWatchKey(bool on) { m_watchKeyAllowed = on; }
    const bitcoin::Network &network() const { return m_chain.network(); }

    /// Looks for new, confirmed and spent coins on the chain.
    Status sync();
    /// A fresh (unused) receive address; marks it handed out.
    Result<QString> newReceiveAddress();
    Result<Balance> balance();
    Result<std::vector<HistoryEntry>> history();
    /// Pays `amount` to `address`, fee from the backend's estimate (or `feeRate`).
    Result<SendResult> send(const QString &address, bitcoin::Amount amount,
                            std::optional<chain::FeeRate> feeRate = std::nullopt);

    /// A signed transaction paying `outputs` from confirmed coins (with change), not
    /// yet stored or broadcast.
    struct Prepared {
        bitcoin::Transaction tx;
        std::vector<bitcoin::OutPoint> spent;
        int64_t fee = 0;
        int64_t change = 0;
        int64_t feeRateSatPerKvB = 0; ///< the rate it was priced at
    };
    /// An output of ours a transaction must spend whatever coin selection says (our
    /// output of an unconfirmed settlement, for a child that pays for it).
    struct OwnInput {
        bitcoin::OutPoint outpoint;
        bitcoin::TxOut output;
    };
    /// With `requireChange` (a channel's funding, protocol.md "Keys"), the transaction
    /// always has a change output above dust, its handle for CPFP while unconfirmed.
    /// `forced` inputs come first and always; `extraFee` is paid on top of the feerate
    /// (a child paying for its parent's shortfall).
    Result<Prepared> prepare(const std::vector<bitcoin::TxOut> &outputs, std::optional<chain::FeeRate> feeRate = std::nullopt,
                             bool requireChange = false, const std::vector<OwnInput> &forced = {}, int64_t extraFee = 0);
    /// One of our outputs as the wallet knows it (spent or reserved ones too).
    Result<bitcoin::TxOut> ownOutput(const bitcoin::OutPoint &outpoint);
    /// One of our outputs, listed or already spent (a sync drops coins spent in the
    /// mempool): from the wallet's list, else from its transaction on the chain, with
    /// the script checked to be ours. NOT_FOUND when it is not ours.
    Result<bitcoin::TxOut> spentOutput(const bitcoin::OutPoint &outpoint);
    /// A payment to `address`, signed but neither stored nor broadcast, for the user to
    /// confirm. Without `amount`, everything spendable (Max): every confirmed coin,
    /// one output, no change, the fee taken from the amount.
    Result<Prepared> prepareSend(const QString &address, std::optional<bitcoin::Amount> amount,
                                 std::optional<chain::FeeRate> feeRate = std::nullopt);
    /// Sends exactly what `prepareSend` made and the user confirmed: stored, then
    /// broadcast. INSUFFICIENT_FUNDS, nothing sent, when one of its coins was spent
    /// or reserved since (ask again).
    Result<SendResult> sendPrepared(const Prepared &prepared, const QString &address);
    /// Reserves its coins without making it broadcastable (a channel funding that
    /// must wait for the payee's refund signature).
    Status reserve(const Prepared &p);
    /// Stores it durably (coins reserved, history row) before it may leave.
    /// With `replaces`, that earlier transaction of ours (which this one replaces on the
    /// chain) is forgotten in the same step: its coins go to this one, no re-broadcast.
    Status commit(const Prepared &p, const QString &kind, int64_t amount, const QString &counterparty,
                  std::optional<bitcoin::Hash256> replaces = std::nullopt);
    /// Whether `txid` was committed (stored to be broadcast) and has not confirmed yet.
    Result<bool> isPending(const bitcoin::Hash256 &txid);
    /// The committed transaction itself while it has not confirmed (nothing otherwise).
    Result<std::optional<bitcoin::Transaction>> pendingTransaction(const bitcoin::Hash256 &txid);
    /// The fee of a transaction whose inputs are all our coins (for history rows).
    Result<int64_t> feeOfOwnTransaction(const bitcoin::Transaction &tx);
    /// Broadcasts a committed transaction; if the chain refuses it, the commit is undone.
    /// With `parents` (unconfirmed, not in the node's mempool), they go with it as a package.
    Result<bitcoin::Hash256> broadcast(const bitcoin::Transaction &tx, const std::vector<bitcoin::Transaction> &parents = {});

    /// Raises the fee of an unconfirmed transaction of ours: our own send is replaced
    /// (RBF, the recipient paid the same, the change paying the difference); a receive
    /// gets a child spending our output that pays for both (CPFP). A channel's funding is
    /// never replaced (its txid is the channel's id): `channel bump` pays for it by CPFP.
    Result<BumpResult> bumpFee(const bitcoin::Hash256 &txid, std::optional<chain::FeeRate> feeRate = std::nullopt);
    /// Confirmed coins kept aside for fee bumps (FeeReserve.cpp): sends and fundings
    /// leave at least this much; a bump child may spend it. 0: none.
    Result<int64_t> feeReserve();
    Status setFeeReserve(int64_t sat);
    /// The key pair of channel `index` (m/7377'/coin'/index'), from the keychain seed.
    Result<bitcoin::PrivateKey> channelKey(uint32_t index);
    /// Private key for one of our scripts (P2WPKH), for signing.
    Result<bitcoin::PrivateKey> keyForScript(const bitcoin::Script &script);

    store::SqliteDatabase &database() { return m_db; }

private:
    Wallet(QString dataDir, chain::ChainBackend &chain);
    Status load();
    Status ensureGap(int chainIndex);
    Result<bitcoin::ExtendedPrivateKey> master();
    /// m/7377'/coin': from the seed, or the watch key (allowWatchKey) while locked.
    Result<bitcoin::ExtendedPrivateKey> channelBranch();
    /// A keychain entry of this wallet, opened with the key held (or asked for) when sealed.
    Result<SecretBytes> readSecret(const QString &entry);
    /// Signs every input (each a P2WPKH coin of ours) and checks them with the interpreter.
    Status signInputs(bitcoin::Transaction &tx, const std::vector<bitcoin::TxOut> &spent);
    /// Whether `script` is one of our change addresses.
    Result<bool> isChange(const bitcoin::Script &script);
    std::vector<bitcoin::Script> allScripts();

    QString m_dataDir;
    chain::ChainBackend &m_chain;
    store::SqliteDatabase m_db;
    std::map<bitcoin::Hash256, bitcoin::Hash256> m_replacing; ///< committed replacement -> the original it replaces
    QString m_walletId;
    bitcoin::ExtendedPublicKey m_accountXpub;
    std::optional<SeedKey> m_seedKey; ///< the password's key, once given (never the password)
    std::function<Result<SecretBytes>()> m_passwordSource;
    bool m_watchKeyAllowed = false;
};

/// Keychain entries of a wallet: its seed, the phrase's entropy, the watch key.
QString seedEntry(const QString &walletId);
QString phraseEntry(const QString &walletId);
QString watchKeyEntry(const QString &walletId);

} // namespace spillway::wallet
