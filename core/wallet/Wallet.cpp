#include "Wallet.h"

#include "chain/ScanState.h"

#include "bitcoin/Address.h"
#include "bitcoin/Bip39.h"
#include "bitcoin/Interpreter.h"
#include "store/SeedKeychain.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QUuid>

#include <algorithm>

#include <map>
#include <set>

namespace spillway::wallet {

using namespace bitcoin;
using store::SqliteDatabase;
using store::toBlob;

namespace {

constexpr int kCoinbaseMaturity = 100;

const std::vector<SqliteDatabase::Migration> &migrations()
{
    static const std::vector<SqliteDatabase::Migration> m = {
        {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE addresses(chain INTEGER NOT NULL, idx INTEGER NOT NULL, script BLOB NOT NULL UNIQUE, "
                           "address TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0, issued INTEGER NOT NULL DEFAULT 0, "
                           "PRIMARY KEY(chain, idx))"),
            QStringLiteral("CREATE TABLE utxos(txid BLOB NOT NULL, vout INTEGER NOT NULL, value INTEGER NOT NULL, "
                           "script BLOB NOT NULL, height INTEGER, coinbase INTEGER NOT NULL, reserved_by BLOB, "
                           "PRIMARY KEY(txid, vout))"),
            QStringLiteral("CREATE TABLE history(txid BLOB PRIMARY KEY, kind TEXT NOT NULL, amount INTEGER NOT NULL, "
                           "fee INTEGER NOT NULL, height INTEGER, time INTEGER NOT NULL, address TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE pending(txid BLOB PRIMARY KEY, raw BLOB NOT NULL, created INTEGER NOT NULL)"),
        },
    };
    return m;
}

QString walletFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("wallet.sqlite"));
}

Hash256 hashOf(const QByteArray &a)
{
    Hash256 h{};
    if (a.size() == 32)
        std::copy(a.begin(), a.end(), h.begin());
    return h;
}


Status initialize(const QString &dataDir, chain::ChainBackend &chain, const SecretBytes &seed, int birthHeight,
                  const SecretBytes &entropy)
{
    if (Wallet::exists(dataDir))
        return makeError(ErrorCode::WalletExists, dataDir.toStdString());
    auto master = ExtendedPrivateKey::fromSeed(seed.view());
    if (!master)
        return master.error();
    const Network &net = chain.network();
    auto account = master->derivePath({84 | kHardened, net.coinType | kHardened, 0 | kHardened});
    if (!account)
        return account.error();
    const QString walletId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // The seed goes to the keychain first: if that fails, nothing is written to disk.
    SPW_TRY(store::SeedKeychain::writeBlocking(seedEntry(walletId), seed));
    // And the phrase's entropy beside it, so that Wallet → Show recovery phrase can
    // show the words again (the seed cannot give them back).
    SPW_TRY(store::SeedKeychain::writeBlocking(phraseEntry(walletId), entropy));

    SqliteDatabase db;
    Status st = db.open(walletFile(dataDir), migrations());
    if (st.ok()) {
        st = db.transaction([&]() -> Status {
            QSqlQuery q = db.query();
            q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
            const std::pair<QString, QString> rows[] = {
                {QStringLiteral("wallet_id"), walletId},
                {QStringLiteral("network"), QString::fromLatin1(net.name.data(), static_cast<qsizetype>(net.name.size()))},
                {QStringLiteral("account_xpub"), QString::fromStdString(account->neuter().encode(net.xpubVersion))},
                {QStringLiteral("birth_height"), QString::number(birthHeight)},
                {QStringLiteral("created"), QString::number(QDateTime::currentSecsSinceEpoch())},
            };
            for (const auto &[k, v] : rows) {
                q.addBindValue(k);
                q.addBindValue(v);
                SPW_TRY(SqliteDatabase::run(q, "wallet meta"));
            }
            return {};
        });
    }
    if (!st.ok()) {
        db.close();
        QFile::remove(walletFile(dataDir));
        (void)store::SeedKeychain::removeBlocking(seedEntry(walletId));
        (void)store::SeedKeychain::removeBlocking(phraseEntry(walletId));
        return st;
    }
    return {};
}

} // namespace

Wallet::Wallet(QString dataDir, chain::ChainBackend &chain) : m_dataDir(std::move(dataDir)), m_chain(chain) {}

Wallet::~Wallet() = default;

bool Wallet::exists(const QString &dataDir)
{
    return QFile::exists(walletFile(dataDir));
}

Result<SecretBytes> Wallet::create(const QString &dataDir, chain::ChainBackend &chain, int words)
{
    if (exists(dataDir))
        return makeError(ErrorCode::WalletExists, dataDir.toStdString());
    auto tip = chain::await(chain.tip());
    if (!tip)
        return tip.error();
    SecretBytes mnemonic = generateMnemonic(words);
    const std::string_view text(reinterpret_cast<const char *>(mnemonic.data()), mnemonic.size());
    const SecretBytes seed = mnemonicToSeed(text);
    auto entropy = mnemonicToEntropy(text);
    if (!entropy)
        return entropy.error();
    SPW_TRY(initialize(dataDir, chain, seed, tip->height, *entropy));
    return mnemonic;
}

