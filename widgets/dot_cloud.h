#pragma once

// Internal to widgets: many single-pixel dots drawn as one image (ParetoPlot past its detail limit).
#include <qcustomplot.h>

#include <vector>

namespace dna::widgets {

/// A layerable that draws up to millions of one-pixel dots, each its own colour, by writing them into an image the
/// size of the axis rect and drawing that: about a hundred times cheaper than a scatter graph of single-pixel dots,
/// which goes through the painter per point. A later dot covers an earlier one on the same pixel.
class DotCloud : public QCPLayerable {
public:
    DotCloud(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void clear() { m_dots.clear(); }
    void reserve(size_t n) { m_dots.reserve(n); }
    /// A dot at (key, value) in plot coordinates; a key the logarithmic key axis cannot show (<= 0) is left out.
    void add(double key, double value, QRgb colour);
    size_t size() const { return m_dots.size(); }

protected:
    void applyDefaultAntialiasingHint(QCPPainter*) const override { }
    void draw(QCPPainter* painter) override;
    QRect clipRect() const override;

private:
    struct Dot {
        float key; // log10 of the key on a logarithmic axis
        float value;
        QRgb colour;
    };
    QCPAxis* m_key;
    QCPAxis* m_value;
    std::vector<Dot> m_dots;
    QImage m_image;
};

} // namespace dna::widgets
