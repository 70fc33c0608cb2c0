#include "ImportDialog.h"
#include "QrCode.h"
#include "QrFrameReader.h"
#include "QrMessageView.h"
#include "ScreenRegionPicker.h"

#include "ur/Ur.h"
#include "ur/UrText.h"

#include <QApplication>
#include <QCameraDevice>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMediaDevices>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

#include <QCamera>
#include <QMediaCaptureSession>
#include <QVideoFrame>
#include <QVideoSink>

namespace spillway::ui {

namespace {

// What a whole UR holds, as the text the import path takes (core/ur/UrText), or
// empty and a sentence saying why not.
std::pair<QString, QString> textOfUr(const ur::Ur &u)
{
    auto text = ur::importTextOfUr(u);
    if (text)
        return {QString::fromStdString(*text), {}};
    if (u.type == "crypto-psbt" || u.type == "psbt")
        return {{}, ImportDialog::tr("This animated code is not a readable PSBT.")};
    if (u.type == "bytes")
        return {{}, ImportDialog::tr("This code holds bytes that are not Spillway messages.")};
    return {{}, ImportDialog::tr("This code is a %1, not a Spillway message or a PSBT.").arg(QString::fromStdString(u.type))};
}

QString screenUnreadable()
{
    return ImportDialog::tr("The screen could not be read here (some desktops, Wayland among them, do not allow it). "
                            "Use the camera, the clipboard or an image instead.");
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
        // Several at once: the saved frames of an animated code.
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open an image with a QR code"), QString(),
                                                                tr("Images (*.png *.jpg *.jpeg *.bmp)"));
        for (const QString &path : paths)
            importImage(QImage(path));
    });
    add(tr("Clipboard"), "importClipboardButton", [this] {
        const QClipboard *cb = QApplication::clipboard();
        m_watchClipboard = true; // keep scanning follows the clipboard from now on
        updateScanning();
        if (!cb->image().isNull())
            importImage(cb->image());
        else if (wanted(cb->text()))
            acceptCode(cb->text());
        else
            m_edit->setPlainText(cb->text());
    });
    add(tr("Screen"), "importScreenButton", [this] {
        // The whole screen; where several codes show, the user chooses.
        QScreen *screen = QGuiApplication::primaryScreen();
        const QImage shot = screen ? screen->grabWindow(0).toImage() : QImage();
        if (shot.isNull())
            m_status->setText(screenUnreadable());
        else
            importImage(shot);
    });
    add(tr("Region…"), "importRegionButton", [this] { pickRegion(); });
    add(tr("Camera"), "importCameraButton", [this] { startCamera(); });
    layout->addLayout(row);
    m_keep = new QCheckBox(tr("Keep scanning: import each new code and show the answer here"), this);
    m_keep->setObjectName(QStringLiteral("keepScanningCheckBox"));
    connect(m_keep, &QCheckBox::toggled, this, [this] { updateScanning(); });
    layout->addWidget(m_keep);
    m_choices = new QListWidget(this);
    m_choices->setObjectName(QStringLiteral("codeChoiceList"));
    m_choices->setMaximumHeight(110);
    m_choices->hide();
    // A click (or Enter) picks one. Some styles activate on a single click, so both
    // signals can come for one click: the second finds the list hidden. The items
    // are cleared later, never inside the list's own signal.
    auto choose = [this](QListWidgetItem *item) {
        if (!item || m_choices->isHidden())
            return;
        const QString code = item->data(Qt::UserRole).toString();
        m_choices->hide();
        QTimer::singleShot(0, m_choices, &QListWidget::clear);
        acceptCode(code);
    };
    connect(m_choices, &QListWidget::itemActivated, this, choose);
    connect(m_choices, &QListWidget::itemClicked, this, choose);
    layout->addWidget(m_choices);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_answerTitle = new QLabel(this);
    m_answerTitle->setObjectName(QStringLiteral("importAnswerLabel"));
    m_answerTitle->setWordWrap(true);
    m_answerTitle->hide();
    layout->addWidget(m_answerTitle);
    m_answer = new QrMessageView(this);
    m_answer->setObjectName(QStringLiteral("importAnswerView"));
    m_answer->hide();
    layout->addWidget(m_answer);
    m_scanTimer = new QTimer(this);
    m_scanTimer->setInterval(kScanIntervalMs);
    connect(m_scanTimer, &QTimer::timeout, this, &ImportDialog::scanRegionNow);
    connect(m_reader, &QrFrameReader::codeRead, this, [this](const QString &code) {
        // A screen or camera shows other codes too (a receive address): only ours count.
        if (wanted(code))
            acceptCode(code);
    });
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, [this] {
        if (!m_watchClipboard || !keepScanning())
            return;
        const QClipboard *cb = QApplication::clipboard();
        if (!cb->image().isNull())
            m_reader->offerImage(cb->image());
        else if (wanted(cb->text()))
            acceptCode(cb->text().trimmed());
    });
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
    auto text = ur::importTextOfUrLines(raw.toStdString());
    return text ? QString::fromStdString(*text) : raw;
}

