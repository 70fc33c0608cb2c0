#pragma once
// A screenshot shown full screen on which the user drags a rectangle around the
// code to scan (one drag); Esc or a click without a drag cancels.

#include <QPixmap>
#include <QWidget>

namespace spillway::ui {

class ScreenRegionPicker : public QWidget {
    Q_OBJECT
public:
    /// `screenshot` of the screen whose geometry (global coordinates) is `screen`.
    ScreenRegionPicker(const QPixmap &screenshot, const QRect &screen, QWidget *parent = nullptr);
    /// Regions smaller than this on either side are taken as a click, not a drag.
    static constexpr int kMinSide = 24;

Q_SIGNALS:
    /// The dragged rectangle, in global coordinates.
    void regionChosen(const QRect &global);
    void cancelled();

protected:
    void paintEvent(QPaintEvent *e) override;
    void mousePressEvent(QMouseEvent *e) override;
    void mouseMoveEvent(QMouseEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;

private:
    QPixmap m_shot;
    QPoint m_from, m_to;
    bool m_dragging = false;
};

} // namespace spillway::ui
