#pragma once

// Internal to core/io: the field reader and small converters shared by the JSON readers and writers.
#include "accel/dataflow.h"
#include "accel/design.h"
#include "util/expected.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

namespace dna::io::detail {

using Json = nlohmann::json;
using namespace dna::workload;
using namespace dna::accel;

/// Reads fields of one JSON object, remembering the first problem with a path such as "layers[3].kernel".
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

    bool has(const char* key) const { return m_j.is_object() && m_j.contains(key); }
    const Json& at(const char* key) const { return m_j.at(key); }
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
        if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
            fail(key,
                "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", not "
                    + v.dump());
            return min;
        }
        return v.get<long long>();
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
            fail(key, "must be a number from " + fmt(min) + " to " + fmt(max) + ", not " + v.dump());
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
            fail(key, "must be a string, not " + m_j.at(key).dump());
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
            m_error = Error { "bad_field",
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

inline std::optional<Error> dimsFromJson(
    const Json& j, const std::string& where, std::array<int, kDims>& out, int fallback)
{
    if (!j.is_object()) {
        return Error { "bad_field", where + " must be an object such as {\"K\": 4, \"C\": 2}" };
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
            return Error { "bad_field",
                where + " has unknown dimension '" + key + "' (dimensions are N G K C Y X R S)" };
        }
        if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > (1 << 24)) {
            return Error { "bad_field",
                where + "." + key + " must be a whole number of at least 1, not " + value.dump() };
        }
        out[d] = value.get<int>();
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

inline std::optional<Error> orderFromString(const Json& j, const std::string& where, std::array<int, kDims>& out)
{
    const std::string msg = where + " must be a permutation of the letters NGKCYXRS, innermost loop first";
    if (!j.is_string() || j.get<std::string>().size() != kDims) {
        return Error { "bad_field", msg };
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
            return Error { "bad_field", msg + ", not \"" + s + "\"" };
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
std::optional<Error> operandsFromJson(
    const Json& j, const std::string& where, std::array<T, kOperands>& out, double max)
{
    if (!j.is_object()) {
        return Error { "bad_field", where + " must be an object with weights, inputs, outputs" };
    }
    for (int o = 0; o < kOperands; ++o) {
        if (!j.contains(kOperandNames[o])) {
            out[o] = 0;
            continue;
        }
        const Json& v = j.at(kOperandNames[o]);
        if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > max) {
            return Error { "bad_field",
                where + "." + kOperandNames[o] + " must be a number from 0 to " + std::to_string(max) + ", not "
                    + v.dump() };
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