bool ImportDialog::importImage(const QImage &image)
{
    const QStringList codes = decodeQrCodes(image);
    if (codes.isEmpty()) {
        m_status->setText(tr("No QR code found in that image."));
        return false;
    }
    QStringList ours;
    for (const QString &c : codes)
        if (wanted(c))
            ours << c;
    if (ours.isEmpty()) {
        // Not ours (an address, a link): shown so the user sees what was read.
        m_edit->setPlainText(codes.first());
        m_status->setText(tr("The QR code found is not a Spillway message or a PSBT."));
        return false;
    }
    if (ours.size() > 1) {
        offerChoices(ours);
        return true;
    }
    return acceptCode(ours.first());
}

void ImportDialog::offerChoices(const QStringList &codes)
{
    m_choices->clear();
    for (const QString &c : codes) {
        const QString kind = c.startsWith(QLatin1String("ur:"), Qt::CaseInsensitive)
                                 ? tr("Animated code or UR")
                                 : c.startsWith(QLatin1String("cHNidP8")) ? tr("PSBT") : tr("Spillway message");
        auto *item = new QListWidgetItem(QStringLiteral("%1: %2…").arg(kind, c.left(32)), m_choices);
        item->setData(Qt::UserRole, c);
    }
    m_choices->show();
    m_status->setText(tr("%n QR codes found: choose the one to import.", nullptr, static_cast<int>(codes.size())));
}

void ImportDialog::pickRegion()
{
    QScreen *screen = windowHandle() && windowHandle()->screen() ? windowHandle()->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    auto *picker = new ScreenRegionPicker(screen->grabWindow(0), screen->geometry());
    connect(picker, &ScreenRegionPicker::regionChosen, this, &ImportDialog::setScanRegion);
    connect(this, &QObject::destroyed, picker, &QWidget::close);
    picker->show();
    picker->activateWindow();
}

void ImportDialog::startRegionScan()
{
    setKeepScanning(true);
    pickRegion();
}

void ImportDialog::setScanRegion(const QRect &global)
{
    m_region = global;
    updateScanning();
    scanRegionNow();
}

