// Which chart each report section gets, read from the section by column key:
// surveys and churn per period, cohort and stage-flow heatmaps, the funnel,
// the survival curve, CAC vs CLV per channel and the RFM segment sizes.
#include <algorithm>
#include <functional>
#include <map>

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
  return " The chart shows the first " + std::to_string(kMaxChartGroups) + " of " +
         std::to_string(n) + " groups; the table has all of them.";
}

std::string group_name(const std::string& g) {
  return g.empty() ? std::string("all") : g;
}

// Figure id of the k-th small multiple: "chart-<id>", "chart-<id>-2", ...
std::string figure_id(const Section& s, std::size_t k) {
  return "chart-" + s.id + (k == 0 ? "" : "-" + std::to_string(k + 1));
}

// One measure per period (the window row left out), with its interval.
struct Measure {
  std::string key, low, high;  // low/high "" = no interval; "±key" = value ± key
  std::string name;            // series name suffix
};

Series period_series(const View& v, const std::vector<std::string>& x, const std::string& group,
                     const Measure& m, int color) {
  std::map<std::string, const Row*> by_period;
  for (const Row* r : v.rows_of(group)) by_period.emplace(v.text(*r, "period"), r);
  Series s;
  s.name = m.name.empty() ? group_name(group) : m.name;
  s.color = color;
  for (const std::string& p : x) {
    const auto it = by_period.find(p);
    const Row* r = it == by_period.end() ? nullptr : it->second;
    const std::optional<double> y = r ? v.num(*r, m.key) : std::nullopt;
    s.y.push_back(y);
    if (m.low.empty()) continue;
    if (m.low.front() == '+') {  // a symmetric margin column
      // value_or, not operator*: GCC 12 at -O3 warns (falsely) otherwise.
      const std::optional<double> moe = r ? v.num(*r, m.low.substr(1)) : std::nullopt;
      const bool both = y.has_value() && moe.has_value();
      const double mid = y.value_or(0), margin = moe.value_or(0);
      s.low.push_back(both ? std::optional<double>(mid - margin) : std::nullopt);
      s.high.push_back(both ? std::optional<double>(mid + margin) : std::nullopt);
    } else {
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

std::string period_chart(const View& v, const std::string& title, const Measure& m, ColumnKind kind,
                         int decimals, double lo, double hi, const std::string& caption) {
  const Section& s = v.section();
  if (!v.col("period") || !v.col(m.key)) return "";
  const std::vector<std::string> groups = charted_groups(v);
  LineChart c;
  c.text = {figure_id(s, 0) + "-svg", title, caption, Column{"", "", kind, decimals}};
  c.x = periods(v, groups.front());
  c.y_min = lo;
  c.y_max = hi;
  Legend legend;
  int color = 0;
  for (const std::string& g : groups) {
    c.series.push_back(period_series(v, c.x, g, m, color));
    legend.emplace_back(group_name(g), color++);
  }
  return figure(figure_id(s, 0), line_chart(c), legend, caption + group_note(v));
}

std::string churn_chart(const View& v) {
  const Section& s = v.section();
  if (!v.col("period") || !v.col("churn_rate")) return "";
  const std::vector<std::string> groups = charted_groups(v);
  LineChart c;
  const std::string caption = groups.size() == 1
                                  ? "Retention and churn rate per period with their 95% intervals."
                                  : "Churn rate per period and group with its 95% interval.";
  c.text = {figure_id(s, 0) + "-svg", "Churn and retention per period", caption,
            Column{"", "", ColumnKind::kRate, 1}};
  c.x = periods(v, groups.front());
  Legend legend;
  if (groups.size() == 1) {
    c.series.push_back(period_series(
        v, c.x, groups[0],
        {"retention_rate", "retention_rate_low", "retention_rate_high", "Retention"}, 0));
    c.series.push_back(period_series(
        v, c.x, groups[0], {"churn_rate", "churn_rate_low", "churn_rate_high", "Churn"}, 1));
    legend = {{"Retention", 0}, {"Churn", 1}};
  } else {
    int color = 0;
    for (const std::string& g : groups) {
      c.series.push_back(
          period_series(v, c.x, g, {"churn_rate", "churn_rate_low", "churn_rate_high", ""}, color));
      legend.emplace_back(group_name(g), color++);
    }
  }
  return figure(figure_id(s, 0), line_chart(c), legend, caption + group_note(v));
}

// One small multiple per charted group: `draw` returns the svg of a group.
std::string per_group(
    const View& v, const std::string& title, const std::string& caption,
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
    out += figure(figure_id(s, k), svg, {}, (k == 0 ? caption + group_note(v) : caption));
  }
  return out;
}

std::string cohort_charts(const View& v) {
  if (!v.col("cohort") || !v.col("offset") || !v.col("retention")) return "";
  return per_group(v, "Cohort retention",
                   "Share of each cohort active k periods after acquisition.",
                   [&](const std::string& g, const ChartText& text) {
                     Heatmap h;
                     h.text = text;
                     h.text.format = Column{"", "", ColumnKind::kRate, 1};
                     h.row_title = "cohort";
                     h.col_title = "periods since acquisition";
                     std::size_t width = 0;
                     for (const Row* r : v.rows_of(g)) {
                       const std::string cohort = v.text(*r, "cohort");
                       if (h.rows.empty() || h.rows.back() != cohort) {
                         h.rows.push_back(cohort);
                         h.cells.emplace_back();
                       }
                       const auto offset = v.num(*r, "offset");
                       if (!offset || *offset < 0 || *offset > 1000) continue;
                       const auto k = static_cast<std::size_t>(*offset);
                       if (h.cells.back().size() <= k) h.cells.back().resize(k + 1);
                       h.cells.back()[k] = v.num(*r, "retention");
                       width = std::max(width, k + 1);
                     }
                     if (h.rows.empty()) return std::string();
                     for (std::size_t k = 0; k < width; ++k) h.cols.push_back(std::to_string(k));
                     return heatmap(h);
                   });
}

std::string flow_charts(const View& v) {
  const Section& s = v.section();
  if (!v.col("from")) return "";
  std::vector<std::size_t> to_cols;
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    if (s.columns[c].key.rfind("to_", 0) == 0) to_cols.push_back(c);
  }
  if (to_cols.empty()) return "";
  return per_group(v, "Stage flow",
                   "People by stage at the window's start (rows) and end (columns).",
                   [&](const std::string& g, const ChartText& text) {
                     Heatmap h;
                     h.text = text;
                     h.text.format = Column{"", "", ColumnKind::kNumber, 0};
                     h.row_title = "from";
                     h.col_title = "to";
                     for (std::size_t c : to_cols) h.cols.push_back(s.columns[c].key.substr(3));
                     for (const Row* r : v.rows_of(g)) {
                       h.rows.push_back(v.text(*r, "from"));
                       h.cells.emplace_back();
                       for (std::size_t c : to_cols)
                         h.cells.back().push_back(v.num(*r, s.columns[c].key));
                     }
                     return h.rows.empty() ? std::string() : heatmap(h);
                   });
}

// Bars of one count column per label column, per group.
std::string bar_charts(const View& v, const std::string& label_key, const std::string& value_key,
                       const std::string& title, const std::string& caption) {
  if (!v.col(label_key) || !v.col(value_key)) return "";
  return per_group(v, title, caption, [&](const std::string& g, const ChartText& text) {
    BarChart b;
    b.text = text;
    b.text.format = Column{"", "", ColumnKind::kNumber, 0};
    b.series.emplace_back();
    for (const Row* r : v.rows_of(g)) {
      b.categories.push_back(v.text(*r, label_key));
      b.series[0].y.push_back(v.num(*r, value_key));
    }
    return b.categories.empty() ? std::string() : bar_chart(b);
  });
}

std::string survival_chart(const View& v) {
  const Section& s = v.section();
  if (!v.col("days") || !v.col("survival")) return "";
  StepChart c;
  const std::string caption =
      "Kaplan-Meier share of customers not yet churned, by days since acquisition.";
  c.text = {figure_id(s, 0) + "-svg", "Survival curve", caption,
            Column{"", "", ColumnKind::kRate, 1}};
  c.x_title = "days since acquisition";
  Legend legend;
  int color = 0;
  for (const std::string& g : charted_groups(v)) {
    StepSeries series;
    series.name = group_name(g);
    series.color = color;
    for (const Row* r : v.rows_of(g)) {
      const auto days = v.num(*r, "days");
      if (!days) continue;
      series.x.push_back(*days);
      series.y.push_back(v.num(*r, "survival"));
    }
    c.series.push_back(std::move(series));
    legend.emplace_back(group_name(g), color++);
  }
  return figure(figure_id(s, 0), step_chart(c), legend, caption + group_note(v));
}

std::string cac_clv_chart(const View& v) {
  const Section& s = v.section();
  if (!v.col("channel") || !v.col("cac") || !v.col("mean_clv")) return "";
  BarChart b;
  const std::string caption =
      "CAC and mean historical CLV of each channel's new customers in the window.";
  b.text = {figure_id(s, 0) + "-svg", "CAC vs CLV per channel", caption,
            Column{"", "", ColumnKind::kMoney, 2}};
  b.series = {Series{"CAC", {}, {}, {}, 0}, Series{"Mean CLV", {}, {}, {}, 1}};
  for (const Row& r : s.rows) {
    b.categories.push_back(v.text(r, "channel"));
    b.series[0].y.push_back(v.num(r, "cac"));
    b.series[1].y.push_back(v.num(r, "mean_clv"));
  }
  if (b.categories.empty()) return "";
  return figure(figure_id(s, 0), bar_chart(b), {{"CAC", 0}, {"Mean CLV", 1}}, caption);
}

}  // namespace

