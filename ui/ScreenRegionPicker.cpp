#include "ScreenRegionPicker.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace spillway::ui {

ScreenRegionPicker::ScreenRegionPicker(const QPixmap &screenshot, const QRect &screen, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint | Qt::WindowStaysOnTopHint), m_shot(screenshot)
{
    setObjectName(QStringLiteral("screenRegionPicker"));
    setAttribute(Qt::WA_DeleteOnClose);
    setCursor(Qt::CrossCursor);
    setGeometry(screen);
}

void ScreenRegionPicker::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.drawPixmap(rect(), m_shot);
    p.fillRect(rect(), QColor(0, 0, 0, 110));
    const QRect sel = QRect(m_from, m_to).normalized();
    if (m_dragging && !sel.isEmpty()) {
        // The same part of the screenshot, undimmed (its pixels may be denser than ours).
        const qreal sx = qreal(m_shot.width()) / width(), sy = qreal(m_shot.height()) / height();
        p.drawPixmap(QRectF(sel), m_shot, QRectF(sel.x() * sx, sel.y() * sy, sel.width() * sx, sel.height() * sy));
        p.setPen(QPen(QColor(0, 160, 255), 2));
        p.drawRect(sel);
    }
    p.setPen(Qt::white);
    p.drawText(rect().adjusted(0, 20, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
               tr("Drag a rectangle around the QR code to scan. Esc cancels."));
}

void ScreenRegionPicker::mousePressEvent(QMouseEvent *e)
{
    m_from = m_to = e->position().toPoint();
    m_dragging = true;
    update();
}

void ScreenRegionPicker::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    m_to = e->position().toPoint();
    update();
}

void ScreenRegionPicker::mouseReleaseEvent(QMouseEvent *e)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_to = e->position().toPoint();
    const QRect sel = QRect(m_from, m_to).normalized();
    if (sel.width() < kMinSide || sel.height() < kMinSide)
        Q_EMIT cancelled();
    else
        Q_EMIT regionChosen(sel.translated(geometry().topLeft()));
    close();
}

void ScreenRegionPicker::keyPressEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Escape) {
        Q_EMIT cancelled();
        close();
        return;
    }
    QWidget::keyPressEvent(e);
}

} // namespace spillway::ui
