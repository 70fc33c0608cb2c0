#pragma once
// A wallet transaction in full: its inputs and outputs, fee and fee rate,
// confirmations, and buttons to copy its id and its raw hex.

#include "BitcoinUnits.h"
#include "models/TransactionDetails.h"

#include <QDialog>

namespace spillway::ui {

class TransactionDialog : public QDialog {
    Q_OBJECT
public:
    TransactionDialog(const TransactionDetails &tx, int tipHeight, BitcoinUnits::Unit unit, QWidget *parent = nullptr);
    const TransactionDetails &details() const { return m_tx; }

private:
    TransactionDetails m_tx;
};

} // namespace spillway::ui
