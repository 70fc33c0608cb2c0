'use strict';
// Starts bcoin 1.0.2 as a regtest node for Spillway's tests, with an in-memory
// chain and JSON-RPC on a loopback port, tuned to behave like Bitcoin Core's
// regtest. Loaded from the npm package; no file of bcoin's is changed. What this
// script changes, and why (docs/testing.md repeats it):
//   1. BIP 34/65/66 from height 1 and CSV + segwit active from the start (bcoin's
//      regtest: 100000000/1351/1251 and BIP 9 signalling, segwit after 432 blocks).
//   2. bech32 addresses with Core's regtest prefix "bcrt" (bcoin: "rb").
//   3. sendrawtransaction puts the transaction through the mempool and answers
//      with Core's error code (-26 rejected, -25 missing inputs, -27 already in
//      the chain) and reject reason; bcoin's own relays it and returns the txid
//      even when the mempool rejects it.
//   4. invalidateblock puts the transactions of the blocks it disconnects (and
//      the mempool's) back into the mempool, as Core does; bcoin's leaves the
//      mempool on the old tip, and its miner then refuses to mine.
//   5. A Core-style cookie file (__cookie__:<random>) in --datadir; the RPC
//      password is the cookie's secret, as with bitcoind's default auth.
// Usage: node start.js --port N --datadir DIR   (prints "ready N" when serving)
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const bcoin = require('bcoin');

function arg(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('port', '18443'));
const datadir = arg('datadir', null);
if (!datadir) {
  process.stderr.write('start.js: --datadir is required\n');
  process.exit(2);
}
fs.mkdirSync(datadir, { recursive: true });

const network = bcoin.Network.get('regtest');
network.block.bip34height = 1;
network.block.bip65height = 1;
network.block.bip66height = 1;
network.addressPrefix.bech32 = 'bcrt';

const secret = crypto.randomBytes(32).toString('hex');
const cookie = path.join(datadir, '.cookie');

const node = new bcoin.FullNode({
  network: 'regtest',
  memory: true,
  workers: false,
  listen: false,
  maxOutbound: 1,
  seeds: [],
  noDiscovery: true,
  httpHost: '127.0.0.1',
  httpPort: port,
  apiKey: secret,
  logLevel: arg('log', 'error'),
  prefix: datadir
});

// 1. Core's regtest has CSV and segwit active from genesis.
const { thresholdStates } = bcoin.blockchain.common;
const getState = node.chain.getState.bind(node.chain);
node.chain.getState = async (prev, deployment) => {
  if (deployment.name === 'segwit' || deployment.name === 'csv')
    return thresholdStates.ACTIVE;
  return getState(prev, deployment);
};

// 3. sendrawtransaction that reports the mempool's verdict as Core does.
const { RPCError } = require('bweb');
delete node.rpc.calls.sendrawtransaction;
node.rpc.add('sendrawtransaction', async (args) => {
  if (args.length < 1 || typeof args[0] !== 'string')
    throw new RPCError(-1, 'sendrawtransaction "hexstring"');
  let tx;
  try {
    tx = bcoin.TX.fromRaw(Buffer.from(args[0], 'hex'));
  } catch (e) {
    throw new RPCError(-22, 'TX decode failed');
  }
  if (await node.chain.hasCoins(tx))
    throw new RPCError(-27, 'Transaction already in block chain');
  if (node.mempool.hasEntry(tx.hash()))
    return tx.txid();
  let missing;
  try {
    missing = await node.mempool.addTX(tx);
  } catch (e) {
    if (e.type === 'VerifyError')
      throw new RPCError(-26, e.reason);
    throw e;
  }
  if (missing) {
    node.mempool.removeOrphan(tx.hash());
    throw new RPCError(-25, 'bad-txns-inputs-missingorspent');
  }
  return tx.txid();
});

// 4. invalidateblock as Core does it, for the reorg tests.
delete node.rpc.calls.invalidateblock;
node.rpc.add('invalidateblock', async (args) => {
  if (args.length !== 1 || typeof args[0] !== 'string' || !/^[0-9a-f]{64}$/.test(args[0]))
    throw new RPCError(-8, 'invalidateblock "blockhash"');
  const hash = bcoin.util.revHex(args[0]); // bcoin 1.0 keys blocks by internal-order hex
  const entry = await node.chain.getEntry(hash);
  if (!entry)
    throw new RPCError(-5, 'Block not found');
  const disconnected = [];
  for (let e = node.chain.tip; e && e.height >= entry.height; e = await node.chain.getPrevious(e))
    disconnected.unshift(await node.chain.getBlock(e.hash));
  const pending = [...node.mempool.map.values()].map((e) => e.tx);
  await node.chain.invalidate(hash);
  await node.mempool.reset();
  for (const tx of disconnected.flatMap((b) => b.txs.slice(1)).concat(pending)) {
    try {
      await node.mempool.addTX(tx);
    } catch (e) {
      // No longer valid on the new tip: dropped, as Core drops it.
    }
  }
  return null;
});

(async () => {
  await node.ensure();
  await node.open();
  fs.writeFileSync(cookie, '__cookie__:' + secret + '\n', { mode: 0o600 });
  process.stdout.write('ready ' + port + '\n');
})().catch((e) => {
  process.stderr.write('start.js: ' + (e && e.stack || e) + '\n');
  process.exit(1);
});

const stop = async () => {
  try { await node.close(); } catch (e) { /* stopping anyway */ }
  try { fs.unlinkSync(cookie); } catch (e) { /* gone */ }
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
