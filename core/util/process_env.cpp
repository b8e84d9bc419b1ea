#include "util/process_env.h"

#include <cstdlib>
#include <unistd.h>

namespace dna {

void ensurePassiveOpenMpWaits(char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("DNA_KEEP_OMP_ENV") != nullptr || !argv) {
        return;
    }
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0) {
        return;
    }
    ::execv("/proc/self/exe", argv); // returns only on failure
}

} // namespace dna
