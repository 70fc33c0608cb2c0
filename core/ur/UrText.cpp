#include "UrText.h"
#include "common/TextLines.h"
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
    for (std::string_view line : nonBlankLines(text)) {
        if (d.isComplete())
            break;
        auto r = d.receivePart(line);
        if (!r)
            return r.error();
    }
    if (!d.isComplete())
        return makeError(ErrorCode::Truncated, "UR: the parts do not make the whole yet");
    return importTextOfUr(*d.result());
}

} // namespace spillway::ur
