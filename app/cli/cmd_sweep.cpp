// dna-cli sweep and sweep-task: a grid of co-searches recorded as a sweep, run here (child processes, N at a time)
// or on a Slurm cluster (a job array), each task claimed once in the store.
#include "cli_args.h"
#include "cli_command.h"
#include "cmd_search.h"
#include "sweep_grid.h"

#include "io/json_io.h"
#include "store/run_store.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace dna::cli {
namespace {

namespace fs = std::filesystem;

volatile std::sig_atomic_t g_stop = 0;
extern "C" void onStop(int) { g_stop = 1; }

std::string selfPath()
{
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("dna-cli") : p.string();
}

std::string claimant()
{
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    return std::string(host) + ":" + std::to_string(getpid());
}

/// A word for a POSIX shell, single-quoted where it needs to be.
std::string shellQuote(const std::string& s)
{
    if (!s.empty()
        && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=/.,:@%")
            == std::string::npos) {
        return s;
    }
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

/// Replaces this (forked) process with `argv`, searched on PATH; exits 127 when it cannot.
[[noreturn]] void execArgs(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
}

/// Starts `argv` with extra environment variables, its output (stdout and stderr) into `logPath`.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::pair<std::string, std::string>>& env,
    const std::string& logPath)
{
    const pid_t pid = fork();
    if (pid != 0) {
        return pid;
    }
    for (const auto& [k, v] : env) {
        setenv(k.c_str(), v.c_str(), 1);
    }
    const int fd = open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
    }
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    execArgs(argv);
}

/// Runs a command to its end; its exit code (-1: could not start or killed) and what it printed.
int capture(const std::vector<std::string>& argv, std::string& output)
{
    int pipefd[2];
    if (pipe(pipefd) != 0) {
        return -1;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], 1);
        dup2(pipefd[1], 2);
        close(pipefd[0]);
        close(pipefd[1]);
        execArgs(argv);
    }
    close(pipefd[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
        if (n > 0) {
            output.append(buf, size_t(n));
        }
    }
    close(pipefd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    if (pid < 0 || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status) == 127 && output.empty() ? -1 : WEXITSTATUS(status);
}

std::string lastLine(const std::string& path)
{
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line)) {
        const auto cr = line.find_last_of('\r');
        if (cr != std::string::npos) {
            line = line.substr(cr + 1);
        }
        if (line.find_first_not_of(" \t") != std::string::npos) {
            last = line;
        }
    }
    return last;
}

/// "0-3,7,9-11" for Slurm's --array.
std::string arraySpec(const std::vector<int>& indices)
{
    std::string s;
    for (size_t i = 0; i < indices.size();) {
        size_t j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) {
            ++j;
        }
        s += (s.empty() ? "" : ",") + std::to_string(indices[i]) + (j > i ? "-" + std::to_string(indices[j]) : "");
        i = j + 1;
    }
    return s;
}

std::string paramsText(const std::string& paramsJson)
{
    const auto j = io::Json::parse(paramsJson, nullptr, false);
    std::string s;
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            s += (s.empty() ? "" : " ") + it.key() + "="
                + (it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
        }
    }
    return s;
}

std::vector<std::string> taskArgs(const store::SweepTaskRecord& t)
{
    const auto j = io::Json::parse(t.argsJson, nullptr, false);
    std::vector<std::string> args;
    if (j.is_array()) {
        for (const auto& a : j) {
            args.push_back(a.is_string() ? a.get<std::string>() : a.dump());
        }
    }
    return args;
}

std::string taskRunName(int64_t sweepId, const store::SweepTaskRecord& t)
{
    return "sweep " + std::to_string(sweepId) + " task " + std::to_string(t.index) + ": " + paramsText(t.paramsJson);
}

struct Executor {
    std::string kind = "local"; // local or slurm
    int jobs = 0; // local: at once (0: the cores); slurm: array tasks at once (0: no limit)
    int threads = 0; // per task (0: the cores divided by jobs locally, --cpus-per-task on Slurm)
    std::string partition, time, mem, scriptDir;
    int cpusPerTask = 1;
    std::vector<std::string> sbatchArgs;
};

