// File formats: layer lists, platforms and design files; round trips and clear errors for bad input.
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "io/json_io.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace dna;
using namespace dna::accel;
using namespace dna::workload;
using io::Json;

class TestJsonIo : public QObject {
    Q_OBJECT
private slots:
    void layerListMatchesBuiltin();
    void platformFileOverridesPreset();
    void designRoundTripReproducesMetrics_data();
    void designRoundTripReproducesMetrics();
    void badDocuments_data();
    void badDocuments();
    void malformedFile();
};

void TestJsonIo::layerListMatchesBuiltin()
{
    const auto fromFile = io::resolveNetworkArg(QFINDTESTDATA("../data/alexnet_layers.json").toStdString());
    QVERIFY2(fromFile.ok(), fromFile.ok() ? "" : fromFile.error().detail.c_str());
    const auto builtin = builtinNetwork("alexnet").value();
    QCOMPARE(fromFile->layers.size(), builtin.layers.size());
    for (size_t i = 0; i < builtin.layers.size(); ++i) {
        QCOMPARE(fromFile->layers[i].dims, builtin.layers[i].dims);
        QCOMPARE(fromFile->layers[i].strideY, builtin.layers[i].strideY);
    }
}

void TestJsonIo::platformFileOverridesPreset()
{
    const auto p = io::resolvePlatformArg(QFINDTESTDATA("../data/tiny_fpga.json").toStdString());
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().detail.c_str());
    QCOMPARE(QString::fromStdString(p->name), QStringLiteral("tiny-fpga"));
    QCOMPARE(p->budget.dsp, 64);
    QCOMPARE(p->clockMhz, 200.0); // kept from the zc706 base
    QCOMPARE(p->dramGBps, 12.8);
    // And the round trip of every preset.
    for (const auto& preset : platformPresets()) {
        const auto back = io::platformFromJson(io::platformToJson(preset));
        QVERIFY(back.ok());
        QCOMPARE(io::platformToJson(*back), io::platformToJson(preset));
    }
}

void TestJsonIo::designRoundTripReproducesMetrics_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("dataflow");
    QTest::addRow("alexnet eyeriss rs") << "alexnet"
                                        << "eyeriss"
                                        << "rs";
    QTest::addRow("mobilenetv2 zc706 ws") << "mobilenetv2"
                                          << "zc706"
                                          << "ws";
    QTest::addRow("fmnist asic28 os") << "fmnist:k3e1,k3e3,k3e6,k5e1,k5e3,k5e6,skip,k3e1"
                                      << "asic28"
                                      << "os";
}

void TestJsonIo::designRoundTripReproducesMetrics()
{
    QFETCH(QString, network);
    QFETCH(QString, platform);
    QFETCH(QString, dataflow);
    const Design d = heuristicDesign(io::resolveNetworkArg(network.toStdString()).value(),
        *findPlatform(platform.toStdString()), dataflowIndex(dataflow.toStdString()), 2);
    const DesignCost cost = evaluateDesign(d);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("design.json")).toStdString();
    QVERIFY(!io::writeJsonFile(path, io::designToJson(d, &cost)));
    const auto back = io::readDesignFile(path);
    QVERIFY2(back.ok(), back.ok() ? "" : back.error().detail.c_str());
    const DesignCost again = evaluateDesign(*back);
    QCOMPARE(again.valid(), cost.valid());
    QCOMPARE(again.latencyCycles, cost.latencyCycles);
    QCOMPARE(again.energyPj.total(), cost.energyPj.total());
    QCOMPARE(again.fps, cost.fps);
    QCOMPARE(again.resources.bram18, cost.resources.bram18);
    QCOMPARE(io::costToJson(*back, again).dump(), io::costToJson(d, cost).dump());
}

