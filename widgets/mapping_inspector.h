#pragma once

#include "accel/cost_model.h"
#include "accel/design.h"
#include "runs_view.h"
#include "store/run_store.h"

#include <QWidget>

class QCPBars;
class QCPItemRect;
class QCustomPlot;
class QLabel;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTabWidget;

namespace dna::widgets {

class LayerMappingModel;

/// How a design maps each layer: an accelerator summary (engines, PE arrays, dataflows, buffers, NoC, clock,
/// resources against the budget, FPS, latency, energy), a per-layer table, the Timeloop-style loop nest of the
/// selected layer, and per-layer energy (stacked by component) and latency bars. Clicking a bar or a row
/// selects that layer everywhere. Fits a dock about 500 px wide.
class MappingInspector : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    explicit MappingInspector(QWidget* parent = nullptr);

    /// The current selected candidate, or the empty state (session::RunsView).
    void showSelected(const session::SelectedCandidates& selected) override;

    /// Parses the candidate's design file and shows it, evaluated by this build's cost model. A malformed design
    /// leaves the view empty with an inline message naming the problem (also returned in `error`); returns false
    /// then. `stored` are the per-layer figures the store recorded for the candidate (RunStore::layerMappings):
    /// where they differ from this build's, a note above the tables says so and names the first difference.
    bool setCandidate(const store::CandidateRecord& candidate, QString* error = nullptr,
        const std::vector<store::LayerMappingRecord>& stored = {});
    void setDesign(const accel::Design& design, const QString& title);
    /// Back to the empty state.
    void clear();

    /// Source row of the selected layer, or -1.
    int selectedLayer() const;
    LayerMappingModel* layerModel() const { return m_model; }
    /// The inline message shown for a design that cannot be read (empty otherwise).
    QString errorText() const { return m_errorText; }
    QString placeholderText() const;
    /// The note shown when the store's per-layer figures differ from this build's cost model (empty otherwise).
    QString storedNoteText() const;
    /// The accelerator summary above the tabs (rich text).
    QString summaryText() const;
    /// The loop nest shown for the selected layer.
    QString loopNestText() const;
    /// The energy stack of each layer, bottom first: MAC, RF, NoC, GB, DRAM (values in the model's energy unit).
    QList<QCPBars*> energyBars() const { return m_energyBars; }
    /// Latency per layer, one series per bound (compute, GB, DRAM): each layer's bar is in the series of its bound.
    QList<QCPBars*> latencyBars() const { return m_latencyBars; }
    /// Latency unit of the bars and axis: milliseconds per displayed unit (1 or 1e-3 for microseconds).
    double latencyUnitMs() const { return m_latencyUnitMs; }
    QCustomPlot* energyPlot() const { return m_energyPlot; }
    QCustomPlot* latencyPlot() const { return m_latencyPlot; }

public slots:
    void selectLayer(int layer);

signals:
    void layerSelected(int layer);

private:
    void setupUi();
    QWidget* setupLayersTab();
    QCustomPlot* makeBarPlot();
    void showError(const QString& message);
    void updateSummary(const QString& title);
    void updatePlots();
    void setLayerTicks(QCustomPlot* plot);
    void onCurrentRowChanged();
    void onPlotClicked(QCustomPlot* plot, QMouseEvent* event);
    /// The layer whose column is under `pos` in a bar plot, or -1.
    int layerAt(QCustomPlot* plot, const QPoint& pos) const;
    QString barToolTip(int layer) const;
    void markSelected(int layer);

    LayerMappingModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_invalid = nullptr;
    QLabel* m_storedNote = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_loopNest = nullptr;
    QCustomPlot* m_energyPlot = nullptr;
    QCustomPlot* m_latencyPlot = nullptr;
    QList<QCPBars*> m_energyBars;
    QList<QCPBars*> m_latencyBars;
    double m_latencyUnitMs = 1;
    QList<QCPItemRect*> m_marks;
    QString m_errorText;
};

} // namespace dna::widgets
