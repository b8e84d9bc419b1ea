#include "layer_mapping_model.h"

#include "accel/dataflow.h"

#include <QFontDatabase>
#include <QLocale>

#include <cmath>

#include <algorithm>

namespace dna::widgets {

using accel::Mapping;
using workload::kDimNames;
using workload::kDims;

namespace {

QString dimName(int d) { return QString(QLatin1Char(kDimNames[size_t(d)])); }

// Non-unit loops of one level in `order` (innermost first), printed outermost first.
QString orderText(const std::array<int, kDims>& order, const std::array<int, kDims>& factors)
{
    QString s;
    for (int i = kDims - 1; i >= 0; --i) {
        if (factors[size_t(order[size_t(i)])] > 1) {
            s += dimName(order[size_t(i)]);
        }
    }
    return s.isEmpty() ? QStringLiteral("–") : s;
}

} // namespace

LayerMappingModel::LayerMappingModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LayerMappingModel::setDesign(const accel::Design& design, const accel::DesignCost& cost)
{
    beginResetModel();
    m_design = design;
    m_cost = cost;
    double largest = 0;
    for (const auto& lc : m_cost.layers) {
        largest = std::max(largest, lc.energyPj.total());
    }
    // nJ while every layer stays under 10 uJ keeps small networks from reading 0.00 everywhere.
    m_energyScale = largest >= 1e7 ? 1e6 : 1e3;
    endResetModel();
}

void LayerMappingModel::clear()
{
    beginResetModel();
    m_design = {};
    m_cost = {};
    endResetModel();
}

int LayerMappingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_design.network.layers.size());
}

int LayerMappingModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString LayerMappingModel::shapeText(const workload::Layer& l)
{
    using namespace workload;
    QString s;
    if (l.type == LayerType::Depthwise) {
        s = QStringLiteral("G%1").arg(l.dims[G]);
    } else {
        s = QStringLiteral("K%1 C%2").arg(l.dims[K]).arg(l.dims[C]);
    }
    s += QStringLiteral(" %1×%2").arg(l.dims[Y]).arg(l.dims[X]);
    if (l.dims[R] > 1 || l.dims[S] > 1) {
        s += QStringLiteral(" %1×%2").arg(l.dims[R]).arg(l.dims[S]);
    }
    if (l.strideY > 1 || l.strideX > 1) {
        s += l.strideY == l.strideX ? QStringLiteral(" s%1").arg(l.strideY)
                                    : QStringLiteral(" s%1×%2").arg(l.strideY).arg(l.strideX);
    }
    if (l.type != LayerType::Depthwise && l.dims[G] > 1) {
        s += QStringLiteral(" g%1").arg(l.dims[G]);
    }
    if (l.dims[N] > 1) {
        s += QStringLiteral(" N%1").arg(l.dims[N]);
    }
    return s;
}

QString LayerMappingModel::factorsText(const std::array<int, kDims>& f)
{
    QStringList parts;
    for (int d = 0; d < kDims; ++d) {
        if (f[size_t(d)] > 1) {
            parts << dimName(d) + QString::number(f[size_t(d)]);
        }
    }
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QLatin1Char(' '));
}

QString LayerMappingModel::engineText(int row) const
{
    const int e = m_cost.layerEngine.empty() ? 0 : m_cost.layerEngine[size_t(row)];
    const auto& acc = m_design.accelerator;
    if (acc.chunkStarts.size() <= 1 && !acc.separateDepthwise) {
        return QStringLiteral("E%1").arg(e);
    }
    const int chunk = acc.separateDepthwise ? e / 2 : e;
    return tr("E%1 · chunk %2").arg(e).arg(chunk);
}

QString LayerMappingModel::loopOrderText(int row) const
{
    const Mapping& m = m_design.mappings[size_t(row)];
    return QStringLiteral("%1 | %2 | %3")
        .arg(orderText(m.order[Mapping::DramLevel], m.dram), orderText(m.order[Mapping::GbLevel], m.gb),
            orderText(m.order[Mapping::RfLevel], m.rf));
}

