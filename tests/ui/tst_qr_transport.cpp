// QR codes between two windows without a camera: a 1,500-byte PSBT through the
// animated ur:crypto-psbt of MessageDialog and back through ImportDialog (frames
// grabbed as shown), several messages as an animated ur:bytes, an inverted
// (light on dark) code, and the camera's path: QVideoFrames made from QR images,
// rotated and noisy, fed to the decoder the QVideoSink feeds, off the GUI thread.
#include "../core/TestData.h"

#include "ImportDialog.h"
#include "MessageDialog.h"
#include "QrCode.h"
#include "QrFrameReader.h"
#include "ScreenRegionPicker.h"

#include "bitcoin/Bech32.h"
#include "bitcoin/Psbt.h"
#include "ur/MessageBundle.h"
#include "ur/Ur.h"

#include <QApplication>
#include <QClipboard>
#include <QTemporaryDir>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <algorithm>
#include <cstring>
#include <random>

using namespace spillway;
using namespace spillway::ui;

namespace {

// A real PSBT (BIP 174's largest valid one) grown to `size` bytes with unknown
// global entries, which a PSBT keeps and writes back.
QString psbtOfSize(size_t size)
{
    Bytes base;
    for (const auto &v : test::loadJson("bip174_vectors.json").object()[QLatin1String("valid")].toArray()) {
        const Bytes b = test::hex(v.toObject()[QLatin1String("hex")].toString());
        if (b.size() <= size && b.size() > base.size())
            base = b;
    }
    auto psbt = bitcoin::Psbt::parse(base);
    if (!psbt)
        qFatal("bad PSBT vector");
    // One unknown global entry: key length, 2-byte key, value length (1 or 3 bytes), value.
    const size_t room = size - base.size();
    if (room >= 253 + 6)
        psbt->unknown[Bytes{0x70, 1}] = Bytes(room - 6, 0x70);
    else if (room >= 5)
        psbt->unknown[Bytes{0x70, 1}] = Bytes(room - 4, 0x70);
    if (psbt->serialize().size() != size)
        qFatal("cannot make a PSBT of %zu bytes", size);
    return QString::fromStdString(psbt->toBase64());
}

QString messageText(uint8_t type, size_t extra)
{
    Bytes m = {'S', 'P', 'W', 0x01, type};
    for (size_t i = 0; i < extra; ++i)
        m.push_back(static_cast<uint8_t>(i * 13));
    Bytes values;
    bitcoin::convertBits(values, m, 8, 5, true);
    return QString::fromStdString(bitcoin::bech32Encode(bitcoin::Bech32Encoding::Bech32m, "spw", values));
}

// Shows `dialog`'s frames to `import` as a screen grab of the QR label each time a
// new frame appears, until the import is whole. Returns the frames taken.
int scanAnimation(MessageDialog &dialog, ImportDialog &import, int maxFrames)
{
    QSignalSpy done(&import, &ImportDialog::codeComplete);
    QSignalSpy shown(&dialog, &MessageDialog::frameShown);
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("messageQrLabel"));
    int frames = 0;
    while (done.isEmpty() && frames < maxFrames) {
        if (!import.importImage(label->grab().toImage()))
            return -1;
        ++frames;
        if (done.isEmpty() && !shown.wait(2000))
            return -1;
    }
    return done.isEmpty() ? -1 : frames;
}

// A camera's view of `code`: on a white page, turned by `degrees`, with noise.
QImage cameraView(const QImage &code, double degrees, int noise, unsigned seed)
{
    QImage page(code.width() + 160, code.height() + 120, QImage::Format_RGB32);
    page.fill(QColor(235, 235, 228));
    {
        QPainter p(&page);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.translate(page.width() / 2.0, page.height() / 2.0);
        p.rotate(degrees);
        p.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code.convertToFormat(QImage::Format_RGB32));
    }
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> d(-noise, noise);
    for (int y = 0; y < page.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(page.scanLine(y));
        for (int x = 0; x < page.width(); ++x) {
            const int g = std::clamp(qGray(line[x]) + d(rng), 0, 255);
            line[x] = qRgb(g, g, g);
        }
    }
    return page;
}

