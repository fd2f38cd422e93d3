// The chart kinds: line with whiskers, step line, heatmap, horizontal bars.
// Sizes are fixed viewBox units; the page's CSS scales the svg to its column.
#include "report/html/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/cells.h"
#include "report/html/svg.h"

namespace clm::detail::html {
namespace {

constexpr double kWidth = 760;
constexpr double kLeft = 64;  // room for the y tick labels
constexpr double kRight = 16;
constexpr double kTop = 14;
constexpr int kPalette = 6;

std::string label(double v, const Column& format) {
  return human_text(Value{v}, format);
}

std::string color_class(std::string_view kind, int color) {
  return fmt::format("{} s{}", kind, ((color % kPalette) + kPalette) % kPalette);
}

// Maps [lo, hi] onto [to_lo, to_hi], clamping to the range.
struct Scale {
  double lo, hi, to_lo, to_hi;
  double operator()(double v) const {
    const double t = hi > lo ? std::clamp((v - lo) / (hi - lo), 0.0, 1.0) : 0.0;
    return to_lo + t * (to_hi - to_lo);
  }
};

// Horizontal grid lines with labels at five evenly spaced values.
void y_axis(Svg& svg, const Scale& y, const Column& format, double x0, double x1) {
  svg.open("g", attr("class", "axis"));
  for (int i = 0; i <= 4; ++i) {
    const double v = y.lo + (y.hi - y.lo) * i / 4;
    const double py = y(v);
    svg.leaf("line", attr("class", "grid") + attr("x1", x0) + attr("x2", x1) + attr("y1", py) +
                         attr("y2", py));
    svg.element("text", attr("x", x0 - 6) + attr("y", py + 4) + attr("text-anchor", "end"),
                label(v, format));
  }
  svg.close();
}

// Labels under the x positions; when crowded only every k-th is written.
void x_labels(Svg& svg, const std::vector<std::string>& x, double x0, double step, double y) {
  const std::size_t every = std::max<std::size_t>(1, (x.size() + 11) / 12);
  svg.open("g", attr("class", "axis"));
  for (std::size_t i = 0; i < x.size(); i += every) {
    svg.element("text",
                attr("x", x0 + (i + 0.5) * step) + attr("y", y) + attr("text-anchor", "middle"),
                x[i]);
  }
  svg.close();
}

}  // namespace

std::string line_chart(const LineChart& c) {
  constexpr double kHeight = 260, kBottom = 40;
  Svg svg(c.text.id, kWidth, kHeight, c.text.title, c.text.desc);
  const double x0 = kLeft, x1 = kWidth - kRight;
  const Scale y{c.y_min, c.y_max, kHeight - kBottom, kTop};
  const double step = c.x.empty() ? 0 : (x1 - x0) / static_cast<double>(c.x.size());
  y_axis(svg, y, c.text.format, x0, x1);
  x_labels(svg, c.x, x0, step, kHeight - kBottom + 18);
  for (const Series& s : c.series) {
    svg.open("g", attr("class", color_class("series", s.color)) + attr("aria-label", s.name));
    // The line: consecutive defined points joined, a null breaks it.
    std::string path;
    bool pen = false;
    for (std::size_t i = 0; i < c.x.size() && i < s.y.size(); ++i) {
      if (!s.y[i]) {
        pen = false;
        continue;
      }
      path += (pen ? " L" : (path.empty() ? "M" : " M")) + num(x0 + (i + 0.5) * step) + " " +
              num(y(*s.y[i]));
      pen = true;
    }
    if (!path.empty()) {
      svg.leaf("path", attr("class", "line") + attr("d", path));
    }
    for (std::size_t i = 0; i < c.x.size() && i < s.y.size(); ++i) {
      const double px = x0 + (i + 0.5) * step;
      const bool whisker = i < s.low.size() && i < s.high.size() && s.low[i] && s.high[i];
      if (whisker) {
        const std::string tip = s.name + " " + c.x[i] + ": interval " +
                                label(*s.low[i], c.text.format) + " to " +
                                label(*s.high[i], c.text.format);
        svg.open("g", attr("class", "whisker"));
        svg.element("title", "", tip);
        svg.leaf("line", attr("x1", px) + attr("x2", px) + attr("y1", y(*s.low[i])) +
                             attr("y2", y(*s.high[i])));
        svg.leaf("line", attr("x1", px - 3) + attr("x2", px + 3) + attr("y1", y(*s.low[i])) +
                             attr("y2", y(*s.low[i])));
        svg.leaf("line", attr("x1", px - 3) + attr("x2", px + 3) + attr("y1", y(*s.high[i])) +
                             attr("y2", y(*s.high[i])));
        svg.close();
      }
      if (!s.y[i]) continue;
      svg.open("circle",
               attr("class", "point") + attr("cx", px) + attr("cy", y(*s.y[i])) + attr("r", 3));
      svg.element("title", "", s.name + " " + c.x[i] + ": " + label(*s.y[i], c.text.format));
      svg.close();
    }
    svg.close();
  }
  return svg.finish();
}

std::string step_chart(const StepChart& c) {
  constexpr double kHeight = 260, kBottom = 40;
  Svg svg(c.text.id, kWidth, kHeight, c.text.title, c.text.desc);
  const double x0 = kLeft, x1 = kWidth - kRight;
  double max_x = 1;
  for (const StepSeries& s : c.series) {
    if (!s.x.empty()) max_x = std::max(max_x, s.x.back());
  }
  const Scale x{0, max_x, x0, x1};
  const Scale y{0, 1, kHeight - kBottom, kTop};
  y_axis(svg, y, c.text.format, x0, x1);
  svg.open("g", attr("class", "axis"));
  const Column days{"", "", ColumnKind::kNumber, 0};
  for (int i = 0; i <= 4; ++i) {
    const double v = max_x * i / 4;
    svg.element("text",
                attr("x", x(v)) + attr("y", kHeight - kBottom + 18) + attr("text-anchor", "middle"),
                label(v, days));
  }
  svg.element("text",
              attr("x", (x0 + x1) / 2) + attr("y", kHeight - 4) + attr("text-anchor", "middle"),
              c.x_title);
  svg.close();
  for (const StepSeries& s : c.series) {
    svg.open("g", attr("class", color_class("series", s.color)) + attr("aria-label", s.name));
    // S(t) is 1 before the first time; each row holds S from its time on.
    std::string path = "M" + num(x(0)) + " " + num(y(1));
    double last = 1;
    std::size_t defined = 0;
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!s.y[i]) break;  // beyond the longest observed lifetime
      path += " L" + num(x(s.x[i])) + " " + num(y(last)) + " L" + num(x(s.x[i])) + " " +
              num(y(*s.y[i]));
      last = *s.y[i];
      defined = i + 1;
    }
    if (defined > 0) path += " L" + num(x(s.x[defined - 1])) + " " + num(y(last));
    svg.open("path", attr("class", "line") + attr("d", path));
    svg.element("title", "",
                s.name + ": " + label(last, c.text.format) + " at the last time (" +
                    (defined > 0 ? label(s.x[defined - 1], days) : "0") + " days)");
    svg.close();
    svg.close();
  }
  return svg.finish();
}

