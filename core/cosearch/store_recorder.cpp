#include "cosearch/store_recorder.h"

#include "accel/dataflow.h"
#include "hwsearch/objective.h"
#include "io/json_io.h"

#include <filesystem>

namespace dna::cosearch {

store::CandidateRecord candidateRecord(const CandidateEvent& ev)
{
    store::CandidateRecord c;
    c.epoch = ev.epoch;
    c.genotype = ev.genotype;
    c.accuracy = ev.accuracy;
    c.accuracyKind = ev.accuracyKind;
    c.estimateEpoch = ev.estimateEpoch;
    if (ev.accuracyKind == "retrained") {
        c.retrainedAccuracy = ev.accuracy;
        c.retrainedEpochs = ev.retrainedEpochs;
    }
    c.weightsPath = ev.weightsPath;
    c.valid = ev.cost.valid();
    c.fps = ev.cost.fps;
    c.latencyMs = ev.cost.latencyMs;
    c.energyUj = ev.cost.energyUj;
    c.edp = ev.cost.edp;
    c.dsp = ev.cost.resources.dsp;
    c.bram18 = ev.cost.resources.bram18;
    c.areaMm2 = ev.cost.resources.areaMm2;
    if (c.valid) {
        c.designJson = io::designToJson(ev.design, &ev.cost).dump();
    }
    return c;
}

std::vector<store::LayerMappingRecord> layerMappingRecords(const CandidateEvent& ev)
{
    std::vector<store::LayerMappingRecord> out;
    if (!ev.cost.valid()) {
        return out;
    }
    const io::Json layers = io::costToJson(ev.design, ev.cost)["layers"];
    for (size_t i = 0; i < ev.cost.layers.size(); ++i) {
        const auto& lc = ev.cost.layers[i];
        const auto& j = layers[i];
        store::LayerMappingRecord r;
        r.layerIndex = int(i);
        r.name = ev.design.network.layers[i].name;
        r.type = j["type"].get<std::string>();
        r.shapeJson = j["shape"].dump();
        r.engine = ev.cost.layerEngine[i];
        r.dataflow = j["dataflow"].get<std::string>();
        r.mappingJson = j["mapping"].dump();
        r.cycles = lc.cycles;
        r.energyPj = { lc.energyPj.mac, lc.energyPj.rf, lc.energyPj.noc, lc.energyPj.gb, lc.energyPj.dram };
        r.utilization = lc.utilization;
        r.bound = accel::boundName(lc.bound);
        out.push_back(std::move(r));
    }
    return out;
}

int64_t createRunFor(store::RunStore& store, const SearchRequest& request, const std::string& name)
{
    store::RunInfo run;
    run.name = name;
    run.requestJson = requestToJson(request).dump();
    run.seed = int64_t(request.seed);
    run.appVersion = DNA_VERSION_STRING;
    run.objective = hwsearch::objectiveName(request.objective);
    return store.createRun(run);
}

std::string checkpointPathFor(const std::string& storeLocation, int64_t runId)
{
    return store::localFileFor(storeLocation, "run" + std::to_string(runId), ".supernet.pt");
}

bool recordEpoch(store::RunStore& store, int64_t runId, const EpochEvent& ev, const std::string& checkpointPath,
    bool checkpointRecorded)
{
    const nlohmann::json metrics { { "probabilities", ev.probabilities }, { "derived", ev.derivedGenotype },
        { "derived_fps", ev.derivedFps }, { "derived_energy_uj", ev.derivedEnergyUj } };
    store.addEpoch(runId, { ev.epoch, ev.trainLoss, ev.valAccuracy, ev.tau, ev.lambda, ev.seconds, metrics.dump() });
    std::error_code ec;
    if (!checkpointRecorded && !checkpointPath.empty() && std::filesystem::exists(checkpointPath, ec)) {
        store.addCheckpoint(runId, ev.epoch, checkpointPath);
        checkpointRecorded = true;
    }
    return checkpointRecorded;
}

StoreRecorder::StoreRecorder(store::RunStore& store, int64_t runId, std::string checkpointPath, size_t batchSize)
    : m_store(store)
    , m_runId(runId)
    , m_checkpoint(std::move(checkpointPath))
    , m_batchSize(batchSize)
{
}

StoreRecorder::~StoreRecorder()
{
    try {
        flush();
    } catch (...) {
        // Nothing to report to from a destructor; the caller flushes explicitly on the normal path.
    }
}

std::vector<int64_t> StoreRecorder::candidate(const CandidateEvent& ev)
{
    add(candidateRecord(ev), layerMappingRecords(ev));
    return m_pending.size() >= m_batchSize ? flush() : std::vector<int64_t> {};
}

void StoreRecorder::add(store::CandidateRecord record, std::vector<store::LayerMappingRecord> mappings, bool fromSearch)
{
    m_pending.push_back(std::move(record));
    m_pendingMappings.push_back(std::move(mappings));
    m_pendingFromSearch.push_back(fromSearch);
}

std::vector<int64_t> StoreRecorder::epoch(const EpochEvent& ev)
{
    auto ids = flush();
    m_checkpointRecorded = recordEpoch(m_store, m_runId, ev, m_checkpoint, m_checkpointRecorded);
    return ids;
}

std::vector<store::EstimateRecord> estimateRecords(
    const std::vector<EstimateEvent>& events, const std::vector<int64_t>& idsInSearchOrder)
{
    std::vector<store::EstimateRecord> out;
    for (const auto& e : events) {
        if (e.candidate >= 0 && size_t(e.candidate) < idsInSearchOrder.size()
            && idsInSearchOrder[size_t(e.candidate)]) {
            out.push_back({ idsInSearchOrder[size_t(e.candidate)], e.estimateEpoch, e.accuracy, "supernet" });
        }
    }
    return out;
}

std::vector<int64_t> StoreRecorder::estimates(
    const std::vector<EstimateEvent>& events, std::vector<store::EstimateRecord>* written)
{
    auto ids = flush(false); // updateEstimates recomputes the front once
    const auto rows = estimateRecords(events, m_ids);
    m_store.updateEstimates(m_runId, rows);
    if (written) {
        *written = rows;
    }
    return ids;
}

int64_t StoreRecorder::candidateId(int position) const
{
    return position >= 0 && size_t(position) < m_ids.size() ? m_ids[size_t(position)] : 0;
}

std::vector<int64_t> StoreRecorder::flush(bool front)
{
    if (m_pending.empty()) {
        return {};
    }
    auto ids = m_store.addCandidates(m_runId, m_pending, m_pendingMappings);
    for (size_t i = 0; i < ids.size(); ++i) {
        if (m_pendingFromSearch[i]) {
            m_ids.push_back(ids[i]);
        }
    }
    m_pending.clear();
    m_pendingMappings.clear();
    m_pendingFromSearch.clear();
    if (front) {
        m_store.updateFront(m_runId);
    }
    return ids;
}

} // namespace dna::cosearch
