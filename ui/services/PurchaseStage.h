#pragma once
// Where a purchase in the Buy tab is: a plain value the purchase runner sends
// and the tab puts into words.

#include <QMetaType>
#include <QString>

namespace spillway::ui {

struct PurchaseStage {
    enum class Step { Connecting, OpeningChannel, WaitingConfirmations, Downloading, Verifying, Done, Failed };

    Step step = Step::Connecting;
    int confirmations = 0;       ///< WaitingConfirmations: the funding's so far
    int confirmationsNeeded = 0; ///< WaitingConfirmations: what the provider asks
    qint64 chunksDone = 0;
    qint64 chunks = 0;
    qint64 bytes = 0;            ///< on disk, intact
    qint64 totalBytes = 0;
    qint64 paidSat = 0;          ///< signed to the provider on this channel
    double bytesPerSecond = 0;   ///< Downloading: since this attempt's first chunk
    QString path;                ///< Done: the file
    QString message;             ///< Failed: a sentence in the user's language
    QString details;             ///< Failed: the code and its context, for Details
    bool paused = false;         ///< Failed: the user paused it (Download again resumes)
};

} // namespace spillway::ui

Q_DECLARE_METATYPE(spillway::ui::PurchaseStage)
