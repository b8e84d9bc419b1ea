#include "sweep_grid.h"

#include "cli_args.h"
#include "cmd_search.h"
#include "io/json_io.h"

#include <algorithm>

namespace dna::cli {

namespace {

/// Options a grid may not set: every task records into the sweep's store under the sweep's names.
bool sweepable(const std::string& option)
{
    const auto& all = searchValueOptions();
    return option != "db" && option != "name" && std::find(all.begin(), all.end(), option) != all.end();
}

std::string allowedOptions()
{
    std::string list;
    for (const auto& o : searchValueOptions()) {
        if (sweepable(o)) {
            list += (list.empty() ? "" : ", ") + o;
        }
    }
    return list;
}

void addAxis(Grid& grid, const std::string& option, std::vector<std::string> values)
{
    if (!sweepable(option)) {
        throw UsageError("a grid cannot vary '" + option + "'; it may vary " + allowedOptions());
    }
    for (const auto& a : grid.axes) {
        if (a.option == option) {
            throw UsageError("the grid varies '" + option + "' twice");
        }
    }
    if (values.empty() || std::any_of(values.begin(), values.end(), [](const auto& v) { return v.empty(); })) {
        throw UsageError("the grid's '" + option + "' needs values separated by commas, none empty");
    }
    grid.axes.push_back({ option, std::move(values) });
}

std::vector<std::string> splitCommas(const std::string& s)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t end = s.find(',', start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            return out;
        }
        start = end + 1;
    }
}

std::string jsonValueText(const io::Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

} // namespace

size_t Grid::taskCount() const
{
    size_t n = 1;
    for (const auto& a : axes) {
        n *= a.values.size();
    }
    return n;
}

std::vector<store::SweepTaskRecord> Grid::tasks() const
{
    std::vector<store::SweepTaskRecord> out;
    const size_t n = taskCount();
    for (size_t index = 0; index < n; ++index) {
        io::Json params = io::Json::object();
        io::Json args = io::Json::array();
        for (const auto& f : fixed) {
            args.push_back(f);
        }
        // Mixed radix, the last axis fastest.
        size_t rest = index;
        std::vector<size_t> digit(axes.size());
        for (size_t a = axes.size(); a-- > 0;) {
            digit[a] = rest % axes[a].values.size();
            rest /= axes[a].values.size();
        }
        for (size_t a = 0; a < axes.size(); ++a) {
            const std::string& v = axes[a].values[digit[a]];
            args.push_back("--" + axes[a].option);
            args.push_back(v);
            // Numbers stay numbers in the store (a view colours and plots by them).
            size_t used = 0, usedInt = 0;
            double x = 0;
            long long n = 0;
            try {
                x = std::stod(v, &used);
                n = std::stoll(v, &usedInt);
            } catch (const std::exception&) {
            }
            if (usedInt == v.size()) {
                params[axes[a].option] = n;
            } else if (used == v.size()) {
                params[axes[a].option] = x;
            } else {
                params[axes[a].option] = v;
            }
        }
        store::SweepTaskRecord t;
        t.index = int(index);
        t.paramsJson = params.dump();
        t.argsJson = args.dump();
        out.push_back(std::move(t));
    }
    return out;
}

std::string Grid::toJson() const
{
    io::Json a = io::Json::array();
    for (const auto& axis : axes) {
        a.push_back({ { "option", axis.option }, { "values", axis.values } });
    }
    return io::Json { { "axes", a }, { "fixed", fixed } }.dump();
}

std::string Grid::describe() const
{
    std::string s;
    for (const auto& a : axes) {
        s += (s.empty() ? "" : " x ") + a.option + "=";
        for (size_t i = 0; i < a.values.size(); ++i) {
            s += (i ? "," : "") + a.values[i];
        }
    }
    return s.empty() ? "one search" : s;
}

void addGridAxis(Grid& grid, const std::string& spec)
{
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
        throw UsageError("--grid takes OPTION=V1,V2,... (for example dsp=300,600,900), not '" + spec + "'");
    }
    std::string option = spec.substr(0, eq);
    if (option == "seeds") {
        option = "seed";
    }
    addAxis(grid, option, splitCommas(spec.substr(eq + 1)));
}

void addSeedAxis(Grid& grid, const std::string& spec)
{
    std::vector<std::string> seeds;
    const size_t dash = spec.find('-');
    if (dash != std::string::npos && dash > 0) {
        long long from = -1, to = -1;
        size_t a = 0, b = 0;
        try {
            from = std::stoll(spec.substr(0, dash), &a);
            to = std::stoll(spec.substr(dash + 1), &b);
        } catch (const std::exception&) {
        }
        if (a != dash || b != spec.size() - dash - 1 || from < 0 || to < from || to - from >= 10000) {
            throw UsageError(
                "--seeds takes FROM-TO (for example 1-3, at most 10000 seeds) or a list (1,4,9), not '" + spec + "'");
        }
        for (long long s = from; s <= to; ++s) {
            seeds.push_back(std::to_string(s));
        }
    } else {
        seeds = splitCommas(spec);
    }
    addAxis(grid, "seed", std::move(seeds));
}

void readGridFile(Grid& grid, const std::string& path)
{
    auto j = io::readJsonFile(path);
    if (!j) {
        throw UsageError("--grid-file: " + j.error().detail);
    }
    const io::Json& doc = *j;
    if (!doc.is_object()) {
        throw UsageError("--grid-file: " + path + " must hold a JSON object with \"axes\", \"seeds\", \"options\"");
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (it.key() != "axes" && it.key() != "seeds" && it.key() != "options") {
            throw UsageError(
                "--grid-file: unknown key '" + it.key() + "' in " + path + " (known: axes, seeds, options)");
        }
    }
    if (doc.contains("axes")) {
        if (!doc["axes"].is_object()) {
            throw UsageError("--grid-file: \"axes\" must map options to lists of values");
        }
        for (auto it = doc["axes"].begin(); it != doc["axes"].end(); ++it) {
            std::vector<std::string> values;
            for (const auto& v : (it.value().is_array() ? it.value() : io::Json::array({ it.value() }))) {
                values.push_back(jsonValueText(v));
            }
            addAxis(grid, it.key() == "seeds" ? "seed" : it.key(), values);
        }
    }
    if (doc.contains("seeds")) {
        const auto& s = doc["seeds"];
        if (s.is_string()) {
            addSeedAxis(grid, s.get<std::string>());
        } else {
            std::vector<std::string> values;
            for (const auto& v : (s.is_array() ? s : io::Json::array({ s }))) {
                values.push_back(jsonValueText(v));
            }
            addAxis(grid, "seed", values);
        }
    }
    if (doc.contains("options")) {
        if (!doc["options"].is_object()) {
            throw UsageError("--grid-file: \"options\" must map options to values");
        }
        for (auto it = doc["options"].begin(); it != doc["options"].end(); ++it) {
            if (!sweepable(it.key())) {
                throw UsageError("--grid-file: a sweep cannot set '" + it.key() + "'; it may set " + allowedOptions());
            }
            grid.fixed.push_back("--" + it.key());
            grid.fixed.push_back(jsonValueText(it.value()));
        }
    }
}

} // namespace dna::cli
