#include "elf/elf_file.h"

#include <fstream>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.h"
#include "elf/decompress.h"

namespace kabiscope {

namespace {

std::string elfError() { return elf_errmsg(-1) ? elf_errmsg(-1) : "unknown libelf error"; }

}  // namespace

namespace {

// What the first bytes say, before libelf is asked: an empty file or a file cut inside the ELF
// header get their own message instead of "invalid ELF file data". `what` is "" for a plain file,
// "xz-compressed data" and so on for what a compressed one held.
void checkIdent(const std::string& path, std::string_view head, uint64_t size, const std::string& what) {
    const std::string subject = what.empty() ? "" : what + ": ";
    if (size == 0) fail(path, subject, what.empty() ? "empty file, expected an ELF file" : "empty, expected an ELF file");
    if (head.size() < SELFMAG || std::memcmp(head.data(), ELFMAG, SELFMAG) != 0)
        fail(path, subject, what.empty() ? "not an ELF file" : "not an ELF file inside");
    const uint64_t headerSize =
        head.size() > EI_CLASS && head[EI_CLASS] == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr);
    if (size < headerSize)
        fail(path, subject, "truncated ELF file: ", size, " bytes, shorter than its ", headerSize, "-byte ELF header");
}

std::string readAll(const std::string& path, int fd, uint64_t size) {
    std::string bytes(size, '\0');
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::pread(fd, bytes.data() + done, bytes.size() - done, off_t(done));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) fail(path, errnoMessage(errno));
        if (got == 0) fail(path, "file shrank while being read");
        done += size_t(got);
    }
    return bytes;
}

}  // namespace

uint64_t readUnsigned(std::string_view bytes, uint64_t at, unsigned width, bool littleEndian) {
    uint64_t value = 0;
    for (unsigned i = 0; i < width; ++i) {
        const uint64_t byte = uint8_t(bytes[at + (littleEndian ? i : width - 1 - i)]);
        value |= byte << (8 * i);
    }
    return value;
}

bool looksLikeElfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string_view bytes(head, size_t(in.gcount()));
    return (bytes.size() >= 4 && bytes.substr(0, 4) == "\x7f"
                                                       "ELF") ||
           detectCompression(bytes) != Compression::None;
}

ElfFile::ElfFile(std::string path) : path_(std::move(path)) {
    if (elf_version(EV_CURRENT) == EV_NONE) fail(path_, "libelf is too old: ", elfError());

    UniqueFd file(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file.valid()) fail(path_, errnoMessage(errno));
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) fail(path_, errnoMessage(errno));
    if (S_ISDIR(st.st_mode)) fail(path_, "is a directory, expected an ELF file");
    if (!S_ISREG(st.st_mode)) fail(path_, "not a regular file");

    uint64_t size = uint64_t(st.st_size);
    char head[EI_NIDENT] = {};
    const ssize_t got = size ? ::pread(file.get(), head, sizeof head, 0) : 0;
    if (got < 0) fail(path_, errnoMessage(errno));
    compression_ = detectCompression(std::string_view(head, size_t(got)));
    if (compression_ != Compression::None) {
        // An installed module (.ko.xz, .ko.zst, .ko.gz): read from its decompressed image.
        image_ = decompress(path_, readAll(path_, file.get(), size), compression_);
        size = image_.size();
        checkIdent(path_, std::string_view(image_).substr(0, EI_NIDENT), size,
                   std::string(compressionName(compression_)) + "-compressed data");
        elf_.reset(elf_memory(image_.data(), image_.size()));
    } else {
        checkIdent(path_, std::string_view(head, size_t(got)), size, "");
        elf_.reset(elf_begin(file.get(), ELF_C_READ_MMAP, nullptr));
    }
    if (!elf_) fail(path_, "cannot read ELF: ", elfError());
    if (elf_kind(elf_.get()) != ELF_K_ELF) fail(path_, "not an ELF file");
    GElf_Ehdr header;
    if (!gelf_getehdr(elf_.get(), &header)) fail(path_, "truncated or corrupt ELF header: ", elfError());
    type_ = header.e_type;
    class_ = header.e_ident[EI_CLASS];
    data_ = header.e_ident[EI_DATA];
    // libelf silently shows no sections when the table lies past the end of the file.
    if (header.e_shoff == 0 || header.e_shnum == 0) fail(path_, "ELF file has no section headers");
    if (header.e_shoff + uint64_t(header.e_shnum) * header.e_shentsize > size)
        fail(path_, "truncated ELF file: section header table extends past the end of the file");
    if (elf_getshdrstrndx(elf_.get(), &sectionNameTable_) != 0)
        fail(path_, "truncated or corrupt ELF section headers: ", elfError());
    // Walk the section headers once so a truncated table is reported here, not later.
    for (Elf_Scn* scn = elf_nextscn(elf_.get(), nullptr); scn; scn = elf_nextscn(elf_.get(), scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr)) fail(path_, "corrupt ELF section header: ", elfError());
        if (shdr.sh_type != SHT_NOBITS && shdr.sh_offset + shdr.sh_size > size)
            fail(path_, "truncated ELF file: section ", sectionName(elf_ndxscn(scn)),
                 " extends past the end of the file");
    }
    if (compression_ == Compression::None) fd_ = std::move(file);  // libelf reads through it
}

