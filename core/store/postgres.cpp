#include "store/postgres.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace dna::store {

namespace {

/// SQLite's numbered placeholders (?1) as PostgreSQL's ($1), outside quoted text.
std::string pgPlaceholders(const std::string& sql)
{
    std::string out;
    out.reserve(sql.size());
    bool quoted = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') {
            quoted = !quoted;
        }
        if (!quoted && c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
            out += '$';
        } else {
            out += c;
        }
    }
    return out;
}

class PgQuery final : public Query {
public:
    PgQuery(PgConnection& c, const std::string& sql)
        : m_c(c)
        , m_sql(pgPlaceholders(sql))
    {
    }
    ~PgQuery() override { PQclear(m_res); }

    void bind(int i, int64_t v) override { set(i, std::to_string(v)); }
    void bind(int i, double v) override { set(i, pgDouble(v)); }
    void bind(int i, const std::string& v) override { set(i, v); }
    void bindNull(int i) override
    {
        if (size_t(i) > m_params.size()) {
            m_params.resize(size_t(i));
        }
        m_params[size_t(i) - 1].reset();
    }
    bool step() override
    {
        if (!m_res) {
            std::vector<const char*> values;
            for (const auto& p : m_params) {
                values.push_back(p ? p->c_str() : nullptr);
            }
            m_res = PQexecParams(
                m_c.handle(), m_sql.c_str(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
            const auto status = PQresultStatus(m_res);
            if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
                const std::string what = PQresultErrorMessage(m_res);
                PQclear(m_res);
                m_res = nullptr;
                m_c.fail(what.empty() ? "running a statement" : what);
            }
            m_changes = std::atoll(PQcmdTuples(m_res));
            m_row = -1;
        }
        return ++m_row < PQntuples(m_res);
    }
    void reset() override
    {
        PQclear(m_res);
        m_res = nullptr;
        m_params.clear();
        m_changes = 0;
    }
    int64_t integer(int col) const override
    {
        const char* v = PQgetvalue(m_res, m_row, col);
        if (v[0] == 't' && v[1] == 0) {
            return 1; // a boolean
        }
        return std::atoll(v);
    }
    double real(int col) const override { return std::strtod(PQgetvalue(m_res, m_row, col), nullptr); }
    std::string text(int col) const override
    {
        return std::string(PQgetvalue(m_res, m_row, col), size_t(PQgetlength(m_res, m_row, col)));
    }
    bool isNull(int col) const override { return PQgetisnull(m_res, m_row, col) != 0; }
    int64_t changes() const override { return m_changes; }
    int64_t insertedId() const override
    {
        return m_res && PQntuples(m_res) > 0 && PQnfields(m_res) > 0 ? std::atoll(PQgetvalue(m_res, 0, 0)) : 0;
    }

private:
    void set(int i, std::string v)
    {
        if (size_t(i) > m_params.size()) {
            m_params.resize(size_t(i));
        }
        m_params[size_t(i) - 1] = std::move(v);
    }

    PgConnection& m_c;
    std::string m_sql;
    std::vector<std::optional<std::string>> m_params;
    PGresult* m_res = nullptr;
    int m_row = -1;
    int64_t m_changes = 0;
};

void ignoreNotice(void*, const char*) { }

} // namespace

std::string pgDouble(double v)
{
    if (std::isnan(v)) {
        return "NaN";
    }
    if (std::isinf(v)) {
        return v > 0 ? "Infinity" : "-Infinity";
    }
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr; // the shortest text that reads back exactly
    return std::string(buf, end);
}

std::string withoutPassword(const std::string& uri)
{
    std::string out = uri;
    const size_t query = out.find('?');
    std::string params = query == std::string::npos ? std::string() : out.substr(query + 1);
    out = out.substr(0, query);
    const size_t scheme = out.find("://");
    if (scheme != std::string::npos) {
        const size_t at = out.rfind('@');
        const size_t colon = out.find(':', scheme + 3);
        if (at != std::string::npos && at > scheme && colon != std::string::npos && colon < at) {
            out.erase(colon, at - colon); // user:secret@host -> user@host
        }
    }
    std::string kept;
    size_t start = 0;
    while (start <= params.size() && !params.empty()) {
        const size_t end = std::min(params.find('&', start), params.size());
        const std::string p = params.substr(start, end - start);
        if (!p.empty() && p.rfind("password=", 0) != 0) {
            kept += (kept.empty() ? "" : "&") + p;
        }
        start = end + 1;
    }
    return kept.empty() ? out : out + "?" + kept;
}

