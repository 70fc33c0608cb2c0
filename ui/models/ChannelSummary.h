#pragma once
// What the GUI knows about a channel: a plain value the service builds from the
// core's records, so models and views never touch core types.

#include <QMetaType>
#include <QString>
#include <QList>

namespace spillway::ui {

struct ChannelSummary {
    enum class Role { Paying, Receiving };
    enum class State { Offered, Opening, Open, Closing, Settled, Refunded, Expired };

    QString id;               ///< funding outpoint "txid:index"
    QString label;
    QString peer;             ///< the other side's key, shortened
    Role role = Role::Paying;
    State state = State::Offered;
    QString variant;          ///< "cltv" or "refund"
    qint64 capacitySat = 0;
    qint64 paidSat = 0;       ///< payer: signed; payee: accepted
    qint64 ackedSat = 0;      ///< payer: what the payee has acknowledged; payee: accepted
    qint64 maxPayableSat = 0; ///< capacity - commit fee
    int expiryHeight = 0;
    int safetyMargin = 6;
    qint64 lastPaymentTime = 0; ///< seconds since the epoch, 0 = none
    int payments = 0;
    QString fundingTxid;
    QString closingTxid;
    qint64 finalPayeeSat = 0;
    qint64 finalPayerSat = 0;
    /// The payee's key (hex) of the offer the channel came from; for a row that is
    /// only an offer (isOfferOnly), the offer's key, and its text to show again.
    QString offerKey;
    QString offerText;

    /// An outstanding offer, listed so that it can be shown again or withdrawn.
    bool isOfferOnly() const { return !offerText.isEmpty(); }

    qint64 remainingSat() const { return maxPayableSat - paidSat; }
    bool isFinal() const { return state == State::Settled || state == State::Refunded; }
    bool operator==(const ChannelSummary &) const = default;
};

} // namespace spillway::ui

Q_DECLARE_METATYPE(spillway::ui::ChannelSummary)
