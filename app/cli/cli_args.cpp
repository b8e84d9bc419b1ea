#include "cli_args.h"

#include <algorithm>

namespace dna::cli {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& s)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}
} // namespace

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& valueOptions,
    const std::vector<std::string>& flagOptions, const std::vector<std::string>& repeatedOptions)
{
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            throw UsageError("unexpected argument '" + arg + "' (options start with --)");
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (contains(flagOptions, name)) {
            if (inlineValue) {
                throw UsageError("--" + name + " takes no value");
            }
            m_flags[name] = true;
        } else if (contains(valueOptions, name) || contains(repeatedOptions, name)) {
            std::string v;
            if (inlineValue) {
                v = *inlineValue;
            } else if (i + 1 < argv.size()) {
                v = argv[++i];
            } else {
                throw UsageError("--" + name + " needs a value");
            }
            auto& slot = m_values[name];
            if (!slot.empty() && !contains(repeatedOptions, name)) {
                throw UsageError("--" + name + " given twice");
            }
            slot.push_back(v);
        } else {
            std::string known;
            for (const auto& o : valueOptions)
                known += " --" + o;
            for (const auto& o : repeatedOptions)
                known += " --" + o;
            for (const auto& o : flagOptions)
                known += " --" + o;
            throw UsageError("unknown option --" + name + " (known:" + known + ")");
        }
    }
}

bool Args::flag(const std::string& name) const { return m_flags.count(name) > 0; }

std::optional<std::string> Args::value(const std::string& name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second.front();
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const
{
    return value(name).value_or(fallback);
}

std::vector<std::string> Args::values(const std::string& name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string> {} : it->second;
}

long long Args::integer(const std::string& name, long long fallback, long long min, long long max) const
{
    auto v = value(name);
    if (!v) {
        return fallback;
    }
    size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || n < min || n > max) {
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to "
            + std::to_string(max) + ", not '" + *v + "'");
    }
    return n;
}

} // namespace dna::cli