bool hasPassword(const std::string& uri) { return withoutPassword(uri) != uri; }

PgConnection::PgConnection(const std::string& uri, std::string label)
    : m_label(std::move(label))
{
    // A URI's own connect_timeout wins (the keywords after the expanded dbname override it).
    const char* keys[] = { "connect_timeout", "application_name", "dbname", nullptr };
    const char* values[] = { "10", "dna-explorer", uri.c_str(), nullptr };
    m_conn = PQconnectdbParams(keys, values, 1);
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        std::string why = m_conn ? PQerrorMessage(m_conn) : "out of memory";
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
            why.pop_back();
        }
        PQfinish(m_conn);
        m_conn = nullptr;
        throw StoreError("cannot connect to store '" + m_label + "': " + why
            + " (check that the server runs and the host, port, database and user are right; the password comes from "
              "~/.pgpass or PGPASSWORD)");
    }
    PQsetNoticeProcessor(m_conn, ignoreNotice, nullptr);
}

PgConnection::~PgConnection() { PQfinish(m_conn); }

void PgConnection::fail(const std::string& doing) const
{
    std::string why = doing;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) {
        why.pop_back();
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        if (m_lost) {
            m_lost->store(true);
        }
        throw StoreError("lost the connection to store '" + m_label + "' (" + why
            + "); what was not committed was not written. Check that the server is running and reachable, then run "
              "again");
    }
    throw StoreError("store '" + m_label + "': " + why);
}

std::unique_ptr<Query> PgConnection::prepare(const std::string& sql) { return std::make_unique<PgQuery>(*this, sql); }

void PgConnection::exec(const std::string& sql) { integers(sql); }

std::vector<int64_t> PgConnection::integers(const std::string& sql)
{
    PGresult* r = PQexec(m_conn, sql.c_str());
    const auto status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const std::string what = PQresultErrorMessage(r);
        PQclear(r);
        fail(what.empty() ? "running '" + sql + "'" : what);
    }
    std::vector<int64_t> out;
    for (int i = 0; i < PQntuples(r); ++i) {
        out.push_back(std::atoll(PQgetvalue(r, i, 0)));
    }
    PQclear(r);
    return out;
}

void PgConnection::copyRows(const std::string& table, const std::string& columns, const std::string& rows)
{
    PGresult* r = PQexec(m_conn, ("COPY " + table + "(" + columns + ") FROM STDIN").c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        const std::string what = PQresultErrorMessage(r);
        PQclear(r);
        fail(what);
    }
    PQclear(r);
    bool sent = PQputCopyData(m_conn, rows.data(), int(rows.size())) == 1;
    sent = PQputCopyEnd(m_conn, sent ? nullptr : "sending rows failed") == 1 && sent;
    std::string error;
    while (PGresult* res = PQgetResult(m_conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && error.empty()) {
            error = PQresultErrorMessage(res);
        }
        PQclear(res);
    }
    if (!sent || !error.empty()) {
        fail(error.empty() ? std::string(PQerrorMessage(m_conn)) : error);
    }
}

void CopyRows::field(const std::string& text)
{
    if (!m_atStart) {
        m_data += '\t';
    }
    m_atStart = false;
    for (char c : text) {
        switch (c) {
        case '\\':
            m_data += "\\\\";
            break;
        case '\t':
            m_data += "\\t";
            break;
        case '\n':
            m_data += "\\n";
            break;
        case '\r':
            m_data += "\\r";
            break;
        default:
            m_data += c;
        }
    }
}

void CopyRows::endRow()
{
    m_data += '\n';
    m_atStart = true;
}

} // namespace dna::store
