// Internal: the parts of the HTML report page drawn from the section schemas
// — the headline cards and the charts of each section.
#pragma once

#include <string>
#include <string_view>

#include "clm/document.h"

namespace clm::detail::html {

// The page's CSS: light and dark colour schemes and a print stylesheet.
std::string_view style();

// The headline row of cards the section schemas declare, each read from its
// section; a value the report does not hold or that is undefined shows "—"
// with a note.
std::string headline(const Document& doc);

// The <figure>s charting section `s` (empty when the section has no chart).
// Charts use the first kMaxChartGroups groups; the table holds them all.
inline constexpr std::size_t kMaxChartGroups = 6;
std::string section_charts(const Section& s);

}  // namespace clm::detail::html
