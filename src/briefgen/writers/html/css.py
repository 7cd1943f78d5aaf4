"""The stylesheet of the HTML preview, from theme tokens (S12, S44-S46 in CSS terms)."""

from __future__ import annotations

from briefgen.theme import Theme
from briefgen.writers.tablerules import Line, house_table_rules
from briefgen.writers.textwidth import text_width

#: Justified Korean text: the slack goes between characters, as HWP and Word set Korean,
#: not into the word gaps (the 어절 stay whole: ``word-break: keep-all`` on the body).
JUSTIFY = "text-align: justify; text-justify: inter-character;"

#: Fallback families after the theme's body font (the brief's web font stack).
FALLBACK_FONTS = ("Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo", "sans-serif")


def font_stack(theme: Theme) -> str:
    """``"NanumGothic", "Nanum Gothic", ..., sans-serif`` (generic family unquoted)."""
    names = [theme.font("body"), *FALLBACK_FONTS]
    unique = list(dict.fromkeys(names))
    return ", ".join(n if n == "sans-serif" else f'"{n}"' for n in unique)


def advance_em(text: str, family: str) -> float:
    """Advance of ``text`` in the theme font ``family``, in em: a marker and its space give
    the S12 hanging indent as the PDF measures it (BriefError if the font file is missing)."""
    return round(text_width(family, text, 1), 3)


def stylesheet(theme: Theme) -> str:
    """The whole stylesheet; sizes in pt as in the PDF, page width from the theme (S42)."""
    c, s, ls, cover = theme.color, theme.size, theme.line_spacing, theme.cover_css
    table = house_table_rules(theme)
    ref_hang = advance_em(theme.references_prefix, theme.font("body"))
    text_width = theme.page("width") - theme.page("margin_left") - theme.page("margin_right")
    rules = [
        f"@page {{ size: A4; margin: {theme.page('margin_top')}mm {theme.page('margin_right')}mm "
        f"{theme.page('margin_bottom')}mm {theme.page('margin_left')}mm; }}",
        "*, *::before, *::after { box-sizing: border-box; }",
        f"html {{ color: {c('text')}; background: #ffffff; font-family: {font_stack(theme)}; "
        f"font-size: {s('body')}pt; line-height: {ls}; }}",
        f"body {{ max-width: {text_width}mm; margin: 0 auto; padding: 12mm 0 20mm; "
        "word-break: keep-all; overflow-wrap: anywhere; line-break: strict; }",
        "@media screen and (max-width: 180mm) { body { padding-left: 4vw; padding-right: 4vw; } }",
        "p, li, td, th, figcaption { margin: 0; }",
        "a { color: inherit; }",
        f"a[href^='http'], a[href^='mailto'] {{ color: {c('link')}; }}",
        f"em {{ font-style: normal; color: {c('emphasis')}; }}",
        "strong { font-weight: bold; }",
        "sup { font-size: 70%; line-height: 0; vertical-align: 0.5em; }",
        "sup.fnref a { text-decoration: none; }",
        # cover, front pages, headings
        "section, header, footer, nav { display: block; }",
        f".cover {{ padding: {cover('html_padding')}; border-bottom: 2px solid {c('rule')}; }}",
        f".cover .series, .cover .org {{ color: {c('primary')}; font-weight: bold; "
        f"font-size: {s('cover_subtitle')}pt; }}",
        f".cover .title {{ font-size: {s('cover_title')}pt; font-weight: 800; line-height: 1.3; "
        f"margin-top: {cover('html_title_top')}; }}",
        f".cover .subtitle {{ font-size: {s('cover_subtitle')}pt; font-weight: bold; "
        f"margin-top: {cover('html_subtitle_top')}; }}",
        f".cover .date {{ margin-top: {cover('html_date_top')}; }}",
        f".cover .authors {{ margin: {cover('html_authors')}; }}",
        *_designed_cover(theme),
        f".front-title, h1 {{ color: {c('primary')}; font-size: {s('chapter')}pt; "
        "font-weight: bold; line-height: 1.4; margin: 16mm 0 5mm; }",
        "h1 .numeral { font-weight: 800; }",
        f"h2 {{ font-size: {s('section')}pt; font-weight: bold; line-height: 1.4; margin: 7mm 0 2mm; }}",
        f"p.text {{ {JUSTIFY} margin-top: 6pt; }}",
        f".summary-box, .box {{ background: {c('summary_fill')}; border: 0.5pt solid {c('primary')}; "
        "padding: 10pt 12pt 12pt; }",
        f".summary-box p {{ {JUSTIFY} }}",
        ".summary-box p + p { margin-top: 6pt; }",
        ".box { margin: 10pt 0; }",
        ".box .box-title { font-weight: bold; }",
        f".toc ol {{ list-style: none; margin: 0; padding: 0; font-size: {s('toc')}pt; }}",
        ".toc li.chapter { margin-top: 10pt; font-weight: bold; }",
        ".toc li.section { font-weight: normal; padding-left: 14pt; }",
        ".toc a { text-decoration: none; }",
        ".toc a:hover { text-decoration: underline; }",
        # bullets (S9, S12, S44, S45)
        f".item {{ {JUSTIFY} }}",
        ".item .marker { display: inline-block; text-indent: 0; }",
    ]
    for level in (1, 2, 3, 4):
        size = theme.bullet_size(level)
        hang = advance_em(f"{theme.marker(level)} ", theme.font("bold" if level == 1 else "body"))
        indent = (level - 1) * theme.indent_step
        weight = "bold" if level == 1 else "normal"
        color = c("bullet1") if level == 1 else c("text")
        marker_color = {1: c("bullet1"), 2: c("bullet2")}.get(level, c("text"))
        rules += [
            f".item.l{level} {{ font-size: {size}pt; font-weight: {weight}; color: {color}; "
            f"margin-top: {theme.bullet_space_before(level)}pt; "
            f"padding-left: calc({indent}pt + {hang}em); text-indent: -{hang}em; }}",
            f".item.l{level} .marker {{ width: {hang}em; color: {marker_color}; }}",
        ]
    rules += [
        # figures and tables (S27-S29)
        "figure { margin: 14pt 0 10pt; }",
        f"figcaption {{ text-align: center; font-weight: bold; font-size: {s('caption')}pt; "
        "margin-bottom: 4pt; }",
        "figure img { display: block; margin: 0 auto; max-width: 100%; height: auto; }",
        f".unit {{ text-align: right; font-size: {s('source')}pt; }}",
        f".note, .source {{ font-size: {s('source')}pt; text-align: left; margin-top: 2pt; }}",
        "figure .note:first-of-type, figure img + .source, table + .source { margin-top: 4pt; }",
        f"table {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: {s('table')}pt; "
        f"line-height: 1.3; border-top: {border(table.outer)}; border-bottom: {border(table.outer)}; }}",
        f"thead th {{ background: {table.header_fill}; font-weight: bold; text-align: center; "
        f"border-bottom: {border(table.head)}; }}",
        "th, td { padding: 3pt 4pt 4pt; vertical-align: middle; }",
        f"tbody td {{ border: {border(table.inner)}; }}",
        "tbody tr:last-child td { border-bottom: none; }",
        "tbody td:first-child { border-left: none; } tbody td:last-child { border-right: none; }",
        ".al-left { text-align: left; } .al-center { text-align: center; } .al-right { text-align: right; }",
        # references (S31), footnotes (S24), back page (S48)
        f".references p {{ {JUSTIFY} margin-top: 6pt; padding-left: {ref_hang}em; "
        f"text-indent: -{ref_hang}em; }}",
        f".references .marker {{ display: inline-block; text-indent: 0; width: {ref_hang}em; }}",
        f".footnotes {{ margin-top: 16mm; font-size: {s('footnote')}pt; line-height: 1.3; }}",
        f".footnotes hr {{ width: 33%; margin: 0 0 8pt; border: none; border-top: 0.5pt solid {c('text')}; }}",
        ".footnotes ol { list-style: none; margin: 0; padding: 0; }",
        f".footnotes li {{ {JUSTIFY} margin-top: 2pt; }}",
        ".footnotes li:target { background: #fff6cc; }",
        ".backref { text-decoration: none; margin-left: 0.3em; }",
        f".back {{ margin-top: {cover('html_back_top')}; padding-top: {cover('html_back_padding')}; "
        f"border-top: 2px solid {c('rule')}; "
        f"font-size: {s('source')}pt; }}",
        f".back .org {{ color: {c('text')}; font-weight: bold; font-size: {s('section')}pt; "
        f"margin-bottom: {cover('html_back_organisation_after')}; }}",
        f".back .disclaimer {{ margin-top: {cover('html_disclaimer_top')}; }}",
        "@media print { .chapter-block, .references, .front-page { break-before: page; } "
        "figure, table, h1, h2 { break-inside: avoid; } h1, h2, figcaption { break-after: avoid; } }",
    ]
    return "\n".join(rules) + "\n"