void ImportDialog::scanRegionNow()
{
    if (!m_region.isValid())
        return;
    QScreen *screen = QGuiApplication::screenAt(m_region.center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect local = m_region.translated(-screen->geometry().topLeft());
    const QImage shot = screen->grabWindow(0, local.x(), local.y(), local.width(), local.height()).toImage();
    if (shot.isNull()) {
        m_status->setText(screenUnreadable());
        return;
    }
    if (keepScanning())
        m_reader->offerImage(shot); // off the GUI thread; a busy reader drops the look
    else
        importImage(shot);
}

void ImportDialog::setKeepScanning(bool on)
{
    m_keep->setChecked(on);
}

bool ImportDialog::keepScanning() const
{
    return m_keep->isChecked();
}

bool ImportDialog::isScanning() const
{
    return keepScanning() && (m_region.isValid() || m_cameraOn || m_watchClipboard);
}

void ImportDialog::updateScanning()
{
    if (keepScanning() && m_region.isValid())
        m_scanTimer->start();
    else
        m_scanTimer->stop();
    if (isScanning())
        m_status->setText(tr("Scanning: each new code is imported as it appears."));
}

void ImportDialog::accept()
{
    if (m_imported.contains(text())) {
        QDialog::reject();
        return;
    }
    QDialog::accept();
}

void ImportDialog::showAnswer(const QString &title, const QStringList &texts)
{
    m_answerTitle->setText(tr("%1: show this to the other side.").arg(title));
    m_answerTitle->show();
    m_answer->setMessages(texts);
    m_answer->show();
}

void ImportDialog::deliver(const QString &text)
{
    m_edit->setPlainText(text);
    Q_EMIT codeComplete();
    if (!keepScanning())
        return;
    // The same code seen again (a screen still showing it, an animation cycling on)
    // is no new import.
    if (m_imported.contains(text))
        return;
    m_imported << text;
    if (m_imported.size() > 64)
        m_imported.removeFirst();
    ++m_importedCount;
    m_status->setText(tr("%n code(s) imported. Scanning on.", nullptr, m_importedCount));
    Q_EMIT codeImported(text);
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
        m_status->setText(tr("QR code read."));
        deliver(code.trimmed());
        return true;
    }
    if (!m_ur)
        m_ur = std::make_unique<ur::UrDecoder>();
    auto r = m_ur->receivePart(text);
    if (!r && m_ur->processedPartCount() > 0 && !m_ur->isFailed()) {
        // A part of another animated code (the other side started a new one) is
        // good on its own: follow it. A misread frame is not: keep what was read.
        auto fresh = std::make_unique<ur::UrDecoder>();
        auto again = fresh->receivePart(text);
        if (again) {
            m_ur = std::move(fresh);
            r = std::move(again);
        }
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
    // An animation already read goes on cycling on the other screen: its parts are
    // repeats, not the start of a new read.
    if (m_ur->processedPartCount() == 1 && !m_ur->isComplete() &&
        std::make_pair(m_ur->type(), m_ur->messageChecksum()) == m_lastAnimation) {
        resetAnimated();
        return true;
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
    m_lastAnimation = {m_ur->type(), m_ur->messageChecksum()};
    const auto [text, problem] = textOfUr(*m_ur->result());
    resetAnimated();
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return;
    }
    m_status->setText(parts > 1 ? tr("Animated code read (%n parts).", nullptr, static_cast<int>(parts)) : tr("QR code read."));
    deliver(text);
}

bool ImportDialog::importFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1.").arg(path));
        return false;
    }
    // Messages, PSBTs and pictures of codes are small: a huge file is a mistake.
    if (f.size() > (64 << 20)) {
        m_status->setText(tr("%1 is too big to be a message, a PSBT or a picture of a code.").arg(path));
        return false;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.startsWith("psbt\xff")) {
        m_edit->setPlainText(QString::fromLatin1(bytes.toBase64()));
    } else if (QStringList{QStringLiteral(".png"), QStringLiteral(".jpg"), QStringLiteral(".jpeg"), QStringLiteral(".bmp")}.contains(
                   path.mid(path.lastIndexOf(QLatin1Char('.'))).toLower())) {
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
    if (m->hasUrls() && !m->urls().isEmpty()) {
        for (const QUrl &url : m->urls()) // the frames of an animated code may come together
            importFile(url.toLocalFile());
    }
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
        if (keepScanning())
            return;
        camera->stop();
        m_cameraOn = false;
        m_status->setText(tr("QR code read from the camera."));
    });
    camera->start();
    m_cameraOn = true;
    m_status->setText(tr("Hold the QR code in front of %1.").arg(cameras.first().description()));
}

} // namespace spillway::ui
