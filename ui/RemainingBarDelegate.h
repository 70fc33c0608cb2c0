#pragma once
// Draws the Remaining column as a bar (the fraction of the channel still
// payable) with the amount on it; a closed channel's outcome as plain text.

#include <QStyledItemDelegate>

namespace spillway::ui {

class RemainingBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace spillway::ui
