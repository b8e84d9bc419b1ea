// explorer_screenshot OUT.png [SECONDS] [STORE]: opens the explorer on STORE (default: a new file next to OUT),
// starts the quick co-search on Fashion-MNIST, waits SECONDS (default 90), selects the most accurate candidate
// on the front and, if there is one, a second one to compare, then writes a grab of the whole window to OUT.
// This is how packaging/screenshots/ is made (see README); it runs under xvfb-run or QT_QPA_PLATFORM=offscreen.
#include "candidate_selection.h"
#include "main_window.h"
#include "pareto_plot.h"
#include "search_controller.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: explorer_screenshot OUT.png [SECONDS] [STORE]\n");
        return 2;
    }
    const QString out = args.at(1);
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 90;
    const QString store
        = args.size() > 3 ? args.at(3) : QFileInfo(out).absolutePath() + QStringLiteral("/screenshot-runs.sqlite");

    dna::app::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!window.openStore(store)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(store));
        return 1;
    }
    window.startSearch();
    QTimer::singleShot(seconds * 1000, &window, [&] {
        dna::widgets::ParetoPlot* plot = window.paretoPlot();
        const QList<qint64> front = plot->frontIds(window.controller()->currentRunId());
        if (!front.isEmpty()) {
            window.selection()->selectOne(front.first());
        }
        if (auto* mapping = window.findChild<QDockWidget*>(QStringLiteral("Mapping"))) {
            mapping->raise();
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
