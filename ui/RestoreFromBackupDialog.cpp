#include "RestoreFromBackupDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace spillway::ui {

RestoreFromBackupDialog::RestoreFromBackupDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to Spillway"));
    auto *layout = new QVBoxLayout(this);
    m_create = new QRadioButton(tr("Create a new wallet"), this);
    m_create->setObjectName(QStringLiteral("createWalletRadioButton"));
    m_restore = new QRadioButton(tr("Restore from recovery phrase and backup"), this);
    m_restore->setObjectName(QStringLiteral("restoreWalletRadioButton"));
    m_create->setChecked(true);
    layout->addWidget(m_create);
    layout->addWidget(m_restore);
    m_restoreFields = new QWidget(this);
    auto *form = new QFormLayout(m_restoreFields);
    m_phrase = new QPlainTextEdit(m_restoreFields);
    m_phrase->setObjectName(QStringLiteral("recoveryPhraseEdit"));
    m_phrase->setPlaceholderText(tr("the 12 or 24 words, in order"));
    form->addRow(tr("Recovery phrase:"), m_phrase);
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(m_restoreFields);
    m_file->setObjectName(QStringLiteral("backupFileLineEdit"));
    auto *choose = new QPushButton(tr("Choose…"), m_restoreFields);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);
    form->addRow(tr("Backup file:"), fileRow);
    layout->addWidget(m_restoreFields);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("firstRunProblemLabel"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RestoreFromBackupDialog::accept);
    connect(choose, &QPushButton::clicked, this, &RestoreFromBackupDialog::chooseFile);
    connect(m_restore, &QRadioButton::toggled, this, &RestoreFromBackupDialog::modeChanged);
    modeChanged();
}

void RestoreFromBackupDialog::restoreOnly()
{
    m_restore->setChecked(true);
    m_create->hide();
    m_restore->hide();
    modeChanged();
}

bool RestoreFromBackupDialog::restoring() const
{
    return m_restore->isChecked();
}

QString RestoreFromBackupDialog::backupFile() const
{
    return m_file->text().trimmed();
}

SecretBytes RestoreFromBackupDialog::takePhrase()
{
    const QStringList words = m_phrase->toPlainText().toLower().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    const QByteArray joined = words.join(QLatin1Char(' ')).toUtf8();
    SecretBytes out(ByteView(reinterpret_cast<const uint8_t *>(joined.constData()), static_cast<size_t>(joined.size())));
    m_phrase->clear();
    return out;
}

void RestoreFromBackupDialog::chooseFile()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Backup file"), backupFile(), tr("Spillway backups (*.backup);;All files (*)"));
    if (!f.isEmpty())
        m_file->setText(f);
}

void RestoreFromBackupDialog::modeChanged()
{
    m_restoreFields->setEnabled(restoring());
    m_problem->clear();
}

void RestoreFromBackupDialog::accept()
{
    if (restoring()) {
        const qsizetype words = m_phrase->toPlainText().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
        if (words != 12 && words != 24) {
            m_problem->setText(tr("A recovery phrase has 12 or 24 words; this one has %1.").arg(words));
            return;
        }
        if (!QFileInfo(backupFile()).isFile()) {
            m_problem->setText(tr("Choose the backup file (spillway-….backup)."));
            return;
        }
    }
    QDialog::accept();
}

} // namespace spillway::ui
