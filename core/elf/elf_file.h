// ElfFile: an opened ELF object (relocatable .o, kernel module .ko, linked vmlinux).
//
// Owns the file descriptor and the libelf handle (RAII). An installed module compressed with xz,
// zstd or gzip is decompressed into memory first (elf/decompress.h). Gives the symbol table with extended
// section indices already resolved, and named section contents. Every libelf failure becomes a
// kabiscope::Error naming the file, so a truncated or foreign file gives one clear line.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <gelf.h>
#include <libelf.h>

#include "base/unique_fd.h"
#include "elf/decompress.h"
#include "elf/elf_handle.h"

namespace kabiscope {

// One entry of .symtab, as the versioning rules need it.
struct ElfSymbol {
    std::string_view name;
    unsigned binding = 0;  // STB_*
    unsigned type = 0;     // STT_*
    uint32_t section = 0;  // section index, SHN_XINDEX already resolved
    uint64_t value = 0;
    uint64_t size = 0;
    uint64_t sectionFlags = 0;  // sh_flags of `section` when it is a real section, else 0
    uint32_t sectionType = 0;   // sh_type of `section` when it is a real section, else 0
    std::string_view sectionName;
};

// A section's place and bytes.
struct ElfSection {
    uint32_t index = 0;
    uint64_t address = 0;       // sh_addr (0 in a relocatable object)
    std::string_view contents;  // empty for SHT_NOBITS
};

// One relocation of a section, with its symbol resolved: the relocated field holds a value
// computed from symbolValue + addend (the target address) and the relocation type.
struct ElfRelocation {
    uint64_t offset = 0;  // of the field in the relocated section
    uint32_t type = 0;    // R_* (machine-specific)
    uint64_t symbolValue = 0;
    uint32_t symbolSection = 0;  // section index of the symbol (SHN_UNDEF for an undefined one)
    int64_t addend = 0;          // r_addend (SHT_RELA)
    bool inPlaceAddend = false;  // SHT_REL: the addend is the relocated field's own contents
};

class ElfFile {
public:
    explicit ElfFile(std::string path);
    ElfFile(const ElfFile&) = delete;
    ElfFile& operator=(const ElfFile&) = delete;

    const std::string& path() const { return path_; }

    // Calls `visit` for .symtab entries 1..n-1 in table order. No .symtab: no calls.
    void forEachSymbol(const std::function<void(const ElfSymbol&)>& visit) const;

    // The bytes of the first section with this name, if there is one.
    std::optional<std::string_view> sectionContents(std::string_view name) const;
    std::optional<ElfSection> section(std::string_view name) const;

    // How the file on disk is compressed (an installed .ko.xz); sections come from its image.
    Compression compression() const { return compression_; }

    bool isRelocatable() const { return type_ == ET_REL; }
    bool is64Bit() const { return class_ == ELFCLASS64; }
    bool isLittleEndian() const { return data_ == ELFDATA2LSB; }

    // Calls `visit` for every relocation (SHT_RELA or SHT_REL) that applies to section `target`.
    void forEachRelocation(uint32_t target, const std::function<void(const ElfRelocation&)>& visit) const;

private:
    Elf_Scn* findSection(std::string_view name) const;
    std::string_view sectionName(size_t index) const;

    std::string path_;
    UniqueFd fd_;  // libelf reads through it (none for a compressed file: its image is in memory)
    Compression compression_ = Compression::None;
    std::string image_;  // a compressed file's decompressed bytes, which libelf reads
    ElfHandle elf_;      // declared after what it reads, so it ends first
    size_t sectionNameTable_ = 0;
    unsigned type_ = ET_NONE;
    unsigned char class_ = ELFCLASSNONE;
    unsigned char data_ = ELFDATANONE;
};

// The unsigned integer of `width` bytes (1 to 8) at `at` of a section's contents, in the file's
// byte order. The caller checks that the bytes lie inside `bytes`.
uint64_t readUnsigned(std::string_view bytes, uint64_t at, unsigned width, bool littleEndian);

// True when the file's first bytes are ELF's, or those of xz, zstd or gzip data (an installed
// module): what to read it as, decided by content. False for an unreadable file.
bool looksLikeElfFile(const std::string& path);

}  // namespace kabiscope
