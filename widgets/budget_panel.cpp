#include "budget_panel.h"

#include "accel/platform.h"
#include "hwsearch/objective.h"
#include "hwsearch/strategy.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dna::widgets {

// ---- BudgetSettings --------------------------------------------------------------------------------------

namespace {

const accel::Platform& platformOrDefault(const QString& name)
{
    const accel::Platform* p = accel::findPlatform(name.toStdString());
    return p ? *p : *accel::findPlatform("zc706");
}

/// The objective combo's words for a row of the objective table.
QString objectiveLabel(const hwsearch::ObjectiveInfo& o)
{
    return QCoreApplication::translate("dna::hwsearch::Objective", o.label);
}

} // namespace

bool BudgetSettings::isFpga() const { return platformOrDefault(platform).target == accel::Target::Fpga; }

bool BudgetSettings::hardwareOnlyChange(const BudgetSettings& other) const
{
    return lambda == other.lambda && epochs == other.epochs;
}

QVariantMap BudgetSettings::toVariant() const
{
    return { { QStringLiteral("platform"), platform }, { QStringLiteral("dsp"), dsp },
        { QStringLiteral("bram18"), bram18 }, { QStringLiteral("pes"), pes }, { QStringLiteral("gbKiB"), gbKiB },
        { QStringLiteral("minFps"), minFps }, { QStringLiteral("maxEnergyUj"), maxEnergyUj },
        { QStringLiteral("lambda"), lambda }, { QStringLiteral("epochs"), epochs },
        { QStringLiteral("objective"), objective }, { QStringLiteral("hwAlgo"), hwAlgo } };
}

BudgetSettings BudgetSettings::fromVariant(const QVariantMap& map)
{
    BudgetSettings s = forPlatform(map.value(QStringLiteral("platform")).toString());
    auto intOr = [&](const char* key, int fallback) {
        bool ok = false;
        const int v = map.value(QString::fromLatin1(key)).toInt(&ok);
        return ok && v >= 0 ? v : fallback;
    };
    auto realOr = [&](const char* key, double fallback) {
        bool ok = false;
        const double v = map.value(QString::fromLatin1(key)).toDouble(&ok);
        return ok && std::isfinite(v) && v >= 0 ? v : fallback;
    };
    s.dsp = intOr("dsp", s.dsp);
    s.bram18 = intOr("bram18", s.bram18);
    s.pes = intOr("pes", s.pes);
    s.gbKiB = intOr("gbKiB", s.gbKiB);
    s.minFps = realOr("minFps", 0);
    s.maxEnergyUj = realOr("maxEnergyUj", 0);
    s.lambda = realOr("lambda", s.lambda);
    s.epochs = std::max(1, intOr("epochs", s.epochs));
    const QString objective = map.value(QStringLiteral("objective")).toString();
    if (hwsearch::Objective known; hwsearch::parseObjective(objective.toStdString(), known)) {
        s.objective = objective;
    }
    const QString algo = map.value(QStringLiteral("hwAlgo")).toString();
    if (const auto* strategy = hwsearch::findStrategy(algo.toStdString()); strategy && strategy->samples) {
        s.hwAlgo = algo;
    }
    return s;
}

BudgetSettings BudgetSettings::forPlatform(const QString& platform)
{
    const accel::Platform& p = platformOrDefault(platform);
    BudgetSettings s;
    s.platform = QString::fromStdString(p.name);
    s.dsp = p.budget.dsp;
    s.bram18 = p.budget.bram18;
    s.pes = p.budget.pes;
    s.gbKiB = int(p.budget.gbBytes / 1024);
    return s;
}

bool operator==(const BudgetSettings& a, const BudgetSettings& b)
{
    return a.platform == b.platform && a.dsp == b.dsp && a.bram18 == b.bram18 && a.pes == b.pes && a.gbKiB == b.gbKiB
        && a.minFps == b.minFps && a.maxEnergyUj == b.maxEnergyUj && a.lambda == b.lambda && a.epochs == b.epochs
        && a.objective == b.objective && a.hwAlgo == b.hwAlgo;
}

