#include "accel/platform.h"

namespace dna::accel {

const char* targetName(Target t) { return t == Target::Fpga ? "fpga" : "asic"; }

double dspPerMac(int bits)
{
    if (bits <= 8) {
        return 0.5;
    }
    if (bits <= 18) {
        return 1.0;
    }
    return 4.0;
}

} // namespace dna::accel
