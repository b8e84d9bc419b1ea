#include "store/export_files.h"

#include "io/timeloop_export.h"
#include "util/output_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace dna::store {

Expected<StoredDesign> loadStoredDesign(const RunStore& store, int64_t candidateId)
{
    const auto c = store.candidate(candidateId);
    if (!c) {
        return Error { ErrorCode::NoCandidate,
            "candidate " + std::to_string(candidateId) + " is not in the store " + store.path() };
    }
    if (c->designJson.empty()) {
        return Error { ErrorCode::BadDesign,
            "candidate " + std::to_string(candidateId)
                + " has no stored design (no feasible accelerator was found for it)" };
    }
    StoredDesign out;
    out.candidateId = candidateId;
    out.json = io::Json::parse(c->designJson, nullptr, false);
    auto design = io::designFromJson(out.json);
    if (!design) {
        return Error { ErrorCode::BadDesign,
            "the stored design of candidate " + std::to_string(candidateId)
                + " is unreadable: " + design.error().detail };
    }
    out.design = std::move(design).value();
    return out;
}

namespace {

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({ std::fabs(a), std::fabs(b), 1e-300 }); }

} // namespace

std::string storedLayersDiffer(
    const std::vector<LayerMappingRecord>& stored, const accel::Design& design, const accel::DesignCost& cost)
{
    if (stored.empty()) {
        return {};
    }
    if (stored.size() != cost.layers.size()) {
        return "the store has " + std::to_string(stored.size()) + " layers, the design "
            + std::to_string(cost.layers.size());
    }
    static const char* const levels[5] = { "MAC", "RF", "NoC", "GB", "DRAM" };
    for (size_t i = 0; i < stored.size(); ++i) {
        const LayerMappingRecord& s = stored[i];
        const accel::LayerCost& lc = cost.layers[i];
        const std::string layer = "layer " + std::to_string(i) + " (" + design.network.layers[i].name + "): ";
        auto differs = [&](const std::string& what, double was, double now) {
            return layer + what + " stored " + shortestNumber(was) + ", now " + shortestNumber(now);
        };
        if (s.engine != cost.layerEngine[i]) {
            return differs("engine", s.engine, cost.layerEngine[i]);
        }
        if (!near(s.cycles, lc.cycles)) {
            return differs("cycles", s.cycles, lc.cycles);
        }
        const double now[5] = { lc.energyPj.mac, lc.energyPj.rf, lc.energyPj.noc, lc.energyPj.gb, lc.energyPj.dram };
        for (int k = 0; k < 5; ++k) {
            if (!near(s.energyPj[size_t(k)], now[k])) {
                return differs(std::string(levels[k]) + " energy (pJ)", s.energyPj[size_t(k)], now[k]);
            }
        }
        if (!near(s.utilization, lc.utilization)) {
            return differs("utilization", s.utilization, lc.utilization);
        }
        if (s.bound != accel::boundName(lc.bound)) {
            return layer + "bound stored " + s.bound + ", now " + accel::boundName(lc.bound);
        }
    }
    return {};
}

Expected<std::vector<StoredDesign>> loadStoredDesigns(const RunStore& store, const std::vector<int64_t>& candidateIds)
{
    if (candidateIds.empty()) {
        return Error { ErrorCode::NoCandidates, "no candidates to export" };
    }
    std::vector<StoredDesign> out;
    out.reserve(candidateIds.size());
    for (int64_t id : candidateIds) {
        auto d = loadStoredDesign(store, id);
        if (!d) {
            return d.error();
        }
        out.push_back(std::move(d).value());
    }
    return out;
}

std::string fileSafeName(std::string_view name)
{
    std::string out(name);
    for (char& ch : out) {
        const bool safe = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'
            || ch == '.' || ch == '-';
        if (!safe) {
            ch = '_';
        }
    }
    return out;
}

std::string designFileName(int64_t candidateId) { return "candidate-" + std::to_string(candidateId) + ".json"; }

std::string weightsFileName(int64_t candidateId) { return "candidate-" + std::to_string(candidateId) + ".weights.pt"; }

std::string timeloopFileName(int64_t candidateId, size_t layerIndex, const std::string& layerName)
{
    char index[24];
    std::snprintf(index, sizeof index, "%03zu", layerIndex);
    return "candidate-" + std::to_string(candidateId) + '_' + index + '_' + fileSafeName(layerName) + ".yaml";
}

