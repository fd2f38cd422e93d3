#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include "clm/report.h"
#include "clm/reporters.h"
#include "test_reporters_fixture.h"

namespace {

std::string render(const clm::Document& doc, clm::Format f) {
  std::ostringstream out;
  REQUIRE(clm::write_report(out, doc, f).ok());
  return out.str();
}

}  // namespace

TEST_CASE("json: the documented schema, exact money, fractions, null", "[reporters]") {
  const std::string expected = std::string("{\n  \"clm\": {\"version\": \"") +
                               std::string(clm::version()) +
                               "\"},\n"
                               R"(  "title": "t",
  "meta": {
    "from": "2024-01-01T00:00:00Z",
    "period": "month"
  },
  "sections": [
    {
      "id": "demo",
      "title": "Demo",
      "columns": [
        {"key": "group", "title": "Group", "kind": "text"},
        {"key": "n", "title": "Customers", "kind": "count"},
        {"key": "revenue", "title": "Revenue", "kind": "money"},
        {"key": "churn", "title": "Churn", "kind": "rate"},
        {"key": "score", "title": "Score", "kind": "number"},
        {"key": "paid", "title": "Paid", "kind": "flag"}
      ],
      "rows": [
        {"group": "all", "n": 12, "revenue": 1234.567890, "churn": 0.25, "score": 7.26, "paid": true},
        {"group": "de", "n": 0, "revenue": -0.500000, "churn": null, "score": null, "paid": false}
      ],
      "notes": [
        "a note"
      ]
    }
  ]
}
)";
  CHECK(render(clm::testing::demo_document(), clm::Format::kJson) == expected);
}

TEST_CASE("json: empty document", "[reporters]") {
  clm::Document doc;
  doc.title = "e";
  CHECK(render(doc, clm::Format::kJson) ==
        "{\n  \"clm\": {\"version\": \"" + std::string(clm::version()) +
            "\"},\n  \"title\": \"e\",\n  \"meta\": {},\n  \"sections\": []\n}\n");
}

TEST_CASE("json: escapes, invalid UTF-8, NaN and the shortest doubles", "[reporters]") {
  clm::Document doc;
  doc.title = "e";
  clm::Section s;
  s.id = "x";
  s.title = "X";
  s.add_column("v", "V", clm::ColumnKind::kNumber);
  s.rows = {{std::string("q\"b\\n\nt\t\x01 \xC3\xA9 \xFF")},
            {std::numeric_limits<double>::quiet_NaN()},
            {-std::numeric_limits<double>::infinity()},
            {0.1},
            {1.0 / 3.0},
            {-0.0},
            {1e-7}};
  doc.sections.push_back(s);
  const std::string json = render(doc, clm::Format::kJson);
  // é (valid UTF-8) is kept, the stray byte 0xFF becomes U+FFFD.
  CHECK(json.find(R"({"v": "q\"b\\n\nt\t\u0001 )"
                  "\xC3\xA9 \xEF\xBF\xBD\"}") != std::string::npos);
  CHECK(json.find("NaN") == std::string::npos);
  CHECK(json.find("inf") == std::string::npos);
  CHECK(json.find("{\"v\": null},\n        {\"v\": null},\n") != std::string::npos);
  // Shortest round-trip text: 0.1 stays 0.1, 1/3 needs 17 digits, -0 is 0.
  CHECK(json.find("{\"v\": 0.1},\n        {\"v\": 0.3333333333333333},\n        {\"v\": 0},\n"
                  "        {\"v\": 1e-07}\n") != std::string::npos);
}

TEST_CASE("csv: a meta block, then a block per section with a leading section column",
          "[reporters]") {
  const std::string expected =
      "section,key,value\n"
      "meta,from,2024-01-01T00:00:00Z\n"
      "meta,period,month\n"
      "\n"
      "section,group,n,revenue,churn,score,paid\n"
      "demo,all,12,1234.567890,0.25,7.26,true\n"
      "demo,de,0,-0.500000,,,false\n";
  CHECK(render(clm::testing::demo_document(), clm::Format::kCsv) == expected);
}

TEST_CASE("csv: RFC 4180 quoting", "[reporters]") {
  clm::Document doc;
  doc.meta = {{"note", "a,b"}};
  clm::Section s;
  s.id = "x";
  s.title = "X";
  s.add_column("v", "V", clm::ColumnKind::kText);
  s.rows = {{std::string("say \"hi\"")}, {std::string("two\nlines")}, {std::string("plain")}};
  doc.sections.push_back(s);
  CHECK(render(doc, clm::Format::kCsv) ==
        "section,key,value\n"
        "meta,note,\"a,b\"\n"
        "\n"
        "section,v\n"
        "x,\"say \"\"hi\"\"\"\n"
        "x,\"two\nlines\"\n"
        "x,plain\n");
}
