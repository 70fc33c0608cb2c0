#pragma once
// Stable error codes. The names (errorCodeName) are part of the CLI's output
// and the GUI maps each one to a translated sentence: never renumber or rename.

#include <string_view>

namespace spillway {

enum class ErrorCode : int {
    Ok = 0,
    Unknown,
    // Parsing and encoding
    Truncated,
    TrailingData,
    NonCanonicalCompactSize,
    OversizedField,
    InvalidHex,
    InvalidBase58,
    InvalidChecksum,
    InvalidBech32,
    InvalidAddress,
    WrongNetwork,
    InvalidTransaction,
    InvalidScript,
    InvalidAmount,
    AmountOverflow,
    // Keys
    InvalidPrivateKey,
    InvalidPublicKey,
    InvalidSignature,
    InvalidDerivationPath,
    InvalidExtendedKey,
    InvalidMnemonic,
    // PSBT
    InvalidPsbt,
    PsbtIncomplete,
    PsbtMismatch,
    // Script verification failed; the detail is a ScriptError name
    ScriptFailed,
    // Chain (ChainBackend): why a transaction was not accepted, and backend trouble
    TxNonFinal,
    TxMissingInputs,
    TxDoubleSpend,
    TxImmatureCoinbase,
    TxSequenceLocked,
    TxFeeTooLow,
    TxDust,
    TxNonStandard,
    TxAlreadyConfirmed,
    ChainUnavailable,
    ChainCorrupt,
    NotFound,
    // Wallet and storage
    KeychainUnavailable,
    KeychainDenied,
    SeedNotFound,
    WalletExists,
    NoWallet,
    InsufficientFunds,
    StorageFailed,
    InvalidArgument,
    // Channel protocol (protocol.md "What each side checks")
    BadMessage,
    UnsupportedMessageVersion,
    ChannelUnknown,
    ChannelNotOpen,
    PaymentSequence,
    PaymentNotIncreasing,
    PaymentAboveCapacity,
    PaymentBelowDust,
    PaymentBadSignature,
    ChannelExpiring,
    ChannelParamsInvalid,
    RefundMismatch,
    FundingMismatch,
    NothingToSettle,
    OfferUnknown,
    TlsKeyMismatch,
    Cancelled,
    // Bitcoin Core JSON-RPC backend (appended: codes keep their numbers)
    RpcAuthFailed,
    RpcFailed,
    NodeSyncing,
    NodePruned,
    // Opening terms that can always be settled (protocol.md), and the messages' ranges
    PaymentAmountInvalid,
    NonStandardScript,
    VariantNotOffered,
    CapacityOutOfRange,
    ExpiryOutOfRange,
    CommitFeeTooLow,
    RefundFeeTooLow,
    ChannelWindowTooShort,
    OfferFeeTooHigh,
    CloseBadSignature,
    ChannelChangedElsewhere,
    TxFeeTooHigh,   ///< above the cap a broadcast allows (kMaxFeeRate): a mistake, never sent
    NodeBusy,       ///< the node's RPC work queue stayed full (HTTP 503) through every retry
    // Paid data over a socket (protocol.md "Paid data over a socket")
    ChannelNotBound,
    BindBadSignature,
    PurchaseBusy,
    NoPurchase,
    ChunkNotPaid,
    ChunkCorrupt,
    PriceTooHigh,
    // Fee bumping (protocol.md "Fee bumping and the deadline")
    TxMempoolFull,  ///< below the node's current mempool minimum (a full mempool): a package can still go in
    NoPackageRelay, ///< the node cannot take a transaction together with its child
    OverBudget,     ///< the fee needed is above what the transaction saves us may be spent on it
    // Encrypted backups (docs/backup.md)
    BackupDamaged,      ///< the file fails its authentication: changed, cut short or not ours
    BackupWrongPhrase,  ///< made under another recovery phrase (its key id differs)
    BackupUnsupported,  ///< not a Spillway backup, or a format version this build does not know
    BackupFailed,       ///< the backup could not be written (folder missing, not writable, disk full)
    OfferWithdrawn,     ///< a proposal for an offer its payee has taken back
    // The wallet password (core/wallet/SeedLock.h)
    WrongPassword,      ///< the password does not open the wallet's seed
    WalletLocked,       ///< the seed is locked by a password and none was given
    SeedDamaged,        ///< the locked seed in the keychain fails its authentication (changed or cut short)
};

/// Stable upper-case name, e.g. "INVALID_CHECKSUM".
std::string_view errorCodeName(ErrorCode code);
/// One readable English sentence (the GUI translates by code).
std::string_view errorCodeSentence(ErrorCode code);

} // namespace spillway
