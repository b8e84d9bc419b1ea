// File formats: layer lists, platforms and design files; round trips and clear errors for bad input.
#include "accel/dataflow.h"
#include "accel/heuristic_mapper.h"
#include "io/json_io.h"
#include "io/platform_presets.h"
#include "util/expected.h"

#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace dna;
using namespace dna::accel;
using namespace dna::workload;
using io::Json;

class TestJsonIo : public QObject {
    Q_OBJECT
private slots:
    void errorCodeNamesAreUniqueAndRoundTrip();
    void presetsAreTheShippedFiles();
    void userPlatformFilesJoinOrAreSkipped();
    void layerListMatchesBuiltin();
    void platformFileOverridesPreset();
    void designRoundTripReproducesMetrics_data();
    void designRoundTripReproducesMetrics();
    void badDocuments_data();
    void badDocuments();
    void malformedFile();
    void mappingsFollowTheLayers();
    void productsDoNotWrapRound();
    void genotypesAreExact();
    void layerZerosRoundTrip();
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
    QTest::addRow("stride past 2^32")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"stride":4294967297}]})"
        << "layers[0].stride must be from 1 to 64, not 4294967297";
    QTest::addRow("kernel past 2^32")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":4294967299}]})"
        << "layers[0].kernel must be from 1 to 64";
    QTest::addRow("pad of 2^63")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"pad":9223372036854775808}]})"
        << "layers[0].pad must be a whole number or a pair";
    QTest::addRow("bits past 2^32")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"bits":4294967312}]})"
        << "layers[0].bits must be a whole number from 1 to 32";
    QTest::addRow("zeros above one")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"zeros":{"inputs":1.5}}]})"
        << "layers[0].zeros.inputs must be a number from 0 to 1, not 1.5";
    QTest::addRow("zeros of weights")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"zeros":{"weights":0.5}}]})"
        << "layers[0].zeros";
    QTest::addRow("dram_rlc not a boolean") << "platform"
                                            << R"({"base":"eyeriss","name":"e2","dram_rlc":"yes"})"
                                            << "dram_rlc must be true or false";
    QTest::addRow("misspelt stride")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"strides":2}]})"
        << "layers[0].strides is not a known field (did you mean 'stride'?)";
    QTest::addRow("misspelt pad")
        << "network"
        << R"({"layers":[{"name":"c","type":"conv","in_channels":3,"out_channels":8,"in_size":32,"kernel":3,"padding":1}]})"
        << "layers[0].padding is not a known field (did you mean";
    QTest::addRow("macs past 64 bits")
        << "network"
        << R"({"layers":[{"name":"big","dims":{"K":65536,"C":65536,"Y":65536,"X":65536}}]})"
        << "'big' is too large";
    QTest::addRow("huge unquoted value echoed short")
        << "network"
        << R"({"layers":[{"type":"conv","in_channels":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]})"
        << "must be a whole number from 1 to 1048576, not \"xxxxxxxxxx";
    QTest::addRow("chunk start past 2^32")
        << "accelerator"
        << R"({"chunk_starts":[4294967296],"engines":[{"rows":4,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64}]})"
        << "chunk_starts must hold layer indices";
    QTest::addRow("misspelt engine field")
        << "accelerator"
        << R"({"engines":[{"rows":4,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64,"colls":4}]})"
        << "accelerator.engines[0].colls is not a known field (did you mean 'cols'?)";
    QTest::addRow("base is a number") << "platform"
                                      << R"({"base":706})"
                                      << "platform.base must be a string, not 706";
    QTest::addRow("misspelt budget") << "platform"
                                     << R"({"base":"zc706","budget":{"dsps":64,"bram":64}})"
                                     << "platform.budget.bram is not a known field (did you mean 'bram18'?)";
    QTest::addRow("loop order is a number") << "mapping"
                                            << R"({"tiles":{"gb":{"K":2}},"loop_order":7})"
                                            << "mappings[0].loop_order must be a JSON object";
    QTest::addRow("tiles is a string") << "mapping"
                                       << R"({"tiles":" 3"})"
                                       << "mappings[0].tiles must be a JSON object";
    QTest::addRow("spatial is a number") << "mapping"
                                         << R"({"tiles":{},"spatial":7})"
                                         << "mappings[0].spatial must be a JSON object";
    QTest::addRow("layer is a number") << "mapping"
                                       << R"({"tiles":{},"layer":5})"
                                       << "mappings[0].layer must be the layer's name";
    QTest::addRow("unknown tile level") << "mapping"
                                        << R"({"tiles":{"l2":{"K":2}}})"
                                        << "mappings[0].tiles.l2 is not a known field";
    QTest::addRow("gb share field")
        << "accelerator"
        << R"({"engines":[{"rows":4,"cols":4,"dataflow":"ws","gb_bytes":1024,"rf_bytes":64,"gb_share":{"weight":0.5}}]})"
        << "unknown field 'weight'";
    QTest::addRow("batch of 0")
        << "design"
        << R"({"batch":0,"network":"alexnet","platform":"zc706","accelerator":{},"mappings":[]})"
        << "batch must be a whole number from 1 to 4096, not 0";
    QTest::addRow("batch past 2^32")
        << "design"
        << R"({"batch":4294967297,"network":"alexnet","platform":"zc706","accelerator":{},"mappings":[]})"
        << "batch must be a whole number from 1 to 4096";
    QTest::addRow("unknown design field")
        << "design"
        << R"({"network":{},"platform":"zc706","accelerator":{},"mappings":[],"mapings":[]})"
        << "mapings is not a known field (did you mean 'mappings'?)";
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
        << QString::fromStdString(dataflowNames()); // every dataflow of the table, whatever it holds
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
                                 << "tiles.rf.K must be a whole number from 1";
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
    QVERIFY2(error->detail.size() < 600, "a message quotes at most a short piece of the input");
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
    QCOMPARE(QString::fromLatin1(r.error().name()), QStringLiteral("malformed_json"));
    QVERIFY(QString::fromStdString(r.error().detail).contains(path));
    const auto missing = io::readDesignFile(dir.filePath(QStringLiteral("nope.json")).toStdString());
    QCOMPARE(QString::fromLatin1(missing.error().name()), QStringLiteral("file_not_found"));

    // A number past a double's range, even in the informative metrics: the file and the field are named.
    auto overflow = io::parseJson(R"({"batch": 1, "metrics": {"fps": 1e309}})", "'d.json'");
    QCOMPARE(QString::fromLatin1(overflow.error().name()), QStringLiteral("malformed_json"));
    QVERIFY2(QString::fromStdString(overflow.error().detail).contains(QStringLiteral("'d.json'"))
            && QString::fromStdString(overflow.error().detail).contains(QStringLiteral("field 'fps'")),
        overflow.error().detail.c_str());
    // 100,000 levels of nesting: refused while parsing (it used to overflow the stack).
    const std::string deep = "{\"network\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    auto nested = io::parseJson(deep, "'deep.json'");
    QCOMPARE(QString::fromLatin1(nested.error().name()), QStringLiteral("malformed_json"));
    QVERIFY2(QString::fromStdString(nested.error().detail).contains(QStringLiteral("more than 64 levels")),
        nested.error().detail.c_str());
}

