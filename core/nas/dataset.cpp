#include "nas/dataset.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <numeric>
#include <random>

namespace dna::nas {

namespace {

const char* kInstallHint = "install it with `apt-get install dataset-fashion-mnist` (files in "
                           "/usr/share/datasets/fashion-mnist) or pass --data DIR";

bool exists(const std::string& path) { return std::ifstream(path).good(); }

// gzread passes uncompressed files through unchanged, so one reader serves both.
struct GzFile {
    gzFile f = nullptr;
    ~GzFile()
    {
        if (f) {
            gzclose(f);
        }
    }
};

Expected<std::vector<uint8_t>> readAll(const std::string& path)
{
    if (!exists(path)) {
        return Error { ErrorCode::DatasetMissing, "cannot open " + path + "; " + kInstallHint };
    }
    GzFile file;
    file.f = gzopen(path.c_str(), "rb");
    if (!file.f) {
        return Error { ErrorCode::DatasetMissing, "cannot open " + path + "; " + kInstallHint };
    }
    std::vector<uint8_t> data;
    std::vector<uint8_t> chunk(1 << 20);
    for (;;) {
        const int got = gzread(file.f, chunk.data(), unsigned(chunk.size()));
        if (got < 0) {
            return Error { ErrorCode::DatasetCorrupt, path + " is not a readable (gzip) file; " + kInstallHint };
        }
        if (got == 0) {
            break;
        }
        data.insert(data.end(), chunk.begin(), chunk.begin() + got);
    }
    // A gzip stream cut short reads as a short file without an error from gzread; gzerror tells.
    int err = Z_OK;
    gzerror(file.f, &err);
    if (err != Z_OK && err != Z_STREAM_END) {
        return Error { ErrorCode::DatasetCorrupt, path + " is truncated or damaged; " + kInstallHint };
    }
    return data;
}

uint32_t bigEndian(const std::vector<uint8_t>& d, size_t at)
{
    return (uint32_t(d[at]) << 24) | (uint32_t(d[at + 1]) << 16) | (uint32_t(d[at + 2]) << 8) | d[at + 3];
}

std::string resolve(const std::string& dir, const std::string& base)
{
    const std::string plain = dir + "/" + base;
    if (exists(plain + ".gz")) {
        return plain + ".gz";
    }
    return exists(plain) ? plain : plain + ".gz";
}

Error corrupt(const std::string& path, const std::string& what)
{
    return Error { ErrorCode::DatasetCorrupt, path + ": " + what + "; " + kInstallHint };
}

} // namespace

void Dataset::computeNormalisation()
{
    mean.assign(channels, 0.f);
    stddev.assign(channels, 1.f);
    const size_t plane = size_t(height) * width;
    if (size() == 0 || plane == 0) {
        return;
    }
    for (int c = 0; c < channels; ++c) {
        double sum = 0, sq = 0;
        for (int i = 0; i < size(); ++i) {
            const uint8_t* p = image(i) + c * plane;
            for (size_t k = 0; k < plane; ++k) {
                const double v = p[k] / 255.0;
                sum += v;
                sq += v * v;
            }
        }
        const double n = double(size()) * plane;
        const double m = sum / n;
        mean[c] = float(m);
        stddev[c] = float(std::sqrt(std::max(sq / n - m * m, 1e-12)));
    }
}

const char* defaultFashionMnistDir() { return "/usr/share/datasets/fashion-mnist"; }

Expected<Dataset> readIdx(const std::string& imagesPath, const std::string& labelsPath)
{
    auto images = readAll(imagesPath);
    if (!images) {
        return images.error();
    }
    auto labels = readAll(labelsPath);
    if (!labels) {
        return labels.error();
    }
    const auto& im = *images;
    const auto& lb = *labels;
    if (im.size() < 16 || bigEndian(im, 0) != 2051) {
        return corrupt(imagesPath, "not an IDX image file (magic 2051)");
    }
    if (lb.size() < 8 || bigEndian(lb, 0) != 2049) {
        return corrupt(labelsPath, "not an IDX label file (magic 2049)");
    }
    const uint64_t n = bigEndian(im, 4), rows = bigEndian(im, 8), cols = bigEndian(im, 12);
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096) {
        return corrupt(imagesPath, "implausible image size");
    }
    if (im.size() != 16 + n * rows * cols) {
        return corrupt(imagesPath,
            "truncated: header says " + std::to_string(n) + " images of " + std::to_string(rows) + "x"
                + std::to_string(cols) + ", file has " + std::to_string(im.size()) + " bytes");
    }
    if (bigEndian(lb, 4) != n || lb.size() != 8 + n) {
        return corrupt(labelsPath, "truncated or does not match " + imagesPath + " (" + std::to_string(n) + " labels)");
    }
    Dataset d;
    d.channels = 1;
    d.height = int(rows);
    d.width = int(cols);
    d.pixels.assign(im.begin() + 16, im.end());
    d.labels.assign(lb.begin() + 8, lb.end());
    const int maxLabel = d.labels.empty() ? 0 : *std::max_element(d.labels.begin(), d.labels.end());
    d.numClasses = std::max(10, maxLabel + 1);
    return d;
}

