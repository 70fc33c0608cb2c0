#include "ChannelBinding.h"

#include "bitcoin/Serialize.h"

namespace spillway::transport {

using namespace bitcoin;

Hash256 bindDigest(const QByteArray &challenge, const OutPoint &channel, const Bytes &fingerprint)
{
    Writer w;
    w.bytes(asBytes("SPW bind"));
    w.bytes(ByteView(reinterpret_cast<const uint8_t *>(challenge.constData()), static_cast<size_t>(challenge.size())));
    w.bytes(channel.txid);
    w.u32(channel.index);
    w.bytes(fingerprint);
    return sha256(w.data());
}

QByteArray serializeChannelId(const OutPoint &channel)
{
    Writer w;
    w.bytes(channel.txid);
    w.u32(channel.index);
    return QByteArray(reinterpret_cast<const char *>(w.data().data()), static_cast<qsizetype>(w.data().size()));
}

std::optional<OutPoint> parseChannelId(const QByteArray &payload)
{
    if (payload.size() != 36)
        return std::nullopt;
    OutPoint op;
    const auto *p = reinterpret_cast<const uint8_t *>(payload.constData());
    std::copy(p, p + 32, op.txid.begin());
    op.index = uint32_t(p[32]) | uint32_t(p[33]) << 8 | uint32_t(p[34]) << 16 | uint32_t(p[35]) << 24;
    return op;
}

QByteArray BindRequest::serialize() const
{
    QByteArray out = serializeChannelId(channel);
    out.append(reinterpret_cast<const char *>(signature.data()), static_cast<qsizetype>(signature.size()));
    return out;
}

std::optional<BindRequest> BindRequest::parse(const QByteArray &payload)
{
    if (payload.size() != 36 + 64)
        return std::nullopt;
    auto id = parseChannelId(payload.left(36));
    if (!id)
        return std::nullopt;
    BindRequest r;
    r.channel = *id;
    std::copy(payload.constBegin() + 36, payload.constEnd(), reinterpret_cast<char *>(r.signature.data()));
    return r;
}

} // namespace spillway::transport
