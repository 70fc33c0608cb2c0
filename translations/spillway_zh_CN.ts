<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorCode</name>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="16"/>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="17"/>
        <source>An unexpected error occurred.</source>
        <translation>发生了意外错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="18"/>
        <source>The data ends before it is complete.</source>
        <translation>数据不完整就结束了。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="19"/>
        <source>The data continues after its end.</source>
        <translation>数据在结尾之后还有多余内容。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="20"/>
        <source>A length is not encoded in its shortest form.</source>
        <translation>长度没有以最短形式编码。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="21"/>
        <source>A field is larger than allowed.</source>
        <translation>某个字段超过允许的大小。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="22"/>
        <source>The text is not valid hexadecimal.</source>
        <translation>文本不是有效的十六进制。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="23"/>
        <source>The text is not valid base58.</source>
        <translation>文本不是有效的 base58。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="24"/>
        <source>The checksum does not match: the text was mistyped or damaged.</source>
        <translation>校验和不匹配：文本输错或已损坏。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="25"/>
        <source>The text is not valid bech32 or bech32m.</source>
        <translation>文本不是有效的 bech32 或 bech32m。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="26"/>
        <source>This is not a valid Bitcoin address.</source>
        <translation>这不是有效的比特币地址。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="27"/>
        <source>This belongs to a different Bitcoin network.</source>
        <translation>这属于另一个比特币网络。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="28"/>
        <source>The transaction is malformed.</source>
        <translation>交易格式错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="29"/>
        <source>The script is malformed.</source>
        <translation>脚本格式错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="30"/>
        <source>The amount is out of range.</source>
        <translation>金额超出范围。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="31"/>
        <source>The amounts add up to more than can exist.</source>
        <translation>金额总和超过了可能存在的数量。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="32"/>
        <source>The private key is not valid.</source>
        <translation>私钥无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="33"/>
        <source>The public key is not valid.</source>
        <translation>公钥无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="34"/>
        <source>The signature is not valid.</source>
        <translation>签名无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="35"/>
        <source>The key derivation path is not valid.</source>
        <translation>密钥派生路径无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="36"/>
        <source>The extended key is not valid.</source>
        <translation>扩展密钥无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="37"/>
        <source>The recovery phrase is not valid.</source>
        <translation>恢复短语无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="38"/>
        <source>The PSBT is malformed.</source>
        <translation>PSBT 格式错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="39"/>
        <source>The PSBT lacks data needed for this step.</source>
        <translation>PSBT 缺少这一步所需的数据。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="40"/>
        <source>The PSBTs describe different transactions.</source>
        <translation>这些 PSBT 描述的是不同的交易。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="41"/>
        <source>The transaction&apos;s script check failed.</source>
        <translation>交易的脚本校验失败。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="42"/>
        <source>The transaction is locked until a later block (non-final).</source>
        <translation>交易被锁定到以后的区块（尚未生效）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="43"/>
        <source>The transaction spends coins the chain does not know.</source>
        <translation>交易花费了链上不存在的币。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="44"/>
        <source>The transaction spends coins that are already spent.</source>
        <translation>交易花费了已经被花掉的币。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="45"/>
        <source>Newly mined coins can be spent only after 100 blocks.</source>
        <translation>新挖出的币要 100 个区块后才能花费。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="46"/>
        <source>A relative lock time (BIP 68) has not passed yet.</source>
        <translation>相对锁定时间（BIP 68）尚未到期。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="47"/>
        <source>The fee is below the minimum relay fee.</source>
        <translation>手续费低于最低中继费。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="48"/>
        <source>An output is too small to be worth spending (dust).</source>
        <translation>某个输出太小，不值得花费（粉尘）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="49"/>
        <source>The transaction is not standard and would not be relayed.</source>
        <translation>交易不标准，不会被中继。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="50"/>
        <source>The transaction is already in the chain.</source>
        <translation>交易已经在链上。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="51"/>
        <source>The chain cannot be reached.</source>
        <translation>无法连接到区块链。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="52"/>
        <source>The chain&apos;s data is damaged.</source>
        <translation>区块链数据已损坏。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="53"/>
        <source>Nothing was found.</source>
        <translation>什么也没找到。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="54"/>
        <source>No OS keychain is available. Install and unlock gnome-keyring (or another Secret Service provider).</source>
        <translation>没有可用的系统钥匙串。请安装并解锁 gnome-keyring（或其他 Secret Service 提供者）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="55"/>
        <source>The OS keychain refused access to the wallet&apos;s seed.</source>
        <translation>系统钥匙串拒绝访问钱包种子。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="56"/>
        <source>The wallet&apos;s seed is not in the OS keychain. Restore the wallet from its recovery phrase.</source>
        <translation>系统钥匙串中没有钱包种子。请用恢复短语恢复钱包。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="57"/>
        <source>A wallet already exists in this data directory.</source>
        <translation>此数据目录中已有钱包。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="58"/>
        <source>There is no wallet in this data directory. Create or restore one first.</source>
        <translation>此数据目录中没有钱包。请先创建或恢复钱包。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="59"/>
        <source>The wallet does not have enough confirmed coins for this.</source>
        <translation>钱包中已确认的币不足。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="60"/>
        <source>Saving to disk failed; nothing was changed.</source>
        <translation>保存到磁盘失败；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="61"/>
        <source>An argument is not valid.</source>
        <translation>参数无效。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="62"/>
        <source>The message is damaged or not a Spillway message.</source>
        <translation>消息已损坏，或不是 Spillway 消息。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="63"/>
        <source>The message comes from an incompatible Spillway version.</source>
        <translation>消息来自不兼容的 Spillway 版本。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="64"/>
        <source>There is no such channel.</source>
        <translation>没有这个通道。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="65"/>
        <source>The channel is not open (or its funding lacks confirmations).</source>
        <translation>通道未开通（或注资交易确认数不足）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="66"/>
        <source>The payment is out of order: its sequence number is not the next one.</source>
        <translation>付款顺序错误：序号不是下一个。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="67"/>
        <source>The payment does not pay more than the previous one.</source>
        <translation>这笔付款没有比上一笔付得更多。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="68"/>
        <source>The payment is more than the channel can carry.</source>
        <translation>付款超过了通道容量。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="69"/>
        <source>The first payment is too small to be settled on chain (dust).</source>
        <translation>第一笔付款太小，无法在链上结算（粉尘）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="70"/>
        <source>The payment&apos;s signature does not match the commitment it pays.</source>
        <translation>付款签名与其对应的承诺交易不符。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="71"/>
        <source>The channel is too close to its expiry to accept payments.</source>
        <translation>通道离到期太近，不能再接受付款。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="72"/>
        <source>The channel&apos;s terms are not acceptable.</source>
        <translation>通道条款不可接受。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="73"/>
        <source>The proposed refund is not the one the channel&apos;s terms give (lock time or payee script).</source>
        <translation>提议的退款交易与通道条款不符（锁定时间或收款脚本）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="74"/>
        <source>The funding transaction does not match the proposal.</source>
        <translation>注资交易与提议不符。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="75"/>
        <source>No payment has been received in this channel yet.</source>
        <translation>此通道尚未收到任何付款。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="76"/>
        <source>This proposal answers an offer this wallet did not make.</source>
        <translation>这个提议回应的报价不是本钱包发出的。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="77"/>
        <source>Stopped on request; it can be resumed.</source>
        <translation>已按要求停止；可以继续。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="78"/>
        <source>The node refused the RPC user name and password (or cookie file).</source>
        <translation>节点拒绝了 RPC 用户名和密码（或 cookie 文件）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="79"/>
        <source>The node answered the request with an error.</source>
        <translation>节点对请求返回了错误。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="80"/>
        <source>The node is still catching up with the network; try again when it is synced.</source>
        <translation>节点仍在与网络同步；同步完成后再试。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="81"/>
        <source>The node has pruned blocks the wallet needs (from its birthday on).</source>
        <translation>节点已修剪掉钱包所需的区块（从钱包创建高度起）。</translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="82"/>
        <source>The server&apos;s key is not the one its offer pins: refusing to connect.</source>
        <translation>服务器的密钥与其报价中固定的密钥不符：拒绝连接。</translation>
    </message>
    <message>
        <source>The payment&apos;s amount is more than all bitcoin that can exist.</source>
        <translation>该付款金额超过了可能存在的全部比特币。</translation>
    </message>
    <message>
        <source>A payout or refund address is of a kind Bitcoin nodes do not relay (only P2WPKH, P2WSH, P2TR, P2PKH and P2SH are accepted).</source>
        <translation>收款或退款地址的类型不会被比特币节点转发（只接受 P2WPKH、P2WSH、P2TR、P2PKH 和 P2SH）。</translation>
    </message>
    <message>
        <source>The offer does not accept this kind of channel.</source>
        <translation>该报价不接受这种通道。</translation>
    </message>
    <message>
        <source>The channel&apos;s capacity is outside the offer&apos;s limits.</source>
        <translation>通道容量超出了报价的限制。</translation>
    </message>
    <message>
        <source>The channel&apos;s expiry is outside the offer&apos;s limits.</source>
        <translation>通道到期时间超出了报价的限制。</translation>
    </message>
    <message>
        <source>The commitment fee is below the offer&apos;s minimum fee rate: the payee could not settle.</source>
        <translation>承诺交易手续费低于报价的最低费率：收款方将无法结算。</translation>
    </message>
    <message>
        <source>The refund fee is below 1 sat/vB: no node would relay the refund.</source>
        <translation>退款手续费低于 1 sat/vB：没有节点会转发该退款。</translation>
    </message>
    <message>
        <source>The channel would expire too soon after it confirms to be used safely.</source>
        <translation>通道确认后很快就会到期，无法安全使用。</translation>
    </message>
    <message>
        <source>The offer asks for a commitment fee rate far above the current fee estimate.</source>
        <translation>该报价要求的承诺交易费率远高于当前的手续费估算。</translation>
    </message>
    <message>
        <source>The request to close is not signed by the channel&apos;s payer: it was ignored.</source>
        <translation>关闭请求没有通道付款方的签名：已忽略。</translation>
    </message>
    <message>
        <source>Another Spillway process stored a newer state of this channel meanwhile; nothing was changed, try again.</source>
        <translation>另一个 Spillway 进程刚刚保存了该通道的更新状态；未作任何更改，请重试。</translation>
    </message>
    <message>
        <source>The fee is absurdly high for the transaction&apos;s size: it was not sent.</source>
        <translation>相对于交易大小，手续费高得离谱：交易未发送。</translation>
    </message>
    <message>
        <source>The node is too busy to answer (its RPC work queue is full); try again in a moment.</source>
        <translation>节点太忙，无法应答（其 RPC 工作队列已满）；请稍后再试。</translation>
    </message>
    <message>
        <source>This connection has not proved that it holds the channel&apos;s payer key.</source>
        <translation>此连接尚未证明其持有该通道付款方的密钥。</translation>
    </message>
    <message>
        <source>The signature on the connection&apos;s challenge is not the channel payer&apos;s.</source>
        <translation>连接挑战上的签名不是该通道付款方的。</translation>
    </message>
    <message>
        <source>Another purchase on this channel is in progress on another connection.</source>
        <translation>该通道上的另一笔购买正在另一个连接上进行。</translation>
    </message>
    <message>
        <source>No purchase of this file is open on this connection.</source>
        <translation>此连接上没有该文件的进行中购买。</translation>
    </message>
    <message>
        <source>This piece of the file is not paid for yet.</source>
        <translation>文件的这一部分尚未付款。</translation>
    </message>
    <message>
        <source>A piece of the file does not match its SHA-256 in the catalogue: nothing more is paid.</source>
        <translation>文件的某一部分与目录中的 SHA-256 不符：不再继续付款。</translation>
    </message>
    <message>
        <source>The price is above the one accepted.</source>
        <translation>价格高于已接受的价格。</translation>
    </message>
    <message>
        <source>The node's mempool is full and this fee is below its current minimum; a child paying for both can still bring it in.</source>
        <translation>节点的交易池已满，此手续费低于其当前最低值；支付两者费用的子交易仍可使其进入。</translation>
    </message>
    <message>
        <source>The node cannot take a transaction together with the child that pays for it (no package relay).</source>
        <translation>节点无法同时接收交易及为其付费的子交易（不支持交易包中继）。</translation>
    </message>
    <message>
        <source>Confirming in time would cost more than the fee budget allows.</source>
        <translation>按时确认所需的费用超出了手续费预算。</translation>
    </message>
    <message>
        <source>The backup file is damaged or was changed: it is refused and nothing was restored.</source>
        <translation>备份文件已损坏或被改动：已拒绝，未恢复任何内容。</translation>
    </message>
    <message>
        <source>This backup was made with another recovery phrase: it is refused and nothing was restored.</source>
        <translation>此备份是用另一个恢复短语制作的：已拒绝，未恢复任何内容。</translation>
    </message>
    <message>
        <source>This is not a Spillway backup, or one from a newer version.</source>
        <translation>这不是 Spillway 备份，或来自更新的版本。</translation>
    </message>
    <message>
        <source>The backup could not be written: check that the backup folder exists and is writable.</source>
        <translation>无法写入备份：请检查备份文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The wallet password is wrong.</source>
        <translation>钱包密码错误。</translation>
    </message>
    <message>
        <source>This wallet has a password: enter it to use the wallet's keys.</source>
        <translation>此钱包设有密码：请输入密码以使用钱包的密钥。</translation>
    </message>
    <message>
        <source>The wallet's locked seed in the keychain is damaged or was changed: restore the wallet from its recovery phrase.</source>
        <translation>钥匙串中加密的钱包种子已损坏或被更改：请用恢复短语恢复钱包。</translation>
    </message>
    <message>
        <source>The payee has withdrawn this offer. Ask for a new one.</source>
        <translation>收款方已撤回此报价。请索取新的报价。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="29"/>
        <source>%L1 MiB</source>
        <translation>%L1 MiB</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="30"/>
        <source>%L1 sat</source>
        <translation>%L1 聪</translation>
    </message>
