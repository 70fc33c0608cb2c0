#include "WalletService.h"
#include "ChannelAnnouncements.h"

#include <QDateTime>

#include <QLocale>
#include "ChannelFeed.h"
#include "PurchaseRunner.h"
#include "SellService.h"

#include "BackgroundWatcher.h"
#include "backup/BackupRestore.h"
#include "backup/BackupWriter.h"
#include "bitcoin/Address.h"
#include "bitcoin/Psbt.h"
#include "chain/ChainSettings.h"
#include "store/SeedKeychain.h"
#include "channel/ChannelEngine.h"
#include "store/ChannelStore.h"
#include "store/LabelStore.h"
#include "wallet/Wallet.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QDir>

namespace spillway::ui {

using namespace bitcoin;

namespace {


QStringList texts(const std::vector<channel::Message> &msgs)
{
    QStringList out;
    for (const auto &m : msgs)
        out << QString::fromStdString(channel::messageToText(m));
    return out;
}

} // namespace

namespace {
chain::ChainSettings localChain(QString file)
{
    chain::ChainSettings c;
    c.chainFile = std::move(file);
    return c;
}
} // namespace

WalletService::WalletService(QString dataDir, QString chainFile) : WalletService(std::move(dataDir), localChain(std::move(chainFile))) {}

WalletService::WalletService(QString dataDir, chain::ChainSettings chain)
    : m_dataDir(std::move(dataDir)), m_chainSettings(std::move(chain)), m_sell(new SellService(this)), m_purchases(new PurchaseRunner(this))
{
    connect(m_sell, &SellService::failed, this, &WalletService::failed);
    connect(m_sell, &SellService::channelsChanged, this, [this] { publishChannels(false); });
    connect(m_purchases, &PurchaseRunner::failed, this, &WalletService::failed);
    connect(m_purchases, &PurchaseRunner::finished, this, &WalletService::downloadFinished);
    connect(m_purchases, &PurchaseRunner::channelsTouched, this, [this] {
        if (m_wallet)
            publish(); // a funding spent coins, payments moved the channel
    });
    connect(this, &WalletService::tipChanged, m_purchases, &PurchaseRunner::tipChanged); // after each watcher pass
    qRegisterMetaType<QList<spillway::ui::ChannelSummary>>();
    qRegisterMetaType<QList<spillway::ui::PaymentRow>>();
    qRegisterMetaType<QList<spillway::ui::WalletTxRow>>();
    qRegisterMetaType<spillway::ui::TransactionDetails>();
}

WalletService::~WalletService()
{
    m_purchases->shutDown(); // its last calls into the engine come first
    if (!m_thread.isRunning())
        m_sell->stop(); // the server before the engine it serves
    if (m_thread.isRunning()) {
        // Tear the core down on its own thread, then stop it.
        QMetaObject::invokeMethod(this, [this] {
            m_sell->stop();
            m_purchases->setCore(nullptr, nullptr, nullptr);
            m_feed.reset();
            m_labels.reset();
            m_engine.reset();
            m_backups.reset(); // writes what is still owed
            m_store.reset();
            m_wallet.reset();
            m_lockedWallet.reset();
            m_chain.reset();
            moveToThread(QCoreApplication::instance()->thread());
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
}

void WalletService::setRestoreFromBackup(SecretBytes phrase, const QString &backupFile)
{
    m_restorePhrase = std::move(phrase);
    m_restoreBackup = backupFile;
}

void WalletService::startOnThread()
{
    m_thread.setObjectName(QStringLiteral("wallet-service"));
    moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(this, &WalletService::start, Qt::QueuedConnection);
}

void WalletService::report(const Error &e)
{
    // The sentence in the user's language; the code and its technical context apart,
    // for a "Details" expander and bug reports, never in the sentence.
    const QString code = QString::fromLatin1(errorCodeName(e.code).data());
    Q_EMIT failed(code, QCoreApplication::translate("ErrorCode", errorCodeSentence(e.code).data()),
                  e.context.empty() ? code : QStringLiteral("%1: %2").arg(code, QString::fromStdString(e.context)));
}

void WalletService::start()
{
    if (!m_chainSettings.isLocal() && !m_chainSettings.rpc.user.isEmpty() && m_chainSettings.rpc.password.isEmpty()) {
        // The RPC password was saved in the OS keychain by Settings.
        if (auto pw = store::SeedKeychain::readBlocking(chain::rpcPasswordKey(m_chainSettings.network)))
            m_chainSettings.rpc.password = QString::fromUtf8(reinterpret_cast<const char *>(pw->data()), static_cast<qsizetype>(pw->size()));
    }
    auto backend = chain::makeBackend(m_chainSettings);
    if (!backend) {
        report(backend.error());
        return;
    }
    m_chain = std::move(*backend);
    connect(m_chain.get(), &chain::ChainBackend::tipChanged, this, [this](const chain::ChainTip &tip) {
        m_sell->setTipHeight(tip.height); // the seller's expiry check before any signature work
        refresh();
        estimateFees(); // the Send form's presets follow the chain
    });
    if (!wallet::Wallet::exists(m_dataDir) && !m_restoreBackup.isEmpty() && !restoreFromBackupFile())
        return;
    if (!wallet::Wallet::exists(m_dataDir)) {
        // First run: the window asks the user to create or restore (createWallet,
        // restoreWallet), nothing is made behind their back.
        Q_EMIT walletMissing();
        return;
    }
    openWallet();
}

bool WalletService::restoreFromBackupFile()
{
    // "Restore from recovery phrase and backup": refused in words, nothing written.
    const std::string_view phrase(reinterpret_cast<const char *>(m_restorePhrase.data()), m_restorePhrase.size());
    auto restored = backup::restoreWallet(m_dataDir, *m_chain, phrase, 0, m_restoreBackup);
    m_restorePhrase = SecretBytes();
    if (!restored) {
        report(restored.error());
        return false;
    }
    Q_EMIT info(tr("Restored %n channel(s) from the backup; the watcher catches up with the chain.", nullptr, restored->imported.channels));
    return true;
}

void WalletService::restoreFromBackup(SecretBytes phrase, const QString &backupFile)
{
    if (!m_chain || m_wallet)
        return;
    m_restorePhrase = std::move(phrase);
    m_restoreBackup = backupFile;
    if (!restoreFromBackupFile()) {
        Q_EMIT walletMissing(); // the words or the file were refused: ask again
        return;
    }
    openWallet();
}

void WalletService::createNewWallet()
{
    if (!m_chain || m_wallet)
        return;
    auto mnemonic = wallet::Wallet::create(m_dataDir, *m_chain);
    if (!mnemonic)
        return report(mnemonic.error());
    Q_EMIT walletCreated(QString::fromLatin1(reinterpret_cast<const char *>(mnemonic->data()), static_cast<qsizetype>(mnemonic->size())));
    openWallet();
}

void WalletService::restoreWallet(const QString &phrase, bool fresh)
{
    if (!m_chain || m_wallet)
        return;
    // A phrase made a moment ago has no coins before today's tip; a restored one is
    // looked for from the start of the chain.
    int birth = 0;
    if (fresh) {
        auto tip = chain::await(m_chain->tip());
        if (!tip)
            return report(tip.error());
        birth = tip->height;
    }
    QByteArray words = phrase.simplified().toLower().toUtf8();
    const Status st = wallet::Wallet::restore(m_dataDir, *m_chain, std::string_view(words.constData(), static_cast<size_t>(words.size())), {}, birth);
    words.fill('\0');
    if (!st.ok()) {
        report(st.error());
        Q_EMIT walletMissing(); // ask again
        return;
    }
    openWallet();
}

void WalletService::startWallet(std::unique_ptr<wallet::Wallet> w)
{
    m_wallet = std::move(w);
    m_store = std::make_unique<store::ChannelStore>();
    if (const Status st = m_store->open(m_dataDir); !st.ok()) {
        report(st.error());
        return;
    }
    m_engine = std::make_unique<channel::ChannelEngine>(*m_wallet, *m_chain, *m_store);
    m_feed = std::make_unique<ChannelFeed>(*m_store);
    m_labels = std::make_unique<store::LabelStore>();
    if (const Status st = m_labels->open(m_dataDir); !st.ok()) {
        report(st.error());
        m_labels.reset(); // labels are a convenience: the wallet works without them
    }
    m_backups = std::make_unique<backup::BackupWriter>(m_dataDir, m_chain->network().id, [this] { return backup::backupKeyOf(*m_wallet); });
    m_backups->setFailureObserver([this](const Error &e) {
        report(e);
        QMetaObject::invokeMethod(this, [this] { publishBackupStatus(m_channelsToWatch); });
    });
    m_backups->attach(*m_store);
    m_purchases->setCore(m_engine.get(), m_wallet.get(), m_chain.get());
    // Coins that arrive between blocks (a send from another wallet) show as unconfirmed
    // within seconds, not at the next block: the wallet looks at the mempool now and then,
    // and the window hears only when its balance moved.
    auto *mempoolPoll = new QTimer(this);
    mempoolPoll->setInterval(m_chainSettings.isLocal() ? kMempoolPollMs : 6 * kMempoolPollMs); // a node's mempool costs more to read
    connect(mempoolPoll, &QTimer::timeout, this, [this] {
        if (!m_wallet || m_purchases->busy())
            return;
        if (const Status st = m_wallet->sync(); !st.ok())
            return; // said at the next block, if it lasts
        auto b = m_wallet->balance();
        if (b && (b->confirmed != m_walletBalance.confirmed || b->unconfirmed != m_walletBalance.unconfirmed))
            publish();
    });
    mempoolPoll->start();
    m_purchases->setWatchEvents([this](const std::vector<channel::WatchEvent> &events) {
        for (const auto &e : events)
            announce(e);
    });
    const Network &net = m_chain->network();
    Q_EMIT ready(QString::fromLatin1(net.name.data()), m_chain->describe());
    newReceiveAddress();
    estimateFees();
    refresh();
    publishOffers();
}

void WalletService::announce(const channel::WatchEvent &e)
{
    // What the watcher did by itself, in words and with the channel's name (issue 16).
    QString name = QString::fromStdString(e.channel.toString()).left(10) + QStringLiteral("…");
    if (auto rec = m_store->find(e.channel); rec && *rec && !(*rec)->label.empty())
        name = QString::fromStdString((*rec)->label);
    const Announcement a = announcementOf(e, name);
    if (a.isEmpty())
        return Q_EMIT info(QString::fromStdString(e.what));
    Q_EMIT announced(a.title, a.sentence);
    Q_EMIT info(a.sentence);
}

void WalletService::refresh()
{
    if (!m_engine)
        return;
    if (const Status st = m_wallet->sync(); !st.ok())
        report(st.error());
    auto events = m_engine->watch();
    if (!events)
        report(events.error());
    else
        for (const auto &e : *events)
            announce(e);
    publish();
}

void WalletService::publish()
{
    auto tip = chain::await(m_chain->tip());
    if (tip) {
        // Block times from the chain itself, asked again every few blocks: 0 where
        // blocks come on request, and the window then counts blocks only.
        if (m_blockInterval < 0 || tip->height < m_blockIntervalAt || tip->height - m_blockIntervalAt >= 6) {
            if (auto interval = chain::await(m_chain->blockInterval()); interval) {
                m_blockInterval = *interval;
                m_blockIntervalAt = tip->height;
            } else if (m_blockInterval < 0) {
                m_blockInterval = static_cast<int>(m_chain->network().blockIntervalSeconds);
            }
        }
        Q_EMIT tipChanged(tip->height, tip->time, m_blockInterval);
    }
    if (auto h = m_wallet->history(); h) {
        QHash<QString, QString> labels;
        if (m_labels)
            if (auto l = m_labels->all(QString::fromLatin1(store::LabelStore::kTransaction)))
                labels = *l;
        QList<WalletTxRow> rows;
        for (const auto &e : *h) {
            const QString txid = QString::fromStdString(toDisplayHex(e.txid));
            rows.append(WalletTxRow{txid, e.kind, e.amount, e.fee, e.height, e.time, e.address, labels.value(txid)});
        }
        Q_EMIT historyChanged(rows);
    }
    if (auto b = m_wallet->balance(); b)
        m_walletBalance = *b;
    else
        report(b.error());
    publishChannels(true);
}

void WalletService::syncAndPublish()
{
    // A transaction just left (a funding, a settlement, a payment): its change is
    // ours at once, unconfirmed, not at the next block.
    if (m_wallet)
        if (const Status st = m_wallet->sync(); !st.ok())
            report(st.error());
    publish();
}

void WalletService::publishChannels(bool balanceToo)
{
    if (!m_feed)
        return;
    // Only the rows written since the last look: the store numbers its writes.
    auto changed = m_feed->changes();
    if (!changed) {
        report(changed.error());
        return;
    }
    if (!changed->isEmpty())
        Q_EMIT channelsChanged(*changed);
    if (!changed->isEmpty() || balanceToo) {
        const ChannelTotals t = m_feed->totals();
        Q_EMIT balanceChanged(m_walletBalance.confirmed, m_walletBalance.unconfirmed, m_walletBalance.immature, t.paying, t.receiving);
    }
    if (!changed->isEmpty() || m_channelsToWatch < 0)
        publishBackupStatus(m_feed->totals().toWatch);
}

void WalletService::publishBackupStatus(int channelsToWatch)
{
    m_channelsToWatch = channelsToWatch;
    const backup::BackupStatus st = backup::backupStatus(m_dataDir);
    const Status last = m_backups ? m_backups->lastStatus() : Status{};
    Q_EMIT backupStatusChanged(st.settings.folder, st.lastWritten.value_or(QDateTime()), st.folderWritable, channelsToWatch,
                               last.ok() ? QString()
                                         : QCoreApplication::translate("ErrorCode", errorCodeSentence(last.error().code).data()));
}

void WalletService::setBackupFolder(const QString &folder)
{
    if (!m_wallet)
        return;
    backup::BackupSettings settings;
    if (!folder.trimmed().isEmpty()) {
        settings.folder = QDir(folder.trimmed()).absolutePath();
        QDir().mkpath(settings.folder);
        if (const Status st = backup::checkFolderWritable(settings.folder); !st.ok())
            return report(st.error());
        auto key = backup::backupKeyOf(*m_wallet);
        if (!key)
            return report(key.error());
        settings.fileName = key->fileName(m_chain->network().id);
    }
    if (const Status st = settings.save(m_dataDir); !st.ok())
        return report(st.error());
    if (settings.enabled())
        if (const Status st = m_backups->writeNow(); !st.ok())
            report(st.error());
    publishBackupStatus(m_channelsToWatch);
}

namespace {
BackgroundWatcher watcherFor(const QString &dataDir, const chain::ChainSettings &chain, SystemctlRunner *runner)
{
    static SystemctlRunner real;
    return BackgroundWatcher(dataDir, chain, QCoreApplication::applicationDirPath() + QStringLiteral("/spillway-cli"), runner ? *runner : real);
}
} // namespace

bool WalletService::backgroundWatcherInstalled() const
{
    return watcherFor(m_dataDir, m_chainSettings, m_systemctl).installed();
}

void WalletService::setBackgroundWatcher(bool on)
{
    BackgroundWatcher w = watcherFor(m_dataDir, m_chainSettings, m_systemctl);
    if (on == w.installed())
        return;
    const Status st = on ? w.install() : w.uninstall();
    if (!st.ok())
        return report(st.error());
    Q_EMIT info(on ? tr("A background service now watches your channels while Spillway is closed (%1).").arg(w.unitName())
                   : tr("The background watcher is removed: channels are watched only while Spillway runs."));
}

std::optional<OutPoint> WalletService::channelOf(const QString &channelId)
{
    if (!m_engine)
        return std::nullopt;
    auto op = OutPoint::parse(channelId.toStdString());
    if (!op) {
        report(op.error());
        return std::nullopt;
    }
    return *op;
}

void WalletService::createOffer(const QString &label)
{
    if (!m_engine)
        return;
    channel::OfferTerms t;
    t.label = label.toStdString();
    auto o = m_engine->createOffer(t);
    if (!o)
        return report(o.error());
    Q_EMIT messagesReady(tr("Offer"), texts({*o}));
    publishOffers();
}

void WalletService::withdrawOffer(const QString &offerKey)
{
    if (!m_store)
        return;
    const QByteArray key = QByteArray::fromHex(offerKey.toLatin1());
    if (const Status st = m_store->withdrawOffer(Bytes(key.begin(), key.end())); !st.ok())
        report(st.error());
    else
        Q_EMIT info(tr("Offer withdrawn: a payer who still has it cannot open a channel with it."));
    publishOffers();
}

void WalletService::publishOffers()
{
    if (!m_store)
        return;
    auto rows = offerRows(*m_store);
    if (!rows)
        return report(rows.error());
    Q_EMIT offersChanged(*rows);
}

void WalletService::openChannel(const QString &offerText, qint64 capacitySat, int expiryBlocks, bool refundVariant, qint64 commitFeeSat)
{
    if (!m_engine)
        return;
    auto m = channel::messageFromText(offerText.trimmed().toStdString());
    if (!m)
        return report(m.error());
    if (!std::holds_alternative<channel::OfferMsg>(*m))
        return report(makeError(ErrorCode::BadMessage, "that is not an offer"));
    channel::OpenTerms t;
    t.capacity = capacitySat;
    if (expiryBlocks > 0) // else the network's default
        t.expiryDelta = static_cast<uint32_t>(expiryBlocks);
    t.variant = refundVariant ? channel::Variant::Refund : channel::Variant::Cltv;
    if (commitFeeSat > 0)
        t.commitFee = commitFeeSat;
    auto out = m_engine->open(std::get<channel::OfferMsg>(*m), t);
    if (!out) {
        report(out.error());
        // The window gives the terms back to the user, with the reason, instead of losing them.
        return Q_EMIT openChannelFailed(offerText, capacitySat, expiryBlocks, refundVariant, commitFeeSat,
                                        QCoreApplication::translate("ErrorCode", errorCodeSentence(out.error().code).data()));
    }
    Q_EMIT messagesReady(tr("Channel proposal"), texts(*out));
    syncAndPublish();
}

void WalletService::importText(const QString &text)
{
    if (!m_engine)
        return;
    const QString trimmed = text.trimmed();
    std::vector<channel::Message> answers;
    if (trimmed.startsWith(QLatin1String("cHNidP8"))) {
        auto psbt = Psbt::parseText(trimmed.toStdString());
        if (!psbt)
            return report(psbt.error());
        auto r = m_engine->importPsbt(*psbt);
        if (!r)
            return report(r.error());
        answers = *r;
    } else {
        auto msgs = channel::messagesFromText(trimmed.toStdString());
        if (!msgs)
            return report(msgs.error());
        for (const auto &m : *msgs) {
            auto r = m_engine->receive(m);
            if (!r) {
                syncAndPublish();
                return report(r.error());
            }
            answers.insert(answers.end(), r->begin(), r->end());
        }
    }
    syncAndPublish();
    if (!answers.empty())
        Q_EMIT messagesReady(tr("Answer for the other side"), texts(answers));
    else
        Q_EMIT info(tr("Imported."));
}

void WalletService::pay(const QString &channelId, qint64 amountSat)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto m = m_engine->pay(*op, amountSat);
    if (!m)
        return report(m.error());
    publishChannels(false); // a payment moves one channel, not the wallet's coins
    Q_EMIT messagesReady(tr("Payment %1").arg(m->sequence), texts({*m}));
}

void WalletService::settle(const QString &channelId)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto txid = m_engine->settle(*op);
    if (!txid)
        return report(txid.error());
    syncAndPublish();
    Q_EMIT info(tr("Settlement broadcast: %1").arg(QString::fromStdString(toDisplayHex(*txid))));
}

void WalletService::close(const QString &channelId)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto m = m_engine->close(*op);
    if (!m)
        return report(m.error());
    Q_EMIT messagesReady(tr("Close request"), texts({*m}));
}

void WalletService::refund(const QString &channelId)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto txid = m_engine->refund(*op);
    if (!txid)
        return report(txid.error());
    syncAndPublish();
    Q_EMIT info(tr("Refund broadcast: %1").arg(QString::fromStdString(toDisplayHex(*txid))));
}

