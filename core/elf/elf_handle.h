// ElfHandle: a libelf descriptor (Elf*) owned by RAII, ended with elf_end() on every path.
#pragma once

#include <memory>

#include <libelf.h>

namespace kabiscope {

struct ElfEnder {
    void operator()(Elf* elf) const { elf_end(elf); }
};
using ElfHandle = std::unique_ptr<Elf, ElfEnder>;

}  // namespace kabiscope
