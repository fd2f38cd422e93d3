// Internal: what the readers share once a row is split into fields — the
// table's columns, turning a row into an EventStoreBuilder call, and the
// strict/lenient handling of bad rows with "file:line: column 'c': reason
// (value 'v')" messages.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/status.h"

namespace clm::io {

enum class Table { kEvents, kCustomers, kSpend };

// One value of a row. Views point into the input buffer or a reader's
// scratch space and need only live until add_row() returns.
struct Field {
  std::string_view text;
  bool present = false;  // false: empty CSV field, missing JSON key or null
};

class TableSink {
 public:
  // `name` stands for the file in messages.
  TableSink(Table table, std::string_view name, const ReadOptions& options,
            EventStoreBuilder& builder, TableLoad& load);

  // The contract name of an input column after ReadOptions::renames.
  std::string_view contract_name(std::string_view input_name) const;

  // CSV: declares the header (input names). Fills slot_of_column (-1 =
  // ignored column) and declares customers' attribute columns. DataError for
  // a duplicate or missing required column, or too many columns.
  Status declare_header(std::span<const std::string_view> header, std::vector<int>& slot_of_column);

  // JSON: declares the customers' attribute columns (input names, any order)
  // and the required columns' presence is checked per row instead.
  void declare_attributes(const std::vector<std::string>& input_names);
  // Slot of an input column name, or -1 if the table ignores it.
  int slot_of(std::string_view input_name) const;
  std::size_t slot_count() const { return slot_names_.size(); }
  std::string_view slot_name(std::size_t slot) const { return slot_names_[slot]; }

  // One data row. Returns DataError in strict mode for a bad row (and always
  // for a duplicate customer_id); in lenient mode bad rows are counted.
  Status add_row(std::int64_t line, std::span<const Field> slots);
  // A row the reader rejected before it became fields (broken quoting, wrong
  // field count, invalid JSON). `column` may be empty; the message shows
  // `detail` in parentheses if given, else the value if present.
  Status reject_row(std::int64_t line, std::string_view column, std::string_view reason,
                    const Field& value, std::string_view detail = {});

  // "name: what" / "name:line: what" for file-level errors (always fatal).
  Status file_error(std::string_view what) const;
  Status line_error(std::int64_t line, std::string_view what) const;

  std::string_view name() const { return name_; }
  Table table() const { return table_; }

 private:
  Status add_event(std::int64_t line, std::span<const Field> slots);
  Status add_customer(std::int64_t line, std::span<const Field> slots);
  Status add_spend(std::int64_t line, std::span<const Field> slots);
  // Turns a builder's "column: reason" DataError into a rejection of the row.
  Status reject_builder(std::int64_t line, const Status& status, std::span<const Field> slots);
  std::string_view missing_required(std::span<const int> slot_of_column) const;

  Table table_;
  std::string name_;
  const ReadOptions& options_;
  EventStoreBuilder& builder_;
  TableLoad& load_;
  std::vector<std::string> slot_names_;  // contract names: fixed columns, then attributes
  std::size_t fixed_slots_ = 0;          // slots before the attributes
  std::size_t required_slots_ = 0;       // the first required_slots_ fixed slots are required
  std::map<std::string, int, std::less<>> attribute_slot_;
  std::vector<std::string_view> attribute_values_;  // reused per customers row
};

}  // namespace clm::io