void WalletService::exportPsbt(const QString &channelId, const QString &which)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto p = m_engine->exportPsbt(*op, which.toStdString());
    if (!p)
        return report(p.error());
    Q_EMIT messagesReady(tr("PSBT (%1)").arg(which), {QString::fromStdString(p->toBase64())});
}

void WalletService::mine(int blocks)
{
    if (!m_wallet)
        return;
    auto addr = m_wallet->newReceiveAddress();
    if (!addr)
        return report(addr.error());
    auto r = chain::await(m_chain->mine(blocks, *decodeAddress(addr->toStdString(), m_chain->network())));
    if (!r)
        return report(r.error());
    refresh();
}

void WalletService::newReceiveAddress()
{
    if (!m_wallet)
        return;
    auto a = m_wallet->newReceiveAddress();
    if (!a)
        return report(a.error());
    Q_EMIT receiveAddressChanged(*a);
}

void WalletService::loadBumps(const QString &channelId)
{
    if (!m_store || !m_engine)
        return;
    auto op = OutPoint::parse(channelId.toStdString());
    if (!op)
        return;
    auto rec = m_store->find(*op);
    if (!rec || !*rec)
        return;
    QStringList lines;
    const store::ChannelRecord &r = **rec;
    if (r.state == store::ChannelState::Closing) {
        // The waiting closing transaction: what it pays, and the blocks left before the deadline.
        auto tx = r.role == store::ChannelRole::Payee ? m_engine->settlementTransaction(r) : m_engine->refundTransaction(r);
        if (tx) {
            int64_t out = 0;
            for (const auto &o : tx->outputs)
                out += o.value.sat();
            const int64_t fee = r.params.capacity.sat() - out;
            lines << tr("Waiting to confirm: %1 pays %2 sat/vB (fee %3 sat).")
                         .arg(r.role == store::ChannelRole::Payee ? tr("the settlement") : tr("the refund"))
                         .arg(QLocale().toString(static_cast<double>(fee) / static_cast<double>(tx->vsize()), 'f', 1))
                         .arg(QLocale().toString(static_cast<qlonglong>(fee)));
        }
        if (r.role == store::ChannelRole::Payee) {
            auto tip = chain::await(m_chain->tip());
            if (tip)
                lines << tr("%n block(s) left before the payer's refund becomes valid.", nullptr,
                            std::max(0, static_cast<int>(r.params.expiry) - tip->height));
        }
    }
    if (auto *bumps = m_engine->bumpStore()) {
        auto rows = bumps->forChannel(*op);
        if (rows)
            for (const auto &b : *rows)
                lines << tr("Fee bump %1: a child paid %2 sat, %3 sat/vB for both%4.")
                             .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(b.time), QLocale::ShortFormat))
                             .arg(QLocale().toString(static_cast<qlonglong>(b.childFee)))
                             .arg(QLocale().toString(static_cast<double>(b.packageSatPerKvB) / 1000.0, 'f', 1))
                             .arg(b.package ? tr(", sent as a package") : QString());
    }
    Q_EMIT bumpsLoaded(channelId, lines);
}

