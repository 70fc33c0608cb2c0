#pragma once
// Outstanding offers in the payee's channel table (issue 16): each offer made with
// New offer is a row ("offered") until a channel comes from it or it is withdrawn,
// and can be shown again as a QR code, copied, or withdrawn.

#include "models/ChannelSummary.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>

class QAction;
class QWidget;

namespace spillway::ui {

class ChannelTableModel;
class WalletService;

class OffersInTable : public QObject {
    Q_OBJECT
public:
    /// `selected`: the row the user selected (null: none); `show` shows texts as the window
    /// shows messages for the peer (a QR code, animated when long, with Copy and Save).
    OffersInTable(ChannelTableModel *model, WalletService *service, QWidget *window, std::function<const ChannelSummary *()> selected,
                  std::function<void(const QString &title, const QStringList &texts)> show);

    QAction *showAction() const { return m_show; }
    QAction *copyAction() const { return m_copy; }
    QAction *withdrawAction() const { return m_withdraw; }
    /// Enables the actions for the selected row.
    void update(const ChannelSummary *selected);

    /// The service's outstanding offers; rows come and go to match.
    void setOffers(const QList<ChannelSummary> &offers);
    /// Channels as they change: an offer a channel came from leaves the table.
    void channelsChanged(const QList<ChannelSummary> &channels);
    /// The selected offer as a QR code again.
    void showSelected();

private:
    void sync();

    ChannelTableModel *m_model;
    WalletService *m_service;
    QWidget *m_window;
    std::function<const ChannelSummary *()> m_selected;
    std::function<void(const QString &, const QStringList &)> m_showTexts;
    QHash<QString, ChannelSummary> m_offers; ///< by offer key
    QSet<QString> m_answered;                ///< offer keys some channel came from
    QAction *m_show, *m_copy, *m_withdraw;
};

} // namespace spillway::ui
