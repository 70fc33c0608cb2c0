#include "SettingsDialog.h"
#include "WalletChain.h"
#include "WalletSettings.h"

#include "chain/CoreRpcBackend.h"
#include "store/SeedKeychain.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QScrollArea>
#include <QGuiApplication>
#include <QScreen>
#include <QWindow>
#include <QVBoxLayout>

namespace spillway::ui {

using bitcoin::NetworkId;

namespace {

QString errorText(const Error &e)
{
    return QCoreApplication::translate("ErrorCode", errorCodeSentence(e.code).data()) +
           (e.context.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(e.context)));
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    QSettings s;
    // Everything in a scroll area, the buttons below it: on a small screen the sections
    // scroll instead of being squashed (seen on a 1,100-pixel screen).
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_body = new QWidget(scroll);
    auto *layout = new QVBoxLayout(m_body);
    m_sections = layout;
    scroll->setWidget(m_body);
    outer->addWidget(scroll);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    // The language the window speaks now (an option may have chosen it), else the saved one.
    const QString lang = QLocale().language() != QLocale::C ? QLocale().name()
                                                             : s.value(QStringLiteral("language"), QLocale::system().name()).toString();
    m_language->setCurrentIndex(lang.startsWith(QLatin1String("zh")) ? 1 : 0);
    form->addRow(tr("Language:"), m_language);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unitComboBox"));
    m_unit->addItem(tr("satoshi (sat)"), QStringLiteral("sat"));
    m_unit->addItem(tr("bitcoin (BTC)"), QStringLiteral("btc"));
    m_unit->setCurrentIndex(WalletSettings::value(QStringLiteral("unit")).toString() == QLatin1String("btc") ? 1 : 0);
    form->addRow(tr("Amounts in:"), m_unit);
    m_expiry = new QSpinBox(this);
    m_expiry->setObjectName(QStringLiteral("defaultExpirySpinBox"));
    m_expiry->setRange(0, 52560);
    m_expiry->setSpecialValueText(tr("the network's default (1008 blocks on mainnet)"));
    m_expiry->setSuffix(tr(" blocks"));
    m_expiry->setValue(WalletSettings::value(QStringLiteral("defaultExpiryBlocks"), 0).toInt());
    form->addRow(tr("New channels: refund after"), m_expiry);