void TestJsonIo::mappingsFollowTheLayers()
{
    const auto d = accel::heuristicDesign(
        workload::builtinNetwork("alexnet").value(), *accel::findPlatform("eyeriss"), accel::dataflowIndex("rs"), 1);
    Json j = io::designToJson(d, nullptr);
    QVERIFY(io::designFromJson(j).ok());
    std::swap(j["mappings"][1], j["mappings"][2]);
    const auto swapped = io::designFromJson(j);
    QVERIFY(!swapped.ok());
    QVERIFY2(QString::fromStdString(swapped.error().detail)
                 .contains(QStringLiteral("mappings[1].layer is 'conv3' but layer 1 of the network is 'conv2'")),
        swapped.error().detail.c_str());
    // An error inside the design's network says where it is.
    j = io::designToJson(d, nullptr);
    j["network"]["layers"][0]["stride"] = 0;
    QVERIFY(QString::fromStdString(io::designFromJson(j).error().detail)
                .startsWith(QStringLiteral("network.layers[0].stride")));
}

void TestJsonIo::productsDoNotWrapRound()
{
    // Spatial factors whose product wraps a 32-bit int to 0 (65536 x 65536) on a 30x30 array: rows exceeded.
    workload::Layer l;
    l.name = "conv";
    l.dims = { 1, 1, 65536, 65536, 65536, 1, 65536, 1 };
    accel::Engine e;
    e.rows = 30;
    e.cols = 30;
    e.dataflow = accel::dataflowIndex("rs"); // R and C on rows
    e.gbBytes = 1 << 20;
    e.rfBytes = 512;
    accel::Mapping m;
    m.spatialRow[workload::R] = 65536;
    m.spatialRow[workload::C] = 65536;
    m.dram[workload::K] = 65536;
    m.dram[workload::Y] = 65536;
    const auto c = accel::evaluateLayer(l, e, m, *accel::findPlatform("eyeriss"), true);
    QCOMPARE(int(c.invalid), int(accel::Invalid::SpatialRowsExceeded));
    // The same layer as a network: its MAC count (2^64) does not fit, so it is refused, not reported as 0.
    workload::Network net;
    net.name = "big";
    net.layers = { l };
    const auto e2 = workload::validateNetwork(net);
    QVERIFY(e2);
    QVERIFY2(QString::fromStdString(e2->detail).contains(QStringLiteral("too large")), e2->detail.c_str());
}