void WalletService::bumpFee(const QString &channelId)
{
    const auto op = channelOf(channelId);
    if (!op)
        return;
    auto rec = m_store->find(*op);
    if (!rec || !*rec)
        return;
    store::ChannelRecord r = **rec;
    const bool funding = r.role == store::ChannelRole::Payer && r.state == store::ChannelState::Opening;
    auto bumped = funding ? m_engine->bumpFunding(r) : m_engine->bumpSettlement(r);
    if (!bumped)
        return report(bumped.error());
    if (*bumped)
        Q_EMIT info(tr("Fee raised: a child pays %1 sat, %2 sat/vB for both.")
                        .arg(QLocale().toString(static_cast<qlonglong>((*bumped)->childFee)))
                        .arg(QLocale().toString(static_cast<double>((*bumped)->packageSatPerKvB) / 1000.0, 'f', 1)));
    else
        Q_EMIT info(tr("Nothing to raise: it already pays what confirms in time, or it has confirmed."));
    publish();
    loadBumps(channelId);
}

void WalletService::setTransactionLabel(const QString &txid, const QString &label)
{
    if (!m_labels)
        return;
    if (const Status st = m_labels->set(QString::fromLatin1(store::LabelStore::kTransaction), txid, label); !st.ok())
        return report(st.error());
    if (m_backups)
        m_backups->committed(); // labels are in the backup too
    publish();
}

