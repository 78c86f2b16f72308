// A build file read from genksyms symtypes (the kernel's KBUILD_SYMTYPES=1 files of distro
// kernels, one object's or several concatenated, or a suse-kabi-tools consolidated file): every
// exported symbol with the CRC genksyms gives it, recomputed from the records
// (version/genksyms_crc.h), one scope per section (readers/genksyms_symtypes.h).
#pragma once

#include <string>
#include <vector>

#include "model/build_file.h"

namespace kabiscope {

// Throws kabiscope::Error naming the file (and line) for a malformed line or a reference to a
// type no section defines. With `captureCrcInput`, each scope's crcInputs get every symbol's
// expansion, the bytes its CRC is computed from (what `genksyms -D` prints).
struct GenksymsReadOptions {
    bool captureCrcInput = false;
    bool keepTypes = true;  // false: the CRCs only, no nodes (typesKept false), for `versions`
};
BuildFile readGenksymsFile(const std::string& path, const GenksymsReadOptions& options = {});

// A kernel tree built with KBUILD_SYMTYPES=1: every `*.symtypes` file under `directory`, in
// path order, one scope each named by its relative path (empty files, of objects that export
// nothing, are skipped).
BuildFile readGenksymsTree(const std::string& directory, const GenksymsReadOptions& options = {});

// The `*.symtypes` files under `directory`, sorted.
std::vector<std::string> symtypesFilesIn(const std::string& directory);

}  // namespace kabiscope
