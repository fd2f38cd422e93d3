// Internal: the chart kinds of the HTML report, drawn as inline SVG on the
// server. Each takes plain labelled numbers (no Document) and returns one
// <svg> element; every mark carries a <title> with its label and value, and
// the caller puts the numbers in a table next to the chart as well.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clm/document.h"

namespace clm::detail::html {

// Values per x position; nullopt leaves a gap. `low`/`high` (same length as
// `y`, or empty) draw interval whiskers.
struct Series {
  std::string name;
  std::vector<std::optional<double>> y;
  std::vector<std::optional<double>> low;
  std::vector<std::optional<double>> high;
  int color = 0;  // palette index (CSS classes s0..s5)
};

// Common to every chart: the svg id, its accessible title and description,
// and how values print (a Column's kind and decimals, as in the tables).
struct ChartText {
  std::string id;
  std::string title;
  std::string desc;
  Column format{"", "", ColumnKind::kNumber, 1};
};

// Categorical x (periods), one line per series, points and whiskers; the y
// axis spans [y_min, y_max] (values outside are clamped to the frame).
struct LineChart {
  ChartText text;
  std::vector<std::string> x;
  std::vector<Series> series;
  double y_min = 0;
  double y_max = 1;
};
std::string line_chart(const LineChart& c);

// Numeric x: a step line per series (Kaplan-Meier), starting at (0, 1).
struct StepSeries {
  std::string name;
  std::vector<double> x;                 // ascending
  std::vector<std::optional<double>> y;  // value from x[i] on
  int color = 0;
};
struct StepChart {
  ChartText text;
  std::string x_title;
  std::vector<StepSeries> series;
};
std::string step_chart(const StepChart& c);

// A matrix of cells shaded by value / max (or by the value itself for rates).
struct Heatmap {
  ChartText text;
  std::string row_title;
  std::string col_title;
  std::vector<std::string> rows;
  std::vector<std::string> cols;
  std::vector<std::vector<std::optional<double>>> cells;  // [row][col]
};
std::string heatmap(const Heatmap& c);

// Horizontal bars: one group of bars per category, one bar per series
// (negative values are drawn as zero-length bars; their label shows them).
struct BarChart {
  ChartText text;
  std::vector<std::string> categories;
  std::vector<Series> series;  // y only
};
std::string bar_chart(const BarChart& c);

// <figure> around a chart: the svg, a legend of the series names (when more
// than one) and a caption.
std::string figure(const std::string& id, const std::string& svg,
                   const std::vector<std::pair<std::string, int>>& legend,
                   const std::string& caption);

}  // namespace clm::detail::html
