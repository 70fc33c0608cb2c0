#include "MessageDialog.h"
#include "QrCode.h"

#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace spillway::ui {

namespace {

bool isPsbtText(const QString &joined)
{
    return joined.startsWith(QLatin1String("cHNidP8"));
}

} // namespace

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
    layout->addWidget(m_qr);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("messageQrCounterLabel"));
    m_counter->setAlignment(Qt::AlignCenter);
    m_counter->hide();
    layout->addWidget(m_counter);

    const QString joined = texts.join(QLatin1Char('\n'));
    const bool isPsbt = isPsbtText(joined);
    std::optional<ur::Ur> animated;
    if (isPsbt) {
        // PSBTs as ur:crypto-psbt, which most wallets read today.
        const QByteArray raw = QByteArray::fromBase64(joined.trimmed().toLatin1());
        animated = ur::psbtUr(ByteView(reinterpret_cast<const uint8_t *>(raw.constData()), static_cast<size_t>(raw.size())));
    } else if (texts.size() == 1 && texts.first().size() <= kMaxStillChars) {
        m_code = texts.first().toUpper();
        m_qr->setPixmap(QPixmap::fromImage(renderQrCode(m_code, 4)));
    } else {
        std::vector<std::string> lines;
        for (const QString &t : texts)
            lines.push_back(t.trimmed().toStdString());
        auto bundle = ur::bundleMessageTexts(lines);
        if (bundle)
            animated = ur::bytesUr(*bundle);
        else
            m_qr->setText(tr("%n message(s): copy or save them together.", nullptr, static_cast<int>(texts.size())));
    }
    if (animated) {
        m_encoder = std::make_unique<ur::UrEncoder>(std::move(*animated), kFragmentBytes);
        if (m_encoder->isSinglePart()) {
            m_code = QString::fromStdString(m_encoder->nextPart()).toUpper();
            m_qr->setPixmap(QPixmap::fromImage(renderQrCode(m_code, 4)));
        } else {
            hint->setText(tr("Show this animated code to the other side until it says the code is read, or send them the text or the file."));
            m_counter->show();
            m_timer = new QTimer(this);
            m_timer->setInterval(kFrameIntervalMs);
            connect(m_timer, &QTimer::timeout, this, &MessageDialog::showNextFrame);
            showNextFrame();
            m_timer->start();
        }
    }

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

MessageDialog::~MessageDialog() = default;

void MessageDialog::showNextFrame()
{
    m_code = QString::fromStdString(m_encoder->nextPart()).toUpper();
    m_qr->setPixmap(QPixmap::fromImage(renderQrCode(m_code, 4)));
    const auto n = static_cast<int>(m_encoder->seqNum());
    const auto total = static_cast<int>(m_encoder->seqLen());
    // Past the last part the fountain mixes parts, for whatever the other side missed.
    m_counter->setText(n <= total ? tr("Part %1 of %2").arg(n).arg(total)
                                  : tr("Part %1 of %2 (mixed, for parts the other side missed)").arg(n).arg(total));
    Q_EMIT frameShown(n);
}

QString MessageDialog::text() const
{
    return m_texts.join(QLatin1Char('\n'));
}

QImage MessageDialog::qrImage() const
{
    return m_qr->pixmap().toImage();
}

bool MessageDialog::isAnimated() const
{
    return m_timer != nullptr;
}

int MessageDialog::partCount() const
{
    return m_encoder ? static_cast<int>(m_encoder->seqLen()) : 1;
}

} // namespace spillway::ui
