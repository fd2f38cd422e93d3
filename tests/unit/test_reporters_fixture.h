// A small Document shared by the reporter tests: every column kind, a null in
// each nullable kind, a negative amount and a note.
#pragma once

#include <cstdint>

#include "clm/document.h"

namespace clm::testing {

inline Document demo_document() {
  Document doc;
  doc.title = "t";
  doc.meta = {{"from", "2024-01-01T00:00:00Z"}, {"period", "month"}};
  Section s;
  s.id = "demo";
  s.title = "Demo";
  s.add_column("group", "Group", ColumnKind::kText);
  s.add_column("n", "Customers", ColumnKind::kCount);
  s.add_column("revenue", "Revenue", ColumnKind::kMoney);
  s.add_column("churn", "Churn", ColumnKind::kRate);
  s.add_column("score", "Score", ColumnKind::kNumber, 1);
  s.add_column("paid", "Paid", ColumnKind::kFlag);
  // 1234.567890 units; 0.25 = 25 %; 7.26 shown with 1 decimal = 7.3.
  s.rows.push_back(
      {std::string("all"), std::int64_t{12}, std::int64_t{1'234'567'890}, 0.25, 7.26, true});
  // -0.5 units; undefined churn and score.
  s.rows.push_back(
      {std::string("de"), std::int64_t{0}, std::int64_t{-500'000}, Value{}, Value{}, false});
  s.notes.push_back("a note");
  doc.sections.push_back(std::move(s));
  return doc;
}

}  // namespace clm::testing
