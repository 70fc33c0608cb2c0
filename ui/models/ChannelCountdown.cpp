#include "ChannelCountdown.h"

#include <QCoreApplication>

#include <algorithm>

namespace spillway::ui {

namespace {
QString tr(const char *s, int n = -1)
{
    return QCoreApplication::translate("spillway::ui::ChannelCountdown", s, nullptr, n);
}

/// Fills the clock part for a count to block `height`.
void addClock(Countdown &out, int blocks, const ChainClock &clock)
{
    if (clock.blockInterval <= 0 || blocks <= 0)
        return;
    const qint64 eta = std::max<qint64>(clock.tipTime + static_cast<qint64>(blocks) * clock.blockInterval - clock.now, 0);
    out.etaSeconds = eta;
    // roughDuration shows seconds under an hour, minutes under a day, hours beyond.
    const qint64 step = eta >= 86400 ? 3600 : eta >= 3600 ? 60 : 1;
    out.key = eta - eta % step;
    if (eta > 0)
        out.secondsToNextChange = eta % step + 1;
}

QString withTime(const QString &blocksText, const Countdown &c)
{
    return c.etaSeconds < 0 || blocksText.isEmpty() ? blocksText : tr("%1 (%2)").arg(blocksText, roughDuration(c.etaSeconds));
}
} // namespace

QString roughDuration(qint64 s)
{
    if (s >= 86400)
        return tr("~%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
    if (s >= 3600)
        return tr("~%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("~%1 min %2 s").arg(s / 60).arg(s % 60);
}

int blocksUntilAutoSettle(const ChannelSummary &c, int tipHeight)
{
    return c.expiryHeight - c.safetyMargin - tipHeight;
}

Countdown countdownOf(const ChannelSummary &c, const ChainClock &clock, bool withText)
{
    Countdown out;
    // The texts are the costly part: skipped when only the clock is wanted.
    const auto say = [withText](const char *text, int n = -1) { return withText ? tr(text, n) : QString(); };
    const bool paying = c.role == ChannelSummary::Role::Paying;
    if (c.isOfferOnly()) {
        out.text = say("Waiting for a payer to open it");
        return out;
    }
    if (c.isFinal()) {
        out.text = say("—"); // the outcome is in the Remaining column
        return out;
    }
    if (c.state == ChannelSummary::State::Closing) {
        // The closing transaction is out: nothing to count down, nothing to fear.
        const bool refund = c.finalPayeeSat == 0 && (paying || c.finalPayerSat > 0);
        out.text = refund ? (paying ? say("Refund sent, waiting for a confirmation") : say("The payer's refund is waiting for a confirmation"))
                          : (paying ? say("The payee settled, waiting for a confirmation") : say("Settlement sent, waiting for a confirmation"));
        return out;
    }
    const int left = c.expiryHeight - clock.tipHeight;
    if (paying) {
        if (left <= 0) {
            out.text = say("Refund possible now");
            out.tone = Countdown::Tone::Good;
            return out;
        }
        addClock(out, left, clock);
        out.text = withTime(say("Refund possible in %n block(s)", left), out);
        return out;
    }
    // The payee.
    if (c.paidSat <= 0) {
        // Nothing to settle: the channel only runs out.
        if (left <= 0) {
            out.text = say("Expired with no payment");
            return out;
        }
        addClock(out, left, clock);
        out.text = withTime(say("No payment yet; expires in %n block(s)", left), out);
        return out;
    }
    const int settleIn = blocksUntilAutoSettle(c, clock.tipHeight);
    if (settleIn <= 0) {
        out.text = say("Settling now: past the safety margin");
        out.tone = Countdown::Tone::Danger;
        return out;
    }
    addClock(out, settleIn, clock);
    out.text = withTime(say("Settles by itself in %n block(s)", settleIn), out);
    // Warned as the automatic settlement nears: under the margin again, then at the last blocks.
    out.tone = settleIn <= 2 ? Countdown::Tone::Danger : settleIn < c.safetyMargin ? Countdown::Tone::Warning : Countdown::Tone::Neutral;
    return out;
}

} // namespace spillway::ui