</context>
<context>
    <name>spillway::ui::BackupSettingsBox</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>no folder: backups are off</source>
        <translation>无文件夹：备份已关闭</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>After every payment and every channel change, an encrypted copy of the channels goes to this folder (a second disk or a synced folder). Your recovery phrase and this file bring every channel back; the file alone opens for no one.</source>
        <translation>每次付款和每次通道变化后，通道的加密副本都会写入此文件夹（第二块磁盘或同步文件夹）。恢复短语加上此文件即可找回每个通道；单凭此文件谁也打不开。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>spillway::ui::BackupStatusLabel</name>
    <message>
        <source>No backup: channels are open and no backup folder is set</source>
        <translation>没有备份：有通道开着，但未设置备份文件夹</translation>
    </message>
    <message>
        <source>Backups off</source>
        <translation>备份已关闭</translation>
    </message>
    <message>
        <source>Choose a backup folder in Settings: the recovery phrase alone does not bring back the newest payments.</source>
        <translation>请在设置中选择备份文件夹：仅凭恢复短语无法找回最新的付款。</translation>
    </message>
    <message>
        <source>Backup failing: the folder cannot be written</source>
        <translation>备份失败：无法写入该文件夹</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>No backup written yet</source>
        <translation>尚未写入备份</translation>
    </message>
</context>
<context>
    <name>spillway::ui::BuyTab</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="116"/>
        <source>The provider&apos;s offer (spw1…): paste it or import it.</source>
        <translation>提供方的报价（spw1…）：粘贴或导入。</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="120"/>
        <source>Import offer…</source>
        <translation>导入报价…</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="122"/>
        <source>Import the provider&apos;s offer</source>
        <translation>导入提供方的报价</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="126"/>
        <source>List files</source>
        <translation>列出文件</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="146"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="148"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="163"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MarketTabs.cpp" line="169"/>
        <source>%n file(s) on offer.</source>
        <translation>
            <numerusform>有 %n 个文件出售。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="175"/>
        <source>Total: %L1 sat, paid piece by piece as the file arrives.</source>
        <translation>总计 %L1 聪，随文件到达逐块支付。</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="183"/>
        <source>Save the file as</source>
        <translation>文件另存为</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="193"/>
        <source>%L1 bytes received, %L2 sat paid</source>
        <translation>已收到 %L1 字节，已付 %L2 聪</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="197"/>
        <source>Stopped: %1 Download again to resume.</source>
        <translation>已停止：%1 再次下载即可继续。</translation>
    </message>
    <message>
        <source>Total: %1, paid piece by piece as the file arrives.</source>
        <translation>总计 %1，随文件到达逐块支付。</translation>
    </message>
    <message>
        <source>Buy %1 for %2? It is paid piece by piece as the file arrives, and every piece is checked against its SHA-256 before more is paid.</source>
        <translation>以 %2 购买 %1？随文件到达逐块支付，每一块都先核对 SHA-256 再继续付款。</translation>
    </message>
    <message>
        <source>%L1 bytes received, %2 paid</source>
        <translation>已收到 %L1 字节，已付 %2</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Connecting to the provider…</source>
        <translation>正在连接提供方…</translation>
    </message>
    <message>
        <source>Opening a channel with the provider…</source>
        <translation>正在与提供方开通通道…</translation>
    </message>
    <message>
        <source>Waiting for %1 of %2 confirmations of the channel's funding; the download starts by itself.</source>
        <translation>正在等待通道注资交易的确认（%1/%2）；确认后下载会自动开始。</translation>
    </message>
    <message>
        <source>Downloading: %1 of %2, %3 paid.</source>
        <translation>正在下载：%1 / %2，已付 %3。</translation>
    </message>
    <message>
        <source>Downloading at %1: %2 of %3, %4 paid.</source>
        <translation>正在以 %1 下载：%2 / %3，已付 %4。</translation>
    </message>
    <message>
        <source>Verifying the whole file against its SHA-256…</source>
        <translation>正在用 SHA-256 校验整个文件…</translation>
    </message>
    <message>
        <source>Done: %1 (%2, %3 paid), SHA-256 checked.</source>
        <translation>完成：%1（%2，已付 %3），SHA-256 已校验。</translation>
    </message>
    <message>
        <source>Paused. Download again to resume.</source>
        <translation>已暂停。再次下载即可继续。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ChannelTableModel</name>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="34"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="35"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="36"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="37"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="38"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="39"/>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="40"/>
        <source>Refund possible in</source>
        <translation>可退款倒计时</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="41"/>
        <source>Last payment</source>
        <translation>最近付款</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="49"/>
        <source>%1 BTC</source>
        <translation>%1 BTC</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="50"/>
        <source>%L1 sat</source>
        <translation>%L1 聪</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="80"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="83"/>
        <source>refund possible now</source>
        <translation>现在可以退款</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="87"/>
        <source>~%1 d %2 h</source>
        <translation>约 %1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="89"/>
        <source>~%1 h %2 min</source>
        <translation>约 %1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="91"/>
        <source>~%1 min %2 s</source>
        <translation>约 %1 分 %2 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ChannelTableModel.cpp" line="92"/>
        <source>%n block(s) (%1)</source>
        <translation>
            <numerusform>%n 个区块（%1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="98"/>
        <source>offered</source>
        <translation>已报价</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="99"/>
        <source>opening</source>
        <translation>开通中</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="100"/>
        <source>open</source>
        <translation>已开通</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="101"/>
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="102"/>
        <source>settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="103"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="104"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="112"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="113"/>
        <source>paying</source>
        <translation>付款方</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="113"/>
        <source>receiving</source>
        <translation>收款方</translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="121"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认收到</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Refunded: %1 back to you</source>
        <translation>已退款：%1 退回给你</translation>
    </message>
    <message>
        <source>Refunded to the payer: %1</source>
        <translation>已退款给付款方：%1</translation>
    </message>
    <message>
        <source>Settled: %1 paid, %2 back to you</source>
        <translation>已结算：付出 %1，%2 退回给你</translation>
    </message>
    <message>
        <source>Settled: %1 to you, %2 back to the payer</source>
        <translation>已结算：%1 归你，%2 退回给付款方</translation>
    </message>
    <message>
        <source>%1 signed; the payee has acknowledged %2 so far. The rest counts once the payee imports those payments.</source>
        <translation>已签署 %1；收款方目前已确认 %2。其余部分在收款方导入这些付款后计入。</translation>
    </message>
    <message numerus="yes">
        <source>Spillway settles this channel by itself %n block(s) before it expires (the safety margin), if it is still open then. Settle sooner to be paid sooner.</source>
        <translation>
            <numerusform>如果通道届时仍未关闭，Spillway 会在到期前 %n 个区块（安全余量）自动结算。提前结算可以更早收到款项。</numerusform>
        </translation>
    </message>
    <message>
        <source>(an offer)</source>
        <translation>（报价）</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>最多 %1</translation>
    </message>
