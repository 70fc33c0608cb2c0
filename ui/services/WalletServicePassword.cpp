// WalletService and the wallet password (docs/wallet-password.md): asked at
// start before anything uses the wallet, asked again to show the recovery
// phrase, set, changed and removed from Settings.
#include "WalletService.h"

#include <QCoreApplication>

namespace spillway::ui {

void WalletService::openWallet()
{
    auto w = wallet::Wallet::open(m_dataDir, *m_chain);
    if (!w) {
        report(w.error());
        return;
    }
    auto has = (*w)->hasPassword();
    if (!has) {
        report(has.error());
        return;
    }
    m_hasPassword = *has;
    if (*has) {
        // Nothing uses the wallet (no engine, no watcher, no backups) until its password is given.
        m_lockedWallet = std::move(*w);
        Q_EMIT passwordNeeded(false);
        return;
    }
    startWallet(std::move(*w));
}

void WalletService::unlockWallet(const SecretBytes &password)
{
    if (!m_lockedWallet)
        return;
    if (const Status st = m_lockedWallet->unlock(password); !st.ok()) {
        if (st.code() == ErrorCode::WrongPassword)
            Q_EMIT passwordNeeded(true);
        else
            report(st.error());
        return;
    }
    startWallet(std::move(m_lockedWallet));
}

void WalletService::showRecoveryPhrase(const SecretBytes &password)
{
    if (!m_wallet)
        return;
    auto words = m_wallet->recoveryPhrase(password);
    if (!words)
        return report(words.error());
    Q_EMIT recoveryPhraseReady(QString::fromLatin1(reinterpret_cast<const char *>(words->data()), static_cast<qsizetype>(words->size())));
}

void WalletService::changePassword(const SecretBytes &current, const SecretBytes &next)
{
    if (!m_wallet)
        return;
    if (const Status st = m_wallet->changePassword(current, next); !st.ok())
        return report(st.error());
    m_hasPassword = !next.empty();
    Q_EMIT passwordChanged(!next.empty());
    Q_EMIT info(next.empty() ? tr("The wallet password was removed.") : tr("The wallet password was saved."));
}

} // namespace spillway::ui
