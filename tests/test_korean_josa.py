"""Particles chosen by how the word is read aloud (docs/house-style.md S52, S53; pitfall P4)."""

from __future__ import annotations

import re

import pytest
import yaml

from briefgen.errors import BriefError
from briefgen.korean import Josa, attach, fmt_money, fmt_percent, load_readings, particle
from briefgen.korean.josa import READINGS_FILE

HEDGE = re.compile(r"\((이|가|을|를|은|는|과|와|으)\)")  # S53

# S52 golden list (word, particle as written in a template, expected output)
GOLDEN = [
    ("GPT-4", "이/가", "GPT-4가"),
    ("Llama 3.1", "이/가", "Llama 3.1이"),
    ("AI", "이/가", "AI가"),
    ("LLM", "이/가", "LLM이"),
    ("Google", "이/가", "Google이"),
    ("Google", "으로/로", "Google로"),
    ("HyperCLOVA X", "이/가", "HyperCLOVA X가"),
    ("226.1%", "이/가", "226.1%가"),
    ("672.2억 달러", "을/를", "672.2억 달러를"),
    ("11", "으로/로", "11로"),
    ("서울", "으로/로", "서울로"),
    ("[그림 3]", "과/와", "[그림 3]과"),
    ("<표 1>", "은/는", "<표 1>은"),
]


@pytest.mark.parametrize(("word", "josa", "expected"), GOLDEN)
def test_s52_golden(word, josa, expected):
    assert attach(word, josa) == expected
    assert not HEDGE.search(attach(word, josa))


# P4: the cases tossi gets wrong
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("AI", "이", "AI가"),
        ("Google", "(으)로", "Google로"),
        ("HyperCLOVA X", "이(가)", "HyperCLOVA X가"),
        ("226.1%", "이/가", "226.1%가"),
    ],
)
def test_p4_tossi_failures_are_right_here(word, josa, expected):
    assert attach(word, josa) == expected


# Every spelling of a pair gives the same choice
@pytest.mark.parametrize("spelling", ["이/가", "가/이", "이", "가", "이(가)", " 이/가 "])
def test_any_spelling_of_a_pair(spelling):
    assert particle("책", spelling) == "이"
    assert particle("학교", spelling) == "가"


@pytest.mark.parametrize(
    ("spellings", "after_consonant", "after_vowel", "after_rieul"),
    [
        (["이/가", "이", "가"], "이", "가", "이"),
        (["은/는", "은", "는", "은(는)"], "은", "는", "은"),
        (["을/를", "을", "를", "을(를)"], "을", "를", "을"),
        (["과/와", "과", "와", "과(와)"], "과", "와", "과"),
        (["으로/로", "으로", "로", "(으)로"], "으로", "로", "로"),
        (["으로서/로서", "로서"], "으로서", "로서", "로서"),
        (["으로써/로써", "로써"], "으로써", "로써", "로써"),
        (["으로부터/로부터", "로부터"], "으로부터", "로부터", "로부터"),
        (["이나/나", "나", "(이)나"], "이나", "나", "이나"),
        (["이랑/랑", "랑"], "이랑", "랑", "이랑"),
        (["아/야", "아", "야"], "아", "야", "아"),
        (["이에요/예요", "예요"], "이에요", "예요", "이에요"),
        (["이라는/라는", "라는"], "이라는", "라는", "이라는"),
        (["이라고/라고", "라고"], "이라고", "라고", "이라고"),
    ],
)
def test_pairs_after_hangul(spellings, after_consonant, after_vowel, after_rieul):
    for spelling in spellings:
        assert particle("책", spelling) == after_consonant  # ㄱ final
        assert particle("국가", spelling) == after_vowel
        assert particle("서울", spelling) == after_rieul  # ㄹ final


