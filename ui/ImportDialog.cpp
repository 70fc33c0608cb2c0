#include "ImportDialog.h"
#include "QrCode.h"
#include "QrFrameReader.h"

#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <QApplication>
#include <QCameraDevice>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoFrame>
#include <QVideoSink>

namespace spillway::ui {

namespace {

// What a whole UR holds, as the text the import path takes: Spillway's messages
// (one per line) or a PSBT in base64. Empty and a sentence if it holds neither.
std::pair<QString, QString> textOfUr(const ur::Ur &u)
{
    if (u.type == "crypto-psbt" || u.type == "psbt") {
        auto psbt = ur::psbtFromUr(u);
        if (!psbt)
            return {{}, ImportDialog::tr("This animated code is not a readable PSBT.")};
        return {QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(psbt->data()), static_cast<qsizetype>(psbt->size())).toBase64()), {}};
    }
    if (u.type == "bytes") {
        auto bytes = ur::bytesFromUr(u);
        auto texts = bytes ? ur::messageTextsFromBundle(*bytes) : Result<std::vector<std::string>>(bytes.error());
        if (!texts)
            return {{}, ImportDialog::tr("This code holds bytes that are not Spillway messages.")};
        QStringList lines;
        for (const std::string &t : *texts)
            lines << QString::fromStdString(t);
        return {lines.join(QLatin1Char('\n')), {}};
    }
    return {{}, ImportDialog::tr("This code is a %1, not a Spillway message or a PSBT.").arg(QString::fromStdString(u.type))};
}

} // namespace

