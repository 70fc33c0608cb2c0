#pragma once
// Settings: language, units, the defaults a new channel starts with, and the
// chain: the embedded local chain, or a Bitcoin Core node over JSON-RPC, with
// a "Test connection" button that says what it found or what went wrong.

#include "chain/ChainSettings.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class QVBoxLayout;

namespace spillway::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;
    /// Saves to QSettings (the RPC password to the OS keychain); returns true
    /// when the language or the chain changed (they apply on restart).
    bool save() const;
    /// Another section above the buttons (MainWindow adds the backup folder's).
    void addSection(QWidget *section);

    /// The chain as the fields describe it now.
    chain::ChainSettings chainSettings() const;

public Q_SLOTS:
    /// Connects with the fields' settings; the answer appears under the button.
    void testConnection();

Q_SIGNALS:
    void connectionTested(bool ok, const QString &text);

protected:
    /// First shown: as tall as its sections, within the screen (it scrolls beyond).
    void showEvent(QShowEvent *e) override;

private:
    void networkChanged();
    /// Connects with `settings` and reports (connectionTested).
    void probe(const chain::ChainSettings &settings);

    QComboBox *m_language;
    QVBoxLayout *m_sections = nullptr; ///< inside the scroll area
    QWidget *m_body = nullptr;
    bool m_sized = false;
    QComboBox *m_unit;
    QSpinBox *m_expiry;
    QComboBox *m_network;
    QLineEdit *m_chainFile;
    QLineEdit *m_rpcUrl;
    QLineEdit *m_rpcCookie;
    QLineEdit *m_rpcUser;
    QLineEdit *m_rpcPassword;
    QPushButton *m_test;
    QLabel *m_testResult;
    std::shared_ptr<chain::ChainBackend> m_probe; ///< the connection being tested
};

} // namespace spillway::ui
