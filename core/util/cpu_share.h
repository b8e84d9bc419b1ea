#pragma once

namespace dna {

/// How much of the machine the rest of it uses: the CPU time every other process spent since the previous
/// sample, in cores (1.0 = one core kept busy), from /proc/stat and /proc/self/stat. Linux only; elsewhere, and
/// on the first call, it returns a negative value ("unknown").
class CpuShare {
public:
    double othersSinceLastSample();

private:
    double m_busyTicks = -1; // all CPUs' busy time at the previous sample
    double m_ownTicks = 0; // this process's CPU time then
    double m_wallSeconds = 0;
};

/// The threads a computation should use beside `othersCores` of other work on `cpus` cores: the cores left,
/// rounded, between 1 and `requested`. Two threads on two cores beside one busy process would share a core
/// with it, and every parallel step would wait for the slower one; one thread on the free core does not.
int threadsBeside(double othersCores, int cpus, int requested);

/// Online CPUs of this machine.
int onlineCpus();

} // namespace dna
