#pragma once

#include "runs_view.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCPColorMap;
class QCPColorScale;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QScrollArea;

namespace dna::widgets {

class OpBoxes;

/// The architecture side of a candidate and of the running search: (1) the op chosen at each searchable layer
/// of the selected candidate, one box per layer coloured by kernel size and shaded by expansion (skip greyed);
/// (2) a heat map of the architecture probabilities over the search's epochs, one row per layer and op,
/// layers separated, a 0..1 colour bar, and a hover card per cell.
class ArchitectureStrip : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    explicit ArchitectureStrip(QWidget* parent = nullptr);

    /// The current selected candidate's genotype, or none (session::RunsView).
    void showSelected(const session::SelectedCandidates& selected) override
    {
        selected.current ? setGenotype(QString::fromStdString(selected.current->genotype)) : clearGenotype();
    }
    // The heat map shows the search history the presenter gives (session::RunsView): one run's, or none.
    void setSearchHistory(
        qint64 runId, const QStringList& opNames, const std::vector<session::EpochProbabilities>& epochs) override;
    void appendEpoch(qint64 /*runId*/, const session::EpochProbabilities& epoch) override
    {
        appendEpoch(epoch.epoch, epoch.probabilities);
    }
    /// Several runs shown (a comparison, a sweep) have no one history: the heat map says to pick one.
    void runsShown(const QList<qint64>& runIds, bool keepView) override;

    /// A genotype string "space:op,op,..."; a genotype the core cannot parse (unknown space, wrong op or layer
    /// count) shows an inline message instead of boxes.
    void setGenotype(const QString& genotype);
    void clearGenotype();
    /// The op names shown, one per searchable layer (empty when no genotype is shown).
    QStringList shownOps() const;
    /// The inline message shown instead of the boxes, or an empty string.
    QString message() const;

    /// The op names of the search space, in the order of each layer's probabilities.
    void setOpNames(const QStringList& names);
    /// Adds one column to the heat map: probabilities[layer][op]. An epoch already shown is replaced.
    void appendEpoch(int epoch, const std::vector<std::vector<double>>& probabilities);
    void clearHistory();
    /// What the empty heat map says (default: no search running); an empty text restores the default.
    void setPlaceholderText(const QString& text);

    /// Heat map cells: width = epochs shown, height = layers x ops.
    QSize heatMapCells() const;
    /// The value the heat map holds for the `epochIndex`-th epoch shown, at a layer and op (read back from the
    /// colour map's data).
    double heatMapValue(int epochIndex, int layer, int op) const;
    /// What hovering the heat map at a cell says (rich text): the whole layer's distribution at that epoch, every
    /// op with its probability, the hovered op in bold. A row is a few pixels high when the space has many
    /// layer x op rows, so hovering any op of a layer reads all of them. Empty outside the history.
    QString cellToolTip(int epochIndex, int layer, int op) const;
    QCustomPlot* heatMap() const { return m_plot; }

private:
    bool m_severalRunsNote = false; // the placeholder says several runs are shown
    void setupHeatMap();
    void rebuildHeatMap();
    void updateRowLabels();
    void showCellToolTip(QMouseEvent* event);
    QString opName(int op) const;
    QColor opKeyColour(int op) const;

    QLabel* m_title = nullptr;
    QScrollArea* m_boxesArea = nullptr;
    OpBoxes* m_boxes = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_heatTitle = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QCPItemText* m_placeholder = nullptr;
    QLabel* m_opLegend = nullptr;

    QStringList m_opNames;
    std::vector<int> m_epochs;
    std::vector<std::vector<std::vector<double>>> m_history; // [epoch index][layer][op]
    int m_layers = 0;
    int m_ops = 0;
    std::vector<QCPItemStraightLine*> m_separators;
    std::vector<QCPItemRect*> m_opKeys;
    struct LabelState {
        bool opLabels = false;
        int layerStep = 0; // 0: not laid out yet
        bool thinLayers = false;
    };
    LabelState m_labelState;
};

} // namespace dna::widgets