int localThreads(const Executor& e, int jobs)
{
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    return e.threads > 0 ? e.threads : std::max(1, cores / std::max(1, jobs));
}

/// Moves the runs a local task wrote into its own file store into the sweep's store (a killed task's run arrives
/// as interrupted); a task that recorded no run gets a failed one with the last line it printed.
void importTask(store::RunStore& db, int64_t sweepId, const store::SweepTaskRecord& task, const std::string& scratch,
    const std::string& log, int exitStatus)
{
    int64_t runId = 0;
    if (fs::exists(scratch)) {
        auto source = store::RunStore::open(scratch); // as the writer: a killed search's run becomes interrupted
        if (source) {
            for (const auto& r : (*source)->runs(true)) {
                runId = db.copyRunFrom(**source, r.id);
            }
        }
    }
    if (runId == 0) {
        store::RunInfo failed;
        failed.name = taskRunName(sweepId, task);
        failed.requestJson = "{}";
        runId = db.createRun(failed);
        std::string why = lastLine(log);
        db.setRunState(runId, store::RunState::Failed,
            "the task's search recorded nothing (exit status " + std::to_string(exitStatus) + ")"
                + (why.empty() ? std::string() : ": " + why));
    }
    db.setTaskRun(sweepId, task.index, runId);
    std::error_code ec;
    for (const char* suffix : { "", "-wal", "-shm", ".lock" }) {
        fs::remove(scratch + suffix, ec);
    }
}