Status Wallet::restore(const QString &dataDir, chain::ChainBackend &chain, std::string_view mnemonic,
                       std::string_view passphrase, int birthHeight)
{
    auto entropy = mnemonicToEntropy(mnemonic);
    if (!entropy)
        return entropy.error();
    const SecretBytes seed = mnemonicToSeed(mnemonic, passphrase);
    // A restored wallet may have coins anywhere after its birthday (0: from the start).
    return initialize(dataDir, chain, seed, std::max(0, birthHeight), *entropy);
}


Result<std::unique_ptr<Wallet>> Wallet::open(const QString &dataDir, chain::ChainBackend &chain)
{
    if (!exists(dataDir))
        return makeError(ErrorCode::NoWallet, dataDir.toStdString());
    std::unique_ptr<Wallet> w(new Wallet(dataDir, chain));
    SPW_TRY(w->load());
    return w;
}

Status Wallet::load()
{
    SPW_TRY(m_db.open(walletFile(m_dataDir), migrations()));
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return makeError(ErrorCode::StorageFailed, "wallet meta");
    std::map<QString, QString> meta;
    while (q.next())
        meta[q.value(0).toString()] = q.value(1).toString();
    m_walletId = meta[QStringLiteral("wallet_id")];
    const QString netName = meta[QStringLiteral("network")];
    const Network &net = network();
    if (netName != QString::fromLatin1(net.name.data(), static_cast<qsizetype>(net.name.size())))
        return makeError(ErrorCode::WrongNetwork, "the wallet is for " + netName.toStdString() + ", the chain is " + std::string(net.name));
    auto xpub = ExtendedPublicKey::decode(meta[QStringLiteral("account_xpub")].toStdString(), net.xpubVersion);
    if (!xpub)
        return xpub.error();
    m_accountXpub = *xpub;
    // Backends that read blocks start at the birthday (a few blocks early, in case of a reorg then).
    m_chain.setScanStart(std::max(0, meta[QStringLiteral("birth_height")].toInt() - kBirthdayMargin));
    m_chain.setScanStateFile(QDir(m_dataDir).filePath(QString::fromLatin1(chain::kScanStateFileName)));
    SPW_TRY(ensureGap(0));
    SPW_TRY(ensureGap(1));
    return {};
}

Status Wallet::ensureGap(int chainIndex)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(CASE WHEN used OR issued THEN idx END), -1), COALESCE(MAX(idx), -1) "
                             "FROM addresses WHERE chain = ?"));
    q.addBindValue(chainIndex);
    SPW_TRY(SqliteDatabase::run(q, "address gap"));
    q.next();
    const int lastUsed = q.value(0).toInt();
    const int lastDerived = q.value(1).toInt();
    const int want = lastUsed + kGapLimit;
    if (lastDerived >= want)
        return {};
    auto branch = m_accountXpub.derive(static_cast<uint32_t>(chainIndex));
    if (!branch)
        return branch.error();
    return m_db.transaction([&]() -> Status {
        QSqlQuery ins = m_db.query();
        ins.prepare(QStringLiteral("INSERT INTO addresses(chain, idx, script, address) VALUES(?, ?, ?, ?)"));
        for (int i = lastDerived + 1; i <= want; ++i) {
            auto child = branch->derive(static_cast<uint32_t>(i));
            if (!child)
                return child.error();
            const Script spk = p2wpkh(child->key.hash());
            ins.addBindValue(chainIndex);
            ins.addBindValue(i);
            ins.addBindValue(toBlob(spk.bytes()));
            ins.addBindValue(QString::fromStdString(encodeAddress(spk, network()).value_or("")));
            SPW_TRY(SqliteDatabase::run(ins, "derive address"));
        }
        return {};
    });
}

std::vector<Script> Wallet::allScripts()
{
    std::vector<Script> out;
    QSqlQuery q = m_db.query();
    q.exec(QStringLiteral("SELECT script FROM addresses"));
    while (q.next()) {
        const QByteArray b = q.value(0).toByteArray();
        out.emplace_back(Bytes(b.begin(), b.end()));
    }
    return out;
}

