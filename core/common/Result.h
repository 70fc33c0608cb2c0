#pragma once
// Errors as values (style.md): every fallible core call returns Result<T>,
// carrying a stable, user-readable error code and a short context string.

#include "ErrorCode.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace spillway {

/// An error: a stable code (see ErrorCode.h) plus context for the log/CLI.
struct Error {
    ErrorCode code = ErrorCode::Unknown;
    std::string context;

    /// "CODE_NAME: readable sentence (context)".
    [[nodiscard]] std::string describe() const;
};

[[nodiscard]] inline Error makeError(ErrorCode code, std::string context = {})
{
    return Error{code, std::move(context)};
}

/// A value or an Error. Never throws; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }
    [[nodiscard]] ErrorCode code() const { return ok() ? ErrorCode::Ok : error().code; }

private:
    std::variant<T, Error> m_v;
};

/// Result without a value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    [[nodiscard]] ErrorCode code() const { return ok() ? ErrorCode::Ok : m_error->code; }

private:
    std::optional<Error> m_error;
};

} // namespace spillway

#define SPW_CONCAT_INNER(a, b) a##b
#define SPW_CONCAT(a, b) SPW_CONCAT_INNER(a, b)
#define SPW_TRY_IMPL(expr, name)                                                                   \
    do {                                                                                           \
        auto &&name = (expr);                                                                      \
        if (!name.ok())                                                                            \
            return name.error();                                                                   \
    } while (0)
/// Propagate an error from a Result/Status expression (nests inside lambdas).
#define SPW_TRY(expr) SPW_TRY_IMPL(expr, SPW_CONCAT(spw_try_r_, __COUNTER__))
