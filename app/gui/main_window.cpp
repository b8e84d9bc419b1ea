#include "main_window.h"

#include "app_identity.h"
#include "pareto_plot.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace dna::app {

namespace {

    // Bump when the set or placement of docks changes, so an old saved layout is ignored instead of
    // restored half-way.
    constexpr int kWindowStateVersion = 1;

    QString geometryKey() { return QStringLiteral("mainWindow/geometry"); }

    QString stateKey() { return QStringLiteral("mainWindow/state"); }

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("DNA Explorer"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/dna_explorer.svg")));
    setupCentralWidget();
    setupDocks();
    setupMenus();
    setupStatusBar();
    restoreSettings();
}

void MainWindow::setStoreFile(const QString& path)
{
    m_storeFile = path;
    m_storeLabel->setText(path.isEmpty() ? QString() : tr("Run store: %1").arg(QFileInfo(path).fileName()));
    m_storeLabel->setToolTip(path);
}

QString MainWindow::storeFile() const { return m_storeFile; }

QString MainWindow::aboutText() const
{
    const QString paper = QStringLiteral("<a href=\"https://arxiv.org/abs/2010.14778\">DNA: Differentiable "
                                         "Network-Accelerator Co-Search</a> (arXiv 2010.14778)");
    return QStringLiteral("<h3>%1 %2</h3><p>%3</p><p>%4</p><p>%5</p>")
        .arg(tr("DNA Explorer"), applicationVersion(),
            tr("Searches a neural network and the accelerator that runs it together, as proposed in %1, and "
               "shows the trade-off between accuracy and speed.")
                .arg(paper),
            tr("Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later)."),
            tr("Built with Qt %1, running on Qt %2.")
                .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

void MainWindow::showAbout() { QMessageBox::about(this, tr("About DNA Explorer"), aboutText()); }

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::setupCentralWidget()
{
    m_paretoPlot = new widgets::ParetoPlot(this);
    setCentralWidget(m_paretoPlot);
}

void MainWindow::setupDocks()
{
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addPlaceholderDock(QStringLiteral("Budget"), tr("Budget"),
        tr("The target platform, its resource budgets and the trade-off between accuracy and speed will be set "
           "here."),
        Qt::LeftDockWidgetArea);
    addPlaceholderDock(QStringLiteral("Runs"), tr("Runs"),
        tr("Stored search runs will be listed here, to reopen and compare them."), Qt::LeftDockWidgetArea);
    addPlaceholderDock(QStringLiteral("Candidates"), tr("Candidates"),
        tr("Every network and accelerator pair the search evaluates will be listed here."), Qt::RightDockWidgetArea);
    addPlaceholderDock(QStringLiteral("Mapping"), tr("Mapping"),
        tr("The dataflow, tiling and energy of each layer of the selected design will be shown here."),
        Qt::RightDockWidgetArea);
    addPlaceholderDock(QStringLiteral("Architecture"), tr("Architecture"),
        tr("The operation chosen for each layer of the selected network will be shown here."),
        Qt::BottomDockWidgetArea);
}

QDockWidget* MainWindow::addPlaceholderDock(
    const QString& objectName, const QString& title, const QString& text, Qt::DockWidgetArea area)
{
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(12);
    label->setEnabled(false); // greyed: nothing to interact with yet
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(label);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::setupMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : std::as_const(m_docks)) {
        viewMenu->addAction(dock->toggleViewAction());
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About DNA Explorer"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::setupStatusBar()
{
    m_storeLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_storeLabel);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::restoreSettings()
{
    const QSettings settings(organizationName(), applicationName());
    if (!restoreGeometry(settings.value(geometryKey()).toByteArray())) {
        resize(1280, 800);
    }
    restoreState(settings.value(stateKey()).toByteArray(), kWindowStateVersion);
}

void MainWindow::saveSettings() const
{
    QSettings settings(organizationName(), applicationName());
    settings.setValue(geometryKey(), saveGeometry());
    settings.setValue(stateKey(), saveState(kWindowStateVersion));
}

} // namespace dna::app