Status Wallet::sync()
{
    for (int round = 0; round < 50; ++round) {
        SPW_TRY(ensureGap(0));
        SPW_TRY(ensureGap(1));
        auto utxos = chain::await(m_chain.unspentOutputs(allScripts()));
        if (!utxos)
            return utxos.error();
        bool newlyUsed = false;
        Status st = m_db.transaction([&]() -> Status {
            std::set<std::pair<QByteArray, qint64>> onChain;
            std::map<QByteArray, std::pair<int64_t, chain::Utxo>> received; // txid -> sum, example
            QSqlQuery find = m_db.query();
            find.prepare(QStringLiteral("SELECT height FROM utxos WHERE txid = ? AND vout = ?"));
            QSqlQuery ins = m_db.query();
            ins.prepare(QStringLiteral("INSERT INTO utxos(txid, vout, value, script, height, coinbase) VALUES(?, ?, ?, ?, ?, ?)"));
            QSqlQuery upd = m_db.query();
            upd.prepare(QStringLiteral("UPDATE utxos SET height = ? WHERE txid = ? AND vout = ?"));
            QSqlQuery mark = m_db.query();
            mark.prepare(QStringLiteral("UPDATE addresses SET used = 1 WHERE script = ? AND used = 0"));
            for (const auto &u : *utxos) {
                const QByteArray txid = toBlob(u.outpoint.txid);
                onChain.insert({txid, u.outpoint.index});
                const QVariant height = u.height < 0 ? QVariant() : QVariant(u.height);
                find.addBindValue(txid);
                find.addBindValue(static_cast<qint64>(u.outpoint.index));
                SPW_TRY(SqliteDatabase::run(find, "utxo lookup"));
                if (find.next()) {
                    upd.addBindValue(height);
                    upd.addBindValue(txid);
                    upd.addBindValue(static_cast<qint64>(u.outpoint.index));
                    SPW_TRY(SqliteDatabase::run(upd, "utxo height"));
                } else {
                    ins.addBindValue(txid);
                    ins.addBindValue(static_cast<qint64>(u.outpoint.index));
                    ins.addBindValue(static_cast<qint64>(u.output.value.sat()));
                    ins.addBindValue(toBlob(u.output.scriptPubKey.bytes()));
                    ins.addBindValue(height);
                    ins.addBindValue(u.coinbase ? 1 : 0);
                    SPW_TRY(SqliteDatabase::run(ins, "utxo insert"));
                    auto &r = received[txid];
                    r.first += u.output.value.sat();
                    r.second = u;
                }
                mark.addBindValue(toBlob(u.output.scriptPubKey.bytes()));
                SPW_TRY(SqliteDatabase::run(mark, "address used"));
                if (mark.numRowsAffected() > 0)
                    newlyUsed = true;
            }
            // Coins no longer unspent on the chain were spent (by us or by a copy of this wallet).
            QSqlQuery all = m_db.query();
            SPW_TRY(all.exec(QStringLiteral("SELECT txid, vout FROM utxos")) ? Status{} : makeError(ErrorCode::StorageFailed, "utxos"));
            std::vector<std::pair<QByteArray, qint64>> gone;
            while (all.next()) {
                std::pair<QByteArray, qint64> key{all.value(0).toByteArray(), all.value(1).toLongLong()};
                if (!onChain.count(key))
                    gone.push_back(key);
            }
            QSqlQuery del = m_db.query();
            del.prepare(QStringLiteral("DELETE FROM utxos WHERE txid = ? AND vout = ?"));
            for (const auto &[t, v] : gone) {
                del.addBindValue(t);
                del.addBindValue(v);
                SPW_TRY(SqliteDatabase::run(del, "utxo spent"));
            }
            // History for incoming transactions we did not send ourselves.
            QSqlQuery hist = m_db.query();
            hist.prepare(QStringLiteral("INSERT OR IGNORE INTO history(txid, kind, amount, fee, height, time, address) "
                                        "VALUES(?, ?, ?, 0, ?, ?, (SELECT address FROM addresses WHERE script = ?))"));
            for (const auto &[txid, r] : received) {
                hist.addBindValue(txid);
                hist.addBindValue(r.second.coinbase ? QStringLiteral("mined") : QStringLiteral("receive"));
                hist.addBindValue(static_cast<qint64>(r.first));
                hist.addBindValue(r.second.height < 0 ? QVariant() : QVariant(r.second.height));
                hist.addBindValue(QDateTime::currentSecsSinceEpoch());
                hist.addBindValue(toBlob(r.second.output.scriptPubKey.bytes()));
                SPW_TRY(SqliteDatabase::run(hist, "history"));
            }
            return {};
        });
        SPW_TRY(st);
        if (!newlyUsed)
            break;
    }

    // Unconfirmed and recent history: confirmations, blocks a reorg took away,
    // and sends that never reached the chain.
    auto tip = chain::await(m_chain.tip());
    if (!tip)
        return tip.error();
    QSqlQuery open = m_db.query();
    open.prepare(QStringLiteral("SELECT h.txid, p.raw, h.height FROM history h LEFT JOIN pending p ON p.txid = h.txid "
                                "WHERE h.height IS NULL OR h.height > ?"));
    open.addBindValue(tip->height - kBirthdayMargin);
    SPW_TRY(SqliteDatabase::run(open, "history"));
    struct Row {
        QByteArray txid, raw;
        QVariant height;
    };
    std::vector<Row> rows;
    while (open.next())
        rows.push_back({open.value(0).toByteArray(), open.value(1).toByteArray(), open.value(2)});
    for (const auto &row : rows) {
        const QByteArray &txid = row.txid;
        const QByteArray &raw = row.raw;
        auto status = chain::await(m_chain.transactionStatus(hashOf(txid)));
        if (!status)
            return status.error();
        if (!row.height.isNull() && status->blockHeight != row.height.toInt()) {
            // Its block left the best chain (it may be in a block again below).
            QSqlQuery u = m_db.query();
            u.prepare(QStringLiteral("UPDATE history SET height = NULL WHERE txid = ?"));
            u.addBindValue(txid);
            SPW_TRY(SqliteDatabase::run(u, "history reorg"));
        }
        if (!status->known && !raw.isEmpty()) {
            // Stored before broadcast, then interrupted: send it again.
            if (auto tx = Transaction::parse(Bytes(raw.begin(), raw.end())); tx)
                (void)chain::await(m_chain.broadcast(*tx));
            continue;
        }
        if (status->blockHeight >= 0 && status->blockHeight != (row.height.isNull() ? -1 : row.height.toInt())) {
            SPW_TRY(m_db.transaction([&]() -> Status {
                QSqlQuery u = m_db.query();
                u.prepare(QStringLiteral("UPDATE history SET height = ? WHERE txid = ?"));
                u.addBindValue(status->blockHeight);
                u.addBindValue(txid);
                SPW_TRY(SqliteDatabase::run(u, "history height"));
                QSqlQuery d = m_db.query();
                d.prepare(QStringLiteral("DELETE FROM pending WHERE txid = ?"));
                d.addBindValue(txid);
                return SqliteDatabase::run(d, "pending");
            }));
        }
    }
    return {};
}

