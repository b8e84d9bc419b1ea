// libFuzzer targets for every reader of outside input: the JSON formats (network, platform, design), genotypes,
// the command line (through `dna-cli evaluate`, which reads networks, platforms and designs from its arguments)
// and store files. One source, one target per DNA_FUZZ_TARGET value. A target fails on a crash, a sanitizer
// report, or an exception that escapes where the product promises an Error instead.
#include "accel/cost_model.h"
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "io/json_io.h"
#include "store/run_store.h"
#include "workload/network.h"

#ifdef DNA_FUZZ_CLI
#include "cli_args.h"
#include "cli_command.h"
#endif

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace dna;

namespace {

std::string text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

/// Parses like the CLI does and hands the document to `read`; a parse error is an ordinary outcome.
template <class Read> void withJson(const uint8_t* data, size_t size, Read read)
{
    auto j = io::parseJson(text(data, size), "'input'");
    if (j) {
        read(*j);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 1 << 20) {
        return -1; // inputs past a megabyte teach nothing new and slow the search down
    }
#if defined(DNA_FUZZ_NETWORK)
    withJson(data, size, [](const io::Json& j) {
        auto net = io::networkFromJson(j);
        if (net) {
            (void)net->macs();
            (void)io::networkToJson(*net).dump();
        }
    });
#elif defined(DNA_FUZZ_PLATFORM)
    withJson(data, size, [](const io::Json& j) {
        auto p = io::platformFromJson(j);
        if (p) {
            // A platform that reads must carry a design: the heuristic mapper and the cost model on a small network.
            const auto d = accel::heuristicDesign(
                workload::builtinNetwork("alexnet").value(), *p, accel::dataflowIndex("ws"), 1);
            (void)accel::evaluateDesign(d);
        }
    });
#elif defined(DNA_FUZZ_DESIGN)
    withJson(data, size, [](const io::Json& j) {
        auto d = io::designFromJson(j);
        if (d) {
            const auto cost = accel::evaluateDesign(*d);
            (void)io::designToJson(*d, &cost).dump();
        }
    });
#elif defined(DNA_FUZZ_GENOTYPE)
    auto net = workload::networkFromGenotype(text(data, size));
    if (net) {
        (void)net->macs();
    }
#elif defined(DNA_FUZZ_CLI)
    // Arguments separated by newlines; no paths (a fuzzer must not read /dev/zero or write files).
    std::vector<std::string> argv;
    std::istringstream lines(text(data, size));
    for (std::string arg; std::getline(lines, arg);) {
        if (arg.find('/') != std::string::npos || arg.rfind("--out", 0) == 0 || arg.size() > 4096) {
            return -1;
        }
        argv.push_back(arg);
    }
    if (argv.size() > 32) {
        return -1;
    }
    for (const auto& c : cli::commands()) {
        if (c.name != "evaluate") {
            continue;
        }
        std::ostringstream out;
        std::ostringstream err;
        try {
            c.run(argv, out, err);
        } catch (const cli::UsageError&) {
            // bad usage: exit 2 with the message, as main() does
        }
    }
#elif defined(DNA_FUZZ_STORE)
    // The bytes as a store file, opened read-only (as dna-cli runs / front / export do) and read throughout.
    static const std::string path = "/tmp/dna-fuzz-store-" + std::to_string(::getpid()) + ".sqlite";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    auto s = store::RunStore::open(path, store::RunStore::Mode::ReadOnly);
    if (s) {
        try {
            for (const auto& r : (*s)->runs(true)) {
                for (const auto& c : (*s)->candidates(r.id, false, true)) {
                    (void)(*s)->layerMappings(c.id);
                    (void)(*s)->estimates(c.id);
                }
                (void)(*s)->epochs(r.id);
                (void)(*s)->frontAcross({ r.id });
            }
            (void)(*s)->integrityCheck();
        } catch (const std::exception&) {
            // a damaged file: readers report the SQLite error naming the store (CLI exit 1)
        }
    }
    s = Error {};
    for (const char* suffix : { "", "-wal", "-shm" }) {
        std::remove((path + suffix).c_str());
    }
#else
#error "define one DNA_FUZZ_* target"
#endif
    return 0;
}
