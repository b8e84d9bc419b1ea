#pragma once

#include "hwsearch/objective.h"
#include "store/run_store.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <map>
#include <optional>
#include <vector>

namespace dna::session {

/// One task of a sweep as the Sweeps view summarises it: its grid point and its run's front.
struct SweepTaskFront {
    int index = 0;
    qint64 runId = 0;
    QString state;
    std::map<QString, QVariant> params; // option -> number or text
    std::vector<store::CandidateRecord> front;
};

/// One epoch of a search's architecture probabilities: per searchable layer, per op.
struct EpochProbabilities {
    int epoch = 0;
    std::vector<std::vector<double>> probabilities;
};

/// The selected candidates as the detail views need them: the current one (the last selected) with the per-layer
/// figures the store recorded for it, and the one selected before it (when two or more are selected). Nothing
/// selected: both empty.
struct SelectedCandidates {
    std::optional<store::CandidateRecord> current;
    std::vector<store::LayerMappingRecord> currentLayers;
    std::optional<store::CandidateRecord> previous;
};

/// What the RunsPresenter tells the views that show runs. A view implements the calls it cares about (each has an
/// empty default) and is registered once with RunsPresenter::addView; the presenter reads the store and calls every
/// view in the order they were added. Calls come on the presenter's (the GUI) thread.
class RunsView {
public:
    virtual ~RunsView() = default;

    /// Another store was opened (null: the old one is about to close). A view that reads or edits runs itself keeps
    /// the pointer; it stays valid until the next call.
    virtual void storeChanged(store::RunStore* /*store*/) { }
    /// Everything shown goes: other runs are about to be shown.
    virtual void clearRuns() { }
    /// One run leaves the views (deleted, or the previous live run).
    virtual void removeRun(qint64 /*runId*/) { }
    /// A shown run's name: when it joins the views (before its candidates) and after a rename.
    virtual void setRunName(qint64 /*runId*/, const QString& /*name*/) { }
    /// Candidates of shown runs, new or read for the first time, with their latest accuracy.
    virtual void addCandidates(const std::vector<store::CandidateRecord>& /*candidates*/) { }
    /// Shown candidates estimated again with later supernet weights.
    virtual void updateEstimates(const std::vector<store::EstimateRecord>& /*estimates*/) { }
    /// A shown candidate trained from scratch: the record carries its retrained accuracy.
    virtual void setRetrained(const store::CandidateRecord& /*candidate*/) { }
    /// The objective the shown runs' fronts trade against accuracy (the first shown run's).
    virtual void setObjective(hwsearch::Objective /*objective*/) { }
    /// These runs were just chosen (opened, compared, started); `keepView` when the views follow runs they already
    /// show (a sweep growing) rather than showing new ones.
    virtual void runsShown(const QList<qint64>& /*runIds*/, bool /*keepView*/) { }
    /// Why the one run just shown has nothing to plot (it failed, with its error; it stopped before its first
    /// epoch; none of its candidates has a valid design; it runs in another process), translated; empty for the
    /// usual text. Not told for the run this process is searching (the window says how far it is).
    virtual void setEmptyNote(const QString& /*note*/) { }
    /// The search history of the one run shown (its op names and the probabilities of each epoch so far); run 0 and
    /// nothing when several runs or none are shown.
    virtual void setSearchHistory(
        qint64 /*runId*/, const QStringList& /*opNames*/, const std::vector<EpochProbabilities>& /*epochs*/)
    {
    }
    /// One more epoch of the run whose history is shown.
    virtual void appendEpoch(qint64 /*runId*/, const EpochProbabilities& /*epoch*/) { }
    /// The store's list of runs changed (a run started or ended here, or other writers committed: `onlyChanged`, when
    /// only the rows that changed need reading).
    virtual void runsListChanged(bool /*onlyChanged*/) { }
    /// The selection changed: the candidates to show in detail, read from the store.
    virtual void showSelected(const SelectedCandidates& /*selected*/) { }
    /// The store's sweeps.
    virtual void setSweeps(const std::vector<store::SweepInfo>& /*sweeps*/) { }
    /// The tasks of the sweep shown, each with its run's front; `following` when it is the sweep shown before.
    virtual void setSweepTasks(qint64 /*sweepId*/, const std::vector<SweepTaskFront>& /*tasks*/, bool /*following*/) { }
};

} // namespace dna::session
