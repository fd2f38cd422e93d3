// The report page's CSS. Colours are custom properties so that one set of
// rules serves the light scheme, the dark scheme (prefers-color-scheme) and
// print (always light, no backgrounds to waste ink, charts kept whole).
#include "report/html/page.h"

namespace clm::detail::html {

std::string_view style() {
  return R"(:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#5f6368;--line:#dcdfe3;
--head:#f3f4f6;--card:#f7f8fa;--heat:#1d4ed8;--hot:#fff;
--c0:#1d4ed8;--c1:#c2410c;--c2:#15803d;--c3:#a16207;--c4:#7e22ce;--c5:#0e7490}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e8eaed;--muted:#9aa0a6;
--line:#353a40;--head:#1d2126;--card:#1a1e23;--heat:#7fb0ff;--hot:#0b1220;
--c0:#7fb0ff;--c1:#fb923c;--c2:#4ade80;--c3:#facc15;--c4:#c084fc;--c5:#22d3ee}}
body{background:var(--bg);color:var(--fg);margin:2rem auto;max-width:1180px;padding:0 1rem;
font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid var(--line)}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}
th,td{padding:.2rem .6rem;border-bottom:1px solid var(--line);text-align:left}
th{background:var(--head)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.null{color:var(--muted)}ul.notes{color:var(--muted);font-size:.85rem}
dl.meta{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:.5rem 0;font-size:.8rem}
dl.meta div{display:flex;gap:.4rem}dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(112px,1fr));gap:.6rem;
margin:1rem 0;clear:both}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.card dt{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card dd{margin:0}.card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
.card .value.null{color:var(--muted)}.card .note{font-size:.75rem;color:var(--muted)}
figure.chart{margin:1rem 0}figcaption{font-size:.8rem;color:var(--muted)}
svg.plot{display:block;width:100%;max-width:760px;height:auto;font-size:11px;font-family:inherit}
.plot text{fill:var(--fg)}.plot .axis text,.plot text.axis,.plot text.value{fill:var(--muted)}
.plot .grid{stroke:var(--line);stroke-width:1}
.s0{--c:var(--c0)}.s1{--c:var(--c1)}.s2{--c:var(--c2)}.s3{--c:var(--c3)}.s4{--c:var(--c4)}
.s5{--c:var(--c5)}
.plot .line{fill:none;stroke:var(--c);stroke-width:2}
.plot .point{fill:var(--c)}.plot .whisker line{stroke:var(--c);stroke-width:1.2;opacity:.55}
.plot .bar{fill:var(--c)}.plot .cell rect{fill:var(--heat)}
.plot .cell text{font-size:9px}.plot .cell.high text{fill:var(--hot)}
ul.legend{list-style:none;padding:0;margin:.2rem 0;font-size:.8rem;display:flex;gap:1rem;
flex-wrap:wrap}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;background:var(--c);
margin-right:.35em;vertical-align:-.05em}
details{margin:.4rem 0}summary{cursor:pointer;color:var(--muted);font-size:.85rem}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--head:#eee;--card:#fff;
--heat:#1d4ed8;--hot:#fff;--c0:#1d4ed8;--c1:#c2410c;--c2:#15803d;--c3:#a16207;--c4:#7e22ce;
--c5:#0e7490}body{margin:0;max-width:none}
figure.chart,.card,tr,h2{break-inside:avoid}h2{break-after:avoid}
})";
}

}  // namespace clm::detail::html
