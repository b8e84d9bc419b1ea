#pragma once

// Helpers of the server fixtures (pg_server.h, slurm_cluster.h): shell commands, log files, and cleanup that runs
// even when a test process dies without its destructors (a crash, an abort, a kill): a child
// process waits for the end of a pipe only the test process holds open, then runs a shell command.
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace dna::testing {

/// Runs a shell command; its exit status as std::system gives it.
inline int runShell(const std::string& command) { return std::system(command.c_str()); }

/// A whole file, empty when it cannot be read (a log a server may not have written).
inline std::string readWholeFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class Watchdog {
public:
    Watchdog() = default;
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;
    ~Watchdog() { disarm(); }

    /// Runs `cleanup` (sh -c) once this process is gone, unless disarmed first.
    void arm(const std::string& cleanup)
    {
        disarm();
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            return;
        }
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[1]);
            char c;
            while (::read(fds[0], &c, 1) != 0) { // only EOF: the test process is gone
            }
            ::execl("/bin/sh", "sh", "-c", cleanup.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[0]);
        if (pid > 0) {
            m_pid = pid;
            m_lifeline = fds[1];
        } else {
            ::close(fds[1]);
        }
    }

    /// The owner cleans up itself: the watchdog goes without running its command.
    void disarm()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            ::close(m_lifeline);
            m_pid = -1;
        }
    }

private:
    pid_t m_pid = -1;
    int m_lifeline = -1;
};

} // namespace dna::testing