// A QVideoFrame as a camera delivers it: Qt 6.4 has no QVideoFrame(QImage), so the
// frame is mapped and the pixels copied in (NV12: luma plane + neutral chroma).
QVideoFrame nv12Frame(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const int w = gray.width() & ~1, h = gray.height() & ~1;
    QVideoFrame frame(QVideoFrameFormat(QSize(w, h), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        qFatal("cannot map a video frame");
    for (int y = 0; y < h; ++y)
        std::memcpy(frame.bits(0) + static_cast<qsizetype>(y) * frame.bytesPerLine(0), gray.constScanLine(y), static_cast<size_t>(w));
    for (int y = 0; y < h / 2; ++y)
        std::memset(frame.bits(1) + static_cast<qsizetype>(y) * frame.bytesPerLine(1), 128, static_cast<size_t>(w));
    frame.unmap();
    return frame;
}

QVideoFrame bgraFrame(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(argb.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        qFatal("cannot map a video frame");
    for (int y = 0; y < argb.height(); ++y)
        std::memcpy(frame.bits(0) + static_cast<qsizetype>(y) * frame.bytesPerLine(0), argb.constScanLine(y),
                    static_cast<size_t>(argb.width()) * 4);
    frame.unmap();
    return frame;
}

// Feeds a frame the way the QVideoSink does and waits for the worker to finish it.
bool feed(ImportDialog &import, const QVideoFrame &frame)
{
    QrFrameReader *reader = import.frameReader();
    QSignalSpy searched(reader, &QrFrameReader::frameSearched);
    if (!reader->offerFrame(frame))
        return false;
    // The worker may be done before offerFrame returns.
    return (!searched.isEmpty() || searched.wait(10000)) && searched.first().first().toBool();
}

} // namespace

class TestQrTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void psbtThroughAnimatedQr();
    void smallPsbtIsOneUrCode();
    void severalMessagesAsAnimatedBytes();
    void invertedCodeIsRead();
    void cameraFramesSinglePart();
    void cameraFramesAnimated();
    void unknownAndDamagedCodesChangeNothing();
    void severalCodesOnScreenUserChooses();
    void regionDraggedOnScreenshot();
    void misreadFrameAndANewAnimation();
    void framesSavedAsImageFiles();
    void clipboardFollowedWhileScanning();
};

void TestQrTransport::psbtThroughAnimatedQr()
{
    const QString psbt = psbtOfSize(1500);
    QCOMPARE(QByteArray::fromBase64(psbt.toLatin1()).size(), 1500);
    MessageDialog dialog(QStringLiteral("PSBT"), {psbt});
    dialog.show();
    QVERIFY(dialog.isAnimated());
    QCOMPARE(dialog.partCount(), 8); // 1,503 bytes of CBOR in fragments of at most 200
    QVERIFY(dialog.currentCode().startsWith(QLatin1String("UR:CRYPTO-PSBT/1-8/")));
    auto *counter = dialog.findChild<QLabel *>(QStringLiteral("messageQrCounterLabel"));
    QVERIFY(counter->isVisible());
    QCOMPARE(counter->text(), QStringLiteral("Part 1 of 8"));

    ImportDialog import(QStringLiteral("import"));
    import.show();
    auto *progress = import.findChild<QProgressBar *>(QStringLiteral("importProgressBar"));
    // The first frame alone: progress shows, nothing is imported yet.
    QVERIFY(import.importImage(dialog.findChild<QLabel *>(QStringLiteral("messageQrLabel"))->grab().toImage()));
    QVERIFY(progress->isVisible());
    QVERIFY(import.animatedProgress() > 0 && import.animatedProgress() < 100);
    QVERIFY(import.text().isEmpty());

    const int frames = scanAnimation(dialog, import, 40);
    QVERIFY2(frames > 0, "the animation never completed");
    QCOMPARE(import.text(), psbt);
    QVERIFY(!progress->isVisible());
    // The animation cycles on: its next frames are repeats, not a new read.
    QSignalSpy shown(&dialog, &MessageDialog::frameShown);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(shown.wait(2000));
        QVERIFY(import.importImage(dialog.findChild<QLabel *>(QStringLiteral("messageQrLabel"))->grab().toImage()));
        QVERIFY(!progress->isVisible());
        QCOMPARE(import.animatedProgress(), 0);
    }
    std::printf("qr: a 1500-byte PSBT in %d animated parts read back from %d grabbed frames\n", dialog.partCount(), frames + 1);
}