</context>
<context>
    <name>spillway::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Spillway</source>
        <translation>欢迎使用 Spillway</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>创建新钱包</translation>
    </message>
    <message>
        <source>Restore from recovery phrase and backup</source>
        <translation>从恢复短语和备份恢复</translation>
    </message>
    <message>
        <source>the 12 or 24 words, in order</source>
        <translation>按顺序输入 12 或 24 个单词</translation>
    </message>
    <message>
        <source>Recovery phrase:</source>
        <translation>恢复短语：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>备份文件：</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>Spillway backups (*.backup);;All files (*)</source>
        <translation>Spillway 备份 (*.backup);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A recovery phrase has 12 or 24 words; this one has %1.</source>
        <translation>恢复短语有 12 或 24 个单词；这里有 %1 个。</translation>
    </message>
    <message>
        <source>Choose the backup file (spillway-….backup).</source>
        <translation>请选择备份文件（spillway-….backup）。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="37"/>
        <source>Paste a message (spw1…) or a PSBT here, or use a button below, or drop a file.</source>
        <translation>在此粘贴消息（spw1…）或 PSBT，或使用下方按钮，或拖入文件。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="46"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="47"/>
        <source>Open a message</source>
        <translation>打开消息</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="48"/>
        <source>Messages and PSBTs (*.spw *.psbt *.txt);;Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>消息和 PSBT (*.spw *.psbt *.txt);;图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52"/>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="53"/>
        <source>Open an image with a QR code</source>
        <translation>打开含二维码的图片</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="65"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>No QR code found in that image.</source>
        <translation>图片中没有找到二维码。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="98"/>
        <source>QR code read.</source>
        <translation>已读取二维码。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="106"/>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="117"/>
        <source>File read.</source>
        <translation>已读取文件。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="142"/>
        <source>No camera was found. Use an image, the clipboard, the screen or a file instead.</source>
        <translation>没有找到摄像头。请改用图片、剪贴板、屏幕或文件。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="164"/>
        <source>QR code read from the camera.</source>
        <translation>已从摄像头读取二维码。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="169"/>
        <source>Hold the QR code in front of %1.</source>
        <translation>请把二维码对准 %1。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>This animated code is not a readable PSBT.</source>
        <translation>这个动态二维码不是可读取的 PSBT。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>This code holds bytes that are not Spillway messages.</source>
        <translation>这个二维码中的数据不是 Spillway 消息。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>This code is a %1, not a Spillway message or a PSBT.</source>
        <translation>这个二维码是 %1，不是 Spillway 消息或 PSBT。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Region…</source>
        <translation>区域…</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Keep scanning: import each new code and show the answer here</source>
        <translation>持续扫描：逐个导入新出现的二维码，并在此显示回复</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>The QR code found is not a Spillway message or a PSBT.</source>
        <translation>找到的二维码不是 Spillway 消息或 PSBT。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Animated code or UR</source>
        <translation>动态二维码或 UR</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>PSBT</source>
        <translation>PSBT</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Spillway message</source>
        <translation>Spillway 消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>%n QR codes found: choose the one to import.</source>
        <translation>
            <numerusform>找到 %n 个二维码：请选择要导入的一个。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Scanning: each new code is imported as it appears.</source>
        <translation>正在扫描：新出现的二维码会逐个导入。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>%1: show this to the other side.</source>
        <translation>%1：把它给对方看。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>%n code(s) imported. Scanning on.</source>
        <translation>
            <numerusform>已导入 %n 个二维码，继续扫描。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>The animated code did not check out (a damaged part?). Show it again from the start.</source>
        <translation>动态二维码校验失败（某部分已损坏？）。请从头再显示一次。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>A frame could not be read; keep the code in view.</source>
        <translation>有一帧无法读取，请让二维码保持在视野中。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>This QR code is not a Spillway message or a PSBT.</source>
        <translation>这个二维码不是 Spillway 消息或 PSBT。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Reading an animated code: %1 of %2 parts. Keep it in view.</source>
        <translation>正在读取动态二维码：已读 %1 部分，共 %2 部分。请保持在视野中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>Animated code read (%n parts).</source>
        <translation>
            <numerusform>已读取动态二维码（%n 个部分）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>%1 is too big to be a message, a PSBT or a picture of a code.</source>
        <translation>%1 太大，不可能是消息、PSBT 或二维码图片。</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>The screen could not be read here (some desktops, Wayland among them, do not allow it). Use the camera, the clipboard or an image instead.</source>
        <translation>无法在此读取屏幕（有些桌面环境不允许，例如 Wayland）。请改用摄像头、剪贴板或图片。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>Spillway</source>
        <translation>Spillway</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>New offer</source>
        <translation>新建报价</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Open channel</source>
        <translation>开通通道</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <location filename="../ui/MainWindow.cpp" line="387"/>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <location filename="../ui/MainWindow.cpp" line="419"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <location filename="../ui/MainWindow.cpp" line="434"/>
        <source>Settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="64"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="64"/>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <location filename="../ui/MainWindow.cpp" line="461"/>
        <source>Export PSBT</source>
        <translation>导出 PSBT</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>&amp;Channel</source>
        <translation>通道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="76"/>
        <source>&amp;Wallet</source>
        <translation>钱包(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="77"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>The new language or chain applies when Spillway starts again.</source>
        <translation>新的语言或区块链设置在重新启动 Spillway 后生效。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="86"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="94"/>
        <source>Sell</source>
        <translation>出售</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>Buy</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>Network: local chain</source>
        <translation>网络：本地链</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>Mine a block</source>
        <translation>挖一个区块</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>The local chain mines on demand: one block to this wallet.</source>
        <translation>本地链按需出块：挖一个区块到本钱包。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Network: %1 · %2</source>
        <translation>网络：%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>The regtest node mines one block to this wallet.</source>
        <translation>regtest 节点向本钱包挖一个区块。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Height %L1</source>
        <translation>高度 %L1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Your recovery phrase</source>
        <translation>您的恢复短语</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="150"/>
        <source>Write down these words and keep them safe. They restore this wallet and every channel. They are shown only this once.</source>
        <translation>请抄下这些单词并妥善保管。它们可以恢复本钱包和所有通道。它们只显示这一次。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Filter channels…</source>
        <translation>筛选通道…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="223"/>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Confirmed:</source>
        <translation>已确认：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Unconfirmed:</source>
        <translation>未确认：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Newly mined (immature):</source>
        <translation>新挖出（未成熟）：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>In channels:</source>
        <translation>通道中：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="241"/>
        <source>Receive address:</source>
        <translation>收款地址：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <source>New address</source>
        <translation>新地址</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>Address to pay</source>
        <translation>付款地址</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="258"/>
        <source>Amount in sat</source>
        <translation>金额（聪）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="259"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>Enter the amount in whole satoshis.</source>
        <translation>请输入整数聪的金额。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="290"/>
        <source>Wallet</source>
        <translation>钱包</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="323"/>
        <source>Select a channel to see its details.</source>
        <translation>选择一个通道以查看详情。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="323"/>
        <source>No channels yet. A payee starts with New offer; a payer with Open channel.</source>
        <translation>还没有通道。收款方从“新建报价”开始；付款方从“开通通道”开始。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="326"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;Funding: %4&lt;br&gt;Payments: %5, paid %6 of %7 (fee for the commitment included in capacity)&lt;br&gt;%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;注资：%4&lt;br&gt;付款：%5 笔，已付 %6 / %7（承诺交易手续费含在容量内）&lt;br&gt;%8</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <source>Closed by %1: payee %2, payer %3</source>
        <translation>由 %1 关闭：收款方 %2，付款方 %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>What do you sell? (a label the payer sees)</source>
        <translation>您出售什么？（付款方可见的标签）</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="389"/>
        <source>%1 left in this channel.</source>
        <translation>此通道还剩 %1。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="394"/>
        <source> sat</source>
        <translation> 聪</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="431"/>
        <source>Settle now? %1 go to you, %2 back to the payer (minus the fee agreed at opening).</source>
        <translation>现在结算？%1 归您，%2 退还付款方（扣除开通时约定的手续费）。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="461"/>
        <source>Which transaction?</source>
        <translation>哪一笔交易？</translation>
    </message>
    <message>
        <source>Bump fee</source>
        <translation>提高手续费</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Raise the fee of the channel's waiting settlement, refund or funding with a child transaction</source>
        <translation>用子交易提高通道待确认的结算、退款或注资交易的手续费</translation>
    </message>
    <message>
        <source>Show recovery phrase…</source>
        <translation>显示助记词…</translation>
    </message>
    <message>
        <source>%1 (%2) — Spillway</source>
        <translation>%1（%2）— Spillway</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Copy transaction ID</source>
        <translation>复制交易 ID</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Show recovery phrase</source>
        <translation>显示助记词</translation>
    </message>
    <message>
        <source>Anyone who sees these words can take this wallet&apos;s money. Show them now, with nobody watching your screen?</source>
        <translation>任何看到这些单词的人都能拿走本钱包的钱。确定没有人看着你的屏幕，现在显示吗？</translation>
    </message>
    <message>
        <source>Export transactions</source>
        <translation>导出交易</translation>
    </message>
    <message>
        <source>transactions.csv</source>
        <translation>交易记录.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Amount (sat)</source>
        <translation>金额（聪）</translation>
    </message>
    <message>
        <source>Fee (sat)</source>
        <translation>手续费（聪）</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>确认数</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 笔交易到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest payment (commitment)</source>
        <translation>最新一笔付款（承诺交易）</translation>
    </message>
    <message>
        <source>The refund</source>
        <translation>退款交易</translation>
    </message>
    <message>
        <source>The settlement</source>
        <translation>结算交易</translation>
    </message>
    <message>
        <source>Pay becomes possible once the funding has the confirmations the payee asked for.</source>
        <translation>注资交易达到收款方要求的确认数后才能付款。</translation>
    </message>
    <message>
        <source>Pay the selected channel's payee</source>
        <translation>向所选通道的收款方付款</translation>
    </message>
    <message>
        <source>The password is wrong. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
    <message>
        <source>Settle now? %1 go to you and %2 back to the payer; the fee agreed at opening (%3) goes to the miners.</source>
        <translation>现在结算？%1 归你，%2 退回给付款方；开通时约定的手续费（%3）归矿工。</translation>
    </message>
    <message>
        <source>(an offer)</source>
        <translation>（报价）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · an offer no payer has answered yet&lt;br&gt;Give it to the payer: right-click it and choose Show offer (a QR code) or Copy offer. Withdraw offer takes it back.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 尚无付款方响应的报价&lt;br&gt;把它交给付款方：右键点击并选择“显示报价”（二维码）或“复制报价”。“撤回报价”可以收回它。</translation>
    </message>
    <message>
        <source>Scan screen</source>
        <translation>扫描屏幕</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Drag a rectangle over the other wallet's codes: each new one is imported as it appears, and the answer shown</source>
        <translation>在另一个钱包的二维码上拖出一个矩形：每个新出现的码都会被导入，并显示回应</translation>
    </message>
    <message>
        <source>The local chain mines on demand: one block paying its reward to this wallet. A mined reward can be spent once 100 more blocks are on top of it (it shows as immature until then).</source>
        <translation>本地链按需出块：挖一个区块，奖励归本钱包。挖出的奖励要在其上再有 100 个区块后才能花费（在此之前显示为未成熟）。</translation>
    </message>
    <message>
        <source>Closing transaction %1 sent, waiting for a confirmation</source>
        <translation>关闭交易 %1 已发出，等待确认</translation>
    </message>
    <message>
        <source>Closing by %1: payee %2, payer %3</source>
        <translation>正在由 %1 关闭：收款方 %2，付款方 %3</translation>
    </message>
</context>
<context>
    <name>spillway::ui::MessageDialog</name>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="21"/>
        <source>Show this code to the other side, or send them the text or the file.</source>
        <translation>把此二维码给对方看，或把文本或文件发给对方。</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="41"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="43"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="47"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="48"/>
        <source>PSBT (*.psbt)</source>
        <translation>PSBT (*.psbt)</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="48"/>
        <source>Spillway messages (*.spw)</source>
        <translation>Spillway 消息 (*.spw)</translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="1"/>
        <source>Show this animated code to the other side until it says the code is read, or send them the text or the file.</source>
        <translation>把这个动态二维码给对方看，直到对方显示已读取；或把文本或文件发给对方。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::Notifier</name>
    <message>
        <source>Payment received</source>
        <translation>收到付款</translation>
    </message>
    <message>
        <source>+%1 sat on %2 (%3 sat in all)</source>
        <translation>%2 上收到 +%1 聪（共 %3 聪）</translation>
    </message>
    <message>
        <source>Deadline near</source>
        <translation>截止临近</translation>
    </message>
    <message>
        <source>%1 settles by itself in %2 block(s), at height %3: keep Spillway or its background watcher running</source>
        <translation>%1 将在 %2 个区块后（高度 %3）自动结算：请保持 Spillway 或其后台监视服务运行</translation>
    </message>
    <message>
        <source>%1 expires at height %2: its refund goes out by itself then, while Spillway or its background watcher runs</source>
        <translation>%1 将在高度 %2 到期：届时只要 Spillway 或其后台监视服务在运行，退款会自动发出</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
</context>
<context>
    <name>spillway::ui::OpenChannelWizard</name>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="23"/>
        <source>Open a channel</source>
        <translation>开通通道</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="26"/>
        <source>The payee&apos;s offer</source>
        <translation>收款方的报价</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="27"/>
        <source>Scan or paste the offer the payee showed you.</source>
        <translation>扫描或粘贴收款方给您的报价。</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="32"/>
        <source>From an image or the camera…</source>
        <translation>从图片或摄像头…</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="35"/>
        <source>Import the offer</source>
        <translation>导入报价</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="48"/>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="54"/>
        <location filename="../ui/OpenChannelWizard.cpp" line="67"/>
        <source> sat</source>
        <translation> 聪</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="56"/>
        <source>Capacity:</source>
        <translation>容量：</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="61"/>
        <source> blocks</source>
        <translation> 个区块</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="62"/>
        <source>Refund possible after:</source>
        <translation>可退款时间：</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="66"/>
        <source>from the chain&apos;s estimate</source>
        <translation>按链上费率估算</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="68"/>
        <source>Closing fee:</source>
        <translation>结算手续费：</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="71"/>
        <source>CLTV (BIP 65): one round trip</source>
        <translation>CLTV（BIP 65）：一次往返</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="72"/>
        <source>Pre-signed refund: the payee signs the refund first</source>
        <translation>预签退款：收款方先签署退款交易</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="73"/>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="80"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="134"/>
        <source>Offer &quot;%1&quot;: capacity %L2 to %L3 sat, refund after %4 to %5 blocks.</source>
        <translation>报价“%1”：容量 %L2 至 %L3 聪，%4 至 %5 个区块后可退款。</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="141"/>
        <source>This is not an offer.</source>
        <translation>这不是报价。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/OpenChannelWizard.cpp" line="143"/>
        <source>Your wallet locks %L1 sat in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block(s), minus its fee.</source>
        <translation>
            <numerusform>您的钱包将 %L1 聪锁定在与收款方共同控制的 2-of-2 输出中。您通过签名付款；收款方用最新的付款结算。如果收款方消失，%n 个区块后退款交易会把钱退还给您（扣除手续费）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="148"/>
        <source>The settlement&apos;s fee, %L1 sat, comes out of your side; at most %L2 sat can be paid.</source>
        <translation>结算手续费 %L1 聪由您一方承担；最多可付 %L2 聪。</translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="151"/>
        <source>The settlement&apos;s fee follows the chain&apos;s fee estimate and comes out of your side.</source>
        <translation>结算手续费按链上费率估算，由您一方承担。</translation>
    </message>
    <message>
        <source>the network&apos;s default</source>
        <translation>网络默认值</translation>
    </message>
    <message>
        <source>Offer &quot;%1&quot;: capacity %2 to %3, refund after %4 to %5 blocks.</source>
        <translation>报价“%1”：容量 %2 至 %3，%4 至 %5 个区块后可退款。</translation>
    </message>
    <message numerus="yes">
        <source>Your wallet locks %1 in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block(s), minus its fee.</source>
        <translation>
            <numerusform>您的钱包将 %1 锁定在与收款方共同控制的 2-of-2 输出中。您通过签名付款；收款方用最新的付款结算。如果收款方消失，%n 个区块后退款交易会把钱退还给您（扣除手续费）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The settlement&apos;s fee, %1, comes out of your side; at most %2 can be paid.</source>
        <translation>结算手续费 %1 由您一方承担；最多可付 %2。</translation>
    </message>
    <message>
        <source>Enter the capacity.</source>
        <translation>请输入容量。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::PaymentHistoryModel</name>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="23"/>
        <source>%L1 sat</source>
        <translation>%L1 聪</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="24"/>
        <source>+%L1 sat</source>
        <translation>+%L1 聪</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="35"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="36"/>
        <source>Paid in total</source>
        <translation>累计已付</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="37"/>
        <source>This payment</source>
        <translation>本次付款</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="38"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>spillway::ui::QrMessageView</name>
    <message numerus="yes">
        <location filename="../ui/QrMessageView.cpp" line="1"/>
        <source>%n message(s): copy or save them together.</source>
        <translation>
            <numerusform>%n 条消息：请一起复制或保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QrMessageView.cpp" line="1"/>
        <source>Part %1 of %2</source>
        <translation>第 %1 部分，共 %2 部分</translation>
    </message>
    <message>
        <location filename="../ui/QrMessageView.cpp" line="1"/>
        <source>Part %1 of %2 (mixed, for parts the other side missed)</source>
        <translation>第 %1 部分，共 %2 部分（混合部分，补上对方漏掉的部分）</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ScreenRegionPicker</name>
    <message>
        <location filename="../ui/ScreenRegionPicker.cpp" line="1"/>
        <source>Drag a rectangle around the QR code to scan. Esc cancels.</source>
        <translation>拖出一个矩形框住要扫描的二维码。按 Esc 取消。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::SellTab</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="45"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="47"/>
        <source>Files to sell</source>
        <translation>要出售的文件</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="54"/>
        <source>Directory:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="59"/>
        <source> sat per MiB</source>
        <translation> 聪每 MiB</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="60"/>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="63"/>
        <source>Listen on:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="64"/>
        <source>Start selling</source>
        <translation>开始出售</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="68"/>
        <source>Not selling.</source>
        <translation>未在出售。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MarketTabs.cpp" line="84"/>
        <source>%n open channel(s) with buyers; earned %L1 sat in all.</source>
        <translation>
            <numerusform>与买家有 %n 个未关闭的通道；共收入 %L1 聪。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="100"/>
        <source>Selling on %1. Give buyers this offer (earnings appear in the Channels tab).</source>
        <translation>正在 %1 出售。把这个报价给买家（收入显示在“通道”页）。</translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="101"/>
        <source>Offer for buyers</source>
        <translation>给买家的报价</translation>
    </message>
    <message numerus="yes">
        <source>%n open channel(s) with buyers; earned %1 in all.</source>
        <translation>
            <numerusform>与买家有 %n 个未关闭的通道；共收入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Price per MiB:</source>
        <translation>每 MiB 价格：</translation>
    </message>
    <message>
        <source>HOST:PORT. Port 0 picks a free port the first time; it is kept, so the offer buyers have stays good.</source>
        <translation>主机:端口。端口 0 会在第一次时选一个空闲端口，之后一直沿用，买家手中的报价因此始终有效。</translation>
    </message>
    <message>
        <source>Stop selling</source>
        <translation>停止出售</translation>
    </message>
    <message>
        <source>Show offer</source>
        <translation>显示报价</translation>
    </message>
    <message>
        <source>Stopped: buyers cannot connect. Channels and earnings stay as they are; Start sells again on %1 with the same offer.</source>
        <translation>已停止：买家无法连接。通道和收入保持不变；点“开始出售”会在 %1 以同一报价再次出售。</translation>
    </message>
    <message>
        <source>Not selling: %1</source>
        <translation>未在出售：%1</translation>
    </message>
</context>
<context>
    <name>spillway::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="50"/>
        <source>satoshi (sat)</source>
        <translation>聪 (sat)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="51"/>
        <source>bitcoin (BTC)</source>
        <translation>比特币 (BTC)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>Amounts in:</source>
        <translation>金额单位：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="57"/>
        <source> blocks</source>
        <translation> 个区块</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="59"/>
        <source>New channels: refund after</source>
        <translation>新通道：退款等待</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="63"/>
        <source>Chain (applies when Spillway starts again)</source>
        <translation>区块链（重新启动 Spillway 后生效）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="67"/>
        <source>Local chain on this computer (no node needed)</source>
        <translation>本机上的本地链（无需节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="68"/>
        <source>Regtest (your Bitcoin Core node)</source>
        <translation>Regtest（您的 Bitcoin Core 节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="69"/>
        <source>Signet (your Bitcoin Core node)</source>
        <translation>Signet（您的 Bitcoin Core 节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="70"/>
        <source>Testnet (your Bitcoin Core node)</source>
        <translation>Testnet（您的 Bitcoin Core 节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="71"/>
        <source>Testnet4 (your Bitcoin Core node)</source>
        <translation>Testnet4（您的 Bitcoin Core 节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="72"/>
        <source>Mainnet: real bitcoin (your Bitcoin Core node)</source>
        <translation>主网：真实的比特币（您的 Bitcoin Core 节点）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="74"/>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="77"/>
        <source>default: the shared local chain</source>
        <translation>默认：共享的本地链</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="78"/>
        <source>Local chain file:</source>
        <translation>本地链文件：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="81"/>
        <source>Node RPC address:</source>
        <translation>节点 RPC 地址：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="84"/>
        <source>Cookie file:</source>
        <translation>Cookie 文件：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="87"/>
        <source>or a user name (rpcuser)…</source>
        <translation>或用户名（rpcuser）…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="88"/>
        <source>RPC user:</source>
        <translation>RPC 用户：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="92"/>
        <source>kept in the OS keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="93"/>
        <source>RPC password:</source>
        <translation>RPC 密码：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="94"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="158"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="167"/>
        <source>Could not use the node: %1</source>
        <translation>无法使用该节点：%1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="168"/>
        <source>Connected: %1 chain at height %2, node %3.</source>
        <translation>已连接：%1 链，高度 %2，节点 %3。</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="174"/>
        <source>Local chain at height %1.</source>
        <translation>本地链，高度 %1。</translation>
    </message>
    <message>
        <source>the network&apos;s default (1008 blocks on mainnet)</source>
        <translation>网络默认值（主网为 1008 个区块）</translation>
    </message>
</context>
<context>
    <name>spillway::ui::WatcherSettingsBox</name>
    <message>
        <source>Watching while Spillway is closed</source>
        <translation>Spillway 关闭时的监视</translation>
    </message>
    <message>
        <source>Watch my channels with a background service (systemd, starts at login)</source>
        <translation>用后台服务监视我的通道（systemd，登录时启动）</translation>
    </message>
    <message>
        <source>The service settles or refunds at the deadline even when this window is closed. A payee&apos;s settlement is stored fully signed and needs no key; a payer&apos;s refund, a fee bump or a sweep needs the wallet&apos;s key from the keychain and waits until your session&apos;s keychain is unlocked.</source>
        <translation>即使此窗口已关闭，该服务也会在截止时结算或退款。收款方的结算交易已完全签名保存，无需任何密钥；付款方的退款、提高手续费或归集需要钥匙串中的钱包密钥，要等到会话的钥匙串解锁后才进行。</translation>
    </message>
    <message>
        <source>Closing the window keeps Spillway watching in the tray while channels are open</source>
        <translation>有通道开着时，关闭窗口后 Spillway 在托盘中继续监视</translation>
    </message>
</context>
<context>
    <name>spillway::ui::TrayController</name>
    <message numerus="yes">
        <source>Spillway: %n channel(s) watched</source>
        <translation>
            <numerusform>Spillway：正在监视 %n 个通道</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n block(s), about %1</source>
        <translation>
            <numerusform>%n 个区块后，约 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) are watched from here until you quit.</source>
        <translation>
            <numerusform>在您退出之前，这里会继续监视 %n 个通道。</numerusform>
        </translation>
    </message>
    <message>
        <source>due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <source>%1: auto-settle at height %2 (%3), %4 sat at stake</source>
        <translation>%1：将在高度 %2 自动结算（%3），涉及 %4 聪</translation>
    </message>
    <message>
        <source>%1: auto-refund at height %2 (%3), %4 sat at stake</source>
        <translation>%1：将在高度 %2 自动退款（%3），涉及 %4 聪</translation>
    </message>
    <message>
        <source>Show Spillway</source>
        <translation>显示 Spillway</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Spillway settles and refunds at the deadlines only while it runs (or the background watcher does). Quit anyway?

