#include "clm/grouping.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace clm {
namespace {

constexpr std::string_view kAttributePrefix = "attribute:";

// Assigns each known customer the group `key_of(c)`: a value, or nullopt for
// none. Labels sorted byte-wise, the absent group (labelled kAbsentLabel) just
// before a real value equal to its label. Unknown people get kNoGroup.
template <typename KeyOf>
Grouping group_by_key(const Acquisition& acq, KeyOf key_of) {
  const std::size_t n = acq.known.size();
  // (label, is a real value) → provisional id; std::map iterates in byte order.
  std::map<std::pair<std::string, bool>, std::uint32_t> index;
  std::vector<std::uint32_t> provisional(n, Grouping::kNoGroup);
  for (CustomerIndex c = 0; c < n; ++c) {
    if (!acq.is_known(c)) continue;
    std::optional<std::string> key = key_of(c);
    const bool real = key.has_value();
    auto [it, inserted] =
        index.try_emplace({real ? std::move(*key) : std::string(kAbsentLabel), real},
                          static_cast<std::uint32_t>(index.size()));
    provisional[c] = it->second;
  }
  Grouping g;
  std::vector<std::uint32_t> final_id(index.size());
  for (auto& [key, id] : index) {
    final_id[id] = static_cast<std::uint32_t>(g.labels.size());
    if (!key.second) g.absent = g.labels.size();
    g.labels.push_back(key.first);
  }
  g.group_of.resize(n);
  for (std::size_t c = 0; c < n; ++c) {
    g.group_of[c] =
        provisional[c] == Grouping::kNoGroup ? Grouping::kNoGroup : final_id[provisional[c]];
  }
  return g;
}

}  // namespace

GroupBy GroupBy::parse(std::string_view spec) {
  GroupBy g;
  if (spec.empty()) return g;
  if (spec == "channel") {
    g.kind = Kind::kChannel;
  } else if (spec == "cohort") {
    g.kind = Kind::kCohort;
  } else {
    g.kind = Kind::kAttribute;
    if (spec.substr(0, kAttributePrefix.size()) == kAttributePrefix) spec.remove_prefix(kAttributePrefix.size());
    g.attribute = std::string(spec);
  }
  return g;
}

std::string GroupBy::name() const {
  switch (kind) {
    case Kind::kNone: return "";
    case Kind::kChannel: return "channel";
    case Kind::kCohort: return "cohort";
    case Kind::kAttribute: return attribute;
  }
  return "";
}

Result<Grouping> make_grouping(const EventStore& store, const GroupBy& by, const Acquisition& acq,
                               const Calendar& cal, PeriodUnit cohort_unit) {
  const std::size_t n = store.customer_count();
  switch (by.kind) {
    case GroupBy::Kind::kNone: {
      Grouping g;
      g.labels = {"all"};
      g.group_of.resize(n);
      for (CustomerIndex c = 0; c < n; ++c)
        g.group_of[c] = acq.is_known(c) ? 0 : Grouping::kNoGroup;
      return g;
    }
    case GroupBy::Kind::kChannel:
      return group_by_key(acq, [&](CustomerIndex c) -> std::optional<std::string> {
        if (acq.channel[c] == kNoSymbol) return std::nullopt;
        return std::string(store.channels().name(acq.channel[c]));
      });
    case GroupBy::Kind::kCohort:
      return group_by_key(acq, [&](CustomerIndex c) -> std::optional<std::string> {
        return acq.is_prospect(c) ? std::string("(prospect)")
                                  : period_label(acq.acquired_at[c], cohort_unit, cal);
      });
    case GroupBy::Kind::kAttribute: {
      const auto a = store.find_attribute(by.attribute);
      if (!a) {
        std::string known;
        for (const auto& name : store.attribute_names()) known += (known.empty() ? "" : ", ") + name;
        return Status::InvalidArgument(fmt::format(
            "cannot group by '{}': not a column of the customers table (known: {}; or channel, cohort)",
            by.attribute, known.empty() ? "none" : known));
      }
      return group_by_key(acq, [&](CustomerIndex c) -> std::optional<std::string> {
        const SymbolId v = store.attribute(*a, c);
        if (v == kNoSymbol) return std::nullopt;
        return std::string(store.attribute_values(*a).name(v));
      });
    }
  }
  return Status::Internal("unknown grouping");
}

}  // namespace clm