void WalletService::previewSend(const QString &address, qint64 amountSat, qint64 feeRateSatPerKvB, const QString &label)
{
    if (!m_wallet)
        return;
    m_pendingSend.reset();
    std::optional<chain::FeeRate> rate;
    if (feeRateSatPerKvB > 0)
        rate = chain::FeeRate{feeRateSatPerKvB};
    const bool max = amountSat <= 0;
    auto p = m_wallet->prepareSend(address, max ? std::nullopt : std::optional<Amount>(Amount::fromSat(amountSat)), rate);
    if (!p)
        return report(p.error());
    const qint64 amount = p->tx.outputs.front().value.sat();
    Q_EMIT sendPreviewReady(address.trimmed(), amount, p->fee, p->feeRateSatPerKvB, static_cast<qint64>(p->tx.vsize()), p->change, max);
    m_pendingSend = PendingSend{std::move(*p), address.trimmed(), label.trimmed()};
}

void WalletService::confirmSend()
{
    if (!m_wallet || !m_pendingSend)
        return;
    const PendingSend pending = std::move(*m_pendingSend);
    m_pendingSend.reset();
    auto r = m_wallet->sendPrepared(pending.prepared, pending.address);
    if (!r)
        return report(r.error());
    if (m_labels && !pending.label.isEmpty())
        (void)m_labels->set(QString::fromLatin1(store::LabelStore::kTransaction), QString::fromStdString(toDisplayHex(r->txid)),
                            pending.label); // the request's label names the payment in the history
    if (m_backups && m_labels && !pending.label.isEmpty())
        m_backups->committed();
    syncAndPublish();
    Q_EMIT sent(QString::fromStdString(toDisplayHex(r->txid)), r->amount, r->fee);
}

