#pragma once

#include <QString>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QUndoStack;

namespace dna::widgets {

class SliderField;

/// What the budget panel sets: the target device and its budgets, the efficiency targets, the trade-off and
/// the schedule. 0 means "no limit" for every budget and target.
struct BudgetSettings {
    QString platform = QStringLiteral("zc706"); // a preset of core/accel/platform
    int dsp = 0; // FPGA
    int bram18 = 0; // FPGA
    int pes = 0; // ASIC
    int gbKiB = 0; // ASIC global buffer
    double minFps = 0;
    double maxEnergyUj = 0;
    double lambda = 0.3; // weight of the hardware term in the architecture loss
    int epochs = 8; // the quick preset's (cosearch::presetRequest)
    QString objective = QStringLiteral("fps"); // fps, latency, energy or edp
    QString hwAlgo = QStringLiteral("das"); // the hardware-search strategy (a sampling one of hwsearch::strategies())

    bool isFpga() const;
    /// True when only what the hardware search sees changed (platform, budgets, targets, objective), so the
    /// networks already evaluated can be re-scored instead of searched again.
    bool hardwareOnlyChange(const BudgetSettings& other) const;
    QVariantMap toVariant() const;
    static BudgetSettings fromVariant(const QVariantMap& map);
    /// The preset's own budgets for `platform` (unknown names fall back to zc706).
    static BudgetSettings forPlatform(const QString& platform);
    friend bool operator==(const BudgetSettings& a, const BudgetSettings& b);
    friend bool operator!=(const BudgetSettings& a, const BudgetSettings& b) { return !(a == b); }
};

/// The budget dock: target and platform preset, sliders with numeric fields for the budgets, minimum FPS,
/// maximum energy, the accuracy-versus-efficiency trade-off and the epochs, plus start and stop.
///
/// An edit is committed when a slider is released, when a drag pauses for kDebounceMs, or when a field or
/// combo box is edited; each commit emits budgetCommitted() once. With an undo stack set, every drag is one
/// undo step (commits during the same drag merge) and undo/redo commit the restored budget again.
class BudgetPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 400;

    explicit BudgetPanel(QWidget* parent = nullptr);
    ~BudgetPanel() override;

    void setUndoStack(QUndoStack* stack);
    /// The last committed settings.
    BudgetSettings settings() const { return m_committed; }
    /// Whether a paused drag will commit when the debounce runs out (nothing else commits later by itself).
    bool commitPending() const;
    /// Shows `s` in every control; emits budgetCommitted() when it differs from what was committed.
    void applySettings(const BudgetSettings& s);
    /// Shows `s` without committing (restoring saved settings at start-up).
    void restoreSettings(const BudgetSettings& s);

    /// Whether a search is running: switches the start button to "Stop".
    void setRunning(bool running);

signals:
    void budgetCommitted(const dna::widgets::BudgetSettings& now, const dna::widgets::BudgetSettings& before);
    void startRequested();
    void stopRequested();

private:
    friend class BudgetCommand;
    void buildUi();
    void fillPlatforms();
    void onPlatformChosen();
    void showSettings(const BudgetSettings& s);
    BudgetSettings fromControls() const;
    void commit();
    void updateVisibility();

    QComboBox* m_target = nullptr;
    QComboBox* m_platform = nullptr;
    QComboBox* m_objective = nullptr;
    QComboBox* m_hwAlgo = nullptr;
    QLabel* m_platformInfo = nullptr;
    SliderField* m_dsp = nullptr;
    SliderField* m_bram = nullptr;
    SliderField* m_pes = nullptr;
    SliderField* m_gb = nullptr;
    SliderField* m_minFps = nullptr;
    SliderField* m_maxEnergy = nullptr;
    SliderField* m_lambda = nullptr;
    SliderField* m_epochs = nullptr;
    QPushButton* m_startStop = nullptr;
    QTimer* m_debounce = nullptr;
    QUndoStack* m_undo = nullptr;
    BudgetSettings m_committed;
    bool m_running = false;
    bool m_showing = false; // showSettings() is writing into the controls
    int m_dragSerial = 0; // increases with every slider press; commits of one drag merge into one undo step
    bool m_dragging = false;
};

} // namespace dna::widgets

Q_DECLARE_METATYPE(dna::widgets::BudgetSettings)
