// clm/load_summary.h — what reading one table did: rows read, kept and
// rejected, with the reasons. Filled by the readers (clm/ingest.h) and read by
// the data-quality section of the report, which thus knows no file format.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace clm {

// One rejected row, for the data-quality report.
struct RowRejection {
  std::string location;  // "events.csv:17"
  std::string column;    // "amount"
  std::string reason;    // "purchase needs a positive amount"
  std::string value;     // the offending value, shortened if long
};

// What reading one table did. Always rows_read == rows_kept + rows_rejected().
struct TableLoad {
  std::string table;   // "events", "customers" or "spend"
  std::string source;  // the path as given, "-" for stdin
  std::int64_t rows_read = 0;
  std::int64_t rows_kept = 0;
  std::map<std::string, std::int64_t> rejected_by_reason;  // reason → rows
  std::vector<RowRejection> examples;                      // first few rejections
  std::map<std::string, RowRejection> first_by_reason;     // reason → its first rejected row
  std::int64_t rows_rejected() const;
};

}  // namespace clm