%1</source>
        <translation>只有 Spillway（或后台监视服务）运行时，才会在截止时结算和退款。仍要退出吗？

%1</translation>
    </message>
    <message>
        <source>Channels are open</source>
        <translation>有通道开着</translation>
    </message>
    <message>
        <source>Spillway keeps watching</source>
        <translation>Spillway 继续监视</translation>
    </message>
</context>
<context>
    <name>spillway::ui::WalletHistoryModel</name>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="74"/>
        <source>received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="76"/>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="78"/>
        <source>mined</source>
        <translation>挖矿所得</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="80"/>
        <source>channel funding</source>
        <translation>通道注资</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="82"/>
        <location filename="../ui/models/HistoryModels.cpp" line="83"/>
        <source>%L1 sat</source>
        <translation>%L1 聪</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="84"/>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="84"/>
        <source>block %L1</source>
        <translation>区块 %L1</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="95"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="96"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="97"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="98"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="99"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="100"/>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s)</source>
        <translation>
            <numerusform>%n 个确认</numerusform>
        </translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>spillway::ui::WalletService</name>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="225"/>
        <source>Offer</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="246"/>
        <source>Channel proposal</source>
        <translation>通道提议</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="279"/>
        <source>Answer for the other side</source>
        <translation>给对方的回复</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="281"/>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="293"/>
        <source>Payment %1</source>
        <translation>付款 %1</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="305"/>
        <source>Settlement broadcast: %1</source>
        <translation>已广播结算交易：%1</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="316"/>
        <source>Close request</source>
        <translation>关闭请求</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="328"/>
        <source>Refund broadcast: %1</source>
        <translation>已广播退款交易：%1</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="339"/>
        <source>PSBT (%1)</source>
        <translation>PSBT（%1）</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="389"/>
        <source>Sent %1 sat, fee %2 sat</source>
        <translation>已发送 %1 聪，手续费 %2 聪</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="434"/>
        <source>Files from %1</source>
        <translation>来自 %1 的文件</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="503"/>
        <source>The provider has no file %1.</source>
        <translation>提供方没有文件 %1。</translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="514"/>
        <source>%1: %L2 bytes, SHA-256 checked.</source>
        <translation>%1：%L2 字节，SHA-256 已校验。</translation>
    </message>
    <message>
        <source>Waiting to confirm: %1 pays %2 sat/vB (fee %3 sat).</source>
        <translation>等待确认：%1 支付 %2 sat/vB（手续费 %3 sat）。</translation>
    </message>
    <message>
        <source>the settlement</source>
        <translation>结算交易</translation>
    </message>
    <message>
        <source>the refund</source>
        <translation>退款交易</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) left before the payer's refund becomes valid.</source>
        <translation>
            <numerusform>距付款方退款生效还剩 %n 个区块。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee bump %1: a child paid %2 sat, %3 sat/vB for both%4.</source>
        <translation>手续费提升 %1：子交易支付 %2 sat，两者合计 %3 sat/vB%4。</translation>
    </message>
    <message>
        <source>, sent as a package</source>
        <translation>，以交易包发送</translation>
    </message>
    <message>
        <source>Fee raised: a child pays %1 sat, %2 sat/vB for both.</source>
        <translation>手续费已提高：子交易支付 %1 sat，两者合计 %2 sat/vB。</translation>
    </message>
    <message>
        <source>Nothing to raise: it already pays what confirms in time, or it has confirmed.</source>
        <translation>无需提高：其手续费已足以按时确认，或已经确认。</translation>
    </message>
    <message>
        <source>A background service now watches your channels while Spillway is closed (%1).</source>
        <translation>现在有后台服务在 Spillway 关闭时监视您的通道（%1）。</translation>
    </message>
    <message>
        <source>The background watcher is removed: channels are watched only while Spillway runs.</source>
        <translation>后台监视已移除：只有 Spillway 运行时才监视通道。</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n channel(s) from the backup; the watcher catches up with the chain.</source>
        <translation>
            <numerusform>已从备份恢复 %n 个通道；监视程序正在追赶区块链。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fee raised: replaced by %1, paying %2 sat.</source>
        <translation>手续费已提高：由 %1 替换，支付 %2 sat。</translation>
    </message>
    <message>
        <source>Fee raised: a child %1 pays %2 sat for both.</source>
        <translation>手续费已提高：子交易 %1 为两者支付 %2 sat。</translation>
    </message>
    <message>
        <source>The wallet password was removed.</source>
        <translation>钱包密码已移除。</translation>
    </message>
    <message>
        <source>The wallet password was saved.</source>
        <translation>钱包密码已保存。</translation>
    </message>
    <message>
        <source>Offer withdrawn: a payer who still has it cannot open a channel with it.</source>
        <translation>报价已撤回：仍持有它的付款方无法再用它开通通道。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::BalanceBar</name>
    <message>
        <source>%L1 sat</source>
        <translation>%L1 聪</translation>
    </message>
    <message>
        <source>Confirmed coins you can spend now.</source>
        <translation>现在即可花费的已确认币。</translation>
    </message>
    <message>
        <source>Coins of yours in transactions not yet in a block, change included.</source>
        <translation>尚未进入区块的交易中属于你的币，包括找零。</translation>
    </message>
    <message>
        <source>Newly mined coins, spendable after 100 blocks.</source>
        <translation>新挖出的币，100 个区块后可花费。</translation>
    </message>
    <message>
        <source>Your money locked in channels you pay through, not yet paid out.</source>
        <translation>你付款通道中锁定、尚未付出的钱。</translation>
    </message>
    <message>
        <source>What channels you receive on have paid you, until you settle them.</source>
        <translation>收款通道已付给你的金额，结算之前都算在这里。</translation>
    </message>
    <message>
        <source>Everything above together.</source>
        <translation>以上全部之和。</translation>
    </message>
    <message>
        <source>Spendable: %1</source>
        <translation>可用：%1</translation>
    </message>
    <message>
        <source>Unconfirmed: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <source>Immature: %1</source>
        <translation>未成熟：%1</translation>
    </message>
    <message>
        <source>In channels, paying: %1</source>
        <translation>通道中，付款：%1</translation>
    </message>
    <message>
        <source>receiving: %1</source>
        <translation>收款：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;合计：%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Everything above together, newly mined coins included.</source>
        <translation>以上全部之和，包括新挖出的币。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::BitcoinUnits</name>
    <message>
        <source>sat</source>
        <translation>聪</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount: use %2 for the decimal point.</source>
        <translation>“%1”不是金额：小数点请用 %2。</translation>
    </message>
    <message>
        <source>Enter an amount in %1, for example %2.</source>
        <translation>请以 %1 为单位输入金额，例如 %2。</translation>
    </message>
    <message>
        <source>A satoshi cannot be divided: enter a whole number of sat (1 BTC is 100,000,000 sat).</source>
        <translation>聪不能再分：请输入整数聪（1 BTC = 100,000,000 聪）。</translation>
    </message>
    <message>
        <source>BTC has at most 8 decimal places (0.00000001 BTC is 1 sat).</source>
        <translation>BTC 最多 8 位小数（0.00000001 BTC 即 1 聪）。</translation>
    </message>
    <message>
        <source>That is more than all the bitcoin there will ever be (21 million BTC).</source>
        <translation>这超过了比特币的总量（2100 万 BTC）。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::AmountField</name>
    <message>
        <source>At most %1.</source>
        <translation>最多 %1。</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>至少 %1。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::SendConfirmDialog</name>
    <message>
        <source>Confirm payment</source>
        <translation>确认付款</translation>
    </message>
    <message>
        <source>Check the address and the amounts. Once sent, a Bitcoin payment cannot be taken back.</source>
        <translation>请核对地址和金额。比特币付款一经发出就无法撤回。</translation>
    </message>
    <message>
        <source>Pay to:</source>
        <translation>付给：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source> (everything spendable, after the fee)</source>
        <translation>（全部可用余额，已扣除手续费）</translation>
    </message>
    <message>
        <source>Network fee:</source>
        <translation>网络手续费：</translation>
    </message>
    <message>
        <source>%1 (%2 sat/vB, %3 vB)</source>
        <translation>%1（%2 聪/vB，%3 vB）</translation>
    </message>
    <message>
        <source>Total from your wallet:</source>
        <translation>从钱包支出合计：</translation>
    </message>
    <message>
        <source>Change back to you:</source>
        <translation>找零给你：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>spillway::ui::SendPanel</name>
    <message>
        <source>Address to pay, or a bitcoin: payment link</source>
        <translation>收款地址，或 bitcoin: 付款链接</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Send everything spendable; the fee is taken from the amount.</source>
        <translation>发送全部可用余额；手续费从金额中扣除。</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source> sat/vB</source>
        <translation> 聪/vB</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>手续费：</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <source>This address belongs to another Bitcoin network; this wallet is on %1.</source>
        <translation>这个地址属于另一个比特币网络；本钱包在 %1 网络上。</translation>
    </message>
    <message>
        <source>This is not a valid Bitcoin address. Check that it was copied whole, without a missing or changed character.</source>
        <translation>这不是有效的比特币地址。请检查是否完整复制，没有缺少或改错字符。</translation>
    </message>
    <message>
        <source>This payment link is for another Bitcoin network; this wallet is on %1.</source>
        <translation>这个付款链接属于另一个比特币网络；本钱包在 %1 网络上。</translation>
    </message>
    <message>
        <source>The amount in this payment link is not a valid amount of BTC.</source>
        <translation>这个付款链接中的金额不是有效的 BTC 金额。</translation>
    </message>
    <message>
        <source>The address in this payment link is not valid.</source>
        <translation>这个付款链接中的地址无效。</translation>
    </message>
    <message>
        <source>This payment link asks for something this wallet does not support, so it cannot be paid safely.</source>
        <translation>这个付款链接要求本钱包不支持的功能，因此无法安全付款。</translation>
    </message>
    <message>
        <source>This is not a payment link this wallet can read.</source>
        <translation>本钱包无法读取这个付款链接。</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>用途：%1</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>留言：%1</translation>
    </message>
    <message>
        <source>%1 sat/vB</source>
        <translation>%1 聪/vB</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>暂无估计</translation>
    </message>
    <message>
        <source>Fast (about 20 minutes): %1</source>
        <translation>快（约 20 分钟）：%1</translation>
    </message>
    <message>
        <source>Normal (about an hour): %1</source>
        <translation>普通（约 1 小时）：%1</translation>
    </message>
    <message>
        <source>Slow (about 4 hours): %1</source>
        <translation>慢（约 4 小时）：%1</translation>
    </message>
    <message>
        <source>Custom fee rate</source>
        <translation>自定义费率</translation>
    </message>
    <message>
        <source>Enter the address to pay.</source>
        <translation>请输入收款地址。</translation>
    </message>
    <message>
        <source>Enter the amount to send, or press Max.</source>
        <translation>请输入发送金额，或点击“全部”。</translation>
    </message>
    <message>
        <source>Scan…</source>
        <translation>扫描…</translation>
    </message>
    <message>
        <source>Read a bitcoin: payment link or an address from a QR code or a file.</source>
        <translation>从二维码或文件读取 bitcoin: 付款链接或地址。</translation>
    </message>
    <message>
        <source>Scan a payment request</source>
        <translation>扫描付款请求</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ReceivePanel</name>
    <message>
        <source>Receive address:</source>
        <translation>收款地址：</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新地址</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Request amount:</source>
        <translation>请求金额：</translation>
    </message>
    <message>
        <source>Optional: who pays, or what for</source>
        <translation>可选：谁付款，或付款用途</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Payment link:</source>
        <translation>付款链接：</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
