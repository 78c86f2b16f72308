// elf/decompress: formats told apart by magic, output bounded, damage reported.
#include <gtest/gtest.h>

#include <zlib.h>

#include "base/error.h"
#include "elf/decompress.h"

namespace kabiscope {
namespace {

std::string gzipOf(const std::string& data) {
    z_stream stream{};
    EXPECT_EQ(deflateInit2(&stream, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&stream, uLong(data.size())) + 64, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

TEST(Decompress, MagicBytesNameTheFormat) {
    EXPECT_EQ(detectCompression(std::string("\xfd"
                                            "7zXZ\0",
                                            6)),
              Compression::Xz);
    EXPECT_EQ(detectCompression("\x28\xb5\x2f\xfd"), Compression::Zstd);
    EXPECT_EQ(detectCompression("\x1f\x8b\x08"), Compression::Gzip);
    EXPECT_EQ(detectCompression("\x7f"
                                "ELF"),
              Compression::None);
    EXPECT_EQ(detectCompression(""), Compression::None);
}

TEST(Decompress, GzipRoundTrips) {
    const std::string data(3 << 20, 'k');  // more than one output chunk
    EXPECT_EQ(decompress("m.ko.gz", gzipOf(data), Compression::Gzip), data);
}

TEST(Decompress, OutputPastTheLimitIsRefused) {
    const std::string bomb = gzipOf(std::string(8 << 20, '\0'));  // 8 MiB from a few KiB
    try {
        decompress("bomb.ko.gz", bomb, Compression::Gzip, uint64_t(2) << 20);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("bomb.ko.gz: gzip data decompresses to more than 2 MiB"), std::string::npos)
            << e.what();
    }
}

TEST(Decompress, DamageIsAnErrorNamingTheFile) {
    const std::string good = gzipOf(std::string(100000, 'x'));
    EXPECT_THROW(decompress("cut.ko.gz", good.substr(0, good.size() / 2), Compression::Gzip), Error);
    std::string flipped = good;
    flipped[20] = char(flipped[20] ^ 0x55);
    EXPECT_THROW(decompress("bad.ko.gz", flipped, Compression::Gzip), Error);
    EXPECT_THROW(decompress("bad.ko.xz", std::string("\xfd"
                                                     "7zXZ\0garbage",
                                                     13),
                            Compression::Xz),
                 Error);
    EXPECT_THROW(decompress("bad.ko.zst", "\x28\xb5\x2f\xfd garbage", Compression::Zstd), Error);
}

}  // namespace
}  // namespace kabiscope
