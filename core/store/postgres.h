#pragma once

// Internal to core/store: the PostgreSQL side of sql.h, over libpq.
#include "store/sql.h"

#include <atomic>
#include <string>
#include <vector>

typedef struct pg_conn PGconn;

namespace dna::store {

/// A connection to a PostgreSQL store. `label` names the store in every message (the URI without its password).
class PgConnection final : public Connection {
public:
    /// Connects (the password from the usual libpq sources: ~/.pgpass, PGPASSWORD, ...); throws StoreError with
    /// the server's reason and what to check.
    PgConnection(const std::string& uri, std::string label);
    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    std::unique_ptr<Query> prepare(const std::string& sql) override;
    void exec(const std::string& sql) override;
    void begin() override { exec("BEGIN"); }
    const char* returningId() const override { return " RETURNING id"; }

    /// Runs statements (several, separated by ';', in one round trip) and returns the first column of the last one's
    /// rows as integers.
    std::vector<int64_t> integers(const std::string& sql);

    /// Sends rows to `COPY table(columns) FROM STDIN` (text format: one line per row, tab-separated fields made with
    /// CopyRows). Inside the caller's transaction.
    void copyRows(const std::string& table, const std::string& columns, const std::string& rows);

    /// Throws the StoreError for the connection's last failure, naming the store and what to do.
    [[noreturn]] void fail(const std::string& doing) const;
    /// Set (to true) when a call finds the connection lost, for whoever must know (the store's heartbeat).
    void setLostFlag(std::atomic<bool>* lost) { m_lost = lost; }
    const std::string& label() const { return m_label; }
    PGconn* handle() const { return m_conn; }

private:
    PGconn* m_conn = nullptr;
    std::string m_label;
    std::atomic<bool>* m_lost = nullptr;
};

/// A double as PostgreSQL reads it back exactly (the shortest round-trip digits; Infinity, -Infinity, NaN).
std::string pgDouble(double v);

/// Rows for COPY ... FROM STDIN in text format: fields tab-separated, backslash, tab, newline and carriage
/// return escaped, one line per row.
class CopyRows {
public:
    void field(const std::string& text);
    void field(double v) { field(pgDouble(v)); }
    void field(int64_t v) { field(std::to_string(v)); }
    void endRow();
    const std::string& data() const { return m_data; }
    bool empty() const { return m_data.empty(); }

private:
    std::string m_data;
    bool m_atStart = true;
};

/// The URI with its password (user:PASSWORD@ or password=...) removed: what messages and the recent list show.
std::string withoutPassword(const std::string& uri);
/// Whether the URI carries a password (refused: it would land in shell history, process lists and the store).
bool hasPassword(const std::string& uri);

} // namespace dna::store
