// The registries reach dna-cli: a strategy registered by this test binary (tests/support/first_allowed_strategy.h)
// is listed in `dna-cli hwsearch --help` and in the --algo error, and searches; commands run in-process
// (dna_cli_commands, the code of the dna-cli binary).
#include "cli_command.h"

#include "../support/first_allowed_strategy.h"

#include "accel/cost_model.h"
#include "io/json_io.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sstream>

using namespace dna;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run runCli(const std::vector<std::string>& args)
{
    std::ostringstream out, err;
    Run r;
    r.code = dna::cli::runCli(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

class TestCliRegistries : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void registrationRefusesClashes();
    void aRegisteredStrategyIsInTheHelp();
    void aRegisteredStrategySearches();
};

void TestCliRegistries::initTestCase()
{
    // Before: not listed (the help is written when shown, from the table as it is then).
    QVERIFY(runCli({ "hwsearch", "--help" }).out.find("first-allowed") == std::string::npos);
    QVERIFY(hwsearch::registerStrategy(testing::firstAllowedInfo()));
}

void TestCliRegistries::registrationRefusesClashes()
{
    hwsearch::StrategyInfo clash = testing::firstAllowedInfo();
    QVERIFY(!hwsearch::registerStrategy(clash)); // the same id and algo
    clash.algo = hwsearch::Algo(101);
    QVERIFY(!hwsearch::registerStrategy(clash)); // the same id
    clash.id = "das";
    QVERIFY(!hwsearch::registerStrategy(clash)); // a built-in's id
    clash.id = "";
    QVERIFY(!hwsearch::registerStrategy(clash));
    clash.id = "another";
    clash.algo = hwsearch::Algo::Random;
    QVERIFY(!hwsearch::registerStrategy(clash)); // a built-in's algo
    QCOMPARE(hwsearch::strategies().back().id, "first-allowed");
    QCOMPARE(
        QString::fromLatin1(hwsearch::algoName(testing::FirstAllowedStrategy::kAlgo)), QStringLiteral("first-allowed"));
}

void TestCliRegistries::aRegisteredStrategyIsInTheHelp()
{
    const Run help = runCli({ "hwsearch", "--help" });
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.find("\n  first-allowed: a test's own strategy: the first allowed choice of every knob")
            != std::string::npos,
        help.out.c_str());
    QVERIFY(help.out.find("[--algo das|random|evolution|exhaustive|first-allowed]") != std::string::npos);
    const Run bad = runCli({ "hwsearch", "--network", "alexnet", "--platform", "zc706", "--algo", "nope" });
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.find("--algo must be das, random, evolution, exhaustive or first-allowed, not 'nope'")
            != std::string::npos,
        bad.err.c_str());
}

void TestCliRegistries::aRegisteredStrategySearches()
{
    QTemporaryDir dir;
    const std::string file = dir.filePath(QStringLiteral("design.json")).toStdString();
    const Run r = runCli({ "hwsearch", "--network", "alexnet", "--platform", "zc706", "--algo", "first-allowed",
        "--iters", "300", "--threads", "1", "--json", "--out", file });
    QVERIFY2(r.code == 0, r.err.c_str());
    const io::Json j = io::Json::parse(r.out);
    QCOMPARE(j["search"]["algo"].get<std::string>(), std::string("first-allowed"));
    QCOMPARE(j["search"]["evaluations"].get<long>(), 300L);
    // The design it returns evaluates, by the cost model directly, to the figures the command printed.
    const auto written = io::readJsonFile(file);
    QVERIFY(written.ok());
    const auto design = io::designFromJson(*written);
    QVERIFY2(design.ok(), design.ok() ? "" : design.error().detail.c_str());
    const accel::DesignCost cost = accel::evaluateDesign(*design);
    QVERIFY(cost.valid());
    QCOMPARE(cost.fps, j["total"]["fps"].get<double>());
    QCOMPARE(cost.energyUj, j["total"]["energy_uj"].get<double>());
}

QTEST_GUILESS_MAIN(TestCliRegistries)
#include "tst_cli_registries.moc"
