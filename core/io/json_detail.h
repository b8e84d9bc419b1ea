#pragma once

// Internal to core/io: the field reader and small converters shared by the JSON readers and writers.
#include "accel/dataflow.h"
#include "accel/design.h"
#include "util/expected.h"
#include "util/text.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dna::io::detail {

using Json = nlohmann::json;
using namespace dna::workload;
using namespace dna::accel;

/// A value as a message may quote it: at most 40 characters of its JSON text (input can be megabytes).
inline std::string quoted(const Json& v)
{
    return v.is_structured() ? (v.is_array() ? "a list" : "an object") : clipped(v.dump());
}

/// A whole number that fits `long long`; false for anything else (fractions, strings, values past 2^63).
inline bool wholeNumber(const Json& v, long long& out)
{
    if (v.is_number_unsigned()) {
        if (v.get<unsigned long long>() > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) {
            return false;
        }
        out = static_cast<long long>(v.get<unsigned long long>());
        return true;
    }
    if (v.is_number_integer()) {
        out = v.get<long long>();
        return true;
    }
    return false;
}

/// The closest of `names` to `key` when it is near enough to be a typo (edit distance <= 2, or a prefix).
inline std::string closestName(const std::string& key, const std::set<std::string>& names)
{
    std::string best;
    size_t bestDistance = 3;
    for (const auto& n : names) {
        std::vector<size_t> row(n.size() + 1);
        for (size_t j = 0; j <= n.size(); ++j) {
            row[j] = j;
        }
        for (size_t i = 1; i <= key.size(); ++i) {
            size_t diagonal = row[0];
            row[0] = i;
            for (size_t j = 1; j <= n.size(); ++j) {
                const size_t up = row[j];
                row[j] = std::min({ row[j] + 1, row[j - 1] + 1, diagonal + (key[i - 1] == n[j - 1] ? 0 : 1) });
                diagonal = up;
            }
        }
        const bool prefix = key.size() >= 3 && (n.rfind(key, 0) == 0 || key.rfind(n, 0) == 0);
        const size_t distance = prefix ? std::min<size_t>(row[n.size()], 2) : row[n.size()];
        if (distance < bestDistance) {
            bestDistance = distance;
            best = n;
        }
    }
    return best;
}

/// Reads fields of one JSON object, remembering the first problem with a path such as "layers[3].kernel".
/// Every key a reader asks about is known; rejectUnknown() then names any other key (a typo is an error, not
/// silently ignored).
class Fields {
public:
    Fields(const Json& j, std::string where)
        : m_j(j)
        , m_where(std::move(where))
    {
        if (!j.is_object()) {
            fail("", "must be a JSON object");
        }
    }

    bool has(const char* key) const
    {
        m_known.insert(key);
        return m_j.is_object() && m_j.contains(key);
    }
    const Json& at(const char* key) const
    {
        m_known.insert(key);
        return m_j.at(key);
    }
    /// Keys the format allows that this reader does not read (informative fields such as "metrics").
    void allow(std::initializer_list<const char*> keys)
    {
        for (const char* k : keys) {
            m_known.insert(k);
        }
    }
    /// Fails on the first key nobody asked about, with a "did you mean" when one is close.
    void rejectUnknown()
    {
        if (m_error || !m_j.is_object()) {
            return;
        }
        for (const auto& item : m_j.items()) {
            if (m_known.count(item.key())) {
                continue;
            }
            const std::string near = closestName(item.key(), m_known);
            std::string names;
            for (const auto& k : m_known) {
                names += (names.empty() ? "" : ", ") + k;
            }
            fail(clipped(item.key()),
                "is not a known field" + (near.empty() ? std::string() : " (did you mean '" + near + "'?)")
                    + "; the fields here are " + names);
            return;
        }
    }
    std::string path(const std::string& key) const { return m_where.empty() ? key : m_where + "." + key; }

    long long integer(const char* key, long long min, long long max, std::optional<long long> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(
                    key, "is missing (a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ")");
            }
            return fallback.value_or(min);
        }
        const Json& v = m_j.at(key);
        long long n = 0;
        if (!wholeNumber(v, n) || n < min || n > max) {
            fail(key,
                "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not "
                    + quoted(v));
            return min;
        }
        return n;
    }

    double number(const char* key, double min, double max, std::optional<double> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(key, "is missing (a number from " + fmt(min) + " to " + fmt(max) + ")");
            }
            return fallback.value_or(min);
        }
        const Json& v = m_j.at(key);
        if (!v.is_number() || v.get<double>() < min || v.get<double>() > max) {
            fail(key, "must be a number from " + fmt(min) + " to " + fmt(max) + ", not " + quoted(v));
            return min;
        }
        return v.get<double>();
    }

    std::string string(const char* key, std::optional<std::string> fallback = {})
    {
        if (!has(key)) {
            if (!fallback) {
                fail(key, "is missing (a string)");
            }
            return fallback.value_or("");
        }
        if (!m_j.at(key).is_string()) {
            fail(key, "must be a string, not " + quoted(m_j.at(key)));
            return {};
        }
        return m_j.at(key).get<std::string>();
    }

    bool boolean(const char* key, bool fallback)
    {
        if (!has(key)) {
            return fallback;
        }
        if (!m_j.at(key).is_boolean()) {
            fail(key, "must be true or false");
            return fallback;
        }
        return m_j.at(key).get<bool>();
    }

    void fail(const std::string& key, const std::string& what)
    {
        if (!m_error) {
            m_error = Error { ErrorCode::BadField,
                (key.empty() ? (m_where.empty() ? "document" : m_where) : path(key)) + " " + what };
        }
    }
    void adopt(const Error& e)
    {
        if (!m_error) {
            m_error = e;
        }
    }
    const std::optional<Error>& error() const { return m_error; }