Result<QString> Wallet::newReceiveAddress()
{
    QString address;
    SPW_TRY(m_db.transaction([&]() -> Status {
        QSqlQuery q = m_db.query();
        if (!q.exec(QStringLiteral("SELECT idx, address FROM addresses WHERE chain = 0 AND used = 0 AND issued = 0 ORDER BY idx LIMIT 1")) ||
            !q.next())
            return makeError(ErrorCode::StorageFailed, "no fresh address");
        const int idx = q.value(0).toInt();
        address = q.value(1).toString();
        QSqlQuery u = m_db.query();
        u.prepare(QStringLiteral("UPDATE addresses SET issued = 1 WHERE chain = 0 AND idx = ?"));
        u.addBindValue(idx);
        return SqliteDatabase::run(u, "issue address");
    }));
    SPW_TRY(ensureGap(0));
    return address;
}

Result<Balance> Wallet::balance()
{
    auto tip = chain::await(m_chain.tip());
    if (!tip)
        return tip.error();
    Balance b;
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT value, height, coinbase FROM utxos WHERE reserved_by IS NULL")))
        return makeError(ErrorCode::StorageFailed, "balance");
    while (q.next()) {
        const int64_t value = q.value(0).toLongLong();
        if (q.value(1).isNull()) {
            b.unconfirmed += value;
            continue;
        }
        const int conf = tip->height - q.value(1).toInt() + 1;
        if (q.value(2).toInt() && conf < kCoinbaseMaturity)
            b.immature += value;
        else
            b.confirmed += value;
    }
    return b;
}

Result<std::vector<HistoryEntry>> Wallet::history()
{
    std::vector<HistoryEntry> out;
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT txid, kind, amount, fee, height, time, address FROM history "
                               "ORDER BY COALESCE(height, 2147483647), time, rowid")))
        return makeError(ErrorCode::StorageFailed, "history");
    while (q.next()) {
        HistoryEntry e;
        e.txid = hashOf(q.value(0).toByteArray());
        e.kind = q.value(1).toString();
        e.amount = q.value(2).toLongLong();
        e.fee = q.value(3).toLongLong();
        e.height = q.value(4).isNull() ? -1 : q.value(4).toInt();
        e.time = q.value(5).toLongLong();
        e.address = q.value(6).toString();
        out.push_back(e);
    }
    return out;
}

Result<ExtendedPrivateKey> Wallet::master()
{
    auto seed = readSecret(seedEntry(m_walletId));
    if (!seed)
        return seed.error();
    return ExtendedPrivateKey::fromSeed(seed->view());
}

Result<PrivateKey> Wallet::keyForScript(const Script &script)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT chain, idx FROM addresses WHERE script = ?"));
    q.addBindValue(toBlob(script.bytes()));
    SPW_TRY(SqliteDatabase::run(q, "key lookup"));
    if (!q.next())
        return makeError(ErrorCode::NotFound, "not a wallet script");
    auto m = master();
    if (!m)
        return m.error();
    auto node = m->derivePath(bip84Path(network(), 0, q.value(0).toUInt(), q.value(1).toUInt()));
    if (!node)
        return node.error();
    return node->key;
}

Result<PrivateKey> Wallet::channelKey(uint32_t index)
{
    auto branch = channelBranch();
    if (!branch)
        return branch.error();
    auto node = branch->derive(index | kHardened);
    if (!node)
        return node.error();
    return node->key;
}

