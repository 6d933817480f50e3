#pragma once
// `loopscope export FILE.py -o OUT` (SPEC.md section 5): runs the scenario headless, builds its
// timeline and writes it as a figure (.png, .svg, .pdf) or a Chrome trace (.json), or, with
// --frames DIR, one PNG per step. A figure needs fonts, hence a QGuiApplication: on the
// offscreen platform, so that no display is needed (createExportApplication).

#include <memory>
#include <string>

#include <QCommandLineOption>
#include <QCoreApplication>

#include "engine.h"

class QCommandLineParser;

namespace loopscope {

// The options only `export` reads (--output, --width, --height, --axis and --theme are shared
// with the window and declared in CommandLine.cpp; they are read here by name).
struct ExportOptions {
    QCommandLineOption scale{QStringLiteral("scale"),
                             QStringLiteral("export: device pixels per pixel, for HiDPI images (default 1)."),
                             QStringLiteral("S")};
    QCommandLineOption range{
        QStringLiteral("range"),
        QStringLiteral("export: the part of the run shown: seconds T0:T1 on the time axis, "
                       "passes P0:P1 on the passes axis (default: all)."),
        QStringLiteral("T0:T1")};
    QCommandLineOption title{QStringLiteral("title"),
                             QStringLiteral("export: the figure's title (default: the scenario's # title:)."),
                             QStringLiteral("T")};
    QCommandLineOption noArrows{QStringLiteral("no-arrows"),
                                QStringLiteral("export: no arrows (creations, wake-ups, cancellations).")};
    QCommandLineOption showShutdown{
        QStringLiteral("show-shutdown"),
        QStringLiteral("export: show the two tasks asyncio.run adds to shut down.")};
    QCommandLineOption step{QStringLiteral("step"),
                            QStringLiteral("export: draw the cursor where step K begins (K from 1)."),
                            QStringLiteral("K")};
    QCommandLineOption frames{QStringLiteral("frames"),
                              QStringLiteral("export: write one PNG per step into DIR, numbered, the cursor "
                                             "on that step."),
                              QStringLiteral("DIR")};

    void addTo(QCommandLineParser& parser) const;
};

// The application `export` runs in: a QGuiApplication on the offscreen platform.
std::unique_ptr<QCoreApplication> createExportApplication(int& argc, char** argv);

// Runs `export` for the scenario [path] with [source]. Returns the exit status: 0 written,
// 1 written but the scenario failed (the figure shows the run up to the failure), 2 a usage
// error or a file that could not be written.
int runExportCommand(const QCommandLineParser& parser, const ExportOptions& options, const QString& path,
                     const std::string& source, RunOptions run);

} // namespace loopscope