@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("연구소", "은/는", "연구소는"),
        ("정책", "은/는", "정책은"),
        ("시장", "을/를", "시장을"),
        ("데이터", "을/를", "데이터를"),
        ("기업", "과/와", "기업과"),
        ("정부", "과/와", "정부와"),
        ("인공지능", "이/가", "인공지능이"),
        ("모델", "으로/로", "모델로"),
        ("방법", "으로/로", "방법으로"),
        ("수단", "으로써/로써", "수단으로써"),
        ("2023년", "이/가", "2023년이"),
        ("5,430회", "을/를", "5,430회를"),
        ("130개(90.3%)", "이/가", "130개(90.3%)가"),  # gloss in parentheses skipped → 개
        ("0.1% 미만", "이다/다", "0.1% 미만이다"),
        ("‘생성형 AI’", "이/가", "‘생성형 AI’가"),
        ("「AI 백서」", "을/를", "「AI 백서」를"),
        ("“제목”", "과/와", "“제목”과"),
        ("초거대 AI(Large-Scale AI)", "이/가", "초거대 AI(Large-Scale AI)가"),
        ("연평균 226.1% 증가(CAGR)", "은/는", "연평균 226.1% 증가(CAGR)는"),
        ("(주)삼성", "이/가", "(주)삼성이"),
        ("(주)", "이/가", "(주)가"),
        ("데이터3)", "은/는", "데이터3)는"),  # stray footnote mark: 데이터 decides
        ("AI*", "이/가", "AI*가"),  # S14 anchor
        ("Ⅱ", "과/와", "Ⅱ와"),
        ("ㄹ", "으로/로", "ㄹ로"),
        ("ㅁ", "으로/로", "ㅁ으로"),
    ],
)
def test_hangul_quotes_brackets_glosses(word, josa, expected):
    assert attach(word, josa) == expected


# Numbers in Sino-Korean: the last digit or unit read decides
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("0", "영 → 이"),
        ("1", "일 → 이"),
        ("2", "이 → 가"),
        ("3", "삼 → 이"),
        ("4", "사 → 가"),
        ("5", "오 → 가"),
        ("6", "육 → 이"),
        ("7", "칠 → 이"),
        ("8", "팔 → 이"),
        ("9", "구 → 가"),
        ("10", "십 → 이"),
        ("20", "십 → 이"),
        ("100", "백 → 이"),
        ("1000", "천 → 이"),
        ("1,000", "천 → 이"),
        ("10000", "만 → 이"),
        ("200,000", "만 → 이"),
        ("100000000", "억 → 이"),
        ("1,000,000,000,000", "조 → 가"),
        ("102", "이 → 가"),
        ("3.1", "일 → 이"),
        ("3.10", "영 → 이"),
        ("2.5", "오 → 가"),
        ("-4", "사 → 가"),
        ("1/3", "일 → 이"),
        ("2/5", "이 → 가"),
        ("GPT-4", "사 → 가"),
        ("GPT-3.5", "오 → 가"),
        ("IS-178", "팔 → 이"),
        ("Nemotron-4 340B", "비 → 가"),
        ("GPT-4o", "오 → 가"),
        ("[그림 12]", "이 → 가"),
        ("<표 10>", "십 → 이"),
        ("15:00", "시 → 가"),
        ("15:30", "분 → 이"),
        ("2024.08.19.", "일 → 이"),
        ("2024.08.", "월 → 이"),
    ],
)
def test_numbers_read_in_sino_korean(word, expected):
    syllable, josa = expected.split(" → ")
    assert Josa().last_syllable(word) == syllable
    assert particle(word, "이/가") == josa


@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("11", "으로/로", "11로"),
        ("7", "으로/로", "7로"),  # 칠: ㄹ
        ("8", "으로/로", "8로"),  # 팔: ㄹ
        ("3", "으로/로", "3으로"),
        ("6", "으로/로", "6으로"),
        ("10", "으로/로", "10으로"),
        ("2024.08.", "으로/로", "2024.08.로"),
        (11, "이/가", "11이"),
        (2.5, "이/가", "2.5가"),
    ],
)
def test_numbers_with_rieul_and_raw_numbers(word, josa, expected):
    assert attach(word, josa) == expected


# % as 퍼센트, %p as 퍼센트포인트, unit symbols by name
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("226.1%", "을/를", "226.1%를"),
        ("11.8%p", "이/가", "11.8%p가"),
        ("20~25%", "은/는", "20~25%는"),
        ("7nm", "이/가", "7nm가"),  # 나노미터
        ("3 nm", "으로/로", "3 nm로"),
        ("10kg", "이/가", "10kg이"),  # 킬로그램
        ("10 km", "을/를", "10 km를"),
        ("10m", "을/를", "10m를"),  # 미터, not 엠
        ("80GB", "이/가", "80GB가"),
        ("700W", "이/가", "700W가"),
        ("5t", "이/가", "5t이"),  # 톤
        ("10²³ FLOP", "이/가", "10²³ FLOP이"),  # 플롭
        ("10^25 FLOPs", "이/가", "10^25 FLOPs가"),
        ("30℃", "이/가", "30℃가"),
        ("100m²", "이/가", "100m²가"),
        ("3x", "이/가", "3x가"),  # 배
        ("10²³", "을/를", "10²³을"),  # 제곱 (S41 powers)
    ],
)
def test_symbols_and_units(word, josa, expected):
    assert attach(word, josa) == expected


