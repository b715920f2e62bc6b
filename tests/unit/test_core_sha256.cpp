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
