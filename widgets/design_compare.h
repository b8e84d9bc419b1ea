#pragma once

#include "accel/cost_model.h"
#include "accel/design.h"
#include "runs_view.h"
#include "store/run_store.h"

#include <QWidget>

class QCPAxisRect;
class QCPBars;
class QCustomPlot;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace dna::widgets {

/// Two designs side by side, layer by layer: latency and energy as grouped bars (A and B in two colours) and a
/// table with A, B and B/A per layer plus totals. Layers are matched by position; where the networks differ
/// (different genotypes) rows whose shapes differ are marked.
class DesignCompare : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    enum Column { Layer, LatencyA, LatencyB, LatencyRatio, EnergyA, EnergyB, EnergyRatio, ColumnCount };
    /// Numbers as doubles (latency in ms, energy in µJ per inference, whatever unit is displayed) for sorting
    /// and tests; ratios are empty where A is zero or a layer is missing.
    static constexpr int SortRole = Qt::UserRole;
    /// True on rows whose two layers differ in shape (or exist in one design only).
    static constexpr int ShapeDiffersRole = Qt::UserRole + 1;

    explicit DesignCompare(QWidget* parent = nullptr);

    /// Parses both design files; a malformed one leaves the view empty with an inline message naming it.
    bool setDesigns(const store::CandidateRecord& a, const store::CandidateRecord& b, QString* error = nullptr);
    void setDesigns(const accel::Design& a, const QString& titleA, const accel::Design& b, const QString& titleB);
    void clear();
    /// The two candidates selected last, A the earlier (session::RunsView); fewer than two: the empty state.
    void showSelected(const session::SelectedCandidates& selected) override;
    /// Whether two designs are shown (not the empty state or an error).
    bool hasDesigns() const;

    /// Rows: one per layer position, then the total.
    QStandardItemModel* tableModel() const { return m_model; }
    QString errorText() const { return m_errorText; }
    QString placeholderText() const;
    /// Latency (top) and energy (bottom) per layer, sharing the layer axis.
    QCustomPlot* plot() const { return m_plot; }
    /// The bars of design A (`b` false) or B in the latency or the energy chart.
    QCPBars* latencyBars(bool b) const { return b ? m_latencyB : m_latencyA; }
    QCPBars* energyBars(bool b) const { return b ? m_energyB : m_energyA; }

private:
    void setupUi();
    QCustomPlot* makePlot();
    void addBars(QCPAxisRect* rect, QCPBars** barsA, QCPBars** barsB);
    void fillTable(
        const accel::Design& a, const accel::DesignCost& ca, const accel::Design& b, const accel::DesignCost& cb);
    void fillPlots(
        const accel::Design& a, const accel::DesignCost& ca, const accel::Design& b, const accel::DesignCost& cb);
    void showError(const QString& message);

    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_header = nullptr;
    QStandardItemModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPAxisRect* m_latencyRect = nullptr;
    QCPAxisRect* m_energyRect = nullptr;
    QCPBars* m_latencyA = nullptr;
    QCPBars* m_latencyB = nullptr;
    QCPBars* m_energyA = nullptr;
    QCPBars* m_energyB = nullptr;
    double m_latencyUnitMs = 1; // 1e-3 when latencies are displayed in microseconds
    QString m_titleA;
    QString m_titleB;
    QString m_errorText;
};

} // namespace dna::widgets
