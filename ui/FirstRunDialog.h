#pragma once
// First run, as its own dialog (Bitcoin Core's intro): a new wallet, or one
// restored from its recovery phrase and a backup file (docs/backup.md).

#include "common/Bytes.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QLabel;

namespace spillway::ui {

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit FirstRunDialog(QWidget *parent = nullptr);
    bool restoring() const;
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
