#pragma once

#include "cosearch/co_search.h"
#include "store/run_store.h"

#include <vector>

namespace dna::cosearch {

/// The store rows of a candidate event: the candidate (with its design file) and its per-layer mappings.
store::CandidateRecord candidateRecord(const CandidateEvent& ev);
std::vector<store::LayerMappingRecord> layerMappingRecords(const CandidateEvent& ev);

/// The one way a search's run is created, by dna-cli search and the explorer alike: the request's name, JSON, seed
/// and objective, and this build's version. Returns the run's id.
int64_t createRunFor(store::RunStore& store, const SearchRequest& request, const std::string& name);

/// Where a run's supernet checkpoint goes: store::localFileFor(store location, "run<id>", ".supernet.pt"), a name no
/// other run had (ids are reused after a purge).
std::string checkpointPathFor(const std::string& storeLocation, int64_t runId);

/// Writes an epoch with its metrics (architecture probabilities, the derived network and its cost) and, once the
/// run's checkpoint file exists and `checkpointRecorded` is false, the checkpoint's path (one file per run,
/// overwritten after every epoch). Returns whether the checkpoint is recorded after this call.
bool recordEpoch(store::RunStore& store, int64_t runId, const EpochEvent& ev, const std::string& checkpointPath,
    bool checkpointRecorded);

/// Persists a co-search's events in a run: candidates in batches (one transaction each), re-estimates, epochs
/// with the checkpoint, and the on-front flags after every flush. The one way a search is recorded: dna-cli
/// search feeds it events, the explorer's controller rows it prepared on the search's thread. Use it on the
/// thread that owns the writer store.
class StoreRecorder {
public:
    /// `checkpointPath`: the search's supernet checkpoint (SearchRequest::checkpointPath), recorded with the first
    /// epoch that wrote it.
    StoreRecorder(store::RunStore& store, int64_t runId, std::string checkpointPath = {}, size_t batchSize = 8);
    ~StoreRecorder();

    /// Buffers the candidate; returns the ids written when this call flushed a batch.
    std::vector<int64_t> candidate(const CandidateEvent& ev);
    /// Buffers a candidate whose rows were made already (candidateRecord, layerMappingRecords). `fromSearch`: one of
    /// the search's own candidates, whose positions estimate events name (false: a re-scored earlier one).
    void add(store::CandidateRecord record, std::vector<store::LayerMappingRecord> mappings, bool fromSearch = true);
    std::vector<int64_t> epoch(const EpochEvent& ev);
    /// Writes what is buffered, then the new accuracies (positions of the candidate callback's order), which
    /// recomputes the front; `written` receives the rows it stored. Returns the new candidate ids.
    std::vector<int64_t> estimates(
        const std::vector<EstimateEvent>& events, std::vector<store::EstimateRecord>* written = nullptr);
    /// The store id of the candidate the search streamed at `position`, 0 when not yet written.
    int64_t candidateId(int position) const;
    /// Writes what is buffered (one transaction) and, with `front`, refreshes the front flags; returns the ids of
    /// every candidate it wrote, in order.
    std::vector<int64_t> flush(bool front = true);

private:
    store::RunStore& m_store;
    int64_t m_runId;
    std::string m_checkpoint;
    bool m_checkpointRecorded = false;
    size_t m_batchSize;
    std::vector<store::CandidateRecord> m_pending;
    std::vector<std::vector<store::LayerMappingRecord>> m_pendingMappings;
    std::vector<bool> m_pendingFromSearch;
    std::vector<int64_t> m_ids; // store ids in the search's candidate order
};

/// The store rows of re-estimates, given the store ids of the run's candidates in the search's order (events
/// naming a position without an id are left out).
std::vector<store::EstimateRecord> estimateRecords(
    const std::vector<EstimateEvent>& events, const std::vector<int64_t>& idsInSearchOrder);

} // namespace dna::cosearch
