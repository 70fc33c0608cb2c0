#pragma once
// The recovery phrase as people write it down: the words numbered, in columns,
// with what they are for said plainly. Used by the first-run dialog and by
// Wallet → Show recovery phrase.

#include <QDialog>
#include <QStringList>
#include <QWidget>

class QGridLayout;

namespace spillway::ui {

class RecoveryPhraseView : public QWidget {
    Q_OBJECT
public:
    explicit RecoveryPhraseView(QWidget *parent = nullptr);
    void setWords(const QStringList &words);
    const QStringList &words() const { return m_words; }
    /// What the phrase restores, in a sentence (shown above the words).
    static QString explanation();

private:
    QStringList m_words;
    QGridLayout *m_grid;
};

/// Wallet → Show recovery phrase.
class RecoveryPhraseDialog : public QDialog {
    Q_OBJECT
public:
    RecoveryPhraseDialog(const QStringList &words, QWidget *parent = nullptr);
    /// Clears the words from the widgets when it closes.
    void done(int r) override;

private:
    RecoveryPhraseView *m_view;
};

} // namespace spillway::ui