# Latin: dictionary, then ALL-CAPS letter by letter (L M N R end in a consonant)
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("OpenAI", "과/와", "OpenAI와"),
        ("Meta", "이/가", "Meta가"),
        ("Anthropic", "은/는", "Anthropic은"),
        ("NVIDIA", "이/가", "NVIDIA가"),
        ("Microsoft", "이/가", "Microsoft가"),
        ("Amazon", "이/가", "Amazon이"),
        ("Apple", "이/가", "Apple이"),
        ("Apple", "으로/로", "Apple로"),
        ("DeepMind", "이/가", "DeepMind가"),
        ("Baidu", "이/가", "Baidu가"),
        ("Alibaba", "이/가", "Alibaba가"),
        ("Naver", "이/가", "Naver가"),
        ("NAVER", "이/가", "NAVER가"),
        ("Samsung", "이/가", "Samsung이"),
        ("LG", "이/가", "LG가"),
        ("Llama", "이/가", "Llama가"),
        ("Gemini", "이/가", "Gemini가"),
        ("Claude", "이/가", "Claude가"),
        ("Mistral", "으로/로", "Mistral로"),
        ("Epoch AI", "이/가", "Epoch AI가"),
        ("EPOCH AI(2024)", "이/가", "EPOCH AI(2024)가"),
        ("OPEC", "이/가", "OPEC이"),
        ("JPEG", "으로/로", "JPEG으로"),
        ("NASA", "이/가", "NASA가"),
        ("UNESCO", "이/가", "UNESCO가"),
        ("OECD", "이/가", "OECD가"),
        ("CAGR", "이/가", "CAGR이"),
        ("Transformer", "이/가", "Transformer가"),
        ("State of AI", "은/는", "State of AI는"),
        ("Stability AI", "이/가", "Stability AI가"),
        ("Hugging Face", "이/가", "Hugging Face가"),
        ("Cohere", "이/가", "Cohere가"),
        ("Inflection AI", "이/가", "Inflection AI가"),
        ("Adept", "이/가", "Adept가"),
        ("ElevenLabs", "이/가", "ElevenLabs가"),
        ("구글 Gemini", "을/를", "구글 Gemini를"),
        ("API", "이/가", "API가"),
        ("GPU", "이/가", "GPU가"),
        ("GPUs", "이/가", "GPUs가"),
        ("URL", "으로/로", "URL로"),  # 엘
        ("CPU", "으로/로", "CPU로"),
        ("LLM", "으로/로", "LLM으로"),  # 엠
        ("RNN", "은/는", "RNN은"),  # 엔
        ("HBM", "을/를", "HBM을"),
        ("IEEE", "와/과", "IEEE와"),
        ("EU", "와/과", "EU와"),
        ("R", "으로/로", "R로"),  # 알
        ("X", "이/가", "X가"),
    ],
)
def test_latin_words(word, josa, expected):
    assert attach(word, josa) == expected


def test_bundled_dictionary_has_the_required_names():
    required = [
        "Google",
        "OpenAI",
        "Meta",
        "Anthropic",
        "NVIDIA",
        "Microsoft",
        "Amazon",
        "Apple",
        "DeepMind",
        "Baidu",
        "Alibaba",
        "Naver",
        "Samsung",
        "LG",
        "Llama",
        "Gemini",
        "Claude",
        "Mistral",
        "OPEC",
        "JPEG",
        "NASA",
        "UNESCO",
        "OECD",
        "CAGR",
        "Transformer",
        "Cohere",
        "Adept",
        "ElevenLabs",
    ]
    required += ["Epoch AI", "HyperCLOVA X", "State of AI", "Stability AI", "Hugging Face"]
    required += ["Inflection AI"]
    readings = {word.casefold() for word in load_readings()}
    assert [word for word in required if word.casefold() not in readings] == []


def test_dictionary_file_is_valid_yaml_with_hangul_readings():
    data = yaml.safe_load(READINGS_FILE.read_text(encoding="utf-8"))
    assert len(data) >= 50
    for word, reading in data.items():
        assert "\uac00" <= reading[-1] <= "\ud7a3", word