void TestQrTransport::smallPsbtIsOneUrCode()
{
    const QString psbt = psbtOfSize(150);
    MessageDialog dialog(QStringLiteral("PSBT"), {psbt});
    QVERIFY(!dialog.isAnimated());
    QVERIFY(dialog.currentCode().startsWith(QLatin1String("UR:CRYPTO-PSBT/")));
    ImportDialog import(QStringLiteral("import"));
    QVERIFY(import.importImage(dialog.qrImage()));
    QCOMPARE(import.text(), psbt);
    // Both UR types other wallets write: BCR-2020-006's ur:psbt and the older
    // ur:crypto-psbt (the test vectors), read as their PSBT in base64.
    for (const auto &v : test::loadJson("ur_bytewords_vectors.json").object()[QLatin1String("ur_single_part")].toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QLatin1String("psbt_hex")))
            continue;
        ImportDialog other(QStringLiteral("other wallet"));
        QVERIFY(other.acceptCode(o[QLatin1String("ur")].toString().toUpper()));
        QCOMPARE(QByteArray::fromBase64(other.text().toLatin1()).toHex(), o[QLatin1String("psbt_hex")].toString().toLatin1());
    }
}

void TestQrTransport::severalMessagesAsAnimatedBytes()
{
    // The cltv opening's shape: a proposal and a funding transaction, two lines.
    const QStringList texts = {messageText(2, 220), messageText(4, 400)};
    MessageDialog dialog(QStringLiteral("Opening"), texts);
    dialog.show();
    QVERIFY(dialog.isAnimated());
    QVERIFY(dialog.currentCode().startsWith(QLatin1String("UR:BYTES/1-")));
    ImportDialog import(QStringLiteral("import"));
    QVERIFY(scanAnimation(dialog, import, 30) > 0);
    QCOMPARE(import.text(), texts.join(QLatin1Char('\n')));
    // One short message stays its own still code, as before.
    MessageDialog one(QStringLiteral("Payment"), {texts.first()});
    QVERIFY(!one.isAnimated());
    QCOMPARE(one.currentCode(), texts.first().toUpper());

    // The same parts pasted as text lines (a file of UR lines) are reassembled too.
    ImportDialog pasted(QStringLiteral("paste"));
    QStringList lines;
    MessageDialog again(QStringLiteral("Opening"), texts);
    QSignalSpy shown(&again, &MessageDialog::frameShown);
    while (lines.size() < again.partCount()) {
        lines << again.currentCode();
        QVERIFY(shown.wait(2000));
    }
    auto *edit = pasted.findChild<QPlainTextEdit *>(QStringLiteral("importTextEdit"));
    edit->setPlainText(lines.join(QLatin1Char('\n')));
    QCOMPARE(pasted.text(), texts.join(QLatin1Char('\n')));
}

void TestQrTransport::invertedCodeIsRead()
{
    const QString payment = messageText(5, 80).toUpper();
    QImage code = renderQrCode(payment, 4).convertToFormat(QImage::Format_RGB32);
    code.invertPixels(); // light on dark, as a dark-mode screen shows it
    // On a dark screen with other things around it.
    QImage screen(900, 600, QImage::Format_RGB32);
    screen.fill(QColor(30, 30, 34));
    {
        QPainter p(&screen);
        p.fillRect(40, 40, 200, 30, QColor(200, 200, 200));
        p.drawImage(420, 150, code);
    }
    ImportDialog import(QStringLiteral("import"));
    QVERIFY(import.importImage(screen));
    QCOMPARE(import.text(), payment);
    // And a plain picture with no code says so and imports nothing.
    ImportDialog none(QStringLiteral("none"));
    QImage blank(300, 300, QImage::Format_RGB32);
    blank.fill(Qt::darkGray);
    QVERIFY(!none.importImage(blank));
    QVERIFY(none.text().isEmpty());
}

