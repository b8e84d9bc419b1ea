#pragma once

#include <optional>
#include <string>
#include <utility>

namespace dna {

/// An expected failure: a stable code (for scripts and tests) and a detail naming the field and allowed values.
struct Error {
    std::string code;
    std::string detail;
};

/// A value or an Error. Core functions return this for bad input instead of throwing.
template <class T> class Expected {
public:
    Expected(T value)
        : m_value(std::move(value))
    {
    }
    Expected(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const { return *m_value; }
    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace dna
