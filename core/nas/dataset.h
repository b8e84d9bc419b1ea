#pragma once

#include "util/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dna::nas {

/// Images as bytes (N x C x H x W, row-major) with one class label each, plus the per-channel mean and
/// standard deviation (in [0, 1] pixel units) that batches are normalised with.
struct Dataset {
    std::string name;
    int channels = 1;
    int height = 28;
    int width = 28;
    int numClasses = 10;
    std::vector<uint8_t> pixels;
    std::vector<uint8_t> labels;
    std::vector<float> mean;
    std::vector<float> stddev;

    int size() const { return int(labels.size()); }
    size_t imageBytes() const { return size_t(channels) * height * width; }
    const uint8_t* image(int i) const { return pixels.data() + size_t(i) * imageBytes(); }
    /// Sets mean and stddev per channel from the pixels (call on the training set, copy to the test set).
    void computeNormalisation();
};

struct TrainTest {
    Dataset train;
    Dataset test;
};

/// Where Debian's dataset-fashion-mnist package puts the files.
const char* defaultFashionMnistDir();

/// One IDX image file (magic 2051, u8, N x rows x cols) and its label file (magic 2049), gzip'd or not (zlib
/// reads both). Errors: "dataset_missing" (names the path and how to get the data), "dataset_corrupt"
/// (truncated, bad magic, counts that disagree).
Expected<Dataset> readIdx(const std::string& imagesPath, const std::string& labelsPath);

/// {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] from `dir` (Fashion-MNIST or MNIST); normalisation from
/// the training set.
Expected<TrainTest> loadIdxDir(const std::string& dir, const std::string& name = "fashion-mnist");

/// CIFAR binary batches from `dir`: CIFAR-10 (`data_batch_1..5.bin`, `test_batch.bin`; 1 label byte + 3072
/// pixels) when `classes` is 10, CIFAR-100 (`train.bin`, `test.bin`; coarse + fine label byte, fine used) when 100.
Expected<TrainTest> loadCifarDir(const std::string& dir, int classes);

/// A dataset by name: "fashion-mnist" and "mnist" (IDX files; `dir` empty means Debian's fashion-mnist folder),
/// "cifar10" and "cifar100" (binary batches; `dir` required). Error "bad_request" for other names.
Expected<TrainTest> loadDataset(const std::string& name, const std::string& dir);
/// The names loadDataset accepts, for messages.
const char* datasetNames();

/// A small learnable set for tests: each class is a fixed random template plus per-image noise.
Dataset syntheticDataset(int count, int channels, int size, int classes, uint64_t seed);

/// Disjoint index sets of a training set: weights (train), architecture (arch) and held-out validation (val).
struct DataSplits {
    std::vector<int> train;
    std::vector<int> arch;
    std::vector<int> val;
};
/// A seeded shuffle of 0..count-1 cut by fractions (arch + val < 1); the same seed gives the same splits.
DataSplits makeSplits(int count, double archFraction, double valFraction, uint64_t seed);

} // namespace dna::nas
