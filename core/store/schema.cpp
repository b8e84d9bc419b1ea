#include "store/schema.h"

#include "store/sql.h"

#include <iterator>
#include <string>

namespace dna::store {

namespace {

// Schema version 1: runs, candidates, per-layer mappings, epochs, checkpoints.
const char* const kSchemaV1[] = {
    "CREATE TABLE runs(id INTEGER PRIMARY KEY, request TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL,"
    " finished_at TEXT, seed INTEGER, app_version TEXT, objective TEXT NOT NULL DEFAULT 'fps', error TEXT)",
    "CREATE TABLE candidates(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " epoch INTEGER, genotype TEXT NOT NULL, accuracy REAL, accuracy_kind TEXT, fps REAL, latency_ms REAL,"
    " energy_uj REAL, edp REAL, dsp REAL, bram18 INTEGER, area_mm2 REAL, valid INTEGER NOT NULL DEFAULT 1,"
    " on_front INTEGER NOT NULL DEFAULT 0, design TEXT)",
    "CREATE INDEX candidates_run ON candidates(run_id)",
    "CREATE TABLE layer_mappings(candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
    " layer_index INTEGER NOT NULL, name TEXT, type TEXT, shape TEXT, engine INTEGER, dataflow TEXT, mapping TEXT,"
    " cycles REAL, energy_mac REAL, energy_rf REAL, energy_noc REAL, energy_gb REAL, energy_dram REAL,"
    " utilization REAL, bound TEXT, PRIMARY KEY(candidate_id, layer_index))",
    "CREATE TABLE epochs(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,"
    " train_loss REAL, val_accuracy REAL, temperature REAL, lambda REAL, seconds REAL, metrics TEXT,"
    " PRIMARY KEY(run_id, epoch))",
    "CREATE TABLE checkpoints(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,"
    " path TEXT NOT NULL, PRIMARY KEY(run_id, epoch))",
};
// Version 2: run names (the runs browser renames runs) and an index for front queries.
const char* const kSchemaV2[] = {
    "ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX candidates_front ON candidates(run_id, on_front)",
};
// Version 3: undoable delete (a trashed run keeps its rows until purgeTrash).
const char* const kSchemaV3[] = {
    "ALTER TABLE runs ADD COLUMN trashed INTEGER NOT NULL DEFAULT 0",
};
// Version 4: where a retrained candidate's trained weights were written (empty: none).
const char* const kSchemaV4[] = {
    "ALTER TABLE candidates ADD COLUMN weights_path TEXT NOT NULL DEFAULT ''",
};

// Version 5: comparable estimates. The epoch of the weights behind each supernet estimate (the search
// re-estimates the front after every epoch) and the history of every accuracy a candidate was given. Existing
// supernet estimates were taken at the end of the epoch they were found in.
const char* const kSchemaV5[] = {
    "ALTER TABLE candidates ADD COLUMN estimate_epoch INTEGER NOT NULL DEFAULT -1",
    // (The final networks were stored with epoch = the epoch count; their weights were the last epoch's.)
    "UPDATE candidates SET estimate_epoch = min(epoch, coalesce((SELECT max(e.epoch) FROM epochs e"
    " WHERE e.run_id = candidates.run_id), epoch)) WHERE accuracy_kind = 'supernet'",
    "CREATE TABLE estimates(candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
    " epoch INTEGER NOT NULL, accuracy REAL NOT NULL, kind TEXT NOT NULL)",
    "CREATE INDEX estimates_candidate ON estimates(candidate_id)",
    "INSERT INTO estimates(candidate_id, epoch, accuracy, kind)"
    " SELECT id, estimate_epoch, accuracy, coalesce(accuracy_kind, '') FROM candidates",
    "ALTER TABLE candidates ADD COLUMN retrained_accuracy REAL NOT NULL DEFAULT -1",
    "ALTER TABLE candidates ADD COLUMN retrained_epochs INTEGER NOT NULL DEFAULT 0",
    "UPDATE candidates SET retrained_accuracy = accuracy WHERE accuracy_kind = 'retrained'",
};

// Version 6: sweeps. A sweep groups the runs of a grid of searches (budgets, lambdas, seeds): its grid and command
// line, and one task per grid point with the `dna-cli search` options of that point, who claimed it, and the run of
// its latest attempt (earlier attempts that did not finish are kept in previous_runs, comma-separated ids).
const char* const kSchemaV6[] = {
    "CREATE TABLE sweeps(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,"
    " command TEXT NOT NULL DEFAULT '', grid TEXT NOT NULL DEFAULT '', executor TEXT NOT NULL DEFAULT '',"
    " job TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE sweep_tasks(sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,"
    " task_index INTEGER NOT NULL, params TEXT NOT NULL, args TEXT NOT NULL,"
    " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL, claim TEXT NOT NULL DEFAULT '',"
    " claimed_at TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0,"
    " previous_runs TEXT NOT NULL DEFAULT '', PRIMARY KEY(sweep_id, task_index))",
};
// The same in PostgreSQL's types.
const char* const kPgSchemaV6 = R"sql(
CREATE TABLE sweeps(id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
  command TEXT NOT NULL DEFAULT '', grid TEXT NOT NULL DEFAULT '', executor TEXT NOT NULL DEFAULT '',
  job TEXT NOT NULL DEFAULT '');
CREATE TABLE sweep_tasks(sweep_id BIGINT NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
  task_index INTEGER NOT NULL, params TEXT NOT NULL, args TEXT NOT NULL,
  run_id BIGINT REFERENCES runs(id) ON DELETE SET NULL, claim TEXT NOT NULL DEFAULT '',
  claimed_at TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0,
  previous_runs TEXT NOT NULL DEFAULT '', PRIMARY KEY(sweep_id, task_index));
UPDATE dna_schema SET version = 6;
)sql";

// PostgreSQL, version 5: the same tables and columns as SQLite's version 5, in PostgreSQL's types, plus what a
// store many processes write needs: who writes each run (host, and a token per writing process) and the
// heartbeat that process refreshes while the run is running; and a sequence every writer advances after each
// commit, which viewers poll to see that something changed. `estimates.rowid` keeps the order SQLite's rowid gives.
const char* const kPgSchemaV5 = R"sql(
CREATE TABLE dna_schema(version INTEGER NOT NULL);
CREATE TABLE runs(id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL DEFAULT '', request TEXT NOT NULL,
  state TEXT NOT NULL, created_at TEXT NOT NULL, finished_at TEXT, seed BIGINT, app_version TEXT,
  objective TEXT NOT NULL DEFAULT 'fps', error TEXT, trashed INTEGER NOT NULL DEFAULT 0,
  writer_host TEXT NOT NULL DEFAULT '', writer_token TEXT NOT NULL DEFAULT '',
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE candidates(id BIGSERIAL PRIMARY KEY, run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  epoch INTEGER, genotype TEXT NOT NULL, accuracy DOUBLE PRECISION, accuracy_kind TEXT, fps DOUBLE PRECISION,
  latency_ms DOUBLE PRECISION, energy_uj DOUBLE PRECISION, edp DOUBLE PRECISION, dsp DOUBLE PRECISION,
  bram18 BIGINT, area_mm2 DOUBLE PRECISION, valid INTEGER NOT NULL DEFAULT 1, on_front INTEGER NOT NULL DEFAULT 0,
  design TEXT, weights_path TEXT NOT NULL DEFAULT '', estimate_epoch INTEGER NOT NULL DEFAULT -1,
  retrained_accuracy DOUBLE PRECISION NOT NULL DEFAULT -1, retrained_epochs INTEGER NOT NULL DEFAULT 0);
CREATE INDEX candidates_front ON candidates(run_id, on_front);
CREATE TABLE layer_mappings(candidate_id BIGINT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
  layer_index INTEGER NOT NULL, name TEXT, type TEXT, shape TEXT, engine INTEGER, dataflow TEXT, mapping TEXT,
  cycles DOUBLE PRECISION, energy_mac DOUBLE PRECISION, energy_rf DOUBLE PRECISION, energy_noc DOUBLE PRECISION,
  energy_gb DOUBLE PRECISION, energy_dram DOUBLE PRECISION, utilization DOUBLE PRECISION, bound TEXT,
  PRIMARY KEY(candidate_id, layer_index));
CREATE TABLE epochs(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
  train_loss DOUBLE PRECISION, val_accuracy DOUBLE PRECISION, temperature DOUBLE PRECISION,
  lambda DOUBLE PRECISION, seconds DOUBLE PRECISION, metrics TEXT, PRIMARY KEY(run_id, epoch));
CREATE TABLE checkpoints(run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
  path TEXT NOT NULL, PRIMARY KEY(run_id, epoch));
CREATE TABLE estimates(rowid BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
  accuracy DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL);
CREATE INDEX estimates_candidate ON estimates(candidate_id);
CREATE SEQUENCE dna_changes;
INSERT INTO dna_schema(version) VALUES(5);
)sql";

// Design files (several KB each) compress with lz4 where the server has it, several times faster than the default
// pglz; a server built without lz4 keeps pglz.
const char* const kPgLz4 = R"sql(
DO $$ BEGIN
  ALTER TABLE candidates ALTER COLUMN design SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
)sql";

} // namespace

