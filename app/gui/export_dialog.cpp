#include "export_dialog.h"

#include "candidate_selection.h"
#include "candidate_table.h"
#include "design_export.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace dna::app {

ExportDialog::ExportDialog(
    const store::RunStore* store, QList<qint64> candidateIds, const widgets::CandidateTableView* table, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_ids(std::move(candidateIds))
    , m_table(table)
{
    setWindowTitle(tr("Export"));
    const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_folder = QDir(base.isEmpty() ? QDir::homePath() : base).filePath(QStringLiteral("dna-export"));
    m_csvFile = QDir(m_folder).filePath(QStringLiteral("candidates.csv"));
    setupUi();
    // Start on the first kind that can be exported.
    for (Kind k : { Kind::DesignJson, Kind::TableCsv }) {
        if (isKindEnabled(k)) {
            setKind(k);
            break;
        }
    }
    updateState();
}

void ExportDialog::setupUi()
{
    auto* what = new QGroupBox(tr("What to export"), this);
    auto* whatLayout = new QVBoxLayout(what);
    m_kinds = new QButtonGroup(this);
    const struct {
        Kind kind;
        QString text;
    } kinds[] = {
        { Kind::DesignJson, tr("Design files (JSON: network, platform, accelerator, mappings)") },
        { Kind::TimeloopYaml, tr("Timeloop inputs (YAML, one file per layer)") },
        { Kind::TableCsv, tr("Candidates table as CSV (the rows shown)") },
        { Kind::Weights, tr("Trained weights (LibTorch files of retrained designs)") },
    };
    for (const auto& k : kinds) {
        auto* b = new QRadioButton(k.text, what);
        m_kinds->addButton(b, int(k.kind));
        whatLayout->addWidget(b);
    }
    m_note = new QLabel(what);
    m_note->setWordWrap(true);
    m_note->setEnabled(false); // greyed: it explains the disabled choice
    whatLayout->addWidget(m_note);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    m_destination = new QLineEdit(this);
    m_destination->setMinimumWidth(360);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(browseButton);
    auto* form = new QFormLayout;
    m_destinationLabel = new QLabel(this);
    form->addRow(m_destinationLabel, destinationRow);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fde7e9; color: #6b0010; border: 1px solid #e0a0a8; "
                                          "border-radius: 3px; padding: 4px; }"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::exportNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            updateState();
        }
    });
    connect(m_destination, &QLineEdit::textEdited, this, [this](const QString& text) {
        (kind() == Kind::TableCsv ? m_csvFile : m_folder) = text;
        showError({});
    });
}

QRadioButton* ExportDialog::button(Kind kind) const { return qobject_cast<QRadioButton*>(m_kinds->button(int(kind))); }

ExportDialog::Kind ExportDialog::kind() const { return Kind(std::max(0, m_kinds->checkedId())); }

void ExportDialog::setKind(Kind kind)
{
    if (isKindEnabled(kind)) {
        button(kind)->setChecked(true);
    }
}

QString ExportDialog::destination() const { return m_destination->text(); }

void ExportDialog::setDestination(const QString& path)
{
    (kind() == Kind::TableCsv ? m_csvFile : m_folder) = path;
    m_destination->setText(path);
}

QString ExportDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

bool ExportDialog::isKindEnabled(Kind kind) const
{
    switch (kind) {
    case Kind::DesignJson:
    case Kind::TimeloopYaml:
        return m_store && !m_ids.isEmpty();
    case Kind::TableCsv:
        return m_table != nullptr;
    case Kind::Weights:
        return m_store && trainedWeightsAvailable(*m_store, m_ids);
    }
    return false;
}

void ExportDialog::updateState()
{
    for (Kind k : { Kind::DesignJson, Kind::TimeloopYaml, Kind::TableCsv, Kind::Weights }) {
        button(k)->setEnabled(isKindEnabled(k));
    }
    const QString weightsNote = weightsUnavailableReason();
    button(Kind::Weights)->setToolTip(weightsNote);
    m_note->setText(weightsNote);
    m_note->setVisible(!m_note->text().isEmpty());

    const Kind k = kind();
    const bool csv = k == Kind::TableCsv;
    if (csv) {
        const int rows = m_table ? m_table->proxy()->rowCount() : 0;
        m_summary->setText(
            rows == 1 ? tr("The table shows 1 candidate.") : tr("The table shows %1 candidates.").arg(rows));
    } else if (m_ids.isEmpty()) {
        m_summary->setText(tr("No candidates are selected: select some in the plot or the table to export their "
                              "designs."));
    } else {
        m_summary->setText(
            m_ids.size() == 1 ? tr("1 candidate selected.") : tr("%1 candidates selected.").arg(m_ids.size()));
    }
    m_destinationLabel->setText(csv ? tr("File:") : tr("Folder:"));
    m_destination->setText(csv ? m_csvFile : m_folder);
    m_export->setEnabled(isKindEnabled(k) && m_kinds->checkedId() >= 0);
    showError({});
}

QString ExportDialog::weightsUnavailableReason() const
{
    if (!m_store || m_ids.isEmpty()) {
        return tr("Trained weights: select retrained candidates to export their weights.");
    }
    const QList<qint64> missing = candidatesWithoutWeights(*m_store, m_ids);
    if (missing.isEmpty()) {
        return {};
    }
    QStringList names;
    for (qint64 id : missing) {
        names << QString::number(id);
    }
    const QString how = tr("Only retrained designs keep their weights: the final networks of a “paper” preset search "
                           "(here or “dna-cli search --preset paper”). “dna-cli train --genotype … --checkpoint FILE” "
                           "trains any genotype.");
    if (missing.size() == m_ids.size()) {
        return (m_ids.size() == 1 ? tr("Trained weights: the selected candidate has none.")
                                  : tr("Trained weights: none of the selected candidates has them."))
            + QLatin1Char(' ') + how;
    }
    const QString which = missing.size() == 1 ? tr("Trained weights: not available for candidate %1.")
                                              : tr("Trained weights: not available for candidates %1.");
    return which.arg(names.join(QStringLiteral(", "))) + QLatin1Char(' ') + how;
}

void ExportDialog::browse()
{
    QString path;
    if (kind() == Kind::TableCsv) {
        path = QFileDialog::getSaveFileName(
            this, tr("Export the table as CSV"), m_destination->text(), tr("CSV files (*.csv);;All files (*)"));
    } else {
        path = QFileDialog::getExistingDirectory(this, tr("Export into folder"), m_destination->text());
    }
    if (!path.isEmpty()) {
        setDestination(path);
    }
}

void ExportDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool ExportDialog::exportNow()
{
    const QString dest = destination().trimmed();
    if (dest.isEmpty()) {
        showError(tr("Choose where to export to."));
        return false;
    }
    const Kind k = kind();
    if (!isKindEnabled(k)) {
        showError(tr("This export is not available."));
        return false;
    }
    if (k == Kind::TableCsv) {
        QString error;
        if (!QDir().mkpath(QFileInfo(dest).absolutePath()) || !m_table->writeCsv(dest, &error)) {
            showError(error.isEmpty() ? tr("Cannot create the folder of “%1”.").arg(dest) : error);
            return false;
        }
        m_written = { dest };
    } else {
        auto written = k == Kind::DesignJson ? exportDesignFiles(*m_store, m_ids, dest)
            : k == Kind::Weights             ? exportWeights(*m_store, m_ids, dest)
                                             : exportTimeloop(*m_store, m_ids, dest);
        if (!written) {
            showError(QString::fromStdString(written.error().detail));
            return false;
        }
        m_written = *written;
    }
    accept();
    return true;
}

} // namespace dna::app
