#pragma once

#include <cstdlib>
#include <string>

namespace dna {

/// The folder the explorer and the CLI keep their own files in (the default run store, the user's platforms):
/// $XDG_DATA_HOME, else ~/.local/share, else the working folder; then DnaExplorer/DNA Explorer, the folder Qt's
/// AppDataLocation gives the explorer.
inline std::string userDataDir()
{
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::string(home) + "/.local/share";
    } else {
        base = ".";
    }
    return base + "/DnaExplorer/DNA Explorer";
}

} // namespace dna
