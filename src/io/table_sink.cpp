#include "io/table_sink.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "clm/event.h"
#include "clm/money.h"
#include "clm/time.h"
#include "core/builder_impl.h"
#include "io/text_input.h"

namespace clm::io {
namespace {

// Slots of the fixed columns; the required ones come first in each table.
enum EventSlot { kEvCustomer, kEvTimestamp, kEvType, kEvAmount, kEvScore, kEvChannel, kEvCampaign };
enum CustomerSlot { kCuCustomer, kCuAcquiredAt, kCuChannel, kCuFirstAttribute };
enum SpendSlot { kSpDate, kSpChannel, kSpAmount };

constexpr std::array<std::string_view, 7> kEventColumns = {
    "customer_id", "timestamp", "type", "amount", "score", "channel", "campaign"};
constexpr std::array<std::string_view, 3> kCustomerColumns = {"customer_id", "acquired_at",
                                                              "channel"};
constexpr std::array<std::string_view, 3> kSpendColumns = {"date", "channel", "amount"};

// A survey score: an integer, optionally written with a zero fraction ("7.0",
// as spreadsheets and pandas export integer columns). Values far outside any
// range are clamped so the builder reports them as out of range.
std::optional<int> parse_score(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  const std::size_t begin = i;
  int v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) v = std::min(v * 10 + (s[i] - '0'), 1000);
  if (i == begin) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i == s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      if (s[i] != '0') return std::nullopt;
    }
  }
  if (i != s.size()) return std::nullopt;
  return negative ? -v : v;
}

}  // namespace

TableSink::TableSink(Table table, std::string_view name, const ReadOptions& options,
                     EventStoreBuilder& builder, TableLoad& load)
    : table_(table), name_(name), options_(options), builder_(builder), load_(load) {
  switch (table) {
    case Table::kEvents:
      slot_names_.assign(kEventColumns.begin(), kEventColumns.end());
      required_slots_ = 3;
      break;
    case Table::kCustomers:
      slot_names_.assign(kCustomerColumns.begin(), kCustomerColumns.end());
      required_slots_ = 1;
      break;
    case Table::kSpend:
      slot_names_.assign(kSpendColumns.begin(), kSpendColumns.end());
      required_slots_ = 3;
      break;
  }
  fixed_slots_ = slot_names_.size();
}

std::string_view TableSink::contract_name(std::string_view input_name) const {
  for (const auto& [from, to] : options_.renames) {
    if (from == input_name) return to;
  }
  return input_name;
}

int TableSink::slot_of(std::string_view input_name) const {
  const std::string_view name = contract_name(input_name);
  for (std::size_t s = 0; s < fixed_slots_; ++s) {
    if (slot_names_[s] == name) return static_cast<int>(s);
  }
  if (table_ == Table::kCustomers) {
    if (auto it = attribute_slot_.find(name); it != attribute_slot_.end()) return it->second;
  }
  return -1;
}

void TableSink::declare_attributes(const std::vector<std::string>& input_names) {
  std::vector<std::string> names;
  for (const std::string& input : input_names) {
    const std::string_view name = contract_name(input);
    if (name.empty() || slot_of(input) >= 0) continue;  // fixed column or already declared
    attribute_slot_.emplace(std::string(name), static_cast<int>(slot_names_.size()));
    slot_names_.emplace_back(name);
    names.emplace_back(name);
  }
  builder_.set_attribute_names(std::move(names));
  attribute_values_.assign(slot_names_.size() - fixed_slots_, {});
}

std::string_view TableSink::missing_required(std::span<const int> slot_of_column) const {
  for (std::size_t s = 0; s < required_slots_; ++s) {
    if (std::find(slot_of_column.begin(), slot_of_column.end(), static_cast<int>(s)) ==
        slot_of_column.end()) {
      return slot_names_[s];
    }
  }
  return {};
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Why a header lacks a required column when the cause is visible in it: line
// ends of a lone CR (the whole file is one line), a second byte-order mark, a
// name with spaces around it or in another case. "" when none applies.
std::string header_hint(std::span<const std::string_view> header, std::string_view missing) {
  for (const std::string_view h : header) {
    if (h.find('\r') != std::string_view::npos) {
      return " (the header holds a carriage return: are the line ends a lone CR? clm reads lines "
             "ending in LF or CR LF)";
    }
  }
  if (!header.empty() && header[0].substr(0, 3) == "\xEF\xBB\xBF") {
    return " (the first column name starts with a second byte-order mark)";
  }
  for (const std::string_view h : header) {
    if (h != missing && trim(h) == missing) {
      return fmt::format(" (the header has '{}' with spaces around it: column names are exact)",
                         shorten(h));
    }
    if (h != missing && equal_ignoring_case(trim(h), missing)) {
      return fmt::format(" (the header has '{}': column names are lower case)", shorten(h));
    }
  }
  return {};
}

}  // namespace

