#include "WalletSettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>

namespace spillway::ui {

namespace {
QString &currentGroup()
{
    static QString g;
    return g;
}
} // namespace

void WalletSettings::setWallet(const QString &dataDir)
{
    currentGroup() = dataDir.isEmpty() ? QString() : groupFor(dataDir);
}

QString WalletSettings::groupFor(const QString &dataDir)
{
    const QString path = QDir(dataDir).absolutePath();
    const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    QString name = QDir(path).dirName();
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStringLiteral("wallets/%1-%2").arg(name, QString::fromLatin1(hash));
}

QVariant WalletSettings::valueFor(const QString &dataDir, const QString &key, const QVariant &fallback)
{
    return QSettings().value(groupFor(dataDir) + QLatin1Char('/') + key, fallback);
}

void WalletSettings::setValueFor(const QString &dataDir, const QString &key, const QVariant &value)
{
    QSettings().setValue(groupFor(dataDir) + QLatin1Char('/') + key, value);
}

QString WalletSettings::group()
{
    return currentGroup();
}

QVariant WalletSettings::value(const QString &key, const QVariant &fallback)
{
    QSettings s;
    if (!currentGroup().isEmpty()) {
        const QVariant v = s.value(currentGroup() + QLatin1Char('/') + key);
        if (v.isValid())
            return v;
    }
    return s.value(key, fallback);
}

void WalletSettings::setValue(const QString &key, const QVariant &value)
{
    QSettings s;
    s.setValue(currentGroup().isEmpty() ? key : currentGroup() + QLatin1Char('/') + key, value);
}

} // namespace spillway::ui
