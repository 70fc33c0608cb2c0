#pragma once
// First run: create a wallet or restore one. Create shows the 24 words numbered
// on their own page and asks three of them back before the wallet is made;
// Restore takes the words (checked as they are typed: the list, the checksum).

#include <QWizard>

#include <array>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace spillway::ui {

class RecoveryPhraseView;

class FirstRunDialog : public QWizard {
    Q_OBJECT
public:
    enum Page { ChoicePage, WordsPage, VerifyPage, RestorePage };
    explicit FirstRunDialog(QWidget *parent = nullptr);

    bool restoring() const;
    /// The user chose the words and a backup file (RestoreFromBackupDialog asks for both).
    bool restoringFromBackup() const;
    /// The phrase to make the wallet from (the new one, or the one typed).
    QString phrase() const;
    /// The three word positions (1-based) the verify page asks for.
    const std::array<int, 3> &verifyPositions() const { return m_positions; }

    /// Why `text` is not a recovery phrase, as a sentence (empty: it is one).
    static QString phraseProblem(const QString &text);

private:
    QStringList m_words;
    std::array<int, 3> m_positions{};
    QRadioButton *m_create, *m_restore, *m_fromBackup;
    RecoveryPhraseView *m_view;
    std::array<QLineEdit *, 3> m_checks{};
    QPlainTextEdit *m_restoreEdit;
    QLabel *m_restoreProblem;
    friend class FirstRunPage;
};

} // namespace spillway::ui
