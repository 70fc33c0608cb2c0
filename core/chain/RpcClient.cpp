#include "RpcClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>

namespace spillway::chain {

namespace {

RpcReply replyFrom(const QJsonObject &o)
{
    RpcReply r;
    const QJsonValue err = o.value(QStringLiteral("error"));
    if (err.isObject()) {
        r.failed = true;
        r.errorCode = err.toObject().value(QStringLiteral("code")).toInt();
        r.errorMessage = err.toObject().value(QStringLiteral("message")).toString();
    } else if (!err.isNull() && !err.isUndefined()) {
        r.failed = true;
        r.errorMessage = err.toVariant().toString();
    }
    r.result = o.value(QStringLiteral("result"));
    return r;
}

QJsonObject request(const RpcCall &c, int id)
{
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("1.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("method"), c.method},
                       {QStringLiteral("params"), c.params}};
}

/// SPILLWAY_RPC_LOG names a file that gets each method called, one a line:
/// how tests count the node's work (e.g. getblock calls of one CLI command).
void logCalls(const std::vector<RpcCall> &calls)
{
    static const QString path = qEnvironmentVariable("SPILLWAY_RPC_LOG");
    if (path.isEmpty())
        return;
    QByteArray lines;
    for (const auto &c : calls)
        lines += c.method.toUtf8() + '\n';
    QFile f(path);
    if (f.open(QIODevice::Append))
        f.write(lines);
}

std::string where(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo).toStdString();
}

} // namespace

Result<QJsonValue> RpcReply::value(const QString &method) const
{
    if (!failed)
        return result;
    return makeError(ErrorCode::RpcFailed,
                     method.toStdString() + ": " + errorMessage.toStdString() + " (code " + std::to_string(errorCode) + ")");
}

RpcClient::RpcClient(RpcEndpoint endpoint) : m_endpoint(std::move(endpoint)) {}

RpcClient::~RpcClient() = default;

Result<RpcReply> RpcClient::call(const QString &method, const QJsonArray &params)
{
    const int id = m_nextId++;
    logCalls({RpcCall{method, params}});
    auto body = post(QJsonDocument(request({method, params}, id)).toJson(QJsonDocument::Compact));
    if (!body)
        return body.error();
    const QJsonDocument doc = QJsonDocument::fromJson(*body);
    if (!doc.isObject())
        return makeError(ErrorCode::RpcFailed, method.toStdString() + ": the answer is not JSON-RPC");
    return replyFrom(doc.object());
}

Result<std::vector<RpcReply>> RpcClient::batch(const std::vector<RpcCall> &calls)
{
    if (calls.empty())
        return std::vector<RpcReply>{};
    logCalls(calls);
    QJsonArray arr;
    const int first = m_nextId;
    for (const auto &c : calls)
        arr.append(request(c, m_nextId++));
    auto body = post(QJsonDocument(arr).toJson(QJsonDocument::Compact));
    if (!body)
        return body.error();
    const QJsonDocument doc = QJsonDocument::fromJson(*body);
    if (!doc.isArray())
        return makeError(ErrorCode::RpcFailed, calls.front().method.toStdString() + ": the batch answer is not JSON-RPC");
    std::vector<RpcReply> out(calls.size());
    std::vector<bool> seen(calls.size(), false);
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const int index = o.value(QStringLiteral("id")).toInt(-1) - first;
        if (index < 0 || index >= static_cast<int>(calls.size()) || seen[index])
            return makeError(ErrorCode::RpcFailed, "the batch answer has an unknown id");
        out[index] = replyFrom(o);
        seen[index] = true;
    }
    for (bool s : seen)
        if (!s)
            return makeError(ErrorCode::RpcFailed, "the batch answer lacks a reply");
    return out;
}

Result<QByteArray> RpcClient::authorization(bool reload)
{
    if (!m_auth.isEmpty() && !reload)
        return m_auth;
    QByteArray userPass;
    if (!m_endpoint.user.isEmpty()) {
        userPass = m_endpoint.user.toUtf8() + ':' + m_endpoint.password.toUtf8();
    } else if (!m_endpoint.cookieFile.isEmpty()) {
        QFile f(m_endpoint.cookieFile);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::RpcAuthFailed, "cannot read the cookie file " + m_endpoint.cookieFile.toStdString() +
                                                           ": " + f.errorString().toStdString());
        userPass = f.readAll().trimmed();
        if (!userPass.contains(':'))
            return makeError(ErrorCode::RpcAuthFailed, "the cookie file " + m_endpoint.cookieFile.toStdString() + " is not user:password");
    } else {
        return makeError(ErrorCode::RpcAuthFailed, "give --rpc-cookie FILE or --rpc-user and --rpc-password");
    }
    m_auth = "Basic " + userPass.toBase64();
    return m_auth;
}

Result<QByteArray> RpcClient::post(const QByteArray &body)
{
    Error last = makeError(ErrorCode::ChainUnavailable);
    QElapsedTimer busySince;
    int busyDelayMs = 50;
    for (int attempt = 0; attempt <= m_endpoint.retries;) {
        Retry retry = Retry::No;
        auto r = postOnce(body, retry);
        if (r || retry == Retry::No)
            return r;
        last = r.error();
        if (retry == Retry::Busy) {
            // Not a failure of the connection: does not use up `retries`.
            if (!busySince.isValid())
                busySince.start();
            if (busySince.elapsed() + busyDelayMs > m_endpoint.busyWaitMs)
                return last;
            QThread::msleep(static_cast<unsigned long>(busyDelayMs));
            busyDelayMs = std::min(busyDelayMs * 2, 1000);
            continue;
        }
        ++attempt;
        if (attempt <= m_endpoint.retries)
            QThread::msleep(static_cast<unsigned long>(200 * attempt));
    }
    return last;
}