def border(line: Line) -> str:
    """A rule as a CSS border: ``0.25pt solid #999999``."""
    return f"{line.width:g}pt solid {line.color}"


def _designed_cover(theme: Theme) -> list[str]:
    """The band of a designed cover (``cover.design: band``, S2): full width of the text column
    and beyond it to the window's edge on a wide screen, in the band colour, holding the mark
    and the series block; its height and the stripe under it come from the theme (mm)."""
    c, s, mm = theme.color, theme.size, theme.cover_mm
    return [
        ".cover.designed { padding-top: 0; border-bottom: none; }",
        f".cover .band {{ background: {c('cover_band')}; color: {c('cover_on_band')}; "
        f"min-height: {mm('band_height') * 0.7:g}mm; padding: 8mm 8mm 7mm; display: flex; "
        f"flex-direction: column; justify-content: space-between; "
        f"border-bottom: {mm('accent_height'):g}mm solid {c('cover_accent')}; }}",
        f".cover .band .mark {{ font-size: {s('cover_mark')}pt; font-weight: 800; line-height: 1; }}",
        f".cover .band .mark img {{ height: {mm('logo_height'):g}mm; width: auto; display: block; }}",
        ".cover .band .series { color: inherit; margin-top: 14mm; line-height: 1.1; }",
        f".cover .band .label {{ display: block; font-size: {s('cover_series')}pt; font-weight: bold; }}",
        f".cover .band .number {{ display: block; font-size: {s('cover_number')}pt; font-weight: 800; "
        "letter-spacing: 0.01em; }",
        f".cover.designed .org {{ border-top: 1.5pt solid {c('cover_accent')}; display: inline-block; "
        "padding-top: 2mm; }",
    ]
