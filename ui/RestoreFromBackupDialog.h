#pragma once
// Restoring from the recovery phrase and a backup file (docs/backup.md), chosen
// on the first-run page: the words, the file, both checked before anything is written.

#include "common/Bytes.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QLabel;

namespace spillway::ui {

class RestoreFromBackupDialog : public QDialog {
    Q_OBJECT
public:
    explicit RestoreFromBackupDialog(QWidget *parent = nullptr);
    bool restoring() const;
    /// Only the restore fields: the first-run page already chose restoring from a backup.
    void restoreOnly();
    /// The phrase as typed (words separated by single spaces, lower case); the field is cleared.
    SecretBytes takePhrase();
    QString backupFile() const;

public Q_SLOTS:
    void accept() override;

private:
    void chooseFile();
    void modeChanged();

    QRadioButton *m_create;
    QRadioButton *m_restore;
    QPlainTextEdit *m_phrase;
    QLineEdit *m_file;
    QLabel *m_problem;
    QWidget *m_restoreFields;
};

} // namespace spillway::ui