/// Runs the given tasks as child processes of this one, `jobs` at a time. A server store's tasks claim themselves
/// (dna-cli sweep-task); a file store has one writer, this process: it claims each task, the child searches into a
/// file of its own, and the run moves into the store when the child ends.
int runLocal(store::RunStore& db, const std::string& location, int64_t sweepId, const std::vector<int>& indices,
    const Executor& e, std::ostream& out, std::ostream& err)
{
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    const int jobs = std::max(1, e.jobs > 0 ? e.jobs : cores);
    const int threads = localThreads(e, jobs);
    const std::vector<std::pair<std::string, std::string>> env { { "OMP_NUM_THREADS", std::to_string(threads) },
        { "OMP_WAIT_POLICY", "PASSIVE" } };
    std::map<int, store::SweepTaskRecord> tasks;
    for (auto& t : db.sweepTasks(sweepId)) {
        tasks[t.index] = t;
    }
    struct Child {
        int index;
        std::string scratch, log;
    };
    std::map<pid_t, Child> running;
    g_stop = 0;
    // Without SA_RESTART, so that a signal interrupts the wait for the children (std::signal restarts it).
    struct sigaction stop { };
    stop.sa_handler = onStop;
    sigemptyset(&stop.sa_mask);
    struct sigaction previousInt { };
    struct sigaction previousTerm { };
    sigaction(SIGINT, &stop, &previousInt);
    sigaction(SIGTERM, &stop, &previousTerm);
    db.setSweepJob(sweepId, "local", std::to_string(getpid()));
    const std::string self = selfPath();
    size_t next = 0;
    int finished = 0, unfinished = 0;
    bool forwarded = false;
    err << "sweep " << sweepId << ": " << indices.size() << " tasks, " << jobs << " at a time, " << threads << " thread"
        << (threads == 1 ? "" : "s") << " each\n";
    while ((next < indices.size() && !g_stop) || !running.empty()) {
        while (!g_stop && next < indices.size() && int(running.size()) < jobs) {
            const auto& task = tasks.at(indices[next++]);
            const std::string tag = "sweep" + std::to_string(sweepId) + "-task" + std::to_string(task.index);
            Child c { task.index, {}, store::localFileFor(location, tag, ".log") };
            std::vector<std::string> argv;
            if (db.isServer()) {
                argv = { self, "sweep-task", "--db", location, "--sweep", std::to_string(sweepId), "--task",
                    std::to_string(task.index), "--threads", std::to_string(threads) };
            } else {
                if (!db.claimTask(sweepId, task.index, claimant())) {
                    err << "task " << task.index << ": claimed by another process, not run twice\n";
                    continue;
                }
                c.scratch = store::localFileFor(location, tag, ".sqlite");
                argv = { self, "search", "--db", c.scratch, "--name", taskRunName(sweepId, task), "--threads",
                    std::to_string(threads) };
                for (auto& a : taskArgs(task)) {
                    argv.push_back(a);
                }
            }
            const pid_t pid = spawn(argv, env, c.log);
            if (pid < 0) {
                err << "task " << task.index << ": could not start a process (" << std::strerror(errno) << ")\n";
                ++unfinished;
                continue;
            }
            running[pid] = c;
        }
        if (running.empty()) {
            break;
        }
        int status = 0;
        const pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR && g_stop && !forwarded) {
                forwarded = true; // Ctrl-C reaches the children itself; a TERM sent to this process alone does not
                for (const auto& [child, info] : running) {
                    kill(child, SIGTERM);
                }
                err << "stopping: the running tasks are cancelled (kept as cancelled runs), none is started\n";
            }
            continue;
        }
        auto it = running.find(pid);
        if (it == running.end()) {
            continue;
        }
        const Child c = it->second;
        running.erase(it);
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (!db.isServer()) {
            importTask(db, sweepId, tasks.at(c.index), c.scratch, c.log, code);
        } else if (WIFSIGNALED(status)) {
            // A killed task's run would read `running` until its heartbeat goes stale: say what happened now.
            for (const auto& t : db.sweepTasks(sweepId)) {
                if (t.index == c.index && t.runId && t.state == "running") {
                    db.setRunState(t.runId, store::RunState::Interrupted,
                        "the task's process was killed (signal " + std::to_string(WTERMSIG(status)) + ")");
                }
            }
        }
        const auto now = db.sweepTasks(sweepId);
        const auto& t = now.at(size_t(c.index));
        const bool ok = t.finished();
        finished += ok;
        unfinished += !ok;
        err << "task " << c.index << " (" << paramsText(t.paramsJson) << "): " << t.state;
        if (t.runId) {
            err << ", run " << t.runId;
        }
        if (!ok) {
            err << " (log " << c.log << ")";
        } else {
            std::error_code ec;
            fs::remove(c.log, ec);
        }
        err << "  [" << finished + unfinished << "/" << indices.size() << "]\n";
    }
    sigaction(SIGINT, &previousInt, nullptr);
    sigaction(SIGTERM, &previousTerm, nullptr);
    const size_t notStarted = indices.size() - size_t(finished + unfinished);
    out << "sweep " << sweepId << ": " << finished << " of " << indices.size() << " tasks complete";
    if (unfinished || notStarted) {
        out << ", " << unfinished << " unfinished, " << notStarted << " not started; dna-cli sweep --resume " << sweepId
            << " --db " << shellQuote(db.path()) << " runs them";
    }
    out << '\n';
    return unfinished || notStarted ? Failure : Ok;
}

std::string slurmScript(const std::string& location, const std::string& sweepLabel, const Executor& e)
{
    std::ostringstream s;
    s << "#!/bin/bash\n"
      << "# DNA Explorer sweep " << sweepLabel << ": one array task per grid point (dna-cli sweep-task claims it).\n"
      << "#SBATCH --job-name=dna-sweep-" << sweepLabel << "\n"
      << "#SBATCH --cpus-per-task=" << e.cpusPerTask << "\n";
    if (!e.partition.empty()) {
        s << "#SBATCH --partition=" << e.partition << "\n";
    }
    if (!e.time.empty()) {
        s << "#SBATCH --time=" << e.time << "\n";
    }
    if (!e.mem.empty()) {
        s << "#SBATCH --mem=" << e.mem << "\n";
    }
    s << "export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n"
      << "export OMP_WAIT_POLICY=PASSIVE\n"
      << "exec " << shellQuote(selfPath()) << " sweep-task --db " << shellQuote(location) << " --sweep " << sweepLabel
      << " --task \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n";
    return s.str();
}

