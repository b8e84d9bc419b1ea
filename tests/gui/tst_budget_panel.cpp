// The budget panel: a drag commits once after the debounce (one undo step per drag), undo restores the budget,
// a platform switch loads the preset's budgets, and saved settings survive a round trip.
#include "accel/platform.h"
#include "budget_panel.h"

#include "../support/first_allowed_strategy.h"
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>

#include <QtTest>

using dna::widgets::BudgetPanel;
using dna::widgets::BudgetSettings;

class TestBudgetPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_platforms;
    static QSlider* slider(BudgetPanel& panel, const char* name)
    {
        auto* s = panel.findChild<QSlider*>(QString::fromLatin1(name) + QStringLiteral("Slider"));
        Q_ASSERT(s);
        return s;
    }

private slots:
    void initTestCase()
    {
        // A user's own board, in the folder the presets are joined from (read once, at the first use).
        QVERIFY(m_platforms.isValid());
        QFile f(m_platforms.filePath(QStringLiteral("lab-board.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"base\": \"ultra96\", \"name\": \"lab-board\", \"description\": \"the lab's board\", "
                "\"budget\": {\"dsp\": 220, \"bram18\": 300}}");
        f.close();
        qputenv("DNA_PLATFORM_DIR", m_platforms.path().toUtf8());
    }

    void userPlatformIsOffered()
    {
        BudgetPanel panel;
        auto* platform = panel.findChild<QComboBox*>(QStringLiteral("platform"));
        QVERIFY(platform);
        const int i = platform->findData(QStringLiteral("lab-board"));
        QVERIFY2(i >= 0, "the user's platform file is not in the list");
        platform->setCurrentIndex(i);
        const BudgetSettings s = panel.settings();
        QCOMPARE(s.platform, QStringLiteral("lab-board"));
        QCOMPARE(s.dsp, 220);
        QCOMPARE(s.bram18, 300);
    }

    void startsWithTheZc706Budget()
    {
        BudgetPanel panel;
        const BudgetSettings s = panel.settings();
        QCOMPARE(s.platform, QStringLiteral("zc706"));
        // ZC706 (XC7Z045): 900 DSP48E1 slices, 545 BRAM36 = 1090 BRAM18 (Xilinx DS190).
        QCOMPARE(s.dsp, 900);
        QCOMPARE(s.bram18, 1090);
        QVERIFY(s.isFpga());
    }

    void dragCommitsOnceAfterDebounceAndUndoRestores()
    {
        BudgetPanel panel;
        QUndoStack undo;
        panel.setUndoStack(&undo);
        const BudgetSettings before = panel.settings();
        QSignalSpy committed(&panel, &BudgetPanel::budgetCommitted);

        QSlider* dsp = slider(panel, "dsp");
        dsp->setSliderDown(true); // press
        // A drag: the moves are delivered without returning to the event loop, so the debounce cannot fire
        // between them however slow the machine is (as in tst_explorer_search).
        for (int pos = dsp->value(); pos > 400; pos -= 50) {
            dsp->setSliderPosition(pos);
            QCOMPARE(committed.count(), 0);
        }
        // Holding still for longer than the debounce commits once.
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, BudgetPanel::kDebounceMs * 3);
        QVERIFY(!panel.commitPending()); // and nothing more will come by itself
        const int dspAfterPause = panel.settings().dsp;
        QVERIFY(dspAfterPause < before.dsp);

        // The drag goes on and ends: one more commit on release, still one undo step.
        dsp->setSliderPosition(300);
        dsp->setSliderDown(false); // release
        QCOMPARE(committed.count(), 2);
        QVERIFY(panel.settings().dsp < dspAfterPause);
        QCOMPARE(undo.count(), 1);
        QVERIFY(!panel.commitPending()); // the release committed; no pause is left to commit again

        undo.undo();
        QCOMPARE(committed.count(), 3);
        QVERIFY(panel.settings() == before);
        QCOMPARE(committed.last().at(0).value<BudgetSettings>().dsp, before.dsp);
        // The slider shows the restored value again: 900 at the top of 16..900.
        QCOMPARE(dsp->value(), dsp->maximum());

        undo.redo();
        QCOMPARE(committed.count(), 4);
        QVERIFY(panel.settings().dsp < dspAfterPause);
    }

    void twoDragsAreTwoUndoSteps()
    {
        BudgetPanel panel;
        QUndoStack undo;
        panel.setUndoStack(&undo);
        for (const char* name : { "dsp", "bram18" }) {
            QSlider* s = slider(panel, name);
            s->setSliderDown(true);
            s->setSliderPosition(s->maximum() / 2);
            s->setSliderDown(false);
        }
        QCOMPARE(undo.count(), 2);
    }

    void fieldEditCommitsAfterDebounce()
    {
        BudgetPanel panel;
        QSignalSpy committed(&panel, &BudgetPanel::budgetCommitted);
        auto* fps = panel.findChild<QDoubleSpinBox*>(QStringLiteral("minFpsField"));
        QVERIFY(fps);
        fps->setValue(250);
        QTRY_COMPARE_WITH_TIMEOUT(committed.count(), 1, BudgetPanel::kDebounceMs * 3);
        QCOMPARE(panel.settings().minFps, 250.0);
    }

    void platformSwitchLoadsPresetBudgets()
    {
        BudgetPanel panel;
        QSignalSpy committed(&panel, &BudgetPanel::budgetCommitted);
        auto* target = panel.findChild<QComboBox*>(QStringLiteral("target"));
        target->setCurrentIndex(1); // ASIC
        QCOMPARE(committed.count(), 1);
        const BudgetSettings s = panel.settings();
        QVERIFY(!s.isFpga());
        const dna::accel::Platform* p = dna::accel::findPlatform(s.platform.toStdString());
        QVERIFY(p);
        QCOMPARE(s.pes, p->budget.pes);
        QCOMPARE(qint64(s.gbKiB) * 1024, qint64(p->budget.gbBytes));
        QCOMPARE(s.dsp, 0);
    }

    void settingsRoundTripAndRejectBadValues()
    {
        BudgetSettings s = BudgetSettings::forPlatform(QStringLiteral("zcu102"));
        s.dsp = 1000;
        s.minFps = 120;
        s.lambda = 0.7;
        s.objective = QStringLiteral("energy");
        s.hwAlgo = QStringLiteral("evolution");
        QVERIFY(BudgetSettings::fromVariant(s.toVariant()) == s);

        QVariantMap bad = s.toVariant();
        bad[QStringLiteral("dsp")] = -5;
        bad[QStringLiteral("objective")] = QStringLiteral("speed");
        bad[QStringLiteral("platform")] = QStringLiteral("no-such-board");
        bad[QStringLiteral("hwAlgo")] = QStringLiteral("exhaustive"); // it would refuse a co-search's spaces
        const BudgetSettings fixed = BudgetSettings::fromVariant(bad);
        QCOMPARE(fixed.platform, QStringLiteral("zc706"));
        QCOMPARE(fixed.dsp, 900); // the fallback platform's own budget
        QCOMPARE(fixed.objective, QStringLiteral("fps"));
        QCOMPARE(fixed.hwAlgo, QStringLiteral("das"));
    }

    void hardwareSearchChoiceListsTheSamplingStrategies()
    {
        // The strategies that sample, from the strategies' table: das (the default), random, evolution; not
        // exhaustive. Choosing one commits it, and only the hardware changed.
        BudgetPanel panel;
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("hwAlgo"));
        QVERIFY(combo);
        QStringList ids;
        for (int i = 0; i < combo->count(); ++i) {
            ids << combo->itemData(i).toString();
        }
        QCOMPARE(ids, (QStringList { QStringLiteral("das"), QStringLiteral("random"), QStringLiteral("evolution") }));
        QCOMPARE(panel.settings().hwAlgo, QStringLiteral("das"));
        QSignalSpy committed(&panel, &BudgetPanel::budgetCommitted);
        const BudgetSettings before = panel.settings();
        combo->setCurrentIndex(2);
        QCOMPARE(committed.count(), 1);
        QCOMPARE(panel.settings().hwAlgo, QStringLiteral("evolution"));
        QVERIFY(panel.settings().hardwareOnlyChange(before));
    }

    void aRegisteredStrategyIsOffered()
    {
        // A strategy this test binary registers joins the choice after the built-in ones, and is chosen by its id.
        QVERIFY(dna::hwsearch::registerStrategy(dna::testing::firstAllowedInfo()));
        BudgetPanel panel;
        auto* combo = panel.findChild<QComboBox*>(QStringLiteral("hwAlgo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->itemData(3).toString(), QStringLiteral("first-allowed"));
        combo->setCurrentIndex(3);
        QCOMPARE(panel.settings().hwAlgo, QStringLiteral("first-allowed"));
    }

    void hardwareOnlyChange()
    {
        const BudgetSettings a;
        BudgetSettings b = a;
        b.dsp = 100;
        b.minFps = 50;
        QVERIFY(b.hardwareOnlyChange(a));
        b.epochs = 9;
        QVERIFY(!b.hardwareOnlyChange(a));
    }
};

QTEST_MAIN(TestBudgetPanel)
#include "tst_budget_panel.moc"
