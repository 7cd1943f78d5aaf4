"""Particles (josa) chosen by how the word before them is READ aloud (S52); no hedges (S53).

``attach("Google", "이/가")`` → ``Google이`` (구글), ``attach("226.1%", "이/가")`` → ``226.1%가``
(퍼센트), ``attach("11", "으로/로")`` → ``11로`` (십일). Latin names come from an editable
reading dictionary (``readings.yaml`` beside this module); a brief adds its own readings with
``Josa(readings={"Zephyrine": "제피린"})`` or ``attach(word, p, readings=...)``. Capitals the
dictionary lacks are spelled out only when no word reading is plausible (``spelled_out``: LLM,
GPU, but not KOSPI or JPEG); Hanja are read by their Korean sound (``hanja.yaml``: 韓 한). A
word whose reading cannot be decided is a ``BriefError`` naming the word and how to add its
reading to brief.yaml.

Powers of ten are read by their last word, 제곱: ``10²³`` 십의 이십삼 제곱, and scientific
notation likewise (``1e23``, ``1.5e24``, ``1E+23``: 일 곱하기 십의 이십삼 제곱), so
``1e23을``, ``1.5e24이``… take the forms after 곱.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from importlib import resources

import yaml

from briefgen.errors import BriefError

READINGS_FILE = resources.files("briefgen.korean").joinpath("readings.yaml")
HANJA_FILE = resources.files("briefgen.korean").joinpath("hanja.yaml")

# (after a consonant, after a vowel); 으로 forms also follow a ㄹ-final word with 로.
_PAIRS = (
    ("이", "가"),
    ("은", "는"),
    ("을", "를"),
    ("과", "와"),
    ("으로", "로"),
    ("으로서", "로서"),
    ("으로써", "로써"),
    ("으로부터", "로부터"),
    ("이다", "다"),
    ("이며", "며"),
    ("이고", "고"),
    ("이나", "나"),
    ("이랑", "랑"),
    ("이라", "라"),
    ("이라고", "라고"),
    ("이라는", "라는"),
    ("이라도", "라도"),
    ("이라면", "라면"),
    ("이라서", "라서"),
    ("이라며", "라며"),
    ("이란", "란"),
    ("이든", "든"),
    ("이든지", "든지"),
    ("이든가", "든가"),
    ("이나마", "나마"),
    ("이야말로", "야말로"),
    ("이자", "자"),
    ("이지만", "지만"),
    ("이면", "면"),
    ("이므로", "므로"),
    ("이었다", "였다"),
    ("이었고", "였고"),
    ("이었으며", "였으며"),
    ("이었던", "였던"),
    ("이에요", "예요"),
    ("아", "야"),  # vocative: last (never leads a text after a citation)
)
# After a vowel: full form in style 이다, short in style 다 (연구자이자 / 연구자자 is never
# written: 이자, 이지만, 이면, 이므로 keep 이 in style 이다 and drop it in style 다).
_COPULA = {"이다", "이며", "이고", "이자", "이지만", "이면", "이므로"}
COPULA_STYLES = ("이다", "다")


def _spellings(consonant: str, vowel: str) -> list[str]:
    """Every way a template may name a pair: 이/가, 가/이, 이, 가, and the hedge 이(가), (으)로."""
    forms = [consonant, vowel, f"{consonant}/{vowel}", f"{vowel}/{consonant}"]
    if consonant.endswith(vowel):
        forms.append(f"({consonant[: -len(vowel)]}){vowel}")
    else:
        forms.append(f"{consonant}({vowel})")
    return forms


_PARTICLES = {form: pair for pair in _PAIRS for form in _spellings(*pair)}
# The forms a text may start with after a citation, longest first (no vocative 아/야).
_LEADING = sorted({form for pair in _PAIRS[:-1] for form in pair}, key=len, reverse=True)
_AFTER_PARTICLE = ("", "는", "도", "만", "의")
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")

_DIGITS = dict(zip("0123456789", "영일이삼사오육칠팔구", strict=True))
_LETTERS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "이비씨디이프지치이이이엘엠엔오피큐알스티유이유스이지",  # last syllables: 에이, 비, 씨 …
        strict=True,
    )
)
_JAMO = dict(zip("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ", "역은귿을음읍옷응읒읓읔읕읖읗", strict=True))
_ROMAN = dict(zip("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ", "일이삼사오육칠팔구십일이", strict=True))
# Symbols at the very end, longest first where one ends another (%p before %).
_SYMBOLS = (
    ("%p", "퍼센트포인트"),
    ("%", "퍼센트"),
    ("‰", "퍼밀"),
    ("℃", "도"),
    ("°", "도"),
    ("km²", "제곱킬로미터"),
    ("m²", "제곱미터"),
    ("m³", "세제곱미터"),
    ("㎡", "제곱미터"),
    ("㎢", "제곱킬로미터"),
    ("㎞", "킬로미터"),
    ("㎏", "킬로그램"),
    ("+", "플러스"),  # Command R+, C++
)
# Unit symbols read by name when they follow a number (case-sensitive: m 미터, M 엠).
_UNITS = {
    "nm": "나노미터",
    "mm": "밀리미터",
    "cm": "센티미터",
    "m": "미터",
    "km": "킬로미터",
    "mg": "밀리그램",
    "g": "그램",
    "kg": "킬로그램",
    "t": "톤",
    "mL": "밀리리터",
    "L": "리터",
    "ms": "밀리초",
    "s": "초",
    "h": "시간",
    "min": "분",
    "W": "와트",
    "kW": "킬로와트",
    "MW": "메가와트",
    "GW": "기가와트",
    "Wh": "와트시",
    "kWh": "킬로와트시",
    "MWh": "메가와트시",
    "GWh": "기가와트시",
    "TWh": "테라와트시",
    "Hz": "헤르츠",
    "kHz": "킬로헤르츠",
    "MHz": "메가헤르츠",
    "GHz": "기가헤르츠",
    "KB": "킬로바이트",
    "MB": "메가바이트",
    "GB": "기가바이트",
    "TB": "테라바이트",
    "PB": "페타바이트",
    "bps": "비피에스",
    "Mbps": "메가비피에스",
    "Gbps": "기가비피에스",
    "TFLOPS": "테라플롭스",
    "PFLOPS": "페타플롭스",
    "x": "배",
    "pt": "포인트",
    "px": "픽셀",
    "dpi": "디피아이",
    "ppm": "피피엠",
}
_SKIPPED_END = "’”」』»〉》'\"*"  # closing quotes and * anchors: the word inside decides
_CLOSERS = "]>】〕"  # [그림 3], <표 1>: the number inside decides
_OPENERS = "‘“「『«〈《'\"([<【〔"  # left off the word named in an error
# Digits are ASCII only (re.ASCII): other scripts' digits are not read as Sino-Korean.
_TIME = re.compile(r"(\d{1,2}):(\d{2})$", re.ASCII)  # 15:00 열다섯 시, 15:30 … 삼십 분
_DOT_DATE = re.compile(r"\d{4}\.\d{1,2}\.(\d{1,2}\.)?$", re.ASCII)  # 2024.08.19. …일, 2024.08. …월
# Numbers start only where no digit or "digit," precedes: the same leftmost match, in linear
# time (trying every digit as a start took minutes on a 100,000-digit word).
_START = r"(?<!\d)(?<!\d,)"
_FRACTION = re.compile(_START + r"(\d[\d,]*(?:\.\d+)?)/\d[\d,]*$", re.ASCII)  # 1/3 삼분의 일
_NUMBER = re.compile(_START + r"\d[\d,]*(?:\.\d+)?$", re.ASCII)
_POWER = re.compile(r"\d[⁰¹²³⁴⁵⁶⁷⁸⁹]+$", re.ASCII)  # 10²³ 십의 이십삼 제곱
# 1e23, 1.5e24, 1E+23, 3e-5: … 곱하기 십의 N 제곱, like _POWER (not a name such as "A1e5")
_SCIENTIFIC = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?[eE][+-]?\d+$", re.ASCII)
_LATIN = re.compile(r"(?<![A-Za-z])[A-Za-z]+$")  # lookbehind: linear time, as _START
_AFTER_NUMBER = re.compile(r"\d ?$", re.ASCII)


def _is_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _final(syllable: str) -> int:
    """Index of the final consonant (종성) of a Hangul syllable: 0 none, 8 ㄹ."""
    return (ord(syllable) - 0xAC00) % 28


@cache
def _bundled(name: str) -> tuple[tuple[str, str], ...]:
    file = resources.files("briefgen.korean").joinpath(name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506
    return tuple(_validated(data, str(file)).items())


def _bundled_readings() -> tuple[tuple[str, str], ...]:
    return _bundled(READINGS_FILE.name)


@cache
def hanja_readings() -> dict[str, str]:
    """Korean sounds of the Hanja used in names and abbreviations (``hanja.yaml``): 韓 한."""
    return dict(_bundled(HANJA_FILE.name))


def _validated(data: object, source: str) -> dict[str, str]:
    if not isinstance(data, Mapping):
        raise BriefError("readings must be a mapping of word: 한글 reading", source=source)
    result = {}
    for word, reading in data.items():
        text = reading.strip() if isinstance(reading, str) else ""
        if not isinstance(word, str) or not word.strip() or not text or not _is_syllable(text[-1]):
            raise BriefError(
                f"reading of {word!r} must be Hangul ending in a syllable, not {reading!r}",
                source=source,
                key="readings",
            )
        result[word.strip()] = text
    return result


def load_readings(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The bundled reading dictionary, overridden (case-insensitively) by ``extra``."""
    merged = {word.casefold(): (word, reading) for word, reading in _bundled_readings()}
    for word, reading in _validated(extra or {}, "readings").items():
        merged[word.casefold()] = (word, reading)
    return dict(sorted(merged.values()))