</context>
<context>
    <name>spillway::ui::TransactionDialog</name>
    <message>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Transaction ID:</source>
        <translation>交易 ID：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s), in block %1</source>
        <translation>
            <numerusform>%n 个确认，在区块 %1 中</numerusform>
        </translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>%1 vB</source>
        <translation>%1 vB</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>手续费：</translation>
    </message>
    <message>
        <source>not known (an input&apos;s amount is not available)</source>
        <translation>未知（某个输入的金额无法获取）</translation>
    </message>
    <message>
        <source>%1 (%2 sat/vB)</source>
        <translation>%1（%2 聪/vB）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1 (this wallet)</source>
        <translation>%1（本钱包）</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Spends</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Pays to</source>
        <translation>付给</translation>
    </message>
    <message>
        <source>Copy transaction ID</source>
        <translation>复制交易 ID</translation>
    </message>
    <message>
        <source>Copy raw transaction</source>
        <translation>复制原始交易</translation>
    </message>
    <message>
        <source>The whole transaction in hex, as a node or a block explorer takes it.</source>
        <translation>完整交易的十六进制形式，节点或区块浏览器可直接使用。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::RecoveryPhraseView</name>
    <message>
        <source>These words restore this wallet, its coins and the keys of every channel, on any computer, with Spillway or another wallet that reads BIP 39 phrases. Write them on paper in this order and keep it safe and offline. Anyone who has them can take your money; nobody, not even Spillway, can give them back to you if they are lost.</source>
        <translation>这些单词可以在任何电脑上，用 Spillway 或其他支持 BIP 39 助记词的钱包，恢复本钱包、其中的币以及每个通道的密钥。请按顺序抄写在纸上，离线妥善保管。任何人拿到它们都能拿走你的钱；一旦丢失，没有人（包括 Spillway）能帮你找回。</translation>
    </message>
    <message>
        <source>%1. &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1. &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>spillway::ui::RecoveryPhraseDialog</name>
    <message>
        <source>Recovery phrase</source>
        <translation>助记词</translation>
    </message>