/// sbatch with the array of `indices`; each task's output goes beside the script (given here: a #SBATCH line cannot
/// hold a path with spaces).
std::vector<std::string> sbatchCommand(
    const Executor& e, const std::string& sweepLabel, const std::vector<int>& indices, const std::string& script)
{
    std::vector<std::string> argv { "sbatch", "--parsable",
        "--array=" + arraySpec(indices) + (e.jobs > 0 ? "%" + std::to_string(e.jobs) : ""),
        "--output=" + (fs::path(script).parent_path() / ("dna-sweep-" + sweepLabel + "-%A_%a.out")).string() };
    argv.insert(argv.end(), e.sbatchArgs.begin(), e.sbatchArgs.end());
    argv.push_back(script);
    return argv;
}

int submitSlurm(store::RunStore& db, int64_t sweepId, const std::vector<int>& indices, const Executor& e,
    std::ostream& out, std::ostream& err)
{
    std::string script = e.scriptDir.empty()
        ? store::localFileFor(db.path(), "sweep" + std::to_string(sweepId), ".sbatch")
        : (fs::path(e.scriptDir) / ("dna-sweep-" + std::to_string(sweepId) + ".sbatch")).string();
    std::error_code ec;
    fs::create_directories(fs::path(script).parent_path(), ec);
    {
        std::ofstream f(script);
        f << slurmScript(db.path(), std::to_string(sweepId), e);
        if (!f) {
            err << "dna-cli sweep: cannot write the job script " << script << "; give a writable --script-dir\n";
            return Failure;
        }
    }
    const auto argv = sbatchCommand(e, std::to_string(sweepId), indices, script);
    std::string output;
    const int code = capture(argv, output);
    if (code != 0) {
        err << "dna-cli sweep: sbatch "
            << (code < 0 ? std::string("could not be run (is Slurm installed and sbatch on PATH?)")
                         : "refused the job (exit " + std::to_string(code) + "): " + output)
            << "\nThe sweep is recorded; dna-cli sweep --resume " << sweepId << " submits it again.\n";
        return Failure;
    }
    const std::string job = output.substr(0, output.find_first_of(";\n"));
    db.setSweepJob(sweepId, "slurm", job);
    out << "sweep " << sweepId << ": submitted " << indices.size() << " tasks as Slurm job " << job << " (script "
        << script << ")\nWatch it: dna-cli sweep --status " << sweepId << " --db " << shellQuote(db.path())
        << ", or open the store in dna-explorer\n";
    return Ok;
}

int execute(store::RunStore& db, int64_t sweepId, const std::vector<int>& indices, const Executor& e, std::ostream& out,
    std::ostream& err)
{
    if (e.kind == "slurm") {
        return submitSlurm(db, sweepId, indices, e, out, err);
    }
    return runLocal(db, db.path(), sweepId, indices, e, out, err);
}