Result<SendResult> Wallet::send(const QString &address, Amount amount, std::optional<chain::FeeRate> feeRate)
{
    auto dest = decodeAddress(address.trimmed().toStdString(), network());
    if (!dest)
        return dest.error();
    if (amount.sat() <= 0 || !amount.inMoneyRange())
        return makeError(ErrorCode::InvalidAmount, "the amount must be positive");
    if (amount.sat() < dustThreshold(*dest))
        return makeError(ErrorCode::TxDust, "at least " + std::to_string(dustThreshold(*dest)) + " sat to this address");
    auto prepared = prepare({TxOut{amount, *dest}}, feeRate);
    if (!prepared)
        return prepared.error();
    SPW_TRY(commit(*prepared, QStringLiteral("send"), -amount.sat(), address.trimmed()));
    auto sent = broadcast(prepared->tx);
    if (!sent)
        return sent.error();
    SPW_TRY(sync());
    return SendResult{*sent, amount.sat(), prepared->fee, prepared->change, prepared->tx.vsize()};
}

Result<Wallet::Prepared> Wallet::prepareSend(const QString &address, std::optional<Amount> amount, std::optional<chain::FeeRate> feeRate)
{
    auto dest = decodeAddress(address.trimmed().toStdString(), network());
    if (!dest)
        return dest.error();
    if (!feeRate) {
        auto est = chain::await(m_chain.estimateFeeRate(6));
        if (!est)
            return est.error();
        feeRate = *est;
    }
    int64_t value = 0;
    if (amount) {
        if (amount->sat() <= 0 || !amount->inMoneyRange())
            return makeError(ErrorCode::InvalidAmount, "the amount must be positive");
        value = amount->sat();
    } else {
        // Max: what every spendable coin (as prepare() picks them) pays after the fee
        // of spending them all to one output.
        SPW_TRY(sync());
        auto tip = chain::await(m_chain.tip());
        if (!tip)
            return tip.error();
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("SELECT COALESCE(SUM(value), 0), COUNT(*) FROM utxos WHERE reserved_by IS NULL AND height IS NOT NULL "
                                 "AND (coinbase = 0 OR ? - height + 1 >= ?)"));
        q.addBindValue(tip->height);
        q.addBindValue(kCoinbaseMaturity);
        SPW_TRY(SqliteDatabase::run(q, "coins"));
        if (!q.next() || q.value(1).toLongLong() == 0)
            return makeError(ErrorCode::InsufficientFunds, "no confirmed coins");
        const int64_t vsize = 11 + 68 * q.value(1).toLongLong() + 8 + 1 + static_cast<int64_t>(dest->size());
        value = q.value(0).toLongLong() - feeRate->feeFor(vsize);
    }
    if (value < dustThreshold(*dest))
        return makeError(amount ? ErrorCode::TxDust : ErrorCode::InsufficientFunds,
                         "at least " + std::to_string(dustThreshold(*dest)) + " sat to this address");
    return prepare({TxOut{Amount::fromSat(value), *dest}}, feeRate);
}

Result<SendResult> Wallet::sendPrepared(const Prepared &prepared, const QString &address)
{
    // The coins it spends must still be ours and free: a channel funding or a CLI
    // command may have taken one since it was shown.
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT 1 FROM utxos WHERE txid = ? AND vout = ? AND reserved_by IS NULL"));
    for (const auto &op : prepared.spent) {
        q.addBindValue(toBlob(op.txid));
        q.addBindValue(static_cast<qint64>(op.index));
        SPW_TRY(SqliteDatabase::run(q, "coins"));
        if (!q.next())
            return makeError(ErrorCode::InsufficientFunds, "a coin of this payment was spent since it was shown");
    }
    if (prepared.tx.outputs.empty())
        return makeError(ErrorCode::InvalidTransaction, "no output");
    const int64_t amount = prepared.tx.outputs.front().value.sat();
    SPW_TRY(commit(prepared, QStringLiteral("send"), -amount, address.trimmed()));
    auto sent = broadcast(prepared.tx);
    if (!sent)
        return sent.error();
    SPW_TRY(sync());
    return SendResult{*sent, amount, prepared.fee, prepared.change, prepared.tx.vsize()};
}

