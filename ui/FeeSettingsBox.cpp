#include "FeeSettingsBox.h"

#include "chain/LocalChain.h"
#include "chain/LocalChainDb.h"
#include "services/WalletService.h"
#include "store/BumpStore.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace spillway::ui {

FeeSettingsBox::FeeSettingsBox(WalletService *service, QWidget *parent) : QGroupBox(tr("Fees"), parent), m_service(service)
{
    setObjectName(QStringLiteral("feeSettingsBox"));
    auto *form = new QFormLayout(this);
    m_budget = new QSpinBox(this);
    m_budget->setObjectName(QStringLiteral("feeBudgetSpinBox"));
    m_budget->setRange(1, 100);
    m_budget->setSuffix(QStringLiteral(" %"));
    store::BumpStore bumps;
    m_savedBudget = store::kDefaultBumpBudgetPercent;
    if (bumps.open(service->dataDir()).ok())
        if (auto p = bumps.defaultBudgetPercent())
            m_savedBudget = *p;
    m_budget->setValue(m_savedBudget);
    form->addRow(tr("Fee budget for bumps:"), m_budget);
    auto *note = new QLabel(tr("When a settlement or refund waits because fees rose, a child transaction pays for it, never "
                               "more than this share of what it brings you. A channel can have its own (spillway-cli channel budget)."),
                            this);
    note->setWordWrap(true);
    form->addRow(note);
    const chain::ChainSettings &chainSettings = service->chainSettings();
    if (chainSettings.isLocal()) {
        m_minFeeRate = new QDoubleSpinBox(this);
        m_minFeeRate->setObjectName(QStringLiteral("localMinFeeRateSpinBox"));
        m_minFeeRate->setRange(0, 1000);
        m_minFeeRate->setDecimals(1);
        m_minFeeRate->setSuffix(tr(" sat/vB"));
        chain::LocalChainDb db(localChainFile());
        if (auto p = db.policy())
            m_savedMinFeeRate = static_cast<double>(p->mineMinFeeRate) / 1000.0;
        m_minFeeRate->setValue(m_savedMinFeeRate);
        form->addRow(tr("Local chain: blocks take from"), m_minFeeRate);
    }
}

QString FeeSettingsBox::localChainFile() const
{
    const QString file = m_service->chainSettings().chainFile;
    return file.isEmpty() ? chain::LocalChain::defaultPath() : file;
}

void FeeSettingsBox::apply()
{
    if (m_budget->value() != m_savedBudget) {
        store::BumpStore bumps;
        if (bumps.open(m_service->dataDir()).ok() && bumps.setDefaultBudgetPercent(m_budget->value()).ok())
            m_savedBudget = m_budget->value();
    }
    if (m_minFeeRate && m_minFeeRate->value() != m_savedMinFeeRate) {
        chain::LocalChainDb db(localChainFile());
        if (auto p = db.policy()) {
            chain::LocalChainPolicy policy = *p;
            policy.mineMinFeeRate = static_cast<int64_t>(m_minFeeRate->value() * 1000);
            if (db.setPolicy(policy).ok())
                m_savedMinFeeRate = m_minFeeRate->value();
        }
    }
}

} // namespace spillway::ui
