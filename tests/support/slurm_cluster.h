#pragma once

// A throwaway single-node Slurm cluster for tests and benchmarks: munged with a key of its own (socket, key, pid
// and log in a temporary folder, run as the `munge` user), slurmctld and slurmd with a generated minimal slurm.conf
// (this host on 127.0.0.1 with free ports, no accounting, no cgroups, proctrack/linuxproc, state in the folder),
// SLURM_CONF set for this process and its children; every daemon stopped by its PID at the end (also when the test
// process dies: a watchdog). Needs root (slurmd runs jobs as their user) and the slurm-wlm package.
#include "watchdog.h"

#include <QProcess>
#include <QtCore/qtestsupport_core.h> // QTest::qWaitFor, in QtCore

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dna::testing {

class SlurmCluster {
public:
    SlurmCluster()
    {
        if (::geteuid() != 0) {
            m_error = "a Slurm test cluster needs root (slurmd starts jobs as their user)";
            return;
        }
        char dir[] = "/tmp/dna-slurm-XXXXXX";
        if (!::mkdtemp(dir)) {
            m_error = "cannot create a temporary folder";
            return;
        }
        m_dir = dir;
        ::chmod(m_dir.c_str(), 0755);
        const std::string munge = m_dir + "/munge";
        if (run("mkdir -p " + munge + " " + m_dir + "/state " + m_dir + "/spool && chown munge: " + munge) != 0
            || run("runuser -u munge -- /usr/sbin/mungekey -c -k " + munge + "/munge.key") != 0) {
            m_error = "cannot make a munge key (is the slurm-wlm package, with munge, installed?)";
            return;
        }
        if (run("runuser -u munge -- /usr/sbin/munged --socket=" + munge + "/munge.sock --key-file=" + munge
                + "/munge.key --pid-file=" + munge + "/munged.pid --log-file=" + munge
                + "/munged.log --seed-file=" + munge + "/munge.seed")
            != 0) {
            m_error = "munged did not start: " + readFile(munge + "/munged.log");
            return;
        }
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        std::string node = host;
        node = node.substr(0, node.find('.'));
        const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
        std::ofstream conf(m_dir + "/slurm.conf");
        conf << "ClusterName=dnatest\nSlurmctldHost=" << node << "(127.0.0.1)\nSlurmUser=root\nSlurmdUser=root\n"
             << "AuthType=auth/munge\nCredType=cred/munge\nAuthInfo=socket=" << munge << "/munge.sock\n"
             << "SlurmctldPort=" << freePort() << "\nSlurmdPort=" << freePort() << "\n"
             << "StateSaveLocation=" << m_dir << "/state\nSlurmdSpoolDir=" << m_dir << "/spool\n"
             << "SlurmctldPidFile=" << m_dir << "/slurmctld.pid\nSlurmdPidFile=" << m_dir << "/slurmd.pid\n"
             << "SlurmctldLogFile=" << m_dir << "/slurmctld.log\nSlurmdLogFile=" << m_dir << "/slurmd.log\n"
             << "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nJobAcctGatherType=jobacct_gather/none\n"
             << "AccountingStorageType=accounting_storage/none\nSelectType=select/cons_tres\n"
             << "SelectTypeParameters=CR_Core\nMpiDefault=none\nReturnToService=2\nMailProg=/bin/true\n"
             << "NodeName=" << node << " NodeAddr=127.0.0.1 CPUs=" << cpus << " RealMemory=1000 State=UNKNOWN\n"
             << "PartitionName=test Nodes=" << node << " Default=YES MaxTime=INFINITE State=UP\n";
        conf.close();
        ::setenv("SLURM_CONF", (m_dir + "/slurm.conf").c_str(), 1);
        m_watchdog.arm(stopCommand());
        if (run("/usr/sbin/slurmctld -c >" + m_dir + "/slurmctld.out 2>&1") != 0
            || run("/usr/sbin/slurmd >" + m_dir + "/slurmd.out 2>&1") != 0) {
            m_error = "the Slurm daemons did not start: " + readFile(m_dir + "/slurmctld.log")
                + readFile(m_dir + "/slurmd.log");
            return;
        }
        // Ready when the node is idle (about a second); the node's state is only known by asking sinfo.
        m_ready = QTest::qWaitFor(
            [] {
                QProcess sinfo;
                sinfo.start(
                    QStringLiteral("sinfo"), { QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%T") });
                sinfo.waitForFinished(10000);
                return sinfo.readAllStandardOutput().trimmed() == "idle";
            },
            60000);
        if (!m_ready) {
            m_error = "the Slurm node never became idle: " + readFile(m_dir + "/slurmctld.log");
        }
    }

    ~SlurmCluster()
    {
        m_watchdog.disarm();
        if (!m_dir.empty()) {
            run(stopCommand());
        }
        ::unsetenv("SLURM_CONF");
    }
    SlurmCluster(const SlurmCluster&) = delete;
    SlurmCluster& operator=(const SlurmCluster&) = delete;

    bool ok() const { return m_ready; }
    const std::string& error() const { return m_error; }
    const std::string& folder() const { return m_dir; }

private:
    /// Cancels every job (its processes), stops slurmd, slurmctld and munged by their PIDs, removes the folder.
    std::string stopCommand() const
    {
        std::string s = "scancel --full --quiet --user=root >/dev/null 2>&1;";
        for (const char* pid : { "/slurmd.pid", "/slurmctld.pid", "/munge/munged.pid" }) {
            const std::string file = m_dir + pid;
            s += " if [ -f " + file + " ]; then p=$(cat " + file
                + "); kill $p 2>/dev/null; for i in $(seq 50); do"
                  " kill -0 $p 2>/dev/null || break; sleep 0.1; done; kill -9 $p 2>/dev/null; fi;";
        }
        return s + " rm -rf " + m_dir;
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
            port = ntohs(a.sin_port);
        }
        ::close(fd);
        return port;
    }

    static int run(const std::string& command) { return runShell(command); }
    static std::string readFile(const std::string& path) { return readWholeFile(path); }

    std::string m_dir;
    std::string m_error;
    bool m_ready = false;
    Watchdog m_watchdog;
};

} // namespace dna::testing