</context>
<context>
    <name>spillway::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Spillway</source>
        <translation>欢迎使用 Spillway</translation>
    </message>
    <message>
        <source>A wallet for this computer</source>
        <translation>本机钱包</translation>
    </message>
    <message>
        <source>Spillway keeps the wallet&apos;s keys in this computer&apos;s keychain. Make a new wallet, or bring back one you have from its recovery phrase.</source>
        <translation>Spillway 把钱包密钥保存在本机的钥匙串中。你可以新建钱包，或用助记词恢复已有的钱包。</translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation>新建钱包</translation>
    </message>
    <message>
        <source>Restore a wallet from its recovery phrase</source>
        <translation>用助记词恢复钱包</translation>
    </message>
    <message>
        <source>Your recovery phrase</source>
        <translation>你的助记词</translation>
    </message>
    <message>
        <source>Write these 24 words down, in order, on paper. The next page asks for three of them.</source>
        <translation>请把这 24 个单词按顺序抄写在纸上。下一页会请你输入其中三个。</translation>
    </message>
    <message>
        <source>Check what you wrote</source>
        <translation>核对你抄写的内容</translation>
    </message>
    <message>
        <source>Type these three words from your paper. The wallet is made once they match.</source>
        <translation>请根据纸上内容输入这三个单词。全部正确后才会创建钱包。</translation>
    </message>
    <message>
        <source>Word %1:</source>
        <translation>第 %1 个单词：</translation>
    </message>
    <message>
        <source>Restore from a recovery phrase</source>
        <translation>用助记词恢复</translation>
    </message>
    <message>
        <source>Type the 12 or 24 words, in order, separated by spaces. Coins and channels are looked for on the chain once the wallet is made.</source>
        <translation>请按顺序输入 12 或 24 个单词，用空格分隔。钱包创建后会在链上查找币和通道。</translation>
    </message>
    <message>
        <source>Type the words of your recovery phrase.</source>
        <translation>请输入助记词。</translation>
    </message>
    <message>
        <source>Word %1, &quot;%2&quot;, is not a recovery-phrase word. Check its spelling.</source>
        <translation>第 %1 个单词“%2”不是助记词单词，请检查拼写。</translation>
    </message>
    <message>
        <source>%1 words so far: a recovery phrase has 12 or 24 words.</source>
        <translation>目前 %1 个单词：助记词应有 12 或 24 个单词。</translation>
    </message>
    <message>
        <source>These words are not a valid recovery phrase: a word is wrong or out of order.</source>
        <translation>这些单词不是有效的助记词：有单词错误或顺序不对。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::NetworkNames</name>
    <message>
        <source>mainnet</source>
        <translation>主网</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本地链</translation>
    </message>
    <message>
        <source>testnet</source>
        <translation>测试网</translation>
    </message>
    <message>
        <source>the local chain</source>
        <translation>本地链</translation>
    </message>
