#pragma once
// One wallet transaction as the details window shows it: plain values the
// service fills from the chain, so the window never touches core types.

#include <QList>
#include <QMetaType>
#include <QString>

namespace spillway::ui {

struct TransactionDetails {
    struct Part {
        QString where;      ///< an input's outpoint "txid:n", an output's address (or its script, hex)
        qint64 valueSat = -1; ///< -1: not known (an input whose transaction the chain did not give)
        bool ours = false;  ///< an output to one of this wallet's addresses
    };
    QString txid;
    QList<Part> inputs, outputs;
    qint64 feeSat = -1;     ///< -1: not known (an input's value is missing)
    qint64 vsize = 0;
    int height = -1;        ///< -1: unconfirmed
    QString rawHex;
};

} // namespace spillway::ui

Q_DECLARE_METATYPE(spillway::ui::TransactionDetails)
