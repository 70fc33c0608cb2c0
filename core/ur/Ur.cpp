#include "Ur.h"
#include "Bytewords.h"
#include "Cbor.h"

#include <charconv>

namespace spillway::ur {

namespace {

Error bad(const std::string &what)
{
    return makeError(ErrorCode::BadMessage, "UR: " + what);
}

// A UR cut into its path components, lower-cased.
struct Parsed {
    std::string type;
    std::optional<std::pair<uint32_t, size_t>> seq; ///< seqNum, seqLen
    std::string body;
};

constexpr size_t kMaxUrText = 2 * (kMaxMessageLen + 64) + 256;

Result<uint64_t> parseNumber(std::string_view s)
{
    uint64_t v = 0;
    if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0'))
        return bad("bad sequence number");
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return bad("bad sequence number");
    return v;
}

Result<Parsed> parse(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
        text.remove_prefix(1);
    if (!looksLikeUr(text))
        return bad("not a UR");
    if (text.size() > kMaxUrText)
        return makeError(ErrorCode::OversizedField, "UR: too long");
    std::string lower(text.substr(3));
    for (char &c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    std::vector<std::string_view> parts;
    std::string_view rest(lower);
    for (size_t slash; (slash = rest.find('/')) != std::string_view::npos; rest.remove_prefix(slash + 1))
        parts.push_back(rest.substr(0, slash));
    parts.push_back(rest);
    if (parts.size() != 2 && parts.size() != 3)
        return bad("a type and a body expected");
    Parsed p;
    p.type = std::string(parts.front());
    if (!isUrType(p.type))
        return bad("bad type");
    p.body = std::string(parts.back());
    if (parts.size() == 3) {
        const std::string_view seq = parts[1];
        const size_t dash = seq.find('-');
        if (dash == std::string_view::npos)
            return bad("bad sequence");
        auto n = parseNumber(seq.substr(0, dash));
        auto m = parseNumber(seq.substr(dash + 1));
        if (!n || !m || *n == 0 || *n > 0xFFFFFFFFu || *m == 0 || *m > kMaxSeqLen)
            return bad("bad sequence");
        p.seq = std::pair<uint32_t, size_t>(static_cast<uint32_t>(*n), static_cast<size_t>(*m));
    }
    return p;
}

} // namespace

bool isUrType(std::string_view type)
{
    if (type.empty() || type.size() > 64)
        return false;
    for (char c : type)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

bool looksLikeUr(std::string_view text)
{
    return text.size() >= 3 && (text[0] == 'u' || text[0] == 'U') && (text[1] == 'r' || text[1] == 'R') && text[2] == ':';
}

std::string encodeSinglePart(const Ur &ur)
{
    return "ur:" + ur.type + "/" + bytewordsEncode(ur.cbor, BytewordsStyle::Minimal);
}

Result<Ur> decodeSinglePart(std::string_view text)
{
    auto p = parse(text);
    if (!p)
        return p.error();
    if (p->seq)
        return bad("one part of an animated code");
    auto body = bytewordsDecode(p->body, BytewordsStyle::Minimal, kMaxMessageLen);
    if (!body)
        return body.error();
    return Ur{p->type, std::move(*body)};
}

Ur psbtUr(ByteView psbt, bool legacyCryptoPsbt)
{
    return Ur{legacyCryptoPsbt ? "crypto-psbt" : "psbt", cbor::byteString(psbt)};
}

Result<Bytes> psbtFromUr(const Ur &ur)
{
    if (ur.type != "psbt" && ur.type != "crypto-psbt")
        return bad("a " + ur.type + " is not a PSBT");
    return cbor::readByteStringBody(ur.cbor, kMaxMessageLen, {cbor::kTagPsbt, cbor::kTagCryptoPsbt});
}

Ur bytesUr(ByteView data)
{
    return Ur{"bytes", cbor::byteString(data)};
}

Result<Bytes> bytesFromUr(const Ur &ur)
{
    if (ur.type != "bytes")
        return bad("a " + ur.type + " is not bytes");
    return cbor::readByteStringBody(ur.cbor, kMaxMessageLen);
}

UrEncoder::UrEncoder(Ur ur, size_t maxFragmentLen, uint32_t firstSeqNum, size_t minFragmentLen)
    : m_ur(std::move(ur)), m_fountain(m_ur.cbor, maxFragmentLen, firstSeqNum, minFragmentLen)
{
}

std::string UrEncoder::nextPart()
{
    if (m_fountain.isSinglePart())
        return encodeSinglePart(m_ur);
    const FountainPart part = m_fountain.nextPart();
    return "ur:" + m_ur.type + "/" + std::to_string(part.seqNum) + "-" + std::to_string(part.seqLen) + "/" +
           bytewordsEncode(part.toCbor(), BytewordsStyle::Minimal);
}

Result<UrDecoder::Outcome> UrDecoder::receivePart(std::string_view text)
{
    if (isComplete())
        return Outcome::Complete;
    auto p = parse(text);
    if (!p)
        return p.error();
    if (!m_type.empty() && p->type != m_type)
        return bad("a part of another code (" + p->type + ")");
    if (!p->seq) {
        auto body = bytewordsDecode(p->body, BytewordsStyle::Minimal, kMaxMessageLen);
        if (!body)
            return body.error();
        m_type = p->type;
        m_result = Ur{p->type, std::move(*body)};
        return Outcome::Complete;
    }
    auto bytes = bytewordsDecode(p->body, BytewordsStyle::Minimal, kMaxFragmentLen + 64);
    if (!bytes)
        return bytes.error();
    auto part = FountainPart::fromCbor(*bytes);
    if (!part)
        return part.error();
    if (part->seqNum != p->seq->first || part->seqLen != p->seq->second)
        return bad("the sequence in the text and in the part differ");
    auto outcome = m_fountain.receive(*part);
    if (!outcome)
        return outcome.error();
    m_type = p->type;
    if (*outcome == Outcome::Complete)
        m_result = Ur{m_type, *m_fountain.message()};
    return *outcome;
}

} // namespace spillway::ur
