#pragma once

#include <QDialog>

class QLineEdit;
class QSpinBox;
class QDialogButtonBox;

namespace dna::app {

/// File > Connect to Server: host, port, database and user of a PostgreSQL run store. The password is never asked
/// for or kept: libpq reads it from ~/.pgpass or PGPASSWORD.
class ServerDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServerDialog(QWidget* parent = nullptr);

    /// The store's URI (postgresql://user@host:port/database; a host that is a folder is a unix socket).
    QString uri() const;
    static QString uriFor(const QString& host, int port, const QString& database, const QString& user);

private:
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_user;
    QDialogButtonBox* m_buttons;
};

} // namespace dna::app
