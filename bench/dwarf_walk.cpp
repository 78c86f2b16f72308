// kabiscope-dwarf-walk: baseline for the kabiscope benchmarks.
//
// Opens each ELF file given on the command line with libdwfl (offline
// mode), visits every DIE of every unit exactly once (dwarf_get_units, then
// dwarf_child / dwarf_siblingof recursion), reads each DIE's tag and its
// DW_AT_name string, and prints
//
//     cus=<n> dies=<n> seconds=<wall>
//
// summed over all files.  This is the minimum amount of DWARF work any tool
// that inspects all the types of a vmlinux has to do, so kabiscope's run
// time is reported relative to it (see bench/versions and bench/diff).

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

constexpr const char *kProg = "kabiscope-dwarf-walk";

struct DwflDeleter {
    void operator()(Dwfl *dwfl) const noexcept { dwfl_end(dwfl); }
};
using DwflPtr = std::unique_ptr<Dwfl, DwflDeleter>;

// Callbacks for reporting plain files (no running process, no kernel
// introspection): find separate debuginfo by build-id / debuglink if the
// file itself has none, and lay out sections of ET_REL files (.o/.ko).
char *g_debuginfo_path = nullptr;
const Dwfl_Callbacks kOfflineCallbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
    .debuginfo_path = &g_debuginfo_path,
};

struct Counts {
    std::uint64_t cus = 0;
    std::uint64_t dies = 0;
    // Folded from every tag and name so that the walk has an observable
    // effect and cannot be optimised away.
    std::uint64_t checksum = 0;
};

[[noreturn]] void fail(const std::string &what, const char *why) {
    std::fprintf(stderr, "%s: error: %s: %s\n", kProg, what.c_str(),
                 (why != nullptr && *why != '\0') ? why : "unknown error");
    std::exit(1);  // NOLINT(concurrency-mt-unsafe): a single-threaded benchmark
}

void touch(Dwarf_Die *die, Counts &counts) {
    ++counts.dies;
    const int tag = dwarf_tag(die);
    counts.checksum = counts.checksum * 31 + static_cast<std::uint64_t>(tag);
    Dwarf_Attribute attr;
    if (dwarf_attr(die, DW_AT_name, &attr) != nullptr) {
        if (const char *name = dwarf_formstring(&attr); name != nullptr) {
            counts.checksum += static_cast<unsigned char>(name[0]);
        }
    }
}

// Visits `die` and all its following siblings, recursing into children.
// Depth is bounded by the nesting depth of the DWARF (small in practice).
void walk_siblings(Dwarf_Die die, Counts &counts) {
    for (;;) {
        touch(&die, counts);
        Dwarf_Die child;
        if (dwarf_haschildren(&die) > 0 && dwarf_child(&die, &child) == 0) {
            walk_siblings(child, counts);
        }
        Dwarf_Die next;
        const int rc = dwarf_siblingof(&die, &next);
        if (rc != 0) {
            if (rc < 0) {
                fail("dwarf_siblingof", dwarf_errmsg(-1));
            }
            return;
        }
        die = next;
    }
}

void walk_dwarf(Dwarf *dwarf, Counts &counts) {
    Dwarf_CU *cu = nullptr;
    Dwarf_CU *next = nullptr;
    Dwarf_Die cudie;
    Dwarf_Half version = 0;
    std::uint8_t unit_type = 0;
    int rc = 0;
    while ((rc = dwarf_get_units(dwarf, cu, &next, &version, &unit_type,
                                 &cudie, nullptr)) == 0) {
        cu = next;
        ++counts.cus;
        // The unit DIE itself and, through its children, everything below.
        // For type units the type DIE lies inside this tree, so
        // it is covered too.  Split DWARF (.dwo) trees are not followed:
        // the kernel is not built with -gsplit-dwarf.
        walk_siblings(cudie, counts);
    }
    if (rc < 0) {
        fail("dwarf_get_units", dwarf_errmsg(-1));
    }
}

struct ModuleVisit {
    Counts *counts;
    const std::string *path;
    bool found_dwarf = false;
};

int on_module(Dwfl_Module *mod, void ** /*userdata*/, const char * /*name*/,
              Dwarf_Addr /*start*/, void *arg) {
    auto *visit = static_cast<ModuleVisit *>(arg);
    Dwarf_Addr bias = 0;
    Dwarf *dwarf = dwfl_module_getdwarf(mod, &bias);
    if (dwarf == nullptr) {
        fail(*visit->path, (std::string("no DWARF debug information (") +
                            dwfl_errmsg(-1) + ")")
                               .c_str());
    }
    visit->found_dwarf = true;
    walk_dwarf(dwarf, *visit->counts);
    return DWARF_CB_OK;
}

void walk_file(const std::string &path, Counts &counts) {
    DwflPtr dwfl(dwfl_begin(&kOfflineCallbacks));
    if (!dwfl) {
        fail("dwfl_begin", dwfl_errmsg(-1));
    }
    dwfl_report_begin(dwfl.get());
    // Pass -1 as fd so that libdwfl opens (and closes) the file itself.
    if (dwfl_report_offline(dwfl.get(), path.c_str(), path.c_str(), -1) == nullptr) {
        fail(path, dwfl_errmsg(-1));
    }
    if (dwfl_report_end(dwfl.get(), nullptr, nullptr) != 0) {
        fail(path, dwfl_errmsg(-1));
    }
    ModuleVisit visit{&counts, &path};
    if (dwfl_getmodules(dwfl.get(), on_module, &visit, 0) < 0) {
        fail(path, dwfl_errmsg(-1));
    }
    if (!visit.found_dwarf) {
        fail(path, "no module with DWARF found");
    }
}

void usage(std::FILE *out) {
    std::fprintf(out,
                 "Usage: %s ELF...\n"
                 "Walk every DIE of every unit of each ELF file once with libdw\n"
                 "(reading tag and DW_AT_name) and print\n"
                 "  cus=<n> dies=<n> seconds=<wall>\n"
                 "summed over all files. Baseline for bench/versions and bench/diff.\n",
                 kProg);
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "%s: error: no input file (see --help)\n", kProg);
        return 1;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            usage(stdout);
            return 0;
        }
        if (arg.size() > 1 && arg[0] == '-') {
            std::fprintf(stderr, "%s: error: unknown option '%s' (see --help)\n", kProg, argv[i]);
            return 1;
        }
    }

    const auto start = std::chrono::steady_clock::now();
    Counts counts;
    for (int i = 1; i < argc; ++i) {
        walk_file(argv[i], counts);
    }
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;

    // The checksum is printed only when KABISCOPE_WALK_CHECKSUM is set; the
    // volatile store keeps the walk observable either way.
    static volatile std::uint64_t sink;
    sink = counts.checksum;
    std::printf("cus=%llu dies=%llu seconds=%.3f\n",
                static_cast<unsigned long long>(counts.cus),
                static_cast<unsigned long long>(counts.dies), wall.count());
    if (std::getenv("KABISCOPE_WALK_CHECKSUM") != nullptr) {
        std::printf("checksum=%016llx\n", static_cast<unsigned long long>(sink));
    }
    return 0;
}
