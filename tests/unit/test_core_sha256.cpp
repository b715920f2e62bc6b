#include <doctest/doctest.h>

#include <string>

#include <orgaudit/core/sha256.hpp>

using namespace orgaudit;

TEST_CASE("SHA-256 of the FIPS 180-2 vectors")
{
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("SHA-256 fed in pieces equals the digest of the whole")
{
  const std::string million(1000000, 'a');
  Sha256 hash;
  for (std::size_t pos = 0; pos < million.size(); pos += 997) {
    hash.update(std::string_view(million).substr(pos, 997));
  }
  CHECK(hash.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 with the CPU's SHA extensions equals the portable code")
{
  if (!Sha256::hardware_available()) {
    MESSAGE("this CPU has no SHA extensions; only the portable code runs");
    return;
  }
  // Lengths around the block size and the padding boundary, and odd splits.
  std::string data;
  std::uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245 + 12345;
    data += static_cast<char>(x >> 24);
  }
  for (std::size_t length : {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 4999, 5000}) {
    const std::string_view piece = std::string_view(data).substr(0, length);
    Sha256 hardware;
    Sha256 portable(Sha256::Implementation::portable);
    hardware.update(piece.substr(0, length / 3));
    hardware.update(piece.substr(length / 3));
    portable.update(piece);
    CHECK(hardware.hex_digest() == portable.hex_digest());
  }
  Sha256 portable(Sha256::Implementation::portable);
  portable.update("abc");
  CHECK(portable.hex_digest() ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
