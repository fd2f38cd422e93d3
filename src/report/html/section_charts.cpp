// Each section's chart, drawn as its schema declares it (clm/section_schema.h):
// lines over the periods, step lines, bars and heatmaps of the named columns.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "clm/section_schema.h"
#include "report/html/charts.h"
#include "report/html/page.h"
#include "report/html/view.h"

namespace clm::detail::html {
namespace {

using Legend = std::vector<std::pair<std::string, int>>;

std::vector<std::string> charted_groups(const View& v) {
  std::vector<std::string> g = v.groups();
  if (g.size() > kMaxChartGroups) g.resize(kMaxChartGroups);
  return g;
}

std::string group_note(const View& v) {
  const std::size_t n = v.groups().size();
  if (n <= kMaxChartGroups) return "";
  return fmt::format(" The chart shows the first {} of {} groups; the table has all of them.",
                     kMaxChartGroups, n);
}

std::string group_name(const std::string& g) {
  return g.empty() ? std::string("all") : g;
}

// Figure id of the k-th small multiple: "chart-<id>", "chart-<id>-2", ...
std::string figure_id(const Section& s, std::size_t k) {
  return k == 0 ? "chart-" + s.id : fmt::format("chart-{}-{}", s.id, k + 1);
}

Column format_of(const ChartSpec& spec) {
  return Column{"", "", spec.format, spec.decimals};
}

bool has_columns(const View& v, const ChartSpec& spec) {
  if (!spec.x.empty() && !v.col(spec.x)) return false;
  for (const ChartSeries& m : spec.series) {
    if (!v.col(m.y)) return false;
  }
  return true;
}

// One measure per period (the window row left out), with its interval.
Series period_series(const View& v, const std::vector<std::string>& x, const std::string& group,
                     const ChartSeries& m, int color) {
  std::map<std::string, const Row*> by_period;
  for (const Row* r : v.rows_of(group)) by_period.emplace(v.text(*r, "period"), r);
  Series s;
  s.name = m.name.empty() ? group_name(group) : m.name;
  s.color = color;
  for (const std::string& p : x) {
    const auto it = by_period.find(p);
    const Row* r = it == by_period.end() ? nullptr : it->second;
    const std::optional<double> y = r ? v.num(*r, m.y) : std::nullopt;
    s.y.push_back(y);
    if (!m.margin.empty()) {
      // value_or, not operator*: GCC 12 at -O3 warns (falsely) otherwise.
      const std::optional<double> moe = r ? v.num(*r, m.margin) : std::nullopt;
      const bool both = y.has_value() && moe.has_value();
      const double mid = y.value_or(0), margin = moe.value_or(0);
      s.low.push_back(both ? std::optional<double>(mid - margin) : std::nullopt);
      s.high.push_back(both ? std::optional<double>(mid + margin) : std::nullopt);
    } else if (!m.low.empty()) {
      s.low.push_back(r ? v.num(*r, m.low) : std::nullopt);
      s.high.push_back(r ? v.num(*r, m.high) : std::nullopt);
    }
  }
  return s;
}

std::vector<std::string> periods(const View& v, const std::string& group) {
  std::vector<std::string> x;
  for (const Row* r : v.rows_of(group)) {
    std::string p = v.text(*r, "period");
    if (p != "window") x.push_back(std::move(p));
  }
  return x;
}

// One line chart over the periods: with a single group and several series,
// one line per series; otherwise one line per group of the grouped series.
std::string period_lines(const View& v, const ChartSpec& spec) {
  const Section& s = v.section();
  if (!v.col("period") || !has_columns(v, spec) || spec.grouped_series >= spec.series.size()) {
    return "";
  }
  const std::vector<std::string> groups = charted_groups(v);
  const bool by_series = groups.size() == 1 && spec.series.size() > 1;
  const std::string& caption =
      by_series || spec.grouped_caption.empty() ? spec.caption : spec.grouped_caption;
  LineChart c;
  c.text = {figure_id(s, 0) + "-svg", spec.title, caption, format_of(spec)};
  c.x = periods(v, groups.front());
  c.y_min = spec.y_min;
  c.y_max = spec.y_max;
  Legend legend;
  int color = 0;
  if (by_series) {
    for (const ChartSeries& m : spec.series) {
      c.series.push_back(period_series(v, c.x, groups[0], m, color));
      legend.emplace_back(c.series.back().name, color++);
    }
  } else {
    ChartSeries m = spec.series[spec.grouped_series];
    m.name.clear();  // each line is a group
    for (const std::string& g : groups) {
      c.series.push_back(period_series(v, c.x, g, m, color));
      legend.emplace_back(group_name(g), color++);
    }
  }
  return figure(figure_id(s, 0), line_chart(c), legend, caption + group_note(v));
}

// One small multiple per charted group: `draw` returns the svg of a group.
std::string per_group(
    const View& v, const std::string& title, const std::string& caption, const Legend& legend,
    const std::function<std::string(const std::string& group, const ChartText& text)>& draw) {
  const Section& s = v.section();
  const std::vector<std::string> groups = charted_groups(v);
  std::string out;
  for (std::size_t k = 0; k < groups.size(); ++k) {
    const std::string name =
        groups.size() == 1 ? title : title + " (" + group_name(groups[k]) + ")";
    ChartText text{figure_id(s, k) + "-svg", name, caption, {}};
    const std::string svg = draw(groups[k], text);
    if (svg.empty()) continue;
    out += figure(figure_id(s, k), svg, legend, (k == 0 ? caption + group_note(v) : caption));
  }
  return out;
}

// Rows: runs of equal `x`; columns: the offsets of spec.offset (cell =
// series[0]) or the columns named spec.column_prefix + name.
std::string heatmaps(const View& v, const ChartSpec& spec) {
  const Section& s = v.section();
  if (!has_columns(v, spec)) return "";
  const bool by_offset = !spec.offset.empty();
  if (by_offset && (!v.col(spec.offset) || spec.series.empty())) return "";
  std::vector<std::size_t> wide_cols;
  if (!by_offset) {
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      if (s.columns[c].key.rfind(spec.column_prefix, 0) == 0) wide_cols.push_back(c);
    }
    if (wide_cols.empty()) return "";
  }
  return per_group(v, spec.title, spec.caption, {},
                   [&](const std::string& g, const ChartText& text) {
                     Heatmap h;
                     h.text = text;
                     h.text.format = format_of(spec);
                     h.row_title = spec.y_title;
                     h.col_title = spec.x_title;
                     std::size_t width = 0;
                     for (const Row* r : v.rows_of(g)) {
                       const std::string label = v.text(*r, spec.x);
                       if (h.rows.empty() || h.rows.back() != label) {
                         h.rows.push_back(label);
                         h.cells.emplace_back();
                       }
                       if (!by_offset) {
                         for (std::size_t c : wide_cols)
                           h.cells.back().push_back(v.num(*r, s.columns[c].key));
                         continue;
                       }
                       const auto offset = v.num(*r, spec.offset);
                       if (!offset || *offset < 0 || *offset > 1000) continue;
                       const auto k = static_cast<std::size_t>(*offset);
                       if (h.cells.back().size() <= k) h.cells.back().resize(k + 1);
                       h.cells.back()[k] = v.num(*r, spec.series[0].y);
                       width = std::max(width, k + 1);
                     }
                     if (h.rows.empty()) return std::string();
                     if (by_offset) {
                       for (std::size_t k = 0; k < width; ++k) h.cols.push_back(fmt::to_string(k));
                     } else {
                       for (std::size_t c : wide_cols)
                         h.cols.push_back(s.columns[c].key.substr(spec.column_prefix.size()));
                     }
                     return heatmap(h);
                   });
}

// Bars of each series per `x` label, one chart per group.
std::string bars(const View& v, const ChartSpec& spec) {
  if (!has_columns(v, spec) || spec.series.empty()) return "";
  Legend legend;
  for (std::size_t i = 0; i < spec.series.size(); ++i)
    legend.emplace_back(spec.series[i].name, static_cast<int>(i));
  return per_group(
      v, spec.title, spec.caption, legend, [&](const std::string& g, const ChartText& text) {
        BarChart b;
        b.text = text;
        b.text.format = format_of(spec);
        for (std::size_t i = 0; i < spec.series.size(); ++i)
          b.series.push_back(Series{spec.series[i].name, {}, {}, {}, static_cast<int>(i)});
        for (const Row* r : v.rows_of(g)) {
          b.categories.push_back(v.text(*r, spec.x));
          for (std::size_t i = 0; i < spec.series.size(); ++i)
            b.series[i].y.push_back(v.num(*r, spec.series[i].y));
        }
        return b.categories.empty() ? std::string() : bar_chart(b);
      });
}

// One step line per group over the numeric column `x`.
std::string steps(const View& v, const ChartSpec& spec) {
  const Section& s = v.section();
  if (!has_columns(v, spec) || spec.series.empty()) return "";
  StepChart c;
  c.text = {figure_id(s, 0) + "-svg", spec.title, spec.caption, format_of(spec)};
  c.x_title = spec.x_title;
  Legend legend;
  int color = 0;
  for (const std::string& g : charted_groups(v)) {
    StepSeries series;
    series.name = group_name(g);
    series.color = color;
    for (const Row* r : v.rows_of(g)) {
      const auto x = v.num(*r, spec.x);
      if (!x) continue;
      series.x.push_back(*x);
      series.y.push_back(v.num(*r, spec.series[0].y));
    }
    c.series.push_back(std::move(series));
    legend.emplace_back(group_name(g), color++);
  }
  return figure(figure_id(s, 0), step_chart(c), legend, spec.caption + group_note(v));
}

}  // namespace

std::string section_charts(const Section& s) {
  if (s.rows.empty() || s.schema == nullptr) return "";
  const View v(s);
  const ChartSpec& spec = s.schema->chart;
  switch (spec.kind) {
    case ChartKind::kNone:
      return "";
    case ChartKind::kPeriodLines:
      return period_lines(v, spec);
    case ChartKind::kSteps:
      return steps(v, spec);
    case ChartKind::kBars:
      return bars(v, spec);
    case ChartKind::kHeatmap:
      return heatmaps(v, spec);
  }
  return "";
}

}  // namespace clm::detail::html
