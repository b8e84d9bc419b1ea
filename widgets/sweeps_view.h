#pragma once

#include "runs_view.h"

#include "store/run_store.h"

#include <QColor>
#include <QHash>
#include <QStringList>
#include <QWidget>

#include <map>
#include <vector>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QTreeWidget;

namespace dna::widgets {

/// What the summary plot shows for each task: the best FPS among its front's designs at or above an accuracy, or
/// the best accuracy among those at or above an FPS.
enum class SweepSummary { FpsAtAccuracy, AccuracyAtFps };

using session::SweepTaskFront;

/// The best value of a task's front for the summary (NaN when no design of its front qualifies).
double sweepBest(const std::vector<store::CandidateRecord>& front, SweepSummary summary, double threshold);

/// A grid axis value as a position on the summary's x axis: the number, or the index of the text among `values`.
double axisPosition(const QVariant& value, const QStringList& textValues);

/// A colour along a perceptually ordered map (viridis: dark blue to yellow) for t in [0, 1].
QColor sequentialColour(double t);

/// The sweeps of a store, with their progress; the selected one's runs are shown in the plot coloured by a grid
/// axis, and a small summary plot shows each task's best value (FPS at a minimum accuracy, or accuracy at a
/// minimum FPS) against that axis, with a line through the best of each axis value.
class SweepsView : public QWidget, public session::RunsView {
    Q_OBJECT

public:
    explicit SweepsView(QWidget* parent = nullptr);

    /// The store's sweeps (keeps the selection by id).
    void setSweeps(const std::vector<store::SweepInfo>& sweeps) override;
    /// The sweep shown (session::RunsView): its tasks, then coloursChanged() for the runs' new colours.
    void setSweepTasks(qint64 sweepId, const std::vector<SweepTaskFront>& tasks, bool /*following*/) override
    {
        setTasks(sweepId, tasks);
        emit coloursChanged();
    }
    /// The selected sweep's tasks with their fronts: the summary and the colours follow.
    void setTasks(qint64 sweepId, const std::vector<SweepTaskFront>& tasks);
    qint64 currentSweep() const { return m_current; }
    /// The grid axis runs are coloured by and the summary's x axis ("" before a sweep is shown).
    QString colourAxis() const;
    /// The colour of each task's run by the colour axis (low values dark, high values bright).
    QHash<qint64, QColor> runColours() const;
    /// The summary's points, as plotted: (axis position, best value), one per task that has one.
    QList<QPointF> summaryPoints() const { return m_points; }
    int sweepCount() const;

signals:
    /// The user chose a sweep to show.
    void sweepActivated(qint64 sweepId);
    /// The runs' colours (runColours()) changed: the colour axis, or the tasks shown.
    void coloursChanged();

private:
    void rebuildSummary();

    QTreeWidget* m_list = nullptr;
    QComboBox* m_axis = nullptr;
    QComboBox* m_summaryKind = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QCustomPlot* m_plot = nullptr;
    QLabel* m_hint = nullptr;
    qint64 m_current = 0;
    std::vector<SweepTaskFront> m_tasks;
    QList<QPointF> m_points;
};

} // namespace dna::widgets
