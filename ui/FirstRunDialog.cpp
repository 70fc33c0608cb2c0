#include "FirstRunDialog.h"

#include "RecoveryPhraseView.h"

#include "bitcoin/Bip39.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include <algorithm>

namespace spillway::ui {

/// A page whose completeness and next page come from functions (the dialog's rules).
class FirstRunPage : public QWizardPage {
public:
    std::function<bool()> complete = [] { return true; };
    std::function<int()> next;
    bool isComplete() const override { return complete(); }
    int nextId() const override { return next ? next() : QWizardPage::nextId(); }
    void changed() { Q_EMIT completeChanged(); }
};

FirstRunDialog::FirstRunDialog(QWidget *parent) : QWizard(parent)
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to Spillway"));
    setOption(QWizard::NoBackButtonOnLastPage, false);

    // A new phrase, made here and shown before anything is stored.
    {
        const SecretBytes m = bitcoin::generateMnemonic(24);
        m_words = QString::fromLatin1(reinterpret_cast<const char *>(m.data()), static_cast<qsizetype>(m.size())).split(QLatin1Char(' '));
    }
    std::array<int, 24> order{};
    for (int i = 0; i < 24; ++i)
        order[static_cast<size_t>(i)] = i + 1;
    std::shuffle(order.begin(), order.end(), *QRandomGenerator::system());
    std::copy_n(order.begin(), 3, m_positions.begin());
    std::sort(m_positions.begin(), m_positions.end());

    auto *choice = new FirstRunPage;
    choice->setObjectName(QStringLiteral("choicePage"));
    choice->setTitle(tr("A wallet for this computer"));
    choice->setSubTitle(tr("Spillway keeps the wallet's keys in this computer's keychain. Make a new wallet, or bring back one "
                           "you have from its recovery phrase."));
    auto *cl = new QVBoxLayout(choice);
    m_create = new QRadioButton(tr("Create a new wallet"), choice);
    m_create->setObjectName(QStringLiteral("createRadioButton"));
    m_create->setChecked(true);
    m_restore = new QRadioButton(tr("Restore a wallet from its recovery phrase"), choice);
    m_restore->setObjectName(QStringLiteral("restoreRadioButton"));
    // A lost disk: the words and a backup file bring the channels back too (docs/backup.md).
    m_fromBackup = new QRadioButton(tr("Restore from recovery phrase and backup"), choice);
    m_fromBackup->setObjectName(QStringLiteral("restoreFromBackupRadioButton"));
    cl->addWidget(m_create);
    cl->addWidget(m_restore);
    cl->addWidget(m_fromBackup);
    cl->addStretch(1);
    choice->next = [this] { return m_fromBackup->isChecked() ? -1 : m_restore->isChecked() ? RestorePage : WordsPage; };
    connect(m_fromBackup, &QRadioButton::toggled, choice, &QWizardPage::completeChanged);
    setPage(ChoicePage, choice);

    auto *words = new FirstRunPage;
    words->setObjectName(QStringLiteral("wordsPage"));
    words->setTitle(tr("Your recovery phrase"));
    words->setSubTitle(tr("Write these 24 words down, in order, on paper. The next page asks for three of them."));
    auto *wl = new QVBoxLayout(words);
    m_view = new RecoveryPhraseView(words);
    m_view->setWords(m_words);
    wl->addWidget(m_view);
    words->next = [] { return VerifyPage; };
    setPage(WordsPage, words);

    auto *verify = new FirstRunPage;
    verify->setObjectName(QStringLiteral("verifyPage"));
    verify->setTitle(tr("Check what you wrote"));
    verify->setSubTitle(tr("Type these three words from your paper. The wallet is made once they match."));
    auto *vl = new QFormLayout(verify);
    for (int i = 0; i < 3; ++i) {
        auto *e = new QLineEdit(verify);
        e->setObjectName(QStringLiteral("verifyWordLineEdit%1").arg(i));
        m_checks[static_cast<size_t>(i)] = e;
        vl->addRow(tr("Word %1:").arg(m_positions[static_cast<size_t>(i)]), e);
        connect(e, &QLineEdit::textChanged, verify, &FirstRunPage::changed);
    }
    verify->complete = [this] {
        for (int i = 0; i < 3; ++i)
            if (m_checks[static_cast<size_t>(i)]->text().trimmed().toLower() != m_words[m_positions[static_cast<size_t>(i)] - 1])
                return false;
        return true;
    };
    verify->next = [] { return -1; };
    verify->setFinalPage(true);
    setPage(VerifyPage, verify);

    auto *restore = new FirstRunPage;
    restore->setObjectName(QStringLiteral("restorePage"));
    restore->setTitle(tr("Restore from a recovery phrase"));
    restore->setSubTitle(tr("Type the 12 or 24 words, in order, separated by spaces. Coins and channels are looked for on the "
                            "chain once the wallet is made."));
    auto *rl = new QVBoxLayout(restore);
    m_restoreEdit = new QPlainTextEdit(restore);
    m_restoreEdit->setObjectName(QStringLiteral("restorePhraseEdit"));
    m_restoreProblem = new QLabel(restore);
    m_restoreProblem->setObjectName(QStringLiteral("restoreProblemLabel"));
    m_restoreProblem->setWordWrap(true);
    rl->addWidget(m_restoreEdit);
    rl->addWidget(m_restoreProblem);
    connect(m_restoreEdit, &QPlainTextEdit::textChanged, restore, [this, restore] {
        const QString text = m_restoreEdit->toPlainText();
        m_restoreProblem->setText(text.trimmed().isEmpty() ? QString() : phraseProblem(text));
        restore->changed();
    });
    restore->complete = [this] { return phraseProblem(m_restoreEdit->toPlainText()).isEmpty(); };
    restore->next = [] { return -1; };
    restore->setFinalPage(true);
    setPage(RestorePage, restore);
    setStartId(ChoicePage);
    resize(640, 460);
}

bool FirstRunDialog::restoring() const
{
    return m_restore->isChecked();
}

bool FirstRunDialog::restoringFromBackup() const
{
    return m_fromBackup->isChecked();
}

QString FirstRunDialog::phrase() const
{
    return restoring() ? m_restoreEdit->toPlainText().simplified().toLower() : m_words.join(QLatin1Char(' '));
}

QString FirstRunDialog::phraseProblem(const QString &text)
{
    const QStringList words = text.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return tr("Type the words of your recovery phrase.");
    for (int i = 0; i < words.size(); ++i) {
        const QByteArray w = words[i].toUtf8();
        const auto &list = bitcoin::bip39EnglishWords(); // sorted: a binary search
        if (!std::binary_search(list.begin(), list.end(), std::string_view(w.constData(), static_cast<size_t>(w.size()))))
            return tr("Word %1, \"%2\", is not a recovery-phrase word. Check its spelling.").arg(i + 1).arg(words[i]);
    }
    if (words.size() != 12 && words.size() != 15 && words.size() != 18 && words.size() != 21 && words.size() != 24)
        return tr("%1 words so far: a recovery phrase has 12 or 24 words.").arg(words.size());
    const QByteArray all = words.join(QLatin1Char(' ')).toUtf8();
    if (!bitcoin::mnemonicToEntropy(std::string_view(all.constData(), static_cast<size_t>(all.size()))).ok())
        return tr("These words are not a valid recovery phrase: a word is wrong or out of order.");
    return {};
}

} // namespace spillway::ui
