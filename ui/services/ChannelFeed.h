#pragma once
// What the window needs to hear about channels, read from the store at the cost
// of what changed: each call reads only the rows written since the previous one
// (ChannelStore::changedSince) and turns them into summaries, and keeps the
// amounts in channels up to date without reading the others again.

#include "common/Result.h"
#include "models/ChannelSummary.h"

#include <QHash>
#include <QList>

namespace spillway::store {
class ChannelStore;
struct ChannelRecord;
}

namespace spillway::ui {

/// Money in channels that are neither offered nor closed.
struct ChannelTotals {
    qint64 paying = 0;    ///< ours, locked in channels we pay through (capacity - signed)
    qint64 receiving = 0; ///< paid to us in channels we receive on, not yet settled
    int toWatch = 0;      ///< channels opening, open or closing (their deadlines need a watcher)
};

ChannelSummary summarize(const store::ChannelRecord &r);
/// The payee's offers not withdrawn, as rows (isOfferOnly) the window lists until a
/// channel comes from them. Offers with an endpoint (Sell, the payment server) are
/// for every buyer and stay with the Sell tab.
Result<QList<ChannelSummary>> offerRows(store::ChannelStore &store);

class ChannelFeed {
public:
    explicit ChannelFeed(store::ChannelStore &store) : m_store(store) {}

    /// The channels written since the last call (every channel on the first call).
    Result<QList<ChannelSummary>> changes();
    ChannelTotals totals() const { return m_totals; }
    /// Counters for tests and the bench: rows read from the store over all calls.
    qint64 rowsRead() const { return m_rowsRead; }
    int64_t through() const { return m_through; }

private:
    struct Share {
        bool paying = false;
        qint64 amount = 0;
        bool watched = false;
    };
    store::ChannelStore &m_store;
    int64_t m_through = 0;
    qint64 m_rowsRead = 0;
    QHash<QString, Share> m_shares;
    ChannelTotals m_totals;
};

} // namespace spillway::ui
