#pragma once
// Settings' "Fees" section: the fee budget of bumps (the share of what a closing
// transaction saves us that its child may spend; `channel budget`), and, on the
// local chain, the congestion it plays (`chain policy --min-feerate`).

#include <QGroupBox>

class QDoubleSpinBox;
class QSpinBox;

namespace spillway::ui {

class WalletService;

class FeeSettingsBox : public QGroupBox {
    Q_OBJECT
public:
    FeeSettingsBox(WalletService *service, QWidget *parent = nullptr);
    /// Stores what changed (bumps.sqlite in the data directory; the local chain's file).
    void apply();

private:
    QString localChainFile() const;
    WalletService *m_service;
    QSpinBox *m_budget;
    QDoubleSpinBox *m_minFeeRate = nullptr; ///< local chain only
    int m_savedBudget = 0;
    double m_savedMinFeeRate = 0;
};

} // namespace spillway::ui
