#include "BackupFile.h"

#include "bitcoin/Bip32.h"
#include "bitcoin/Serialize.h"
#include "channel/Messages.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>

namespace spillway::backup {

using namespace bitcoin;

namespace {

constexpr char kMagic[8] = {'S', 'P', 'W', 'B', 'A', 'C', 'K', 'P'};
constexpr uint8_t kFileVersion = 1;
constexpr uint8_t kCipherAes256Gcm = 1;
/// 2: the labels after the purchases. 1 (no labels) is still read.
constexpr uint8_t kContentsVersion = 2;
constexpr size_t kNonceSize = 12;
// Each record is far below these; a decoder never allocates on a count it has not read.
constexpr uint64_t kMaxItems = 10'000'000;

Result<SecretBytes> hkdf(ByteView ikm, std::string_view info, size_t length)
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr), EVP_PKEY_CTX_free);
    static constexpr std::string_view kSalt = "spillway backup v1";
    SecretBytes out(length);
    size_t len = length;
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), reinterpret_cast<const unsigned char *>(kSalt.data()), static_cast<int>(kSalt.size())) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), ikm.data(), static_cast<int>(ikm.size())) <= 0 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char *>(info.data()), static_cast<int>(info.size())) <= 0 ||
        EVP_PKEY_derive(ctx.get(), out.data(), &len) <= 0 || len != length)
        return makeError(ErrorCode::Unknown, "HKDF failed");
    return out;
}

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

void writeRecord(Writer &w, const store::ChannelRecord &r)
{
    w.varBytes(channel::encodeParams(r.params));
    w.u8(static_cast<uint8_t>(r.role));
    w.u8(static_cast<uint8_t>(r.state));
    w.u32(r.keyIndex);
    w.varBytes(asBytes(r.label));
    w.varBytes(r.fundingTx);
    w.u8(r.refundSig ? 1 : 0);
    if (r.refundSig)
        w.bytes(*r.refundSig);
    w.u64(r.seq);
    w.i64(r.paid);
    w.bytes(r.payerSig);
    w.varBytes(r.settlementTx);
    w.u8(r.swept ? 1 : 0);
    w.u64(r.signedSeq);
    w.i64(r.signedPaid);
    w.u32(r.minConfirmations);
    w.u32(r.safetyMargin);
    w.bytes(r.closingTxid);
    w.i32(r.closedHeight);
    w.i64(r.finalPayee);
    w.i64(r.finalPayer);
    w.i64(r.created);
    w.i64(r.updated);
}

template <size_t N>
Status readArray(Reader &r, std::array<uint8_t, N> &out)
{
    auto b = r.bytes(N);
    if (!b)
        return b.error();
    std::copy(b->begin(), b->end(), out.begin());
    return {};
}

#define SPW_READ(var, expr)                                                                        \
    do {                                                                                           \
        auto spw_v = (expr);                                                                       \
        if (!spw_v)                                                                                \
            return spw_v.error();                                                                  \
        var = *spw_v;                                                                              \
    } while (0)

Result<store::ChannelRecord> readRecord(Reader &r)
{
    store::ChannelRecord c;
    Bytes params;
    SPW_READ(params, r.varBytes());
    auto p = channel::decodeParams(params);
    if (!p)
        return p.error();
    c.params = *p;
    uint8_t role = 0, state = 0, flag = 0;
    SPW_READ(role, r.u8());
    SPW_READ(state, r.u8());
    if (role > static_cast<uint8_t>(store::ChannelRole::Payee) || state > static_cast<uint8_t>(store::ChannelState::Refunded))
        return makeError(ErrorCode::BackupUnsupported, "unknown channel role or state");
    c.role = static_cast<store::ChannelRole>(role);
    c.state = static_cast<store::ChannelState>(state);
    SPW_READ(c.keyIndex, r.u32());
    Bytes label;
    SPW_READ(label, r.varBytes());
    c.label.assign(label.begin(), label.end());
    SPW_READ(c.fundingTx, r.varBytes());
    SPW_READ(flag, r.u8());
    if (flag > 1)
        return makeError(ErrorCode::BackupUnsupported, "refund signature flag");
    if (flag) {
        CompactSignature sig{};
        SPW_TRY(readArray(r, sig));
        c.refundSig = sig;
    }
    SPW_READ(c.seq, r.u64());
    SPW_READ(c.paid, r.i64());
    SPW_TRY(readArray(r, c.payerSig));
    SPW_READ(c.settlementTx, r.varBytes());
    SPW_READ(flag, r.u8());
    c.swept = flag != 0;
    SPW_READ(c.signedSeq, r.u64());
    SPW_READ(c.signedPaid, r.i64());
    SPW_READ(c.minConfirmations, r.u32());
    SPW_READ(c.safetyMargin, r.u32());
    SPW_TRY(readArray(r, c.closingTxid));
    SPW_READ(c.closedHeight, r.i32());
    SPW_READ(c.finalPayee, r.i64());
    SPW_READ(c.finalPayer, r.i64());
    SPW_READ(c.created, r.i64());
    SPW_READ(c.updated, r.i64());
    return c;
}