int status(store::RunStore& db, int64_t sweepId, bool json, std::ostream& out, std::ostream& err)
{
    const auto sweep = db.sweep(sweepId);
    if (!sweep) {
        err << "dna-cli sweep: no sweep " << sweepId << " in " << db.path() << '\n';
        return BadUsage;
    }
    const auto tasks = db.sweepTasks(sweepId);
    std::map<std::string, int> counts;
    io::Json list = io::Json::array();
    for (const auto& t : tasks) {
        ++counts[t.state];
        io::Json front = io::Json::array();
        std::string objective = "fps";
        if (t.runId) {
            if (auto r = db.run(t.runId)) {
                objective = r->objective;
            }
            for (const auto& c : db.candidates(t.runId, true)) {
                front.push_back({ { "candidate", c.id }, { "genotype", c.genotype }, { "accuracy", c.accuracy },
                    { "fps", c.fps }, { "latency_ms", c.latencyMs }, { "energy_uj", c.energyUj }, { "edp", c.edp },
                    { "metric", store::frontMetric(c, objective) } });
            }
        }
        list.push_back({ { "index", t.index }, { "params", io::Json::parse(t.paramsJson, nullptr, false) },
            { "state", t.state }, { "run", t.runId }, { "attempts", t.attempts }, { "previous_runs", t.previousRuns },
            { "claim", t.claim }, { "objective", objective }, { "front", front } });
    }
    if (json) {
        out << io::Json { { "sweep", sweep->id }, { "name", sweep->name }, { "created_at", sweep->createdAt },
            { "command", sweep->command }, { "grid", io::Json::parse(sweep->gridJson, nullptr, false) },
            { "executor", sweep->executor }, { "job", sweep->job }, { "tasks", list }, { "counts", counts } }
                   .dump(2)
            << '\n';
        return Ok;
    }
    out << "sweep " << sweep->id << " \"" << sweep->name << "\": " << tasks.size() << " tasks";
    for (const auto& [state, n] : counts) {
        out << ", " << n << ' ' << state;
    }
    if (!sweep->executor.empty()) {
        out << " (" << sweep->executor << (sweep->executor == "slurm" ? " job " : " process ") << sweep->job << ")";
    }
    out << "\n  task  state        run  tries  front  best accuracy        best metric          grid point\n";
    for (const auto& t : list) {
        std::ostringstream line;
        line << "  " << std::setw(4) << t["index"].get<int>() << "  " << std::left << std::setw(11)
             << t["state"].get<std::string>() << std::right << std::setw(5) << t["run"].get<int64_t>() << std::setw(7)
             << t["attempts"].get<int>() << std::setw(7) << t["front"].size() << "  ";
        const auto& front = t["front"];
        const std::string objective = t["objective"].get<std::string>();
        const char* metric = "metric"; // the run objective's value (store::frontMetric)
        const bool maximise = store::frontMaximises(objective);
        if (!front.empty()) {
            const auto* bestAcc = &front[0];
            const auto* bestMetric = &front[0];
            for (const auto& c : front) {
                if (c["accuracy"].get<double>() > (*bestAcc)["accuracy"].get<double>()) {
                    bestAcc = &c;
                }
                const double m = c[metric].get<double>(), b = (*bestMetric)[metric].get<double>();
                if (maximise ? m > b : m < b) {
                    bestMetric = &c;
                }
            }
            std::ostringstream a, m;
            a << std::fixed << std::setprecision(1) << (*bestAcc)["accuracy"].get<double>() * 100 << "% @ "
              << std::setprecision(1) << (*bestAcc)[metric].get<double>() << ' ' << objective;
            m << std::fixed << std::setprecision(1) << (*bestMetric)[metric].get<double>() << ' ' << objective << " @ "
              << (*bestMetric)["accuracy"].get<double>() * 100 << "%";
            line << std::left << std::setw(21) << a.str() << std::setw(21) << m.str() << std::right;
        } else {
            line << std::left << std::setw(21) << "-" << std::setw(21) << "-" << std::right;
        }
        line << paramsText(t["params"].dump());
        out << line.str() << '\n';
    }
    return Ok;
}

/// A file store's tasks claimed by a sweep process that died (killed, the machine restarted): their children may
/// have searched into their own files beside the store. Moves those runs in (a killed search's run as interrupted),
/// so that resuming loses nothing. False when such a file is still being written (a child outlived its sweep):
/// resuming now would run that task twice.
bool adoptOrphans(store::RunStore& db, int64_t sweepId, std::ostream& err)
{
    const fs::path storePath(db.path());
    for (const auto& t : db.sweepTasks(sweepId)) {
        if (t.state != "claimed") {
            continue;
        }
        const std::string prefix
            = storePath.stem().string() + "-sweep" + std::to_string(sweepId) + "-task" + std::to_string(t.index) + "-";
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(storePath.parent_path(), ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".sqlite") {
                continue;
            }
            {
                auto probe = store::RunStore::open(entry.path().string(), store::RunStore::Mode::ReadOnly);
                if (probe && (*probe)->writerAlive()) {
                    err << "dna-cli sweep: task " << t.index << " is still running (a search is writing "
                        << entry.path().string() << "); resume once it has ended\n";
                    return false;
                }
            }
            importTask(db, sweepId, t, entry.path().string(), {}, -1);
            err << "task " << t.index << ": kept the run its search wrote before the sweep process stopped\n";
        }
    }
    return true;
}