std::string section_charts(const Section& s) {
  const View v(s);
  if (s.rows.empty()) return "";
  if (s.id == "nps") {
    return period_chart(v, "NPS per period", {"nps", "+nps_moe", "", ""}, ColumnKind::kNumber, 0,
                        -100, 100, "NPS per period with its 95% margin of error.");
  }
  if (s.id == "csat") {
    return period_chart(v, "CSAT per period", {"csat", "csat_low", "csat_high", ""},
                        ColumnKind::kNumber, 0, 0, 100,
                        "CSAT per period with its 95% Wilson interval.");
  }
  if (s.id == "ces") {
    return period_chart(v, "CES per period", {"ces", "ces_low", "ces_high", ""},
                        ColumnKind::kNumber, 1, 1, 7,
                        "Mean CES per period (1–7 scale) with its 95% interval.");
  }
  if (s.id == "churn") return churn_chart(v);
  if (s.id == "cohorts") return cohort_charts(v);
  if (s.id == "stage_flow") return flow_charts(v);
  if (s.id == "funnel") {
    return bar_charts(v, "step", "count", "Funnel",
                      "People first seen in the window reaching each step.");
  }
  if (s.id == "survival_curve") return survival_chart(v);
  if (s.id == "clv_cac") return cac_clv_chart(v);
  if (s.id == "rfm") {
    return bar_charts(v, "segment", "customers", "RFM segment sizes", "Customers per RFM segment.");
  }
  return "";
}

}  // namespace clm::detail::html
