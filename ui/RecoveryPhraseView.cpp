#include "RecoveryPhraseView.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace spillway::ui {

RecoveryPhraseView::RecoveryPhraseView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("recoveryPhraseView"));
    auto *layout = new QVBoxLayout(this);
    auto *about = new QLabel(explanation(), this);
    about->setObjectName(QStringLiteral("phraseExplanationLabel"));
    about->setWordWrap(true);
    layout->addWidget(about);
    auto *words = new QWidget(this);
    m_grid = new QGridLayout(words);
    m_grid->setHorizontalSpacing(24);
    layout->addWidget(words);
    layout->addStretch(1);
}

QString RecoveryPhraseView::explanation()
{
    return tr("These words restore this wallet, its coins and the keys of every channel, on any computer, with "
              "Spillway or another wallet that reads BIP 39 phrases. Write them on paper in this order and keep it safe "
              "and offline. Anyone who has them can take your money; nobody, not even Spillway, can give them back to "
              "you if they are lost.");
}

void RecoveryPhraseView::setWords(const QStringList &words)
{
    m_words = words;
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Four columns of six, numbered down each column (as on a recovery card).
    const int rows = (static_cast<int>(words.size()) + 3) / 4;
    for (int i = 0; i < words.size(); ++i) {
        auto *l = new QLabel(tr("%1. <b>%2</b>").arg(i + 1, 2).arg(words[i].toHtmlEscaped()), this);
        l->setObjectName(QStringLiteral("phraseWordLabel%1").arg(i + 1));
        l->setTextInteractionFlags(Qt::NoTextInteraction); // not copied to a clipboard by accident
        m_grid->addWidget(l, rows ? i % rows : 0, rows ? i / rows : 0);
    }
}

RecoveryPhraseDialog::RecoveryPhraseDialog(const QStringList &words, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("recoveryPhraseDialog"));
    setWindowTitle(tr("Recovery phrase"));
    auto *layout = new QVBoxLayout(this);
    m_view = new RecoveryPhraseView(this);
    m_view->setWords(words);
    layout->addWidget(m_view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RecoveryPhraseDialog::done(int r)
{
    m_view->setWords({});
    QDialog::done(r);
}

} // namespace spillway::ui
