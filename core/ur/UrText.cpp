#include "UrText.h"
#include "MessageBundle.h"

#include <QByteArray>

namespace spillway::ur {

Result<std::string> importTextOfUr(const Ur &ur)
{
    if (ur.type == "crypto-psbt" || ur.type == "psbt") {
        auto psbt = psbtFromUr(ur);
        if (!psbt)
            return makeError(ErrorCode::BadMessage, "UR: not a readable PSBT");
        const QByteArray raw(reinterpret_cast<const char *>(psbt->data()), static_cast<qsizetype>(psbt->size()));
        return raw.toBase64().toStdString();
    }
    if (ur.type == "bytes") {
        auto bytes = bytesFromUr(ur);
        if (!bytes)
            return makeError(ErrorCode::BadMessage, "UR: not Spillway messages");
        auto texts = messageTextsFromBundle(*bytes);
        if (!texts)
            return makeError(ErrorCode::BadMessage, "UR: not Spillway messages");
        std::string out;
        for (const std::string &t : *texts)
            out += (out.empty() ? "" : "\n") + t;
        return out;
    }
    return makeError(ErrorCode::BadMessage, "UR: a " + ur.type + " is not for Spillway");
}

Result<std::string> importTextOfUrLines(std::string_view text)
{
    UrDecoder d;
    size_t start = 0;
    while (start < text.size() && !d.isComplete()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (!line.empty()) {
            auto r = d.receivePart(line);
            if (!r)
                return r.error();
        }
        start = end + 1;
    }
    if (!d.isComplete())
        return makeError(ErrorCode::Truncated, "UR: the parts do not make the whole yet");
    return importTextOfUr(*d.result());
}

} // namespace spillway::ur
