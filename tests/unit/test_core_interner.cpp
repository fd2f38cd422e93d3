// The interner behind every id column: ids in arrival order, exact byte
// equality (lengths, prefixes, long strings), growth, and the byte-order freeze.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/interner.h"

using clm::detail::Interner;

TEST_CASE("Interner gives ids in arrival order and the same id to equal bytes") {
  Interner in;
  REQUIRE(in.intern("b") == 0);
  REQUIRE(in.intern("a") == 1);
  REQUIRE(in.intern("") == 2);
  REQUIRE(in.intern("ab") == 3);                   // "a" is a prefix
  REQUIRE(in.intern("ac") == 4);                   // differs from "ab" in the last byte
  REQUIRE(in.intern(std::string("a\0", 2)) == 5);  // an embedded NUL is a byte like others
  REQUIRE(in.intern("a") == 1);
  REQUIRE(in.intern("") == 2);
  REQUIRE(in.intern("ab") == 3);
  REQUIRE(in.size() == 6);
  REQUIRE(in.name(4) == "ac");
  REQUIRE(in.find("ad") == clm::kNoSymbol);
  REQUIRE(in.find("ac") == 4);
}

TEST_CASE("Interner compares long strings byte for byte") {
  Interner in;
  const std::string big(std::size_t{1} << 20, 'x');  // 1 MiB
  std::string big2 = big;
  big2.back() = 'y';
  const std::string edge((std::size_t{1} << 20) - 2, 'x');  // another length, same bytes
  REQUIRE(in.intern("head") == 0);
  REQUIRE(in.intern(big) == 1);
  REQUIRE(in.intern(big2) == 2);
  REQUIRE(in.intern(edge) == 3);
  REQUIRE(in.intern("tail") == 4);  // offsets after the long strings still right
  REQUIRE(in.intern(big) == 1);
  REQUIRE(in.intern(big2) == 2);
  REQUIRE(in.intern(edge) == 3);
  REQUIRE(in.intern("tail") == 4);
  REQUIRE(in.name(4) == "tail");
  REQUIRE(in.find(big + "x") == clm::kNoSymbol);
}

TEST_CASE("Interner keeps every id through growth and freezes in byte order") {
  Interner in;
  const std::uint32_t n = 100000;
  for (std::uint32_t i = 0; i < n; ++i) REQUIRE(in.intern("c" + std::to_string(i)) == i);
  for (std::uint32_t i = 0; i < n; i += 7) REQUIRE(in.intern("c" + std::to_string(i)) == i);
  REQUIRE(in.size() == n);
  std::vector<std::uint32_t> remap;
  Interner small;
  small.intern("pear");   // 0
  small.intern("apple");  // 1
  small.intern("fig");    // 2
  const clm::SymbolTable table = small.freeze(remap);
  // Byte order: apple, fig, pear.
  REQUIRE(remap == std::vector<std::uint32_t>{2, 0, 1});
  REQUIRE(table.find("fig") == 1);
}
