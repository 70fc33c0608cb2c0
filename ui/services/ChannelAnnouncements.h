#pragma once
// What the watcher did by itself, said in the user's language (issue 16): an
// automatic settlement or refund, and the confirmation of a closing, with the
// channel's name and the amount, for the notifier and the status bar.

#include "channel/ChannelEngine.h"

#include <QString>

namespace spillway::ui {

struct Announcement {
    QString title;
    QString sentence;
    bool isEmpty() const { return sentence.isEmpty(); }
};

/// Empty for events of Kind::Other (said as they are). `channelName`: its label or short id.
Announcement announcementOf(const channel::WatchEvent &event, const QString &channelName);

} // namespace spillway::ui
