#pragma once
// The user's own names for things (a wallet transaction, later addresses), in
// <datadir>/labels.sqlite: rows of (kind, id, label). Kept apart from the wallet
// and channel files: nothing about money depends on them.

#include "SqliteDatabase.h"

#include <QHash>
#include <QString>

namespace spillway::store {

/// One label: what kind of thing (kTransaction), its id (a txid in display hex), the text.
struct Label {
    QString kind;
    QString id;
    QString label;
    bool operator==(const Label &) const = default;
};

class LabelStore {
public:
    static constexpr const char *kTransaction = "tx";

    Status open(const QString &dataDir);
    static QString fileIn(const QString &dataDir);
    /// Sets (or, with an empty label, removes) the label of `id`.
    Status set(const QString &kind, const QString &id, const QString &label);
    /// Every label of a kind, by id.
    Result<QHash<QString, QString>> all(const QString &kind);
    /// Every label of every kind, ordered by kind and id (what a backup holds).
    Result<std::vector<Label>> everything();
    /// A label from a backup: added when `id` has none, a label already there is kept
    /// (the user's newer word wins). True when it was added.
    Result<bool> restore(const Label &label);

private:
    SqliteDatabase m_db;
};

} // namespace spillway::store
