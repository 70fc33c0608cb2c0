#include "MessageDialog.h"
#include "QrMessageView.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

MessageDialog::MessageDialog(const QString &title, const QStringList &texts, QWidget *parent) : QDialog(parent), m_texts(texts)
{
    setObjectName(QStringLiteral("messageDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Show this code to the other side, or send them the text or the file."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_view = new QrMessageView(this);
    m_view->setMessages(texts);
    connect(m_view, &QrMessageView::frameShown, this, &MessageDialog::frameShown);
    if (m_view->isAnimated())
        hint->setText(tr("Show this animated code to the other side until it says the code is read, or send them the text or the file."));
    layout->addWidget(m_view);

    const bool isPsbt = m_view->isPsbt();
    m_edit = new QPlainTextEdit(texts.join(QLatin1Char('\n')), this);
    m_edit->setObjectName(QStringLiteral("messageTextEdit"));
    m_edit->setReadOnly(true);
    m_edit->setMaximumHeight(90);
    layout->addWidget(m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyMessageButton"));
    auto *save = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveMessageButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(save, &QPushButton::clicked, this, [this, isPsbt] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save message"), QString(),
                                                          isPsbt ? tr("PSBT (*.psbt)") : tr("Spillway messages (*.spw)"));
        if (path.isEmpty())
            return;
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write((text() + QLatin1Char('\n')).toUtf8());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString MessageDialog::text() const
{
    return m_texts.join(QLatin1Char('\n'));
}

QImage MessageDialog::qrImage() const
{
    return m_view->qrImage();
}

bool MessageDialog::isAnimated() const
{
    return m_view->isAnimated();
}

int MessageDialog::partCount() const
{
    return m_view->partCount();
}

QString MessageDialog::currentCode() const
{
    return m_view->currentCode();
}

} // namespace spillway::ui
