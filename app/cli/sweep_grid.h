#pragma once

// A sweep's grid: axes of `dna-cli search` options and seeds, expanded into one task per grid point.
#include "store/run_store.h"

#include <string>
#include <vector>

namespace dna::cli {

struct GridAxis {
    std::string option; // a `dna-cli search` value option (seed for --seeds)
    std::vector<std::string> values;
};

struct Grid {
    std::vector<GridAxis> axes; // the first varies slowest
    std::vector<std::string> fixed; // search options every task gets, as arguments ("--epochs", "2", ...)

    size_t taskCount() const;
    /// The tasks, index 0 first: params (the grid point) and args (fixed options, then the point's options).
    std::vector<store::SweepTaskRecord> tasks() const;
    /// {"axes": [{"option": "dsp", "values": ["300", "600"]}, ...], "fixed": [...]} for the store.
    std::string toJson() const;
    /// "dsp=300,600 x seed=1,2,3"
    std::string describe() const;
};

/// Adds an axis from `--grid option=v1,v2,...` (UsageError naming the allowed options when the option is not a
/// search value option, or it repeats an axis).
void addGridAxis(Grid& grid, const std::string& spec);
/// Adds the seed axis from `--seeds 1-3` or `--seeds 1,4,9`.
void addSeedAxis(Grid& grid, const std::string& spec);
/// Reads a grid file: {"axes": {"dsp": [300, 600], "lambda": [0.1, 0.3]}, "seeds": [1, 2, 3],
/// "options": {"epochs": 2}} (axes in the file's order of keys, alphabetical).
void readGridFile(Grid& grid, const std::string& path);

} // namespace dna::cli
