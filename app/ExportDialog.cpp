#include "ExportDialog.h"

#include <algorithm>
#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include "TimelineDescriptions.h"
#include "TimelineView.h"
#include "TimelineViewport.h"

namespace loopscope {

namespace {

struct FormatChoice {
    ExportFormat format;
    const char* text;
};
const FormatChoice kFormats[] = {
    {ExportFormat::Png, "PNG image"},
    {ExportFormat::Svg, "SVG drawing (text stays text)"},
    {ExportFormat::Pdf, "PDF document (text stays text)"},
    {ExportFormat::Json, "Chrome trace (JSON, opens in Perfetto)"},
};

// What the export thread hands back.
struct ExportJob {
    QString error;
    bool ok = false;
};

QString rangeText(TimelineAxis axis, std::pair<double, double> range)
{
    if (axis == TimelineAxis::Time)
        return QObject::tr("The visible range, %1 to %2 s")
            .arg(formatSeconds(std::max(0.0, range.first)), formatSeconds(range.second));
    return QObject::tr("The visible range of the passes axis");
}

} // namespace

ExportDialog::ExportDialog(const TimelineView& view, const QString& title, const QString& suggestedPath,
                           QWidget* parent)
    : QDialog(parent), model_(view.sharedModel()), previewTimer_(new QTimer(this))
{
    setWindowTitle(tr("Export Timeline"));
    setObjectName(QStringLiteral("ExportDialog"));
    const TimelineViewState& state = view.viewport()->state();
    base_.axis = state.axis;
    base_.arrows = state.arrows;
    base_.rowFilter = view.rowFilter();
    base_.showShutdownTasks = view.showsShutdownTasks();
    base_.dark = view.theme().isDark;
    base_.title = title;
    base_.processName = title;
    visibleRange_ = {state.x0, state.x1};

    formatBox_ = new QComboBox(this);
    formatBox_->setObjectName(QStringLiteral("ExportFormat"));
    for (const FormatChoice& choice : kFormats)
        formatBox_->addItem(tr(choice.text), int(choice.format));
    widthBox_ = new QSpinBox(this);
    widthBox_->setRange(200, kMaxFigureSide);
    widthBox_->setValue(1200);
    widthBox_->setSuffix(tr(" px"));
    heightBox_ = new QSpinBox(this);
    heightBox_->setRange(120, kMaxFigureSide);
    heightBox_->setSuffix(tr(" px"));
    autoHeight_ = new QCheckBox(tr("from the rows"), this);
    autoHeight_->setChecked(true);
    scaleBox_ = new QDoubleSpinBox(this);
    scaleBox_->setRange(0.25, 8);
    scaleBox_->setSingleStep(0.5);
    scaleBox_->setValue(1);
    scaleBox_->setMaximumWidth(120);
    scaleBox_->setToolTip(tr("Device pixels per pixel: 2 for a sharp picture on a HiDPI screen or a slide"));
    wholeRun_ = new QRadioButton(tr("The whole run"), this);
    visibleOnly_ = new QRadioButton(rangeText(state.axis, visibleRange_), this);
    wholeRun_->setChecked(true);
    themeBox_ = new QComboBox(this);
    themeBox_->setObjectName(QStringLiteral("ExportTheme"));
    themeBox_->addItem(tr("Light"));
    themeBox_->addItem(tr("Dark"));
    themeBox_->setCurrentIndex(base_.dark ? 1 : 0);
    titleEdit_ = new QLineEdit(title, this);
    titleEdit_->setPlaceholderText(tr("No title"));
    arrowsBox_ = new QCheckBox(tr("Arrows (creations, wake-ups, cancellations)"), this);
    arrowsBox_->setChecked(base_.arrows);
    pathEdit_ = new QLineEdit(suggestedPath, this);
    auto* browseButton = new QPushButton(tr("Browse..."), this);

    auto* size = new QHBoxLayout;
    size->addWidget(widthBox_);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(heightBox_);
    size->addWidget(autoHeight_);
    size->addStretch();
    auto* range = new QVBoxLayout;
    range->addWidget(wholeRun_);
    range->addWidget(visibleOnly_);
    auto* file = new QHBoxLayout;
    file->addWidget(pathEdit_, 1);
    file->addWidget(browseButton);
    // Rows whose field is a layout get their label by hand, with its buddy for the shortcut.
    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto* form = new QFormLayout;
    form->addRow(label(tr("&File:"), pathEdit_), file);
    form->addRow(tr("F&ormat:"), formatBox_);
    form->addRow(label(tr("&Size:"), widthBox_), size);
    form->addRow(tr("S&cale:"), scaleBox_);
    form->addRow(label(tr("&Range:"), wholeRun_), range);
    form->addRow(tr("&Theme:"), themeBox_);
    form->addRow(tr("T&itle:"), titleEdit_);
    form->addRow(QString(), arrowsBox_);

    previewLabel_ = new QLabel(this);
    previewLabel_->setObjectName(QStringLiteral("ExportPreview"));
    previewLabel_->setAlignment(Qt::AlignCenter);
    previewLabel_->setMinimumSize(480, 220);
    previewLabel_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    previewLabel_->setFrameShape(QFrame::StyledPanel);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    exportButton_ = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton_->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton_, &QPushButton::clicked, this, &ExportDialog::startExport);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(previewLabel_, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(760, 720);

    previewTimer_->setSingleShot(true);
    previewTimer_->setInterval(120);
    connect(previewTimer_, &QTimer::timeout, this, &ExportDialog::drawPreview);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(formatBox_, &QComboBox::currentIndexChanged, this, [this] {
        // The file name follows the format.
        const QString path = pathEdit_->text();
        const QFileInfo info(path);
        if (!path.isEmpty() && exportFormatOf(path) != format())
            pathEdit_->setText(
                QDir(info.path()).filePath(info.completeBaseName() + u'.' + exportSuffix(format())));
        updateControls();
    });
    connect(pathEdit_, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (const auto format = exportFormatOf(text))
            setFormat(*format);
    });
    for (QSpinBox* box : {widthBox_, heightBox_})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateControls);
    connect(scaleBox_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateControls);
    for (QAbstractButton* box :
         std::initializer_list<QAbstractButton*>{autoHeight_, wholeRun_, visibleOnly_, arrowsBox_})
        connect(box, &QAbstractButton::toggled, this, &ExportDialog::updateControls);
    connect(themeBox_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    connect(titleEdit_, &QLineEdit::textChanged, this, &ExportDialog::updateControls);

    if (const auto format = exportFormatOf(suggestedPath))
        setFormat(*format);
    updateControls();
}