    // The chain.
    const chain::ChainSettings saved = WalletChain::load(WalletSettings::group()); // this wallet's
    auto *chainBox = new QGroupBox(tr("Chain (applies when Spillway starts again)"), this);
    auto *chainForm = new QFormLayout(chainBox);
    m_network = new QComboBox(chainBox);
    m_network->setObjectName(QStringLiteral("networkComboBox"));
    m_network->addItem(tr("Local chain on this computer (no node needed)"), static_cast<int>(NetworkId::Local));
    m_network->addItem(tr("Regtest (your Bitcoin Core node)"), static_cast<int>(NetworkId::Regtest));
    m_network->addItem(tr("Signet (your Bitcoin Core node)"), static_cast<int>(NetworkId::Signet));
    m_network->addItem(tr("Testnet (your Bitcoin Core node)"), static_cast<int>(NetworkId::Testnet));
    m_network->addItem(tr("Testnet4 (your Bitcoin Core node)"), static_cast<int>(NetworkId::Testnet4));
    m_network->addItem(tr("Mainnet: real bitcoin (your Bitcoin Core node)"), static_cast<int>(NetworkId::Main));
    m_network->setCurrentIndex(std::max(0, m_network->findData(static_cast<int>(saved.network))));
    chainForm->addRow(tr("Network:"), m_network);
    m_chainFile = new QLineEdit(saved.chainFile, chainBox);
    m_chainFile->setObjectName(QStringLiteral("chainFileLineEdit"));
    m_chainFile->setPlaceholderText(tr("default: the shared local chain"));
    chainForm->addRow(tr("Local chain file:"), m_chainFile);
    m_rpcUrl = new QLineEdit(saved.rpc.url.toString(), chainBox);
    m_rpcUrl->setObjectName(QStringLiteral("rpcUrlLineEdit"));
    chainForm->addRow(tr("Node RPC address:"), m_rpcUrl);
    m_rpcCookie = new QLineEdit(saved.rpc.cookieFile, chainBox);
    m_rpcCookie->setObjectName(QStringLiteral("rpcCookieLineEdit"));
    chainForm->addRow(tr("Cookie file:"), m_rpcCookie);
    m_rpcUser = new QLineEdit(saved.rpc.user, chainBox);
    m_rpcUser->setObjectName(QStringLiteral("rpcUserLineEdit"));
    m_rpcUser->setPlaceholderText(tr("or a user name (rpcuser)…"));
    chainForm->addRow(tr("RPC user:"), m_rpcUser);
    m_rpcPassword = new QLineEdit(chainBox);
    m_rpcPassword->setObjectName(QStringLiteral("rpcPasswordLineEdit"));
    m_rpcPassword->setEchoMode(QLineEdit::Password);
    m_rpcPassword->setPlaceholderText(tr("kept in the OS keychain"));
    chainForm->addRow(tr("RPC password:"), m_rpcPassword);
    m_test = new QPushButton(tr("Test connection"), chainBox);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_testResult = new QLabel(chainBox);
    m_testResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chainForm->addRow(m_test, m_testResult);
    layout->addWidget(chainBox);
    connect(m_network, &QComboBox::currentIndexChanged, this, &SettingsDialog::networkChanged);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    networkChanged();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::networkChanged()
{
    const auto net = static_cast<NetworkId>(m_network->currentData().toInt());
    const bool local = net == NetworkId::Local;
    m_chainFile->setEnabled(local);
    for (QLineEdit *e : {m_rpcUrl, m_rpcCookie, m_rpcUser, m_rpcPassword})
        e->setEnabled(!local);
    if (!local) {
        m_rpcUrl->setPlaceholderText(chain::defaultRpcUrl(net).toString());
        m_rpcCookie->setPlaceholderText(chain::defaultCookieFile(net));
    }
    m_testResult->clear();
}

chain::ChainSettings SettingsDialog::chainSettings() const
{
    chain::ChainSettings c;
    c.network = static_cast<NetworkId>(m_network->currentData().toInt());
    c.chainFile = m_chainFile->text().trimmed();
    c.rpc.url = QUrl(m_rpcUrl->text().trimmed());
    c.rpc.cookieFile = m_rpcCookie->text().trimmed();
    c.rpc.user = m_rpcUser->text().trimmed();
    c.rpc.password = m_rpcPassword->text();
    c.rpc.timeoutMs = 10000;
    c.rpc.retries = 0;
    c.pollMs = 0;
    return c;
}

void SettingsDialog::testConnection()
{
    chain::ChainSettings c = chainSettings();
    if (c.isLocal() || c.rpc.user.isEmpty() || !c.rpc.password.isEmpty())
        return probe(c);
    // The saved password, from the OS keychain without blocking the window.
    m_test->setEnabled(false);
    store::SeedKeychain::read(chain::rpcPasswordKey(c.network), this, [this, c](Result<SecretBytes> pw) mutable {
        if (pw)
            c.rpc.password = QString::fromUtf8(reinterpret_cast<const char *>(pw->data()), static_cast<qsizetype>(pw->size()));
        probe(c);
    });
}

void SettingsDialog::probe(const chain::ChainSettings &c)
{
    auto backend = chain::makeBackend(c);
    if (!backend) {
        m_test->setEnabled(true);
        m_testResult->setText(errorText(backend.error()));
        Q_EMIT connectionTested(false, m_testResult->text());
        return;
    }
    m_probe = std::shared_ptr<chain::ChainBackend>(std::move(*backend));
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    auto done = [this](bool ok, const QString &text) {
        m_test->setEnabled(true);
        m_testResult->setText(text);
        Q_EMIT connectionTested(ok, text);
    };
    // A QFutureWatcher, not QFuture::then(this, …) with its future dropped: in Qt 6.4 that
    // continuation crashed now and then when the answer raced the dialog (seen in the QR tests).
    if (auto *node = qobject_cast<chain::CoreRpcBackend *>(m_probe.get())) {
        auto *watcher = new QFutureWatcher<Result<chain::NodeInfo>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, done, watcher, probe = m_probe] {
            const Result<chain::NodeInfo> r = watcher->result();
            watcher->deleteLater();
            if (!r)
                return done(false, tr("Could not use the node: %1").arg(errorText(r.error())));
            done(true, tr("Connected: %1 chain at height %2, node %3.").arg(r->chain).arg(r->height).arg(r->version));
        });
        watcher->setFuture(node->nodeInfo());
    } else {
        auto *watcher = new QFutureWatcher<Result<chain::ChainTip>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, done, watcher, probe = m_probe] {
            const Result<chain::ChainTip> r = watcher->result();
            watcher->deleteLater();
            if (!r)
                return done(false, errorText(r.error()));
            done(true, tr("Local chain at height %1.").arg(r->height));
        });
        watcher->setFuture(m_probe->tip());
    }
}

