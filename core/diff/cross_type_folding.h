// foldAcrossTypes: an offset change that follows from a type embedded before it folds under the
// change that grew that type.
//
// struct cgroup embeds struct cgroup_bpf by value; cgroup_bpf gains a member, grows by 304
// bytes, and every member of cgroup after it moves: "s#cgroup member freezer: offset changed
// from 1952 to 2256" is no change anyone made to cgroup. Within one type, consequence_folding.h
// cannot see it (the member's rendering, a reference by name, is the same on both sides). Here,
// after the causes of all symbols are merged: an offset change whose type holds, before the
// member, a type whose size changed folds under the cause that explains that size (the one
// holding that type's byte_size change, itself folded across types in turn). A symbol drops
// the folded cause only when it keeps the cause it folds under, so every changed symbol keeps
// a cause. The same for genksyms' enum constants: "E#MAX_NR_ZONES: value changed" folds under
// the change to an enumerator of the enum that defines MAX_NR_ZONES. docs/diff-algorithm.md,
// "Folding across types".
#pragma once

#include <vector>

#include "diff/build_diff.h"

namespace kabiscope {

// `causes` before ranking (their `symbols` not yet filled); symbols' cause ids index `causes`
// and are renumbered when a cause goes.
void foldAcrossTypes(std::vector<Cause>& causes, std::vector<SymbolDiff>& symbols);

}  // namespace kabiscope