Result<uint64_t> readCount(Reader &r)
{
    auto n = r.compactInteger();
    if (!n)
        return n.error();
    if (*n > kMaxItems || *n > r.remaining())
        return makeError(ErrorCode::OversizedField, "backup item count");
    return *n;
}

} // namespace

Bytes encodeContents(const BackupContents &c)
{
    Writer w;
    w.u8(kContentsVersion);
    w.u8(static_cast<uint8_t>(c.network));
    w.i64(c.written);
    w.compactSize(c.channels.size());
    for (const auto &r : c.channels)
        writeRecord(w, r);
    w.compactSize(c.offers.size());
    for (const auto &o : c.offers) {
        w.varBytes(channel::encodeMessage(o.offer));
        w.u32(o.keyIndex);
        w.i64(o.created);
    }
    w.compactSize(c.purchases.size());
    for (const auto &p : c.purchases) {
        w.bytes(p.channel.txid);
        w.u32(p.channel.index);
        w.varBytes(asBytes(p.file));
        w.varBytes(asBytes(p.sha256));
        w.i64(p.chunks);
        w.i64(p.pricePerChunk);
        w.i64(p.start);
        w.u8(static_cast<uint8_t>(p.state));
        w.i64(p.endedAt);
        w.i64(p.created);
    }
    w.compactSize(c.labels.size());
    for (const auto &l : c.labels) {
        const QByteArray kind = l.kind.toUtf8(), id = l.id.toUtf8(), text = l.label.toUtf8();
        for (const QByteArray *b : {&kind, &id, &text})
            w.varBytes(ByteView(reinterpret_cast<const uint8_t *>(b->constData()), static_cast<size_t>(b->size())));
    }
    return w.take();
}

Result<BackupContents> decodeContents(ByteView data)
{
    Reader r(data);
    BackupContents c;
    uint8_t version = 0, net = 0;
    SPW_READ(version, r.u8());
    if (version != 1 && version != kContentsVersion)
        return makeError(ErrorCode::BackupUnsupported, "contents version " + std::to_string(version));
    SPW_READ(net, r.u8());
    if (net > static_cast<uint8_t>(NetworkId::Local))
        return makeError(ErrorCode::BackupUnsupported, "unknown network");
    c.network = static_cast<NetworkId>(net);
    SPW_READ(c.written, r.i64());
    uint64_t n = 0;
    SPW_READ(n, readCount(r));
    for (uint64_t i = 0; i < n; ++i) {
        auto rec = readRecord(r);
        if (!rec)
            return rec.error();
        c.channels.push_back(std::move(*rec));
    }
    SPW_READ(n, readCount(r));
    for (uint64_t i = 0; i < n; ++i) {
        store::OfferRecord o;
        Bytes msg;
        SPW_READ(msg, r.varBytes());
        auto offer = channel::decodeStoredOffer(msg);
        if (!offer)
            return offer.error();
        o.offer = *offer;
        SPW_READ(o.keyIndex, r.u32());
        SPW_READ(o.created, r.i64());
        c.offers.push_back(std::move(o));
    }
    SPW_READ(n, readCount(r));
    for (uint64_t i = 0; i < n; ++i) {
        store::Purchase p;
        SPW_TRY(readArray(r, p.channel.txid));
        SPW_READ(p.channel.index, r.u32());
        Bytes text;
        SPW_READ(text, r.varBytes());
        p.file.assign(text.begin(), text.end());
        SPW_READ(text, r.varBytes());
        p.sha256.assign(text.begin(), text.end());
        SPW_READ(p.chunks, r.i64());
        SPW_READ(p.pricePerChunk, r.i64());
        SPW_READ(p.start, r.i64());
        uint8_t state = 0;
        SPW_READ(state, r.u8());
        if (state > static_cast<uint8_t>(store::PurchaseState::GivenUp))
            return makeError(ErrorCode::BackupUnsupported, "unknown purchase state");
        p.state = static_cast<store::PurchaseState>(state);
        SPW_READ(p.endedAt, r.i64());
        SPW_READ(p.created, r.i64());
        c.purchases.push_back(std::move(p));
    }
    if (version >= 2) {
        SPW_READ(n, readCount(r));
        for (uint64_t i = 0; i < n; ++i) {
            Bytes kind, id, text;
            SPW_READ(kind, r.varBytes());
            SPW_READ(id, r.varBytes());
            SPW_READ(text, r.varBytes());
            auto str = [](const Bytes &b) { return QString::fromUtf8(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size())); };
            c.labels.push_back(store::Label{str(kind), str(id), str(text)});
        }
    }
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, "backup contents");
    return c;
}