int sweep(const std::vector<std::string>& argvIn, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> argv = argvIn;
    for (auto& a : argv) {
        if (a == "-j") {
            a = "--jobs";
        }
    }
    std::vector<std::string> valueOptions { "seeds", "grid-file", "executor", "jobs", "threads-per-task", "partition",
        "time", "cpus-per-task", "mem", "script-dir", "resume", "status", "sweep-name" };
    for (const auto& o : searchValueOptions()) {
        if (o != "name") {
            valueOptions.push_back(o);
        }
    }
    Args args(argv, valueOptions, { "dry-run", "json", "json-progress" }, { "grid", "sbatch-arg" });
    Executor e;
    e.kind = args.valueOr("executor", "local");
    if (e.kind != "local" && e.kind != "slurm") {
        throw UsageError("--executor must be local or slurm, not '" + e.kind + "'");
    }
    e.jobs = int(args.integer("jobs", 0, 1, 100000));
    e.threads = int(args.integer("threads-per-task", 0, 1, 256));
    e.cpusPerTask = int(args.integer("cpus-per-task", 1, 1, 1024));
    e.partition = args.valueOr("partition", "");
    e.time = args.valueOr("time", "");
    e.mem = args.valueOr("mem", "");
    e.scriptDir = args.valueOr("script-dir", "");
    e.sbatchArgs = args.values("sbatch-arg");
    const std::string location = args.valueOr("db", store::defaultStorePath());
    const bool dryRun = args.flag("dry-run");

    if (args.value("status") || args.value("resume")) {
        const bool resume = bool(args.value("resume"));
        // The tasks run as they were recorded: a grid or search option here would be silently ignored.
        for (const auto& o : searchValueOptions()) {
            if (o != "db" && args.value(o)) {
                throw UsageError("--" + o + " cannot be given with --" + (resume ? "resume" : "status")
                    + ": a sweep's tasks keep the options they were recorded with (start a new sweep to change them)");
            }
        }
        if (!args.values("grid").empty() || args.value("seeds") || args.value("grid-file")) {
            throw UsageError(std::string("a grid cannot be given with --") + (resume ? "resume" : "status"));
        }
        const long long id = args.integer(resume ? "resume" : "status", 0, 1, 1LL << 62);
        auto opened = store::RunStore::open(
            location, resume ? store::RunStore::Mode::ReadWrite : store::RunStore::Mode::ReadOnly);
        if (!opened) {
            return reportError(err, "sweep", opened.error(), "--db");
        }
        auto& db = **opened;
        if (!resume) {
            return status(db, id, args.flag("json"), out, err);
        }
        if (!db.sweep(id)) {
            err << "dna-cli sweep: no sweep " << id << " in " << db.path() << '\n';
            return BadUsage;
        }
        if (e.kind == "slurm" && !db.isServer()) {
            throw UsageError("--executor slurm needs a server store (--db postgresql://...): the tasks run on several "
                             "machines and write at once");
        }
        if (!db.isServer() && !adoptOrphans(db, id, err)) {
            return Failure;
        }
        const auto queued = db.requeueUnfinished(id);
        if (queued.empty()) {
            out << "sweep " << id << ": nothing to resume, every task is complete or running\n";
            return Ok;
        }
        err << "sweep " << id << ": resuming " << queued.size() << " tasks (" << arraySpec(queued) << ")\n";
        return execute(db, id, queued, e, out, err);
    }

    Grid grid;
    for (const auto& g : args.values("grid")) {
        addGridAxis(grid, g);
    }
    if (auto s = args.value("seeds")) {
        addSeedAxis(grid, *s);
    }
    if (auto f = args.value("grid-file")) {
        readGridFile(grid, *f);
    }
    if (grid.axes.empty()) {
        throw UsageError(
            "a sweep needs a grid: --grid OPTION=V1,V2,... (repeatable), --seeds FROM-TO, or --grid-file F");
    }
    // Every search option given beside the grid holds for every task.
    for (const auto& o : searchValueOptions()) {
        if (o == "db" || o == "name") {
            continue;
        }
        if (auto v = args.value(o)) {
            for (const auto& a : grid.axes) {
                if (a.option == o) {
                    throw UsageError("--" + o + " is both fixed and a grid axis");
                }
            }
            grid.fixed.push_back("--" + o);
            grid.fixed.push_back(*v);
        }
    }
    if (args.flag("json-progress")) {
        grid.fixed.push_back("--json-progress"); // each task's output (its log) as JSON lines
    }
    const auto tasks = grid.tasks();
    if (tasks.size() > 100000) {
        throw UsageError("the grid has " + std::to_string(tasks.size()) + " tasks; at most 100000");
    }
    // Every task's options must make a search before anything is recorded or submitted.
    for (const auto& t : tasks) {
        try {
            auto parsed = parseSearch(taskArgs(t));
            if (!parsed) {
                throw UsageError(parsed.error().detail);
            }
        } catch (const UsageError& bad) {
            throw UsageError("task " + std::to_string(t.index) + " (" + paramsText(t.paramsJson) + "): " + bad.what());
        }
    }
    const bool server = store::RunStore::isServerLocation(location);
    if (e.kind == "slurm" && !server) {
        throw UsageError("--executor slurm needs a server store (--db postgresql://...): the tasks run on several "
                         "machines and write at once");
    }
    if (dryRun) {
        out << tasks.size() << " tasks (" << grid.describe() << "):\n";
        for (const auto& t : tasks) {
            out << "  " << std::setw(4) << t.index << "  dna-cli search";
            for (const auto& a : taskArgs(t)) {
                out << ' ' << shellQuote(a);
            }
            out << '\n';
        }
        if (e.kind == "slurm") {
            std::vector<int> all;
            for (const auto& t : tasks) {
                all.push_back(t.index);
            }
            out << "\nJob script (the sweep's id replaces NEW when it is recorded):\n"
                << slurmScript(store::shownLocation(location), "NEW", e) << "\nSubmitted with:";
            for (const auto& a : sbatchCommand(e, "NEW", all, (fs::path(e.scriptDir) / "SCRIPT").string())) {
                out << ' ' << shellQuote(a);
            }
            out << '\n';
        }
        return Ok;
    }
    auto opened = store::RunStore::open(location);
    if (!opened) {
        return reportError(err, "sweep", opened.error(), "--db");
    }
    auto& db = **opened;
    store::SweepInfo info;
    info.name = args.valueOr("sweep-name", grid.describe());
    info.command = "dna-cli sweep";
    for (const auto& a : argvIn) {
        info.command += ' ' + shellQuote(a);
    }
    info.gridJson = grid.toJson();
    info.executor = e.kind;
    const int64_t id = db.createSweep(info, tasks);
    err << "sweep " << id << " recorded in " << db.path() << ": " << tasks.size() << " tasks (" << grid.describe()
        << ")\n";
    std::vector<int> all;
    for (const auto& t : tasks) {
        all.push_back(t.index);
    }
    return execute(db, id, all, e, out, err);
}

