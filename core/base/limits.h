// Limits that keep recursion on the stack bounded, whatever the input.
//
// Rendering DWARF recurses once per level of type nesting, and a level that goes through a named
// type (a struct whose member points to the next struct of a linked list of structs) is as deep
// as any: a header with a chain of 700 structs nests 2,100 levels. gendwarfksyms recurses as
// well, so kabiscope renders on threads with large stacks (base/large_stack.h) and accepts
// chains far deeper than real code has (a Debian vmlinux nests about 250 levels).
//
// Anonymous types are different: every walker of the type graph (flattening, hashing, the diff,
// the explorer's trees) recurses into them on ordinary stacks, so their nesting is capped much
// lower. Past either limit the renderer refuses the input with an error naming the file, so the
// walkers never see deeper graphs; nothing crashes.
#pragma once

namespace kabiscope {

// Nesting of the renderer's recursion, named types included (needs a large stack).
inline constexpr unsigned kMaxTypeNesting = 100000;
// ... and what an ordinary 8 MiB stack holds with room to spare (~1 MiB, more under ASan).
inline constexpr unsigned kMaxNestingOnOrdinaryStack = 1500;
// Consecutive anonymous types (pointers, arrays, unnamed structs...) inside one named type.
inline constexpr unsigned kMaxAnonymousNesting = 2048;

}  // namespace kabiscope
