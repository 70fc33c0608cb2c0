#pragma once
// Any table model to a CSV file (RFC 4180: comma-separated, fields with commas,
// quotes or line breaks quoted, quotes doubled, CRLF line ends), header first,
// the text the user sees (DisplayRole) or, per column, a raw role.

#include <QAbstractItemModel>
#include <QHash>
#include <QString>

namespace spillway::ui {

class CsvWriter {
public:
    /// Column `column` is written from `role` instead of DisplayRole (e.g. raw satoshis).
    void setColumnRole(int column, int role) { m_roles.insert(column, role); }
    /// Column `column`'s header, instead of the model's (e.g. "Amount (sat)").
    void setColumnHeader(int column, const QString &header) { m_headers.insert(column, header); }
    /// The CSV text of `model`'s rows, in the model's order.
    QString toCsv(const QAbstractItemModel &model) const;
    /// Writes it to `path` (UTF-8); false with `error` set when the file cannot be written.
    bool write(const QAbstractItemModel &model, const QString &path, QString *error) const;

private:
    QHash<int, int> m_roles;
    QHash<int, QString> m_headers;
};

} // namespace spillway::ui
