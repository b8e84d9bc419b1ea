#include "budget_panel.h"
#include "error_text.h"
#include "localization.h"
#include "main_window.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLocale>
#include <QMenuBar>
#include <QSet>
#include <QStandardPaths>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using dna::app::MainWindow;
using dna::session::ErrorText;

namespace {

void removeAllTranslators()
{
    for (auto* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QString menuTitle(const MainWindow& window, int index) { return window.menuBar()->actions().at(index)->text(); }

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cleanup() { removeAllTranslators(); }

    void catalogueIsEmbedded_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addRow("de") << QStringLiteral(":/i18n/dna_explorer_de.qm");
        QTest::addRow("zh_CN") << QStringLiteral(":/i18n/dna_explorer_zh_CN.qm");
    }

    void catalogueIsEmbedded()
    {
        QFETCH(QString, file);
        QTranslator translator;
        QVERIFY2(translator.load(file), qPrintable(file));
        QVERIFY(!translator.isEmpty());
    }

    // The expected strings are the ones written into translations/*.ts by hand.
    void windowIsTranslated_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("fileMenu");
        QTest::addColumn<QString>("viewMenu");
        QTest::addColumn<QString>("helpMenu");
        QTest::addColumn<QString>("candidatesDock");

        QTest::addRow("de") << QLocale(QLocale::German, QLocale::Germany) << QStringLiteral("DNA-Explorer")
                            << QStringLiteral("&Datei") << QStringLiteral("&Ansicht") << QStringLiteral("&Hilfe")
                            << QStringLiteral("Kandidaten");
        QTest::addRow("de_AT falls back to de")
            << QLocale(QLocale::German, QLocale::Austria) << QStringLiteral("DNA-Explorer") << QStringLiteral("&Datei")
            << QStringLiteral("&Ansicht") << QStringLiteral("&Hilfe") << QStringLiteral("Kandidaten");
        QTest::addRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China) << QStringLiteral("DNA 探索器")
                               << QStringLiteral("文件(&F)") << QStringLiteral("视图(&V)") << QStringLiteral("帮助(&H)")
                               << QStringLiteral("候选方案");
        QTest::addRow("en_US keeps the source strings")
            << QLocale(QLocale::English, QLocale::UnitedStates) << QStringLiteral("DNA Explorer")
            << QStringLiteral("&File") << QStringLiteral("&View") << QStringLiteral("&Help")
            << QStringLiteral("Candidates");
    }

    void windowIsTranslated()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, title);
        QFETCH(QString, fileMenu);
        QFETCH(QString, viewMenu);
        QFETCH(QString, helpMenu);
        QFETCH(QString, candidatesDock);

        dna::app::installTranslators(locale);
        MainWindow window;
        QCOMPARE(window.windowTitle(), title);
        QCOMPARE(menuTitle(window, 0), fileMenu);
        QCOMPARE(menuTitle(window, 3), viewMenu);
        QCOMPARE(menuTitle(window, 4), helpMenu);
        QCOMPARE(window.findChild<QDockWidget*>(QStringLiteral("Candidates"))->windowTitle(), candidatesDock);
    }

    void germanAboutText()
    {
        dna::app::installTranslators(QLocale(QLocale::German, QLocale::Germany));
        MainWindow window;
        const QString text = window.aboutText();
        QVERIFY2(text.contains(QStringLiteral("Lizenz")), qPrintable(text));
        // Names and identifiers stay as they are.
        QVERIFY(text.contains(QStringLiteral("Differentiable Network-Accelerator Co-Search")));
        QVERIFY(text.contains(QStringLiteral("2010.14778")));
    }

    void everyErrorCodeHasItsOwnTranslatedSentence()
    {
        // English: one distinct sentence per code, none of them the fallback of an unknown code.
        int count = 0;
        const dna::ErrorCode* codes = dna::allErrorCodes(count);
        QSet<QString> english;
        for (int i = 0; i < count; ++i) {
            english.insert(ErrorText::lead(codes[i]));
        }
        QCOMPARE(english.size(), count);
        // German: every sentence is translated (none is left in English), and a message keeps core's detail.
        dna::app::installTranslators(QLocale(QLocale::German, QLocale::Germany));
        for (int i = 0; i < count; ++i) {
            const QString german = ErrorText::lead(codes[i]);
            QVERIFY2(!english.contains(german), qPrintable(german));
        }
        QCOMPARE(ErrorText::message({ dna::ErrorCode::StoreLocked, "pid 42 writes runs.sqlite" }),
            QStringLiteral("Ein anderes Programm schreibt die Lauf-Datenbank: pid 42 writes runs.sqlite"));
        QCOMPARE(ErrorText::message({ dna::ErrorCode::NoValidDesign, {} }),
            QStringLiteral("Kein Entwurf passt in das Budget"));
    }

    void objectiveLabelsFromCoresTableAreTranslated()
    {
        // The labels live in core's objective table (no Qt there); lupdate collects them through the
        // DNA_TRANSLATE_NOOP alias, and the budget panel's choice shows them in German.
        dna::app::installTranslators(QLocale(QLocale::German, QLocale::Germany));
        dna::widgets::BudgetPanel panel;
        auto* objective = panel.findChild<QComboBox*>(QStringLiteral("objective"));
        QVERIFY(objective);
        QStringList shown;
        for (int i = 0; i < objective->count(); ++i) {
            shown << objective->itemText(i);
        }
        QCOMPARE(shown,
            (QStringList { QStringLiteral("Durchsatz (FPS)"), QStringLiteral("Latenz"),
                QStringLiteral("Energie pro Inferenz"), QStringLiteral("Energie-Verzögerungs-Produkt") }));
    }

    void qtBaseTranslationLoadsWhenInstalled()
    {
        const QStringList loaded = dna::app::installTranslators(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.contains(QStringLiteral(":/i18n/dna_explorer_de.qm")));
        const QString qtbase
            = QDir(QLibraryInfo::path(QLibraryInfo::TranslationsPath)).filePath(QStringLiteral("qtbase_de.qm"));
        if (!QFile::exists(qtbase)) {
            QSKIP("Qt's own German translation is not installed");
        }
        QVERIFY2(loaded.contains(qtbase), qPrintable(loaded.join(QLatin1Char(' '))));
    }

    // lupdate reads only the files app/CMakeLists.txt lists for qt_add_translations: a file with user strings left
    // out of that list loses its messages from the catalogues at the next update (runs_model.cpp and sweeps_view.cpp
    // once did, and the German and Chinese windows showed them in English).
    void everyFileWithUserStringsIsScanned()
    {
        const QDir root(QStringLiteral(DNA_TRANSLATIONS_DIR "/.."));
        QFile cmake(root.filePath(QStringLiteral("app/CMakeLists.txt")));
        QVERIFY(cmake.open(QIODevice::ReadOnly));
        const QString lists = QString::fromUtf8(cmake.readAll());
        const int from = lists.indexOf(QStringLiteral("qt_add_translations("));
        QVERIFY(from >= 0);
        const QString block = lists.mid(from, lists.indexOf(QLatin1Char(')'), from) - from);
        QStringList missing;
        int scanned = 0;
        for (const QString& folder :
            { QStringLiteral("widgets"), QStringLiteral("app/gui"), QStringLiteral("app/session") }) {
            const QDir dir(root.filePath(folder));
            for (const QString& name : dir.entryList({ QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files)) {
                QFile source(dir.filePath(name));
                QVERIFY(source.open(QIODevice::ReadOnly));
                const QByteArray text = source.readAll();
                if (!text.contains("tr(\"") && !text.contains("tr(\n")) {
                    continue;
                }
                ++scanned;
                if (!block.contains(QLatin1Char('/') + name)) {
                    missing.append(folder + QLatin1Char('/') + name);
                }
            }
        }
        QVERIFY(scanned >= 20);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    // Every message of every catalogue has a translation: a new user string needs `update_translations`
    // and then a German and a Chinese text before the suite passes.
    void cataloguesAreComplete_data()
    {
        QTest::addColumn<QString>("tsFile");
        const QDir dir(QStringLiteral(DNA_TRANSLATIONS_DIR));
        const QStringList files = dir.entryList({ QStringLiteral("*.ts") }, QDir::Files);
        QCOMPARE(files.size(), 2);
        for (const QString& file : files) {
            QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
        }
    }

    void cataloguesAreComplete()
    {
        QFETCH(QString, tsFile);
        QFile file(tsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement()) {
                continue;
            }
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const auto type = xml.attributes().value(QLatin1String("type"));
                const bool done
                    = type.isEmpty() || type == QLatin1String("vanished") || type == QLatin1String("obsolete");
                // Plural messages hold their forms in <numerusform> children.
                if (!done || xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty()) {
                    unfinished.append(source);
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages >= 20);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
