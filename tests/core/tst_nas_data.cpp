// core/nas data: IDX (plain and gzip'd) and CIFAR readers against files written here byte by byte, errors
// for missing and truncated files, seeded splits and batch normalisation/augmentation by hand.
#include "nas/batch_loader.h"
#include "nas/dataset.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <fstream>
#include <set>

using namespace dna::nas;

namespace {

void put32(std::vector<uint8_t>& v, uint32_t x)
{
    for (int s = 24; s >= 0; s -= 8) {
        v.push_back(uint8_t(x >> s));
    }
}

// Three 2x3 images with pixel value 10 * image + position, labels 7, 0, 9.
std::vector<uint8_t> idxImages()
{
    std::vector<uint8_t> v;
    put32(v, 2051);
    put32(v, 3);
    put32(v, 2);
    put32(v, 3);
    for (int i = 0; i < 3; ++i) {
        for (int p = 0; p < 6; ++p) {
            v.push_back(uint8_t(10 * i + p));
        }
    }
    return v;
}

std::vector<uint8_t> idxLabels()
{
    std::vector<uint8_t> v;
    put32(v, 2049);
    put32(v, 3);
    for (uint8_t l : { 7, 0, 9 }) {
        v.push_back(l);
    }
    return v;
}

void writePlain(const QString& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    f.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void writeGz(const QString& path, const std::vector<uint8_t>& bytes)
{
    gzFile f = gzopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    gzclose(f);
}

} // namespace

class TestNasData : public QObject {
    Q_OBJECT
private slots:
    void idxPlainAndGzip_data();
    void idxPlainAndGzip();
    void missingFileNamesPathAndPackage();
    void truncatedFiles_data();
    void truncatedFiles();
    void cifarRecords();
    void splitsAreDisjointAndSeeded();
    void batchNormalisesAndAugments();
    void fashionMnistInstalled();
};

void TestNasData::idxPlainAndGzip_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addRow("plain") << false;
    QTest::addRow("gzip") << true;
}

void TestNasData::idxPlainAndGzip()
{
    QFETCH(bool, gzip);
    QTemporaryDir dir;
    const QString suffix = gzip ? QStringLiteral(".gz") : QString();
    for (const char* split : { "train", "t10k" }) {
        const QString base = dir.filePath(QString::fromLatin1(split));
        (gzip ? writeGz : writePlain)(base + QStringLiteral("-images-idx3-ubyte") + suffix, idxImages());
        (gzip ? writeGz : writePlain)(base + QStringLiteral("-labels-idx1-ubyte") + suffix, idxLabels());
    }
    auto tt = loadIdxDir(dir.path().toStdString());
    QVERIFY2(tt.ok(), tt.ok() ? "" : tt.error().detail.c_str());
    const Dataset& d = tt->train;
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.height, 2);
    QCOMPARE(d.width, 3);
    QCOMPARE(int(d.labels[0]), 7);
    QCOMPARE(int(d.labels[2]), 9);
    QCOMPARE(int(d.image(1)[4]), 14);
    // Mean of the 18 pixels: (0+..+5)/6 + 10 = 12.5 -> 12.5 / 255.
    QVERIFY(qAbs(d.mean[0] - 12.5f / 255.f) < 1e-6f);
    QCOMPARE(tt->test.mean, d.mean);
}

void TestNasData::missingFileNamesPathAndPackage()
{
    auto tt = loadIdxDir("/nonexistent/fashion");
    QVERIFY(!tt.ok());
    QCOMPARE(QString::fromLatin1(tt.error().name()), QStringLiteral("dataset_missing"));
    const QString detail = QString::fromStdString(tt.error().detail);
    QVERIFY2(detail.contains(QStringLiteral("/nonexistent/fashion/train-images-idx3-ubyte")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("apt-get install dataset-fashion-mnist")), qPrintable(detail));
}

void TestNasData::truncatedFiles_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<int>("keepBytes");
    QTest::addRow("plain, cut in the pixels") << false << 20;
    QTest::addRow("plain, cut in the header") << false << 6;
    QTest::addRow("gzip stream cut short") << true << 20;
}

void TestNasData::truncatedFiles()
{
    QFETCH(bool, gzip);
    QFETCH(int, keepBytes);
    QTemporaryDir dir;
    const QString images = dir.filePath(QStringLiteral("im"));
    const QString labels = dir.filePath(QStringLiteral("lb"));
    writePlain(labels, idxLabels());
    if (gzip) {
        writeGz(images, idxImages());
        std::ifstream in(images.toStdString(), std::ios::binary);
        std::vector<char> gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        gz.resize(keepBytes);
        writePlain(images, std::vector<uint8_t>(gz.begin(), gz.end()));
    } else {
        auto bytes = idxImages();
        bytes.resize(keepBytes);
        writePlain(images, bytes);
    }
    auto d = readIdx(images.toStdString(), labels.toStdString());
    QVERIFY(!d.ok());
    QCOMPARE(QString::fromLatin1(d.error().name()), QStringLiteral("dataset_corrupt"));
    QVERIFY(QString::fromStdString(d.error().detail).contains(images));
}