void TestJsonIo::genotypesAreExact()
{
    QVERIFY(workload::networkFromGenotype("fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1").ok());
    for (const char* bad : { "fmnist:k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,",
             "fmnist:,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1", "fmnist:k3e1,,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1,k3e1" }) {
        const auto r = workload::networkFromGenotype(bad);
        QVERIFY2(!r.ok(), bad);
        QVERIFY2(
            QString::fromStdString(r.error().detail).contains(QStringLiteral("empty op")), r.error().detail.c_str());
    }
    const auto huge = workload::networkFromGenotype("fmnist:" + std::string(1 << 20, 'q'));
    QVERIFY(!huge.ok());
    QVERIFY(huge.error().detail.size() < 300);
}

void TestJsonIo::layerZerosRoundTrip()
{
    const Json j = Json::parse(R"({"layers":[
        {"name":"a","type":"conv","in_channels":8,"out_channels":8,"in_size":8,"kernel":3,"zeros":{"inputs":0.25}},
        {"name":"b","type":"conv","in_channels":8,"out_channels":8,"in_size":8,"kernel":3}]})");
    const auto net = io::networkFromJson(j);
    QVERIFY2(net.ok(), net.ok() ? "" : net.error().detail.c_str());
    QCOMPARE(net->layers[0].inputZeros, 0.25);
    QCOMPARE(net->layers[0].outputZeros, 0.0);
    QCOMPARE(net->layers[1].inputZeros, 0.0);
    const Json back = io::networkToJson(*net);
    QCOMPARE(back["layers"][0]["zeros"]["inputs"].get<double>(), 0.25);
    QVERIFY(!back["layers"][1].contains("zeros")); // a layer without them is written as before
    QCOMPARE(io::networkToJson(io::networkFromJson(back).value()).dump(), back.dump());
}

