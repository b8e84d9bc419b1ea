#pragma once

// Internal to core/store: the little SQL both backends speak. Statements are written once, with SQLite's
// numbered placeholders (?1, ?2, ...), in the SQL both SQLite and PostgreSQL accept (ON CONFLICT ...
// DO UPDATE, integers for booleans); each backend runs them on its own connection.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace dna::store {

/// A failure inside a store (SQLite or PostgreSQL), thrown inside the store; its text names the store and says
/// what to do. Callers at the public boundary turn it into an Error or a failed run.
struct StoreError : std::runtime_error {
    StoreError(const std::string& what, int code = 0)
        : std::runtime_error(what)
        , code(code)
    {
    }
    int code; // the backend's own code (SQLite's extended result code; 0 for PostgreSQL)
};

/// One statement of a backend: bind by 1-based index, step, read columns by 0-based index.
class Query {
public:
    virtual ~Query() = default;
    virtual void bind(int i, int64_t v) = 0;
    virtual void bind(int i, double v) = 0;
    virtual void bind(int i, const std::string& v) = 0;
    virtual void bindNull(int i) = 0;
    /// Runs the statement on the first call; true while a row is available.
    virtual bool step() = 0;
    /// Ready to run again, bindings cleared.
    virtual void reset() = 0;
    virtual int64_t integer(int col) const = 0;
    virtual double real(int col) const = 0;
    virtual std::string text(int col) const = 0;
    virtual bool isNull(int col) const = 0;
    /// Rows the statement inserted, updated or deleted.
    virtual int64_t changes() const = 0;
    /// The id of the row an INSERT (made with Connection::returningId) added.
    virtual int64_t insertedId() const = 0;
};

/// A connection to one store.
class Connection {
public:
    virtual ~Connection() = default;
    virtual std::unique_ptr<Query> prepare(const std::string& sql) = 0;
    /// Runs statements without results (several, separated by ';').
    virtual void exec(const std::string& sql) = 0;
    /// Starts a write transaction (SQLite takes the write lock at once).
    virtual void begin() = 0;
    /// What an INSERT ends with so that Query::insertedId() gives the new row's id: nothing for SQLite (which knows
    /// the last row id; a RETURNING clause would cost it about a tenth of its insert speed), "RETURNING id" for
    /// PostgreSQL.
    virtual const char* returningId() const = 0;
};

/// A statement on a connection, with chaining binds (the store's code reads as SQL with its arguments).
class Statement {
public:
    Statement(Connection& c, const std::string& sql)
        : m_q(c.prepare(sql))
    {
    }
    Statement& bind(int i, int64_t v)
    {
        m_q->bind(i, v);
        return *this;
    }
    Statement& bind(int i, double v)
    {
        m_q->bind(i, v);
        return *this;
    }
    Statement& bind(int i, const std::string& v)
    {
        m_q->bind(i, v);
        return *this;
    }
    Statement& bindNull(int i)
    {
        m_q->bindNull(i);
        return *this;
    }
    bool step() { return m_q->step(); }
    void reset() { m_q->reset(); }
    int64_t integer(int col) const { return m_q->integer(col); }
    double real(int col) const { return m_q->real(col); }
    std::string text(int col) const { return m_q->text(col); }
    bool isNull(int col) const { return m_q->isNull(col); }
    int64_t changes() const { return m_q->changes(); }
    int64_t insertedId() const { return m_q->insertedId(); }

private:
    std::unique_ptr<Query> m_q;
};

/// A write transaction from now on; rolled back when it goes out of scope without commit().
class Transaction {
public:
    explicit Transaction(Connection& c)
        : m_c(c)
    {
        c.begin();
    }
    /// One the caller began itself (BEGIN sent together with the transaction's first statement).
    enum Begun { AlreadyBegun };
    Transaction(Connection& c, Begun)
        : m_c(c)
    {
    }
    ~Transaction()
    {
        if (!m_done) {
            try {
                m_c.exec("ROLLBACK");
            } catch (...) { // a lost connection has rolled back already
            }
        }
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit()
    {
        m_c.exec("COMMIT");
        m_done = true;
    }
    /// The caller sent COMMIT itself (together with the transaction's last statements), and it succeeded.
    void committedBy() { m_done = true; }

private:
    Connection& m_c;
    bool m_done = false;
};

} // namespace dna::store
