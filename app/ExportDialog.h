#pragma once
// File > Export Timeline... (SPEC.md section 6): the run as a figure (PNG, SVG, PDF) or a Chrome
// trace (JSON, for Perfetto), at a chosen size and theme, the whole run or the range the
// timeline shows, with a preview drawn by the same renderer as the window. The file is written
// off the GUI thread, atomically; a failure is said in the dialog, which stays open.

#include <memory>

#include <QDialog>

#include "TimelineExport.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QDoubleSpinBox;
class QTimer;

namespace loopscope {

class TimelineView;

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    // Exports what [view] shows; [title] is the scenario's, [suggestedPath] the file name offered.
    ExportDialog(const TimelineView& view, const QString& title, const QString& suggestedPath,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    // What would be written, as the controls say now.
    TimelineExportSettings settings() const;
    ExportFormat format() const;
    QString path() const;
    void setPath(const QString& path);
    void setFormat(ExportFormat format);
    void setVisibleRangeOnly(bool visibleOnly);
    // The preview as last drawn (for tests).
    const QImage& preview() const { return preview_; }
    // The message under the preview: what was written, or why not.
    QString statusText() const;
    bool isExporting() const { return exporting_; }

  public slots:
    // Writes the file (off the GUI thread); the dialog closes when it is written.
    void startExport();

  signals:
    void exported(const QString& path);

  private:
    void updateControls();
    void schedulePreview();
    void drawPreview();
    void browse();
    void showStatus(const QString& text, bool error);
    void resizeEvent(QResizeEvent* event) override;

    std::shared_ptr<const TimelineModel> model_;
    TimelineExportSettings base_; // what the view shows: axis, rows, range, theme
    std::pair<double, double> visibleRange_;

    QComboBox* formatBox_ = nullptr;
    QSpinBox* widthBox_ = nullptr;
    QSpinBox* heightBox_ = nullptr;
    QCheckBox* autoHeight_ = nullptr;
    QDoubleSpinBox* scaleBox_ = nullptr;
    QRadioButton* wholeRun_ = nullptr;
    QRadioButton* visibleOnly_ = nullptr;
    QComboBox* themeBox_ = nullptr;
    QLineEdit* titleEdit_ = nullptr;
    QCheckBox* arrowsBox_ = nullptr;
    QLineEdit* pathEdit_ = nullptr;
    QLabel* previewLabel_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QTimer* previewTimer_ = nullptr;
    QImage preview_;
    bool exporting_ = false;
};

} // namespace loopscope
