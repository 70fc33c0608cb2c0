#include "QrMessageView.h"
#include "QrCode.h"

#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace spillway::ui {

QrMessageView::QrMessageView(QWidget *parent) : QWidget(parent), m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("messageQrLabel"));
    m_qr->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_qr);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("messageQrCounterLabel"));
    m_counter->setAlignment(Qt::AlignCenter);
    m_counter->hide();
    layout->addWidget(m_counter);
    m_timer->setInterval(kFrameIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &QrMessageView::showNextFrame);
}

QrMessageView::~QrMessageView() = default;

void QrMessageView::clear()
{
    m_timer->stop();
    m_encoder.reset();
    m_code.clear();
    m_isPsbt = false;
    m_qr->clear();
    m_counter->hide();
}

void QrMessageView::setMessages(const QStringList &texts)
{
    clear();
    const QString joined = texts.join(QLatin1Char('\n'));
    m_isPsbt = joined.startsWith(QLatin1String("cHNidP8"));
    std::optional<ur::Ur> code;
    if (m_isPsbt) {
        // PSBTs as ur:crypto-psbt, which most wallets read today.
        const QByteArray raw = QByteArray::fromBase64(joined.trimmed().toLatin1());
        code = ur::psbtUr(ByteView(reinterpret_cast<const uint8_t *>(raw.constData()), static_cast<size_t>(raw.size())));
    } else if (texts.size() == 1 && texts.first().size() <= kMaxStillChars) {
        showCode(texts.first().toUpper());
        return;
    } else {
        std::vector<std::string> lines;
        for (const QString &t : texts)
            lines.push_back(t.trimmed().toStdString());
        auto bundle = ur::bundleMessageTexts(lines);
        if (!bundle) {
            m_qr->setText(tr("%n message(s): copy or save them together.", nullptr, static_cast<int>(texts.size())));
            return;
        }
        code = ur::bytesUr(*bundle);
    }
    m_encoder = std::make_unique<ur::UrEncoder>(std::move(*code), kFragmentBytes);
    if (m_encoder->isSinglePart()) {
        showCode(QString::fromStdString(m_encoder->nextPart()).toUpper());
        return;
    }
    m_counter->show();
    showNextFrame();
    m_timer->start();
}

void QrMessageView::showCode(const QString &code)
{
    m_code = code;
    m_qr->setPixmap(QPixmap::fromImage(renderQrCode(m_code, 4)));
}

void QrMessageView::showNextFrame()
{
    showCode(QString::fromStdString(m_encoder->nextPart()).toUpper());
    const auto n = static_cast<int>(m_encoder->seqNum());
    const auto total = static_cast<int>(m_encoder->seqLen());
    // Past the last part the fountain mixes parts, for whatever the other side missed.
    m_counter->setText(n <= total ? tr("Part %1 of %2").arg(n).arg(total)
                                  : tr("Part %1 of %2 (mixed, for parts the other side missed)").arg(n).arg(total));
    Q_EMIT frameShown(n);
}

QImage QrMessageView::qrImage() const
{
    return m_qr->pixmap().toImage();
}

bool QrMessageView::isAnimated() const
{
    return m_timer->isActive();
}

int QrMessageView::partCount() const
{
    if (m_encoder)
        return static_cast<int>(m_encoder->seqLen());
    return m_code.isEmpty() ? 0 : 1;
}

} // namespace spillway::ui
