#pragma once

// Helpers shared by `dna-cli nas` and `dna-cli train`: option parsing for numbers and the mapping of core
// errors to exit codes.
#include "cli_args.h"
#include "cli_command.h"

#include "nas/supernet.h"
#include "util/expected.h"

#include <chrono>
#include <ostream>
#include <sstream>
#include <string>

namespace dna::cli {

/// A real-valued option within [min, max]; names the option and the range when it is not.
inline double realOption(const Args& args, const std::string& name, double fallback, double min, double max)
{
    auto v = args.value(name);
    if (!v) {
        return fallback;
    }
    size_t used = 0;
    double x = 0;
    try {
        x = std::stod(*v, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != v->size() || !(x >= min && x <= max)) {
        std::ostringstream range;
        range << min << " to " << max;
        throw UsageError("--" + name + " must be a number from " + range.str() + ", not '" + *v + "'");
    }
    return x;
}

/// --supernet shared|separate (fallback when absent); names the allowed values otherwise.
inline nas::WeightSharing supernetOption(const Args& args, nas::WeightSharing fallback)
{
    auto v = args.value("supernet");
    if (!v) {
        return fallback;
    }
    nas::WeightSharing s;
    if (!nas::parseWeightSharing(*v, s)) {
        throw UsageError("--supernet must be shared or separate, not '" + *v + "'");
    }
    return s;
}

/// Prints the progress status to `err` at most every few seconds, so long runs show they are alive.
class ProgressPrinter {
public:
    ProgressPrinter(std::ostream& err, std::string command)
        : m_err(err)
        , m_command(std::move(command))
    {
    }
    void operator()(double done, double total, const std::string& status)
    {
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - m_last < std::chrono::seconds(5)) {
            return;
        }
        m_last = now;
        m_err << "dna-cli " << m_command << ": step " << long(done) << "/" << long(total) << " " << status << std::endl;
    }

private:
    std::ostream& m_err;
    std::string m_command;
    std::chrono::steady_clock::time_point m_last {};
};

} // namespace dna::cli
