#pragma once

#include <QList>
#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace dna::widgets {
class ParetoPlot;
}

namespace dna::app {

/// The explorer's main window: the Pareto plot in the middle, one dock per view around it. The docks are
/// placeholders until their views land; their objectName()s key the saved window state.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Remembers the run store named on the command line. Opening it arrives with the run store.
    void setStoreFile(const QString& path);
    QString storeFile() const;

    /// Rich text of the About box: name, version, what the program does, licence, Qt version.
    QString aboutText() const;

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setupCentralWidget();
    void setupDocks();
    void setupMenus();
    void setupStatusBar();
    void restoreSettings();
    void saveSettings() const;
    QDockWidget* addPlaceholderDock(
        const QString& objectName, const QString& title, const QString& text, Qt::DockWidgetArea area);

    widgets::ParetoPlot* m_paretoPlot = nullptr;
    QList<QDockWidget*> m_docks;
    QLabel* m_storeLabel = nullptr;
    QString m_storeFile;
};

} // namespace dna::app
