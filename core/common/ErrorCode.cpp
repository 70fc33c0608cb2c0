#include "ErrorCode.h"
#include "Result.h"

namespace spillway {

namespace {
struct Entry {
    ErrorCode code;
    std::string_view name;
    std::string_view sentence;
};

constexpr Entry kEntries[] = {
    {ErrorCode::Ok, "OK", "No error."},
    {ErrorCode::Unknown, "UNKNOWN", "An unexpected error occurred."},
    {ErrorCode::Truncated, "TRUNCATED", "The data ends before it is complete."},
    {ErrorCode::TrailingData, "TRAILING_DATA", "The data continues after its end."},
    {ErrorCode::NonCanonicalCompactSize, "NON_CANONICAL_SIZE", "A length is not encoded in its shortest form."},
    {ErrorCode::OversizedField, "OVERSIZED", "A field is larger than allowed."},
    {ErrorCode::InvalidHex, "INVALID_HEX", "The text is not valid hexadecimal."},
    {ErrorCode::InvalidBase58, "INVALID_BASE58", "The text is not valid base58."},
    {ErrorCode::InvalidChecksum, "INVALID_CHECKSUM", "The checksum does not match: the text was mistyped or damaged."},
    {ErrorCode::InvalidBech32, "INVALID_BECH32", "The text is not valid bech32 or bech32m."},
    {ErrorCode::InvalidAddress, "INVALID_ADDRESS", "This is not a valid Bitcoin address."},
    {ErrorCode::WrongNetwork, "WRONG_NETWORK", "This belongs to a different Bitcoin network."},
    {ErrorCode::InvalidTransaction, "INVALID_TRANSACTION", "The transaction is malformed."},
    {ErrorCode::InvalidScript, "INVALID_SCRIPT", "The script is malformed."},
    {ErrorCode::InvalidAmount, "INVALID_AMOUNT", "The amount is out of range."},
    {ErrorCode::AmountOverflow, "AMOUNT_OVERFLOW", "The amounts add up to more than can exist."},
    {ErrorCode::InvalidPrivateKey, "INVALID_PRIVATE_KEY", "The private key is not valid."},
    {ErrorCode::InvalidPublicKey, "INVALID_PUBLIC_KEY", "The public key is not valid."},
    {ErrorCode::InvalidSignature, "INVALID_SIGNATURE", "The signature is not valid."},
    {ErrorCode::InvalidDerivationPath, "INVALID_PATH", "The key derivation path is not valid."},
    {ErrorCode::InvalidExtendedKey, "INVALID_EXTENDED_KEY", "The extended key is not valid."},
    {ErrorCode::InvalidMnemonic, "INVALID_MNEMONIC", "The recovery phrase is not valid."},
    {ErrorCode::InvalidPsbt, "INVALID_PSBT", "The PSBT is malformed."},
    {ErrorCode::PsbtIncomplete, "PSBT_INCOMPLETE", "The PSBT lacks data needed for this step."},
    {ErrorCode::PsbtMismatch, "PSBT_MISMATCH", "The PSBTs describe different transactions."},
    {ErrorCode::ScriptFailed, "SCRIPT_FAILED", "The transaction's script check failed."},
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