void TestJsonIo::badDocuments_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("layer without kernel")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":3,"out_channels":8,"in_size":8}]})"
        << "layers[0].kernel";
    QTest::addRow("zero channels")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":0,"out_channels":8,"in_size":8,"kernel":3}]})"
        << "layers[0].in_channels must be a whole number from 1";
    QTest::addRow("negative size")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":3,"out_channels":8,"in_size":-4,"kernel":3}]})"
        << "in_size must be from 1";
    QTest::addRow("unknown layer type") << "network"
                                        << R"({"layers":[{"type":"lstm"}]})"
                                        << "conv, depthwise or fc";
    QTest::addRow("empty layers") << "network"
                                  << R"({"layers":[]})"
                                  << "non-empty";
    QTest::addRow("kernel larger than input")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":3,"out_channels":8,"in_size":2,"kernel":5}]})"
        << "larger than the padded input";
    QTest::addRow("bad target") << "platform"
                                << R"({"name":"x","target":"gpu","clock_mhz":100})"
                                << "fpga or asic";
    QTest::addRow("zero clock") << "platform"
                                << R"({"name":"x","target":"asic","clock_mhz":0})"
                                << "clock_mhz";
    QTest::addRow("zero dsp budget") << "platform"
                                     << R"({"base":"zc706","budget":{"dsp":0}})"
                                     << "platform.budget.dsp must be a whole number from 1";
    QTest::addRow("fpga without budget") << "platform"
                                         << R"({"name":"x","target":"fpga","clock_mhz":100})"
                                         << "needs dsp and bram18";
    QTest::addRow("unknown base") << "platform"
                                  << R"({"base":"zc999"})"
                                  << "zc706";
    QTest::addRow("unknown dataflow")
        << "accelerator"
        << R"({"engines":[{"rows":4,"cols":4,"dataflow":"xyz","gb_bytes":1024,"rf_bytes":64}]})"
        << "ws, os, kx, rs, rsck";
    QTest::addRow("zero rows") << "accelerator"
                               << R"({"engines":[{"rows":0,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64}]})"
                               << "engines[0].rows must be a whole number from 1 to 4096";
    QTest::addRow("bad noc")
        << "accelerator"
        << R"({"engines":[{"rows":4,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64,"noc":{"inputs":"bus"}}]})"
        << "multicast, unicast or systolic";
    QTest::addRow("bad loop order") << "mapping"
                                    << R"({"tiles":{"gb":{"K":2}},"loop_order":{"gb":"KKCYXNRS"}})"
                                    << "permutation";
    QTest::addRow("bad dimension") << "mapping"
                                   << R"({"tiles":{"gb":{"Q":2}}})"
                                   << "unknown dimension 'Q'";
    QTest::addRow("zero factor") << "mapping"
                                 << R"({"tiles":{"rf":{"K":0}}})"
                                 << "at least 1";
    QTest::addRow("design without mappings")
        << "design"
        << R"({"network":{"genotype":"fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1"},"platform":"zc706","accelerator":{"engines":[{"rows":4,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64}]}})"
        << "mappings is missing";
    QTest::addRow("design of version 2") << "design"
                                         << R"({"format":"dna-design","version":2})"
                                         << "version must be 1";
}

void TestJsonIo::badDocuments()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    QFETCH(QString, mentions);
    const Json j = Json::parse(json.toStdString());
    std::optional<Error> error;
    if (kind == QLatin1String("network")) {
        auto r = io::networkFromJson(j);
        QVERIFY(!r.ok());
        error = r.error();
    } else if (kind == QLatin1String("platform")) {
        auto r = io::platformFromJson(j);
        QVERIFY(!r.ok());
        error = r.error();
    } else if (kind == QLatin1String("accelerator")) {
        auto r = io::acceleratorFromJson(j);
        QVERIFY(!r.ok());
        error = r.error();
    } else if (kind == QLatin1String("mapping")) {
        auto r = io::mappingFromJson(j, "mappings[0]");
        QVERIFY(!r.ok());
        error = r.error();
    } else {
        auto r = io::designFromJson(j);
        QVERIFY(!r.ok());
        error = r.error();
    }
    QVERIFY2(QString::fromStdString(error->detail).contains(mentions), error->detail.c_str());
}

void TestJsonIo::malformedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"layers\": [ {\"type\": \"conv\", ");
    f.close();
    const auto r = io::readDesignFile(path.toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().code), QStringLiteral("malformed_json"));
    QVERIFY(QString::fromStdString(r.error().detail).contains(path));
    const auto missing = io::readDesignFile(dir.filePath(QStringLiteral("nope.json")).toStdString());
    QCOMPARE(QString::fromStdString(missing.error().code), QStringLiteral("file_not_found"));
}

QTEST_GUILESS_MAIN(TestJsonIo)
#include "tst_json_io.moc"