void TestJsonIo::errorCodeNamesAreUniqueAndRoundTrip()
{
    // The names are what scripts read (`dna-cli search --json` prints them): snake_case, one per code, parsed
    // back to the same code; an unknown name is refused.
    int count = 0;
    const dna::ErrorCode* codes = dna::allErrorCodes(count);
    QCOMPARE(count, int(dna::ErrorCode::Internal) + 1); // the table covers every enumerator
    const QRegularExpression snake(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
    QSet<QString> seen;
    for (int i = 0; i < count; ++i) {
        const QString name = QString::fromLatin1(dna::errorCodeName(codes[i]));
        QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        dna::ErrorCode back = dna::ErrorCode::Internal;
        QVERIFY(dna::parseErrorCode(name.toStdString(), back));
        QCOMPARE(int(back), int(codes[i]));
    }
    QCOMPARE(
        QString::fromLatin1(dna::errorCodeName(dna::ErrorCode::DatasetMissing)), QStringLiteral("dataset_missing"));
    QCOMPARE(QString::fromLatin1(dna::Error { dna::ErrorCode::NoValidDesign, {} }.name()),
        QStringLiteral("no_valid_design"));
    dna::ErrorCode unknown = dna::ErrorCode::BadField;
    QVERIFY(!dna::parseErrorCode("bad request", unknown));
    QCOMPARE(int(unknown), int(dna::ErrorCode::BadField));
}

void TestJsonIo::presetsAreTheShippedFiles()
{
    // The presets are the files of resources/platforms/, in file-name order, read like a user's file.
    const QDir dir(QStringLiteral(DNA_TEST_DATA_DIR "/../../resources/platforms"));
    const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    const auto& builtins = io::builtinPlatforms();
    QCOMPARE(int(builtins.size()), files.size());
    for (int i = 0; i < files.size(); ++i) {
        const auto j = io::readJsonFile(dir.filePath(files[i]).toStdString());
        QVERIFY2(j.ok(), j.ok() ? "" : j.error().detail.c_str());
        const auto p = io::platformFromJson(*j);
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().detail.c_str());
        QCOMPARE(io::platformToJson(builtins[size_t(i)]), io::platformToJson(*p));
        QVERIFY2(!p->notes.empty(), qPrintable(files[i] + QStringLiteral(" says nowhere where its numbers come from")));
    }
    // Facts from ../shared/reference/accelerator-facts.md, not from the files.
    const Platform* zc706 = findPlatform("zc706");
    QVERIFY(zc706);
    QCOMPARE(zc706->budget.dsp, 900);
    QCOMPARE(zc706->budget.bram18, 1090);
    QCOMPARE(QString::fromStdString(zc706->defaultDataflow), QStringLiteral("ws"));
    QVERIFY(!zc706->defaultEngine);
    const Platform* eyeriss = findPlatform("eyeriss");
    QVERIFY(eyeriss && eyeriss->defaultEngine);
    QCOMPARE(QString::fromStdString(eyeriss->defaultDataflow), QStringLiteral("rs"));
    const Accelerator acc = defaultAccelerator(*eyeriss, dataflowIndex(eyeriss->defaultDataflow));
    QCOMPARE(acc.engines[0].rows * acc.engines[0].cols, 168); // 12 x 14 PEs
    QCOMPARE(acc.engines[0].rows, 12);
    QCOMPARE(acc.engines[0].gbBytes, int64_t(108 * 1024));
    QCOMPARE(acc.engines[0].rfSplit[0] + acc.engines[0].rfSplit[1] + acc.engines[0].rfSplit[2], 448 + 24 + 48);
    QCOMPARE(acc.engines[0].rfSplit[1], 24); // 12 x 16-bit ifmap scratchpad
}

void TestJsonIo::userPlatformFilesJoinOrAreSkipped()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const auto write = [&](const char* name, const QByteArray& text) {
        QFile f(tmp.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("b-board.json", R"({"base": "zc706", "name": "my-board", "budget": {"dsp": 400, "bram18": 600}})");
    write("a-broken.json", R"({"name": "broken", "target": "fpga", "clock_mhz": -3})");
    write("c-clash.json", R"({"base": "eyeriss", "description": "a second eyeriss"})");
    write("d-notes.txt", "not a platform");
    std::vector<std::string> problems;
    const auto found = io::loadPlatformDir(tmp.path().toStdString(), io::builtinPlatforms(), problems);
    QCOMPARE(int(found.size()), 1);
    QCOMPARE(QString::fromStdString(found[0].name), QStringLiteral("my-board"));
    QCOMPARE(found[0].budget.dsp, 400);
    QCOMPARE(found[0].clockMhz, 200.0); // from its base
    QCOMPARE(int(problems.size()), 2); // in file-name order: the broken file, then the clash
    QVERIFY2(QString::fromStdString(problems[0]).contains(QStringLiteral("a-broken.json")), problems[0].c_str());
    QVERIFY2(QString::fromStdString(problems[0]).contains(QStringLiteral("clock_mhz")), problems[0].c_str());
    QVERIFY2(QString::fromStdString(problems[1]).contains(QStringLiteral("c-clash.json")), problems[1].c_str());
    QVERIFY2(QString::fromStdString(problems[1]).contains(QStringLiteral("'eyeriss'")), problems[1].c_str());
    // A folder that does not exist is no platform and no problem.
    problems.clear();
    QVERIFY(io::loadPlatformDir(tmp.filePath(QStringLiteral("none")).toStdString(), {}, problems).empty());
    QVERIFY(problems.empty());
}

QTEST_GUILESS_MAIN(TestJsonIo)
#include "tst_json_io.moc"