// ---- SliderField: a slider and a numeric field showing one value ------------------------------------------

/// A slider with a numeric field. Linear, or logarithmic with position 0 meaning "none" (value 0).
class SliderField : public QWidget {
    Q_OBJECT

public:
    enum class Scale { Linear, LogWithNone };

    SliderField(Scale scale, int decimals, const QString& suffix, QWidget* parent)
        : QWidget(parent)
        , m_scale(scale)
        , m_slider(new QSlider(Qt::Horizontal, this))
        , m_field(new QDoubleSpinBox(this))
    {
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(m_slider, 1);
        row->addWidget(m_field);
        m_field->setDecimals(decimals);
        m_field->setSuffix(suffix);
        m_field->setKeyboardTracking(false);
        m_field->setAccelerated(true);
        m_field->setMinimumWidth(96);
        m_slider->setRange(0, kSteps);
        if (scale == Scale::LogWithNone) {
            m_field->setSpecialValueText(tr("none"));
        }
        connect(m_slider, &QSlider::valueChanged, this, [this](int pos) {
            if (m_syncing) {
                return;
            }
            m_syncing = true;
            m_field->setValue(valueAt(pos));
            m_syncing = false;
            emit edited();
        });
        connect(m_field, &QDoubleSpinBox::valueChanged, this, [this](double v) {
            if (m_syncing) {
                return;
            }
            m_syncing = true;
            m_slider->setValue(positionOf(v));
            m_syncing = false;
            emit edited();
        });
        connect(m_slider, &QSlider::sliderPressed, this, &SliderField::pressed);
        connect(m_slider, &QSlider::sliderReleased, this, &SliderField::released);
    }

    void setRange(double low, double high)
    {
        m_low = low;
        m_high = std::max(high, low);
        m_syncing = true;
        m_field->setRange(m_scale == Scale::LogWithNone ? 0.0 : low, m_high);
        m_field->setSingleStep(m_scale == Scale::LogWithNone ? std::max(1.0, m_high / 1000) : stepFor(m_high - low));
        m_syncing = false;
    }

    /// Shows v without emitting edited().
    void setValue(double v)
    {
        m_syncing = true;
        m_field->setValue(v);
        m_slider->setValue(positionOf(m_field->value()));
        m_syncing = false;
    }

    double value() const { return m_field->value(); }
    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* field() const { return m_field; }

signals:
    void edited();
    void pressed();
    void released();

private:
    static constexpr int kSteps = 1000;

    static double stepFor(double span) { return span >= 100 ? std::pow(10.0, std::floor(std::log10(span)) - 1) : 1; }

    double valueAt(int pos) const
    {
        if (m_scale == Scale::Linear) {
            const double v = m_low + (m_high - m_low) * pos / kSteps;
            return m_field->decimals() == 0 ? std::round(v) : v;
        }
        if (pos <= 0) {
            return 0;
        }
        const double v = m_low * std::pow(m_high / m_low, double(pos - 1) / (kSteps - 1));
        // Round to 2 significant digits so dragging gives readable values (120, 1300, 0.45).
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)) - 1);
        return std::round(v / magnitude) * magnitude;
    }

    int positionOf(double v) const
    {
        if (m_scale == Scale::Linear) {
            return m_high > m_low ? int(std::lround((v - m_low) / (m_high - m_low) * kSteps)) : 0;
        }
        if (v <= 0) {
            return 0;
        }
        const double t = std::log(std::max(v, m_low) / m_low) / std::log(m_high / m_low);
        return std::clamp(1 + int(std::lround(t * (kSteps - 1))), 1, kSteps);
    }

    Scale m_scale;
    QSlider* m_slider;
    QDoubleSpinBox* m_field;
    double m_low = 0;
    double m_high = 1;
    bool m_syncing = false;
};

