#pragma once
// The wallet seed in the OS keychain through QtKeychain (service "spillway",
// one entry per wallet). Never on disk, no plain-text fallback.

#include "common/Bytes.h"

#include <QObject>
#include <QString>

#include <functional>

namespace spillway::store {

class SeedKeychain {
public:
    static constexpr const char *kService = "spillway";

    /// Asynchronous: `done` runs on `context`'s thread when the keychain answers.
    static void read(const QString &walletId, QObject *context, std::function<void(Result<SecretBytes>)> done);
    static void write(const QString &walletId, const SecretBytes &seed, QObject *context, std::function<void(Status)> done);
    static void remove(const QString &walletId, QObject *context, std::function<void(Status)> done);

    /// Blocking forms for the CLI and worker threads. On the main thread a local
    /// event loop waits for the answer; on a worker the job runs on the main thread
    /// and the worker waits (so never call these from the GUI thread of a window).
    static Result<SecretBytes> readBlocking(const QString &walletId);
    static Status writeBlocking(const QString &walletId, const SecretBytes &seed);
    static Status removeBlocking(const QString &walletId);
};

} // namespace spillway::store
