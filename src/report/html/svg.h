// Internal: a small builder of inline SVG and HTML text for the HTML report.
// Elements are closed in order by the builder itself, so every chart is
// well-formed whatever its data; all text and attribute values are escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clm::detail::html {

// Text escaped for HTML/XML content and double-quoted attributes.
std::string escape(std::string_view s);

// A coordinate with one decimal ("12.5"); never "-0.0". Deterministic text.
std::string num(double v);

// ` name="value"` with the value escaped; the number form uses num().
std::string attr(std::string_view name, std::string_view value);
std::string attr(std::string_view name, double value);

// Builds one <svg> element. The constructor opens it with a viewBox of
// width × height, role="img", and a <title> (the accessible name) and <desc>.
class Svg {
 public:
  Svg(std::string_view id, double width, double height, std::string_view title,
      std::string_view desc);

  // Opens `<tag attrs>`; `attrs` is built with attr() (already escaped).
  Svg& open(std::string_view tag, const std::string& attrs = {});
  // Closes the innermost open element.
  Svg& close();
  // An element without content: `<tag attrs/>`.
  Svg& leaf(std::string_view tag, const std::string& attrs);
  // `<tag attrs>escaped content</tag>`, e.g. text or a tooltip <title>.
  Svg& element(std::string_view tag, const std::string& attrs, std::string_view content);

  // Closes every open element (the <svg> last) and returns the markup.
  std::string finish();

 private:
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace clm::detail::html