// ---- Undo ---------------------------------------------------------------------------------------------------

/// One budget edit. Commits of the same slider drag (same serial >= 0) merge into one step.
class BudgetCommand : public QUndoCommand {
public:
    BudgetCommand(BudgetPanel* panel, BudgetSettings before, BudgetSettings after, int dragSerial)
        : m_panel(panel)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_serial(dragSerial)
    {
        setText(QObject::tr("Change budget"));
    }

    int id() const override { return 0x42554447; } // "BUDG"

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const BudgetCommand*>(other);
        if (m_serial < 0 || next->m_serial != m_serial) {
            return false;
        }
        m_after = next->m_after;
        return true;
    }

    void redo() override { m_panel->applySettings(m_after); }
    void undo() override { m_panel->applySettings(m_before); }

private:
    BudgetPanel* m_panel;
    BudgetSettings m_before;
    BudgetSettings m_after;
    int m_serial;
};

// ---- BudgetPanel --------------------------------------------------------------------------------------------

BudgetPanel::BudgetPanel(QWidget* parent)
    : QWidget(parent)
    , m_debounce(new QTimer(this))
{
    qRegisterMetaType<BudgetSettings>();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &BudgetPanel::commit);
    buildUi();
    m_committed = BudgetSettings::forPlatform(QStringLiteral("zc706"));
    showSettings(m_committed);
}

bool BudgetPanel::commitPending() const { return m_debounce->isActive(); }

BudgetPanel::~BudgetPanel() = default;

void BudgetPanel::setUndoStack(QUndoStack* stack) { m_undo = stack; }

