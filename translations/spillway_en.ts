<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorCode</name>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="16"/>
        <source>No error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="17"/>
        <source>An unexpected error occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="18"/>
        <source>The data ends before it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="19"/>
        <source>The data continues after its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="20"/>
        <source>A length is not encoded in its shortest form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="21"/>
        <source>A field is larger than allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="22"/>
        <source>The text is not valid hexadecimal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="23"/>
        <source>The text is not valid base58.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="24"/>
        <source>The checksum does not match: the text was mistyped or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="25"/>
        <source>The text is not valid bech32 or bech32m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="26"/>
        <source>This is not a valid Bitcoin address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="27"/>
        <source>This belongs to a different Bitcoin network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="28"/>
        <source>The transaction is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="29"/>
        <source>The script is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="30"/>
        <source>The amount is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="31"/>
        <source>The amounts add up to more than can exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="32"/>
        <source>The private key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="33"/>
        <source>The public key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="34"/>
        <source>The signature is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="35"/>
        <source>The key derivation path is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="36"/>
        <source>The extended key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="37"/>
        <source>The recovery phrase is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="38"/>
        <source>The PSBT is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="39"/>
        <source>The PSBT lacks data needed for this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="40"/>
        <source>The PSBTs describe different transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="41"/>
        <source>The transaction&apos;s script check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="42"/>
        <source>The transaction is locked until a later block (non-final).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="43"/>
        <source>The transaction spends coins the chain does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="44"/>
        <source>The transaction spends coins that are already spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="45"/>
        <source>Newly mined coins can be spent only after 100 blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="46"/>
        <source>A relative lock time (BIP 68) has not passed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="47"/>
        <source>The fee is below the minimum relay fee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="48"/>
        <source>An output is too small to be worth spending (dust).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="49"/>
        <source>The transaction is not standard and would not be relayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="50"/>
        <source>The transaction is already in the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="51"/>
        <source>The chain cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="52"/>
        <source>The chain&apos;s data is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="53"/>
        <source>Nothing was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="54"/>
        <source>No OS keychain is available. Install and unlock gnome-keyring (or another Secret Service provider).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="55"/>
        <source>The OS keychain refused access to the wallet&apos;s seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="56"/>
        <source>The wallet&apos;s seed is not in the OS keychain. Restore the wallet from its recovery phrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="57"/>
        <source>A wallet already exists in this data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="58"/>
        <source>There is no wallet in this data directory. Create or restore one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="59"/>
        <source>The wallet does not have enough confirmed coins for this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="60"/>
        <source>Saving to disk failed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="61"/>
        <source>An argument is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="62"/>
        <source>The message is damaged or not a Spillway message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="63"/>
        <source>The message comes from an incompatible Spillway version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="64"/>
        <source>There is no such channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="65"/>
        <source>The channel is not open (or its funding lacks confirmations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="66"/>
        <source>The payment is out of order: its sequence number is not the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="67"/>
        <source>The payment does not pay more than the previous one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="68"/>
        <source>The payment is more than the channel can carry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="69"/>
        <source>The first payment is too small to be settled on chain (dust).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="70"/>
        <source>The payment&apos;s signature does not match the commitment it pays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="71"/>
        <source>The channel is too close to its expiry to accept payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="72"/>
        <source>The channel&apos;s terms are not acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="73"/>
        <source>The proposed refund is not the one the channel&apos;s terms give (lock time or payee script).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="74"/>
        <source>The funding transaction does not match the proposal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="75"/>
        <source>No payment has been received in this channel yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="76"/>
        <source>This proposal answers an offer this wallet did not make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="77"/>
        <source>Stopped on request; it can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="78"/>
        <source>The node refused the RPC user name and password (or cookie file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="79"/>
        <source>The node answered the request with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="80"/>
        <source>The node is still catching up with the network; try again when it is synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="81"/>
        <source>The node has pruned blocks the wallet needs (from its birthday on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/ErrorCode.cpp" line="82"/>
        <source>The server&apos;s key is not the one its offer pins: refusing to connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="29"/>
        <source>%L1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="30"/>
        <source>%L1 sat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spillway::ui::BuyTab</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="116"/>
        <source>The provider&apos;s offer (spw1…): paste it or import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="120"/>
        <source>Import offer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="122"/>
        <source>Import the provider&apos;s offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="126"/>
        <source>List files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="133"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="146"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="148"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="163"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MarketTabs.cpp" line="169"/>
        <source>%n file(s) on offer.</source>
        <translation>
            <numerusform>%n file on offer.</numerusform>
            <numerusform>%n files on offer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="175"/>
        <source>Total: %L1 sat, paid piece by piece as the file arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="183"/>
        <source>Save the file as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="193"/>
        <source>%L1 bytes received, %L2 sat paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="197"/>
        <source>Stopped: %1 Download again to resume.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spillway::ui::ChannelTableModel</name>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="34"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="35"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="36"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="37"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="38"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="39"/>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="40"/>
        <source>Refund possible in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="41"/>
        <source>Last payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="49"/>
        <source>%1 BTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="50"/>
        <source>%L1 sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="80"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="83"/>
        <source>refund possible now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="87"/>
        <source>~%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="89"/>
        <source>~%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="91"/>
        <source>~%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ChannelTableModel.cpp" line="92"/>
        <source>%n block(s) (%1)</source>
        <translation>
            <numerusform>%n block (%1)</numerusform>
            <numerusform>%n blocks (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="98"/>
        <source>offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="99"/>
        <source>opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="100"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="101"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="102"/>
        <source>settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="103"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="104"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="112"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="113"/>
        <source>paying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="113"/>
        <source>receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ChannelTableModel.cpp" line="121"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Spillway settles this channel by itself %n block(s) before it expires (the safety margin), if it is still open then. Settle sooner to be paid sooner.</source>
        <translation>
            <numerusform>Spillway settles this channel by itself %n block before it expires (the safety margin), if it is still open then. Settle sooner to be paid sooner.</numerusform>
            <numerusform>Spillway settles this channel by itself %n blocks before it expires (the safety margin), if it is still open then. Settle sooner to be paid sooner.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="37"/>
        <source>Paste a message (spw1…) or a PSBT here, or use a button below, or drop a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="46"/>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="47"/>
        <source>Open a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="48"/>
        <source>Messages and PSBTs (*.spw *.psbt *.txt);;Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="52"/>
        <source>Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="53"/>
        <source>Open an image with a QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="54"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="58"/>
        <source>Clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="65"/>
        <source>Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>No QR code found in that image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="98"/>
        <source>QR code read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="106"/>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="117"/>
        <source>File read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="142"/>
        <source>No camera was found. Use an image, the clipboard, the screen or a file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="164"/>
        <source>QR code read from the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="169"/>
        <source>Hold the QR code in front of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="1"/>
        <source>%n code(s) imported. Scanning on.</source>
        <translation>
            <numerusform>%n code imported. Scanning on.</numerusform>
            <numerusform>%n codes imported. Scanning on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="45"/>
        <location filename="../ui/MainWindow.cpp" line="143"/>
        <source>Spillway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>New offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59"/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Open channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <location filename="../ui/MainWindow.cpp" line="387"/>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="61"/>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <location filename="../ui/MainWindow.cpp" line="419"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="62"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <location filename="../ui/MainWindow.cpp" line="434"/>
        <source>Settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="63"/>
        <source>Ctrl+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="64"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="64"/>
        <source>Ctrl+W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <location filename="../ui/MainWindow.cpp" line="461"/>
        <source>Export PSBT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="66"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="71"/>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="76"/>
        <source>&amp;Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="77"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>The new language or chain applies when Spillway starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="86"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="94"/>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="95"/>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="99"/>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>Network: local chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="102"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="105"/>
        <source>Mine a block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="107"/>
        <source>The local chain mines on demand: one block to this wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Network: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>The regtest node mines one block to this wallet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Height %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Your recovery phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="150"/>
        <source>Write down these words and keep them safe. They restore this wallet and every channel. They are shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="177"/>
        <source>Filter channels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="223"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Confirmed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Unconfirmed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>Newly mined (immature):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <source>In channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="241"/>
        <source>Receive address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>Address to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="258"/>
        <source>Amount in sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="259"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>Enter the amount in whole satoshis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="271"/>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="272"/>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="290"/>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="323"/>
        <source>Select a channel to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="323"/>
        <source>No channels yet. A payee starts with New offer; a payer with Open channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="326"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;Funding: %4&lt;br&gt;Payments: %5, paid %6 of %7 (fee for the commitment included in capacity)&lt;br&gt;%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <source>Closed by %1: payee %2, payer %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>What do you sell? (a label the payer sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="389"/>
        <source>%1 left in this channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="394"/>
        <source> sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="431"/>
        <source>Settle now? %1 go to you, %2 back to the payer (minus the fee agreed at opening).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="461"/>
        <source>Which transaction?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s) exported to %1</source>
        <translation>
            <numerusform>%n transaction exported to %1</numerusform>
            <numerusform>%n transactions exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::MessageDialog</name>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="21"/>
        <source>Show this code to the other side, or send them the text or the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="41"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="43"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="47"/>
        <source>Save message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="48"/>
        <source>PSBT (*.psbt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MessageDialog.cpp" line="48"/>
        <source>Spillway messages (*.spw)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spillway::ui::OpenChannelWizard</name>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="23"/>
        <source>Open a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="26"/>
        <source>The payee&apos;s offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="27"/>
        <source>Scan or paste the offer the payee showed you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="32"/>
        <source>From an image or the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="35"/>
        <source>Import the offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="48"/>
        <source>Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="54"/>
        <location filename="../ui/OpenChannelWizard.cpp" line="67"/>
        <source> sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="56"/>
        <source>Capacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="61"/>
        <source> blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="62"/>
        <source>Refund possible after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="66"/>
        <source>from the chain&apos;s estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="68"/>
        <source>Closing fee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="71"/>
        <source>CLTV (BIP 65): one round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="72"/>
        <source>Pre-signed refund: the payee signs the refund first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="73"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="80"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="134"/>
        <source>Offer &quot;%1&quot;: capacity %L2 to %L3 sat, refund after %4 to %5 blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="141"/>
        <source>This is not an offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/OpenChannelWizard.cpp" line="143"/>
        <source>Your wallet locks %L1 sat in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block(s), minus its fee.</source>
        <translation>
            <numerusform>Your wallet locks %L1 sat in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block, minus its fee.</numerusform>
            <numerusform>Your wallet locks %L1 sat in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n blocks, minus its fee.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="148"/>
        <source>The settlement&apos;s fee, %L1 sat, comes out of your side; at most %L2 sat can be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/OpenChannelWizard.cpp" line="151"/>
        <source>The settlement&apos;s fee follows the chain&apos;s fee estimate and comes out of your side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your wallet locks %1 in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block(s), minus its fee.</source>
        <translation>
            <numerusform>Your wallet locks %1 in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n block, minus its fee.</numerusform>
            <numerusform>Your wallet locks %1 in a 2-of-2 output with the payee. You pay by signing; the payee settles with the newest payment. If the payee disappears, the refund returns your money after %n blocks, minus its fee.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::PaymentHistoryModel</name>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="23"/>
        <source>%L1 sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="24"/>
        <source>+%L1 sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="35"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="36"/>
        <source>Paid in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="37"/>
        <source>This payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="38"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spillway::ui::QrMessageView</name>
    <message numerus="yes">
        <location filename="../ui/QrMessageView.cpp" line="33"/>
        <source>%n message(s): copy or save them together.</source>
        <translation>
            <numerusform>%n message: copy or save it.</numerusform>
            <numerusform>%n messages: copy or save them together.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::SellTab</name>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="45"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="47"/>
        <source>Files to sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="54"/>
        <source>Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="59"/>
        <source> sat per MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="60"/>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="63"/>
        <source>Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="64"/>
        <source>Start selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="68"/>
        <source>Not selling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MarketTabs.cpp" line="84"/>
        <source>%n open channel(s) with buyers; earned %L1 sat in all.</source>
        <translation>
            <numerusform>%n open channel with buyers; earned %L1 sat in all.</numerusform>
            <numerusform>%n open channels with buyers; earned %L1 sat in all.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="87"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="100"/>
        <source>Selling on %1. Give buyers this offer (earnings appear in the Channels tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/MarketTabs.cpp" line="101"/>
        <source>Offer for buyers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open channel(s) with buyers; earned %1 in all.</source>
        <translation>
            <numerusform>%n open channel with buyers; earned %1 in all.</numerusform>
            <numerusform>%n open channels with buyers; earned %1 in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="36"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="47"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="50"/>
        <source>satoshi (sat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="51"/>
        <source>bitcoin (BTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="53"/>
        <source>Amounts in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="57"/>
        <source> blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="59"/>
        <source>New channels: refund after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="63"/>
        <source>Chain (applies when Spillway starts again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="67"/>
        <source>Local chain on this computer (no node needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="68"/>
        <source>Regtest (your Bitcoin Core node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="69"/>
        <source>Signet (your Bitcoin Core node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="70"/>
        <source>Testnet (your Bitcoin Core node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="71"/>
        <source>Testnet4 (your Bitcoin Core node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="72"/>
        <source>Mainnet: real bitcoin (your Bitcoin Core node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="74"/>
        <source>Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="77"/>
        <source>default: the shared local chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="78"/>
        <source>Local chain file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="81"/>
        <source>Node RPC address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="84"/>
        <source>Cookie file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="87"/>
        <source>or a user name (rpcuser)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="88"/>
        <source>RPC user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="92"/>
        <source>kept in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="93"/>
        <source>RPC password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="94"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="158"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="167"/>
        <source>Could not use the node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="168"/>
        <source>Connected: %1 chain at height %2, node %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="174"/>
        <source>Local chain at height %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spillway::ui::TrayController</name>
    <message numerus="yes">
        <source>Spillway: %n channel(s) watched</source>
        <translation>
            <numerusform>Spillway: %n channel watched</numerusform>
            <numerusform>Spillway: %n channels watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n block(s), about %1</source>
        <translation>
            <numerusform>in %n block, about %1</numerusform>
            <numerusform>in %n blocks, about %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) are watched from here until you quit.</source>
        <translation>
            <numerusform>%n channel is watched from here until you quit.</numerusform>
            <numerusform>%n channels are watched from here until you quit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::WalletHistoryModel</name>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="74"/>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="76"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="78"/>
        <source>mined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="80"/>
        <source>channel funding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="82"/>
        <location filename="../ui/models/HistoryModels.cpp" line="83"/>
        <source>%L1 sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="84"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="84"/>
        <source>block %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="95"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="96"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="97"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="98"/>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="99"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/HistoryModels.cpp" line="100"/>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s)</source>
        <translation>
            <numerusform>%n confirmation</numerusform>
            <numerusform>%n confirmations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::WalletService</name>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="225"/>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="246"/>
        <source>Channel proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="279"/>
        <source>Answer for the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="281"/>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="293"/>
        <source>Payment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="305"/>
        <source>Settlement broadcast: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="316"/>
        <source>Close request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="328"/>
        <source>Refund broadcast: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="339"/>
        <source>PSBT (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="389"/>
        <source>Sent %1 sat, fee %2 sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="434"/>
        <source>Files from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="503"/>
        <source>The provider has no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/services/WalletService.cpp" line="514"/>
        <source>%1: %L2 bytes, SHA-256 checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) left before the payer's refund becomes valid.</source>
        <translation>
            <numerusform>%n block left before the payer's refund becomes valid.</numerusform>
            <numerusform>%n blocks left before the payer's refund becomes valid.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n channel(s) from the backup; the watcher catches up with the chain.</source>
        <translation>
            <numerusform>Restored %n channel from the backup; the watcher catches up with the chain.</numerusform>
            <numerusform>Restored %n channels from the backup; the watcher catches up with the chain.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::TransactionDialog</name>
    <message numerus="yes">
        <source>%n confirmation(s), in block %1</source>
        <translation>
            <numerusform>%n confirmation, in block %1</numerusform>
            <numerusform>%n confirmations, in block %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spillway::ui::ChannelCountdown</name>
    <message numerus="yes">
        <source>Refund possible in %n block(s)</source>
        <translation>
            <numerusform>Refund possible in %n block</numerusform>
            <numerusform>Refund possible in %n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No payment yet; expires in %n block(s)</source>
        <translation>
            <numerusform>No payment yet; expires in %n block</numerusform>
            <numerusform>No payment yet; expires in %n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settles by itself in %n block(s)</source>
        <translation>
            <numerusform>Settles by itself in %n block</numerusform>
            <numerusform>Settles by itself in %n blocks</numerusform>
        </translation>
    </message>
</context>
</TS>