std::string heatmap(const Heatmap& c) {
  constexpr double kLabel = 80, kHead = 34, kCellH = 20;
  const double height = kHead + kCellH * static_cast<double>(c.rows.size()) + 8;
  Svg svg(c.text.id, kWidth, height, c.text.title, c.text.desc);
  const double cell_w =
      c.cols.empty() ? 0 : (kWidth - kLabel - kRight) / static_cast<double>(c.cols.size());
  const bool rates = c.text.format.kind == ColumnKind::kRate;
  double max = 0;
  for (const auto& row : c.cells) {
    for (const auto& v : row) {
      if (v) max = std::max(max, *v);
    }
  }
  svg.open("g", attr("class", "axis"));
  svg.element("text", attr("x", kLabel + 2) + attr("y", 11), c.col_title);
  svg.element("text", attr("x", 2) + attr("y", kHead - 6), c.row_title);
  for (std::size_t j = 0; j < c.cols.size(); ++j) {
    svg.element("text",
                attr("x", kLabel + (j + 0.5) * cell_w) + attr("y", kHead - 6) +
                    attr("text-anchor", "middle"),
                c.cols[j]);
  }
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    svg.element(
        "text",
        attr("x", kLabel - 6) + attr("y", kHead + (i + 0.7) * kCellH) + attr("text-anchor", "end"),
        c.rows[i]);
  }
  svg.close();
  for (std::size_t i = 0; i < c.rows.size() && i < c.cells.size(); ++i) {
    for (std::size_t j = 0; j < c.cols.size() && j < c.cells[i].size(); ++j) {
      const std::optional<double>& v = c.cells[i][j];
      if (!v) continue;  // no cell: the cohort has not reached this offset
      const double shade = std::clamp(rates ? *v : (max > 0 ? *v / max : 0.0), 0.0, 1.0);
      const double cx = kLabel + j * cell_w, cy = kHead + i * kCellH;
      const std::string text = label(*v, c.text.format);
      // Cells are narrow: whole percents inside, the exact rate in the tooltip.
      const std::string short_text =
          rates ? label(100 * *v, Column{"", "", ColumnKind::kNumber, 0}) + "%" : text;
      svg.open("g", attr("class", shade > 0.55 ? "cell high" : "cell"));
      svg.element("title", "", c.rows[i] + ", " + c.cols[j] + ": " + text);
      svg.leaf("rect", attr("x", cx + 0.5) + attr("y", cy + 0.5) + attr("width", cell_w - 1) +
                           attr("height", kCellH - 1) +
                           attr("fill-opacity", fmt::format("{:.2f}", std::max(0.06, shade))));
      svg.element("text",
                  attr("x", cx + cell_w / 2) + attr("y", cy + kCellH * 0.68) +
                      attr("text-anchor", "middle"),
                  short_text);
      svg.close();
    }
  }
  return svg.finish();
}