Status TableSink::declare_header(std::span<const std::string_view> header,
                                 std::vector<int>& slot_of_column) {
  if (header.size() > kMaxColumns) {
    return file_error(fmt::format("the header has {} columns, more than the limit of {}",
                                  header.size(), kMaxColumns));
  }
  // Duplicates are checked on contract names, so a rename onto an existing column is caught too.
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view name = contract_name(header[i]);
    const auto earlier = std::find(names.begin(), names.end(), name);
    if (name.empty() && earlier != names.end()) {
      return file_error(fmt::format(
          "columns {} and {} of the header have no name: column names must be unique (name "
          "them, or remove the empty columns)",
          earlier - names.begin() + 1, i + 1));
    }
    if (earlier != names.end()) {
      const std::string_view other = header[static_cast<std::size_t>(earlier - names.begin())];
      const std::string_view renamed = header[i] != name ? header[i] : other;
      if (renamed == name) {
        return file_error(fmt::format("duplicate column '{}' in the header", shorten(name)));
      }
      return file_error(fmt::format(
          "duplicate column '{}' in the header: the rename {}={} (--rename) gives a second "
          "column of that name",
          shorten(name), shorten(renamed), shorten(name)));
    }
    names.push_back(name);
  }
  if (table_ == Table::kCustomers) {
    std::vector<std::string> inputs(header.begin(), header.end());
    declare_attributes(inputs);
  }
  slot_of_column.clear();
  for (const std::string_view input : header) slot_of_column.push_back(slot_of(input));
  if (const std::string_view missing = missing_required(slot_of_column); !missing.empty()) {
    std::string hint = header_hint(header, missing);
    if (hint.empty() && header.size() == 1) {
      for (const char sep : {';', '\t', '|'}) {
        if (header[0].find(sep) != std::string_view::npos) {
          hint = fmt::format(
              " (the header is the single column '{}': clm reads comma-separated values, is the "
              "separator '{}'?)",
              shorten(header[0]), shorten(std::string_view(&sep, 1)));
          break;
        }
      }
    }
    return file_error(fmt::format("missing required column '{}'{}", missing, hint));
  }
  return Status::Ok();
}

Status TableSink::file_error(std::string_view what) const {
  return Status::DataError(fmt::format("{}: {}", name_, what));
}

Status TableSink::line_error(std::int64_t line, std::string_view what) const {
  return Status::DataError(fmt::format("{}:{}: {}", name_, line, what));
}

Status TableSink::reject_row(std::int64_t line, std::string_view column, std::string_view reason,
                             const Field& value, std::string_view detail) {
  ++load_.rows_read;
  const bool show_value = value.present && !value.text.empty();
  const std::string shown = show_value ? shorten(value.text) : std::string();
  if (!options_.lenient) {
    std::string msg = fmt::format("{}:{}: ", name_, line);
    if (!column.empty()) msg += fmt::format("column '{}': ", shorten(column));
    msg += reason;
    if (!detail.empty()) {
      msg += fmt::format(" ({})", detail);
    } else if (show_value) {
      msg += fmt::format(" (value '{}')", shown);
    }
    return Status::DataError(std::move(msg));
  }
  const std::int64_t seen = ++load_.rejected_by_reason[std::string(reason)];
  const bool example = load_.examples.size() < options_.max_examples;
  if (example || seen == 1) {
    RowRejection r{fmt::format("{}:{}", name_, line), std::string(column), std::string(reason),
                   detail.empty() ? shown : std::string(detail)};
    if (seen == 1) load_.first_by_reason.emplace(r.reason, r);
    if (example) load_.examples.push_back(std::move(r));
  }
  return Status::Ok();
}

