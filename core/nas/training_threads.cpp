// The training threads: setTrainingThreads and adaptTrainingThreads (declared in nas/supernet.h). Only ATen's
// thread-count header, not the whole of torch.
#include "nas/supernet.h"
#include "util/cpu_share.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <malloc.h>

namespace dna::nas {

namespace {
// The training thread's limits: what the caller asked for and what is in use (per thread, as torch's setting).
thread_local int t_requestedThreads = 1;
thread_local int t_threads = 1;
thread_local CpuShare t_cpuShare;
} // namespace

int adaptTrainingThreads()
{
    const double others = t_cpuShare.othersSinceLastSample();
    if (others < 0 || t_requestedThreads <= 1) {
        return t_threads;
    }
    const int threads = threadsBeside(others, onlineCpus(), t_requestedThreads);
    if (threads != t_threads) {
        at::set_num_threads(threads);
        t_threads = threads;
    }
    return t_threads;
}

void setTrainingThreads(int threads)
{
    t_requestedThreads = t_threads = std::max(1, threads);
    t_cpuShare = CpuShare {};
    at::set_num_threads(std::max(1, threads));
#ifdef __GLIBC__
    // Activations of the 28x28 e6 ops at batch 128 are ~40 MB, above glibc's largest mmap threshold (32 MB):
    // every such tensor would be a fresh mmap, page-faulted and zeroed on each step. Serving them from the
    // heap and not trimming it avoids that; a process-wide setting, harmless for the rest of the program.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

} // namespace dna::nas