ImportDialog::ImportDialog(const QString &title, QWidget *parent) : QDialog(parent), m_reader(new QrFrameReader(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(title);
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("importTextEdit"));
    m_edit->setPlaceholderText(tr("Paste a message (spw1…) or a PSBT here, or use a button below, or drop a file."));
    layout->addWidget(m_edit);
    auto *row = new QHBoxLayout;
    auto add = [&](const QString &label, const char *name, auto slot) {
        auto *b = new QPushButton(label, this);
        b->setObjectName(QString::fromLatin1(name));
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
    };
    add(tr("File…"), "importFileButton", [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a message"), QString(),
                                                          tr("Messages and PSBTs (*.spw *.psbt *.txt);;Images (*.png *.jpg *.jpeg *.bmp)"));
        if (!path.isEmpty())
            importFile(path);
    });
    add(tr("Image…"), "importImageButton", [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an image with a QR code"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.bmp)"));
        if (!path.isEmpty())
            importImage(QImage(path));
    });
    add(tr("Clipboard"), "importClipboardButton", [this] {
        const QClipboard *cb = QApplication::clipboard();
        if (!cb->image().isNull())
            importImage(cb->image());
        else
            m_edit->setPlainText(cb->text());
    });
    add(tr("Screen"), "importScreenButton", [this] {
        // Hide ourselves, grab the screen, and look for a QR code anywhere on it.
        QScreen *screen = QGuiApplication::primaryScreen();
        if (screen)
            importImage(screen->grabWindow(0).toImage());
    });
    add(tr("Camera"), "importCameraButton", [this] { startCamera(); });
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    layout->addWidget(m_progress);
    connect(m_reader, &QrFrameReader::codeRead, this, [this](const QString &code) { acceptCode(code); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("importOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 300);
}

ImportDialog::~ImportDialog() = default;

QString ImportDialog::text() const
{
    const QString raw = m_edit->toPlainText().trimmed();
    if (!ur::looksLikeUr(raw.toStdString()))
        return raw;
    // UR lines pasted or loaded from a file: reassembled as if scanned.
    ur::UrDecoder d;
    for (const QString &line : raw.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!d.receivePart(line.trimmed().toStdString()).ok())
            return raw;
        if (d.isComplete())
            break;
    }
    if (!d.isComplete())
        return raw;
    const auto [text, problem] = textOfUr(*d.result());
    return problem.isEmpty() ? text : raw;
}

bool ImportDialog::importImage(const QImage &image)
{
    auto t = decodeQrCode(image);
    if (!t) {
        m_status->setText(tr("No QR code found in that image."));
        return false;
    }
    return acceptCode(*t);
}

int ImportDialog::animatedProgress() const
{
    return m_ur ? static_cast<int>(m_ur->progress() * 100) : 0;
}

void ImportDialog::resetAnimated()
{
    m_ur.reset();
    m_progress->hide();
}

bool ImportDialog::acceptCode(const QString &code)
{
    // A camera sees the same code many times a second: repeats change nothing.
    if (code == m_lastCode)
        return true;
    m_lastCode = code;
    const std::string text = code.trimmed().toStdString();
    if (!ur::looksLikeUr(text)) {
        resetAnimated();
        m_edit->setPlainText(code);
        m_status->setText(tr("QR code read."));
        Q_EMIT codeComplete();
        return true;
    }
    if (!m_ur)
        m_ur = std::make_unique<ur::UrDecoder>();
    auto r = m_ur->receivePart(text);
    if (!r && m_ur->processedPartCount() > 0 && r.code() == ErrorCode::BadMessage) {
        // A part of another animated code: the other side started a new one.
        m_ur = std::make_unique<ur::UrDecoder>();
        r = m_ur->receivePart(text);
    }
    if (!r) {
        if (m_ur->isFailed()) {
            resetAnimated();
            m_status->setText(tr("The animated code did not check out (a damaged part?). Show it again from the start."));
        } else if (m_ur->processedPartCount() > 0) {
            // A misread frame in the middle of an animation: skip it, keep what was read.
            m_status->setText(tr("A frame could not be read; keep the code in view."));
        } else {
            resetAnimated();
            m_status->setText(tr("This QR code is not a Spillway message or a PSBT."));
        }
        return false;
    }
    if (m_ur->isComplete()) {
        finishAnimated();
        return true;
    }
    m_progress->show();
    m_progress->setValue(animatedProgress());
    m_status->setText(tr("Reading an animated code: %1 of %2 parts. Keep it in view.")
                          .arg(m_ur->receivedFragmentCount())
                          .arg(m_ur->expectedFragmentCount()));
    return true;
}

void ImportDialog::finishAnimated()
{
    const size_t parts = m_ur->expectedFragmentCount();
    const auto [text, problem] = textOfUr(*m_ur->result());
    resetAnimated();
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_edit->setPlainText(text);
    m_status->setText(parts > 1 ? tr("Animated code read (%n parts).", nullptr, static_cast<int>(parts)) : tr("QR code read."));
    Q_EMIT codeComplete();
}

bool ImportDialog::importFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1.").arg(path));
        return false;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.startsWith("psbt\xff")) {
        m_edit->setPlainText(QString::fromLatin1(bytes.toBase64()));
    } else if (path.endsWith(QLatin1String(".png")) || path.endsWith(QLatin1String(".jpg")) || path.endsWith(QLatin1String(".bmp"))) {
        return importImage(QImage::fromData(bytes));
    } else {
        m_edit->setPlainText(QString::fromUtf8(bytes));
    }
    m_status->setText(tr("File read."));
    return true;
}

void ImportDialog::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasUrls() || e->mimeData()->hasText() || e->mimeData()->hasImage())
        e->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent *e)
{
    const QMimeData *m = e->mimeData();
    if (m->hasUrls() && !m->urls().isEmpty())
        importFile(m->urls().first().toLocalFile());
    else if (m->hasImage())
        importImage(qvariant_cast<QImage>(m->imageData()));
    else if (m->hasText())
        m_edit->setPlainText(m->text());
}

void ImportDialog::startCamera()
{
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    if (cameras.isEmpty()) {
        m_status->setText(tr("No camera was found. Use an image, the clipboard, the screen or a file instead."));
        return;
    }
    auto *camera = new QCamera(cameras.first(), this);
    auto *session = new QMediaCaptureSession(this);
    auto *sink = new QVideoSink(this);
    session->setCamera(camera);
    session->setVideoSink(sink);
    // Frames are decoded off the GUI thread, one at a time (QrFrameReader); the
    // camera runs until a whole code, animated or not, has been read.
    connect(sink, &QVideoSink::videoFrameChanged, m_reader, &QrFrameReader::offerFrame);
    connect(this, &ImportDialog::codeComplete, camera, [this, camera] {
        camera->stop();
        m_status->setText(tr("QR code read from the camera."));
    });
    camera->start();
    m_status->setText(tr("Hold the QR code in front of %1.").arg(cameras.first().description()));
}

} // namespace spillway::ui
