// Custom types that differ from a built-in type only by case or by spaces
// around the name are found, with their event counts.
#include <catch2/catch.hpp>
#include <string>

#include "clm/type_lookalikes.h"
#include "test_ingest_util.h"

using clm::EventType;
using clm::InputFormat;

TEST_CASE("builtin_lookalikes finds Purchase and 'purchase ' with their counts",
          "[core][type_lookalikes]") {
  const clm::EventStore store = ingest_test::events_store(
      "customer_id,timestamp,type,amount\n"
      "c1,2024-03-01,purchase,5\n"
      "c1,2024-03-02,Purchase,5\n"
      "c2,2024-03-02,Purchase,5\n"
      "c3,2024-03-02,Purchase,5\n"
      "c1,2024-03-03,purchase ,5\n"
      "c1,2024-03-03,\" SIGNUP\t\",\n"
      "c1,2024-03-04,login,\n"
      "c1,2024-03-04,purchases,\n",
      InputFormat::kCsv);
  const auto found = clm::builtin_lookalikes(store);
  // Custom types in byte order of their names: " SIGNUP\t" < "Purchase" < "purchase ".
  REQUIRE(found.size() == 3);
  CHECK(found[0].name == " SIGNUP\t");
  CHECK(found[0].builtin == EventType::kSignup);
  CHECK(found[0].case_differs);
  CHECK(found[0].spaces_around);
  CHECK(found[0].events == 1);
  CHECK(found[1].name == "Purchase");
  CHECK(found[1].builtin == EventType::kPurchase);
  CHECK(found[1].case_differs);
  CHECK_FALSE(found[1].spaces_around);
  CHECK(found[1].events == 3);
  CHECK(found[2].name == "purchase ");
  CHECK(found[2].builtin == EventType::kPurchase);
  CHECK_FALSE(found[2].case_differs);
  CHECK(found[2].spaces_around);
  CHECK(found[2].events == 1);
}

TEST_CASE("builtin_lookalikes is empty for exact and unrelated types", "[core][type_lookalikes]") {
  const clm::EventStore store = ingest_test::events_store(
      "customer_id,timestamp,type\nc1,2024-03-01,signup\nc1,2024-03-02,login\nc1,2024-03-02, \n",
      InputFormat::kCsv);
  CHECK(clm::builtin_lookalikes(store).empty());
}
