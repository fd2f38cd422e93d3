// clm/section_schema.h — what a report section means, declared once beside
// the code that builds it: its columns (and the goal metric each one feeds),
// its chart and its headline cards.
//
// The HTML charts, the headline cards and the goal catalogue (goal_metrics())
// are all drawn from these declarations, so a metric with a goal, a chart and
// a card is added by declaring them in its section's schema; no renderer
// names a section or a column of its own.
#pragma once

#include <string>
#include <vector>

#include "clm/document.h"

namespace clm {

// The goal metric a column feeds (see clm/goals.h).
struct GoalFeed {
  std::string metric = {};       // "" = the column feeds no goal
  std::string description = {};  // one line for --help and the docs; "" when another column has it
  // True when the column holds the metric per acquisition channel (its
  // section has a "channel" column); false for the overall / per-group value.
  bool per_channel = false;
};

struct ColumnSpec {
  std::string key = {};
  std::string title = {};
  ColumnKind kind = ColumnKind::kText;
  int decimals = 2;
  GoalFeed goal = {};
};

// A line, bar or step series of a chart: the column it plots and its interval.
struct ChartSeries {
  std::string y = {};     // the plotted column
  std::string name = {};  // legend name; "" = the group's name
  std::string low = {};   // interval columns ("" = none) ...
  std::string high = {};
  std::string margin = {};  // ... or a symmetric margin column: y ± margin
};

enum class ChartKind {
  kNone,
  // One line per series over the "period" column (the window row left out),
  // with interval whiskers: one chart, all groups in it.
  kPeriodLines,
  // A step line of `series[0].y` over the numeric column `x`, one per group.
  kSteps,
  // Horizontal bars: one bar group per row's `x` label, one bar per series;
  // one chart per group.
  kBars,
  // A matrix, one per group: rows are the runs of equal `x` values; columns
  // are either the integer offsets in column `offset` (cell = series[0].y) or
  // every column whose key starts with `column_prefix` (cell = that column).
  kHeatmap,
};

struct ChartSpec {
  ChartKind kind = ChartKind::kNone;
  std::string title = {};
  std::string caption = {};
  // kPeriodLines: with several groups, only series[grouped_series] is drawn,
  // one line per group, under this caption ("" = caption).
  std::string grouped_caption = {};
  std::size_t grouped_series = 0;
  std::string x = {};  // kSteps, kBars, kHeatmap: the x / category / row column
  std::vector<ChartSeries> series = {};
  // How values print in tooltips and axes, as in the tables.
  ColumnKind format = ColumnKind::kNumber;
  int decimals = 1;
  double y_min = 0;  // kPeriodLines: the y axis
  double y_max = 1;
  std::string x_title = {};        // kSteps: the x axis; kHeatmap: the columns
  std::string y_title = {};        // kHeatmap: the rows
  std::string offset = {};         // kHeatmap
  std::string column_prefix = {};  // kHeatmap
};

// Which row of its section a headline card reads.
enum class CardRow {
  kWindow,      // the overall row ("all" or the single group) over the window
  kLastPeriod,  // the overall row of the last period
  kRange,       // every row: the card shows the lowest–highest defined value
};

// One number on the HTML report's headline.
struct CardSpec {
  int rank = 0;  // cards are shown by ascending rank, whichever section they belong to
  std::string label = {};
  std::string column = {};  // the value shown
  CardRow row = CardRow::kWindow;
  // The line under the value. "{key}" is replaced by the text of column `key`
  // of the card's row (kRange: of the first row), "{meta:key}" by the report
  // metadata `key` (the key itself when absent), and for kRange "{defined}" by
  // the number of rows with a value and "{flagged}" by those of them whose
  // `flag` column is set.
  std::string note = {};
  std::string flag = {};
  std::string undefined_note = "undefined for this data";
  // When this column is 0 in the card's row, the value is undefined for want
  // of data and the card says `empty_note`.
  std::string empty_column = {};
  std::string empty_note = {};
};

struct SectionSchema {
  std::string id = {};     // Section::id
  std::string title = {};  // Section::title, unless the builder names it from the data
  // The section's columns in order. A builder may append columns that depend
  // on the options (e.g. one survival column per requested day); those feed no
  // goal and no chart.
  std::vector<ColumnSpec> columns = {};
  ChartSpec chart = {};
  std::vector<CardSpec> cards = {};
};

// An empty section of this schema: id, title, columns, and `schema` pointing
// at it (schemas are static: the pointer stays valid).
Section make_section(const SectionSchema& schema);

// Every section schema of the report, in report order.
const std::vector<const SectionSchema*>& section_schemas();

}  // namespace clm
