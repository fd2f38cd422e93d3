// clm/grouping.h — splitting customers into groups, and per-(group, period)
// accumulators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clm/acquisition.h"
#include "clm/document.h"
#include "clm/event_store.h"
#include "clm/period.h"
#include "clm/status.h"

namespace clm {

// What to group customers by: nothing, a customers-table attribute, the
// acquisition channel, or the acquisition cohort (period of a(c)).
struct GroupBy {
  enum class Kind { kNone, kAttribute, kChannel, kCohort };
  Kind kind = Kind::kNone;
  std::string attribute;  // for kAttribute

  // "" → none, "channel", "cohort", anything else → that attribute.
  static GroupBy parse(std::string_view spec);
  // "channel", "cohort", the attribute name, or "" for none.
  std::string name() const;
};

// A partition of the people who exist at the as-of time (Acquisition::known).
// Labels are sorted byte-wise; customers with no value (no attribute value, no
// acquisition channel) form the *absent* group, labelled kAbsentLabel "(none)"
// but kept apart from a real value "(none)": it is its own group, sorted just
// before it, and `absent` names it. Prospects in a cohort grouping go to
// "(prospect)". Without grouping there is one group, "all". People who do not
// exist yet are in no group (kNoGroup), so no label comes from them alone and
// every metric skips them.
struct Grouping {
  static constexpr std::uint32_t kNoGroup = 0xFFFF'FFFF;
  std::vector<std::string> labels;
  std::vector<std::uint32_t> group_of;  // per CustomerIndex; kNoGroup for unknown people
  std::optional<std::size_t> absent;    // index of the absent group, if any
  std::size_t size() const { return labels.size(); }
  bool includes(CustomerIndex c) const { return group_of[c] != kNoGroup; }
  bool is_absent(std::size_t g) const { return absent && *absent == g; }
  // Group g as a cell of a "group" column: null for the absent group.
  Value cell(std::size_t g) const { return is_absent(g) ? Value() : Value(labels[g]); }
};

// InvalidArgument naming the known attributes when `by` names an unknown one.
// `cohort_unit` is the period unit of cohort labels.
Result<Grouping> make_grouping(const EventStore& store, const GroupBy& by, const Acquisition& acq,
                               const Calendar& cal, PeriodUnit cohort_unit);

// Accumulators of one metric for every (group, period) cell and for every
// group over the whole window. Acc must be default-constructible.
template <typename Acc>
class Breakdown {
 public:
  Breakdown(std::size_t groups, std::size_t periods)
      : periods_(periods), cells_(groups * (periods + 1)) {}

  std::size_t groups() const { return cells_.size() / (periods_ + 1); }
  std::size_t periods() const { return periods_; }
  Acc& window(std::size_t g) { return cells_[g * (periods_ + 1)]; }
  const Acc& window(std::size_t g) const { return cells_[g * (periods_ + 1)]; }
  Acc& at(std::size_t g, std::size_t p) { return cells_[g * (periods_ + 1) + 1 + p]; }
  const Acc& at(std::size_t g, std::size_t p) const { return cells_[g * (periods_ + 1) + 1 + p]; }

 private:
  std::size_t periods_;
  std::vector<Acc> cells_;
};

}  // namespace clm
