#pragma once

// A co-search of a few seconds for tests: the fmnist space on synthetic 28x28 images, short epochs and small
// hardware searches. Shared by the core co-search tests and the explorer's GUI tests.
#include "cosearch/co_search.h"
#include "nas/dataset.h"

#include <memory>

namespace dna::testing {

inline std::shared_ptr<const nas::TrainTest> syntheticData()
{
    static auto data = [] {
        auto d = std::make_shared<nas::TrainTest>();
        d->train = nas::syntheticDataset(1200, 1, 28, 10, 5);
        d->test = nas::syntheticDataset(200, 1, 28, 10, 6);
        d->test.mean = d->train.mean;
        d->test.stddev = d->train.stddev;
        return d;
    }();
    return data;
}

/// The quick preset cut down: `epochs` epochs (the first weight-only) of 8 steps of 32 images, 3 candidates per
/// epoch, 1,500-evaluation hardware searches (3,000 for the one final network), one thread.
inline cosearch::SearchRequest smallSearchRequest(int epochs = 3)
{
    cosearch::SearchRequest r = cosearch::presetRequest("quick").value();
    r.data = syntheticData();
    r.epochs = epochs;
    r.warmupEpochs = 1;
    r.maxStepsPerEpoch = 8;
    r.batchSize = 32;
    r.archEvery = 1;
    r.hwEvery = 4;
    r.hwEvaluations = 1500;
    r.finalHwEvaluations = 3000;
    r.opMappingIterations = 4;
    r.candidatesPerEpoch = 3;
    r.valImages = 100;
    r.finalCandidates = 1;
    r.threads = 1;
    return r;
}

} // namespace dna::testing
