#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dna::cli {

/// Thrown for bad usage; main() turns it into exit code 2 with the message.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A small `--name value` / `--flag` parser. Options are declared up front so a typo is an error, not ignored.
class Args {
public:
    Args(const std::vector<std::string>& argv, const std::vector<std::string>& valueOptions,
        const std::vector<std::string>& flagOptions, const std::vector<std::string>& repeatedOptions = {});

    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    std::vector<std::string> values(const std::string& name) const;
    /// An integer option within [min, max]; names the option and the range when it is not.
    long long integer(const std::string& name, long long fallback, long long min, long long max) const;

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::map<std::string, bool> m_flags;
};

} // namespace dna::cli