std::string_view ElfFile::sectionName(size_t index) const {
    Elf_Scn* scn = elf_getscn(elf_.get(), index);
    GElf_Shdr shdr;
    if (!scn || !gelf_getshdr(scn, &shdr)) return {};
    const char* name = elf_strptr(elf_.get(), sectionNameTable_, shdr.sh_name);
    return name ? std::string_view(name) : std::string_view();
}

Elf_Scn* ElfFile::findSection(std::string_view name) const {
    for (Elf_Scn* scn = elf_nextscn(elf_.get(), nullptr); scn; scn = elf_nextscn(elf_.get(), scn)) {
        if (sectionName(elf_ndxscn(scn)) == name) return scn;
    }
    return nullptr;
}


std::optional<std::string_view> ElfFile::sectionContents(std::string_view name) const {
    Elf_Scn* scn = findSection(name);
    if (!scn) return std::nullopt;
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) fail(path_, "corrupt section header of ", name, ": ", elfError());
    if (shdr.sh_type == SHT_NOBITS) return std::string_view();
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) fail(path_, "cannot read section ", name, ": ", elfError());
    if (!data->d_buf) return std::string_view();
    return std::string_view(static_cast<const char*>(data->d_buf), data->d_size);
}

std::optional<ElfSection> ElfFile::section(std::string_view name) const {
    Elf_Scn* scn = findSection(name);
    if (!scn) return std::nullopt;
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr)) fail(path_, "corrupt section header of ", name, ": ", elfError());
    ElfSection out;
    out.index = uint32_t(elf_ndxscn(scn));
    out.address = shdr.sh_addr;
    out.contents = *sectionContents(name);
    return out;
}

