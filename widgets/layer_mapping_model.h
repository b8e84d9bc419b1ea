#pragma once

#include "accel/cost_model.h"
#include "accel/design.h"

#include <QAbstractTableModel>

namespace dna::widgets {

/// One row per layer of a design: its shape, engine, dataflow, tiling per level, loop orders and what the cost
/// model says about it (utilisation, cycles, latency share, energy split, bound). Numbers are also offered
/// under SortRole as doubles so a proxy sorts them numerically.
class LayerMappingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        Type,
        Shape,
        Engine,
        Dataflow,
        SpatialRows,
        SpatialCols,
        RfTile,
        GbTile,
        DramTile,
        LoopOrder,
        Utilization,
        Cycles,
        LatencyShare,
        EnergyMac,
        EnergyRf,
        EnergyNoc,
        EnergyGb,
        EnergyDram,
        EnergyTotal,
        Bound,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit LayerMappingModel(QObject* parent = nullptr);

    /// `cost` must come from accel::evaluateDesign(design).
    void setDesign(const accel::Design& design, const accel::DesignCost& cost);
    void clear();

    const accel::Design& design() const { return m_design; }
    const accel::DesignCost& cost() const { return m_cost; }
    /// Energies are shown in this many pJ per displayed unit (1e3 nJ or 1e6 uJ), chosen from the largest layer.
    double energyScalePj() const { return m_energyScale; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "K32 C16 14x14 3x3 s2 g4": the compact shape text the Shape column shows.
    static QString shapeText(const workload::Layer& layer);
    /// Non-unit factors as "K12 C4", or an en dash when every factor is 1.
    static QString factorsText(const std::array<int, workload::kDims>& factors);

private:
    QVariant displayData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QString toolTip(int row, int column) const;
    QString loopOrderText(int row) const;
    QString engineText(int row) const;

    accel::Design m_design;
    accel::DesignCost m_cost;
    double m_energyScale = 1e6;
};

} // namespace dna::widgets
