"""Particles chosen by how the word is read aloud (spri-style.md S52, S53; pitfall P4)."""

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


# S53: undecidable → BriefError naming the word and the dictionary; never a hedge
@pytest.mark.parametrize("word", ["Gato", "Sonnet", "iPhone", "", "  ", "→", "()"])
def test_undecidable_words_are_errors(word):
    with pytest.raises(BriefError, match="cannot decide the particle") as info:
        attach(word, "이/가")
    assert "readings.yaml" in str(info.value)
    assert "readings:" in str(info.value)


def test_error_names_the_word():
    with pytest.raises(BriefError, match="'Gato'"):
        particle("Gato", "이/가")


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