def _number_tail(number: str) -> str:
    """Last syllable of a number read in Sino-Korean: 11 일, 20 십, 1,000 천, 3.10 영."""
    whole, _, fraction = number.partition(".")
    if fraction:
        return _DIGITS[fraction[-1]]
    digits = whole.replace(",", "").lstrip("0")
    if not digits:
        return "영"
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0:
        return _DIGITS[digits[-1]]
    if zeros < 4:
        return "십백천"[zeros - 1]
    return "만억조경해"[min(zeros // 4, 5) - 1]


def _strip_end(text: str) -> str:
    """Drop what is not read before the particle: quotes, closing brackets, a trailing gloss."""
    text = text.strip()
    while text:
        last = text[-1]
        if last in _SKIPPED_END or last in _CLOSERS:
            text = text[:-1].rstrip()
        elif last == ")":
            text = _drop_parenthesis(text)
        else:
            break
    return text


def _drop_parenthesis(text: str) -> str:
    """``AI(Large-Scale AI)`` → ``AI``; ``(주)`` → ``주``; a stray footnote mark ``데이터3)`` → ``데이터``."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return text[:i].rstrip() if i else text[1:-1].strip()
    return re.sub(r"\d*\)$", "", text).rstrip()


class Josa:
    """Particle chooser holding a merged reading dictionary and a copula style.

    ``readings`` extends (and overrides) the bundled ``readings.yaml``; ``copula`` is the
    brief's style after a vowel: ``이다`` (``AI이다``, the default) or ``다`` (``AI다``).
    """

    def __init__(self, readings: Mapping[str, str] | None = None, copula: str = "이다") -> None:
        if copula not in COPULA_STYLES:
            raise BriefError(f"copula style must be one of {', '.join(COPULA_STYLES)}: {copula!r}")
        self.copula = copula
        self.readings = load_readings(readings)
        # entries by length, longest first: the longest entry ending a word decides
        by_length: dict[int, dict[str, tuple[str, str]]] = {}
        for word, reading in self.readings.items():
            by_length.setdefault(len(word), {})[word.casefold()] = (reading, word)
        self._by_length = sorted(by_length.items(), reverse=True)
        self._used: set[str] = set()

    def used_readings(self) -> list[str]:
        """Dictionary words that decided a particle so far (sorted), e.g. for the build manifest."""
        return sorted(self._used)

    def particle(self, word: object, particle: str) -> str:
        """The form of ``particle`` (any spelling: 이/가, 가, 이(가) …) that fits ``word``."""
        pair = _PARTICLES.get(particle.strip()) if isinstance(particle, str) else None
        if pair is None:
            known = ", ".join(f"{c}/{v}" for c, v in _PAIRS)
            raise BriefError(f"unknown particle {particle!r} (known: {known})")
        consonant, vowel = pair
        final = _final(self.last_syllable(word))
        if consonant.startswith("으로"):
            return vowel if final in (0, 8) else consonant
        if consonant in _COPULA and self.copula == "이다":
            return consonant
        return vowel if final == 0 else consonant

    def attach(self, word: object, particle: str) -> str:
        """``word`` followed by the fitting particle: ``Google이``, ``[그림 3]과``, ``11로``."""
        return _text(word) + self.particle(word, particle)

    def last_syllable(self, word: object) -> str:
        """The last Hangul syllable heard when ``word`` is read aloud (``GPT-4`` → 사)."""
        text = _strip_end(_text(word))
        syllable = self._read_end(text) if text else None
        if syllable is None:
            raise BriefError(_undecided(_text(word), text))
        return syllable

    def _read_end(self, text: str) -> str | None:
        for size, entries in self._by_length:
            start = len(text) - size
            if start < 0:
                continue
            found = entries.get(text[start:].casefold())
            if found and (start == 0 or not text[start - 1].isascii() or not text[start - 1].isalpha()):
                reading, entry = found
                self._used.add(entry)
                return reading[-1]
        last = text[-1]
        if _is_syllable(last):
            return last
        for table in (_JAMO, _ROMAN, hanja_readings()):
            if last in table:
                return table[last][-1]
        return self._read_symbolic(text)

    @staticmethod
    def _read_symbolic(text: str) -> str | None:
        if match := _TIME.search(text):
            return "시" if match[2] == "00" else "분"
        if match := _DOT_DATE.search(text):
            return "일" if match[1] else "월"
        for symbol, reading in _SYMBOLS:
            if text.endswith(symbol):
                return reading[-1]
        if _POWER.search(text) or _SCIENTIFIC.search(text):
            return "곱"
        if match := _FRACTION.search(text):
            return _number_tail(match[1])
        if match := _NUMBER.search(text):
            return _number_tail(match[0])
        if match := _LATIN.search(text):
            return _read_latin(match[0], text[: match.start()])
        return None


def _undecided(word: str, text: str) -> str:
    """One line naming the word that needs a reading and the brief.yaml entry that adds it."""
    if not text:
        return f"cannot decide the particle after {word!r}: nothing before it is read aloud"
    last = text.split()[-1].lstrip(_OPENERS) or text.split()[-1]
    key = _yaml_key(last)
    whose = "its reading" if last == word else f"the reading of {last!r}"
    latin = _LATIN.search(last)
    capitals = latin is not None and re.search("[A-Z]{3,}$", latin[0])
    hint = f"{latin[0]} may be read as a word or letter by letter; " if latin and capitals else ""
    return (
        f"cannot decide the particle after {word!r}: {hint}add {whose} under readings: in"
        f" brief.yaml (e.g. readings: {{{key}: <한글 읽기>}})"
    )


def _yaml_key(word: str) -> str:
    """``word`` as a key of a YAML flow mapping: bare when YAML reads it back as that text."""
    try:
        bare = yaml.safe_load(f"{{{word}: 0}}") == {word: 0}
    except yaml.YAMLError:
        bare = False
    return word if bare else json.dumps(word, ensure_ascii=False)


def _read_latin(run: str, before: str) -> str | None:
    """The last syllable of a Latin run the dictionary lacks, when it is certain: a unit after
    a number, one letter, capitals that can only be spelled out (S53: else None, an error)."""
    if run in _UNITS and _AFTER_NUMBER.search(before):
        return _UNITS[run][-1]
    if len(run) == 1:
        return _LETTERS[run.upper()]
    if run.isupper():
        return _LETTERS[run[-1]] if spelled_out(run) else None
    if len(run) > 2 and run[:-1].isupper() and run[-1] == "s" and spelled_out(run[:-1]):
        return "스"  # GPUs 지피유스
    capitals = _TRAILING_CAPITALS.search(run)  # BloombergGPT, InternLM, CogVideoX
    if capitals and (len(capitals[0]) == 1 or spelled_out(capitals[0])):
        return _LETTERS[run[-1]]
    return None


# Spelling English allows at the start and the end of a syllable (upper case).
_ONSETS = frozenset(
    [
        "B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V", "W",
        "X", "Y", "Z", "BL", "BR", "CH", "CHR", "CL", "CR", "DR", "DW", "FL", "FR", "GH", "GL",
        "GN", "GR", "KH", "KL", "KN", "KR", "PH", "PHR", "PL", "PR", "PS", "SC", "SCH", "SCR", "SH",
        "SHR", "SK", "SL", "SM", "SN", "SP", "SPH", "SPL", "SPR", "SQ", "ST", "STR", "SW", "TH",
        "THR", "TR", "TW", "WH", "WR"
    ]
) | {""}
_CODAS = frozenset(
    [
        "B", "C", "D", "F", "G", "H", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V", "W", "X",
        "Z", "BS", "CH", "CK", "CS", "CT", "DS", "FF", "FS", "FT", "GH", "GS", "KS", "LB", "LD",
        "LF", "LK", "LL", "LM", "LP", "LS", "LT", "LV", "MB", "MP", "MS", "ND", "NG", "NK", "NS",
        "NT", "NZ", "PH", "PS", "PT", "RB", "RC", "RD", "RF", "RG", "RK", "RL", "RM", "RN", "RP",
        "RS", "RT", "RV", "SH", "SK", "SP", "SS", "ST", "TH", "TS", "TZ", "WL", "WN", "WS", "XT",
        "CKS", "CTS", "FTS", "GHT", "LDS", "LTS", "MPS", "NCH", "NDS", "NGS", "NKS", "NST", "NTS",
        "RCH", "RDS", "RKS", "RLD", "RMS", "RNS", "RST", "RTH", "RTS", "SKS", "SPS", "STS", "TCH",
        "THS"
    ]
) | {""}
_SYLLABLES = re.compile(r"([^AEIOUY]*)((?:[AEIOU]|(?<=[^AEIOUY])Y)+)")
_TRAILING_CAPITALS = re.compile(r"(?<=[a-z])[A-Z]+$")


def spelled_out(capitals: str) -> bool:
    """True when an all-caps word can only be read letter by letter (S53): one or two letters,
    or neither the word nor any ending of three letters or more could be pronounced as a word
    (LLM, GPU, IBM, OECD, IEEE). A word that could be (NASA, KOSPI, API, MIT), or that could be
    a letter before a word (JPEG 제이펙, CNET 씨넷), needs its reading in the dictionary."""
    if len(capitals) <= 2:
        return True
    return not any(_pronounceable(capitals[k:]) for k in range(len(capitals) - 2))


def _pronounceable(capitals: str) -> bool:
    """Spelling English could read as a word: a vowel, a legal start and end, at most two
    vowels in a row, and every consonant cluster between vowels split into an end and a start."""
    parts = _SYLLABLES.findall(capitals)
    if not parts:
        return False
    tail = capitals[sum(len(c) + len(v) for c, v in parts):]
    if parts[0][0] not in _ONSETS or tail not in _CODAS:
        return False
    if any(len(vowels) > 2 for _, vowels in parts):
        return False
    return all(_splits(cluster) for cluster, _ in parts[1:])


def _splits(cluster: str) -> bool:
    """A consonant cluster between two vowels reads as the end of one syllable and the start
    of the next."""
    return any(cluster[:i] in _CODAS and cluster[i:] in _ONSETS for i in range(len(cluster) + 1))


def _text(word: object) -> str:
    """The word as text; numbers are accepted as written (format them first for grouping)."""
    if isinstance(word, str):
        return word
    if isinstance(word, int | Decimal | float) and not isinstance(word, bool):
        text = repr(word) if isinstance(word, float) else str(word)
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            return text
    raise BriefError(f"cannot attach a particle to {word!r}: expected text or a plain number")


@cache
def _default() -> Josa:
    return Josa()


def _josa(readings: Mapping[str, str] | None, copula: str) -> Josa:
    return _default() if readings is None and copula == "이다" else Josa(readings, copula)


def leading_particle(text: str) -> str | None:
    """The particle form ``text`` starts with when its first Hangul run is that particle, alone
    or followed by 는/도/만/의: ``은 …`` → ``은``, ``으로는`` → ``으로``, ``에서`` → None."""
    run = _HANGUL_RUN.match(text)
    if run is None:
        return None
    return next((form for form in _LEADING
                 if run.group().startswith(form) and run.group()[len(form):] in _AFTER_PARTICLE), None)


def particle(
    word: object, particle: str, readings: Mapping[str, str] | None = None, copula: str = "이다"
) -> str:
    """Just the particle for ``word``: ``particle("Google", "이/가")`` → ``이`` (S52)."""
    return _josa(readings, copula).particle(word, particle)


def attach(
    word: object, particle: str, readings: Mapping[str, str] | None = None, copula: str = "이다"
) -> str:
    """``word`` + its particle: ``attach("226.1%", "이/가")`` → ``226.1%가`` (S52)."""
    return _josa(readings, copula).attach(word, particle)
