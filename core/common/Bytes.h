#pragma once
// Byte buffers and hex, the lingua franca of core/bitcoin.

#include "Result.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace spillway {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

std::string toHex(ByteView data);
/// Strict hex decode: even length, [0-9a-fA-F] only.
Result<Bytes> fromHex(std::string_view hex);

inline Bytes concat(ByteView a, ByteView b)
{
    Bytes r(a.begin(), a.end());
    r.insert(r.end(), b.begin(), b.end());
    return r;
}

inline ByteView asBytes(std::string_view s)
{
    return {reinterpret_cast<const uint8_t *>(s.data()), s.size()};
}

/// Overwrites memory in a way the optimiser cannot remove (OPENSSL_cleanse).
void secureWipe(void *data, size_t size);

/// An allocator that wipes every buffer before it is freed: a secret's bytes are
/// gone also from the buffers a vector leaves behind when it grows or is
/// reassigned, not only from the last one.
template <typename T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() = default;
    template <typename U>
    WipingAllocator(const WipingAllocator<U> &) noexcept {}
    T *allocate(size_t n) { return std::allocator<T>().allocate(n); }
    void deallocate(T *p, size_t n) noexcept
    {
        secureWipe(p, n * sizeof(T));
        std::allocator<T>().deallocate(p, n);
    }
    template <typename U>
    bool operator==(const WipingAllocator<U> &) const noexcept { return true; }
};

/// A byte buffer for secrets: wiped on destruction and never copied by accident.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(size_t n) : m_data(n) {}
    explicit SecretBytes(ByteView v) : m_data(v.begin(), v.end()) {}
    SecretBytes(const SecretBytes &o) : m_data(o.m_data) {}
    SecretBytes(SecretBytes &&o) noexcept : m_data(std::move(o.m_data)) {}
    SecretBytes &operator=(const SecretBytes &o)
    {
        if (this != &o) {
            wipe();
            m_data = o.m_data;
        }
        return *this;
    }
    SecretBytes &operator=(SecretBytes &&o) noexcept
    {
        if (this != &o) {
            wipe();
            m_data = std::move(o.m_data);
        }
        return *this;
    }
    ~SecretBytes() { wipe(); }

    uint8_t *data() { return m_data.data(); }
    const uint8_t *data() const { return m_data.data(); }
    size_t size() const { return m_data.size(); }
    bool empty() const { return m_data.empty(); }
    ByteView view() const { return {m_data.data(), m_data.size()}; }
    uint8_t &operator[](size_t i) { return m_data[i]; }
    const uint8_t &operator[](size_t i) const { return m_data[i]; }

private:
    void wipe()
    {
        // The whole allocation, not only size(): a shrunk buffer still holds bytes past its end.
        if (m_data.capacity() > 0)
            secureWipe(m_data.data(), m_data.capacity());
    }
    std::vector<uint8_t, WipingAllocator<uint8_t>> m_data;
};

} // namespace spillway
