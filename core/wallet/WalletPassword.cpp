// The optional wallet password (docs/wallet-password.md): the seed and the
// phrase's entropy sealed in the keychain by SeedLock, the key a password gives
// held in memory once the user gave it, and the watcher's channel branch kept
// beside a sealed seed.
#include "Wallet.h"

#include "bitcoin/Bip39.h"
#include "store/SeedKeychain.h"

namespace spillway::wallet {

using namespace bitcoin;

QString seedEntry(const QString &walletId)
{
    return walletId; // the first entry a wallet had: its name stays
}

QString phraseEntry(const QString &walletId)
{
    return walletId + QStringLiteral("/phrase");
}

QString watchKeyEntry(const QString &walletId)
{
    return walletId + QStringLiteral("/watch");
}

namespace {

/// The channel branch as the watch key stores it: chain code (32) | private key (32).
SecretBytes encodeBranch(const ExtendedPrivateKey &k)
{
    SecretBytes out(64);
    std::copy(k.chainCode.begin(), k.chainCode.end(), out.data());
    std::copy(k.key.bytes().begin(), k.key.bytes().end(), out.data() + 32);
    return out;
}

Result<ExtendedPrivateKey> decodeBranch(const SecretBytes &data)
{
    if (data.size() != 64)
        return makeError(ErrorCode::SeedDamaged, "the watch key has the wrong size");
    auto key = PrivateKey::fromBytes(ByteView(data.data() + 32, 32));
    if (!key)
        return key.error();
    ExtendedPrivateKey k;
    k.depth = 2;
    std::copy(data.data(), data.data() + 32, k.chainCode.begin());
    k.key = std::move(*key);
    return k;
}

} // namespace

Result<SecretBytes> Wallet::readSecret(const QString &entry)
{
    auto stored = store::SeedKeychain::readBlocking(entry);
    if (!stored)
        return stored.error();
    if (!SeedLock::isSealed(stored->view()))
        return stored; // no password (or a wallet made before there were passwords)
    if (!m_seedKey || !SeedLock::fits(stored->view(), *m_seedKey)) {
        // Not given yet, or changed by another process since: ask.
        m_seedKey.reset();
        if (!m_passwordSource)
            return makeError(ErrorCode::WalletLocked);
        auto password = m_passwordSource();
        if (!password)
            return password.error();
        auto key = SeedLock::keyFor(stored->view(), password->view());
        if (!key)
            return key.error();
        m_seedKey = std::move(*key);
    }
    return SeedLock::open(stored->view(), *m_seedKey);
}

Result<bool> Wallet::hasPassword()
{
    auto stored = store::SeedKeychain::readBlocking(seedEntry(m_walletId));
    if (!stored)
        return stored.error();
    return SeedLock::isSealed(stored->view());
}

Status Wallet::unlock(const SecretBytes &password)
{
    auto stored = store::SeedKeychain::readBlocking(seedEntry(m_walletId));
    if (!stored)
        return stored.error();
    if (!SeedLock::isSealed(stored->view()))
        return {};
    auto key = SeedLock::keyFor(stored->view(), password.view());
    if (!key)
        return key.error();
    // The check matched; opening proves the blob is whole too.
    auto seed = SeedLock::open(stored->view(), *key);
    if (!seed)
        return seed.error();
    m_seedKey = std::move(*key);
    return {};
}

Result<SecretBytes> Wallet::recoveryPhrase(const SecretBytes &password)
{
    auto stored = store::SeedKeychain::readBlocking(phraseEntry(m_walletId));
    if (!stored)
        return stored.error();
    SecretBytes entropy;
    if (SeedLock::isSealed(stored->view())) {
        // Asked each time, even when the wallet is unlocked: the words are the whole wallet.
        if (password.empty())
            return makeError(ErrorCode::WalletLocked);
        auto key = SeedLock::keyFor(stored->view(), password.view());
        if (!key)
            return key.error();
        auto opened = SeedLock::open(stored->view(), *key);
        if (!opened)
            return opened.error();
        entropy = std::move(*opened);
    } else {
        entropy = std::move(*stored);
    }
    return mnemonicFromEntropy(entropy.view());
}

Status Wallet::changePassword(const SecretBytes &current, const SecretBytes &next)
{
    const QString seedName = seedEntry(m_walletId), phraseName = phraseEntry(m_walletId);
    auto storedSeed = store::SeedKeychain::readBlocking(seedName);
    if (!storedSeed)
        return storedSeed.error();
    // The phrase's entropy is missing for wallets made before it was kept: the seed alone then.
    auto storedPhrase = store::SeedKeychain::readBlocking(phraseName);
    if (!storedPhrase && storedPhrase.code() != ErrorCode::SeedNotFound)
        return storedPhrase.error();
    const bool sealed = SeedLock::isSealed(storedSeed->view());
    if (!sealed && next.empty())
        return {}; // no password, none wanted

    // Everything opened with the current password first: a wrong one changes nothing.
    SecretBytes seed, entropy;
    if (sealed) {
        if (current.empty())
            return makeError(ErrorCode::WalletLocked, "give the current password");
        auto key = SeedLock::keyFor(storedSeed->view(), current.view());
        if (!key)
            return key.error();
        auto s = SeedLock::open(storedSeed->view(), *key);
        if (!s)
            return s.error();
        seed = std::move(*s);
        if (storedPhrase) {
            auto pkey = SeedLock::fits(storedPhrase->view(), *key) ? Result<SeedKey>(*key) : SeedLock::keyFor(storedPhrase->view(), current.view());
            if (!pkey)
                return pkey.error();
            auto e = SeedLock::open(storedPhrase->view(), *pkey);
            if (!e)
                return e.error();
            entropy = std::move(*e);
        }
    } else {
        seed = std::move(*storedSeed);
        if (storedPhrase)
            entropy = std::move(*storedPhrase);
    }
    auto master = ExtendedPrivateKey::fromSeed(seed.view());
    if (!master)
        return master.error();
    auto branch = master->derivePath({kChannelPurpose | kHardened, network().coinType | kHardened});
    if (!branch)
        return branch.error();

    // The phrase first and the seed last: the seed decides whether the wallet has a
    // password, and a password that opens it is then the one for the phrase too.
    if (next.empty()) {
        if (!entropy.empty())
            SPW_TRY(store::SeedKeychain::writeBlocking(phraseName, entropy));
        SPW_TRY(store::SeedKeychain::writeBlocking(seedName, seed));
        SPW_TRY(store::SeedKeychain::removeBlocking(watchKeyEntry(m_walletId)));
        m_seedKey.reset();
        return {};
    }
    auto key = SeedLock::newKey(next.view());
    if (!key)
        return key.error();
    if (!entropy.empty()) {
        auto sealedPhrase = SeedLock::seal(entropy.view(), *key);
        if (!sealedPhrase)
            return sealedPhrase.error();
        SPW_TRY(store::SeedKeychain::writeBlocking(phraseName, SecretBytes(*sealedPhrase)));
    }
    SPW_TRY(store::SeedKeychain::writeBlocking(watchKeyEntry(m_walletId), encodeBranch(*branch)));
    auto sealedSeed = SeedLock::seal(seed.view(), *key);
    if (!sealedSeed)
        return sealedSeed.error();
    SPW_TRY(store::SeedKeychain::writeBlocking(seedName, SecretBytes(*sealedSeed)));
    m_seedKey = std::move(*key);
    return {};
}

Result<ExtendedPrivateKey> Wallet::channelBranch()
{
    if (m_watchKeyAllowed && !m_seedKey) {
        auto stored = store::SeedKeychain::readBlocking(seedEntry(m_walletId));
        if (stored && SeedLock::isSealed(stored->view())) {
            auto watch = store::SeedKeychain::readBlocking(watchKeyEntry(m_walletId));
            if (!watch)
                return watch.error();
            return decodeBranch(*watch);
        }
    }
    auto m = master();
    if (!m)
        return m.error();
    return m->derivePath({kChannelPurpose | kHardened, network().coinType | kHardened});
}

} // namespace spillway::wallet