QVariant LayerMappingModel::displayData(int row, int column) const
{
    const auto& layer = m_design.network.layers[size_t(row)];
    const Mapping& m = m_design.mappings[size_t(row)];
    const bool costed = size_t(row) < m_cost.layers.size();
    const accel::LayerCost* lc = costed ? &m_cost.layers[size_t(row)] : nullptr;
    const QLocale locale;
    auto energy = [&](double pj) { return locale.toString(pj / m_energyScale, 'f', m_energyScale >= 1e6 ? 3 : 1); };
    switch (Column(column)) {
    case Name:
        return QString::fromStdString(layer.name);
    case Type:
        switch (layer.type) {
        case workload::LayerType::Conv:
            return tr("conv");
        case workload::LayerType::Depthwise:
            return tr("depthwise");
        case workload::LayerType::FullyConnected:
            return tr("fc");
        }
        return {};
    case Shape:
        return shapeText(layer);
    case Engine:
        return engineText(row);
    case Dataflow: {
        const int e = m_cost.layerEngine.empty() ? 0 : m_cost.layerEngine[size_t(row)];
        const int df = m_design.accelerator.engines[size_t(e)].dataflow;
        return QString::fromStdString(accel::dataflows()[size_t(df)].name);
    }
    case SpatialRows:
        return factorsText(m.spatialRow);
    case SpatialCols:
        return factorsText(m.spatialCol);
    case RfTile:
        return factorsText(m.rf);
    case GbTile:
        return factorsText(m.gb);
    case DramTile:
        return factorsText(m.dram);
    case LoopOrder:
        return loopOrderText(row);
    case ColumnCount:
        return {};
    default:
        break;
    }
    if (!lc) {
        return {};
    }
    switch (Column(column)) {
    case Utilization:
        return QString(locale.toString(lc->utilization * 100, 'f', 0) + QStringLiteral(" %"));
    case Cycles:
        return locale.toString(qint64(std::llround(lc->cycles)));
    case LatencyShare:
        return QString(locale.toString(sortData(row, column).toDouble(), 'f', 1) + QStringLiteral(" %"));
    case EnergyMac:
        return energy(lc->energyPj.mac);
    case EnergyRf:
        return energy(lc->energyPj.rf);
    case EnergyNoc:
        return energy(lc->energyPj.noc);
    case EnergyGb:
        return energy(lc->energyPj.gb);
    case EnergyDram:
        return energy(lc->energyPj.dram);
    case EnergyTotal:
        return energy(lc->energyPj.total());
    case Bound:
        switch (lc->bound) {
        case accel::Bound::Compute:
            return tr("compute");
        case accel::Bound::GlobalBuffer:
            return tr("GB");
        case accel::Bound::Dram:
            return tr("DRAM");
        }
        return {};
    default:
        return {};
    }
}

QVariant LayerMappingModel::sortData(int row, int column) const
{
    const bool costed = size_t(row) < m_cost.layers.size();
    const accel::LayerCost* lc = costed ? &m_cost.layers[size_t(row)] : nullptr;
    switch (Column(column)) {
    case Name:
        return row; // network order
    case Engine:
        return m_cost.layerEngine.empty() ? 0 : m_cost.layerEngine[size_t(row)];
    case Shape:
        return double(m_design.network.layers[size_t(row)].macs());
    case Utilization:
        return lc ? lc->utilization * 100 : QVariant();
    case Cycles:
        return lc ? lc->cycles : QVariant();
    case LatencyShare:
        return lc ? (m_cost.latencyCycles > 0 ? lc->cycles / m_cost.latencyCycles * 100 : 0.0) : QVariant();
    case EnergyMac:
        return lc ? lc->energyPj.mac : QVariant();
    case EnergyRf:
        return lc ? lc->energyPj.rf : QVariant();
    case EnergyNoc:
        return lc ? lc->energyPj.noc : QVariant();
    case EnergyGb:
        return lc ? lc->energyPj.gb : QVariant();
    case EnergyDram:
        return lc ? lc->energyPj.dram : QVariant();
    case EnergyTotal:
        return lc ? lc->energyPj.total() : QVariant();
    default:
        return displayData(row, column);
    }
}