void TestQrTransport::cameraFramesSinglePart()
{
    const QString payment = messageText(5, 80).toUpper();
    const QImage code = renderQrCode(payment, 4);
    int read = 0;
    const double angles[] = {0, 9, -17, 90, 183};
    for (int i = 0; i < 5; ++i) {
        ImportDialog import(QStringLiteral("camera"));
        const QImage view = cameraView(code, angles[i], 40, static_cast<unsigned>(i));
        // Odd frames as NV12 (a webcam's usual format), even ones as BGRA.
        QVERIFY2(feed(import, i % 2 ? nv12Frame(view) : bgraFrame(view)), qPrintable(QStringLiteral("angle %1").arg(angles[i])));
        QCOMPARE(import.text(), payment);
        QVERIFY(import.frameReader()->decodedOffGuiThread());
        ++read;
    }
    QCOMPARE(read, 5);
    // A frame arriving while one is decoded is dropped, as from a real camera.
    // (A large noisy frame with no code keeps the worker busy for a while.)
    ImportDialog busy(QStringLiteral("busy"));
    QImage nothing(2400, 1800, QImage::Format_Grayscale8);
    nothing.fill(128);
    const QVideoFrame big = nv12Frame(cameraView(nothing, 0, 90, 9));
    QVERIFY(busy.frameReader()->offerFrame(big));
    QVERIFY(!busy.frameReader()->offerFrame(nv12Frame(cameraView(code, 3, 20, 9))));
    QTRY_VERIFY(!busy.frameReader()->isBusy());
}

void TestQrTransport::cameraFramesAnimated()
{
    const QString psbt = psbtOfSize(1500);
    MessageDialog dialog(QStringLiteral("PSBT"), {psbt});
    dialog.show();
    ImportDialog import(QStringLiteral("camera"));
    QSignalSpy done(&import, &ImportDialog::codeComplete);
    QSignalSpy shown(&dialog, &MessageDialog::frameShown);
    // Every other frame is missed (the camera looked away): the fountain's mixed
    // parts make up for them.
    int n = 0, fed = 0;
    while (done.isEmpty() && n < 60) {
        if (n % 2 == 0) {
            const QImage view = cameraView(dialog.qrImage(), n % 4 ? 6 : -5, 30, static_cast<unsigned>(n));
            QVERIFY(feed(import, n % 3 ? nv12Frame(view) : bgraFrame(view)));
            ++fed;
        }
        ++n;
        if (done.isEmpty())
            QVERIFY(shown.wait(2000));
    }
    QCOMPARE(done.size(), 1);
    QCOMPARE(import.text(), psbt);
    QVERIFY(import.frameReader()->decodedOffGuiThread());
    std::printf("qr: camera frames (rotated, noisy, every other frame missed): %d decoded for %d parts\n", fed, dialog.partCount());
}

void TestQrTransport::unknownAndDamagedCodesChangeNothing()
{
    ImportDialog import(QStringLiteral("import"));
    auto *status = import.findChild<QLabel *>(QStringLiteral("importStatusLabel"));
    // A UR of a type Spillway does not take (a seed), and a ur:bytes with no messages.
    QVERIFY(import.acceptCode(QStringLiteral("UR:SEED/OEADGDSTASLPLABGHYDRPFMKBGGUFGLUDPRFGMAOTPIECFFLTNLPQDENOS")));
    QVERIFY(import.text().isEmpty());
    QCOMPARE(status->text(), QStringLiteral("This code is a seed, not a Spillway message or a PSBT."));
    QVERIFY(import.acceptCode(QStringLiteral("ur:bytes/hdeymejtswhhylkepmykhhtsytsnoyoyaxaedsuttydmmhhpktpmsrjtgwdpfnsboxgwlbaawzuefywkdplrsrjynbvygabwjldapfcsdwkbrkch")));
    QVERIFY(import.text().isEmpty());
    QCOMPARE(status->text(), QStringLiteral("This code holds bytes that are not Spillway messages."));
    // A part with a broken checksum: refused in words, nothing imported.
    QVERIFY(!import.acceptCode(QStringLiteral("UR:BYTES/1-9/LPADASCFADAXCYWENBPLJKHDCAHKADAEMEJTSWHHYLKEPMYKHHTSYTSNOYOYAXAEDSUTTYDMMHHPKTPMSRJTDKGSLPGA")));
    QVERIFY(import.text().isEmpty());
    QCOMPARE(status->text(), QStringLiteral("This QR code is not a Spillway message or a PSBT."));
}

