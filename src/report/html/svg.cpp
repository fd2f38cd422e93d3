// The SVG builder and the escaping shared by the HTML report.
#include "report/html/svg.h"

#include <fmt/format.h>

#include <cmath>

namespace clm::detail::html {

std::string escape(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        r += "&amp;";
        break;
      case '<':
        r += "&lt;";
        break;
      case '>':
        r += "&gt;";
        break;
      case '"':
        r += "&quot;";
        break;
      case '\'':
        r += "&#39;";
        break;
      default:
        r += c;
    }
  }
  return r;
}

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  // Round half away from zero at one decimal so the text never depends on
  // printf's tie rule; a value that rounds to zero prints as "0".
  const double r = std::round(v * 10) / 10;
  if (r == 0) return "0";
  std::string s = fmt::format("{:.1f}", r);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string attr(std::string_view name, std::string_view value) {
  return fmt::format(" {}=\"{}\"", name, escape(value));
}

std::string attr(std::string_view name, double value) {
  return fmt::format(" {}=\"{}\"", name, num(value));
}

Svg::Svg(std::string_view id, double width, double height, std::string_view title,
         std::string_view desc) {
  const std::string title_id = std::string(id) + "-title";
  const std::string desc_id = std::string(id) + "-desc";
  out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\"" +
         attr("viewBox", "0 0 " + num(width) + " " + num(height)) + attr("role", "img") +
         attr("aria-labelledby", title_id + " " + desc_id) + attr("class", "plot") + ">";
  open_.push_back("svg");
  element("title", attr("id", title_id), title);
  element("desc", attr("id", desc_id), desc);
}

Svg& Svg::open(std::string_view tag, const std::string& attrs) {
  out_ += '<';
  out_ += tag;
  out_ += attrs;
  out_ += '>';
  open_.emplace_back(tag);
  return *this;
}

Svg& Svg::close() {
  if (open_.size() > 1) {  // the <svg> itself is closed by finish()
    out_ += "</" + open_.back() + ">";
    open_.pop_back();
  }
  return *this;
}

Svg& Svg::leaf(std::string_view tag, const std::string& attrs) {
  out_ += '<';
  out_ += tag;
  out_ += attrs;
  out_ += "/>";
  return *this;
}

Svg& Svg::element(std::string_view tag, const std::string& attrs, std::string_view content) {
  out_ += '<';
  out_ += tag;
  out_ += attrs;
  out_ += '>';
  out_ += escape(content);
  out_ += "</";
  out_ += tag;
  out_ += '>';
  return *this;
}

std::string Svg::finish() {
  while (!open_.empty()) {
    out_ += "</" + open_.back() + ">";
    open_.pop_back();
  }
  out_ += '\n';
  return std::move(out_);
}

}  // namespace clm::detail::html