</context>
<context>
    <name>spillway::ui::FeeSettingsBox</name>
    <message>
        <source>Fees</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Fee budget for bumps:</source>
        <translation>提高手续费的预算：</translation>
    </message>
    <message>
        <source>When a settlement or refund waits because fees rose, a child transaction pays for it, never more than this share of what it brings you. A channel can have its own (spillway-cli channel budget).</source>
        <translation>当结算或退款因手续费上涨而等待确认时，由子交易为其付费，但绝不超过它给您带来金额的这一比例。每个通道也可单独设置（spillway-cli channel budget）。</translation>
    </message>
    <message>
        <source> sat/vB</source>
        <translation> sat/vB</translation>
    </message>
    <message>
        <source>Local chain: blocks take from</source>
        <translation>本地链：区块只打包不低于</translation>
    </message>
</context>
<context>
    <name>spillway::ui::PasswordDialog</name>
    <message>
        <source>Unlock wallet</source>
        <translation>解锁钱包</translation>
    </message>
    <message>
        <source>This wallet's seed is locked with a password. Enter it to open the wallet.</source>
        <translation>此钱包的种子已用密码锁定。请输入密码以打开钱包。</translation>
    </message>
    <message>
        <source>Show recovery phrase</source>
        <translation>显示恢复短语</translation>
    </message>
    <message>
        <source>Anyone who sees these words can take this wallet's money. Enter the wallet password to show them, with nobody watching your screen.</source>
        <translation>任何看到这些单词的人都能拿走此钱包里的钱。请在无人注视屏幕时输入钱包密码来显示它们。</translation>
    </message>
    <message>
        <source>Set wallet password</source>
        <translation>设置钱包密码</translation>
    </message>
    <message>
        <source>The password locks the wallet's seed in the keychain: Spillway asks for it at start and before showing the recovery phrase. If you forget it, only the recovery phrase brings the wallet back.</source>
        <translation>密码会锁定钥匙串中的钱包种子：Spillway 在启动时和显示恢复短语前都会要求输入。如果忘记密码，只有恢复短语能找回钱包。</translation>
    </message>
    <message>
        <source>Change wallet password</source>
        <translation>更改钱包密码</translation>
    </message>
    <message>
        <source>The seed is locked again with the new password.</source>
        <translation>种子将改用新密码锁定。</translation>
    </message>
    <message>
        <source>Remove wallet password</source>
        <translation>移除钱包密码</translation>
    </message>
    <message>
        <source>Without a password, anyone who can use your keychain can use this wallet.</source>
        <translation>没有密码时，任何能使用你钥匙串的人都能使用此钱包。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>移除密码</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::PasswordSettingsBox</name>
    <message>
        <source>Wallet password</source>
        <translation>钱包密码</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>The wallet's seed is locked with a password in the keychain. Spillway asks for it at start and before showing the recovery phrase; the background watcher settles and refunds channels without it.</source>
        <translation>钱包种子已在钥匙串中用密码锁定。Spillway 在启动时和显示恢复短语前会要求输入密码；后台监视程序无需密码即可结算和退款通道。</translation>
    </message>
    <message>
        <source>This wallet has no password: its seed is protected by the keychain alone.</source>
        <translation>此钱包没有密码：其种子仅由钥匙串保护。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ChannelCountdown</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>~%1 d %2 h</source>
        <translation>约 %1 天 %2 小时</translation>
    </message>
    <message>
        <source>~%1 h %2 min</source>
        <translation>约 %1 小时 %2 分</translation>
    </message>
    <message>
        <source>~%1 min %2 s</source>
        <translation>约 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Refund sent, waiting for a confirmation</source>
        <translation>退款已发出，等待确认</translation>
    </message>
    <message>
        <source>The payer's refund is waiting for a confirmation</source>
        <translation>付款方的退款正在等待确认</translation>
    </message>
    <message>
        <source>The payee settled, waiting for a confirmation</source>
        <translation>收款方已结算，等待确认</translation>
    </message>
    <message>
        <source>Settlement sent, waiting for a confirmation</source>
        <translation>结算已发出，等待确认</translation>
    </message>
    <message>
        <source>Refund possible now</source>
        <translation>现在可以退款</translation>
    </message>
    <message numerus="yes">
        <source>Refund possible in %n block(s)</source>
        <translation>
            <numerusform>%n 个区块后可退款</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired with no payment</source>
        <translation>已到期，没有收到付款</translation>
    </message>
    <message numerus="yes">
        <source>No payment yet; expires in %n block(s)</source>
        <translation>
            <numerusform>尚无付款；%n 个区块后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Settling now: past the safety margin</source>
        <translation>正在结算：已过安全余量</translation>
    </message>
    <message numerus="yes">
        <source>Settles by itself in %n block(s)</source>
        <translation>
            <numerusform>%n 个区块后自动结算</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for a payer to open it</source>
        <translation>等待付款方开通</translation>
    </message>
