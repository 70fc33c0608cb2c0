#include "ErrorCode.h"
#include "Result.h"

#include <QtGlobal> // QT_TRANSLATE_NOOP: the GUI translates these by their English text

namespace spillway {

namespace {
struct Entry {
    ErrorCode code;
    std::string_view name;
    std::string_view sentence;
};

constexpr Entry kEntries[] = {
    {ErrorCode::Ok, "OK", QT_TRANSLATE_NOOP("ErrorCode", "No error.")},
    {ErrorCode::Unknown, "UNKNOWN", QT_TRANSLATE_NOOP("ErrorCode", "An unexpected error occurred.")},
    {ErrorCode::Truncated, "TRUNCATED", QT_TRANSLATE_NOOP("ErrorCode", "The data ends before it is complete.")},
    {ErrorCode::TrailingData, "TRAILING_DATA", QT_TRANSLATE_NOOP("ErrorCode", "The data continues after its end.")},
    {ErrorCode::NonCanonicalCompactSize, "NON_CANONICAL_SIZE", QT_TRANSLATE_NOOP("ErrorCode", "A length is not encoded in its shortest form.")},
    {ErrorCode::OversizedField, "OVERSIZED", QT_TRANSLATE_NOOP("ErrorCode", "A field is larger than allowed.")},
    {ErrorCode::InvalidHex, "INVALID_HEX", QT_TRANSLATE_NOOP("ErrorCode", "The text is not valid hexadecimal.")},
    {ErrorCode::InvalidBase58, "INVALID_BASE58", QT_TRANSLATE_NOOP("ErrorCode", "The text is not valid base58.")},
    {ErrorCode::InvalidChecksum, "INVALID_CHECKSUM", QT_TRANSLATE_NOOP("ErrorCode", "The checksum does not match: the text was mistyped or damaged.")},
    {ErrorCode::InvalidBech32, "INVALID_BECH32", QT_TRANSLATE_NOOP("ErrorCode", "The text is not valid bech32 or bech32m.")},
    {ErrorCode::InvalidAddress, "INVALID_ADDRESS", QT_TRANSLATE_NOOP("ErrorCode", "This is not a valid Bitcoin address.")},
    {ErrorCode::WrongNetwork, "WRONG_NETWORK", QT_TRANSLATE_NOOP("ErrorCode", "This belongs to a different Bitcoin network.")},
    {ErrorCode::InvalidTransaction, "INVALID_TRANSACTION", QT_TRANSLATE_NOOP("ErrorCode", "The transaction is malformed.")},
    {ErrorCode::InvalidScript, "INVALID_SCRIPT", QT_TRANSLATE_NOOP("ErrorCode", "The script is malformed.")},
    {ErrorCode::InvalidAmount, "INVALID_AMOUNT", QT_TRANSLATE_NOOP("ErrorCode", "The amount is out of range.")},
    {ErrorCode::AmountOverflow, "AMOUNT_OVERFLOW", QT_TRANSLATE_NOOP("ErrorCode", "The amounts add up to more than can exist.")},
    {ErrorCode::InvalidPrivateKey, "INVALID_PRIVATE_KEY", QT_TRANSLATE_NOOP("ErrorCode", "The private key is not valid.")},
    {ErrorCode::InvalidPublicKey, "INVALID_PUBLIC_KEY", QT_TRANSLATE_NOOP("ErrorCode", "The public key is not valid.")},
    {ErrorCode::InvalidSignature, "INVALID_SIGNATURE", QT_TRANSLATE_NOOP("ErrorCode", "The signature is not valid.")},
    {ErrorCode::InvalidDerivationPath, "INVALID_PATH", QT_TRANSLATE_NOOP("ErrorCode", "The key derivation path is not valid.")},
    {ErrorCode::InvalidExtendedKey, "INVALID_EXTENDED_KEY", QT_TRANSLATE_NOOP("ErrorCode", "The extended key is not valid.")},
    {ErrorCode::InvalidMnemonic, "INVALID_MNEMONIC", QT_TRANSLATE_NOOP("ErrorCode", "The recovery phrase is not valid.")},
    {ErrorCode::InvalidPsbt, "INVALID_PSBT", QT_TRANSLATE_NOOP("ErrorCode", "The PSBT is malformed.")},
    {ErrorCode::PsbtIncomplete, "PSBT_INCOMPLETE", QT_TRANSLATE_NOOP("ErrorCode", "The PSBT lacks data needed for this step.")},
    {ErrorCode::PsbtMismatch, "PSBT_MISMATCH", QT_TRANSLATE_NOOP("ErrorCode", "The PSBTs describe different transactions.")},
    {ErrorCode::ScriptFailed, "SCRIPT_FAILED", QT_TRANSLATE_NOOP("ErrorCode", "The transaction's script check failed.")},
    {ErrorCode::TxNonFinal, "NON_FINAL", QT_TRANSLATE_NOOP("ErrorCode", "The transaction is locked until a later block (non-final).")},
    {ErrorCode::TxMissingInputs, "MISSING_INPUTS", QT_TRANSLATE_NOOP("ErrorCode", "The transaction spends coins the chain does not know.")},
    {ErrorCode::TxDoubleSpend, "DOUBLE_SPEND", QT_TRANSLATE_NOOP("ErrorCode", "The transaction spends coins that are already spent.")},
    {ErrorCode::TxImmatureCoinbase, "IMMATURE_COINBASE", QT_TRANSLATE_NOOP("ErrorCode", "Newly mined coins can be spent only after 100 blocks.")},
    {ErrorCode::TxSequenceLocked, "SEQUENCE_LOCKED", QT_TRANSLATE_NOOP("ErrorCode", "A relative lock time (BIP 68) has not passed yet.")},
    {ErrorCode::TxFeeTooLow, "FEE_TOO_LOW", QT_TRANSLATE_NOOP("ErrorCode", "The fee is below the minimum relay fee.")},
    {ErrorCode::TxDust, "DUST", QT_TRANSLATE_NOOP("ErrorCode", "An output is too small to be worth spending (dust).")},
    {ErrorCode::TxNonStandard, "NON_STANDARD", QT_TRANSLATE_NOOP("ErrorCode", "The transaction is not standard and would not be relayed.")},
    {ErrorCode::TxAlreadyConfirmed, "ALREADY_CONFIRMED", QT_TRANSLATE_NOOP("ErrorCode", "The transaction is already in the chain.")},
    {ErrorCode::ChainUnavailable, "CHAIN_UNAVAILABLE", QT_TRANSLATE_NOOP("ErrorCode", "The chain cannot be reached.")},
    {ErrorCode::ChainCorrupt, "CHAIN_CORRUPT", QT_TRANSLATE_NOOP("ErrorCode", "The chain's data is damaged.")},
    {ErrorCode::NotFound, "NOT_FOUND", QT_TRANSLATE_NOOP("ErrorCode", "Nothing was found.")},
    {ErrorCode::KeychainUnavailable, "KEYCHAIN_UNAVAILABLE", QT_TRANSLATE_NOOP("ErrorCode", "No OS keychain is available. Install and unlock gnome-keyring (or another Secret Service provider).")},
    {ErrorCode::KeychainDenied, "KEYCHAIN_DENIED", QT_TRANSLATE_NOOP("ErrorCode", "The OS keychain refused access to the wallet's seed.")},
    {ErrorCode::SeedNotFound, "SEED_NOT_FOUND", QT_TRANSLATE_NOOP("ErrorCode", "The wallet's seed is not in the OS keychain. Restore the wallet from its recovery phrase.")},
    {ErrorCode::WalletExists, "WALLET_EXISTS", QT_TRANSLATE_NOOP("ErrorCode", "A wallet already exists in this data directory.")},
    {ErrorCode::NoWallet, "NO_WALLET", QT_TRANSLATE_NOOP("ErrorCode", "There is no wallet in this data directory. Create or restore one first.")},
    {ErrorCode::InsufficientFunds, "INSUFFICIENT_FUNDS", QT_TRANSLATE_NOOP("ErrorCode", "The wallet does not have enough confirmed coins for this.")},
    {ErrorCode::StorageFailed, "STORAGE_FAILED", QT_TRANSLATE_NOOP("ErrorCode", "Saving to disk failed; nothing was changed.")},
    {ErrorCode::InvalidArgument, "INVALID_ARGUMENT", QT_TRANSLATE_NOOP("ErrorCode", "An argument is not valid.")},
    {ErrorCode::BadMessage, "BAD_MESSAGE", QT_TRANSLATE_NOOP("ErrorCode", "The message is damaged or not a Spillway message.")},
    {ErrorCode::UnsupportedMessageVersion, "UNSUPPORTED_VERSION", QT_TRANSLATE_NOOP("ErrorCode", "The message comes from an incompatible Spillway version.")},
    {ErrorCode::ChannelUnknown, "CHANNEL_UNKNOWN", QT_TRANSLATE_NOOP("ErrorCode", "There is no such channel.")},
    {ErrorCode::ChannelNotOpen, "CHANNEL_NOT_OPEN", QT_TRANSLATE_NOOP("ErrorCode", "The channel is not open (or its funding lacks confirmations).")},
    {ErrorCode::PaymentSequence, "PAYMENT_SEQUENCE", QT_TRANSLATE_NOOP("ErrorCode", "The payment is out of order: its sequence number is not the next one.")},
    {ErrorCode::PaymentNotIncreasing, "PAYMENT_NOT_INCREASING", QT_TRANSLATE_NOOP("ErrorCode", "The payment does not pay more than the previous one.")},
    {ErrorCode::PaymentAboveCapacity, "PAYMENT_ABOVE_CAPACITY", QT_TRANSLATE_NOOP("ErrorCode", "The payment is more than the channel can carry.")},
    {ErrorCode::PaymentBelowDust, "PAYMENT_BELOW_DUST", QT_TRANSLATE_NOOP("ErrorCode", "The first payment is too small to be settled on chain (dust).")},
    {ErrorCode::PaymentBadSignature, "PAYMENT_BAD_SIGNATURE", QT_TRANSLATE_NOOP("ErrorCode", "The payment's signature does not match the commitment it pays.")},
    {ErrorCode::ChannelExpiring, "CHANNEL_EXPIRING", QT_TRANSLATE_NOOP("ErrorCode", "The channel is too close to its expiry to accept payments.")},
    {ErrorCode::ChannelParamsInvalid, "CHANNEL_PARAMS_INVALID", QT_TRANSLATE_NOOP("ErrorCode", "The channel's terms are not acceptable.")},
    {ErrorCode::RefundMismatch, "REFUND_MISMATCH", QT_TRANSLATE_NOOP("ErrorCode", "The proposed refund is not the one the channel's terms give (lock time or payee script).")},
    {ErrorCode::FundingMismatch, "FUNDING_MISMATCH", QT_TRANSLATE_NOOP("ErrorCode", "The funding transaction does not match the proposal.")},
    {ErrorCode::NothingToSettle, "NOTHING_TO_SETTLE", QT_TRANSLATE_NOOP("ErrorCode", "No payment has been received in this channel yet.")},
    {ErrorCode::OfferUnknown, "OFFER_UNKNOWN", QT_TRANSLATE_NOOP("ErrorCode", "This proposal answers an offer this wallet did not make.")},
    {ErrorCode::Cancelled, "CANCELLED", QT_TRANSLATE_NOOP("ErrorCode", "Stopped on request; it can be resumed.")},
    {ErrorCode::RpcAuthFailed, "RPC_AUTH_FAILED", QT_TRANSLATE_NOOP("ErrorCode", "The node refused the RPC user name and password (or cookie file).")},
    {ErrorCode::RpcFailed, "RPC_ERROR", QT_TRANSLATE_NOOP("ErrorCode", "The node answered the request with an error.")},
    {ErrorCode::NodeSyncing, "NODE_SYNCING", QT_TRANSLATE_NOOP("ErrorCode", "The node is still catching up with the network; try again when it is synced.")},
    {ErrorCode::NodePruned, "NODE_PRUNED", QT_TRANSLATE_NOOP("ErrorCode", "The node has pruned blocks the wallet needs (from its birthday on).")},
    {ErrorCode::PaymentAmountInvalid, "PAYMENT_AMOUNT_INVALID", QT_TRANSLATE_NOOP("ErrorCode", "The payment's amount is more than all bitcoin that can exist.")},
    {ErrorCode::NonStandardScript, "NONSTANDARD_SCRIPT", QT_TRANSLATE_NOOP("ErrorCode", "A payout or refund address is of a kind Bitcoin nodes do not relay (only P2WPKH, P2WSH, P2TR, P2PKH and P2SH are accepted).")},
    {ErrorCode::VariantNotOffered, "VARIANT_NOT_OFFERED", QT_TRANSLATE_NOOP("ErrorCode", "The offer does not accept this kind of channel.")},
    {ErrorCode::CapacityOutOfRange, "CAPACITY_OUT_OF_RANGE", QT_TRANSLATE_NOOP("ErrorCode", "The channel's capacity is outside the offer's limits.")},
    {ErrorCode::ExpiryOutOfRange, "EXPIRY_OUT_OF_RANGE", QT_TRANSLATE_NOOP("ErrorCode", "The channel's expiry is outside the offer's limits.")},
    {ErrorCode::CommitFeeTooLow, "COMMIT_FEE_TOO_LOW", QT_TRANSLATE_NOOP("ErrorCode", "The commitment fee is below the offer's minimum fee rate: the payee could not settle.")},
    {ErrorCode::RefundFeeTooLow, "REFUND_FEE_TOO_LOW", QT_TRANSLATE_NOOP("ErrorCode", "The refund fee is below 1 sat/vB: no node would relay the refund.")},
    {ErrorCode::ChannelWindowTooShort, "CHANNEL_WINDOW_TOO_SHORT", QT_TRANSLATE_NOOP("ErrorCode", "The channel would expire too soon after it confirms to be used safely.")},
    {ErrorCode::OfferFeeTooHigh, "OFFER_FEE_TOO_HIGH", QT_TRANSLATE_NOOP("ErrorCode", "The offer asks for a commitment fee rate far above the current fee estimate.")},
    {ErrorCode::CloseBadSignature, "CLOSE_BAD_SIGNATURE", QT_TRANSLATE_NOOP("ErrorCode", "The request to close is not signed by the channel's payer: it was ignored.")},
    {ErrorCode::ChannelChangedElsewhere, "CHANNEL_CHANGED_ELSEWHERE", QT_TRANSLATE_NOOP("ErrorCode", "Another Spillway process stored a newer state of this channel meanwhile; nothing was changed, try again.")},
    {ErrorCode::TxFeeTooHigh, "FEE_TOO_HIGH", QT_TRANSLATE_NOOP("ErrorCode", "The fee is absurdly high for the transaction's size: it was not sent.")},
    {ErrorCode::NodeBusy, "NODE_BUSY", QT_TRANSLATE_NOOP("ErrorCode", "The node is too busy to answer (its RPC work queue is full); try again in a moment.")},
    {ErrorCode::ChannelNotBound, "CHANNEL_NOT_BOUND", QT_TRANSLATE_NOOP("ErrorCode", "This connection has not proved that it holds the channel's payer key.")},
    {ErrorCode::BindBadSignature, "BIND_BAD_SIGNATURE", QT_TRANSLATE_NOOP("ErrorCode", "The signature on the connection's challenge is not the channel payer's.")},
    {ErrorCode::PurchaseBusy, "PURCHASE_BUSY", QT_TRANSLATE_NOOP("ErrorCode", "Another purchase on this channel is in progress on another connection.")},
    {ErrorCode::NoPurchase, "NO_PURCHASE", QT_TRANSLATE_NOOP("ErrorCode", "No purchase of this file is open on this connection.")},
    {ErrorCode::ChunkNotPaid, "CHUNK_NOT_PAID", QT_TRANSLATE_NOOP("ErrorCode", "This piece of the file is not paid for yet.")},
    {ErrorCode::ChunkCorrupt, "CHUNK_CORRUPT", QT_TRANSLATE_NOOP("ErrorCode", "A piece of the file does not match its SHA-256 in the catalogue: nothing more is paid.")},
    {ErrorCode::PriceTooHigh, "PRICE_TOO_HIGH", QT_TRANSLATE_NOOP("ErrorCode", "The price is above the one accepted.")},
    {ErrorCode::TxMempoolFull, "MEMPOOL_FULL", QT_TRANSLATE_NOOP("ErrorCode", "The node's mempool is full and this fee is below its current minimum; a child paying for both can still bring it in.")},
    {ErrorCode::NoPackageRelay, "NO_PACKAGE_RELAY", QT_TRANSLATE_NOOP("ErrorCode", "The node cannot take a transaction together with the child that pays for it (no package relay).")},
    {ErrorCode::OverBudget, "OVER_BUDGET", QT_TRANSLATE_NOOP("ErrorCode", "Confirming in time would cost more than the fee budget allows.")},
    {ErrorCode::BackupDamaged, "BACKUP_DAMAGED", QT_TRANSLATE_NOOP("ErrorCode", "The backup file is damaged or was changed: it is refused and nothing was restored.")},
    {ErrorCode::BackupWrongPhrase, "BACKUP_WRONG_PHRASE", QT_TRANSLATE_NOOP("ErrorCode", "This backup was made with another recovery phrase: it is refused and nothing was restored.")},
    {ErrorCode::BackupUnsupported, "BACKUP_UNSUPPORTED", QT_TRANSLATE_NOOP("ErrorCode", "This is not a Spillway backup, or one from a newer version.")},
    {ErrorCode::BackupFailed, "BACKUP_FAILED", QT_TRANSLATE_NOOP("ErrorCode", "The backup could not be written: check that the backup folder exists and is writable.")},
    {ErrorCode::OfferWithdrawn, "OFFER_WITHDRAWN", QT_TRANSLATE_NOOP("ErrorCode", "The payee has withdrawn this offer. Ask for a new one.")},
    {ErrorCode::WrongPassword, "WRONG_PASSWORD", QT_TRANSLATE_NOOP("ErrorCode", "The wallet password is wrong.")},
    {ErrorCode::WalletLocked, "WALLET_LOCKED", QT_TRANSLATE_NOOP("ErrorCode", "This wallet has a password: enter it to use the wallet's keys.")},
    {ErrorCode::SeedDamaged, "SEED_DAMAGED", QT_TRANSLATE_NOOP("ErrorCode", "The wallet's locked seed in the keychain is damaged or was changed: restore the wallet from its recovery phrase.")},
    {ErrorCode::TlsKeyMismatch, "TLS_KEY_MISMATCH", QT_TRANSLATE_NOOP("ErrorCode", "The server's key is not the one its offer pins: refusing to connect.")},
};
} // namespace

std::string_view errorCodeName(ErrorCode code)
{
    for (const auto &e : kEntries)
        if (e.code == code)
            return e.name;
    return "UNKNOWN";
}

std::string_view errorCodeSentence(ErrorCode code)
{
    for (const auto &e : kEntries)
        if (e.code == code)
            return e.sentence;
    return "An unexpected error occurred.";
}

std::string Error::describe() const
{
    std::string s(errorCodeName(code));
    s += ": ";
    s += errorCodeSentence(code);
    if (!context.empty()) {
        s += " (";
        s += context;
        s += ")";
    }
    return s;
}

} // namespace spillway