int migratePgSchema(Connection& db)
{
    Transaction t(db);
    // Every process that opens the store for writing takes this lock first (the key spells "DNAX"): the first
    // creates the tables, the others wait and find them.
    db.exec("SELECT pg_advisory_xact_lock(1145979224)");
    int version = 0;
    {
        // pg_tables, not to_regclass: a name lookup may use this session's catalog cache, which is not refreshed
        // after waiting on an advisory lock, and miss the tables the writer before created; pg_tables is read with
        // this statement's snapshot, which sees them.
        Statement has(
            db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'dna_schema'");
        has.step();
        if (has.integer(0) != 0) {
            Statement v(db, "SELECT max(version) FROM dna_schema");
            v.step();
            version = int(v.integer(0));
        }
    }
    if (version == 0) {
        db.exec(kPgSchemaV5);
        db.exec(kPgLz4);
    }
    // Later versions: one block per step, all in this transaction.
    if (version < 6) {
        db.exec(kPgSchemaV6);
    }
    t.commit();
    return version;
}

void migrateSchema(Connection& db)
{
    int version = 0;
    {
        Statement v(db, "PRAGMA user_version");
        v.step();
        version = int(v.integer(0));
    }
    auto step = [&](const char* const* statements, size_t count, int to) {
        Transaction t(db);
        for (size_t i = 0; i < count; ++i) {
            db.exec(statements[i]);
        }
        db.exec("PRAGMA user_version = " + std::to_string(to));
        t.commit();
        version = to;
    };
    if (version < 1) {
        step(kSchemaV1, std::size(kSchemaV1), 1);
    }
    if (version < 2) {
        step(kSchemaV2, std::size(kSchemaV2), 2);
    }
    if (version < 3) {
        step(kSchemaV3, std::size(kSchemaV3), 3);
    }
    if (version < 4) {
        step(kSchemaV4, std::size(kSchemaV4), 4);
    }
    if (version < 5) {
        step(kSchemaV5, std::size(kSchemaV5), 5);
    }
    if (version < 6) {
        step(kSchemaV6, std::size(kSchemaV6), 6);
    }
}

} // namespace dna::store
