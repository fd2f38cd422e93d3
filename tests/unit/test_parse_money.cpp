// parse_money: exact decimal text to millionths, rounding half away from zero.
#include <catch2/catch.hpp>
#include <string>

#include "clm/money.h"

using namespace clm;

namespace {

Money ok(std::string_view text) {
  Result<Money> r = parse_money(text);
  INFO(std::string(text) << " -> " << (r.ok() ? std::string() : r.status().message()));
  REQUIRE(r.ok());
  return *r;
}

std::string error(std::string_view text) {
  Result<Money> r = parse_money(text);
  INFO(std::string(text));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kDataError);
  return r.status().message();
}

}  // namespace

TEST_CASE("plain decimals", "[parse][money]") {
  CHECK(ok("12") == 12'000'000);
  CHECK(ok("12.5") == 12'500'000);
  CHECK(ok("-3.10") == -3'100'000);
  CHECK(ok("+7") == 7'000'000);
  CHECK(ok("0.1") == 100'000);  // exact, not 0.1000000000000000055...
  CHECK(ok(".5") == 500'000);
  CHECK(ok("5.") == 5'000'000);
  CHECK(ok("00012.50") == 12'500'000);
  CHECK(ok("0.000001") == 1);
  CHECK(ok("19.99") == 19'990'000);
}

TEST_CASE("zero in every spelling is zero", "[parse][money]") {
  CHECK(ok("0") == 0);
  CHECK(ok("-0") == 0);
  CHECK(ok("-0.000") == 0);
  CHECK(ok("+0e5") == 0);
  CHECK(ok("0e99999999999999999999") == 0);
}

TEST_CASE("exponents", "[parse][money]") {
  CHECK(ok("1e3") == 1'000'000'000);
  CHECK(ok("1E2") == 100'000'000);
  CHECK(ok("2.5E-2") == 25'000);  // 0.025
  CHECK(ok("2.5e+2") == 250'000'000);
  CHECK(ok("125e-8") == 1);    // 0.00000125 → 1.25 millionths → 1
  CHECK(ok("-1.5e-6") == -2);  // -1.5 millionths → -2 (half away from zero)
  CHECK(ok("1e-400") == 0);
  CHECK(ok("0.001e3") == 1'000'000);
}

TEST_CASE("digits past the sixth decimal round half away from zero", "[parse][money]") {
  CHECK(ok("0.0000005") == 1);  // exactly half a millionth → away from zero
  CHECK(ok("-0.0000005") == -1);
  CHECK(ok("0.00000049999") == 0);
  CHECK(ok("1.2345675") == 1'234'568);    // 1234567.5 → 1234568
  CHECK(ok("-1.2345665") == -1'234'567);  // -1234566.5 → -1234567
  CHECK(ok("1.2345674999") == 1'234'567);
  // 123456789012.3456789: the seventh decimal 9 rounds 345678 up to 345679.
  CHECK(ok("123456789012.3456789") == 123'456'789'012'345'679);
  CHECK(ok("0.9999995") == 1'000'000);  // the carry runs through every digit
}

TEST_CASE("the range is |value| < 2^63 millionths", "[parse][money]") {
  // 2^63 - 1 = 9223372036854775807 millionths.
  CHECK(ok("9223372036854.775807") == 9'223'372'036'854'775'807);
  CHECK(ok("-9223372036854.775807") == -9'223'372'036'854'775'807);
  CHECK(error("9223372036854.775808") == "out of range");
  CHECK(error("-9223372036854.775808") == "out of range");
  CHECK(error("9223372036854.7758075") == "out of range");  // rounds up past the limit
  CHECK(error("1e400") == "out of range");
  CHECK(error("-1e400") == "out of range");
  CHECK(error("1e13") == "out of range");  // 10^19 millionths
  CHECK(ok("1e12") == 1'000'000'000'000'000'000);
  CHECK(error("99999999999999999999999999999") == "out of range");
}

TEST_CASE("anything else is not a number", "[parse][money]") {
  for (const char* bad :
       {"",      "+",     "-",    ".",    "-.",       "e5",    "1e",  "1e+", "1e-",
        "NaN",   "nan",   "inf",  "-inf", "Infinity", "1,000", "1,5", "$5",  "5$",
        "5 EUR", "€5",    "0x10", " 5",   "5 ",       "1.2.3", "--5", "+-5", "1_000",
        "1e5.5", "1 000", "12a",  "1d3",  "0b101",    "true"}) {
    CHECK(error(bad) == "not a number");
  }
}
