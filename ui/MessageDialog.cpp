#include "MessageDialog.h"
#include "QrCode.h"

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
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("messageQrLabel"));
    m_qr->setAlignment(Qt::AlignCenter);
    // A PSBT is base64 (mixed case): it goes as text. Protocol messages are drawn upper case.
    const QString joined = texts.join(QLatin1Char('\n'));
    const bool isPsbt = joined.startsWith(QLatin1String("cHNidP8"));
    if (!isPsbt && texts.size() == 1)
        m_qr->setPixmap(QPixmap::fromImage(renderQrCode(texts.first().toUpper(), 4)));
    else if (!isPsbt)
        m_qr->setText(tr("%n message(s): copy or save them together.", nullptr, static_cast<int>(texts.size())));
    layout->addWidget(m_qr);
    m_edit = new QPlainTextEdit(joined, this);
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
    return m_qr->pixmap().toImage();
}

} // namespace spillway::ui