Result<Wallet::Prepared> Wallet::prepare(const std::vector<TxOut> &outputs, std::optional<chain::FeeRate> feeRate, bool requireChange,
                                        const std::vector<OwnInput> &forced, int64_t extraFee)
{
    int64_t amount = 0;
    int64_t outputsSize = 0;
    for (const auto &o : outputs) {
        if (o.value.sat() < dustThreshold(o.scriptPubKey))
            return makeError(ErrorCode::TxDust, "an output is below its dust threshold");
        amount += o.value.sat();
        outputsSize += 8 + 1 + static_cast<int64_t>(o.scriptPubKey.size());
    }
    if (!feeRate) {
        auto est = chain::await(m_chain.estimateFeeRate(6));
        if (!est)
            return est.error();
        feeRate = *est;
    }
    SPW_TRY(sync());
    auto tip = chain::await(m_chain.tip());
    if (!tip)
        return tip.error();

    struct Coin {
        OutPoint op;
        TxOut out;
    };
    std::vector<Coin> coins;
    for (const auto &f : forced)
        coins.push_back(Coin{f.outpoint, f.output});
    {
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("SELECT txid, vout, value, script FROM utxos WHERE reserved_by IS NULL AND height IS NOT NULL "
                                 "AND (coinbase = 0 OR ? - height + 1 >= ?) ORDER BY value DESC"));
        q.addBindValue(tip->height);
        q.addBindValue(kCoinbaseMaturity);
        SPW_TRY(SqliteDatabase::run(q, "coins"));
        while (q.next()) {
            const QByteArray s = q.value(3).toByteArray();
            const OutPoint op{hashOf(q.value(0).toByteArray()), static_cast<uint32_t>(q.value(1).toLongLong())};
            if (std::any_of(forced.begin(), forced.end(), [&](const OwnInput &f) { return f.outpoint == op; }))
                continue;
            coins.push_back(Coin{op, TxOut{Amount::fromSat(q.value(2).toLongLong()), Script(Bytes(s.begin(), s.end()))}});
        }
    }
    // Largest first; sizes as Core counts a P2WPKH input (68 vB) and the outputs.
    const int64_t changeOut = 31;
    std::vector<Coin> chosen;
    int64_t total = 0, fee = 0, change = 0;
    bool enough = false;
    for (const auto &c : coins) {
        chosen.push_back(c);
        total += c.out.value.sat();
        const int64_t base = 11 + 68 * static_cast<int64_t>(chosen.size()) + outputsSize;
        const int64_t feeWithChange = feeRate->feeFor(base + changeOut) + extraFee;
        const int64_t feeNoChange = feeRate->feeFor(base) + extraFee;
        if (chosen.size() < forced.size())
            continue; // every forced input first
        if (total >= amount + feeWithChange + 294) {
            fee = feeWithChange;
            change = total - amount - fee;
            enough = true;
            break;
        }
        if (!requireChange && total >= amount + feeNoChange) {
            fee = total - amount; // the remainder would be dust: it goes to the fee
            change = 0;
            enough = true;
            break;
        }
    }
    if (!enough)
        return makeError(ErrorCode::InsufficientFunds,
                         "need " + std::to_string(amount) + " sat plus fee" + (requireChange ? " and a change output" : ""));
    if (forced.empty()) {
        // What stays confirmed must cover the fee reserve (a bump child, with forced inputs, may use it).
        auto reserve = feeReserve();
        if (!reserve)
            return reserve.error();
        int64_t confirmed = 0;
        for (const auto &c : coins)
            confirmed += c.out.value.sat();
        if (*reserve > 0 && confirmed - total < *reserve)
            return makeError(ErrorCode::InsufficientFunds, "this would leave less than the " + std::to_string(*reserve) +
                                                               " sat kept in reserve for fee bumps (wallet reserve)");
    }

    Prepared p;
    Transaction &tx = p.tx;
    tx.version = 2;
    tx.lockTime = static_cast<uint32_t>(tip->height); // as Core: discourages fee sniping
    for (const auto &c : chosen) {
        TxIn in;
        in.prevout = c.op;
        in.sequence = 0xfffffffd;
        tx.inputs.push_back(in);
        p.spent.push_back(c.op);
    }
    if (outputs.empty() && change == 0)
        return makeError(ErrorCode::InsufficientFunds, "nothing would be left for the change output");
    tx.outputs = outputs;
    if (change > 0) {
        QSqlQuery q = m_db.query();
        if (!q.exec(QStringLiteral("SELECT idx, script FROM addresses WHERE chain = 1 AND used = 0 AND issued = 0 ORDER BY idx LIMIT 1")) || !q.next())
            return makeError(ErrorCode::StorageFailed, "no change address");
        const QByteArray s = q.value(1).toByteArray();
        tx.outputs.push_back(TxOut{Amount::fromSat(change), Script(Bytes(s.begin(), s.end()))});
        QSqlQuery u = m_db.query();
        u.prepare(QStringLiteral("UPDATE addresses SET issued = 1 WHERE chain = 1 AND idx = ?"));
        u.addBindValue(q.value(0));
        SPW_TRY(SqliteDatabase::run(u, "change address"));
    }

    std::vector<TxOut> spentOutputs;
    for (const auto &c : chosen)
        spentOutputs.push_back(c.out);
    SPW_TRY(signInputs(tx, spentOutputs));
    if (fee < feeRate->feeFor(static_cast<int64_t>(tx.vsize())))
        return makeError(ErrorCode::TxFeeTooLow, "estimate below the real size");
    p.fee = fee;
    p.change = change;
    p.feeRateSatPerKvB = feeRate->satPerKvB;
    return p;
}

