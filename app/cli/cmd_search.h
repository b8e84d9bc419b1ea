#pragma once

// dna-cli search as a function, so that a sweep's task runs the very same search (cmd_sweep.cpp).
#include "cosearch/co_search.h"

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace dna::store {
class RunStore;
}

namespace dna::cli {

/// The value options of `dna-cli search`: what a sweep's grid may vary (and fix for every task).
const std::vector<std::string>& searchValueOptions();

/// A search as its options ask for it. Throws UsageError for bad options; a bad --platform returns an error.
struct SearchOptions {
    cosearch::SearchRequest request;
    std::string store; // --db, or the default store
    std::string name; // --name, or made from the request
    bool json = false;
};
Expected<SearchOptions> parseSearch(const std::vector<std::string>& argv);

/// What a caller adds to a search (a sweep's task): called after the store opened, before the run is created
/// (returning false ends the search with exit code 0 and no run), and once the run exists.
struct SearchHooks {
    std::function<bool(store::RunStore&)> beforeRun;
    std::function<void(store::RunStore&, int64_t runId)> runCreated;
};

/// `dna-cli search` with these arguments; returns its exit code.
int runSearch(
    const std::vector<std::string>& argv, std::ostream& out, std::ostream& err, const SearchHooks& hooks = {});

} // namespace dna::cli
