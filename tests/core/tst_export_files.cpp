// What leaves the store as files (store/export_files.h): CSV quoting and numbers against hand-written text, file
// names, stored designs read back, and the stored per-layer figures checked against a fresh evaluation.
#include "store/export_files.h"

#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "cosearch/store_recorder.h"
#include "io/timeloop_export.h"
#include "workload/network.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace dna;
using namespace dna::store;

class TestExportFiles : public QObject {
    Q_OBJECT
private slots:
    void csvFieldsAreQuotedAsRfc4180Says();
    void numbersAreTheShortestExactText();
    void candidatesCsvByHand();
    void fileNames();
    void storedDesignsAndTheirLayers();
    void timeloopFilesSayWhatIsLeftOut();
};

void TestExportFiles::timeloopFilesSayWhatIsLeftOut()
{
    // Eyeriss codes DRAM traffic and gates zeros; a Timeloop file is dense, and says so where the layer has zeros.
    workload::Network net = workload::builtinNetwork("alexnet").value();
    net.layers[1].inputZeros = 0.387;
    const accel::Design d = accel::heuristicDesign(net, *accel::findPlatform("eyeriss"), accel::dataflowIndex("rs"), 4);
    const std::string dense = "# dense: the platform's run-length coded DRAM traffic and zero gating";
    QVERIFY(io::timeloopYaml(d, 0).find(dense) == std::string::npos);
    QVERIFY(io::timeloopYaml(d, 1).find(dense + " (zeros: inputs 0.387, outputs 0)") != std::string::npos);
    // On a platform without them there is nothing to say.
    const accel::Design plain
        = accel::heuristicDesign(net, *accel::findPlatform("asic28"), accel::dataflowIndex("rs"), 4);
    QVERIFY(io::timeloopYaml(plain, 1).find(dense) == std::string::npos);
    // Eyeriss's partial double buffering is not in the file either, and every layer's file says so.
    const std::string overlap = "# overlap: the platform double-buffers only the tiles the innermost DRAM loop changes";
    QVERIFY(io::timeloopYaml(d, 0).find(overlap) != std::string::npos);
    QVERIFY(io::timeloopYaml(plain, 0).find(overlap) == std::string::npos);
}

void TestExportFiles::csvFieldsAreQuotedAsRfc4180Says()
{
    QCOMPARE(csvField("fmnist:k3e1,k5e6"), std::string("\"fmnist:k3e1,k5e6\""));
    QCOMPARE(csvField("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    QCOMPARE(csvField("two\nlines"), std::string("\"two\nlines\""));
    QCOMPARE(csvField("cr\r"), std::string("\"cr\r\""));
    QCOMPARE(csvField("plain text; tabs\tare fine"), std::string("plain text; tabs\tare fine"));
    QCOMPARE(csvField(""), std::string());
}

void TestExportFiles::numbersAreTheShortestExactText()
{
    QCOMPARE(shortestNumber(0.1), std::string("0.1"));
    QCOMPARE(shortestNumber(0.1 + 0.2), std::string("0.30000000000000004"));
    QCOMPARE(shortestNumber(1234.5), std::string("1234.5"));
    QCOMPARE(shortestNumber(100), std::string("100"));
    QCOMPARE(shortestNumber(-2.5e-7), std::string("-2.5e-07"));
    // Any double reads back exactly (strtod is the second method), and printf's %g at the fewest digits that read
    // back (found by trying 1 to 17) is not shorter.
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> exponent(-30, 30);
    for (int i = 0; i < 20000; ++i) {
        const double v = std::pow(10.0, exponent(rng)) * (rng() % 2 ? 1 : -1);
        const std::string text = shortestNumber(v);
        QCOMPARE(std::strtod(text.c_str(), nullptr), v);
        char g[64];
        for (int digits = 1; digits <= 17; ++digits) {
            std::snprintf(g, sizeof g, "%.*g", digits, v);
            if (std::strtod(g, nullptr) == v) {
                break;
            }
        }
        QVERIFY2(text.size() <= std::strlen(g), (text + " vs " + g).c_str());
    }
}

void TestExportFiles::candidatesCsvByHand()
{
    CandidateRecord a;
    a.id = 7;
    a.runId = 2;
    a.epoch = 3;
    a.genotype = "fmnist:k3e1,skip";
    a.accuracy = 0.875;
    a.accuracyKind = "supernet";
    a.estimateEpoch = 3;
    a.fps = 1234.5;
    a.latencyMs = 0.25;
    a.energyUj = 12;
    a.edp = 3;
    a.dsp = 900;
    a.bram18 = 512;
    a.areaMm2 = 0;
    a.onFront = true;
    CandidateRecord b = a;
    b.id = 8;
    b.epoch = -1;
    b.genotype = "plain";
    b.valid = false;
    b.onFront = false;
    b.retrainedAccuracy = 0.9;
    b.retrainedEpochs = 4;
    std::vector<const CandidateColumn*> every;
    for (const auto& c : candidateColumns()) {
        every.push_back(&c);
    }
    QCOMPARE(candidatesCsv({ &a, &b }, every),
        std::string("id,run,epoch,genotype,accuracy,accuracy_kind,fps,latency_ms,energy_uj,edp,dsp,bram18,area_mm2,"
                    "valid,on_front,estimate_epoch,retrained_accuracy,retrained_epochs\r\n"
                    "7,2,3,\"fmnist:k3e1,skip\",0.875,supernet,1234.5,0.25,12,3,900,512,0,1,1,3,,0\r\n"
                    "8,2,-1,plain,0.875,supernet,1234.5,0.25,12,3,900,512,0,0,0,3,0.9,4\r\n"));
    // A chosen subset, in the caller's order.
    QCOMPARE(candidatesCsv({ &b }, { candidateColumn("genotype"), candidateColumn("id") }),
        std::string("genotype,id\r\nplain,8\r\n"));
    QVERIFY(!candidateColumn("no_such_column"));
    QCOMPARE(candidatesCsv({}, { candidateColumn("fps") }), std::string("fps\r\n"));
}

