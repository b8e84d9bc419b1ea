#pragma once

// Internal to core/store: the two backends behind RunStore::open, and the rows both write.
#include "store/run_store.h"

#include <string>

namespace dna::store {

/// The columns of a candidate row, and of a layer-mapping row, in the order candidateFields and mappingFields
/// give their values (the SQLite-style INSERT binds them, PostgreSQL's COPY streams them).
extern const char* const kCandidateFields;
extern const char* const kMappingFields;

/// Calls f(value) for each column of kCandidateFields in order; values are int64_t, double or std::string.
template <class F> void candidateFields(int64_t runId, const CandidateRecord& r, F&& f)
{
    f(runId);
    f(int64_t(r.epoch));
    f(r.genotype);
    f(r.accuracy);
    f(r.accuracyKind);
    f(r.fps);
    f(r.latencyMs);
    f(r.energyUj);
    f(r.edp);
    f(r.dsp);
    f(r.bram18);
    f(r.areaMm2);
    f(int64_t(r.valid));
    f(int64_t(r.onFront));
    f(r.designJson);
    f(r.weightsPath);
    f(int64_t(r.estimateEpoch));
    f(r.retrainedAccuracy);
    f(int64_t(r.retrainedEpochs));
}

/// Calls f(value) for each column of kMappingFields in order.
template <class F> void mappingFields(int64_t candidateId, const LayerMappingRecord& l, F&& f)
{
    f(candidateId);
    f(int64_t(l.layerIndex));
    f(l.name);
    f(l.type);
    f(l.shapeJson);
    f(int64_t(l.engine));
    f(l.dataflow);
    f(l.mappingJson);
    f(l.cycles);
    for (double e : l.energyPj) {
        f(e);
    }
    f(l.utilization);
    f(l.bound);
}

class Statement;
/// A run from a row of RunStore::runSelect().
RunInfo readRun(const Statement& s);
/// A reader's view of a run: `running` without a live writer means its process died (the next writer marks it).
RunInfo shownState(RunInfo r, bool writerAlive);

/// An SQLite file store (RunStore::open's errors for a path).
Expected<std::unique_ptr<RunStore>> openSqliteStore(const std::string& path, RunStore::Mode mode);

/// A PostgreSQL store (RunStore::open's errors for a postgresql:// or postgres:// URI).
Expected<std::unique_ptr<RunStore>> openPgStore(const std::string& uri, RunStore::Mode mode);

} // namespace dna::store