Expected<TrainTest> loadIdxDir(const std::string& dir, const std::string& name)
{
    auto train = readIdx(resolve(dir, "train-images-idx3-ubyte"), resolve(dir, "train-labels-idx1-ubyte"));
    if (!train) {
        return train.error();
    }
    auto test = readIdx(resolve(dir, "t10k-images-idx3-ubyte"), resolve(dir, "t10k-labels-idx1-ubyte"));
    if (!test) {
        return test.error();
    }
    TrainTest tt { std::move(train).value(), std::move(test).value() };
    tt.train.name = name + "-train";
    tt.test.name = name + "-test";
    tt.train.computeNormalisation();
    tt.test.mean = tt.train.mean;
    tt.test.stddev = tt.train.stddev;
    return tt;
}

namespace {

Expected<Dataset> readCifarFiles(const std::vector<std::string>& paths, int classes)
{
    const size_t labelBytes = classes == 100 ? 2 : 1;
    const size_t record = labelBytes + 3072;
    Dataset d;
    d.channels = 3;
    d.height = d.width = 32;
    d.numClasses = classes;
    for (const auto& path : paths) {
        auto bytes = readAll(path);
        if (!bytes) {
            return Error { bytes.error().code,
                "cannot open " + path + "; CIFAR binaries are not packaged by Debian: download the binary "
                    + "version and pass its folder with --data DIR" };
        }
        if (bytes->empty() || bytes->size() % record != 0) {
            return corrupt(path, "size is not a multiple of the " + std::to_string(record) + "-byte record");
        }
        const size_t n = bytes->size() / record;
        for (size_t i = 0; i < n; ++i) {
            const uint8_t* r = bytes->data() + i * record;
            const uint8_t label = r[labelBytes - 1]; // CIFAR-100: the fine label follows the coarse one
            if (label >= classes) {
                return corrupt(path, "label " + std::to_string(label) + " out of range");
            }
            d.labels.push_back(label);
            d.pixels.insert(d.pixels.end(), r + labelBytes, r + record);
        }
    }
    return d;
}

} // namespace

Expected<TrainTest> loadCifarDir(const std::string& dir, int classes)
{
    if (classes != 10 && classes != 100) {
        return Error { ErrorCode::BadRequest, "CIFAR has 10 or 100 classes, not " + std::to_string(classes) };
    }
    std::vector<std::string> trainFiles, testFiles;
    if (classes == 10) {
        for (int i = 1; i <= 5; ++i) {
            trainFiles.push_back(dir + "/data_batch_" + std::to_string(i) + ".bin");
        }
        testFiles.push_back(dir + "/test_batch.bin");
    } else {
        trainFiles.push_back(dir + "/train.bin");
        testFiles.push_back(dir + "/test.bin");
    }
    auto train = readCifarFiles(trainFiles, classes);
    if (!train) {
        return train.error();
    }
    auto test = readCifarFiles(testFiles, classes);
    if (!test) {
        return test.error();
    }
    TrainTest tt { std::move(train).value(), std::move(test).value() };
    tt.train.name = "cifar" + std::to_string(classes) + "-train";
    tt.test.name = "cifar" + std::to_string(classes) + "-test";
    tt.train.computeNormalisation();
    tt.test.mean = tt.train.mean;
    tt.test.stddev = tt.train.stddev;
    return tt;
}

const char* datasetNames() { return "fashion-mnist, mnist, cifar10, cifar100"; }

Expected<TrainTest> loadDataset(const std::string& name, const std::string& dir)
{
    if (name == "fashion-mnist" || name == "mnist") {
        if (dir.empty() && name == "mnist") {
            return Error { ErrorCode::BadRequest, "mnist needs --data DIR (a folder with the four IDX files)" };
        }
        return loadIdxDir(dir.empty() ? defaultFashionMnistDir() : dir, name);
    }
    if (name == "cifar10" || name == "cifar100") {
        if (dir.empty()) {
            return Error { ErrorCode::BadRequest, name + " needs --data DIR (the folder of the CIFAR binary batches)" };
        }
        return loadCifarDir(dir, name == "cifar10" ? 10 : 100);
    }
    return Error { ErrorCode::BadRequest, "unknown dataset '" + name + "'; datasets are " + datasetNames() };
}

Dataset syntheticDataset(int count, int channels, int size, int classes, uint64_t seed)
{
    Dataset d;
    d.name = "synthetic";
    d.channels = channels;
    d.height = d.width = size;
    d.numClasses = classes;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> pixel(0, 255);
    std::normal_distribution<double> noise(0.0, 40.0);
    const size_t bytes = d.imageBytes();
    std::vector<std::vector<int>> templates(classes, std::vector<int>(bytes));
    for (auto& t : templates) {
        for (auto& v : t) {
            v = pixel(rng);
        }
    }
    d.pixels.resize(bytes * count);
    d.labels.resize(count);
    for (int i = 0; i < count; ++i) {
        const int label = i % classes;
        d.labels[i] = uint8_t(label);
        for (size_t k = 0; k < bytes; ++k) {
            const double v = templates[label][k] + noise(rng);
            d.pixels[i * bytes + k] = uint8_t(std::clamp(v, 0.0, 255.0));
        }
    }
    d.computeNormalisation();
    return d;
}

DataSplits makeSplits(int count, double archFraction, double valFraction, uint64_t seed)
{
    std::vector<int> order(std::max(count, 0));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    const int nVal = int(std::lround(count * std::clamp(valFraction, 0.0, 1.0)));
    const int nArch = std::min(count - nVal, int(std::lround(count * std::clamp(archFraction, 0.0, 1.0))));
    DataSplits s;
    s.val.assign(order.begin(), order.begin() + nVal);
    s.arch.assign(order.begin() + nVal, order.begin() + nVal + nArch);
    s.train.assign(order.begin() + nVal + nArch, order.end());
    return s;
}

} // namespace dna::nas