Result<BackupKey> BackupKey::fromSecret(ByteView secret32)
{
    if (secret32.size() != 32)
        return makeError(ErrorCode::InvalidPrivateKey, "backup key material");
    BackupKey k;
    auto key = hkdf(secret32, "encryption key", 32);
    if (!key)
        return key.error();
    auto id = hkdf(secret32, "key id", 16);
    if (!id)
        return id.error();
    k.m_key = std::move(*key);
    std::copy(id->data(), id->data() + 16, k.m_id.begin());
    return k;
}

Result<BackupKey> BackupKey::fromSeed(ByteView seed, const Network &net)
{
    auto master = ExtendedPrivateKey::fromSeed(seed);
    if (!master)
        return master.error();
    // The wallet's channel path (Wallet::channelKey), at the index reserved for backups.
    auto node = master->derivePath({7377 | kHardened, net.coinType | kHardened, kBackupKeyIndex | kHardened});
    if (!node)
        return node.error();
    return fromSecret(node->key.bytes());
}

QString BackupKey::fileName(NetworkId net) const
{
    const std::string_view name = network(net).name;
    return QStringLiteral("spillway-%1-%2.backup")
        .arg(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())),
             QString::fromStdString(toHex(ByteView(m_id.data(), 8))));
}

Result<Bytes> seal(const BackupKey &key, NetworkId net, ByteView plaintext)
{
    Bytes out(kHeaderSize + plaintext.size() + kTagSize);
    std::memcpy(out.data(), kMagic, 8);
    out[8] = kFileVersion;
    out[9] = kCipherAes256Gcm;
    out[10] = static_cast<uint8_t>(net);
    out[11] = 0;
    std::copy(key.id().begin(), key.id().end(), out.begin() + 12);
    uint8_t *nonce = out.data() + 28;
    // A fresh random nonce for every file: a counter would repeat after a restore.
    if (RAND_bytes(nonce, kNonceSize) != 1)
        return makeError(ErrorCode::Unknown, "no randomness for the backup's nonce");
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.key().data(), nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, out.data(), static_cast<int>(kHeaderSize)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + kHeaderSize, &len, plaintext.data(), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kHeaderSize + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize), out.data() + kHeaderSize + plaintext.size()) != 1)
        return makeError(ErrorCode::Unknown, "AES-256-GCM encryption failed");
    return out;
}

Result<Bytes> unseal(const BackupKey &key, ByteView file)
{
    if (file.size() < 8 || std::memcmp(file.data(), kMagic, 8) != 0)
        return makeError(ErrorCode::BackupUnsupported, "the file does not start as a Spillway backup does");
    if (file.size() < kHeaderSize + kTagSize)
        return makeError(ErrorCode::BackupDamaged, "the file is cut short");
    if (file[8] != kFileVersion || file[9] != kCipherAes256Gcm)
        return makeError(ErrorCode::BackupUnsupported, "format version " + std::to_string(file[8]) + ", cipher " + std::to_string(file[9]));
    if (!std::equal(key.id().begin(), key.id().end(), file.begin() + 12))
        return makeError(ErrorCode::BackupWrongPhrase, "its key id is not this phrase's");
    const size_t cipherLen = file.size() - kHeaderSize - kTagSize;
    Bytes plain(cipherLen);
    Bytes tag(file.end() - kTagSize, file.end());
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceSize), nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.key().data(), file.data() + 28) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, file.data(), static_cast<int>(kHeaderSize)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain.data(), &len, file.data() + kHeaderSize, static_cast<int>(cipherLen)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &len) != 1)
        return makeError(ErrorCode::BackupDamaged, "its authentication tag does not match");
    return plain;
}

Result<Bytes> sealContents(const BackupKey &key, const BackupContents &c)
{
    return seal(key, c.network, encodeContents(c));
}

Result<BackupContents> openContents(const BackupKey &key, ByteView file)
{
    auto plain = unseal(key, file);
    if (!plain)
        return plain.error();
    auto c = decodeContents(*plain);
    if (!c)
        // Authenticated but unreadable: written by a build that encodes differently.
        return makeError(ErrorCode::BackupUnsupported, c.error().describe());
    if (static_cast<uint8_t>(c->network) != file[10])
        return makeError(ErrorCode::BackupDamaged, "the header's network differs from the contents'");
    return c;
}

} // namespace spillway::backup