void TestExportFiles::fileNames()
{
    QCOMPARE(fileSafeName("conv1"), std::string("conv1"));
    QCOMPARE(fileSafeName("../block 3/dw:k5"), std::string(".._block_3_dw_k5"));
    QCOMPARE(designFileName(42), std::string("candidate-42.json"));
    QCOMPARE(weightsFileName(42), std::string("candidate-42.weights.pt"));
    QCOMPARE(timeloopFileName(42, 7, "fc8"), std::string("candidate-42_007_fc8.yaml"));
    QCOMPARE(timeloopFileName(3, 1234, "a/b"), std::string("candidate-3_1234_a_b.yaml"));
}

void TestExportFiles::storedDesignsAndTheirLayers()
{
    QTemporaryDir dir;
    auto opened = RunStore::open(QDir(dir.path()).filePath(QStringLiteral("s.sqlite")).toStdString());
    QVERIFY(opened.ok());
    RunStore& s = **opened;
    RunInfo run;
    run.name = "export";
    run.requestJson = "{}";
    const int64_t runId = s.createRun(run);

    cosearch::CandidateEvent ev;
    ev.genotype = "alexnet";
    ev.accuracyKind = "supernet";
    ev.design = accel::heuristicDesign(
        workload::builtinNetwork("alexnet").value(), *accel::findPlatform("eyeriss"), accel::dataflowIndex("rs"), 4);
    ev.cost = accel::evaluateDesign(ev.design);
    QVERIFY(ev.cost.valid());
    CandidateRecord noDesign = cosearch::candidateRecord(ev);
    noDesign.designJson.clear();
    CandidateRecord notADesign = noDesign;
    notADesign.designJson = R"({"format":"something else"})";
    const auto ids = s.addCandidates(
        runId, { cosearch::candidateRecord(ev), noDesign, notADesign }, { cosearch::layerMappingRecords(ev), {}, {} });

    auto loaded = loadStoredDesign(s, ids[0]);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().detail.c_str());
    QCOMPARE(loaded->candidateId, ids[0]);
    QCOMPARE(loaded->json.dump(), s.candidate(ids[0])->designJson);
    const accel::DesignCost again = accel::evaluateDesign(loaded->design);
    QCOMPARE(again.fps, ev.cost.fps);
    QCOMPARE(loadStoredDesign(s, ids[0] + 100).error().code, ErrorCode::NoCandidate);
    QVERIFY(loadStoredDesign(s, ids[1]).error().detail.find("no stored design") != std::string::npos);
    QCOMPARE(loadStoredDesign(s, ids[2]).error().code, ErrorCode::BadDesign);
    QCOMPARE(loadStoredDesigns(s, {}).error().code, ErrorCode::NoCandidates);
    QCOMPARE(loadStoredDesigns(s, { ids[0], ids[2] }).error().code, ErrorCode::BadDesign);

    // The recorded layers agree with the design evaluated again; a changed figure is named with its layer.
    auto stored = s.layerMappings(ids[0]);
    QCOMPARE(stored.size(), ev.design.network.layers.size());
    QCOMPARE(storedLayersDiffer(stored, loaded->design, again), std::string());
    QCOMPARE(storedLayersDiffer({}, loaded->design, again), std::string()); // nothing stored: nothing to say
    auto changed = stored;
    changed[2].cycles *= 1.01;
    const std::string cycles = storedLayersDiffer(changed, loaded->design, again);
    QVERIFY2(cycles.find("layer 2 (conv3): cycles") == 0, cycles.c_str());
    changed = stored;
    changed[4].energyPj[4] += 1;
    QVERIFY(storedLayersDiffer(changed, loaded->design, again).find("layer 4 (conv5): DRAM energy") == 0);
    changed = stored;
    changed.pop_back();
    QVERIFY(storedLayersDiffer(changed, loaded->design, again).find("7 layers") != std::string::npos);

    // Writing: the stored JSON byte for byte, one YAML per layer.
    const std::string out = QDir(dir.path()).filePath(QStringLiteral("out/deeper")).toStdString();
    auto designs = writeDesignFiles({ *loaded }, out);
    QVERIFY(designs.ok());
    QCOMPARE(designs->size(), size_t(1));
    QFile f(QString::fromStdString(designs->at(0)));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(io::Json::parse(f.readAll().toStdString()), loaded->json);
    auto yaml = writeTimeloopFiles({ *loaded }, out);
    QVERIFY(yaml.ok());
    QCOMPARE(yaml->size(), size_t(8));
    QVERIFY(QFile::exists(QString::fromStdString(out + "/" + timeloopFileName(ids[0], 7, "fc8"))));
    // A file where the folder should be: bad_path, nothing written.
    const std::string blocked = QDir(dir.path()).filePath(QStringLiteral("s.sqlite")).toStdString();
    QCOMPARE(writeTimeloopFiles({ *loaded }, blocked).error().code, ErrorCode::BadPath);
}

QTEST_GUILESS_MAIN(TestExportFiles)
#include "tst_export_files.moc"