# S53: undecidable → BriefError naming the word and how to add its reading; never a hedge
@pytest.mark.parametrize(
    ("word", "message"),
    [
        (
            "Zephyrine",
            "cannot decide the particle after 'Zephyrine': add its reading under readings: in"
            " brief.yaml (e.g. readings: {Zephyrine: <한글 읽기>})",
        ),
        (
            "Claude 3.5 Zephyr",
            "cannot decide the particle after 'Claude 3.5 Zephyr': add the reading of 'Zephyr'"
            " under readings: in brief.yaml (e.g. readings: {Zephyr: <한글 읽기>})",
        ),
        (
            "‘Gatto’",
            "cannot decide the particle after '‘Gatto’': add the reading of 'Gatto' under"
            " readings: in brief.yaml (e.g. readings: {Gatto: <한글 읽기>})",
        ),
        (
            "GPT-4o micro(2024)",
            "cannot decide the particle after 'GPT-4o micro(2024)': add the reading of 'micro'"
            " under readings: in brief.yaml (e.g. readings: {micro: <한글 읽기>})",
        ),
        (
            "→",
            "cannot decide the particle after '→': add its reading under readings: in"
            " brief.yaml (e.g. readings: {→: <한글 읽기>})",
        ),
        ("iZephyr", "add its reading under readings: in brief.yaml (e.g. readings: {iZephyr:"),
        ("On", '(e.g. readings: {"On": <한글 읽기>})'),  # bare On is YAML's true
        ("Gato,Rex", '(e.g. readings: {"Gato,Rex": <한글 읽기>})'),
        ("", "cannot decide the particle after '': nothing before it is read aloud"),
        ("  ", ": nothing before it is read aloud"),
        ("()", "cannot decide the particle after '()': nothing before it is read aloud"),
    ],
)
def test_undecidable_words_are_one_line_errors_saying_what_to_add(word, message):
    with pytest.raises(BriefError) as info:
        attach(word, "이/가")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "word", ["Zephyrine", "Claude 3.5 Zephyr", "‘Gatto’", "GPT-4o micro(2024)", "On", "Gato,Rex", "→"]
)
def test_the_suggested_entry_fixes_the_error(word):
    """The suggested brief.yaml line, with a real reading filled in, makes the word decidable."""
    with pytest.raises(BriefError) as info:
        attach(word, "이/가")
    suggestion = re.search(r"\(e\.g\. (readings: \{.+\})\)$", str(info.value))[1]
    readings = yaml.safe_load(suggestion.replace("<한글 읽기>", "소넷"))["readings"]
    assert attach(word, "이/가", readings=readings) == f"{word}이"


def test_error_names_the_word():
    with pytest.raises(BriefError, match="'Gatto'"):
        particle("Gatto", "이/가")


def test_extra_readings_extend_and_override():
    assert attach("Gato", "이/가", readings={"Gato": "가토"}) == "Gato가"
    josa = Josa({"Gato": "가토", "google": "구굿"})  # case-insensitive override
    assert josa.attach("Gato", "을/를") == "Gato를"
    assert josa.attach("Google", "으로/로") == "Google으로"
    assert josa.readings["google"] == "구굿" and "Google" not in josa.readings
    assert attach("Google", "으로/로") == "Google로"  # default dictionary untouched


@pytest.mark.parametrize("bad", [{"Gato": "gato"}, {"Gato": ""}, {"": "가토"}, {"Gato": 3}, ["x"]])
def test_bad_readings_are_errors(bad):
    with pytest.raises(BriefError):
        load_readings(bad)


def test_unknown_particle_is_an_error():
    with pytest.raises(BriefError, match="unknown particle"):
        particle("학교", "에서")


def test_non_text_word_is_an_error():
    for bad in ([1], None, float("nan"), 1e25):
        with pytest.raises(BriefError):
            attach(bad, "이/가")


# Copula: one style per brief, 이다 by default
def test_copula_styles():
    assert attach("AI", "이다/다") == "AI이다"
    assert attach("학교", "다") == "학교이다"
    assert attach("정책", "이다") == "정책이다"
    assert attach("AI", "이다", copula="다") == "AI다"
    assert attach("AI", "이며", copula="다") == "AI며"
    assert attach("정책", "이다", copula="다") == "정책이다"
    with pytest.raises(BriefError):
        Josa(copula="입니다")


