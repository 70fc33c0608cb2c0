#include "CsvWriter.h"

#include <QSaveFile>

namespace spillway::ui {

namespace {
QString field(const QString &v)
{
    if (!v.contains(QLatin1Char(',')) && !v.contains(QLatin1Char('"')) && !v.contains(QLatin1Char('\n')) && !v.contains(QLatin1Char('\r')))
        return v;
    QString q = v;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}
} // namespace

QString CsvWriter::toCsv(const QAbstractItemModel &model) const
{
    QString out;
    const int cols = model.columnCount();
    QStringList line;
    for (int c = 0; c < cols; ++c)
        line << field(m_headers.value(c, model.headerData(c, Qt::Horizontal).toString()));
    out += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        line.clear();
        for (int c = 0; c < cols; ++c)
            line << field(model.data(model.index(r, c), m_roles.value(c, Qt::DisplayRole)).toString());
        out += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

bool CsvWriter::write(const QAbstractItemModel &model, const QString &path, QString *error) const
{
    QSaveFile f(path); // all or nothing: no half-written export left behind
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    f.write(toCsv(model).toUtf8());
    if (!f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace spillway::ui
