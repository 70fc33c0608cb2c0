#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>

namespace spillway::ui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    QSettings s;
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    const QString lang = s.value(QStringLiteral("language"), QLocale::system().name()).toString();
    m_language->setCurrentIndex(lang.startsWith(QLatin1String("zh")) ? 1 : 0);
    form->addRow(tr("Language:"), m_language);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unitComboBox"));
    m_unit->addItem(tr("satoshi (sat)"), QStringLiteral("sat"));
    m_unit->addItem(tr("bitcoin (BTC)"), QStringLiteral("btc"));
    m_unit->setCurrentIndex(s.value(QStringLiteral("unit")).toString() == QLatin1String("btc") ? 1 : 0);
    form->addRow(tr("Amounts in:"), m_unit);
    m_expiry = new QSpinBox(this);
    m_expiry->setObjectName(QStringLiteral("defaultExpirySpinBox"));
    m_expiry->setRange(6, 52560);
    m_expiry->setSuffix(tr(" blocks"));
    m_expiry->setValue(s.value(QStringLiteral("defaultExpiryBlocks"), 144).toInt());
    form->addRow(tr("New channels: refund after"), m_expiry);
    m_chainFile = new QLineEdit(s.value(QStringLiteral("chainFile")).toString(), this);
    m_chainFile->setObjectName(QStringLiteral("chainFileLineEdit"));
    m_chainFile->setPlaceholderText(tr("default: the shared local chain"));
    form->addRow(tr("Local chain file (after a restart):"), m_chainFile);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

bool SettingsDialog::save() const
{
    QSettings s;
    const QString before = s.value(QStringLiteral("language"), QLocale::system().name()).toString();
    const QString lang = m_language->currentData().toString();
    s.setValue(QStringLiteral("language"), lang);
    s.setValue(QStringLiteral("unit"), m_unit->currentData().toString());
    s.setValue(QStringLiteral("defaultExpiryBlocks"), m_expiry->value());
    s.setValue(QStringLiteral("chainFile"), m_chainFile->text().trimmed());
    return !before.startsWith(lang.left(2));
}

} // namespace spillway::ui