int sweepTask(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    Args args(argv, { "db", "sweep", "task", "threads" }, {});
    if (!args.value("db") || !args.value("sweep") || !args.value("task")) {
        throw UsageError("--db, --sweep and --task are required");
    }
    const std::string location = *args.value("db");
    const int64_t sweepId = args.integer("sweep", 0, 1, 1LL << 62);
    const int index = int(args.integer("task", 0, 0, 1 << 30));
    store::SweepTaskRecord task;
    {
        auto opened = store::RunStore::open(location, store::RunStore::Mode::ReadOnly);
        if (!opened) {
            return reportError(err, "sweep-task", opened.error(), "--db");
        }
        const auto tasks = (*opened)->sweepTasks(sweepId);
        auto it = std::find_if(tasks.begin(), tasks.end(), [&](const auto& t) { return t.index == index; });
        if (it == tasks.end()) {
            err << "dna-cli sweep-task: sweep " << sweepId << " has no task " << index << " in " << (*opened)->path()
                << " (it has " << tasks.size() << ")\n";
            return BadUsage;
        }
        task = *it;
    }
    std::vector<std::string> searchArgs = taskArgs(task);
    const bool hasThreads = std::find(searchArgs.begin(), searchArgs.end(), "--threads") != searchArgs.end();
    if (auto t = args.value("threads"); t && !hasThreads) {
        searchArgs.insert(searchArgs.end(), { "--threads", *t });
    }
    searchArgs.insert(searchArgs.end(), { "--db", location, "--name", taskRunName(sweepId, task) });
    const std::string me = claimant();
    SearchHooks hooks;
    hooks.beforeRun = [&](store::RunStore& db) {
        if (db.claimTask(sweepId, index, me)) {
            return true;
        }
        std::string by;
        for (const auto& t : db.sweepTasks(sweepId)) {
            if (t.index == index) {
                by = t.claim + " (" + t.state + ")";
            }
        }
        out << "task " << index << " of sweep " << sweepId << " was claimed by " << by << ": not running it twice\n";
        return false;
    };
    hooks.runCreated = [&](store::RunStore& db, int64_t runId) { db.setTaskRun(sweepId, index, runId); };
    return runSearch(searchArgs, out, err, hooks);
}

