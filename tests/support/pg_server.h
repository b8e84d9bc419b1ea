#pragma once

// A throwaway PostgreSQL 15 server for tests and benchmarks: initdb and pg_ctl from /usr/lib/postgresql/15/bin in a
// temporary folder, listening on a unix socket in it only (no TCP port to collide with), run as the `postgres` user
// when this process is root (initdb refuses root), stopped and removed when the object goes, test failed or not.
// Each test takes a fresh database of its own with createDatabase().
#include "watchdog.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dna::testing {

class PgServer {
public:
    /// `durable`: keep fsync on (benchmarks measure what a real server does); tests turn it off for speed.
    explicit PgServer(bool durable = false)
    {
        char dir[] = "/tmp/dna-pg-XXXXXX";
        if (!::mkdtemp(dir)) {
            m_error = "cannot create a temporary folder";
            return;
        }
        m_dir = dir;
        const bool root = ::geteuid() == 0;
        const std::string as = root ? "runuser -u postgres -- " : "";
        if (root && run("chown postgres: " + m_dir) != 0) {
            m_error = "cannot give " + m_dir + " to the postgres user (is the postgresql package installed?)";
            return;
        }
        const std::string bin = "/usr/lib/postgresql/15/bin/";
        if (run(as + "mkdir " + m_dir + "/sock") != 0
            || run(as + bin + "initdb -D " + m_dir + "/data -U postgres -A trust --no-sync >" + m_dir
                   + "/initdb.log 2>&1")
                != 0) {
            m_error = "initdb failed: " + readFile(m_dir + "/initdb.log");
            return;
        }
        const std::string options = "-k " + m_dir + "/sock -h '' -c max_connections=60"
            + std::string(durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        if (run(as + bin + "pg_ctl -D " + m_dir + "/data -l " + m_dir + "/server.log -w -o \"" + options
                + "\" start >/dev/null 2>&1")
            != 0) {
            m_error = "the server did not start: " + readFile(m_dir + "/server.log");
            return;
        }
        m_started = true;
        m_watchdog.arm(as + bin + "pg_ctl -D " + m_dir + "/data -m immediate -w stop >/dev/null 2>&1; rm -rf " + m_dir);
    }

    ~PgServer()
    {
        m_watchdog.disarm();
        const std::string as = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
        if (m_started) {
            run(as + "/usr/lib/postgresql/15/bin/pg_ctl -D " + m_dir + "/data -m immediate -w stop >/dev/null 2>&1");
        }
        if (!m_dir.empty()) {
            run("rm -rf " + m_dir);
        }
    }
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    bool ok() const { return m_started; }
    const std::string& error() const { return m_error; }
    /// The URI of a database of this server.
    std::string uri(const std::string& database) const
    {
        return "postgresql://postgres@/" + database + "?host=" + m_dir + "/sock";
    }
    /// A new empty database; returns its URI (empty when it could not be made, with error()).
    std::string createDatabase()
    {
        const std::string name = "t" + std::to_string(++m_databases);
        if (!exec("CREATE DATABASE " + name)) {
            return {};
        }
        return uri(name);
    }
    /// Runs SQL on the `postgres` database as the superuser; false (with error()) on failure.
    bool exec(const std::string& sql, const std::string& database = "postgres")
    {
        PGconn* c = PQconnectdb(uri(database).c_str());
        bool ok = PQstatus(c) == CONNECTION_OK;
        if (ok) {
            PGresult* r = PQexec(c, sql.c_str());
            ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
            if (!ok) {
                m_error = PQresultErrorMessage(r);
            }
            PQclear(r);
        } else {
            m_error = PQerrorMessage(c);
        }
        PQfinish(c);
        return ok;
    }
    /// The first column of the first row of a query ("" on failure).
    std::string value(const std::string& sql, const std::string& database)
    {
        PGconn* c = PQconnectdb(uri(database).c_str());
        std::string out;
        if (PQstatus(c) == CONNECTION_OK) {
            PGresult* r = PQexec(c, sql.c_str());
            if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
                out = PQgetvalue(r, 0, 0);
            }
            PQclear(r);
        }
        PQfinish(c);
        return out;
    }

private:
    static int run(const std::string& command) { return runShell(command); }
    static std::string readFile(const std::string& path) { return readWholeFile(path); }

    std::string m_dir;
    std::string m_error;
    bool m_started = false;
    int m_databases = 0;
    Watchdog m_watchdog;
};

} // namespace dna::testing