Status Wallet::signInputs(Transaction &tx, const std::vector<TxOut> &spent)
{
    if (spent.size() != tx.inputs.size())
        return makeError(ErrorCode::InvalidArgument, "one spent output per input");
    auto m = master();
    if (!m)
        return m.error();
    const SighashCache cache(tx);
    for (size_t i = 0; i < spent.size(); ++i) {
        QSqlQuery q = m_db.query();
        q.prepare(QStringLiteral("SELECT chain, idx FROM addresses WHERE script = ?"));
        q.addBindValue(toBlob(spent[i].scriptPubKey.bytes()));
        SPW_TRY(SqliteDatabase::run(q, "key lookup"));
        if (!q.next())
            return makeError(ErrorCode::NotFound, "a coin's key is missing");
        auto node = m->derivePath(bip84Path(network(), 0, q.value(0).toUInt(), q.value(1).toUInt()));
        if (!node)
            return node.error();
        const PublicKey pub = node->key.publicKey();
        Bytes sig = node->key.signDer(segwitV0Sighash(tx, i, p2pkh(pub.hash()).bytes(), spent[i].value, SIGHASH_ALL, &cache));
        sig.push_back(SIGHASH_ALL);
        tx.inputs[i].witness = {sig, pub.bytes()};
    }
    const SighashCache signedCache(tx);
    for (size_t i = 0; i < spent.size(); ++i) {
        const ScriptError err = verifyInput(tx, i, spent[i], kStandardFlags, &signedCache);
        if (err != ScriptError::OK)
            return makeError(ErrorCode::ScriptFailed, std::string(scriptErrorName(err)));
    }
    return {};
}

Status Wallet::reserve(const Prepared &prepared)
{
    const QByteArray txidBlob = toBlob(prepared.tx.txid());
    return m_db.transaction([&]() -> Status {
        QSqlQuery r = m_db.query();
        r.prepare(QStringLiteral("UPDATE utxos SET reserved_by = ? WHERE txid = ? AND vout = ?"));
        for (const auto &op : prepared.spent) {
            r.addBindValue(txidBlob);
            r.addBindValue(toBlob(op.txid));
            r.addBindValue(static_cast<qint64>(op.index));
            SPW_TRY(SqliteDatabase::run(r, "reserve"));
        }
        return {};
    });
}

Result<TxOut> Wallet::ownOutput(const OutPoint &outpoint)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT value, script FROM utxos WHERE txid = ? AND vout = ?"));
    q.addBindValue(toBlob(outpoint.txid));
    q.addBindValue(static_cast<qint64>(outpoint.index));
    SPW_TRY(SqliteDatabase::run(q, "own output"));
    if (!q.next())
        return makeError(ErrorCode::NotFound, "not one of our coins: " + outpoint.toString());
    const QByteArray s = q.value(1).toByteArray();
    return TxOut{Amount::fromSat(q.value(0).toLongLong()), Script(Bytes(s.begin(), s.end()))};
}

Status Wallet::commit(const Prepared &prepared, const QString &kind, int64_t amount, const QString &counterparty,
                      std::optional<Hash256> replaces)
{
    const QByteArray txidBlob = toBlob(prepared.tx.txid());
    return m_db.transaction([&]() -> Status {
        // A replacement: the original stays recorded until the node takes this one
        // (broadcast forgets it then; a refusal gives its coins back to it).
        if (replaces)
            m_replacing[prepared.tx.txid()] = *replaces;
        QSqlQuery p = m_db.query();
        p.prepare(QStringLiteral("INSERT INTO pending(txid, raw, created) VALUES(?, ?, ?)"));
        p.addBindValue(txidBlob);
        p.addBindValue(toBlob(prepared.tx.serialize()));
        p.addBindValue(QDateTime::currentSecsSinceEpoch());
        SPW_TRY(SqliteDatabase::run(p, "pending"));
        QSqlQuery r = m_db.query();
        r.prepare(QStringLiteral("UPDATE utxos SET reserved_by = ? WHERE txid = ? AND vout = ?"));
        for (const auto &op : prepared.spent) {
            r.addBindValue(txidBlob);
            r.addBindValue(toBlob(op.txid));
            r.addBindValue(static_cast<qint64>(op.index));
            SPW_TRY(SqliteDatabase::run(r, "reserve"));
        }
        QSqlQuery h = m_db.query();
        h.prepare(QStringLiteral("INSERT INTO history(txid, kind, amount, fee, height, time, address) VALUES(?, ?, ?, ?, NULL, ?, ?)"));
        h.addBindValue(txidBlob);
        h.addBindValue(kind);
        h.addBindValue(static_cast<qint64>(amount));
        h.addBindValue(static_cast<qint64>(prepared.fee));
        h.addBindValue(QDateTime::currentSecsSinceEpoch());
        h.addBindValue(counterparty);
        return SqliteDatabase::run(h, "history");
    });
}

