#pragma once
// The wallet password asked for in the window: at start (Unlock, with Quit),
// before the recovery phrase is shown (Confirm), and in Settings (Set, Change,
// Remove). The typed text is handed out once as SecretBytes and the fields cleared.

#include "common/Bytes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace spillway::ui {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Confirm, Set, Change, Remove };
    PasswordDialog(Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    /// A sentence under the fields (a wrong password, say); empty hides it.
    void setProblem(const QString &text);
    /// The password typed in the "current password" field (Unlock, Confirm, Change, Remove).
    SecretBytes takePassword();
    /// The new password (Set, Change), typed twice alike.
    SecretBytes takeNewPassword();

private:
    void updateOk();
    Mode m_mode;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace spillway::ui