void BudgetPanel::buildUi()
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->addItem(tr("FPGA"), QStringLiteral("fpga"));
    m_target->addItem(tr("ASIC"), QStringLiteral("asic"));
    m_target->setToolTip(tr("The kind of device the accelerator is built for"));
    form->addRow(tr("Target"), m_target);

    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("platform"));
    m_platform->setToolTip(tr("The board or technology preset: clock, DRAM bandwidth, energy table and budgets"));
    form->addRow(tr("Platform"), m_platform);
    m_platformInfo = new QLabel(this);
    m_platformInfo->setWordWrap(true);
    m_platformInfo->setEnabled(false);
    form->addRow(QString(), m_platformInfo);

    m_objective = new QComboBox(this);
    m_objective->setObjectName(QStringLiteral("objective"));
    for (const hwsearch::ObjectiveInfo& o : hwsearch::objectives()) {
        m_objective->addItem(objectiveLabel(o), QString::fromLatin1(o.name));
    }
    m_objective->setToolTip(tr("What the hardware search optimises and the Pareto front trades against accuracy"));
    form->addRow(tr("Objective"), m_objective);

    // The strategies that sample, from their table: a new one appears here by itself.
    m_hwAlgo = new QComboBox(this);
    m_hwAlgo->setObjectName(QStringLiteral("hwAlgo"));
    for (const auto& strategy : hwsearch::strategies()) {
        if (strategy.samples) {
            m_hwAlgo->addItem(QString::fromLatin1(strategy.id), QString::fromLatin1(strategy.id));
            m_hwAlgo->setItemData(m_hwAlgo->count() - 1, QString::fromUtf8(strategy.description), Qt::ToolTipRole);
        }
    }
    m_hwAlgo->setToolTip(tr("The strategy of every accelerator and mapping search during the co-search (das: the "
                            "paper's differentiable search)"));
    form->addRow(tr("Hardware search"), m_hwAlgo);

    auto field = [&](const char* name, SliderField::Scale scale, int decimals, const QString& suffix,
                     const QString& label, const QString& tip) {
        auto* f = new SliderField(scale, decimals, suffix, this);
        f->setObjectName(QString::fromLatin1(name));
        f->slider()->setObjectName(QString::fromLatin1(name) + QStringLiteral("Slider"));
        f->field()->setObjectName(QString::fromLatin1(name) + QStringLiteral("Field"));
        f->setToolTip(tip);
        form->addRow(label, f);
        connect(f, &SliderField::edited, this, [this] {
            if (!m_showing) {
                m_debounce->start();
            }
        });
        connect(f, &SliderField::pressed, this, [this] {
            m_dragging = true;
            ++m_dragSerial;
        });
        connect(f, &SliderField::released, this, [this] {
            m_debounce->stop();
            commit();
            m_dragging = false;
        });
        return f;
    };
    m_dsp = field("dsp", SliderField::Scale::Linear, 0, QString(), tr("DSP slices"),
        tr("DSP slices the accelerator may use (one 16-bit MAC each)"));
    m_bram = field("bram18", SliderField::Scale::Linear, 0, QString(), tr("BRAM18 blocks"),
        tr("18 Kb block RAMs for the global buffer and FIFOs"));
    m_pes = field("pes", SliderField::Scale::Linear, 0, QString(), tr("PEs"), tr("Processing elements (MAC units)"));
    m_gb = field("gb", SliderField::Scale::Linear, 0, tr(" KiB"), tr("Global buffer"), tr("On-chip global buffer"));
    m_minFps = field("minFps", SliderField::Scale::LogWithNone, 1, QString(), tr("Minimum FPS"),
        tr("Throughput the derived network must reach; the hardware weight rises until it does"));
    m_minFps->setRange(1, 100000);
    m_maxEnergy = field("maxEnergy", SliderField::Scale::LogWithNone, 2, tr(" µJ"), tr("Maximum energy"),
        tr("Energy per inference the derived network must stay under"));
    m_maxEnergy->setRange(0.01, 10000);
    m_lambda = field("lambda", SliderField::Scale::Linear, 2, QString(), tr("Efficiency weight"),
        tr("Trade-off: 0 searches for accuracy alone; larger values favour cheaper networks on the accelerator"));
    m_lambda->setRange(0, 2);
    m_epochs = field("epochs", SliderField::Scale::Linear, 0, QString(), tr("Epochs"),
        tr("Supernet epochs (the first is a weight-only warm-up)"));
    m_epochs->setRange(2, 60);

    m_startStop = new QPushButton(tr("Start search"), this);
    m_startStop->setObjectName(QStringLiteral("startStop"));
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_running) {
            emit stopRequested();
        } else {
            emit startRequested();
        }
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_startStop);
    layout->addStretch(1);

    fillPlatforms();
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        if (m_showing) {
            return;
        }
        fillPlatforms();
        onPlatformChosen();
    });
    connect(m_platform, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing) {
            onPlatformChosen();
        }
    });
    connect(m_objective, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing) {
            commit();
        }
    });
    connect(m_hwAlgo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing) {
            commit();
        }
    });
}

void BudgetPanel::fillPlatforms()
{
    const bool fpga = m_target->currentData().toString() == QLatin1String("fpga");
    const bool wasShowing = m_showing;
    m_showing = true;
    m_platform->clear();
    for (const auto& p : accel::platformPresets()) {
        if ((p.target == accel::Target::Fpga) == fpga) {
            m_platform->addItem(QString::fromStdString(p.name), QString::fromStdString(p.name));
            m_platform->setItemData(m_platform->count() - 1, QString::fromStdString(p.description), Qt::ToolTipRole);
        }
    }
    m_showing = wasShowing;
}

void BudgetPanel::onPlatformChosen()
{
    BudgetSettings s = BudgetSettings::forPlatform(m_platform->currentData().toString());
    const BudgetSettings current = fromControls();
    s.minFps = current.minFps;
    s.maxEnergyUj = current.maxEnergyUj;
    s.lambda = current.lambda;
    s.epochs = current.epochs;
    s.objective = current.objective;
    s.hwAlgo = current.hwAlgo;
    showSettings(s);
    m_debounce->stop();
    commit();
}

