#include "ImportDialog.h"
#include "QrCode.h"

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
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoFrame>
#include <QVideoSink>
#include <QtConcurrent>

namespace spillway::ui {

ImportDialog::ImportDialog(const QString &title, QWidget *parent) : QDialog(parent)
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
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("importOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 300);
}

QString ImportDialog::text() const
{
    return m_edit->toPlainText().trimmed();
}

bool ImportDialog::importImage(const QImage &image)
{
    auto t = decodeQrCode(image);
    if (!t) {
        m_status->setText(tr("No QR code found in that image."));
        return false;
    }
    m_edit->setPlainText(*t);
    m_status->setText(tr("QR code read."));
    return true;
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
    auto *busy = new bool(false);
    connect(this, &QObject::destroyed, [busy] { delete busy; });
    // Frames are decoded off the GUI thread, one at a time.
    connect(sink, &QVideoSink::videoFrameChanged, this, [this, busy, camera](const QVideoFrame &frame) {
        if (*busy)
            return;
        *busy = true;
        const QImage img = frame.toImage();
        auto future = QtConcurrent::run([img] { return decodeQrCode(img); });
        future.then(this, [this, busy, camera](std::optional<QString> t) {
            *busy = false;
            if (t) {
                camera->stop();
                m_edit->setPlainText(*t);
                m_status->setText(tr("QR code read from the camera."));
            }
        });
    });
    camera->start();
    m_status->setText(tr("Hold the QR code in front of %1.").arg(cameras.first().description()));
}

} // namespace spillway::ui
