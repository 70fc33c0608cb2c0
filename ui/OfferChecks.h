#pragma once
// The Open-channel wizard's checks as the user types (issue 16): is the text an
// offer, for this wallet's network, with limits a payer can accept; and are the
// terms (capacity, refund distance, closing fee, kind) inside the offer's limits
// and the opening-terms rules (protocol.md), before anything is signed. Each
// answer is a sentence in the user's language, empty when all is well.

#include "channel/Messages.h"

#include <QString>

#include <optional>

namespace spillway::ui {

struct OfferCheck {
    std::optional<channel::OfferMsg> offer; ///< set when the text is an offer for this network that a payer can accept
    QString problem;                        ///< why not, empty when the text is empty or all is well
};

/// `network`: the wallet's; `estimateSatPerKvB`: the chain's fee estimate (0: unknown, the
/// offer's fee floor is then judged by the engine after Finish).
OfferCheck checkOffer(const QString &text, bitcoin::NetworkId network, qint64 estimateSatPerKvB);

struct TermsInput {
    qint64 capacitySat = 0;
    int expiryDelta = 0;        ///< blocks from today's tip to the refund; 0: the network's default
    qint64 commitFeeSat = 0;    ///< 0: from the chain's estimate
    bool refundVariant = false;
    qint64 spendableSat = -1;   ///< the wallet's spendable coins; -1: unknown
};

/// The refund distance a 0 in TermsInput::expiryDelta stands for, within the offer's limits.
int effectiveExpiryDelta(const channel::OfferMsg &offer, int expiryDelta);
/// The least closing (commitment) fee the offer accepts for a channel of this capacity.
qint64 leastCommitFee(const channel::OfferMsg &offer, qint64 capacitySat, bool refundVariant);
QString checkTerms(const channel::OfferMsg &offer, const TermsInput &terms);

} // namespace spillway::ui