void BudgetPanel::updateVisibility()
{
    const bool fpga = m_target->currentData().toString() == QLatin1String("fpga");
    auto* form = static_cast<QFormLayout*>(static_cast<QVBoxLayout*>(layout())->itemAt(0)->layout());
    form->setRowVisible(m_dsp, fpga);
    form->setRowVisible(m_bram, fpga);
    form->setRowVisible(m_pes, !fpga);
    form->setRowVisible(m_gb, !fpga);
}

void BudgetPanel::showSettings(const BudgetSettings& s)
{
    const bool wasShowing = m_showing;
    m_showing = true;
    const accel::Platform& p = platformOrDefault(s.platform);
    const bool fpga = p.target == accel::Target::Fpga;
    m_target->setCurrentIndex(fpga ? 0 : 1);
    fillPlatforms();
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(QString::fromStdString(p.name))));
    m_platformInfo->setText(QString::fromStdString(p.description));
    // The preset's budget is the most the device has; 16 is the smallest array the space allows.
    m_dsp->setRange(16, std::max(16, p.budget.dsp));
    m_bram->setRange(16, std::max(16, p.budget.bram18));
    m_pes->setRange(16, std::max(16, p.budget.pes));
    m_gb->setRange(16, std::max<double>(16, double(p.budget.gbBytes / 1024)));
    m_dsp->setValue(s.dsp);
    m_bram->setValue(s.bram18);
    m_pes->setValue(s.pes);
    m_gb->setValue(s.gbKiB);
    m_minFps->setValue(s.minFps);
    m_maxEnergy->setValue(s.maxEnergyUj);
    m_lambda->setValue(s.lambda);
    m_epochs->setValue(s.epochs);
    m_objective->setCurrentIndex(std::max(0, m_objective->findData(s.objective)));
    m_hwAlgo->setCurrentIndex(std::max(0, m_hwAlgo->findData(s.hwAlgo)));
    updateVisibility();
    m_showing = wasShowing;
}

BudgetSettings BudgetPanel::fromControls() const
{
    BudgetSettings s;
    s.platform = m_platform->currentData().toString();
    const bool fpga = BudgetSettings::forPlatform(s.platform).isFpga();
    s.dsp = fpga ? int(std::lround(m_dsp->value())) : 0;
    s.bram18 = fpga ? int(std::lround(m_bram->value())) : 0;
    s.pes = fpga ? 0 : int(std::lround(m_pes->value()));
    s.gbKiB = fpga ? 0 : int(std::lround(m_gb->value()));
    s.minFps = m_minFps->value();
    s.maxEnergyUj = m_maxEnergy->value();
    s.lambda = m_lambda->value();
    s.epochs = int(std::lround(m_epochs->value()));
    s.objective = m_objective->currentData().toString();
    s.hwAlgo = m_hwAlgo->currentData().toString();
    return s;
}

void BudgetPanel::commit()
{
    const BudgetSettings next = fromControls();
    if (next == m_committed) {
        return;
    }
    if (m_undo) {
        m_undo->push(new BudgetCommand(this, m_committed, next, m_dragging ? m_dragSerial : -1));
    } else {
        applySettings(next);
    }
}

void BudgetPanel::applySettings(const BudgetSettings& s)
{
    m_debounce->stop();
    showSettings(s);
    if (s == m_committed) {
        return;
    }
    const BudgetSettings before = m_committed;
    m_committed = s;
    emit budgetCommitted(s, before);
}

void BudgetPanel::restoreSettings(const BudgetSettings& s)
{
    showSettings(s);
    m_committed = fromControls(); // what the controls could show (values clamped to the preset's ranges)
}

void BudgetPanel::setRunning(bool running)
{
    m_running = running;
    m_startStop->setText(running ? tr("Stop search") : tr("Start search"));
}

} // namespace dna::widgets

#include "budget_panel.moc"
