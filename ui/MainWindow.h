#pragma once

#include <QMainWindow>

namespace spillway::ui {

/// The Spillway main window. Channels and wallet tabs arrive with their issues.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace spillway::ui
