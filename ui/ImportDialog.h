#pragma once
// Imports a message or a PSBT: paste it, open a .spw/.psbt file, read a QR code
// from an image file, the clipboard, the screen (or a region dragged on it) or a
// camera, or drop a file. Animated codes (BC-UR: ur:bytes with Spillway's
// messages, ur:crypto-psbt or ur:psbt) are reassembled from their frames in any
// order, with progress shown. Where several codes are found the user chooses.
//
// Keep scanning: the window stays open on its source (camera, screen region or
// clipboard) and imports each new code as it appears (codeImported), showing the
// answer for the other side in the same window; repeats are ignored quietly.

#include "QrCode.h"

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QPlainTextEdit;
class QLabel;
class QListWidget;
class QProgressBar;
class QTimer;

namespace spillway::ur {
class UrDecoder;
}

namespace spillway::ui {

class QrFrameReader;
class QrMessageView;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(const QString &title, QWidget *parent = nullptr);
    ~ImportDialog() override;
    /// What to import: the messages (one per line) or the PSBT (base64). Pasted or
    /// loaded UR lines are reassembled here too.
    QString text() const;
    /// An image (a screen grab, a file, a camera frame) whose QR code is read.
    /// True if a code was found and taken (a part of an animated code counts).
    bool importImage(const QImage &image);
    /// Which codes this window takes (default: Spillway's messages, URs and PSBTs; the
    /// Send tab's scanner takes bitcoin: links and addresses instead).
    void setCodeFilter(std::function<bool(const QString &)> wanted) { m_wanted = std::move(wanted); }
    bool importFile(const QString &path);
    /// A code's text as scanned: a message, a PSBT, or one part of an animated UR.
    bool acceptCode(const QString &code);
    /// The camera's decoder: the QVideoSink's frames go here.
    QrFrameReader *frameReader() const { return m_reader; }
    /// 0..100 while an animated code is being read.
    int animatedProgress() const;

    /// Scans this screen region (global coordinates): now, and on a timer while
    /// keep-scanning is on. What the region picker's drag sets.
    void setScanRegion(const QRect &global);
    /// Keep scanning a region the user drags now over the screen (Scan screen: the
    /// two-window flow of issue 16, one click and one drag).
    void startRegionScan();
    QRect scanRegion() const { return m_region; }
    void setKeepScanning(bool on);
    bool keepScanning() const;
    /// Keep-scanning is on and a source is set: answers belong in this window.
    bool isScanning() const;
    /// The answer for the other side, shown in this window (still or animated).
    void showAnswer(const QString &title, const QStringList &texts);
    QrMessageView *answerView() const { return m_answer; }
    /// Codes imported while keeping on scanning (repeats not counted).
    int importedCount() const { return m_importedCount; }
    /// Milliseconds between two looks at the screen region.
    static constexpr int kScanIntervalMs = 300;

Q_SIGNALS:
    /// A whole message, PSBT or animated code was read.
    void codeComplete();
    /// Keep scanning: a new whole code to import now (never the same text twice).
    void codeImported(const QString &text);

public Q_SLOTS:
    /// OK: imports the text, unless scanning already imported it (then it only closes).
    void accept() override;

protected:
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;

private:
    bool wanted(const QString &code) const { return m_wanted ? m_wanted(code) : isCodeForSpillway(code); }
    std::function<bool(const QString &)> m_wanted;
    void startCamera();
    void pickRegion();
    void scanRegionNow();
    void resetAnimated();
    void finishAnimated();
    void deliver(const QString &text);
    void offerChoices(const QStringList &codes);
    void updateScanning();
    QPlainTextEdit *m_edit;
    QLabel *m_status;
    QProgressBar *m_progress;
    QrFrameReader *m_reader;
    std::unique_ptr<ur::UrDecoder> m_ur;
    QString m_lastCode;
    std::pair<std::string, uint32_t> m_lastAnimation; ///< type and CRC-32 of the animation last read
    QCheckBox *m_keep;
    QListWidget *m_choices;
    QLabel *m_answerTitle;
    QrMessageView *m_answer;
    QTimer *m_scanTimer;
    QRect m_region;
    bool m_cameraOn = false;
    bool m_watchClipboard = false;
    QStringList m_imported; ///< the newest texts imported, to ignore repeats
    int m_importedCount = 0;
};

} // namespace spillway::ui