void TestQrTransport::severalCodesOnScreenUserChooses()
{
    // The wallet's own receive-address QR beside a payment: the payment is taken,
    // the address (not a Spillway code) is passed over.
    const QString payment = messageText(5, 80).toUpper();
    const QString address = QStringLiteral("bitcoin:bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080");
    QImage screen(1100, 520, QImage::Format_RGB32);
    screen.fill(Qt::white);
    {
        QPainter p(&screen);
        p.drawImage(30, 40, renderQrCode(address, 4));
        p.drawImage(560, 40, renderQrCode(payment, 4));
    }
    ImportDialog one(QStringLiteral("one"));
    QVERIFY(one.importImage(screen));
    QCOMPARE(one.text(), payment);

    // Two Spillway codes: nothing is taken until the user picks one from the list.
    const QString other = messageText(6, 40).toUpper();
    {
        QPainter p(&screen);
        p.fillRect(0, 0, 540, 520, Qt::white);
        p.drawImage(30, 40, renderQrCode(other, 4));
    }
    ImportDialog two(QStringLiteral("two"));
    two.show();
    QVERIFY(two.importImage(screen));
    QVERIFY(two.text().isEmpty());
    auto *list = two.findChild<QListWidget *>(QStringLiteral("codeChoiceList"));
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 2);
    int pick = -1;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == other)
            pick = i;
    QVERIFY(pick >= 0);
    const QRect r = list->visualItemRect(list->item(pick));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(two.text(), other);
    QVERIFY(!list->isVisible());

    // An address alone: said in words, nothing imported as a message.
    QImage onlyAddress = renderQrCode(address, 4);
    ImportDialog three(QStringLiteral("three"));
    QVERIFY(!three.importImage(onlyAddress));
    QCOMPARE(three.findChild<QLabel *>(QStringLiteral("importStatusLabel"))->text(),
             QStringLiteral("The QR code found is not a Spillway message or a PSBT."));
}

void TestQrTransport::regionDraggedOnScreenshot()
{
    QPixmap shot(800, 600);
    shot.fill(Qt::gray);
    ScreenRegionPicker picker(shot, QRect(100, 50, 800, 600));
    picker.setAttribute(Qt::WA_DeleteOnClose, false);
    picker.show();
    QSignalSpy chosen(&picker, &ScreenRegionPicker::regionChosen);
    QSignalSpy cancelled(&picker, &ScreenRegionPicker::cancelled);
    QTest::mousePress(&picker, Qt::LeftButton, {}, QPoint(300, 200));
    QTest::mouseMove(&picker, QPoint(400, 300));
    QTest::mouseRelease(&picker, Qt::LeftButton, {}, QPoint(520, 380));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toRect(), QRect(QPoint(400, 250), QPoint(620, 430))); // global: offset by the screen
    // A click without a drag is no region.
    ScreenRegionPicker again(shot, QRect(0, 0, 800, 600));
    again.setAttribute(Qt::WA_DeleteOnClose, false);
    again.show();
    QSignalSpy none(&again, &ScreenRegionPicker::regionChosen);
    QSignalSpy gaveUp(&again, &ScreenRegionPicker::cancelled);
    QTest::mouseClick(&again, Qt::LeftButton, {}, QPoint(10, 10));
    QCOMPARE(none.size(), 0);
    QCOMPARE(gaveUp.size(), 1);
    QCOMPARE(cancelled.size(), 0);
}

