// Platforms are data: the presets are resources/platforms/*.json, embedded by CMake (cmake/DnaPlatforms.cmake
// writes the table io/embedded_platforms.h declares), and the user's own files join them. Both go through
// platformFromJson.
#include "io/platform_presets.h"

#include "io/embedded_platforms.h"
#include "io/json_io.h"
#include "util/data_dir.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace dna::io {

namespace {

std::vector<accel::Platform> parseBuiltins()
{
    std::vector<accel::Platform> list;
    for (int i = 0; i < kEmbeddedPlatformFileCount; ++i) {
        const EmbeddedPlatformFile& file = kEmbeddedPlatformFiles[i];
        auto j = parseJson(file.text, file.name);
        if (!j) {
            continue; // tst_json_io parses every shipped file, so a broken one fails the tests, not the user
        }
        auto p = platformFromJson(*j);
        if (p) {
            list.push_back(std::move(p).value());
        }
    }
    return list;
}

struct Loaded {
    std::vector<accel::Platform> platforms;
    std::vector<std::string> problems;
};

const Loaded& loaded()
{
    static const Loaded all = [] {
        Loaded l;
        l.platforms = builtinPlatforms();
        const auto user = loadPlatformDir(accel::userPlatformDir(), l.platforms, l.problems);
        l.platforms.insert(l.platforms.end(), user.begin(), user.end());
        return l;
    }();
    return all;
}

const accel::Platform* findIn(const std::vector<accel::Platform>& list, const std::string& name)
{
    for (const auto& p : list) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

std::string joinNames(const std::vector<accel::Platform>& list)
{
    std::string s;
    for (const auto& p : list) {
        s += (s.empty() ? "" : ", ") + p.name;
    }
    return s;
}

} // namespace

const std::vector<accel::Platform>& builtinPlatforms()
{
    static const std::vector<accel::Platform> list = parseBuiltins();
    return list;
}

const accel::Platform* builtinPlatform(const std::string& name) { return findIn(builtinPlatforms(), name); }

std::string builtinPlatformNames() { return joinNames(builtinPlatforms()); }

std::vector<accel::Platform> loadPlatformDir(
    const std::string& dir, const std::vector<accel::Platform>& known, std::vector<std::string>& problems)
{
    namespace fs = std::filesystem;
    std::vector<accel::Platform> found;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        return found;
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".json" && it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        auto j = readJsonFile(path.string());
        if (!j) {
            problems.push_back(path.string() + ": " + j.error().detail + " (skipped)");
            continue;
        }
        auto p = platformFromJson(*j);
        if (!p) {
            problems.push_back(path.string() + ": " + p.error().detail + " (skipped)");
            continue;
        }
        if (findIn(known, p->name) || findIn(found, p->name)) {
            problems.push_back(path.string() + ": the name '" + p->name
                + "' is already a platform; give the file another \"name\" (skipped)");
            continue;
        }
        found.push_back(std::move(p).value());
    }
    return found;
}

} // namespace dna::io

namespace dna::accel {

const std::vector<Platform>& platformPresets() { return io::loaded().platforms; }

const Platform* findPlatform(const std::string& name) { return io::findIn(platformPresets(), name); }

std::string platformNames() { return io::joinNames(platformPresets()); }

const std::vector<std::string>& platformLoadProblems() { return io::loaded().problems; }

std::string userPlatformDir()
{
    if (const char* dir = std::getenv("DNA_PLATFORM_DIR"); dir && *dir) {
        return dir;
    }
    return userDataDir() + "/platforms";
}

} // namespace dna::accel