void WalletService::cancelSend()
{
    m_pendingSend.reset();
}

void WalletService::estimateFees()
{
    if (!m_chain)
        return;
    qint64 rates[3] = {};
    const int targets[3] = {2, 6, 24};
    for (int i = 0; i < 3; ++i)
        if (auto r = chain::await(m_chain->estimateFeeRate(targets[i])))
            rates[i] = r->satPerKvB;
    Q_EMIT feeEstimates(rates[0], rates[1], rates[2]);
}

void WalletService::loadTransaction(const QString &txid)
{
    if (!m_chain)
        return;
    auto id = fromDisplayHex(txid.toStdString());
    if (!id)
        return report(id.error());
    auto tx = chain::await(m_chain->transaction(*id));
    if (!tx)
        return report(tx.error());
    TransactionDetails d;
    d.txid = txid;
    d.vsize = static_cast<qint64>(tx->vsize());
    d.rawHex = QString::fromStdString(toHex(tx->serialize()));
    if (auto st = chain::await(m_chain->transactionStatus(*id)); st && st->confirmations > 0)
        d.height = st->blockHeight;
    const Network &net = m_chain->network();
    qint64 in = 0, out = 0;
    bool allKnown = true;
    for (const TxIn &i : tx->inputs) {
        TransactionDetails::Part p;
        p.where = QString::fromStdString(i.prevout.toString());
        if (auto prev = chain::await(m_chain->transaction(i.prevout.txid)); prev && i.prevout.index < prev->outputs.size())
            p.valueSat = prev->outputs[i.prevout.index].value.sat();
        allKnown = allKnown && p.valueSat >= 0;
        in += std::max<qint64>(p.valueSat, 0);
        d.inputs.append(p);
    }
    for (const TxOut &o : tx->outputs) {
        TransactionDetails::Part p;
        const auto address = encodeAddress(o.scriptPubKey, net);
        p.where = address ? QString::fromStdString(*address) : QString::fromStdString(toHex(o.scriptPubKey.bytes()));
        p.valueSat = o.value.sat();
        out += p.valueSat;
        d.outputs.append(p);
    }
    const bool coinbase = tx->inputs.size() == 1 && tx->inputs[0].prevout.txid == Hash256{};
    d.feeSat = coinbase ? 0 : allKnown ? in - out : -1;
    Q_EMIT transactionLoaded(d);
}