void TestQrTransport::misreadFrameAndANewAnimation()
{
    auto animation = [](const QStringList &texts) {
        std::vector<std::string> lines;
        for (const QString &t : texts)
            lines.push_back(t.toStdString());
        return ur::UrEncoder(ur::bytesUr(*ur::bundleMessageTexts(lines)), 200);
    };
    const QStringList first = {messageText(2, 300), messageText(4, 300)};
    const QStringList second = {messageText(2, 310), messageText(4, 290)};
    ur::UrEncoder a = animation(first), b = animation(second);
    ImportDialog import(QStringLiteral("import"));
    auto *status = import.findChild<QLabel *>(QStringLiteral("importStatusLabel"));
    QVERIFY(import.acceptCode(QString::fromStdString(a.nextPart()).toUpper()));
    QVERIFY(import.acceptCode(QString::fromStdString(a.nextPart()).toUpper()));
    const int before = import.animatedProgress();
    QVERIFY(before > 0);
    // A frame misread (its checksum broken): skipped, what was read is kept.
    QString broken = QString::fromStdString(a.nextPart()).toUpper();
    broken[broken.size() - 1] = broken.endsWith(QLatin1Char('A')) ? QLatin1Char('E') : QLatin1Char('A');
    QVERIFY(!import.acceptCode(broken));
    QCOMPARE(status->text(), QStringLiteral("A frame could not be read; keep the code in view."));
    QCOMPARE(import.animatedProgress(), before);
    // The other side starts another animation: followed from its first frame.
    QSignalSpy done(&import, &ImportDialog::codeComplete);
    for (int i = 0; i < 3 * static_cast<int>(b.seqLen()) && done.isEmpty(); ++i)
        QVERIFY(import.acceptCode(QString::fromStdString(b.nextPart()).toUpper()));
    QCOMPARE(done.size(), 1);
    QCOMPARE(import.text(), second.join(QLatin1Char('\n')));
}

void TestQrTransport::framesSavedAsImageFiles()
{
    // The frames of an animation saved as pictures (a phone's screenshots), opened
    // together in any order, a few missing.
    const QString psbt = psbtOfSize(1200);
    MessageDialog dialog(QStringLiteral("PSBT"), {psbt});
    QSignalSpy shown(&dialog, &MessageDialog::frameShown);
    QTemporaryDir dir;
    QStringList files;
    for (int i = 0; i < 3 * dialog.partCount(); ++i) {
        if (i % 4 != 1) {
            files << dir.filePath(QStringLiteral("frame-%1.png").arg(i, 2, 10, QLatin1Char('0')));
            QVERIFY(dialog.qrImage().save(files.last()));
        }
        QVERIFY(shown.wait(2000));
    }
    std::reverse(files.begin(), files.end());
    ImportDialog import(QStringLiteral("files"));
    QSignalSpy done(&import, &ImportDialog::codeComplete);
    for (const QString &f : files) {
        QVERIFY(import.importFile(f));
        if (!done.isEmpty())
            break;
    }
    QCOMPARE(done.size(), 1);
    QCOMPARE(import.text(), psbt);
}

void TestQrTransport::clipboardFollowedWhileScanning()
{
    ImportDialog import(QStringLiteral("clipboard"));
    QSignalSpy imported(&import, &ImportDialog::codeImported);
    QApplication::clipboard()->setText(QStringLiteral("nothing yet"));
    import.setKeepScanning(true);
    import.findChild<QPushButton *>(QStringLiteral("importClipboardButton"))->click(); // the source: the clipboard
    QVERIFY(import.isScanning());
    QCOMPARE(imported.size(), 0);
    const QString a = messageText(5, 80), b = messageText(5, 81);
    QApplication::clipboard()->setText(a);
    QApplication::clipboard()->setText(QStringLiteral("https://example.org/not-a-code"));
    QApplication::clipboard()->setText(a); // a repeat
    QApplication::clipboard()->setText(b);
    QTRY_COMPARE(imported.size(), 2);
    QCOMPARE(imported.at(0).first().toString(), a);
    QCOMPARE(imported.at(1).first().toString(), b);
    QCOMPARE(import.importedCount(), 2);
    // A picture of a code copied to the clipboard is read too.
    const QString c = messageText(5, 82);
    QApplication::clipboard()->setImage(renderQrCode(c.toUpper(), 4));
    QTRY_COMPARE(imported.size(), 3);
    QCOMPARE(imported.at(2).first().toString(), c.toUpper());
    // OK then only closes: what is shown was imported already.
    QSignalSpy accepted(&import, &QDialog::accepted);
    import.findChild<QPushButton *>(QStringLiteral("importOkButton"))->click();
    QCOMPARE(accepted.size(), 0);
    QCOMPARE(import.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestQrTransport)
#include "tst_qr_transport.moc"
