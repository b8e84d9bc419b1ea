// The PostgreSQL backend of the run store: many writers at once, each its own runs, with a heartbeat per writer.
#include "store/backends.h"
#include "store/postgres.h"
#include "store/schema.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include <unistd.h>

namespace dna::store {

namespace {

std::string hostName()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0 || !buf[0]) {
        return "unknown host";
    }
    return buf;
}

/// This process's token as a writer: random, so runs of two processes (or two stores of one) never mix.
std::string newWriterToken()
{
    std::random_device rd;
    std::mt19937_64 g((uint64_t(rd()) << 32) ^ rd() ^ uint64_t(::getpid()));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", (unsigned long long)g(), (unsigned long long)g());
    return buf;
}

const std::string kStale = "interval '" + std::to_string(RunStore::kStaleSeconds) + " seconds'";

/// Marks runs whose writer stopped refreshing their heartbeat as interrupted; returns their ids.
std::vector<int64_t> markStaleRuns(Connection& c)
{
    Statement mark(c,
        "UPDATE runs SET state = 'interrupted', finished_at = ?1, error = 'the process writing this run on '"
        " || writer_host || ' stopped while the run was in progress (no heartbeat for "
            + std::to_string(RunStore::kStaleSeconds) + " s)' WHERE state = 'running' AND heartbeat_at < now() - "
            + kStale + " RETURNING id");
    mark.bind(1, nowIso8601());
    std::vector<int64_t> ids;
    while (mark.step()) {
        ids.push_back(mark.integer(0));
    }
    return ids;
}

class PgRunStore final : public RunStore {
public:
    PgRunStore(std::unique_ptr<PgConnection> c, const std::string& uri, Mode mode)
        : RunStore(nullptr, c->label(), mode)
        , m_pg(c.get())
        , m_uri(uri)
        , m_host(hostName())
        , m_token(newWriterToken())
    {
        m_pg->setLostFlag(&m_lost);
        m_db = std::move(c);
    }

    ~PgRunStore() override
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_heartbeat.joinable()) {
            m_heartbeat.join();
        }
    }

    /// The writer's part of opening: stale runs marked interrupted, then the heartbeat thread.
    void startWriting()
    {
        m_recovered = markStaleRuns(db());
        if (!m_recovered.empty()) {
            committed();
        }
        m_heartbeat = std::thread([this] { heartbeatLoop(); });
    }

    bool isServer() const override { return true; }
    bool writerAlive() const override { return true; }
    std::vector<std::string> integrityCheck() const override { return {}; } // the server checks its own pages

    int schemaVersion() const override
    {
        Statement v(db(), "SELECT max(version) FROM dna_schema");
        v.step();
        return int(v.integer(0));
    }

    int64_t changeCounter() const override
    {
        Statement v(db(), "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM dna_changes");
        v.step();
        return v.integer(0);
    }

    /// Batches go through COPY: one round trip per table instead of one per row.
    std::vector<int64_t> addCandidates(int64_t runId, const std::vector<CandidateRecord>& candidates,
        const std::vector<std::vector<LayerMappingRecord>>& mappings) override
    {
        std::vector<int64_t> ids;
        if (candidates.empty()) {
            return ids;
        }
        // Six round trips per batch: BEGIN with the ids, two COPYs of two trips each, and the accuracy history
        // with COMMIT and the change counter.
        Transaction t(db(), Transaction::AlreadyBegun); // rolls back whatever part of the batch went
        ids = m_pg->integers("BEGIN; SELECT nextval('candidates_id_seq') FROM generate_series(1, "
            + std::to_string(candidates.size()) + ")");
        CopyRows rows, layers;
        for (size_t i = 0; i < candidates.size(); ++i) {
            rows.field(ids[i]);
            candidateFields(runId, candidates[i], [&](const auto& v) { rows.field(v); });
            rows.endRow();
            if (i < mappings.size()) {
                for (const auto& l : mappings[i]) {
                    mappingFields(ids[i], l, [&](const auto& v) { layers.field(v); });
                    layers.endRow();
                }
            }
        }
        m_pg->copyRows("candidates", std::string("id, ") + kCandidateFields, rows.data());
        if (!layers.empty()) {
            m_pg->copyRows("layer_mappings", kMappingFields, layers.data());
        }
        std::string list;
        for (int64_t id : ids) {
            list += (list.empty() ? "" : ",") + std::to_string(id);
        }
        m_pg->integers("INSERT INTO estimates(candidate_id, epoch, accuracy, kind) SELECT id, estimate_epoch, accuracy,"
                       " accuracy_kind FROM candidates WHERE id IN ("
            + list + ") ORDER BY id; COMMIT; SELECT nextval('dna_changes')");
        t.committedBy();
        return ids;
    }

protected:
    std::string runSelect(bool counts = true) const override
    {
        const std::string stale = "r.state = 'running' AND r.heartbeat_at < now() - " + kStale;
        return "SELECT r.id, r.name, r.request, CASE WHEN " + stale
            + " THEN 'interrupted' ELSE r.state END, r.created_at, r.finished_at, r.seed, r.app_version, r.objective,"
              " CASE WHEN "
            + stale
            + " THEN 'the process writing this run on ' || r.writer_host || ' stopped while the run was in "
              "progress (no heartbeat for "
            + std::to_string(kStaleSeconds) + " s)' ELSE r.error END, "
            + (counts ? "(SELECT count(*) FROM candidates c WHERE c.run_id = r.id)" : "0")
            + ", r.trashed, r.writer_host, r.writer_token = '" + m_token + "' FROM runs r";
    }

    std::pair<std::string, std::string> writerColumns() const override
    {
        return { ", writer_host, writer_token, heartbeat_at", ", ?8, ?9, now()" };
    }
    void bindWriter(Statement& s) const override { s.bind(8, m_host).bind(9, m_token); }

    void committed() override
    {
        Statement s(db(), "SELECT nextval('dna_changes')");
        s.step();
    }

