#include "server_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace dna::app {

ServerDialog::ServerDialog(QWidget* parent)
    : QDialog(parent)
    , m_host(new QLineEdit(QStringLiteral("localhost"), this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(qEnvironmentVariable("USER"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to Server"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setToolTip(tr("A host name or address, or the folder of the server's unix socket (for example "
                          "/var/run/postgresql)"));
    m_database->setPlaceholderText(tr("runs"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    auto* note = new QLabel(tr("The password comes from ~/.pgpass or the PGPASSWORD variable; it is never saved. "
                               "Several programs and machines can write runs to the same database at once."),
        this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    auto update = [this] {
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_database->text().trimmed().isEmpty() && !m_host->text().trimmed().isEmpty());
    };
    connect(m_database, &QLineEdit::textChanged, this, update);
    connect(m_host, &QLineEdit::textChanged, this, update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

QString ServerDialog::uri() const
{
    return uriFor(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(), m_user->text().trimmed());
}

QString ServerDialog::uriFor(const QString& host, int port, const QString& database, const QString& user)
{
    const QString who = user.isEmpty() ? QString() : QString::fromLatin1(QUrl::toPercentEncoding(user)) + u'@';
    const QString db = QString::fromLatin1(QUrl::toPercentEncoding(database));
    if (host.startsWith(u'/')) {
        return QStringLiteral("postgresql://") + who + u'/' + db + QStringLiteral("?host=")
            + QString::fromLatin1(QUrl::toPercentEncoding(host, "/")) + QStringLiteral("&port=")
            + QString::number(port);
    }
    return QStringLiteral("postgresql://") + who + QString::fromLatin1(QUrl::toPercentEncoding(host, ":[]")) + u':'
        + QString::number(port) + u'/' + db;
}

} // namespace dna::app
