// Generating the three tables: people are simulated in batches; each batch's
// events are sorted by time before they are written, so the events file reads
// like an export in time order within stretches of ~2 000 people (customers
// interleave, as in real data, yet the generator needs only one batch of memory).
#include "clm/generate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "clm/event.h"
#include "generate/model.h"
#include "generate/random.h"
#include "generate/row_writer.h"

namespace clm {
namespace {

using gen::GenCustomer;
using gen::GenEvent;
using gen::RowWriter;

constexpr std::uint32_t kBatchPeople = 2048;

// Names of generated type codes, indexed like GenerateStats::rows_by_type.
std::string_view type_name(std::uint8_t t) {
  if (t == gen::kFeatureUsed) return "feature_used";
  if (t == gen::kLogin) return "login";
  return builtin_type_name(static_cast<EventType>(t));
}

// A customer id: "cus_" and 12 hex digits of a bijection of (seed, person)
// on 48 bits, so ids are unique, look random and do not sort like the rows.
void customer_id(std::uint64_t seed, std::uint64_t person, char out[16]) {
  constexpr std::uint64_t kMask = (std::uint64_t{1} << 48) - 1;
  std::uint64_t x = (person + gen::mix64(seed)) & kMask;
  x = (x * 0x9e3779b97f4bULL) & kMask;  // odd multiplier: a bijection mod 2^48
  x ^= x >> 23;
  x = (x * 0xc2b2ae3d27d5ULL) & kMask;
  x ^= x >> 19;
  static constexpr char kHex[] = "0123456789abcdef";
  std::memcpy(out, "cus_", 4);
  for (int i = 0; i < 12; ++i) out[4 + i] = kHex[(x >> (44 - 4 * i)) & 0xf];
}

gen::Span make_span(const GenerateOptions& o, std::vector<std::string>& campaign_names) {
  gen::Span span;
  span.begin = days_from_civil(o.start) * kSecondsPerDay;
  const int month0 = o.start.year * 12 + static_cast<int>(o.start.month) - 1 + o.months;
  span.end =
      days_from_civil(CivilDate{month0 / 12, static_cast<unsigned>(month0 % 12 + 1), o.start.day}) *
      kSecondsPerDay;
  // Newsletters at 10:00 UTC on the 5th and the 19th of each month.
  for (int m = o.start.year * 12 + static_cast<int>(o.start.month) - 1; m <= month0; ++m) {
    for (unsigned day : {5u, 19u}) {
      const Timestamp t =
          days_from_civil(CivilDate{m / 12, static_cast<unsigned>(m % 12 + 1), day}) *
              kSecondsPerDay +
          10 * 3600;
      if (t < span.begin || t >= span.end) continue;
      span.campaign_times.push_back(t);
      campaign_names.push_back(
          fmt::format("nl-{:04d}-{:02d}-{}", m / 12, m % 12 + 1, day == 5 ? 'a' : 'b'));
    }
  }
  return span;
}

void write_event(RowWriter& w, const GenEvent& e, const char id[16],
                 const std::vector<std::string>& campaigns) {
  w.begin_row();
  w.text("customer_id", {id, 16});
  w.timestamp("timestamp", e.time);
  w.text("type", type_name(e.type));
  const bool money = e.type == code(EventType::kPurchase) || e.type == code(EventType::kRefund);
  if (money)
    w.cents("amount", e.cents);
  else
    w.absent();
  if (e.score >= 0)
    w.integer("score", e.score);
  else
    w.absent();
  if (e.channel != gen::kNoChannel)
    w.text("channel", gen::kChannelNames[e.channel]);
  else
    w.absent();
  if (e.campaign != 0)
    w.text("campaign", campaigns[e.campaign - 1]);
  else
    w.absent();
  w.end_row();
}

void write_customer(RowWriter& w, const GenCustomer& c, const char id[16]) {
  w.begin_row();
  w.text("customer_id", {id, 16});
  if (!c.acquired_at_blank)
    w.timestamp("acquired_at", c.acquired_at);
  else
    w.absent();
  if (c.channel != gen::kNoChannel)
    w.text("channel", gen::kChannelNames[c.channel]);
  else
    w.absent();
  w.text("country", gen::kCountryNames[c.country]);
  w.text("plan", gen::kPlanNames[c.plan]);
  w.end_row();
}

// Daily spend of each paid channel, sized so that CAC lands near the
// channel's target for the number of people generated.
std::int64_t write_spend(RowWriter& w, std::uint64_t seed, const gen::Span& span,
                         std::int64_t people) {
  gen::Rng rng(gen::mix64(seed ^ 0x5be0cd19137e2179ULL));
  double total_weight = 0;
  for (double x : gen::kChannelWeight) total_weight += x;
  const double days = static_cast<double>(span.end - span.begin) / kSecondsPerDay;
  const double signups_per_day = static_cast<double>(people) * 0.62 / days;
  std::int64_t rows = 0;
  w.header("date,channel,amount\n");
  for (Timestamp d = span.begin - span.begin % kSecondsPerDay; d < span.end; d += kSecondsPerDay) {
    for (int c = 0; c < gen::kChannelCount; ++c) {
      if (!gen::kChannelIsPaid[c]) continue;
      const double mean =
          signups_per_day * gen::kChannelWeight[c] / total_weight * gen::kChannelCac[c];
      const double amount = mean * (0.6 + 0.8 * rng.uniform());
      w.begin_row();
      w.date("date", d);
      w.text("channel", gen::kChannelNames[c]);
      w.cents("amount", static_cast<std::int64_t>(std::floor(amount * 100 + 0.5)));
      w.end_row();
      ++rows;
    }
  }
  return rows;
}

Status validate(const GenerateOptions& o) {
  if (o.events && *o.events < 1) return Status::InvalidArgument("events must be at least 1");
  if (!o.events && (o.people < 1 || o.people > (std::int64_t{1} << 32) - 1))
    return Status::InvalidArgument("customers must be between 1 and 4294967295");
  if (o.months < 1 || o.months > 600) return Status::InvalidArgument("months must be 1..600");
  if (o.start.year < 1900 || o.start.year > 9000 || o.start.month < 1 || o.start.month > 12 ||
      o.start.day < 1 || o.start.day > 28)
    return Status::InvalidArgument("start must be a date from 1900-01-01 with day 1..28");
  return Status::Ok();
}

}  // namespace

Result<GenerateFormat> parse_generate_format(std::string_view name) {
  if (name == "csv") return GenerateFormat::kCsv;
  if (name == "jsonl" || name == "ndjson") return GenerateFormat::kJsonLines;
  return Status::InvalidArgument("unknown data format '" + std::string(name) +
                                 "' (expected csv or jsonl)");
}

std::string_view generate_extension(GenerateFormat f) {
  return f == GenerateFormat::kCsv ? "csv" : "jsonl";
}

Result<GenerateStats> generate(const GenerateOptions& options, ByteSink& events_sink,
                               ByteSink& customers_sink, ByteSink& spend_sink) {
  if (Status s = validate(options); !s.ok()) return s;
  std::vector<std::string> campaigns;
  const gen::Span span = make_span(options, campaigns);

  RowWriter events(events_sink, options.format);
  RowWriter customers(customers_sink, options.format);
  events.header("customer_id,timestamp,type,amount,score,channel,campaign\n");
  customers.header("customer_id,acquired_at,channel,country,plan\n");

  GenerateStats stats;
  const std::int64_t event_limit = options.events.value_or(INT64_MAX);
  std::vector<GenEvent> batch;
  std::vector<GenEvent> person_events;
  std::vector<char> ids;  // 16 chars per person of the batch
  std::uint32_t next_person = 0;
  bool done = false;
  while (!done) {
    batch.clear();
    ids.clear();
    const std::uint32_t first = next_person;
    for (std::uint32_t i = 0; i < kBatchPeople; ++i) {
      if (stats.events + static_cast<std::int64_t>(batch.size()) >= event_limit ||
          (!options.events && next_person >= options.people)) {
        done = true;
        break;
      }
      person_events.clear();
      const GenCustomer row = gen::simulate_person(options.seed, next_person, span, person_events);
      const std::int64_t room =
          event_limit - stats.events - static_cast<std::int64_t>(batch.size());
      if (static_cast<std::int64_t>(person_events.size()) > room) {
        // The last person: keep its earliest events only.
        std::sort(person_events.begin(), person_events.end(),
                  [](const GenEvent& a, const GenEvent& b) {
                    return a.time != b.time ? a.time < b.time : a.seq < b.seq;
                  });
        person_events.resize(static_cast<std::size_t>(room));
      }
      ids.resize(ids.size() + 16);
      customer_id(options.seed, next_person, ids.data() + ids.size() - 16);
      if (row.present) {
        write_customer(customers, row, ids.data() + ids.size() - 16);
        ++stats.customer_rows;
      }
      if (!person_events.empty()) ++stats.people;
      batch.insert(batch.end(), person_events.begin(), person_events.end());
      ++next_person;
    }
    // (time, person, seq) is a total order, so any sort gives the same bytes.
    std::sort(batch.begin(), batch.end(), [](const GenEvent& a, const GenEvent& b) {
      if (a.time != b.time) return a.time < b.time;
      if (a.person != b.person) return a.person < b.person;
      return a.seq < b.seq;
    });
    for (const GenEvent& e : batch) {
      write_event(events, e, ids.data() + 16 * (e.person - first), campaigns);
      ++stats.rows_by_type[e.type];
    }
    stats.events += static_cast<std::int64_t>(batch.size());
    if (!events.status().ok()) return events.status();
    if (!customers.status().ok()) return customers.status();
  }
  events.flush();
  customers.flush();

  RowWriter spend(spend_sink, options.format);
  stats.spend_rows = write_spend(spend, options.seed, span, next_person);
  spend.flush();
  for (const RowWriter* w : {&events, &customers, &spend})
    if (!w->status().ok()) return w->status();
  stats.events_bytes = events.bytes();
  stats.customers_bytes = customers.bytes();
  stats.spend_bytes = spend.bytes();
  return stats;
}

}  // namespace clm