void TestNasData::cifarRecords()
{
    QTemporaryDir dir;
    // CIFAR-100 records: coarse label, fine label, 3072 pixels (R plane, G plane, B plane).
    std::vector<uint8_t> rec;
    for (int i = 0; i < 2; ++i) {
        rec.push_back(uint8_t(3));
        rec.push_back(uint8_t(42 + i));
        for (int p = 0; p < 3072; ++p) {
            rec.push_back(uint8_t((p / 1024) * 100 + i));
        }
    }
    writePlain(dir.filePath(QStringLiteral("train.bin")), rec);
    writePlain(dir.filePath(QStringLiteral("test.bin")), rec);
    auto tt = loadCifarDir(dir.path().toStdString(), 100);
    QVERIFY2(tt.ok(), tt.ok() ? "" : tt.error().detail.c_str());
    QCOMPARE(tt->train.size(), 2);
    QCOMPARE(tt->train.channels, 3);
    QCOMPARE(int(tt->train.labels[1]), 43);
    QCOMPARE(int(tt->train.image(1)[2048]), 201); // blue plane of image 1
    // Channel means: R (0 + 1) / 2, G 100.5, B 200.5, over 255.
    QVERIFY(qAbs(tt->train.mean[1] - 100.5f / 255.f) < 1e-6f);

    auto missing = loadCifarDir(dir.path().toStdString(), 10);
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error().detail).contains(QStringLiteral("data_batch_1.bin")));
    rec.pop_back();
    writePlain(dir.filePath(QStringLiteral("train.bin")), rec);
    QCOMPARE(QString::fromLatin1(loadCifarDir(dir.path().toStdString(), 100).error().name()),
        QStringLiteral("dataset_corrupt"));
}

void TestNasData::splitsAreDisjointAndSeeded()
{
    const auto s = makeSplits(1000, 0.2, 0.1, 7);
    QCOMPARE(int(s.val.size()), 100);
    QCOMPARE(int(s.arch.size()), 200);
    QCOMPARE(int(s.train.size()), 700);
    std::set<int> all(s.train.begin(), s.train.end());
    all.insert(s.arch.begin(), s.arch.end());
    all.insert(s.val.begin(), s.val.end());
    QCOMPARE(int(all.size()), 1000);
    QCOMPARE(*all.begin(), 0);
    QCOMPARE(*all.rbegin(), 999);
    QCOMPARE(makeSplits(1000, 0.2, 0.1, 7).arch, s.arch);
    QVERIFY(makeSplits(1000, 0.2, 0.1, 8).arch != s.arch);
}

void TestNasData::batchNormalisesAndAugments()
{
    Dataset d;
    d.channels = 1;
    d.height = 2;
    d.width = 3;
    d.pixels = { 0, 51, 102, 153, 204, 255 };
    d.labels = { 4 };
    d.mean = { 0.5f };
    d.stddev = { 0.25f };
    const Batch b = makeBatch(d, { 0 }, 0, 1);
    QCOMPARE(b.n, 1);
    QCOMPARE(b.labels[0], int64_t(4));
    // (p / 255 - 0.5) / 0.25: 0 -> -2, 51 -> -1.2, 255 -> 2.
    QVERIFY(qAbs(b.images[0] + 2.f) < 1e-5f);
    QVERIFY(qAbs(b.images[1] + 1.2f) < 1e-5f);
    QVERIFY(qAbs(b.images[5] - 2.f) < 1e-5f);

    // Flip only: every batch is the image or its mirror, and both occur.
    BatchLoader flip(d, { 0 }, 1, false, Augment { 0, true }, 3);
    std::set<float> firstPixels;
    for (int i = 0; i < 40; ++i) {
        const auto& fb = flip.next();
        firstPixels.insert(fb.images[0]);
        QVERIFY(qAbs(fb.images[0] + 2.f) < 1e-5f || qAbs(fb.images[0] - (102.f / 255.f - 0.5f) / 0.25f) < 1e-5f);
    }
    QCOMPARE(int(firstPixels.size()), 2);

    // Crop with padding 1: a shifted pixel is either an image pixel or the normalised black (-2).
    BatchLoader crop(d, { 0 }, 1, false, Augment { 1, false }, 5);
    bool sawPadding = false;
    for (int i = 0; i < 40; ++i) {
        const auto& cb = crop.next();
        for (float v : cb.images) {
            sawPadding |= qAbs(v + 2.f) < 1e-5f;
        }
    }
    QVERIFY(sawPadding);
}

void TestNasData::fashionMnistInstalled()
{
    const std::string dir = defaultFashionMnistDir();
    if (!std::ifstream(dir + "/train-images-idx3-ubyte.gz").good()) {
        QSKIP("dataset-fashion-mnist is not installed");
    }
    auto tt = loadIdxDir(dir);
    QVERIFY2(tt.ok(), tt.ok() ? "" : tt.error().detail.c_str());
    // The dataset's published sizes: 60,000 training and 10,000 test images of 28x28, 10 balanced classes.
    QCOMPARE(tt->train.size(), 60000);
    QCOMPARE(tt->test.size(), 10000);
    QCOMPARE(tt->train.height, 28);
    QCOMPARE(tt->train.numClasses, 10);
    std::vector<int> perClass(10);
    for (auto l : tt->test.labels) {
        ++perClass[l];
    }
    QCOMPARE(perClass, std::vector<int>(10, 1000));
}

QTEST_GUILESS_MAIN(TestNasData)
#include "tst_nas_data.moc"
