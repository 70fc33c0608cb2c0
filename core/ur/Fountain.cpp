#include "Fountain.h"
#include "Cbor.h"
#include "Crc32.h"

#include "bitcoin/Hash.h"

#include <algorithm>
#include <cmath>

namespace spillway::ur {

namespace {

uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

Error bad(const std::string &what)
{
    return makeError(ErrorCode::BadMessage, "fountain part: " + what);
}

void xorInto(Bytes &a, ByteView b)
{
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        a[i] ^= b[i];
}

} // namespace

Xoshiro256::Xoshiro256(ByteView seed)
{
    const bitcoin::Hash256 digest = bitcoin::sha256(seed);
    for (size_t i = 0; i < 4; ++i) {
        uint64_t v = 0;
        for (size_t n = 0; n < 8; ++n)
            v = (v << 8) | digest[8 * i + n];
        m_s[i] = v;
    }
}

uint64_t Xoshiro256::next()
{
    const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Xoshiro256::nextDouble()
{
    // As the reference: the 64-bit value as a double over 2^64 (so the rounding matches).
    const double d = static_cast<double>(next()) / 18446744073709551616.0;
    return d < 1.0 ? d : std::nextafter(1.0, 0.0);
}

uint64_t Xoshiro256::nextInt(uint64_t low, uint64_t high)
{
    return static_cast<uint64_t>(std::floor(nextDouble() * static_cast<double>(high - low + 1))) + low;
}

Bytes Xoshiro256::nextData(size_t count)
{
    Bytes out(count);
    for (auto &b : out)
        b = nextByte();
    return out;
}

RandomSampler::RandomSampler(const std::vector<double> &weights)
{
    const size_t n = weights.size();
    double sum = 0;
    for (double w : weights)
        sum += w;
    std::vector<double> p(n);
    for (size_t i = 0; i < n; ++i)
        p[i] = weights[i] * static_cast<double>(n) / sum;
    std::vector<size_t> small, large;
    for (size_t k = n; k-- > 0;)
        (p[k] < 1 ? small : large).push_back(k);
    m_probs.assign(n, 0);
    m_aliases.assign(n, 0);
    while (!small.empty() && !large.empty()) {
        const size_t a = small.back();
        small.pop_back();
        const size_t g = large.back();
        large.pop_back();
        m_probs[a] = p[a];
        m_aliases[a] = g;
        p[g] = (p[g] + p[a]) - 1;
        (p[g] < 1 ? small : large).push_back(g);
    }
    for (size_t g : large)
        m_probs[g] = 1;
    for (size_t a : small) // only through rounding
        m_probs[a] = 1;
}

size_t RandomSampler::next(Xoshiro256 &rng) const
{
    const double r1 = rng.nextDouble();
    const double r2 = rng.nextDouble();
    const auto i = std::min(static_cast<size_t>(static_cast<double>(m_probs.size()) * r1), m_probs.size() - 1);
    return r2 < m_probs[i] ? i : m_aliases[i];
}

std::vector<size_t> chooseFragments(uint32_t seqNum, size_t seqLen, uint32_t checksum)
{
    // Parts 1..seqLen are the fragments themselves, in order.
    if (seqNum <= seqLen)
        return {seqNum - 1};
    Bytes seed;
    for (uint32_t v : {seqNum, checksum})
        for (int shift = 24; shift >= 0; shift -= 8)
            seed.push_back(static_cast<uint8_t>(v >> shift));
    Xoshiro256 rng(seed);
    std::vector<double> weights(seqLen);
    for (size_t i = 0; i < seqLen; ++i)
        weights[i] = 1.0 / static_cast<double>(i + 1);
    const size_t degree = RandomSampler(weights).next(rng) + 1;
    std::vector<size_t> remaining(seqLen);
    for (size_t i = 0; i < seqLen; ++i)
        remaining[i] = i;
    std::vector<size_t> chosen;
    chosen.reserve(degree);
    // The reference shuffles all of them and keeps the first `degree`: the same draws.
    while (chosen.size() < degree) {
        const auto k = static_cast<size_t>(rng.nextInt(0, remaining.size() - 1));
        chosen.push_back(remaining[k]);
        remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(k));
    }
    return chosen;
}

Bytes FountainPart::toCbor() const
{
    Bytes out;
    cbor::appendHead(out, cbor::Major::Array, 5);
    cbor::appendUnsigned(out, seqNum);
    cbor::appendUnsigned(out, seqLen);
    cbor::appendUnsigned(out, messageLen);
    cbor::appendUnsigned(out, checksum);
    cbor::appendBytes(out, data);
    return out;
}

Result<FountainPart> FountainPart::fromCbor(ByteView bytes)
{
    cbor::Reader r(bytes);
    auto n = r.head(cbor::Major::Array);
    if (!n)
        return n.error();
    if (*n != 5)
        return bad("an array of 5 expected");
    uint64_t v[4] = {};
    for (auto &x : v) {
        auto u = r.readUnsigned();
        if (!u)
            return u.error();
        x = *u;
    }
    auto data = r.readBytes(kMaxFragmentLen);
    if (!data)
        return data.error();
    if (!r.atEnd())
        return makeError(ErrorCode::TrailingData, "fountain part: data after the part");
    if (v[0] == 0 || v[0] > 0xFFFFFFFFu || v[3] > 0xFFFFFFFFu)
        return bad("sequence number or checksum out of range");
    if (v[1] == 0 || v[1] > kMaxSeqLen || v[2] == 0 || v[2] > kMaxMessageLen || data->empty())
        return makeError(ErrorCode::OversizedField, "fountain part: lengths out of range");
    if (v[1] != (v[2] + data->size() - 1) / data->size())
        return bad("fragment count does not match the lengths");
    FountainPart p;
    p.seqNum = static_cast<uint32_t>(v[0]);
    p.seqLen = static_cast<size_t>(v[1]);
    p.messageLen = static_cast<size_t>(v[2]);
    p.checksum = static_cast<uint32_t>(v[3]);
    p.data.assign(data->begin(), data->end());
    return p;
}

size_t FountainEncoder::nominalFragmentLength(size_t messageLen, size_t minFragmentLen, size_t maxFragmentLen)
{
    minFragmentLen = std::max<size_t>(1, minFragmentLen);
    maxFragmentLen = std::max(minFragmentLen, maxFragmentLen);
    const size_t maxCount = std::max<size_t>(1, messageLen / minFragmentLen);
    size_t len = messageLen;
    for (size_t count = 1; count <= maxCount; ++count) {
        len = (messageLen + count - 1) / count;
        if (len <= maxFragmentLen)
            break;
    }
    return std::max<size_t>(1, len);
}

FountainEncoder::FountainEncoder(ByteView message, size_t maxFragmentLen, uint32_t firstSeqNum, size_t minFragmentLen)
    : m_messageLen(message.size()), m_checksum(crc32(message)), m_seqNum(firstSeqNum)
{
    const size_t len = nominalFragmentLength(message.size(), minFragmentLen, maxFragmentLen);
    for (size_t off = 0; off < std::max<size_t>(1, message.size()); off += len) {
        Bytes f(len, 0);
        const size_t take = std::min(len, message.size() - std::min(off, message.size()));
        std::copy_n(message.begin() + static_cast<std::ptrdiff_t>(off), take, f.begin());
        m_fragments.push_back(std::move(f));
    }
}

FountainPart FountainEncoder::nextPart()
{
    ++m_seqNum;
    FountainPart p;
    p.seqNum = m_seqNum;
    p.seqLen = seqLen();
    p.messageLen = m_messageLen;
    p.checksum = m_checksum;
    p.data.assign(m_fragments.front().size(), 0);
    for (size_t i : chooseFragments(m_seqNum, seqLen(), m_checksum))
        xorInto(p.data, m_fragments[i]);
    return p;
}

double FountainDecoder::progress() const
{
    if (isComplete())
        return 1.0;
    if (!m_started)
        return 0.0;
    const double n = static_cast<double>(m_seqLen);
    const double estimate = std::max(static_cast<double>(m_simple.size()) / n, static_cast<double>(m_processed) / (1.75 * n));
    return std::min(0.99, estimate);
}

Result<FountainDecoder::Outcome> FountainDecoder::receive(const FountainPart &part)
{
    if (m_failed)
        return makeError(ErrorCode::InvalidChecksum, "fountain: the parts gave a message whose checksum is wrong");
    if (isComplete())
        return Outcome::Complete;
    if (!m_started) {
        m_started = true;
        m_seqLen = part.seqLen;
        m_messageLen = part.messageLen;
        m_checksum = part.checksum;
        m_fragmentLen = part.data.size();
    } else if (part.seqLen != m_seqLen || part.messageLen != m_messageLen || part.checksum != m_checksum ||
               part.data.size() != m_fragmentLen) {
        return bad("a part of another message");
    }
    if (part.seqLen != (part.messageLen + part.data.size() - 1) / part.data.size() || part.seqNum == 0)
        return bad("inconsistent lengths");
    // Sequence numbers already taken are answered at once; the set is only an
    // optimisation, so it is emptied rather than allowed to grow without bound.
    if (m_seen.count(part.seqNum))
        return Outcome::Duplicate;
    if (m_seen.size() >= 4 * kMaxSeqLen)
        m_seen.clear();
    m_seen.insert(part.seqNum);
    const size_t before = m_simple.size() + m_mixed.size();
    const auto chosen = chooseFragments(part.seqNum, m_seqLen, m_checksum);
    m_queue.push_back(Pending{std::set<size_t>(chosen.begin(), chosen.end()), part.data});
    while (!isComplete() && !m_failed && !m_queue.empty()) {
        Pending p = std::move(m_queue.back());
        m_queue.pop_back();
        if (p.indexes.size() == 1)
            processSimple(std::move(p));
        else
            processMixed(std::move(p));
    }
    m_queue.clear();
    if (m_failed)
        return makeError(ErrorCode::InvalidChecksum, "fountain: the parts gave a message whose checksum is wrong");
    if (isComplete()) {
        ++m_processed;
        return Outcome::Complete;
    }
    if (m_simple.size() + m_mixed.size() == before)
        return Outcome::Duplicate;
    ++m_processed;
    return Outcome::Accepted;
}

size_t FountainDecoder::heldIndexCount() const
{
    size_t n = 0;
    for (const auto &[indexes, data] : m_mixed)
        n += indexes.size();
    return n;
}

bool FountainDecoder::reduce(Pending &a, const Pending &b)
{
    // b's fragments a strict subset of a's: XOR them out of a.
    if (b.indexes.size() >= a.indexes.size() || !std::includes(a.indexes.begin(), a.indexes.end(), b.indexes.begin(), b.indexes.end()))
        return false;
    for (size_t i : b.indexes)
        a.indexes.erase(i);
    xorInto(a.data, b.data);
    return true;
}

void FountainDecoder::processSimple(Pending p)
{
    const size_t index = *p.indexes.begin();
    if (index >= m_seqLen || m_simple.count(index))
        return;
    m_simple.emplace(index, p.data);
    if (m_simple.size() == m_seqLen) {
        Bytes message;
        message.reserve(m_seqLen * m_fragmentLen);
        for (const auto &[i, data] : m_simple)
            message.insert(message.end(), data.begin(), data.end());
        message.resize(m_messageLen);
        if (crc32(message) != m_checksum) {
            m_failed = true;
            return;
        }
        m_mixed.clear();
        m_result = std::move(message);
        return;
    }
    reduceMixedBy(p);
}

void FountainDecoder::reduceMixedBy(const Pending &by)
{
    // Only the mixes that contain `by` change; they are taken out, reduced and put
    // back (or queued when one fragment is left), the others are not copied.
    for (auto it = m_mixed.begin(); it != m_mixed.end();) {
        const std::set<size_t> &indexes = it->first;
        if (by.indexes.size() >= indexes.size() || !std::includes(indexes.begin(), indexes.end(), by.indexes.begin(), by.indexes.end())) {
            ++it;
            continue;
        }
        auto node = m_mixed.extract(it++);
        Pending m{std::move(node.key()), std::move(node.mapped())};
        for (size_t i : by.indexes)
            m.indexes.erase(i);
        xorInto(m.data, by.data);
        // A reduced mix no longer contains `by`: meeting it again later in this loop changes nothing.
        if (m.indexes.size() == 1)
            m_queue.push_back(std::move(m));
        else if (!m_mixed.count(m.indexes))
            m_mixed.emplace(std::move(m.indexes), std::move(m.data));
    }
}

void FountainDecoder::processMixed(Pending p)
{
    if (m_mixed.count(p.indexes))
        return;
    for (const auto &[i, data] : m_simple)
        if (p.indexes.size() > 1 && p.indexes.erase(i))
            xorInto(p.data, data);
    for (const auto &[indexes, data] : m_mixed) {
        if (indexes.size() < p.indexes.size() && std::includes(p.indexes.begin(), p.indexes.end(), indexes.begin(), indexes.end())) {
            for (size_t i : indexes)
                p.indexes.erase(i);
            xorInto(p.data, data);
        }
    }
    if (p.indexes.size() == 1) {
        m_queue.push_back(std::move(p));
        return;
    }
    if (p.indexes.empty() || m_mixed.count(p.indexes))
        return;
    // Bounded memory and time: a hostile stream of distinct mixes cannot grow this
    // past a small multiple of the message (seqLen × fragment length ≈ message
    // length), nor past 16 fragment indexes per fragment (an honest stream's mixes
    // name about ln(seqLen) fragments each on average).
    if (m_mixed.size() >= 2 * m_seqLen + 16 || heldIndexCount() + p.indexes.size() > 16 * m_seqLen + 1024)
        return;
    reduceMixedBy(p);
    m_mixed.emplace(std::move(p.indexes), std::move(p.data));
}

} // namespace spillway::ur
