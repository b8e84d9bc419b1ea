#pragma once

#include "accel/cost_model.h"
#include "accel/design.h"
#include "util/expected.h"

#include <nlohmann/json.hpp>
#include <string>

namespace dna::io {

using Json = nlohmann::json;

/// File formats (README "File formats"). Readers validate every field and name the bad one with its allowed
/// values in the Error; they never throw for bad content.

Json layerToJson(const workload::Layer& l);
Expected<workload::Layer> layerFromJson(const Json& j, const std::string& where);

Json networkToJson(const workload::Network& net);
Expected<workload::Network> networkFromJson(const Json& j);
/// A built-in name, a genotype string, or a path to a JSON network / layer-list file.
Expected<workload::Network> resolveNetworkArg(const std::string& arg);

Json platformToJson(const accel::Platform& p);
Expected<accel::Platform> platformFromJson(const Json& j);
/// A preset name or a path to a JSON platform file.
Expected<accel::Platform> resolvePlatformArg(const std::string& arg);

Json acceleratorToJson(const accel::Accelerator& a);
Expected<accel::Accelerator> acceleratorFromJson(const Json& j);

Json mappingToJson(const accel::Mapping& m, const std::string& layerName);
Expected<accel::Mapping> mappingFromJson(const Json& j, const std::string& where);

/// The `evaluate` output: total {...} and layers [...] (schema in the README).
Json costToJson(const accel::Design& d, const accel::DesignCost& cost);

/// A design file: network, platform, accelerator, mappings and (informative) metrics.
Json designToJson(const accel::Design& d, const accel::DesignCost* cost);
Expected<accel::Design> designFromJson(const Json& j);
Expected<accel::Design> readDesignFile(const std::string& path);

/// Parses JSON text; the Error ("malformed_json") starts with `name` and gives the parse position, or the field
/// of a number out of range, or says the text nests deeper than 64 levels.
Expected<Json> parseJson(const std::string& text, const std::string& name);
/// Reads and parses a JSON file; the Error names the path and the parse position.
Expected<Json> readJsonFile(const std::string& path);
/// Writes as writeOutputFile does: a regular file atomically, through symbolic links, devices directly, every
/// error checked.
[[nodiscard]] std::optional<Error> writeJsonFile(const std::string& path, const Json& j);

} // namespace dna::io
