#include "util/cpu_share.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace dna {

namespace {

/// Busy ticks of all CPUs together (user, nice, system, irq, softirq, steal), or < 0.
double machineBusyTicks()
{
    std::ifstream in("/proc/stat");
    std::string cpu;
    double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    if (!(in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal) || cpu != "cpu") {
        return -1;
    }
    return user + nice + system + irq + softirq + steal;
}

/// This process's user + system ticks (fields 14 and 15 of /proc/self/stat), or < 0.
double ownTicks()
{
    std::ifstream in("/proc/self/stat");
    std::string line;
    if (!std::getline(in, line)) {
        return -1;
    }
    const size_t paren = line.rfind(')'); // the command name may hold spaces
    if (paren == std::string::npos) {
        return -1;
    }
    std::istringstream fields(line.substr(paren + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14) {
            utime = std::stod(field);
        } else if (i == 15) {
            stime = std::stod(field);
        }
    }
    return fields ? utime + stime : -1;
}

} // namespace

double CpuShare::othersSinceLastSample()
{
    const double now = std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    const bool first = m_busyTicks < 0;
    if (!first && now - m_wallSeconds < 0.5) {
        return -1; // too short to say anything at 100 ticks a second: keep measuring from the last sample
    }
    const double busy = machineBusyTicks();
    const double own = ownTicks();
    const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    if (busy < 0 || own < 0 || ticksPerSecond <= 0) {
        return -1;
    }
    const double others = (busy - m_busyTicks - (own - m_ownTicks)) / ticksPerSecond / (now - m_wallSeconds);
    m_busyTicks = busy;
    m_ownTicks = own;
    m_wallSeconds = now;
    return first ? -1 : std::max(0.0, others);
}

int threadsBeside(double othersCores, int cpus, int requested)
{
    const int left = int(std::lround(double(cpus) - std::max(0.0, othersCores)));
    return std::clamp(left, 1, std::max(1, requested));
}

int onlineCpus() { return std::max(1, int(::sysconf(_SC_NPROCESSORS_ONLN))); }

} // namespace dna
