// Inputs the fuzz targets found (tests/data/fuzz/README.md): each must now be refused with a
// kabiscope::Error naming the file, as any bad input is.
#include <gtest/gtest.h>

#include "base/error.h"
#include "core/test_support.h"
#include "version/file_versioner.h"

namespace kabiscope {
namespace {

TEST(FuzzRegressions, ALibdwflErrorWithoutAMessageIsAnErrorNotAnAbort) {
    const std::string path = test::dataPath("fuzz/dwfl-error-without-message.o");
    try {
        versionFile(path, {});
        FAIL() << "a corrupt object versioned";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), path);
        EXPECT_NE(std::string(e.what()).find("DWARF"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace kabiscope
