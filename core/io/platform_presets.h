#pragma once

#include "accel/platform.h"

#include <string>
#include <vector>

namespace dna::io {

/// The platforms shipped in resources/platforms/ (embedded at build time), in file-name order, parsed once by
/// platformFromJson. accel::platformPresets() adds the user's files to these.
const std::vector<accel::Platform>& builtinPlatforms();
const accel::Platform* builtinPlatform(const std::string& name);
std::string builtinPlatformNames();

/// The user's platform files in `dir` (*.json, in file-name order) after `known`: each parsed by
/// platformFromJson; a file that cannot be read or parsed, or whose name is already taken, is skipped with a
/// line in `problems` naming the file and why.
std::vector<accel::Platform> loadPlatformDir(
    const std::string& dir, const std::vector<accel::Platform>& known, std::vector<std::string>& problems);

} // namespace dna::io
