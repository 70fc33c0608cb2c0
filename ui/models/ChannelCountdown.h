#pragma once
// What a channel's time column says, by role (issue 16): the payee is told when
// its channel settles by itself (the watcher settles at the safety margin) and is
// warned as that nears; the payer is told when its refund becomes possible, which
// is good news, so never in warning colours. Times only where the chain's blocks
// come at a known pace (blockInterval > 0); a chain that mines on request counts blocks.

#include "ChannelSummary.h"

#include <QString>

namespace spillway::ui {

struct Countdown {
    enum class Tone { Neutral, Good, Warning, Danger };
    QString text;
    Tone tone = Tone::Neutral;
    /// Seconds to the block the text counts to; -1 when the text shows no time.
    qint64 etaSeconds = -1;
    /// The ETA rounded to what the text shows (equal keys, equal texts); -1: no clock.
    qint64 key = -1;
    /// Seconds until the text's time changes next; -1: never by the clock alone.
    qint64 secondsToNextChange = -1;
};

struct ChainClock {
    int tipHeight = 0;
    qint64 tipTime = 0;
    int blockInterval = 600; ///< 0: blocks only
    qint64 now = 0;
};

/// Blocks until the payee's watcher settles by itself: expiry - margin - tip.
int blocksUntilAutoSettle(const ChannelSummary &c, int tipHeight);
/// `withText` false: the clock fields only (the ticker's pass over every row).
Countdown countdownOf(const ChannelSummary &c, const ChainClock &clock, bool withText = true);
/// "~3 h 20 min": how long `seconds` is, as the countdowns say it.
QString roughDuration(qint64 seconds);

} // namespace spillway::ui