Result<QByteArray> RpcClient::postOnce(const QByteArray &body, Retry &retry)
{
    const QUrl &url = m_endpoint.url;
    const bool tls = url.scheme() == QLatin1String("https");
    const int port = url.port(tls ? 443 : 8332);
    auto fail = [&](const std::string &why, bool canRetry) -> Error {
        retry = canRetry ? Retry::Connection : Retry::No;
        m_socket.reset();
        return makeError(ErrorCode::ChainUnavailable, "node at " + where(url) + ": " + why);
    };
    QElapsedTimer clock;
    clock.start();
    auto left = [&] { return std::max<qint64>(1, m_endpoint.timeoutMs - clock.elapsed()); };

    for (int authTry = 0; authTry < 2; ++authTry) {
        auto auth = authorization(authTry > 0);
        if (!auth)
            return auth.error();
        const bool reused = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
        if (!reused) {
            if (tls) {
                auto s = std::make_unique<QSslSocket>();
                s->connectToHostEncrypted(url.host(), static_cast<quint16>(port));
                if (!s->waitForEncrypted(static_cast<int>(left())))
                    return fail("cannot connect: " + s->errorString().toStdString(), true);
                m_socket = std::move(s);
            } else {
                m_socket = std::make_unique<QTcpSocket>();
                m_socket->connectToHost(url.host(), static_cast<quint16>(port));
                if (!m_socket->waitForConnected(static_cast<int>(left())))
                    return fail("cannot connect: " + m_socket->errorString().toStdString(), true);
            }
        }
        const QByteArray path = url.path().isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toUtf8();
        QByteArray head = "POST " + path + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':' + QByteArray::number(port) +
                          "\r\nAuthorization: " + *auth + "\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n";
        m_socket->write(head + body);
        while (m_socket->bytesToWrite() > 0)
            if (!m_socket->waitForBytesWritten(static_cast<int>(left())))
                return fail("sending: " + m_socket->errorString().toStdString(), true);

        // Status line and headers.
        QByteArray buffer;
        qsizetype headerEnd = -1;
        while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
            if (clock.elapsed() >= m_endpoint.timeoutMs)
                return fail("no answer within " + std::to_string(m_endpoint.timeoutMs / 1000) + " s", true);
            if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(static_cast<int>(left()))) {
                // Retryable: a kept-alive connection the node closed meanwhile is opened afresh.
                return fail(m_socket->state() == QAbstractSocket::ConnectedState ? "no answer in time" : "the connection was closed",
                            true);
            }
            buffer += m_socket->readAll();
            if (buffer.size() > 64 * 1024 && buffer.indexOf("\r\n\r\n") < 0)
                return fail("the answer is not HTTP", false);
        }
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        if (status.size() < 2 || !status[0].startsWith("HTTP/1."))
            return fail("the answer is not HTTP", false);
        const int code = status[1].toInt();
        qint64 length = -1;
        bool chunked = false, close = status[0] == "HTTP/1.0";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                chunked = true;
            else if (name == "connection")
                close = value.toLower() == "close" ? true : (value.toLower() == "keep-alive" ? false : close);
        }
        QByteArray rest = buffer.mid(headerEnd + 4);
        auto readMore = [&]() -> bool {
            if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(static_cast<int>(left())))
                return false;
            rest += m_socket->readAll();
            return true;
        };
        QByteArray content;
        if (chunked) {
            for (;;) {
                qsizetype eol;
                while ((eol = rest.indexOf("\r\n")) < 0)
                    if (!readMore())
                        return fail("the answer was cut short", true);
                bool ok = false;
                const qint64 size = rest.left(eol).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return fail("bad chunked encoding", false);
                while (rest.size() < eol + 2 + size + 2)
                    if (!readMore())
                        return fail("the answer was cut short", true);
                content += rest.mid(eol + 2, size);
                rest.remove(0, eol + 2 + size + 2);
                if (size == 0)
                    break;
            }
        } else if (length >= 0) {
            while (rest.size() < length)
                if (!readMore())
                    return fail("the answer was cut short", true);
            content = rest.left(length);
        } else {
            while (m_socket->state() == QAbstractSocket::ConnectedState && readMore()) {
            }
            content = rest;
            close = true;
        }
        if (close)
            m_socket.reset();
        if (code == 401 || code == 403) {
            if (authTry == 0 && m_endpoint.user.isEmpty())
                continue; // the node may have written a new cookie since we read it
            retry = Retry::No;
            return makeError(ErrorCode::RpcAuthFailed, "node at " + where(url) + " answered HTTP " + std::to_string(code));
        }
        if (code == 503) {
            // Core (libevent) when -rpcworkqueue requests already wait: "Work queue depth exceeded".
            retry = Retry::Busy;
            return makeError(ErrorCode::NodeBusy, "node at " + where(url) + " answered HTTP 503: " +
                                                      content.trimmed().left(200).toStdString());
        }
        // Core answers errors with 404/500 and a JSON-RPC body; anything else is not a node.
        if (code != 200 && !content.trimmed().startsWith('{') && !content.trimmed().startsWith('['))
            return fail("HTTP " + std::to_string(code) + " without a JSON-RPC answer", false);
        return content;
    }
    return makeError(ErrorCode::RpcAuthFailed, "node at " + where(url));
}

} // namespace spillway::chain