# Property checks: always one of the two forms, never a hedge
PAIRS = [("이", "가"), ("은", "는"), ("을", "를"), ("과", "와"), ("으로", "로")]


def _words():
    yield from (str(n) for n in range(201))
    yield from (fmt_percent(k / 1000) for k in range(0, 2500, 7))
    yield from (fmt_money(10**k * 1.2345) for k in range(0, 16))
    yield from (f"[그림 {n}]" for n in range(1, 31))
    yield from (f"<표 {n}>" for n in range(1, 31))
    yield from ("AI", "LLM", "GPT-4", "Llama 3.1", "Google", "HyperCLOVA X")


def test_particle_is_always_one_of_the_two_forms():
    for word in _words():
        for consonant, vowel in PAIRS:
            chosen = particle(word, f"{consonant}/{vowel}")
            assert chosen in (consonant, vowel), (word, chosen)
            assert not HEDGE.search(attach(word, consonant)), word


def test_integers_follow_their_last_digit():
    # 일 이 삼 사 오 육 칠 팔 구 by the ones digit; 영 for 0; 십/백 for multiples of 10
    subject = {1: "이", 2: "가", 3: "이", 4: "가", 5: "가", 6: "이", 7: "이", 8: "이", 9: "가"}
    toward = {1: "로", 2: "로", 3: "으로", 4: "로", 5: "로", 6: "으로", 7: "로", 8: "로", 9: "로"}
    for n in range(201):
        ones = n % 10
        assert particle(n, "이/가") == subject.get(ones, "이"), n
        assert particle(str(n), "으로/로") == toward.get(ones, "으로"), n


def test_percentages_always_take_the_vowel_form():
    for k in range(0, 5000, 3):
        assert attach(fmt_percent(k / 1000), "이/가").endswith("%가")
        assert attach(fmt_percent(k / 1000), "으로/로").endswith("%로")


def test_digits_of_other_scripts_are_not_read_as_numbers():
    """Fuzz finding: U+11950 (a Dives Akuru digit) matched \\d and crashed with KeyError."""
    with pytest.raises(BriefError, match="cannot decide the particle"):
        attach("\U00011950", "이")


# Issue 10: scientific notation is read like 10의 N제곱 (… 곱하기 십의 이십삼 제곱) → 곱
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("1e23", "이/가", "1e23이"),
        ("1e23", "을/를", "1e23을"),
        ("1e23", "은/는", "1e23은"),
        ("1e23", "으로/로", "1e23으로"),
        ("1.5e24", "이/가", "1.5e24이"),
        ("1.5e24", "과/와", "1.5e24과"),
        ("1E+23", "은/는", "1E+23은"),
        ("3e-5", "을/를", "3e-5을"),
        ("2.1E25", "이/가", "2.1E25이"),
        ("약 1e23", "이다/다", "약 1e23이다"),
        ("1e23 FLOP", "이/가", "1e23 FLOP이"),  # 플롭: the unit is read last
        ("3.8e25 FLOPs", "을/를", "3.8e25 FLOPs를"),  # 플롭스
        ("10²⁵", "으로/로", "10²⁵으로"),  # the same reading as the superscript form
        ("A1e5", "이/가", "A1e5가"),  # a name, not a number: 오
        ("[1e23]", "과/와", "[1e23]과"),
    ],
)
def test_scientific_notation(word, josa, expected):
    assert attach(word, josa) == expected


# Issue 10: digits, percentages, counters, money units
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("3개", "은/는", "3개는"),
        ("144개", "이/가", "144개가"),
        ("64건", "을/를", "64건을"),
        ("86.2%", "은/는", "86.2%는"),
        ("0.0%", "이/가", "0.0%가"),
        ("100.0%", "으로/로", "100.0%로"),
        ("+12.5%", "이/가", "+12.5%가"),
        ("+3.2%p", "은/는", "+3.2%p는"),  # 퍼센트포인트
        ("-1.5%p", "으로/로", "-1.5%p로"),
        ("672.2억", "이/가", "672.2억이"),
        ("2,500억", "으로/로", "2,500억으로"),
        ("1조 2,000억 원", "을/를", "1조 2,000억 원을"),
        ("6억 7,400만 달러", "이/가", "6억 7,400만 달러가"),
        ("3위", "으로/로", "3위로"),
        ("12.5% 증가", "은/는", "12.5% 증가는"),
        ("변동 없음", "이다/다", "변동 없음이다"),
        ("8개 증가", "이/가", "8개 증가가"),
        ("3~4월", "은/는", "3~4월은"),
        ("2024.08.", "은/는", "2024.08.은"),  # 월
        ("2024.08.19.", "과/와", "2024.08.19.과"),  # 일
        ("3", "은/는", "3은"),
        ("4", "은/는", "4는"),
        ("1,000,000", "이/가", "1,000,000이"),  # 만
        ("12", "와/과", "12와"),
    ],
)
def test_digits_percentages_and_units(word, josa, expected):
    assert attach(word, josa) == expected