std::string bar_chart(const BarChart& c) {
  constexpr double kLabel = 150, kBarH = 14, kGap = 10, kValue = 90;
  const double group_h = kBarH * static_cast<double>(std::max<std::size_t>(1, c.series.size()));
  const double height = kTop + (group_h + kGap) * static_cast<double>(c.categories.size()) + 4;
  Svg svg(c.text.id, kWidth, height, c.text.title, c.text.desc);
  double max = 0;
  for (const Series& s : c.series) {
    for (const auto& v : s.y) {
      if (v) max = std::max(max, *v);
    }
  }
  const Scale x{0, max > 0 ? max : 1, kLabel, kWidth - kRight - kValue};
  svg.leaf("line", attr("class", "grid") + attr("x1", kLabel) + attr("x2", kLabel) +
                       attr("y1", kTop - 4) + attr("y2", height - 4));
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    const double gy = kTop + i * (group_h + kGap);
    svg.element("text",
                attr("class", "axis") + attr("x", kLabel - 8) + attr("y", gy + group_h / 2 + 4) +
                    attr("text-anchor", "end"),
                c.categories[i]);
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      const Series& s = c.series[k];
      // A plain flag and value rather than an optional copy: GCC 12 at -O3
      // warns (falsely) that such a copy may be used uninitialized.
      const bool defined = i < s.y.size() && s.y[i].has_value();
      const double value = defined ? *s.y[i] : 0.0;
      const double by = gy + k * kBarH;
      const std::string text = defined ? label(value, c.text.format) : std::string(kNullText);
      svg.open("g", attr("class", color_class("series", s.color)));
      svg.element("title", "",
                  c.categories[i] + (s.name.empty() ? "" : ", " + s.name) + ": " + text);
      const double w = defined ? x(std::max(0.0, value)) - kLabel : 0;
      svg.leaf("rect", attr("class", "bar") + attr("x", kLabel) + attr("y", by + 1) +
                           attr("width", w) + attr("height", kBarH - 2));
      svg.element("text",
                  attr("class", "value") + attr("x", kLabel + w + 4) + attr("y", by + kBarH - 3),
                  text);
      svg.close();
    }
  }
  return svg.finish();
}

std::string figure(const std::string& id, const std::string& svg,
                   const std::vector<std::pair<std::string, int>>& legend,
                   const std::string& caption) {
  std::string out = "<figure class=\"chart\" id=\"" + escape(id) + "\">\n" + svg;
  if (legend.size() > 1) {
    out += "<ul class=\"legend\">";
    for (const auto& [name, color] : legend) {
      out += "<li><span class=\"swatch " + color_class("series", color) + "\"></span>" +
             escape(name) + "</li>";
    }
    out += "</ul>\n";
  }
  out += "<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n";
  return out;
}

}  // namespace clm::detail::html
