// spillway-cli's wallet password (CliPassword.h).
#include "CliPassword.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace spillway::cli {

namespace {

QString g_passwordFile, g_newPasswordFile;

int fail(const Error &e)
{
    std::fprintf(stderr, "%s\n", e.describe().c_str());
    return 1;
}

/// The first line of `data` (no line end), as a secret; the buffer is wiped.
SecretBytes firstLine(QByteArray &data)
{
    qsizetype end = data.indexOf('\n');
    if (end < 0)
        end = data.size();
    if (end > 0 && data[end - 1] == '\r')
        --end;
    SecretBytes out(ByteView(reinterpret_cast<const uint8_t *>(data.constData()), static_cast<size_t>(end)));
    secureWipe(data.data(), static_cast<size_t>(data.size()));
    return out;
}

Result<SecretBytes> fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidArgument, "cannot read the password file " + path.toStdString());
    QByteArray data = f.read(4096);
    SecretBytes pw = firstLine(data);
    if (pw.empty())
        return makeError(ErrorCode::InvalidArgument, "the password file " + path.toStdString() + " is empty");
    return pw;
}

/// Asks on the terminal with echo off; nothing when standard input is not a terminal.
Result<SecretBytes> prompt(const char *question)
{
    if (!isatty(STDIN_FILENO))
        return makeError(ErrorCode::WalletLocked, "give --password-file FILE or set SPILLWAY_WALLET_PASSWORD");
    std::fprintf(stderr, "%s", question);
    std::fflush(stderr);
    termios old{};
    const bool echoOff = tcgetattr(STDIN_FILENO, &old) == 0;
    if (echoOff) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    SecretBytes buf(1024);
    size_t n = 0;
    char c = 0;
    while (n < buf.size() && read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        buf[n++] = static_cast<uint8_t>(c);
    c = 0;
    if (echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fprintf(stderr, "\n");
    SecretBytes out(ByteView(buf.data(), n));
    if (out.empty())
        return makeError(ErrorCode::WalletLocked, "no password was entered");
    return out;
}

Result<SecretBytes> fromEnv(const char *name)
{
    const char *v = std::getenv(name);
    if (!v || !*v)
        return makeError(ErrorCode::NotFound);
    return SecretBytes(asBytes(std::string_view(v)));
}

/// The new password for set and change: --new-password-file, SPILLWAY_NEW_WALLET_PASSWORD,
/// else asked twice on the terminal.
Result<SecretBytes> readNewPassword()
{
    if (!g_newPasswordFile.isEmpty())
        return fromFile(g_newPasswordFile);
    if (auto v = fromEnv("SPILLWAY_NEW_WALLET_PASSWORD"))
        return v;
    if (!isatty(STDIN_FILENO))
        return makeError(ErrorCode::InvalidArgument, "give --new-password-file FILE or set SPILLWAY_NEW_WALLET_PASSWORD");
    auto first = prompt("New wallet password: ");
    if (!first)
        return first.error();
    auto again = prompt("The new password again: ");
    if (!again)
        return again.error();
    if (first->size() != again->size() || std::memcmp(first->data(), again->data(), first->size()) != 0)
        return makeError(ErrorCode::InvalidArgument, "the two passwords differ");
    return first;
}

} // namespace

void setPasswordFiles(const QString &passwordFile, const QString &newPasswordFile)
{
    g_passwordFile = passwordFile;
    g_newPasswordFile = newPasswordFile;
}

Result<SecretBytes> readPassword()
{
    if (!g_passwordFile.isEmpty())
        return fromFile(g_passwordFile);
    if (auto v = fromEnv("SPILLWAY_WALLET_PASSWORD"))
        return v;
    return prompt("Wallet password: ");
}

Result<std::unique_ptr<wallet::Wallet>> openWallet(const QString &dataDir, chain::ChainBackend &chain)
{
    auto w = wallet::Wallet::open(dataDir, chain);
    if (w)
        (*w)->setPasswordSource(readPassword);
    return w;
}

int passwordCommand(wallet::Wallet &w, bool json, const QStringList &args)
{
    const QString what = args.value(0);
    if (what != QLatin1String("set") && what != QLatin1String("change") && what != QLatin1String("remove")) {
        std::fprintf(stderr, "INVALID_ARGUMENT: wallet password set|change|remove. See spillway-cli --help.\n");
        return 2;
    }
    auto has = w.hasPassword();
    if (!has)
        return fail(has.error());
    if (what == QLatin1String("set") && *has)
        return fail(makeError(ErrorCode::InvalidArgument, "the wallet has a password already: wallet password change"));
    if (what != QLatin1String("set") && !*has)
        return fail(makeError(ErrorCode::InvalidArgument, "the wallet has no password: wallet password set"));
    SecretBytes current, next;
    if (*has) {
        auto c = readPassword();
        if (!c)
            return fail(c.error());
        current = std::move(*c);
    }
    if (what != QLatin1String("remove")) {
        auto n = readNewPassword();
        if (!n)
            return fail(n.error());
        next = std::move(*n);
    }
    if (const Status st = w.changePassword(current, next); !st.ok())
        return fail(st.error());
    const bool now = !next.empty();
    if (json)
        std::printf("%s\n", QJsonDocument(QJsonObject{{QStringLiteral("password"), now}}).toJson(QJsonDocument::Indented).constData());
    else
        std::printf(now ? "the wallet's seed is sealed with the password\n" : "the wallet has no password any more\n");
    return 0;
}

} // namespace spillway::cli