private:
    /// Every kHeartbeatSeconds on a connection of its own: refreshes this writer's running runs, and marks those
    /// of dead writers interrupted. A failed beat (server away) is retried on the next one with a new connection.
    /// Once the store's own connection is lost, this writer can record nothing more: its running runs are marked
    /// failed with the reason (they would otherwise read `running` as long as this process lives) and the beats
    /// stop.
    void heartbeatLoop()
    {
        std::unique_ptr<PgConnection> c;
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stop) {
            m_wake.wait_for(lock, std::chrono::seconds(kHeartbeatSeconds), [this] { return m_stop; });
            if (m_stop) {
                break;
            }
            lock.unlock();
            try {
                if (!c) {
                    c = std::make_unique<PgConnection>(m_uri, m_path);
                }
                if (m_lost) {
                    Statement failed(*c,
                        "UPDATE runs SET state = 'failed', finished_at = ?1, error = 'the process writing this run on '"
                        " || writer_host || ' lost its connection to the store; what it committed is kept'"
                        " WHERE writer_token = ?2 AND state = 'running'");
                    failed.bind(1, nowIso8601()).bind(2, m_token).step();
                    Statement s(*c, "SELECT nextval('dna_changes')");
                    s.step();
                    break;
                }
                Statement beat(
                    *c, "UPDATE runs SET heartbeat_at = now() WHERE writer_token = ?1 AND state = 'running'");
                beat.bind(1, m_token).step();
                if (!markStaleRuns(*c).empty()) {
                    Statement s(*c, "SELECT nextval('dna_changes')");
                    s.step();
                }
            } catch (const StoreError&) {
                c.reset();
            }
            lock.lock();
        }
    }

    PgConnection* m_pg;
    std::string m_uri;
    std::string m_host;
    std::string m_token;
    std::atomic<bool> m_lost { false }; // the store's own connection is gone
    std::thread m_heartbeat;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace

Expected<std::unique_ptr<RunStore>> openPgStore(const std::string& uri, RunStore::Mode mode)
{
    const std::string label = withoutPassword(uri);
    if (hasPassword(uri)) {
        return Error { ErrorCode::BadPath,
            "the store URI '" + label
                + "' carries a password; give it through ~/.pgpass or the PGPASSWORD variable instead (a password in "
                  "a command line is seen by every user of the machine)" };
    }
    std::unique_ptr<PgConnection> c;
    try {
        c = std::make_unique<PgConnection>(uri, label);
    } catch (const StoreError& e) {
        return Error { ErrorCode::CannotOpen, e.what() };
    }
    try {
        Statement look(*c,
            "SELECT to_regclass('dna_schema') IS NOT NULL, (SELECT count(*) FROM pg_tables WHERE schemaname ="
            " current_schema())");
        look.step();
        const bool ours = look.integer(0) != 0;
        const int64_t tables = look.integer(1);
        if (!ours && tables > 0) {
            return Error { ErrorCode::NotAStore,
                "database '" + label
                    + "' has tables but is not a DNA Explorer store; it was left untouched. Create an empty database "
                      "for the store (createdb) and point --db at it" };
        }
        int version = 0;
        if (ours) {
            Statement v(*c, "SELECT max(version) FROM dna_schema");
            v.step();
            version = int(v.integer(0));
        }
        if (version > RunStore::kSchemaVersion) {
            return Error { ErrorCode::NewerSchema,
                "store '" + label + "' has schema version " + std::to_string(version) + ", newer than this build's "
                    + std::to_string(RunStore::kSchemaVersion)
                    + "; use a newer DNA Explorer with it (nothing was changed)" };
        }
        if (mode == RunStore::Mode::ReadOnly) {
            if (!ours) {
                return Error { ErrorCode::CannotOpen,
                    "store '" + label + "' is an empty database: no run was written to it yet" };
            }
            if (version < RunStore::kSchemaVersion) {
                return Error { ErrorCode::OldSchema,
                    "store '" + label + "' has schema version " + std::to_string(version)
                        + "; open it once for writing to migrate it to version "
                        + std::to_string(RunStore::kSchemaVersion) };
            }
            return std::unique_ptr<RunStore>(new PgRunStore(std::move(c), uri, mode));
        }
        const int found = migratePgSchema(*c);
        if (found > RunStore::kSchemaVersion) {
            return Error { ErrorCode::NewerSchema,
                "store '" + label + "' was just migrated to schema version " + std::to_string(found)
                    + " by a newer DNA Explorer; use a newer DNA Explorer with it (nothing was changed)" };
        }
        auto store = std::make_unique<PgRunStore>(std::move(c), uri, mode);
        store->startWriting();
        return std::unique_ptr<RunStore>(std::move(store));
    } catch (const StoreError& e) {
        return Error { ErrorCode::CannotOpen, std::string("cannot prepare store: ") + e.what() };
    }
}

} // namespace dna::store
