#pragma once

#include "accel/cost_model.h"

#include <iosfwd>

namespace dna::cli {

/// The human-readable per-layer table and totals shared by `evaluate` and `hwsearch`.
void printCostTable(std::ostream& out, const accel::Design& design, const accel::DesignCost& cost);

} // namespace dna::cli
