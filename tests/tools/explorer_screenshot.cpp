// explorer_screenshot OUT.png [SECONDS] [STORE] [WIDTHxHEIGHT]: opens the explorer (1600x1000 unless given) on
// STORE (default: a new file next to OUT), starts the quick co-search on Fashion-MNIST, waits SECONDS (default
// 90), selects the most accurate candidate on the front, then writes a grab of the whole window to OUT. SECONDS
// 0 starts no search: the store's newest run is shown as it is. DNA_SCREENSHOT_SWEEP=S shows sweep S instead,
// DNA_SCREENSHOT_PLATFORM=NAME picks that platform in the budget panel.
// This is how packaging/screenshots/ is made (see README); it runs under xvfb-run or QT_QPA_PLATFORM=offscreen.
#include "candidate_selection.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "search_controller.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: explorer_screenshot OUT.png [SECONDS] [STORE] [WIDTHxHEIGHT]\n");
        return 2;
    }
    const QString out = args.at(1);
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 90;
    const QString store
        = args.size() > 3 ? args.at(3) : QFileInfo(out).absolutePath() + QStringLiteral("/screenshot-runs.sqlite");

    QSize size(1600, 1000);
    if (args.size() > 4) {
        const QStringList wh = args.at(4).split(QLatin1Char('x'));
        if (wh.size() == 2) {
            size = QSize(wh.at(0).toInt(), wh.at(1).toInt());
        }
    }
    dna::app::MainWindow window;
    window.resize(size);
    window.show();
    if (!window.openStore(store)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(store));
        return 1;
    }
    if (seconds > 0) {
        window.startSearch();
    }
    QTimer::singleShot(std::max(seconds, 1) * 1000, &window, [&] {
        // DNA_SCREENSHOT_SWEEP=S shows sweep S (its runs coloured by the grid) with the Sweeps dock raised.
        if (const qint64 sweep = qEnvironmentVariableIntValue("DNA_SCREENSHOT_SWEEP")) {
            window.showSweep(sweep);
            if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("Sweeps"))) {
                dock->raise();
            }
        }
        // DNA_SCREENSHOT_PLATFORM=NAME picks that platform in the budget panel (a user's own file, for example).
        if (const QString name = qEnvironmentVariable("DNA_SCREENSHOT_PLATFORM"); !name.isEmpty()) {
            if (auto* platform = window.findChild<QComboBox*>(QStringLiteral("platform"))) {
                platform->setCurrentIndex(platform->findData(name));
            }
        }
        dna::widgets::ParetoPlot* plot = window.paretoPlot();
        const qint64 run = window.controller()->currentRunId();
        const QList<qint64> front = plot->frontIds(run != 0 ? run : plot->runIds().value(0));
        if (!front.isEmpty()) {
            window.selection()->selectOne(front.first());
        }
        // The tab shown on the right: Mapping, or the one named by DNA_SCREENSHOT_DOCK (e.g. Candidates).
        const QString dock = qEnvironmentVariable("DNA_SCREENSHOT_DOCK", QStringLiteral("Mapping"));
        if (auto* shown = window.findChild<QDockWidget*>(dock)) {
            shown->raise();
        }
        QTimer::singleShot(1500, &window, [&] {
            const bool ok = window.grab().save(out);
            std::printf("%s %s\n", ok ? "wrote" : "could not write", qPrintable(out));
            window.close();
            app.exit(ok ? 0 : 1);
        });
    });
    return app.exec();
}
