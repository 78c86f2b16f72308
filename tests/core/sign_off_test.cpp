// kABI sign-off: severity rules (suse-kabi-tools' format), waivers, and the verdict on a diff.
// Two Module.symvers written here hold one of each symbol-level change; the folding pair gives
// root causes to waive.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "base/error.h"
#include "core/test_support.h"
#include "diff/build_diff.h"
#include "readers/read_build.h"
#include "review/sign_off.h"
#include "review/sign_off_writers.h"

namespace kabiscope {
namespace {

namespace fs = std::filesystem;

SeverityRules rulesFrom(const std::string& text) {
    std::istringstream in(text);
    return SeverityRules::parse(in, "rules");
}

Waivers waiversFrom(const std::string& text) {
    std::istringstream in(text);
    return Waivers::parse(in, "waivers");
}

std::string errorOf(const std::function<void()>& parse) {
    try {
        parse();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

TEST(SeverityRules, KindsAreImpliedAsSuseKabiToolsImpliesThem) {
    const SeverityRules rules = rulesFrom(
        "# comment\n"
        "lib/important*  FAIL\n"
        "vmlinux PASS   # trailing comment\n"
        "TEST_IMPORTANT  FAIL\n"
        "*not_stable*    PASS\n"
        "NAMESPACE local PASS\n"
        "\n"
        "MODULE net/* FAIL\n");
    ASSERT_EQ(rules.rules().size(), 6u);
    EXPECT_EQ(rules.rules()[0].kind, SeverityRule::Kind::Module);
    EXPECT_EQ(rules.rules()[1].kind, SeverityRule::Kind::Module);
    EXPECT_EQ(rules.rules()[2].kind, SeverityRule::Kind::Namespace);
    EXPECT_EQ(rules.rules()[3].kind, SeverityRule::Kind::Symbol);
    EXPECT_EQ(rules.rules()[4].kind, SeverityRule::Kind::Namespace);
    EXPECT_EQ(rules.rules()[4].pattern, "local");
    EXPECT_EQ(rules.rules()[5].where, "rules:8");
    EXPECT_FALSE(rules.rules()[0].pass);
    EXPECT_TRUE(rules.rules()[1].pass);
}

TEST(SeverityRules, TheFirstMatchWins) {
    const SeverityRules rules = rulesFrom("foo_keep FAIL\nfoo_* PASS\nNAMESPACE CRYPTO_INTERNAL FAIL\ndrivers/* PASS\n");
    EXPECT_EQ(rules.match("vmlinux", "", "foo_keep"), 0u);
    EXPECT_EQ(rules.match("vmlinux", "", "foo_bar"), 1u);
    EXPECT_EQ(rules.match("drivers/net/x", "CRYPTO_INTERNAL", "aes_x"), 2u);
    EXPECT_EQ(rules.match("drivers/net/x", "", "aes_x"), 3u);
    EXPECT_FALSE(rules.match("vmlinux", "", "bar").has_value());
    EXPECT_FALSE(rules.match("vmlinux", "", "").has_value()) << "an empty namespace matches no NAMESPACE rule";
}

TEST(SeverityRules, AMalformedLineIsAnErrorNamingFileAndLine) {
    EXPECT_EQ(errorOf([] { rulesFrom("ok PASS\nfoo MAYBE\n"); }), "rules:2: unknown verdict 'MAYBE' (expected PASS or FAIL)");
    EXPECT_EQ(errorOf([] { rulesFrom("SYMBOLS foo PASS\n"); }),
              "rules:1: unknown rule kind 'SYMBOLS' (expected MODULE, NAMESPACE or SYMBOL)");
    EXPECT_EQ(errorOf([] { rulesFrom("\n\nfoo\n"); }),
              "rules:3: expected '[MODULE|NAMESPACE|SYMBOL] <pattern> PASS|FAIL', got 1 words");
    EXPECT_EQ(errorOf([] { SeverityRules::readFile("/nonexistent/rules"); }),
              "/nonexistent/rules: cannot read: No such file or directory");
}

TEST(Waivers, ABlockNamesACauseOrASymbolWithAReasonAndAReviewer) {
    const Waivers waivers = waiversFrom(
        "# accepted for 6.12.118\n"
        "[waiver]\n"
        "type = s#mm_struct\n"
        "node = member kabi_reserved1\n"
        "change = type changed\n"
        "reason = KABI_USE, see KABI-1\n"
        "by = Jane Doe <jane@example.org>\n"
        "\n"
        "[waiver]\n"
        "symbol = old_*\n"
        "change = removed\n"
        "reason = never used out of tree\n"
        "by = jd\n");
    ASSERT_EQ(waivers.entries().size(), 2u);
    EXPECT_EQ(waivers.entries()[0].node, "member kabi_reserved1");
    EXPECT_EQ(waivers.entries()[0].where, "waivers:2");
    EXPECT_TRUE(waivers.entries()[1].isForSymbol());
    Cause cause;
    cause.type = "s#mm_struct";
    cause.node = "member kabi_reserved1";
    cause.kind = ChangeKind::TypeChanged;
    cause.description = "anything";
    EXPECT_EQ(waivers.find(cause), 0u);
    cause.kind = ChangeKind::Removed;
    EXPECT_EQ(waivers.find(cause), SIZE_MAX) << "the kind of change is part of what is waived";
    SymbolDiff symbol;
    symbol.name = "old_api";
    EXPECT_EQ(waivers.find(symbol, SymbolChange::Removed), 1u);
    EXPECT_EQ(waivers.find(symbol, SymbolChange::ExportType), SIZE_MAX);
}

TEST(Waivers, ABlockForAGivenCauseReadsBackAsItsWaiver) {
    Cause cause;
    cause.type = "s#sk_buff";
    cause.node = "member len";
    cause.kind = ChangeKind::TypeChanged;
    cause.description = "type changed from int to long int";
    const Waivers waivers = waiversFrom(Waivers::blockFor(cause, "widened on purpose", "jd"));
    EXPECT_EQ(waivers.find(cause), 0u);
    cause.description = "type changed from int to short int";
    EXPECT_EQ(waivers.find(cause), SIZE_MAX) << "the description given pins the change";
}

TEST(Waivers, AWrittenFileReadsBackToTheSameWaivers) {
    Cause cause;
    cause.type = "s#sk_buff";
    cause.node = "member len";
    cause.kind = ChangeKind::TypeChanged;
    cause.description = "type changed from int to long int";
    Waivers waivers = waiversFrom("[waiver]\nsymbol = old_*\nchange = removed\nreason = gone\nby = a\n");
    waivers.add(Waivers::forCause(cause, "two\nlines", "b"));
    EXPECT_THROW(waivers.add(Waivers::forCause(cause, "", "b")), Error) << "a waiver needs a reason";
    std::ostringstream file;
    waivers.write(file);
    const Waivers back = waiversFrom(file.str());
    ASSERT_EQ(back.entries().size(), 2u);
    EXPECT_EQ(back.find(cause), 1u);
    EXPECT_EQ(back.entries()[1].reason, "two lines");
    EXPECT_EQ(back.entries()[0].symbol, "old_*");
    std::ostringstream again;
    back.write(again);
    EXPECT_EQ(again.str(), file.str());
}

TEST(Waivers, AMalformedFileIsAnErrorNamingFileAndLine) {
    EXPECT_EQ(errorOf([] { waiversFrom("type = s#x\n"); }), "waivers:1: 'type' before the first [waiver]");
    EXPECT_EQ(errorOf([] { waiversFrom("[waiver]\ntype = s#x\nchange = added\nby = me\n"); }),
              "waivers:1: waiver without a reason (add 'reason = ...')");
    EXPECT_EQ(errorOf([] { waiversFrom("[waiver]\ntyp = s#x\n"); }),
              "waivers:2: unknown key 'typ' (expected type, node, change, description, symbol, reason or by)");
    EXPECT_EQ(errorOf([] { waiversFrom("[waiver]\ntype = s#x\nchange = grew\nreason = r\nby = me\n"); }),
              "waivers:1: unknown change 'grew' (expected added, removed, type changed, renamed, attribute changed, "
              "size changed, value changed, definition changed or kind changed)");
    EXPECT_EQ(errorOf([] { waiversFrom("[waiver]\ntype = s#x\nsymbol = y\nchange = removed\nreason = r\nby = me\n"); }),
              "waivers:1: a waiver names either a root cause ('type = ...') or a symbol ('symbol = ...'), not both");
    EXPECT_EQ(errorOf([] { waiversFrom("[waiver]\nreason = r\nreason = s\n"); }), "waivers:3: 'reason' given twice in one waiver");
    EXPECT_EQ(errorOf([] { waiversFrom("[waivers]\n"); }), "waivers:1: unknown section [waivers] (expected [waiver])");
}

class SignOffTest : public ::testing::Test {
protected:
    std::string write(const std::string& name, const std::string& text) { return dir_.write(name, text); }
    DiffResult symversDiff() {
        const std::string before = write("old.symvers",
                                         "0x00000001\tsame\tvmlinux\tEXPORT_SYMBOL\t\n"
                                         "0x00000002\tcrc_moved\tvmlinux\tEXPORT_SYMBOL\t\n"
                                         "0x00000003\tgone\tdrivers/a\tEXPORT_SYMBOL\t\n"
                                         "0x00000004\ttightened\tvmlinux\tEXPORT_SYMBOL\t\n"
                                         "0x00000005\tloosened\tvmlinux\tEXPORT_SYMBOL_GPL\t\n"
                                         "0x00000006\tnamespaced\tvmlinux\tEXPORT_SYMBOL\t\n"
                                         "0x00000007\tunnamespaced\tvmlinux\tEXPORT_SYMBOL\tNS_OLD\n"
                                         "0x00000008\tmoved\tdrivers/a\tEXPORT_SYMBOL\t\n");
        const std::string after = write("new.symvers",
                                        "0x00000001\tsame\tvmlinux\tEXPORT_SYMBOL\t\n"
                                        "0x00000012\tcrc_moved\tvmlinux\tEXPORT_SYMBOL\t\n"
                                        "0x00000004\ttightened\tvmlinux\tEXPORT_SYMBOL_GPL\t\n"
                                        "0x00000005\tloosened\tvmlinux\tEXPORT_SYMBOL\t\n"
                                        "0x00000006\tnamespaced\tvmlinux\tEXPORT_SYMBOL\tNS_NEW\n"
                                        "0x00000007\tunnamespaced\tvmlinux\tEXPORT_SYMBOL\t\n"
                                        "0x00000008\tmoved\tdrivers/b\tEXPORT_SYMBOL\t\n"
                                        "0x00000009\tadded\tvmlinux\tEXPORT_SYMBOL\t\n");
        auto [oldBuild, newBuild] = readBuildPair(before, after, {});
        return diffBuilds(oldBuild, newBuild);
    }
    static const SymbolReview& reviewOf(const DiffResult& diff, const SignOff& signOff, const std::string& name) {
        for (const SymbolReview& review : signOff.symbols)
            if (diff.symbols[review.symbol].name == name) return review;
        throw std::logic_error("no review of " + name);
    }
    test::TempDir dir_{"sign-off"};
};

TEST_F(SignOffTest, WithoutRulesOnlyWhatCannotBreakAModuleIsAccepted) {
    const DiffResult diff = symversDiff();
    const SignOff signOff = reviewDiff(diff, {}, {});
    EXPECT_EQ(signOff.symbols.size(), 8u) << "every symbol with any change, 'same' left out";
    for (const char* name : {"added", "loosened", "unnamespaced"})
        EXPECT_TRUE(reviewOf(diff, signOff, name).accepted) << name;
    for (const char* name : {"crc_moved", "gone", "tightened", "namespaced", "moved"})
        EXPECT_FALSE(reviewOf(diff, signOff, name).accepted) << name;
    EXPECT_EQ(signOff.accepted, 3u);
    EXPECT_EQ(signOff.open, 5u);
    EXPECT_FALSE(signOff.passed());
    EXPECT_EQ(reviewOf(diff, signOff, "moved").changes[0].what, "module drivers/a -> drivers/b");
    EXPECT_EQ(reviewOf(diff, signOff, "tightened").changes[0].what, "export type EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL");
}

TEST_F(SignOffTest, RulesAndSymbolWaiversAcceptTheRestAndStaleOnesAreReported) {
    const DiffResult diff = symversDiff();
    const SeverityRules rules = rulesFrom("crc_moved FAIL\ncrc_* PASS\ndrivers/* PASS\nNAMESPACE NS_NEW PASS\nnever_* PASS\n");
    const Waivers waivers = waiversFrom(
        "[waiver]\nsymbol = crc_moved\nchange = crc changed\nreason = r1\nby = a\n"
        "[waiver]\nsymbol = tight*\nchange = export type\nreason = r2\nby = b\n"
        "[waiver]\nsymbol = nothing\nchange = removed\nreason = r3\nby = c\n");
    const SignOff signOff = reviewDiff(diff, rules, waivers);
    EXPECT_TRUE(signOff.passed()) << signOff.open << " open";
    const SymbolReview& crc = reviewOf(diff, signOff, "crc_moved");
    EXPECT_EQ(crc.rule, 0u) << "the FAIL rule comes first: crc_* never sees it";
    EXPECT_EQ(crc.changes[0].acceptedBy, "waiver waivers:1 (a: r1)");
    EXPECT_EQ(reviewOf(diff, signOff, "gone").changes[0].acceptedBy, "rule rules:3 (PASS)");
    EXPECT_EQ(reviewOf(diff, signOff, "namespaced").changes[0].acceptedBy, "rule rules:4 (PASS)");
    EXPECT_EQ(signOff.unusedRules, (std::vector<size_t>{1, 4}));
    EXPECT_EQ(signOff.unusedWaivers, (std::vector<size_t>{2}));
}

TEST(SignOff, AWaivedRootCauseAcceptsEverySymbolItExplains) {
    const Build before = readBuild(test::fixturePath("folding.0.o"), {});
    const Build after = readBuild(test::fixturePath("folding.1.o"), {});
    const DiffResult diff = diffBuilds(before, after);
    const Cause* two = nullptr;
    for (const Cause& cause : diff.causes)
        if (cause.type == "s#fd_two" && cause.node == "member x") two = &cause;
    ASSERT_NE(two, nullptr);
    Waivers waivers = waiversFrom(Waivers::blockFor(*two, "r", "me"));
    SignOff signOff = reviewDiff(diff, {}, waivers);
    const auto& reviews = signOff.symbols;
    const auto twoReview = std::find_if(reviews.begin(), reviews.end(), [&](const SymbolReview& r) { return diff.symbols[r.symbol].name == "fd_use_two"; });
    ASSERT_NE(twoReview, reviews.end());
    EXPECT_FALSE(twoReview->accepted) << "fd_use_two has a second, unwaived cause (member y)";
    EXPECT_EQ(signOff.causeWaiver[two->id - 1], 0u);

    // Both of its causes waived: accepted; the JUnit report then has one failure fewer.
    std::string both = Waivers::blockFor(*two, "r", "me");
    for (const Cause& cause : diff.causes)
        if (cause.type == "s#fd_two" && cause.node == "member y") both += Waivers::blockFor(cause, "r", "me");
    waivers = waiversFrom(both);
    const SignOff more = reviewDiff(diff, {}, waivers);
    EXPECT_EQ(more.open + 1, signOff.open);
    std::ostringstream junit;
    writeSignOffJunit({diff, more, SeverityRules(), waivers}, junit);
    const std::string xml = junit.str();
    EXPECT_NE(xml.find("<testsuites name=\"kabiscope sign-off\" tests=\"6\" failures=\"5\">"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<testcase classname="), std::string::npos);
    size_t failures = 0;
    for (size_t at = xml.find("<failure "); at != std::string::npos; at = xml.find("<failure ", at + 1)) ++failures;
    EXPECT_EQ(failures, 5u);
}

}  // namespace
}  // namespace kabiscope
