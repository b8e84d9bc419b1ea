// The explorer's "Train from scratch": selected candidates trained on demand by the retrain queue, the result
// recorded on each candidate and drawn beside its estimate.
#include "main_window.h"

#include "candidate_selection.h"
#include "retrain_queue.h"
#include "runs_presenter.h"
#include "search_controller.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace dna::app {

void MainWindow::setupTraining()
{
    m_retrain = new RetrainQueue(this);
    connect(m_trainCancel, &QToolButton::clicked, m_retrain, &RetrainQueue::cancelAll);
    connect(
        m_retrain, &RetrainQueue::progress, this, [this](qint64 id, int index, int count, double done, double total) {
            m_trainLabel->setText(m_controller->isRunning()
                    ? tr("Training candidate %1 (%2 of %3), sharing the cores with the search")
                          .arg(id)
                          .arg(index)
                          .arg(count)
                    : tr("Training candidate %1 (%2 of %3)").arg(id).arg(index).arg(count));
            m_trainBar->setValue(total > 0 ? int(1000 * done / total) : 0);
            for (QWidget* w : std::initializer_list<QWidget*> { m_trainLabel, m_trainBar, m_trainCancel }) {
                w->show();
            }
        });
    connect(m_retrain, &RetrainQueue::trained, this,
        [this](qint64 id, double accuracy, int epochs, const QString& weightsPath) {
            if (const auto e = m_presenter->recordRetrained(id, accuracy, epochs, weightsPath)) {
                showError(tr("Recording the training of candidate %1 failed: %2")
                              .arg(id)
                              .arg(QString::fromStdString(e->detail)));
                return;
            }
            statusBar()->showMessage(
                tr("Candidate %1 trained from scratch for %n epoch(s): %2 % on the test images", nullptr, epochs)
                    .arg(id)
                    .arg(QLocale().toString(accuracy * 100, 'f', 2)),
                10000);
        });
    connect(m_retrain, &RetrainQueue::failed, this, [this](qint64 id, const QString& message) {
        showError(tr("Training candidate %1 failed: %2").arg(id).arg(message));
    });
    connect(m_retrain, &RetrainQueue::cancelled, this, [this](qint64 id) {
        statusBar()->showMessage(tr("Training of candidate %1 stopped; it keeps its estimate").arg(id), 10000);
    });
    connect(m_retrain, &RetrainQueue::idle, this, [this] {
        for (QWidget* w : std::initializer_list<QWidget*> { m_trainLabel, m_trainBar, m_trainCancel }) {
            w->hide();
        }
        updateActions();
    });
}

int MainWindow::askTrainingEpochs(int candidates)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Train from Scratch"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QLabel(&dialog);
    text->setWordWrap(true);
    QString what = tr("%n selected network(s) will be trained from scratch, one after another, on the training "
                      "images, and tested on the test images. The result is stored beside the estimate and drawn "
                      "as a diamond joined to it; the front keeps comparing estimates.",
        nullptr, candidates);
    what += QStringLiteral("\n\n")
        + (m_controller->isRunning()
                ? tr("A search is running. The training will share the processor with it, so both take longer "
                     "(about twice as long on two cores). Stop the search first to train at full speed.")
                : tr("A 4-epoch training takes about 2 to 5 minutes per network on two cores. A search started "
                     "meanwhile shares the processor with it."));
    text->setText(what);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    auto* epochs = new QSpinBox(&dialog);
    epochs->setRange(1, 200);
    epochs->setValue(4);
    epochs->setToolTip(tr("Passes over the training images (the co-search ablation uses 4)"));
    form->addRow(tr("&Epochs:"), epochs);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return dialog.exec() == QDialog::Accepted ? epochs->value() : 0;
}

void MainWindow::trainSelected()
{
    store::RunStore* s = store();
    if (!s || storeReadOnly() || m_selection->isEmpty()) {
        return;
    }
    const int epochs
        = m_trainingEpochsOverride > 0 ? m_trainingEpochsOverride : askTrainingEpochs(m_selection->ids().size());
    if (epochs <= 0) {
        return;
    }
    nas::TrainRequest t = m_retrain->trainTemplate();
    t.data = m_template.data;
    t.dataset = m_template.dataset;
    t.dataDir = m_template.dataDir;
    t.threads = m_template.threads;
    m_retrain->setTemplate(t);
    QList<RetrainQueue::Job> jobs;
    for (qint64 id : m_selection->ids()) {
        const auto c = s->candidate(id);
        if (!c) {
            continue;
        }
        QString dataset;
        if (const auto run = s->run(c->runId)) {
            const auto request = nlohmann::json::parse(run->requestJson, nullptr, false);
            if (request.is_object() && request.contains("dataset") && request["dataset"].is_string()) {
                dataset = QString::fromStdString(request["dataset"].get<std::string>());
            }
        }
        jobs.append({ id, QString::fromStdString(c->genotype), epochs,
            QString::fromStdString(cosearch::retrainedWeightsPath(s->path(), id)), dataset });
    }
    m_retrain->enqueue(jobs);
    updateActions();
}

} // namespace dna::app