Result<bool> Wallet::isPending(const Hash256 &txid)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT 1 FROM pending WHERE txid = ?"));
    q.addBindValue(toBlob(txid));
    SPW_TRY(SqliteDatabase::run(q, "pending"));
    return q.next();
}

Result<std::optional<Transaction>> Wallet::pendingTransaction(const Hash256 &txid)
{
    QSqlQuery q = m_db.query();
    q.prepare(QStringLiteral("SELECT raw FROM pending WHERE txid = ?"));
    q.addBindValue(toBlob(txid));
    SPW_TRY(SqliteDatabase::run(q, "pending"));
    if (!q.next())
        return std::optional<Transaction>{};
    const QByteArray raw = q.value(0).toByteArray();
    auto tx = Transaction::parse(Bytes(raw.begin(), raw.end()));
    if (!tx)
        return tx.error();
    return std::optional<Transaction>(*tx);
}

Result<int64_t> Wallet::feeOfOwnTransaction(const Transaction &tx)
{
    // Its inputs may have left the coin list already (a sync drops coins spent in the mempool).
    int64_t in = 0, out = 0;
    for (const auto &i : tx.inputs) {
        auto spent = spentOutput(i.prevout);
        if (!spent)
            return makeError(ErrorCode::NotFound, "an input is not one of our coins");
        in += spent->value.sat();
    }
    for (const auto &o : tx.outputs)
        out += o.value.sat();
    return in - out;
}

Result<Hash256> Wallet::broadcast(const Transaction &tx, const std::vector<Transaction> &parents)
{
    Result<Hash256> sent = makeError(ErrorCode::ChainUnavailable);
    if (parents.empty()) {
        sent = chain::await(m_chain.broadcast(tx));
    } else {
        std::vector<Transaction> package = parents;
        package.push_back(tx);
        auto ids = chain::await(m_chain.broadcastPackage(package));
        if (ids)
            sent = tx.txid();
        else
            sent = ids.error();
    }
    // Only a refusal by the node undoes the commit. No answer (a time-out, the node
    // away) may mean it took the transaction: the coins stay spent and the next sync
    // sends it again; freeing them could build a transaction that replaces it (a
    // channel's funding, whose txid a refund already spends).
    const auto code = sent ? ErrorCode::Ok : sent.error().code;
    const bool noAnswer = code == ErrorCode::ChainUnavailable || code == ErrorCode::RpcFailed || code == ErrorCode::NodeBusy ||
                          code == ErrorCode::NodeSyncing || code == ErrorCode::RpcAuthFailed;
    if (!sent && noAnswer)
        return sent.error();
    if (!sent && code == ErrorCode::TxMempoolFull) {
        // A channel's funding below a full mempool's minimum stays committed: the refund
        // already spends its txid, and a child through its change brings it in as a package.
        QSqlQuery k = m_db.query();
        k.prepare(QStringLiteral("SELECT kind FROM history WHERE txid = ?"));
        k.addBindValue(toBlob(tx.txid()));
        SPW_TRY(SqliteDatabase::run(k, "history kind"));
        if (k.next() && k.value(0).toString() == QLatin1String("channel-open"))
            return sent.error();
    }
    const auto replacing = m_replacing.find(tx.txid());
    const std::optional<Hash256> original = replacing == m_replacing.end() ? std::nullopt : std::optional<Hash256>(replacing->second);
    if (replacing != m_replacing.end())
        m_replacing.erase(replacing);
    if (!sent) {
        // Refused: undo, so the coins are spendable again (or go back to the original this
        // one was to replace, which is still in the mempool).
        const QByteArray txidBlob = toBlob(tx.txid());
        (void)m_db.transaction([&]() -> Status {
            for (const char *sql : {"DELETE FROM pending WHERE txid = ?", "DELETE FROM history WHERE txid = ?"}) {
                QSqlQuery q = m_db.query();
                q.prepare(QString::fromLatin1(sql));
                q.addBindValue(txidBlob);
                SPW_TRY(SqliteDatabase::run(q, "undo"));
            }
            QSqlQuery r = m_db.query();
            r.prepare(QStringLiteral("UPDATE utxos SET reserved_by = ? WHERE reserved_by = ?"));
            r.addBindValue(original ? toBlob(*original) : QVariant(QMetaType::fromType<QByteArray>()));
            r.addBindValue(txidBlob);
            return SqliteDatabase::run(r, "undo");
        });
        return sent.error();
    }
    if (original) {
        // Taken: the original is gone from the mempool, and from our records.
        (void)m_db.transaction([&]() -> Status {
            for (const char *sql : {"DELETE FROM pending WHERE txid = ?", "DELETE FROM history WHERE txid = ?",
                                    "UPDATE utxos SET reserved_by = NULL WHERE reserved_by = ?"}) {
                QSqlQuery q = m_db.query();
                q.prepare(QString::fromLatin1(sql));
                q.addBindValue(toBlob(*original));
                SPW_TRY(SqliteDatabase::run(q, "replaced"));
            }
            return {};
        });
    }
    return *sent;
}

} // namespace spillway::wallet
