// The main window's sweeps: the Sweeps dock lists the store's sweeps; choosing one shows its runs in the plot and
// the table, coloured by a grid axis, and follows them while the sweep runs.
#include "main_window.h"

#include "candidate_selection.h"
#include "pareto_plot.h"
#include "sweeps_view.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dna::app {

void MainWindow::reloadSweeps()
{
    if (!m_store) {
        m_sweeps->setSweeps({});
        return;
    }
    try {
        m_sweeps->setSweeps(m_store->sweeps());
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::showSweep(qint64 sweepId, bool keepView)
{
    if (!m_store) {
        return;
    }
    try {
        std::vector<widgets::SweepTaskFront> tasks;
        QList<qint64> runIds;
        for (const auto& t : m_store->sweepTasks(sweepId)) {
            widgets::SweepTaskFront f;
            f.index = t.index;
            f.runId = t.runId;
            f.state = QString::fromStdString(t.state);
            const QJsonObject params = QJsonDocument::fromJson(QByteArray::fromStdString(t.paramsJson)).object();
            for (auto it = params.begin(); it != params.end(); ++it) {
                f.params[it.key()] = it.value().toVariant();
            }
            if (t.runId) {
                runIds << t.runId;
                f.front = m_store->candidates(t.runId, true);
            }
            tasks.push_back(std::move(f));
        }
        m_sweeps->setTasks(sweepId, tasks);
        m_paretoPlot->clearRunColors();
        const auto colours = m_sweeps->runColours();
        for (auto it = colours.cbegin(); it != colours.cend(); ++it) {
            m_paretoPlot->setRunColor(it.key(), it.value());
        }
        const QList<qint64> selected = m_selection->ids();
        loadRuns(runIds, keepView);
        m_shownSweep = sweepId;
        if (keepView) {
            m_selection->select(selected);
        }
    } catch (const std::exception& e) {
        showError(tr("Reading the run store failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace dna::app
