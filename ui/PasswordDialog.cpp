#include "PasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace spillway::ui {

namespace {

QLineEdit *passwordField(const char *name, QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    e->setEchoMode(QLineEdit::Password);
    return e;
}

SecretBytes take(QLineEdit *e)
{
    if (!e)
        return {};
    QByteArray utf8 = e->text().toUtf8();
    SecretBytes out(ByteView(reinterpret_cast<const uint8_t *>(utf8.constData()), static_cast<size_t>(utf8.size())));
    secureWipe(utf8.data(), static_cast<size_t>(utf8.size()));
    e->clear();
    return out;
}

} // namespace

PasswordDialog::PasswordDialog(Mode mode, QWidget *parent) : QDialog(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("passwordDialog"));
    setModal(true);
    auto *column = new QVBoxLayout(this);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("passwordExplanationLabel"));
    text->setWordWrap(true);
    column->addWidget(text);
    auto *form = new QFormLayout;
    column->addLayout(form);
    switch (mode) {
    case Mode::Unlock:
        setWindowTitle(tr("Unlock wallet"));
        text->setText(tr("This wallet's seed is locked with a password. Enter it to open the wallet."));
        break;
    case Mode::Confirm:
        setWindowTitle(tr("Show recovery phrase"));
        text->setText(tr("Anyone who sees these words can take this wallet's money. Enter the wallet password to show them, "
                         "with nobody watching your screen."));
        break;
    case Mode::Set:
        setWindowTitle(tr("Set wallet password"));
        text->setText(tr("The password locks the wallet's seed in the keychain: Spillway asks for it at start and before "
                         "showing the recovery phrase. If you forget it, only the recovery phrase brings the wallet back."));
        break;
    case Mode::Change:
        setWindowTitle(tr("Change wallet password"));
        text->setText(tr("The seed is locked again with the new password."));
        break;
    case Mode::Remove:
        setWindowTitle(tr("Remove wallet password"));
        text->setText(tr("Without a password, anyone who can use your keychain can use this wallet."));
        break;
    }
    if (mode != Mode::Set) {
        m_current = passwordField("passwordLineEdit", this);
        form->addRow(mode == Mode::Change || mode == Mode::Remove ? tr("Current password:") : tr("Password:"), m_current);
        connect(m_current, &QLineEdit::textChanged, this, &PasswordDialog::updateOk);
    }
    if (mode == Mode::Set || mode == Mode::Change) {
        m_new = passwordField("newPasswordLineEdit", this);
        m_repeat = passwordField("repeatPasswordLineEdit", this);
        form->addRow(tr("New password:"), m_new);
        form->addRow(tr("Repeat it:"), m_repeat);
        connect(m_new, &QLineEdit::textChanged, this, &PasswordDialog::updateOk);
        connect(m_repeat, &QLineEdit::textChanged, this, &PasswordDialog::updateOk);
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("passwordProblemLabel"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    column->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(this);
    const QString okText = mode == Mode::Unlock    ? tr("Unlock")
                           : mode == Mode::Remove  ? tr("Remove password")
                           : mode == Mode::Confirm ? tr("Show")
                                                   : tr("Save");
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("passwordOkButton"));
    // At start there is nothing to go back to: without the password, Quit.
    QPushButton *cancel = buttons->addButton(mode == Mode::Unlock ? tr("Quit") : tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("passwordCancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    column->addWidget(buttons);
    updateOk();
    resize(440, sizeHint().height());
}

void PasswordDialog::setProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void PasswordDialog::updateOk()
{
    bool ok = !m_current || !m_current->text().isEmpty();
    if (m_new) {
        const bool differ = !m_repeat->text().isEmpty() && m_new->text() != m_repeat->text();
        setProblem(differ ? tr("The two new passwords differ.") : QString());
        ok = ok && !m_new->text().isEmpty() && m_new->text() == m_repeat->text();
    }
    m_ok->setEnabled(ok);
}

SecretBytes PasswordDialog::takePassword()
{
    return take(m_current);
}

SecretBytes PasswordDialog::takeNewPassword()
{
    SecretBytes out = take(m_new);
    if (m_repeat)
        m_repeat->clear();
    return out;
}

} // namespace spillway::ui
