#include "dot_cloud.h"

#include <cmath>

namespace dna::widgets {

DotCloud::DotCloud(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPLayerable(keyAxis->parentPlot())
    , m_key(keyAxis)
    , m_value(valueAxis)
{
}

void DotCloud::add(double key, double value, QRgb colour)
{
    const bool log = m_key->scaleType() == QCPAxis::stLogarithmic;
    if (log && !(key > 0)) {
        return;
    }
    m_dots.push_back({ float(log ? std::log10(key) : key), float(value), colour });
}

QRect DotCloud::clipRect() const { return m_key->axisRect()->rect(); }

void DotCloud::draw(QCPPainter* painter)
{
    const QRect rect = m_key->axisRect()->rect();
    if (m_dots.empty() || rect.isEmpty()) {
        return;
    }
    // The axes' own pixel mapping, as a line in (log) key and in value: two points of each fix it.
    const bool log = m_key->scaleType() == QCPAxis::stLogarithmic;
    const QCPRange kr = m_key->range();
    const double k0 = log ? std::log10(kr.lower) : kr.lower, k1 = log ? std::log10(kr.upper) : kr.upper;
    const double px0 = m_key->coordToPixel(kr.lower), px1 = m_key->coordToPixel(kr.upper);
    const QCPRange vr = m_value->range();
    const double py0 = m_value->coordToPixel(vr.lower), py1 = m_value->coordToPixel(vr.upper);
    if (!(k1 != k0) || !(vr.upper != vr.lower)) {
        return;
    }
    const double ka = (px1 - px0) / (k1 - k0), kb = px0 - ka * k0 - rect.left();
    const double va = (py1 - py0) / (vr.upper - vr.lower), vb = py0 - va * vr.lower - rect.top();
    if (m_image.size() != rect.size()) {
        m_image = QImage(rect.size(), QImage::Format_ARGB32_Premultiplied);
    }
    m_image.fill(Qt::transparent);
    const int w = rect.width(), h = rect.height();
    auto* bits = reinterpret_cast<QRgb*>(m_image.bits());
    const qsizetype stride = m_image.bytesPerLine() / qsizetype(sizeof(QRgb));
    for (const Dot& d : m_dots) {
        const double x = ka * d.key + kb, y = va * d.value + vb;
        if (x >= 0 && y >= 0 && x < w && y < h) {
            bits[qsizetype(y) * stride + qsizetype(x)] = d.colour; // opaque colours: premultiplied as they are
        }
    }
    painter->drawImage(rect.topLeft(), m_image);
}

} // namespace dna::widgets
