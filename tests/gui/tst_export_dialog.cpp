// File > Export Timeline...: the dialog opens on what the timeline shows, previews with the same
// renderer the file is drawn with, follows the file name's suffix, writes the file off the GUI
// thread, and says why when it cannot (staying open, the error in view).
#include <QAction>
#include <QComboBox>
#include <QMenuBar>
#include <QPainter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "ExportDialog.h"
#include "MainWindow.h"
#include "TimelineView.h"
#include "timeline_test_support.h"

using namespace loopscope;

namespace {

QAction* exportAction(const MainWindow& window)
{
    for (QAction* action : window.menuBar()->findChildren<QAction*>())
        if (action->text() == QLatin1String("&Export Timeline..."))
            return action;
    return nullptr;
}

// Saves [image] for a look by eye when LOOPSCOPE_TEST_IMAGES names a folder.
void keep(const QImage& image, const QString& name)
{
    if (const QString dir = qEnvironmentVariable("LOOPSCOPE_TEST_IMAGES"); !dir.isEmpty())
        image.save(dir + u'/' + name);
}

} // namespace

class ExportDialogTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
    }

    // The menu item waits for a timeline, then opens the dialog.
    void theMenuItemOpensTheDialogOnceARunEnded()
    {
        MainWindow window;
        QAction* action = exportAction(window);
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        QVERIFY(action->isEnabled());
        bool opened = false;
        QTimer::singleShot(50, this, [&opened] {
            if (auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget())) {
                opened = dialog->settings().title == QLatin1String("Two additions, one slow and one fast");
                dialog->reject();
            }
        });
        action->trigger();
        QVERIFY(opened);
    }

    void previewIsTheFigureTheFileGets()
    {
        MainWindow window;
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        ExportDialog dialog(*window.timeline(), QStringLiteral("Two additions"), dir_.filePath("fig.png"));
        dialog.resize(900, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(!dialog.preview().isNull());
        keep(dialog.grab().toImage(), QStringLiteral("export_dialog.png"));
        QCOMPARE(dialog.format(), ExportFormat::Png);
        const TimelineExportSettings settings = dialog.settings();
        QCOMPARE(settings.width, 1200);
        QCOMPARE(settings.height, 0); // picked from the rows
        QVERIFY(!settings.range);

        // The preview is the figure, drawn smaller by the same renderer.
        const TimelineFigure figure(window.timeline()->model(), settings);
        const QImage& preview = dialog.preview();
        const double scale = preview.width() / preview.devicePixelRatio() / figure.size().width();
        QImage expected(preview.size(), QImage::Format_RGB32);
        expected.setDevicePixelRatio(preview.devicePixelRatio());
        expected.fill(Qt::white);
        QPainter painter(&expected);
        painter.scale(scale, scale);
        figure.paint(painter, QRectF(QPointF(0, 0), QSizeF(figure.size())));
        painter.end();
        QCOMPARE(preview, expected);
        QVERIFY(test::distinctColors(preview) > 20);

        // A dark theme changes the preview.
        dialog.findChild<QComboBox*>(QStringLiteral("ExportTheme"))->setCurrentIndex(1);
        QVERIFY(dialog.settings().dark);
        const QImage light = preview;
        QTRY_VERIFY(dialog.preview() != light);
    }

    // The format follows the file's suffix, and the file gets written.
    void writesTheFileItWasAskedFor()
    {
        MainWindow window;
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        ExportDialog dialog(*window.timeline(), QStringLiteral("Two additions"), dir_.filePath("fig.png"));
        const QString svg = dir_.filePath("figure.svg");
        dialog.setPath(svg);
        QCOMPARE(dialog.format(), ExportFormat::Svg);
        dialog.setVisibleRangeOnly(true);
        QVERIFY(dialog.settings().range);
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.startExport();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().first().toString(), svg);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(file.readAll());
        QStringList texts;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                texts << xml.readElementText().trimmed();
        QVERIFY(!xml.hasError());
        QVERIFY(texts.contains(QStringLiteral("Task-2 · add_slow")));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        // A Chrome trace: the figure's controls step aside.
        ExportDialog json(*window.timeline(), QString(), dir_.filePath("run.json"));
        QCOMPARE(json.format(), ExportFormat::Json);
        QSignalSpy jsonExported(&json, &ExportDialog::exported);
        json.startExport();
        QTRY_COMPARE(jsonExported.size(), 1);
        QVERIFY(QFileInfo(dir_.filePath("run.json")).size() > 100);
    }

    // An export that cannot be written says so, in the dialog, which stays open.
    void aFailedWriteIsShownNotLost()
    {
        MainWindow window;
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        ExportDialog dialog(*window.timeline(), QString(), QStringLiteral("/nonexistent/dir/fig.pdf"));
        dialog.show();
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.startExport();
        QTRY_VERIFY(!dialog.isExporting());
        QCOMPARE(exported.size(), 0);
        QVERIFY2(dialog.statusText().startsWith(QLatin1String("Cannot write /nonexistent/dir/fig.pdf")),
                 qPrintable(dialog.statusText()));
        QVERIFY(dialog.isVisible());

        dialog.setPath(dir_.filePath("fig.gif"));
        dialog.startExport();
        QVERIFY2(dialog.statusText().contains(QLatin1String(".png, .svg, .pdf or .json")),
                 qPrintable(dialog.statusText()));
    }
};

QTEST_MAIN(ExportDialogTest)
#include "tst_export_dialog.moc"