ExportDialog::~ExportDialog()
{
    // An export still writing finishes first: its file is never left half written.
    for (QThread* thread : findChildren<QThread*>())
        thread->wait();
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(formatBox_->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    const int index = formatBox_->findData(int(format));
    if (index >= 0 && index != formatBox_->currentIndex())
        formatBox_->setCurrentIndex(index);
}

QString ExportDialog::path() const
{
    return pathEdit_->text().trimmed();
}

void ExportDialog::setPath(const QString& path)
{
    pathEdit_->setText(path);
    if (const auto format = exportFormatOf(path))
        setFormat(*format);
}

void ExportDialog::setVisibleRangeOnly(bool visibleOnly)
{
    (visibleOnly ? visibleOnly_ : wholeRun_)->setChecked(true);
}

QString ExportDialog::statusText() const
{
    return status_->text();
}

TimelineExportSettings ExportDialog::settings() const
{
    TimelineExportSettings s = base_;
    s.width = widthBox_->value();
    s.height = autoHeight_->isChecked() ? 0 : heightBox_->value();
    s.scale = scaleBox_->value();
    s.dark = themeBox_->currentIndex() == 1;
    s.title = titleEdit_->text().trimmed();
    s.arrows = arrowsBox_->isChecked();
    if (visibleOnly_->isChecked())
        s.range = visibleRange_;
    return s;
}

void ExportDialog::updateControls()
{
    const bool figure = format() != ExportFormat::Json;
    for (QWidget* w : std::initializer_list<QWidget*>{widthBox_, autoHeight_, scaleBox_, wholeRun_,
                                                      visibleOnly_, themeBox_, titleEdit_})
        w->setEnabled(figure && !exporting_);
    heightBox_->setEnabled(figure && !autoHeight_->isChecked() && !exporting_);
    arrowsBox_->setText(figure ? tr("Arrows (creations, wake-ups, cancellations)")
                               : tr("Flow events for the arrows (creations, wake-ups, cancellations)"));
    if (figure && autoHeight_->isChecked()) {
        // Show the height the rows pick.
        const QSignalBlocker block(heightBox_);
        heightBox_->setValue(TimelineFigure(*model_, settings()).size().height());
    }
    schedulePreview();
}

void ExportDialog::schedulePreview()
{
    previewTimer_->start();
}

void ExportDialog::drawPreview()
{
    if (format() == ExportFormat::Json) {
        int tasks = 0;
        for (int r = 1; r < model_->rowCount(); ++r)
            tasks += base_.showShutdownTasks || !model_->row(r).shutdownTask;
        preview_ = QImage();
        previewLabel_->setPixmap(QPixmap());
        previewLabel_->setText(
            tr("A Chrome Trace Event file: one track per task (%n task(s)) and one for the "
               "event loop, a slice per state, prints and warnings as instants.\n"
               "Open it in ui.perfetto.dev or chrome://tracing.",
               nullptr, tasks));
        return;
    }
    const TimelineFigure figure(*model_, settings());
    const QSizeF size = figure.size();
    const QSizeF room = previewLabel_->contentsRect().size() - QSizeF(8, 8);
    const double ratio = devicePixelRatioF();
    const double scale = std::min({room.width() / size.width(), room.height() / size.height(), 1.0});
    if (!(scale > 0))
        return;
    preview_ = QImage((size * scale * ratio).toSize(), QImage::Format_RGB32);
    preview_.setDevicePixelRatio(ratio);
    preview_.fill(Qt::white);
    QPainter painter(&preview_);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    figure.paint(painter, QRectF(QPointF(0, 0), size));
    painter.end();
    previewLabel_->setText(QString());
    previewLabel_->setPixmap(QPixmap::fromImage(preview_));
    previewLabel_->setToolTip(tr("%1 × %2 pixels").arg(figure.size().width()).arg(figure.size().height()));
}

void ExportDialog::resizeEvent(QResizeEvent* event)
{
    QDialog::resizeEvent(event);
    schedulePreview();
}

void ExportDialog::browse()
{
    const QString filter =
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;Chrome trace (*.json)");
    QString selected;
    for (const QString& f : filter.split(QStringLiteral(";;")))
        if (f.contains(QStringLiteral("*.") + exportSuffix(format())))
            selected = f;
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export Timeline"), path(), filter, &selected);
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ExportDialog::showStatus(const QString& text, bool error)
{
    status_->setText(text);
    QPalette palette = status_->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xd5, 0x5e, 0x00) : palette.color(QPalette::Text));
    status_->setPalette(palette);
}

