// dna-explorer: the desktop face of DNA Explorer.

#include "app_identity.h"
#include "localization.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help and --version only print text: answer them without connecting to a display, so they work over ssh
// and in packaging checks.
bool onlyPrintsText(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* option : { "-h", "--help", "-?", "--help-all", "-v", "--version" }) {
            if (std::strcmp(argv[i], option) == 0) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (onlyPrintsText(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
    }
    dna::app::setApplicationIdentity();
    dna::app::installTranslators(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Explore neural network and accelerator designs found by differentiable co-search (DNA)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("store-file"),
        QCoreApplication::translate("main", "Run store (SQLite file) to open."), QStringLiteral("[store-file]"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
        QCoreApplication::translate("main", "Start a co-search with the saved budget as soon as the window opens."));
    parser.addOption(searchOption);
    parser.process(*app); // prints and exits for --help, --version and bad options

    if (!qobject_cast<QApplication*>(app.get())) {
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        // A file manager passes every selected file (%F in the .desktop file); one store is shown at a time.
        const int ignored = int(positional.size() - 1);
        const QString note = QCoreApplication::translate(
            "main", "dna-explorer: opening %1; one run store at a time, %n other file(s) ignored", nullptr, ignored);
        std::fprintf(stderr, "%s\n", qPrintable(note.arg(positional.constFirst())));
    }
    dna::app::MainWindow window;
    window.show();
    const bool opened = window.openInitialStore(positional.isEmpty() ? QString() : positional.constFirst());
    if (opened && parser.isSet(searchOption)) {
        window.startSearch();
    }
    return app->exec();
}