Registrar sweepCmd({ "sweep", "a grid of co-searches (budgets, lambdas, seeds) here or on a Slurm cluster",
    "[--grid OPTION=V1,V2,...]... [--seeds FROM-TO|S1,S2,...] [--grid-file F.json] [SEARCH OPTIONS]\n"
    "       [--db FILE|postgresql://...] [--sweep-name TEXT] [--executor local|slurm] [-j N] [--threads-per-task C]\n"
    "       [--partition P] [--time T] [--cpus-per-task C] [--mem M] [--sbatch-arg ARG]... [--script-dir DIR]\n"
    "       [--dry-run]\n"
    "   or: dna-cli sweep --status S [--json] [--db STORE]\n"
    "   or: dna-cli sweep --resume S [--executor local|slurm ...] [--db STORE]\n\n"
    "Each grid point is one `dna-cli search` (any of its options may be an axis: dsp, bram18, pes, gb-kib, lambda,\n"
    "min-fps, platform, objective, epochs, seed, ...; options given outside the grid hold for every task). The\n"
    "sweep and its tasks are recorded in the store; each task is claimed there once, so a task started twice runs\n"
    "once. --executor local runs -j N tasks at a time as child processes (OMP_NUM_THREADS and\n"
    "OMP_WAIT_POLICY=PASSIVE set); --executor slurm (a server store) writes a job script and submits it with\n"
    "sbatch --array (-j N: at most N array tasks at once). --resume re-queues the tasks that did not finish and\n"
    "runs only those. A grid file is {\"axes\": {\"dsp\": [300, 600]}, \"seeds\": \"1-3\", \"options\": {\"epochs\": "
    "2}}.",
    sweep });

Registrar sweepTaskCmd({ "sweep-task", "run one task of a sweep (what each Slurm array task runs)",
    "--db STORE --sweep S --task I [--threads N]\n\nClaims the task in the store and runs its search into it; a task "
    "claimed before (running elsewhere or done) is not run again (exit 0).",
    sweepTask });

} // namespace
} // namespace dna::cli
