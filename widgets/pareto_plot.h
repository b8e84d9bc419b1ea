#pragma once

#include <qcustomplot.h>

namespace dna::widgets {

/// Accuracy versus throughput of the candidates a search evaluates. Until candidates arrive it shows its
/// labelled axes and a hint in the middle of the plot.
class ParetoPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit ParetoPlot(QWidget* parent = nullptr);

    /// The hint shown in the middle of the empty plot.
    QString placeholderText() const;

private:
    void setupAxes();
    void setupPlaceholder();

    QCPItemText* m_placeholder = nullptr;
};

} // namespace dna::widgets
