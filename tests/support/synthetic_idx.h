#pragma once

// A tiny Fashion-MNIST-shaped dataset in IDX files (the format the real one comes in): ten random 28x28 templates,
// each image one template plus noise, so that a few training steps learn something. For end-to-end tests of
// searches that must take seconds, not minutes.
#include <QDataStream>
#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QtTest>

#include <algorithm>

namespace dna::testing {

/// Writes `<dir>/<prefix>-images-idx3-ubyte` and `<dir>/<prefix>-labels-idx1-ubyte` with `count` images.
inline void writeIdx(const QString& dir, const QString& prefix, int count, quint64 seed)
{
    QRandomGenerator rng { quint32(seed) };
    QByteArray templates(10 * 784, 0);
    QRandomGenerator tpl(7);
    for (auto& b : templates) {
        b = char(tpl.bounded(256));
    }
    QFile images(dir + QLatin1Char('/') + prefix + QStringLiteral("-images-idx3-ubyte"));
    QFile labels(dir + QLatin1Char('/') + prefix + QStringLiteral("-labels-idx1-ubyte"));
    QVERIFY(images.open(QIODevice::WriteOnly) && labels.open(QIODevice::WriteOnly));
    QDataStream im(&images);
    QDataStream lb(&labels);
    im << quint32(2051) << quint32(count) << quint32(28) << quint32(28);
    lb << quint32(2049) << quint32(count);
    for (int i = 0; i < count; ++i) {
        const int label = i % 10;
        lb << quint8(label);
        for (int k = 0; k < 784; ++k) {
            const int v = quint8(templates[label * 784 + k]) + int(rng.bounded(61)) - 30;
            im << quint8(std::clamp(v, 0, 255));
        }
    }
}

/// The train and test files of a dataset folder: 700 and 100 images.
inline void writeTinyDataset(const QString& dir)
{
    writeIdx(dir, QStringLiteral("train"), 700, 1);
    writeIdx(dir, QStringLiteral("t10k"), 100, 2);
}

} // namespace dna::testing