namespace {

std::optional<Error> makeFolder(const std::string& dir)
{
    std::error_code ec;
    if (dir.empty()) {
        return Error { ErrorCode::BadPath, "no folder given" };
    }
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir, ec)) {
        return Error { ErrorCode::BadPath,
            "cannot create the folder '" + dir + "'" + (ec ? ": " + ec.message() : std::string()) };
    }
    return std::nullopt;
}

std::string inFolder(const std::string& dir, const std::string& name)
{
    return (std::filesystem::path(dir) / name).string();
}

} // namespace

Expected<std::vector<std::string>> writeDesignFiles(const std::vector<StoredDesign>& designs, const std::string& dir)
{
    if (auto e = makeFolder(dir)) {
        return *e;
    }
    std::vector<std::string> written;
    for (const auto& d : designs) {
        const std::string path = inFolder(dir, designFileName(d.candidateId));
        if (auto e = io::writeJsonFile(path, d.json)) {
            return *e;
        }
        written.push_back(path);
    }
    return written;
}

Expected<std::vector<std::string>> writeTimeloopFiles(const std::vector<StoredDesign>& designs, const std::string& dir)
{
    if (auto e = makeFolder(dir)) {
        return *e;
    }
    std::vector<std::string> written;
    for (const auto& d : designs) {
        const auto& layers = d.design.network.layers;
        for (size_t i = 0; i < layers.size(); ++i) {
            const std::string path = inFolder(dir, timeloopFileName(d.candidateId, i, layers[i].name));
            if (auto e = writeOutputFile(path, io::timeloopYaml(d.design, i))) {
                return *e;
            }
            written.push_back(path);
        }
    }
    return written;
}

std::string shortestNumber(double value)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

const std::vector<CandidateColumn>& candidateColumns()
{
    using C = const CandidateRecord&;
    static const std::vector<CandidateColumn> columns = {
        { "id", [](C c) { return std::to_string(c.id); } },
        { "run", [](C c) { return std::to_string(c.runId); } },
        { "epoch", [](C c) { return std::to_string(c.epoch); } },
        { "genotype", [](C c) { return csvField(c.genotype); } },
        { "accuracy", [](C c) { return shortestNumber(c.accuracy); } },
        { "accuracy_kind", [](C c) { return csvField(c.accuracyKind); } },
        { "fps", [](C c) { return shortestNumber(c.fps); } },
        { "latency_ms", [](C c) { return shortestNumber(c.latencyMs); } },
        { "energy_uj", [](C c) { return shortestNumber(c.energyUj); } },
        { "edp", [](C c) { return shortestNumber(c.edp); } },
        { "dsp", [](C c) { return shortestNumber(c.dsp); } },
        { "bram18", [](C c) { return std::to_string(c.bram18); } },
        { "area_mm2", [](C c) { return shortestNumber(c.areaMm2); } },
        { "valid", [](C c) { return std::string(c.valid ? "1" : "0"); } },
        { "on_front", [](C c) { return std::string(c.onFront ? "1" : "0"); } },
        { "estimate_epoch", [](C c) { return std::to_string(c.estimateEpoch); } },
        { "retrained_accuracy",
            [](C c) { return c.retrainedAccuracy >= 0 ? shortestNumber(c.retrainedAccuracy) : std::string(); } },
        { "retrained_epochs", [](C c) { return std::to_string(c.retrainedEpochs); } },
    };
    return columns;
}

const CandidateColumn* candidateColumn(std::string_view key)
{
    for (const auto& c : candidateColumns()) {
        if (key == c.key) {
            return &c;
        }
    }
    return nullptr;
}

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"') {
            quoted += '"';
        }
        quoted += ch;
    }
    return quoted + '"';
}

std::string candidatesCsv(
    const std::vector<const CandidateRecord*>& rows, const std::vector<const CandidateColumn*>& columns)
{
    std::string out;
    for (size_t i = 0; i < columns.size(); ++i) {
        out += i ? "," : "";
        out += columns[i]->key;
    }
    out += "\r\n";
    for (const CandidateRecord* r : rows) {
        for (size_t i = 0; i < columns.size(); ++i) {
            out += i ? "," : "";
            out += columns[i]->text(*r);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace dna::store