</context>
<context>
    <name>spillway::ui::OfferChecks</name>
    <message>
        <source>This is not an offer. An offer starts with spw1 and comes from the payee (New offer).</source>
        <translation>这不是报价。报价以 spw1 开头，由收款方（新建报价）提供。</translation>
    </message>
    <message>
        <source>This offer is for %1, and this wallet is on %2. Ask the payee for an offer on %2.</source>
        <translation>此报价适用于%1，而本钱包在%2上。请向收款方索取%2上的报价。</translation>
    </message>
    <message>
        <source>The payee asks for a closing fee far above today's fees. Ask for a new offer.</source>
        <translation>收款方要求的关闭手续费远高于当前费率。请索取新的报价。</translation>
    </message>
    <message>
        <source>This offer is damaged or not one Spillway can accept: %1</source>
        <translation>此报价已损坏或 Spillway 无法接受：%1</translation>
    </message>
    <message>
        <source>The payee does not offer this kind of channel. Choose the other kind.</source>
        <translation>收款方不提供这种通道。请选择另一种。</translation>
    </message>
    <message>
        <source>The payee accepts a capacity from %1 to %2.</source>
        <translation>收款方接受的容量为 %1 到 %2。</translation>
    </message>
    <message>
        <source>The wallet has %1 spendable, less than the capacity and its funding fee.</source>
        <translation>钱包可用余额为 %1，少于容量加上注资手续费。</translation>
    </message>
    <message>
        <source>The payee accepts a refund after %1 to %2 blocks.</source>
        <translation>收款方接受在 %1 到 %2 个区块后退款。</translation>
    </message>
    <message>
        <source>With %1 confirmations first and the payee settling %2 blocks before the refund, the refund must be at least %3 blocks away.</source>
        <translation>需要先有 %1 个确认，且收款方会在退款前 %2 个区块结算，因此退款至少要在 %3 个区块之后。</translation>
    </message>
    <message>
        <source>The closing fee must be at least %1 (the payee's minimum feerate).</source>
        <translation>关闭手续费至少为 %1（收款方的最低费率）。</translation>
    </message>
    <message>
        <source>The closing fee can be at most half the capacity.</source>
        <translation>关闭手续费最多为容量的一半。</translation>
    </message>
    <message>
        <source>The payee would refuse these terms: %1</source>
        <translation>收款方会拒绝这些条款：%1</translation>
    </message>
</context>
<context>
    <name>spillway::ui::OffersInTable</name>
    <message>
        <source>Show offer</source>
        <translation>显示报价</translation>
    </message>
    <message>
        <source>Show the selected offer again as a QR code, to give to the payer</source>
        <translation>将所选报价再次显示为二维码，交给付款方</translation>
    </message>
    <message>
        <source>Copy offer</source>
        <translation>复制报价</translation>
    </message>
    <message>
        <source>Withdraw offer</source>
        <translation>撤回报价</translation>
    </message>
    <message>
        <source>Take the selected offer back: a payer who has it can no longer open a channel with it</source>
        <translation>收回所选报价：持有它的付款方将无法再用它开通通道</translation>
    </message>
    <message>
        <source>this offer</source>
        <translation>此报价</translation>
    </message>
    <message>
        <source>the offer "%1"</source>
        <translation>报价“%1”</translation>
    </message>
    <message>
        <source>Withdraw %1? A payer who already has it can no longer open a channel with it.</source>
        <translation>撤回%1？已经持有它的付款方将无法再用它开通通道。</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>报价</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ByteSize</name>
    <message>
        <source>%1 B</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation>%1 字节/秒</translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/秒</translation>
    </message>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/秒</translation>
    </message>
    <message>
        <source>%1 GiB/s</source>
        <translation>%1 GiB/秒</translation>
    </message>
</context>
<context>
    <name>spillway::ui::PurchaseRunner</name>
    <message>
        <source>The provider at %1 does not answer. It may have stopped selling, or its address cannot be reached from here.</source>
        <translation>位于 %1 的提供方没有响应。它可能已停止出售，或者从这里无法访问其地址。</translation>
    </message>
    <message>
        <source>The connection to the provider was lost.</source>
        <translation>与提供方的连接已断开。</translation>
    </message>
    <message>
        <source>%1: %L2 bytes, SHA-256 checked.</source>
        <translation>%1：%L2 字节，SHA-256 已校验。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::SellService</name>
    <message>
        <source>Files from %1</source>
        <translation>来自 %1 的文件</translation>
    </message>
    <message>
        <source>Port %1 is in use by another program. Close that program and start again, or change the port in "Listen on" (buyers then need the new offer).</source>
        <translation>端口 %1 已被其他程序占用。请关闭该程序后再开始，或在“监听地址”中换一个端口（买家随后需要新的报价）。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::PayDialog</name>
    <message>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Pay this amount now</source>
        <translation>立即支付此金额</translation>
    </message>
    <message>
        <source>%1 left in this channel.</source>
        <translation>此通道还剩 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) from this window. Paid %1 in all, %2 acknowledged by the payee.</source>
        <translation>
            <numerusform>此窗口已付款 %n 次。共支付 %1，收款方已确认 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: show this to the payee.</source>
        <translation>%1：把它给收款方看。</translation>
    </message>
    <message>
        <source>The channel is no longer open: no more payments.</source>
        <translation>通道已不再开放：不能再付款。</translation>
    </message>
</context>
<context>
    <name>spillway::ui::ChannelAnnouncements</name>
    <message>
        <source>Channel settled automatically</source>
        <translation>通道已自动结算</translation>
    </message>
    <message>
        <source>Spillway settled "%1" by itself before its deadline: %2 come to you once the settlement confirms.</source>
        <translation>Spillway 在截止前自动结算了“%1”：结算确认后 %2 将归你。</translation>
    </message>
    <message>
        <source>Refund sent automatically</source>
        <translation>退款已自动发出</translation>
    </message>
    <message>
        <source>"%1" expired, and Spillway sent its refund by itself: your money comes back once it confirms.</source>
        <translation>“%1”已到期，Spillway 已自动发出退款：确认后你的钱会退回。</translation>
    </message>
    <message>
        <source>Channel settled</source>
        <translation>通道已结算</translation>
    </message>
    <message>
        <source>"%1" is settled on the chain: %2 are yours.</source>
        <translation>“%1”已在链上结算：%2 归你。</translation>
    </message>
    <message>
        <source>Channel refunded</source>
        <translation>通道已退款</translation>
    </message>
    <message>
        <source>"%1" is refunded on the chain: %2 went back to the payer.</source>
        <translation>“%1”已在链上退款：%2 已退回付款方。</translation>
    </message>
</context>
</TS>