void ElfFile::forEachRelocation(uint32_t target, const std::function<void(const ElfRelocation&)>& visit) const {
    for (Elf_Scn* scn = elf_nextscn(elf_.get(), nullptr); scn; scn = elf_nextscn(elf_.get(), scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr) || (shdr.sh_type != SHT_RELA && shdr.sh_type != SHT_REL) || shdr.sh_info != target)
            continue;
        const std::string_view name = sectionName(elf_ndxscn(scn));
        Elf_Data* data = elf_getdata(scn, nullptr);
        Elf_Scn* symtab = elf_getscn(elf_.get(), shdr.sh_link);
        Elf_Data* symbols = symtab ? elf_getdata(symtab, nullptr) : nullptr;
        if (!data || !symbols) fail(path_, "cannot read relocations ", name, ": ", elfError());
        const bool rela = shdr.sh_type == SHT_RELA;
        const size_t entrySize = gelf_fsize(elf_.get(), rela ? ELF_T_RELA : ELF_T_REL, 1, EV_CURRENT);
        if (shdr.sh_entsize != entrySize) fail(path_, "corrupt ", name, ": unexpected entry size ", shdr.sh_entsize);
        const size_t count = shdr.sh_size / entrySize;
        for (size_t i = 0; i < count; ++i) {
            ElfRelocation out;
            uint64_t info = 0;
            if (rela) {
                GElf_Rela r;
                if (!gelf_getrela(data, int(i), &r)) fail(path_, "corrupt ", name, " entry ", i, ": ", elfError());
                out.offset = r.r_offset;
                out.addend = r.r_addend;
                info = r.r_info;
            } else {
                GElf_Rel r;
                if (!gelf_getrel(data, int(i), &r)) fail(path_, "corrupt ", name, " entry ", i, ": ", elfError());
                out.offset = r.r_offset;
                out.inPlaceAddend = true;
                info = r.r_info;
            }
            // gelf hands back r_info in its 64-bit layout whatever the ELF class.
            out.type = uint32_t(GELF_R_TYPE(info));
            const size_t symbolIndex = GELF_R_SYM(info);
            GElf_Sym sym;
            if (symbolIndex != 0) {
                if (!gelf_getsym(symbols, int(symbolIndex), &sym))
                    fail(path_, "corrupt ", name, " entry ", i, ": bad symbol index ", symbolIndex);
                out.symbolValue = sym.st_value;
                out.symbolSection = sym.st_shndx;
            }
            visit(out);
        }
    }
}

void ElfFile::forEachSymbol(const std::function<void(const ElfSymbol&)>& visit) const {
    Elf_Data* extendedIndices = nullptr;
    for (Elf_Scn* scn = elf_nextscn(elf_.get(), nullptr); scn; scn = elf_nextscn(elf_.get(), scn)) {
        GElf_Shdr shdr;
        if (gelf_getshdr(scn, &shdr) && shdr.sh_type == SHT_SYMTAB_SHNDX) {
            extendedIndices = elf_getdata(scn, nullptr);
            if (!extendedIndices) fail(path_, "cannot read .symtab_shndx: ", elfError());
            break;
        }
    }
    const size_t entrySize = gelf_fsize(elf_.get(), ELF_T_SYM, 1, EV_CURRENT);
    for (Elf_Scn* scn = elf_nextscn(elf_.get(), nullptr); scn; scn = elf_nextscn(elf_.get(), scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB) continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (!data) fail(path_, "cannot read .symtab: ", elfError());
        if (shdr.sh_entsize != entrySize) fail(path_, "corrupt .symtab: unexpected entry size ", shdr.sh_entsize);
        const size_t count = shdr.sh_size / shdr.sh_entsize;
        for (size_t i = 1; i < count; ++i) {
            GElf_Sym sym;
            Elf32_Word xindex = 0;
            if (!gelf_getsymshndx(data, extendedIndices, int(i), &sym, &xindex))
                fail(path_, "corrupt .symtab entry ", i, ": ", elfError());
            ElfSymbol out;
            const char* name = elf_strptr(elf_.get(), shdr.sh_link, sym.st_name);
            if (!name) fail(path_, "corrupt .symtab entry ", i, ": bad name offset");
            out.name = name;
            out.binding = GELF_ST_BIND(sym.st_info);
            out.type = GELF_ST_TYPE(sym.st_info);
            out.section = sym.st_shndx == SHN_XINDEX ? xindex : sym.st_shndx;
            out.value = sym.st_value;
            out.size = sym.st_size;
            if (out.section != SHN_UNDEF && out.section < SHN_LORESERVE) {
                if (Elf_Scn* target = elf_getscn(elf_.get(), out.section)) {
                    GElf_Shdr targetHeader;
                    if (gelf_getshdr(target, &targetHeader)) {
                        out.sectionFlags = targetHeader.sh_flags;
                        out.sectionType = targetHeader.sh_type;
                        out.sectionName = sectionName(out.section);
                    }
                }
            }
            visit(out);
        }
    }
}

}  // namespace kabiscope