void WalletService::bumpTransaction(const QString &txid)
{
    if (!m_wallet)
        return;
    auto id = bitcoin::fromDisplayHex(txid.toStdString());
    if (!id)
        return report(id.error());
    auto bumped = m_wallet->bumpFee(*id);
    if (!bumped)
        return report(bumped.error());
    Q_EMIT info(bumped->replaced ? tr("Fee raised: replaced by %1, paying %2 sat.")
                                       .arg(QString::fromStdString(bitcoin::toDisplayHex(bumped->txid)))
                                       .arg(QLocale().toString(static_cast<qlonglong>(bumped->fee)))
                                 : tr("Fee raised: a child %1 pays %2 sat for both.")
                                       .arg(QString::fromStdString(bitcoin::toDisplayHex(bumped->txid)))
                                       .arg(QLocale().toString(static_cast<qlonglong>(bumped->fee))));
    syncAndPublish();
}

void WalletService::loadPayments(const QString &channelId)
{
    if (!m_store)
        return;
    auto op = OutPoint::parse(channelId.toStdString());
    if (!op)
        return;
    auto log = m_store->payments(*op);
    if (!log)
        return report(log.error());
    QList<PaymentRow> rows;
    for (const auto &p : *log)
        rows.append(PaymentRow{static_cast<qint64>(p.seq), p.paid, p.time});
    Q_EMIT paymentsLoaded(channelId, rows);
}

void WalletService::send(const QString &address, qint64 amountSat)
{
    if (!m_wallet)
        return;
    auto r = m_wallet->send(address, Amount::fromSat(amountSat));
    if (!r)
        return report(r.error());
    syncAndPublish();
    Q_EMIT info(tr("Sent %1 sat, fee %2 sat").arg(r->amount).arg(r->fee));
}

} // namespace spillway::ui

namespace spillway::ui {

void WalletService::startSelling(const QString &dir, qint64 pricePerMiB, const QString &listen)
{
    if (!m_engine)
        return;
    auto tip = chain::await(m_chain->tip());
    m_sell->start(*m_engine, *m_wallet, tip ? tip->height : -1, dir, pricePerMiB, listen);
}

void WalletService::stopSelling()
{
    m_sell->stop();
}

void WalletService::fetchCatalog(const QString &offerText)
{
    m_purchases->listFiles(offerText);
}

void WalletService::buyFile(const QString &offerText, const QString &file, const QString &outPath, int lead, qint64 maxPrice)
{
    m_purchases->start(PurchaseRunner::Request{offerText, file, outPath, lead, maxPrice});
}

} // namespace spillway::ui