Status TableSink::reject_builder(std::int64_t line, const Status& status,
                                 std::span<const Field> slots) {
  if (status.code() != Status::Code::kDataError) return status;
  const std::string& msg = status.message();
  const std::size_t colon = msg.find(": ");
  const std::string_view column =
      colon == std::string::npos ? std::string_view() : std::string_view(msg).substr(0, colon);
  const std::string_view reason =
      colon == std::string::npos ? std::string_view(msg) : std::string_view(msg).substr(colon + 2);
  // A repeated customer makes the table ambiguous (which row's attributes?):
  // fatal in both modes, as docs/input.md lists it with the file-level errors.
  if (reason.starts_with("duplicate customer_id")) {
    ++load_.rows_read;
    return line_error(line, fmt::format("column 'customer_id': {}", reason));
  }
  Field value;
  for (std::size_t s = 0; s < slots.size(); ++s) {
    if (slot_names_[s] == column) value = slots[s];
  }
  return reject_row(line, column, reason, value);
}

Status TableSink::add_row(std::int64_t line, std::span<const Field> slots) {
  switch (table_) {
    case Table::kEvents:
      return add_event(line, slots);
    case Table::kCustomers:
      return add_customer(line, slots);
    case Table::kSpend:
      return add_spend(line, slots);
  }
  return Status::Internal("unknown table");
}

Status TableSink::add_event(std::int64_t line, std::span<const Field> slots) {
  EventInput e;
  e.customer_id = slots[kEvCustomer].text;
  e.type = slots[kEvType].text;
  e.channel = slots[kEvChannel].text;
  e.campaign = slots[kEvCampaign].text;
  const Field& ts = slots[kEvTimestamp];
  if (!ts.present) return reject_row(line, "timestamp", "missing timestamp", ts);
  Result<Timestamp> t = parse_timestamp(ts.text, options_.tz);
  if (!t.ok()) return reject_row(line, "timestamp", t.status().message(), ts);
  e.time = *t;
  // Amounts and scores are read only where the contract gives them a meaning;
  // on other types they are ignored (not validated), like the store does.
  if (const std::optional<EventType> type = clm::detail::find_builtin_type(e.type)) {
    if (*type == EventType::kPurchase || *type == EventType::kRefund) {
      if (const Field& a = slots[kEvAmount]; a.present) {
        Result<Money> m = parse_money(a.text);
        if (!m.ok()) return reject_row(line, "amount", m.status().message(), a);
        e.amount = *m;
      }
    } else if (clm::detail::find_score_range(*type)) {
      if (const Field& s = slots[kEvScore]; s.present) {
        e.score = parse_score(s.text);
        if (!e.score) return reject_row(line, "score", "score is not an integer", s);
      }
    }
  }
  if (Status s = builder_.add_event(e); !s.ok()) return reject_builder(line, s, slots);
  ++load_.rows_read;
  ++load_.rows_kept;
  return Status::Ok();
}

Status TableSink::add_customer(std::int64_t line, std::span<const Field> slots) {
  CustomerInput c;
  c.customer_id = slots[kCuCustomer].text;
  c.channel = slots[kCuChannel].text;
  if (const Field& at = slots[kCuAcquiredAt]; at.present) {
    Result<Timestamp> t = parse_timestamp(at.text, options_.tz);
    if (!t.ok()) return reject_row(line, "acquired_at", t.status().message(), at);
    c.acquired_at = *t;
  }
  for (std::size_t a = 0; a < attribute_values_.size(); ++a) {
    attribute_values_[a] = slots[kCuFirstAttribute + a].text;
  }
  c.attributes = std::move(attribute_values_);
  Status s = builder_.add_customer(c);
  attribute_values_ = std::move(c.attributes);  // keep the vector's storage for the next row
  if (!s.ok()) return reject_builder(line, s, slots);
  ++load_.rows_read;
  ++load_.rows_kept;
  return Status::Ok();
}

Status TableSink::add_spend(std::int64_t line, std::span<const Field> slots) {
  SpendInput sp;
  const Field& date = slots[kSpDate];
  if (!date.present) return reject_row(line, "date", "missing date", date);
  Result<Timestamp> t = parse_timestamp(date.text, options_.tz);
  if (!t.ok()) return reject_row(line, "date", t.status().message(), date);
  sp.date = *t;
  sp.channel = slots[kSpChannel].text;
  const Field& amount = slots[kSpAmount];
  if (!amount.present) return reject_row(line, "amount", "missing amount", amount);
  Result<Money> m = parse_money(amount.text);
  if (!m.ok()) return reject_row(line, "amount", m.status().message(), amount);
  sp.amount = *m;
  if (Status s = builder_.add_spend(sp); !s.ok()) return reject_builder(line, s, slots);
  ++load_.rows_read;
  ++load_.rows_kept;
  return Status::Ok();
}

}  // namespace clm::io