# Issue 10: Latin acronyms, names and mixed Latin-number names
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("GPT-4", "이/가", "GPT-4가"),
        ("GPT-4", "은/는", "GPT-4는"),
        ("Llama 3.1", "은/는", "Llama 3.1은"),
        ("Llama 3.1", "으로/로", "Llama 3.1로"),
        ("Llama 3", "이/가", "Llama 3이"),
        ("Google", "은/는", "Google은"),
        ("Google", "을/를", "Google을"),
        ("AI", "이/가", "AI가"),
        ("AI", "은/는", "AI는"),
        ("LLM", "은/는", "LLM은"),
        ("LLM", "과/와", "LLM과"),
        ("OpenAI", "은/는", "OpenAI는"),
        ("OpenAI", "이/가", "OpenAI가"),
        ("FLOP", "이/가", "FLOP이"),
        ("FLOP", "으로/로", "FLOP으로"),
        ("Gemini 1.5", "을/를", "Gemini 1.5를"),
        ("Claude 3", "와/과", "Claude 3과"),
        ("Qwen2.5", "이/가", "Qwen2.5가"),
        ("GPT-4o", "을/를", "GPT-4o를"),
        ("ChatGPT", "이/가", "ChatGPT가"),
        ("Mistral AI", "은/는", "Mistral AI는"),
        ("NVIDIA H100", "을/를", "NVIDIA H100을"),  # 백
        ("Nemotron-4 340B", "은/는", "Nemotron-4 340B는"),
        ("xAI", "이/가", "xAI가"),
        ("EU AI Act", "이/가", "EU AI Act가"),  # 액트
        ("EU AI Pact", "이/가", None),
        ("‘Google’", "이/가", "‘Google’이"),
        ("Google(구글)", "은/는", "Google(구글)은"),
        ("HBM3E", "이/가", "HBM3E가"),  # 이
        ("SK", "와/과", "SK와"),  # 케이
        ("IBM", "이/가", "IBM이"),  # 엠
    ],
)
def test_latin_names_acronyms_and_versions(word, josa, expected):
    if expected is None:  # "Pact" has no reading: an error, never a guess
        with pytest.raises(BriefError, match="'Pact'"):
            attach(word, josa)
    else:
        assert attach(word, josa) == expected
        assert not HEDGE.search(attach(word, josa))


# Issue 10: which dictionary entries decided a particle (for the build manifest)
def test_used_readings_lists_the_dictionary_words_that_decided():
    josa = Josa({"Zephyrine": "제피린"})
    assert josa.used_readings() == []
    for word in ("GOOGLE", "Epoch AI", "1e23 FLOP", "Zephyrine", "GPT-4", "AI", "정책", "Google"):
        josa.attach(word, "이/가")
    assert josa.used_readings() == ["Epoch AI", "FLOP", "Google", "Zephyrine"]


def test_used_readings_are_per_josa_and_skip_failures():
    first, second = Josa(), Josa()
    first.attach("Meta", "이/가")
    with pytest.raises(BriefError):
        second.attach("Zephyrine", "이/가")
    second.particle("Llama 3.1", "은/는")  # decided by the number, not the dictionary
    assert first.used_readings() == ["Meta"]
    assert second.used_readings() == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("1" * 50_000, "이"), ("1," * 25_000 + "2", "가"), ("1/" + "3" * 50_000, "이")],
)
def test_long_numbers_are_read_in_linear_time(word, expected):
    """Regression: trying every digit as a number's start took minutes on 100,000 digits
    (this test then runs for minutes instead of a fraction of a second)."""
    assert particle(word, "이/가") == expected
    with pytest.raises(BriefError):
        particle("a" * 50_000 + "→", "이/가")
