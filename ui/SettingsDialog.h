#pragma once
// Settings: language, units, and the defaults a new channel starts with.

#include <QDialog>

class QComboBox;
class QSpinBox;
class QLineEdit;

namespace spillway::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    /// Saves to QSettings; returns true if the language changed (applies on restart).
    bool save() const;

private:
    QComboBox *m_language;
    QComboBox *m_unit;
    QSpinBox *m_expiry;
    QLineEdit *m_chainFile;
};

} // namespace spillway::ui