QString LayerMappingModel::toolTip(int row, int column) const
{
    const auto& layer = m_design.network.layers[size_t(row)];
    const bool costed = size_t(row) < m_cost.layers.size();
    switch (Column(column)) {
    case Shape:
        return tr("N %1, G %2, K %3, C %4, Y %5, X %6, R %7, S %8; stride %9×%10; %11 MMACs")
            .arg(layer.dims[0])
            .arg(layer.dims[1])
            .arg(layer.dims[2])
            .arg(layer.dims[3])
            .arg(layer.dims[4])
            .arg(layer.dims[5])
            .arg(layer.dims[6])
            .arg(layer.dims[7])
            .arg(layer.strideY)
            .arg(layer.strideX)
            .arg(double(layer.macs()) / 1e6, 0, 'f', 2);
    case Bound:
        if (costed) {
            const auto& lc = m_cost.layers[size_t(row)];
            return tr("compute %1, global buffer %2, DRAM %3 cycles")
                .arg(QLocale().toString(qint64(std::llround(lc.computeCycles))),
                    QLocale().toString(qint64(std::llround(lc.gbCycles))),
                    QLocale().toString(qint64(std::llround(lc.dramCycles))));
        }
        return {};
    case Dataflow: {
        const int e = m_cost.layerEngine.empty() ? 0 : m_cost.layerEngine[size_t(row)];
        const int df = m_design.accelerator.engines[size_t(e)].dataflow;
        return QString::fromStdString(accel::dataflows()[size_t(df)].description);
    }
    default:
        return {};
    }
}

QVariant LayerMappingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayData(index.row(), index.column());
    case SortRole:
        return sortData(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(index.row(), index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (index.column() >= Utilization && index.column() <= EnergyTotal) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    case Qt::FontRole:
        if (index.column() >= SpatialRows && index.column() <= LoopOrder) {
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        }
        return {};
    default:
        return {};
    }
}

QVariant LayerMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        return role == Qt::DisplayRole ? QVariant(section) : QVariant();
    }
    const QString unit = m_energyScale >= 1e6 ? tr("µJ") : tr("nJ");
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Name:
            return tr("Layer");
        case Type:
            return tr("Type");
        case Shape:
            return tr("Shape");
        case Engine:
            return tr("Engine");
        case Dataflow:
            return tr("Dataflow");
        case SpatialRows:
            return tr("Rows");
        case SpatialCols:
            return tr("Cols");
        case RfTile:
            return tr("RF tile");
        case GbTile:
            return tr("GB loops");
        case DramTile:
            return tr("DRAM loops");
        case LoopOrder:
            return tr("Order");
        case Utilization:
            return tr("Util");
        case Cycles:
            return tr("Cycles");
        case LatencyShare:
            return tr("Latency");
        case EnergyMac:
            return tr("MAC %1").arg(unit);
        case EnergyRf:
            return tr("RF %1").arg(unit);
        case EnergyNoc:
            return tr("NoC %1").arg(unit);
        case EnergyGb:
            return tr("GB %1").arg(unit);
        case EnergyDram:
            return tr("DRAM %1").arg(unit);
        case EnergyTotal:
            return tr("Energy %1").arg(unit);
        case Bound:
            return tr("Bound");
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role != Qt::ToolTipRole) {
        return {};
    }
    switch (Column(section)) {
    case Name:
        return tr("Layer name in the network");
    case Type:
        return tr("conv, depthwise or fully connected (fc)");
    case Shape:
        return tr("K output and C input channels (per group), Y×X output map, R×S filter, stride s, groups g; a "
                  "depthwise layer shows its G channels");
    case Engine:
        return tr("The engine (sub-accelerator) that runs the layer, and its chunk of consecutive layers");
    case Dataflow:
        return tr("The engine's spatial-unrolling template");
    case SpatialRows:
        return tr("Dimensions unrolled over the PE rows, with their factors");
    case SpatialCols:
        return tr("Dimensions unrolled over the PE columns, with their factors");
    case RfTile:
        return tr("Temporal loops inside each PE's register file (non-unit factors)");
    case GbTile:
        return tr("Temporal loops over tiles held in the global buffer");
    case DramTile:
        return tr("Temporal loops over tiles fetched from DRAM");
    case LoopOrder:
        return tr("Loop order per level, outermost first: DRAM | GB | RF (only loops with more than one iteration)");
    case Utilization:
        return tr("MACs divided by compute cycles × the engine's PEs");
    case Cycles:
        return tr("Cycles of the layer per batch: the largest of compute, GB and DRAM cycles with double "
                  "buffering, their sum without");
    case LatencyShare:
        return tr("This layer's share of the network's latency");
    case EnergyMac:
    case EnergyRf:
    case EnergyNoc:
    case EnergyGb:
    case EnergyDram:
        return tr("Energy per batch spent in this component, in %1").arg(unit);
    case EnergyTotal:
        return tr("Energy of the layer per batch, in %1").arg(unit);
    case Bound:
        return tr("What limits the layer's cycles: compute, global-buffer bandwidth (GB) or DRAM bandwidth");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace dna::widgets