private:
    static std::string fmt(double v)
    {
        std::ostringstream os;
        os << v;
        return os.str();
    }
    const Json& m_j;
    std::string m_where;
    std::optional<Error> m_error;
    mutable std::set<std::string> m_known;
};

inline Json dimsToJson(const std::array<int, kDims>& f, bool skipOnes)
{
    Json j = Json::object();
    for (int d = 0; d < kDims; ++d) {
        if (!skipOnes || f[d] != 1) {
            j[std::string(1, kDimNames[d])] = f[d];
        }
    }
    return j;
}

[[nodiscard]] inline std::optional<Error> dimsFromJson(
    const Json& j, const std::string& where, std::array<int, kDims>& out, int fallback)
{
    if (!j.is_object()) {
        return Error { ErrorCode::BadField, where + " must be an object such as {\"K\": 4, \"C\": 2}" };
    }
    out.fill(fallback);
    for (const auto& [key, value] : j.items()) {
        int d = -1;
        for (int i = 0; i < kDims; ++i) {
            if (key.size() == 1 && key[0] == kDimNames[i]) {
                d = i;
            }
        }
        if (d < 0) {
            return Error { ErrorCode::BadField,
                where + " has unknown dimension '" + clipped(key) + "' (dimensions are N G K C Y X R S)" };
        }
        long long n = 0;
        if (!wholeNumber(value, n) || n < 1 || n > (1 << 24)) {
            return Error { ErrorCode::BadField,
                where + "." + key + " must be a whole number from 1 to " + std::to_string(1 << 24) + ", not "
                    + quoted(value) };
        }
        out[d] = int(n);
    }
    return std::nullopt;
}

inline std::string orderToString(const std::array<int, kDims>& order)
{
    std::string s;
    for (int d : order) {
        s += kDimNames[d];
    }
    return s;
}

[[nodiscard]] inline std::optional<Error> orderFromString(
    const Json& j, const std::string& where, std::array<int, kDims>& out)
{
    const std::string msg = where + " must be a permutation of the letters NGKCYXRS, innermost loop first";
    if (!j.is_string() || j.get<std::string>().size() != kDims) {
        return Error { ErrorCode::BadField, msg };
    }
    const std::string s = j.get<std::string>();
    unsigned seen = 0;
    for (int i = 0; i < kDims; ++i) {
        int d = -1;
        for (int k = 0; k < kDims; ++k) {
            if (s[i] == kDimNames[k]) {
                d = k;
            }
        }
        if (d < 0 || (seen & (1u << d))) {
            return Error { ErrorCode::BadField, msg + ", not \"" + clipped(s) + "\"" };
        }
        seen |= 1u << d;
        out[i] = d;
    }
    return std::nullopt;
}

inline Json operandsToJson(const std::array<double, kOperands>& v)
{
    return { { "weights", v[0] }, { "inputs", v[1] }, { "outputs", v[2] } };
}

template <class T>
[[nodiscard]] std::optional<Error> operandsFromJson(
    const Json& j, const std::string& where, std::array<T, kOperands>& out, double max)
{
    if (!j.is_object()) {
        return Error { ErrorCode::BadField, where + " must be an object with weights, inputs, outputs" };
    }
    for (const auto& item : j.items()) {
        if (item.key() != kOperandNames[0] && item.key() != kOperandNames[1] && item.key() != kOperandNames[2]) {
            return Error { ErrorCode::BadField,
                where + " has an unknown field '" + clipped(item.key())
                    + "' (the fields are weights, inputs, outputs)" };
        }
    }
    for (int o = 0; o < kOperands; ++o) {
        if (!j.contains(kOperandNames[o])) {
            out[o] = 0;
            continue;
        }
        const Json& v = j.at(kOperandNames[o]);
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > max) {
            return Error { ErrorCode::BadField,
                where + "." + kOperandNames[o] + " must be a number from 0 to " + std::to_string(max) + ", not "
                    + quoted(v) };
        }
        out[o] = v.get<T>();
    }
    return std::nullopt;
}

/// Only the limits that are set: an absent key means "no limit"; a present one must be positive.
inline Json budgetToJson(const Budget& b)
{
    Json j = Json::object();
    if (b.dsp > 0)
        j["dsp"] = b.dsp;
    if (b.bram18 > 0)
        j["bram18"] = b.bram18;
    if (b.areaMm2 > 0)
        j["area_mm2"] = b.areaMm2;
    if (b.pes > 0)
        j["pes"] = b.pes;
    if (b.gbBytes > 0)
        j["gb_bytes"] = b.gbBytes;
    if (b.rfBytesPerPe > 0)
        j["rf_bytes_per_pe"] = b.rfBytesPerPe;
    return j;
}

} // namespace dna::io::detail
