#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace dna::store {
class RunStore;
}
namespace dna::widgets {
class CandidateTableView;
}

namespace dna::app {

/// Export of the selected candidates (design JSON, Timeloop YAML), of the candidates table as CSV, or of
/// trained weights where the store has them (retrained designs only; otherwise that choice is disabled and its
/// tooltip and a note say which candidates lack them). The destination is a folder (a file for CSV); errors are
/// shown in the dialog, which stays open on error.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    enum class Kind { DesignJson, TimeloopYaml, TableCsv, Weights };

    /// `table` is the candidates table as the user sees it (its CSV has the rows and columns shown); may be null.
    ExportDialog(const store::RunStore* store, QList<qint64> candidateIds, const widgets::CandidateTableView* table,
        QWidget* parent = nullptr);

    Kind kind() const;
    void setKind(Kind kind);
    QString destination() const;
    void setDestination(const QString& path);
    /// The inline error of the last export attempt (empty if none).
    QString errorText() const;
    /// The files the last successful export wrote.
    QStringList writtenFiles() const { return m_written; }
    /// Whether a kind can be chosen (weights only when every selected candidate has them, CSV only with a table,
    /// files only with candidates).
    bool isKindEnabled(Kind kind) const;
    /// Why the weights cannot be exported (naming the candidates without them); empty when they can.
    QString weightsUnavailableReason() const;

public slots:
    /// Exports to the destination; on success closes the dialog (accept), otherwise shows the error.
    bool exportNow();

private:
    void setupUi();
    void browse();
    void updateState();
    void showError(const QString& text);
    QRadioButton* button(Kind kind) const;

    const store::RunStore* m_store;
    QList<qint64> m_ids;
    const widgets::CandidateTableView* m_table;
    QButtonGroup* m_kinds = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_destinationLabel = nullptr;
    QLineEdit* m_destination = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_export = nullptr;
    QString m_folder;
    QString m_csvFile;
    QStringList m_written;
};

} // namespace dna::app