void SettingsDialog::addSection(QWidget *section)
{
    m_sections->addWidget(section);
}

void SettingsDialog::showEvent(QShowEvent *e)
{
    if (!m_sized) {
        m_sized = true;
        const QSize want = m_body->sizeHint() + QSize(40, 80);
        const QRect screen = (windowHandle() && windowHandle()->screen() ? windowHandle()->screen() : QGuiApplication::primaryScreen())->availableGeometry();
        resize(std::min(want.width(), screen.width() * 9 / 10), std::min(want.height(), screen.height() * 9 / 10));
    }
    QDialog::showEvent(e);
}

bool SettingsDialog::save() const
{
    QSettings s;
    const QString before = s.value(QStringLiteral("language"), QLocale::system().name()).toString();
    const QString lang = m_language->currentData().toString();
    s.setValue(QStringLiteral("language"), lang);
    // The unit and the expiry are this wallet's; the language is the person's (global).
    WalletSettings::setValue(QStringLiteral("unit"), m_unit->currentData().toString());
    WalletSettings::setValue(QStringLiteral("defaultExpiryBlocks"), m_expiry->value());
    const chain::ChainSettings was = WalletChain::load(WalletSettings::group());
    // A password typed into the URL goes to the keychain like the password field's.
    const chain::ChainSettings now = chain::withoutUrlCredentials(chainSettings());
    if (now.network == was.network || WalletSettings::group().isEmpty()) {
        WalletChain::save(WalletSettings::group(), now);
    } else {
        // A wallet belongs to one network: another network is another wallet, the one
        // opened from then on (its default data directory), with these settings.
        const QString other = chain::defaultDataDir(now.network);
        WalletChain::save(WalletSettings::groupFor(other), now);
        WalletChain::setDefaultWallet(other);
    }
    if (!now.isLocal() && !now.rpc.user.isEmpty() && !now.rpc.password.isEmpty()) {
        const QByteArray pw = now.rpc.password.toUtf8();
        (void)store::SeedKeychain::writeBlocking(chain::rpcPasswordKey(now.network), SecretBytes(ByteView(reinterpret_cast<const uint8_t *>(pw.constData()), static_cast<size_t>(pw.size()))));
    }
    const bool chainChanged = was.network != now.network || was.chainFile != now.chainFile || was.rpc.url != now.rpc.url ||
                              was.rpc.cookieFile != now.rpc.cookieFile || was.rpc.user != now.rpc.user || !now.rpc.password.isEmpty();
    return !before.startsWith(lang.left(2)) || chainChanged;
}

} // namespace spillway::ui
