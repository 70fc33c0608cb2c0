#pragma once
// "Resume, do not rescan": the block scanner's state in the wallet's data
// directory, so that a new process (each spillway-cli command is one) reads
// only the blocks since the last one instead of every block since the
// wallet's birthday. The file holds what ChainScanner knows: its start height,
// what it watches, every block read (height, time, hash) with what that block
// added (the undo that lets a reorg across the saved tip roll back), and the
// outputs, spends and transactions found. A SHA-256 of the contents ends the
// file; a file that fails it, or comes from another start height, is ignored
// (the blocks are read again). Written atomically (QSaveFile): two processes
// on one data directory each leave a whole, valid state.

#include "ChainScanner.h"

#include <QString>

namespace spillway::chain {

/// The file's name inside a data directory.
inline constexpr const char *kScanStateFileName = "chain-scan.state";

/// Writes `scanner`'s blocks and findings to `path` (atomically).
Status saveScanState(const QString &path, const ChainScanner &scanner);
/// Reads `path` into `scanner` (ChainScanner::loadState); false when there is no
/// usable file (missing, damaged, another start height), and the scanner is unchanged.
bool loadScanState(const QString &path, ChainScanner &scanner);

} // namespace spillway::chain
