#pragma once
// BIP 21 payment URIs: "bitcoin:<address>?amount=0.001&label=Shop&message=Order%2042".
// The amount is always decimal BTC (never the unit the user chose); parameters
// starting with "req-" are requirements the wallet must understand, so an
// unknown one refuses the whole URI; the address is checked for the wallet's
// network (WRONG_NETWORK when it is another network's).

#include "Amount.h"
#include "Network.h"
#include "common/Result.h"

#include <optional>
#include <string>
#include <string_view>

namespace spillway::bitcoin {

struct PaymentRequest {
    std::string address;
    std::optional<Amount> amount;
    std::string label;
    std::string message;

    bool operator==(const PaymentRequest &) const = default;
};

/// Parses a "bitcoin:" URI (scheme case-insensitive). Errors: INVALID_ARGUMENT (not
/// a bitcoin URI, a bad escape, a repeated or unknown required parameter),
/// INVALID_AMOUNT, INVALID_ADDRESS, WRONG_NETWORK.
Result<PaymentRequest> parseBip21(std::string_view uri, const Network &net);
/// The URI for a request; the label and message percent-encoded, the amount in BTC
/// without trailing zeros. `upperCaseAddress` for QR codes: the scheme and a bech32
/// address in upper case (a base58 address keeps its case).
std::string makeBip21(const PaymentRequest &request, bool upperCaseAddress = false);

} // namespace spillway::bitcoin
