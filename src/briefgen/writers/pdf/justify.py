"""Bounded justification (S46): how a justified line's extra width is shared.

ReportLab puts all of a justified line's extra width into its word spaces, so a line before a
long 어절 shows word gaps of 0.6 em and more. Korean typesetting (Word's and 한/글's
justification of Korean text) spreads such a line over its characters instead: here the word
spaces take the extra width up to a bound, and the rest goes evenly to every character gap
(letter spacing, PDF ``Tc``, also bounded), so a word gap stays close to the letter gaps
around it; only a line too short for both bounds (a narrow column) widens its spaces more. Before
that, a paragraph whose line would still need a wide gap is re-broken (``rebreak``): the last
어절 of a line above it moves down until the gaps are even. The other way, pulling the next
line's first 어절 up, is never open: greedy breaking already keeps every 어절 that fits with
its spaces shrunk, so it would take negative letter spacing (a paragraph's first line before
a long 어절 such as "다국적(Multinational)으로만" would need -0.13 em per gap).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Most a word space grows before the character gaps take the rest (× font size).
WORD_STRETCH = 0.1
#: Most a character gap grows (× font size); what is left goes to the word spaces again (a
#: narrow column). Text extraction (pdftotext, pdfplumber's 3 pt) still reads the letters of
#: a word as one word at this spacing.
CHAR_STRETCH = 0.16


def spread(extra: float, spaces: int, glyphs: int, size: float) -> tuple[float, float]:
    """(word spacing, character spacing) in points sharing ``extra`` points over a line of
    ``glyphs`` characters of which ``spaces`` are word spaces, at font ``size``.

    Every glyph after the first adds the character spacing (the word spaces too), every
    space adds the word spacing: ``spaces × word + (glyphs - 1) × char == extra``."""
    word = min(extra / spaces, WORD_STRETCH * size)
    left = extra - spaces * word
    gaps = glyphs - 1
    if left <= 0:
        return word, 0.0
    char = min(left / gaps, CHAR_STRETCH * size) if gaps > 0 else 0.0
    return word + (left - gaps * char) / spaces, char


#: The widest word gap beyond the line's letter spacing (× font size) that needs no
#: re-breaking: NanumGothic's space (0.28 em), the word stretch and 10 % letter spacing.
MAX_GAP = 0.48
#: How often a paragraph's breaks are moved to even out its justified lines.
REBREAK_STEPS = 8
#: How much narrower than its content (spaces shrunk) a line is made to push its last 어절
#: down (pt).
NUDGE = 0.5


@dataclass(frozen=True)
class LineFit:
    """A broken line as justification sees it."""

    extra: float  # width to share, pt (negative: spaces shrink)
    spaces: int
    glyphs: int
    size: float
    justified: bool  # neither the last line nor ended by a forced break

    def gap(self, space: float) -> float:
        """The word gap ``spread`` gives this line beyond its letter spacing, × font size
        (``space``: the font's space width per point of size); 0 for a line not stretched."""
        if not self.justified or self.extra <= 0 or self.spaces <= 0:
            return 0.0
        word, char = spread(self.extra, self.spaces, self.glyphs, self.size)
        return (space * self.size + word + char) / self.size


Breaker = Callable[[list[float]], Any]  # ReportLab's breakLines for one paragraph
Fits = Callable[[Any], list[LineFit]]


def rebreak(breaker: Breaker, widths: list[float], broken: Any, fits: Fits,
            space: float, shrink: float) -> Any:
    """``broken`` (ReportLab's greedy line breaks at ``widths``), or breaks whose widest word
    gap is smaller, found by pushing the last 어절 of a line before the widest gap down to the
    next line (which fills the loose line from above); the pushed lines are justified to the
    full width. Lines never break anywhere but at the spaces greedy breaking may use.
    ``space`` is the font's space width per point of size, ``shrink`` the share of it a
    space may lose on a full line (ReportLab's ``spaceShrinkage``)."""
    best, best_score = broken, _score(fits(broken), space)
    narrowed: dict[int, float] = {}
    for _ in range(REBREAK_STEPS):
        lines = fits(best)
        if best_score[0] <= MAX_GAP:
            break
        worst = max(range(len(lines)), key=lambda i: lines[i].gap(space))
        tried = []
        for j in range(worst - 1, max(-1, worst - 4), -1):
            content = _width(widths, j) - lines[j].extra
            squeeze = lines[j].spaces * space * lines[j].size * shrink
            trial = {**narrowed, j: content - squeeze - NUDGE}
            result = _apply(breaker, widths, trial)
            tried.append((_score(fits(result), space), j, trial, result))
        if not tried:
            break
        score, _, trial, result = min(tried, key=lambda t: (t[0], -t[1]))
        if score >= best_score:
            break
        best, best_score, narrowed = result, score, trial
    return best


def _score(lines: list[LineFit], space: float) -> tuple[float, int]:
    """(widest gap, number of lines): smaller is better."""
    return max((line.gap(space) for line in lines), default=0.0), len(lines)


def _width(widths: list[float], index: int) -> float:
    return widths[min(index, len(widths) - 1)]


def _apply(breaker: Breaker, widths: list[float], narrowed: dict[int, float]) -> Any:
    """Break at ``widths`` with the lines in ``narrowed`` made narrower, then give those lines
    their full width back as extra space to justify."""
    count = max(narrowed) + 2
    trial = [narrowed.get(i, _width(widths, i)) for i in range(count)]
    trial.append(_width(widths, count))
    broken = breaker(trial)
    for index, width in narrowed.items():
        if index < len(broken.lines):
            _widen(broken, index, _width(widths, index) - width)
    return broken


def _widen(broken: Any, index: int, amount: float) -> None:
    line = broken.lines[index]
    if isinstance(line, tuple):
        broken.lines[index] = (line[0] + amount, line[1])
    else:
        line.extraSpace += amount
