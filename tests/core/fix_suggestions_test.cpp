// Fix suggestions (diff/fix_suggestions.h) on pairs built at test time, one kind of change each:
// the suggestion, the verdict, and the proof. Where a fix exists, the fixture is also compiled
// with that fix written in the source (V=2), and its --stable CRCs must be the old build's:
// the suggestion is checked against real DWARF, not only against kabiscope's own reasoning.
#include <gtest/gtest.h>

#include "core/test_support.h"
#include "diff/build_diff.h"
#include "diff/fix_suggestions.h"
#include "readers/read_build.h"

namespace kabiscope {
namespace {

std::string fixture(const std::string& name) { return test::fixturePath(name + ".o"); }

struct Suggested {
    DiffResult diff;
    std::vector<FixSuggestion> fixes;
    const FixSuggestion& of(const std::string& type, const std::string& node) const {
        for (const Cause& cause : diff.causes)
            if (cause.type == type && cause.node == node) return fixes[cause.id - 1];
        ADD_FAILURE() << "no cause " << type << " " << node;
        static const FixSuggestion none;
        return none;
    }
};

// The diff of <pair>.0 and <pair>.1 without --stable, and its fix suggestions, recomputed as
// `kabiscope diff --suggest-fixes` does.
Suggested suggest(const std::string& pair) {
    VersionOptions options;
    const std::string oldPath = fixture(pair + ".0"), newPath = fixture(pair + ".1");
    Build oldBuild = readBuild(oldPath, options), newBuild = readBuild(newPath, options);
    Suggested out;
    out.diff = diffBuilds(oldBuild, newBuild, {});
    FixOptions fixOptions;
    fixOptions.reversion = [&](const KabiRules& rules) {
        VersionOptions withRules;
        withRules.stable = true;
        withRules.kabiRules = rules;
        return readBuild(newPath, withRules);
    };
    fixOptions.stableOld = [&] {
        VersionOptions stable;
        stable.stable = true;
        return readBuild(oldPath, stable);
    };
    out.fixes = suggestFixes(out.diff, oldBuild, fixOptions);
    return out;
}

// The fix written in the source (V=2), versioned with --stable, gives the old CRCs.
void expectFixedSourceKeepsTheOldCrcs(const std::string& pair) {
    VersionOptions stable;
    stable.stable = true;
    const Build oldBuild = readBuild(fixture(pair + ".0"), stable);
    const Build fixed = readBuild(fixture(pair + ".2"), stable);
    const DiffResult diff = diffBuilds(oldBuild, fixed, {});
    EXPECT_EQ(diff.summary.changed, 0u) << pair << ": the fix in the source still changes a CRC";
    EXPECT_GT(diff.summary.unchanged, 0u);
}

// A fix that exists, is safe, and recomputation proved.
void expectSafeAndVerified(const FixSuggestion& fix) {
    EXPECT_TRUE(fix.exists);
    EXPECT_TRUE(fix.safe) << fix.why;
    EXPECT_TRUE(fix.verified) << fix.why;
}

TEST(FixSuggestions, AMemberInAHoleIsHiddenByKabiIgnore) {
    const Suggested s = suggest("fix_hole");
    const FixSuggestion& fix = s.of("s#fh_conf", "member extra");
    expectSafeAndVerified(fix);
    EXPECT_EQ(fix.text, "KABI_IGNORE(0, int extra);");
    EXPECT_EQ(fix.rules, "member_ignore\tfh_conf extra\n");
    EXPECT_EQ(fix.restored, 1u);
    expectFixedSourceKeepsTheOldCrcs("fix_hole");
}

// The diff names one change, a rename (not a removal and an addition), and the fix gives the
// member its old name back: KABI_REPLACE, simulated by a member_rename rule.
TEST(FixSuggestions, AMemberRenamedKeepsItsOldNameThroughKabiReplace) {
    const Suggested s = suggest("fix_rename");
    ASSERT_EQ(s.diff.causes.size(), 1u);
    EXPECT_EQ(s.diff.causes[0].kind, ChangeKind::Renamed);
    EXPECT_EQ(s.diff.causes[0].description, "renamed from flags (long unsigned int at offset 8)");
    const FixSuggestion& fix = s.of("s#fr_dev", "member renamed_flags");
    expectSafeAndVerified(fix);
    EXPECT_EQ(fix.text, "KABI_REPLACE(long unsigned int, flags, long unsigned int renamed_flags);");
    EXPECT_EQ(fix.rules, "member_rename\tfr_dev renamed_flags\tflags\n");
    EXPECT_EQ(fix.restored, 1u);
    expectFixedSourceKeepsTheOldCrcs("fix_rename");
}

TEST(FixSuggestions, AMemberAppendedToAStructNobodyEmbedsIsHiddenWithItsOldSize) {
    const Suggested s = suggest("fix_tail");
    const FixSuggestion& fix = s.of("s#ft_ctx", "member extra");
    expectSafeAndVerified(fix);
    EXPECT_EQ(fix.text, "KABI_IGNORE(0, long int extra);\nKABI_BYTE_SIZE(ft_ctx, 16);");
    EXPECT_EQ(fix.rules, "member_ignore\tft_ctx extra\nbyte_size\tft_ctx\t16\n") << "recomputed with the member ignored";
    EXPECT_NE(fix.why.find("only the kernel allocates it"), std::string::npos) << "the condition is said";
    expectFixedSourceKeepsTheOldCrcs("fix_tail");
}

TEST(FixSuggestions, AnEnumeratorBeforeTheSentinelIsIgnoredAndTheSentinelPinned) {
    const Suggested s = suggest("fix_enum");
    const FixSuggestion& fix = s.of("e#fe_state", "enumerator FE_PAUSED");
    expectSafeAndVerified(fix);
    EXPECT_EQ(fix.text, "KABI_ENUMERATOR_IGNORE(fe_state, FE_PAUSED);\nKABI_ENUMERATOR_VALUE(fe_state, FE_MAX, 2);");
    EXPECT_EQ(fix.rules, "enumerator_ignore\tfe_state FE_PAUSED\nenumerator_value\tfe_state FE_MAX\t2\n");
    EXPECT_EQ(fix.restored, 1u);
    const FixSuggestion& sentinel = s.of("e#fe_state", "enumerator FE_MAX");
    EXPECT_EQ(sentinel.text, fix.text) << "the sentinel's move is fixed by the same lines";
    expectFixedSourceKeepsTheOldCrcs("fix_enum");
}

TEST(FixSuggestions, ADeclarationThatBecameADefinitionStaysDeclaredOnly) {
    VersionOptions options;
    const std::string oldPath = fixture("declaration.0"), newPath = fixture("declaration.1");
    Build oldBuild = readBuild(oldPath, options), newBuild = readBuild(newPath, options);
    const DiffResult diff = diffBuilds(oldBuild, newBuild, {});
    FixOptions fixOptions;
    fixOptions.reversion = [&](const KabiRules& rules) {
        VersionOptions withRules;
        withRules.stable = true;
        withRules.kabiRules = rules;
        return readBuild(newPath, withRules);
    };
    const std::vector<FixSuggestion> fixes = suggestFixes(diff, oldBuild, fixOptions);
    ASSERT_EQ(fixes.size(), 1u);
    EXPECT_EQ(fixes[0].text, "KABI_DECLONLY(dc_ctx);");
    expectSafeAndVerified(fixes[0]);
    EXPECT_EQ(fixes[0].restored, 1u);
}

TEST(FixSuggestions, AMemberInsertedBeforeOthersHasNoSafeFix) {
    const Suggested s = suggest("fix_insert");
    const FixSuggestion& fix = s.of("s#fi_req", "member priority");
    EXPECT_FALSE(fix.exists);
    EXPECT_FALSE(fix.safe);
    EXPECT_NE(fix.why.find("inserted before others"), std::string::npos) << fix.why;
}

TEST(FixSuggestions, GrowingAStructAnotherEmbedsIsNotSafe) {
    const Suggested s = suggest("fix_embed");
    const FixSuggestion& fix = s.of("s#fm_inner", "member b");
    EXPECT_FALSE(fix.safe) << fix.why;
    EXPECT_NE(fix.why.find("embed by value"), std::string::npos) << fix.why;
}

TEST(FixSuggestions, WithoutRecomputationARuleFixIsNotCalledVerified) {
    VersionOptions options;
    Build oldBuild = readBuild(fixture("fix_enum.0"), options), newBuild = readBuild(fixture("fix_enum.1"), options);
    const DiffResult diff = diffBuilds(oldBuild, newBuild, {});
    const std::vector<FixSuggestion> fixes = suggestFixes(diff, oldBuild, {});
    ASSERT_FALSE(fixes.empty());
    for (const FixSuggestion& fix : fixes) EXPECT_FALSE(fix.verified) << fix.text;
}

}  // namespace
}  // namespace kabiscope