void ExportDialog::startExport()
{
    if (exporting_)
        return;
    const QString target = path();
    if (target.isEmpty()) {
        showStatus(tr("Choose a file to write."), true);
        return;
    }
    const auto suffixFormat = exportFormatOf(target);
    if (!suffixFormat) {
        showStatus(tr("The file name must end in .png, .svg, .pdf or .json."), true);
        return;
    }
    setFormat(*suffixFormat);
    const TimelineExportSettings s = settings();
    if (*suffixFormat != ExportFormat::Json) {
        const QSize size = TimelineFigure(*model_, s).size();
        if (!figureFits(size, s.scale)) {
            showStatus(tr("A %1 × %2 figure at scale %3 is too big to draw; make it smaller.")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(s.scale),
                       true);
            return;
        }
    }
    exporting_ = true;
    exportButton_->setEnabled(false);
    updateControls();
    showStatus(tr("Writing %1…").arg(target), false);

    // Drawn and written off the GUI thread: the model is shared, immutable, and outlives the job.
    auto job = std::make_shared<ExportJob>();
    QThread* thread = QThread::create([job, model = model_, s, format = *suffixFormat, target] {
        job->ok = writeFileAtomically(target, exportTimeline(*model, s, format), &job->error);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, this, [this, thread, job, target] {
        thread->deleteLater();
        exporting_ = false;
        exportButton_->setEnabled(true);
        updateControls();
        if (!job->ok) {
            showStatus(tr("Cannot write %1: %2").arg(target, job->error), true);
            return;
        }
        showStatus(tr("Wrote %1.").arg(target), false);
        emit exported(target);
        accept();
    });
    thread->start();
}

} // namespace loopscope
