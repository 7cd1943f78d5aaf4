"""The reading dictionaries, all-caps words, Hanja and the particle pairs of issue 19
(docs/house-style.md S52, S53)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from briefgen.errors import BriefError
from briefgen.korean import Josa, attach
from briefgen.korean.josa import HANJA_FILE, READINGS_FILE, hanja_readings, spelled_out

ROOT = Path(__file__).resolve().parent.parent
HANGUL_READING = re.compile(r"[\uac00-\ud7a3]+(?: [\uac00-\ud7a3]+)*")


def _entries(file) -> list[tuple[object, object]]:
    """Every key: value pair of a YAML mapping as written (duplicates kept)."""
    node = yaml.compose(file.read_text(encoding="utf-8"))
    loader = yaml.SafeLoader("")
    return [(loader.construct_object(k), loader.construct_object(v)) for k, v in node.value]


@pytest.mark.parametrize("file", [READINGS_FILE, HANJA_FILE], ids=["readings", "hanja"])
def test_every_reading_is_hangul_and_decides_a_final_consonant(file):
    entries = _entries(file)
    for word, reading in entries:
        assert isinstance(word, str) and word.strip() == word and word, word
        assert isinstance(reading, str) and HANGUL_READING.fullmatch(reading), (word, reading)
        # the last syllable decides: it has a final consonant (이/을 …) or none (가/를 …)
        assert attach(word, "이/가") in (f"{word}이", f"{word}가"), word
    twice = [w for w, n in Counter(str(w).casefold() for w, _ in entries).items() if n > 1]
    assert twice == []  # YAML would keep the last silently


def test_the_dictionary_is_large_and_has_the_names_briefs_cite():
    latin = dict(_entries(READINGS_FILE))
    assert len(latin) >= 700
    required = [
        "Google", "OpenAI", "Anthropic", "NVIDIA", "Microsoft", "Meta", "DeepSeek", "Alibaba",
        "Naver", "Kakao", "LG AI Research", "Samsung", "Upstage", "Baidu", "Tencent", "ByteDance",
        "Zhipu AI", "Moonshot AI", "MiniMax", "Mistral AI", "xAI", "Hugging Face", "Cohere",
        "UNESCO", "KOSPI", "KOSDAQ", "NASDAQ", "NYSE", "OECD", "ASEAN", "NATO", "OPEC", "ITU",
        "KAIST", "POSTECH", "ETRI", "MIT", "Stanford", "Tsinghua", "University", "Institute",
        "Ultra", "Haiku", "Mini", "Turbo", "Nano", "Flash", "Sonnet", "Opus", "Pro", "Max",
        "Gemini", "Claude", "Llama", "Qwen", "EXAONE", "HyperCLOVA X", "Grok", "Gemma", "Phi",
    ]
    known = {str(word).casefold() for word in latin}
    assert [word for word in required if word.casefold() not in known] == []
    assert len(hanja_readings()) >= 300


def _bundled_names() -> list[str]:
    names = set()
    for path in sorted((ROOT / "data" / "epoch").glob("*.csv")):
        with path.open(encoding="utf-8-sig") as file:
            for row in csv.DictReader(file):
                names.update(o.strip() for o in row.get("Organization", "").split(",") if o.strip())
                names.add((row.get("System") or row.get("Model") or "").strip())
    return sorted(names - {""})


def test_every_organisation_and_model_of_the_bundled_data_decides_a_particle():
    """Before issue 19 a third of these names (193 of 448) stopped the build."""
    names = _bundled_names()
    assert len(names) > 400
    josa = Josa()
    undecided = []
    for name in names:
        try:
            josa.particle(name, "이/가")
        except BriefError:
            undecided.append(name)
    assert undecided == []


# Names a brief on AI and technology cites beyond the bundled data (models, chips, services,
# companies, institutes, markets, agreements): none may stop the build
CITED = [
    "GPT-4.1", "GPT-5", "o4-mini", "Claude Opus 4", "Claude Sonnet 4", "Claude Haiku 4.5",
    "Gemini 2.5 Pro", "Gemini 2.5 Flash", "Llama 3.3 70B", "DeepSeek-R1", "DeepSeek-V3", "Qwen3",
    "Kimi K2", "Grok 3", "Mistral Small 3", "Phi-4", "Gemma 3", "EXAONE 4.0", "HyperCLOVA X THINK",
    "Solar Pro", "Kanana", "Mi:dm", "Nova Premier", "Command A", "Aya Expanse", "Jamba 1.5",
    "Falcon 3", "OLMo 2", "Pixtral Large", "Devstral", "Veo 3", "Midjourney v7", "FLUX.1",
    "Stable Diffusion 3.5", "DALL-E 3", "Whisper", "StarCoder", "Code Llama", "ERNIE Bot",
    "Granite", "Nemotron Ultra", "H100", "B200", "GB200", "TPU v5p", "Gaudi 3", "Trainium",
    "Inferentia", "Blackwell", "Hopper", "CUDA", "NVLink", "InfiniBand", "HBM3E", "CoWoS", "EUV",
    "ASML", "Arm Neoverse", "Amazon Bedrock", "Microsoft Azure", "Vertex AI", "SageMaker",
    "watsonx", "GitHub Copilot", "Cursor", "Perplexity", "Character.AI", "Siri", "Alexa", "Bixby",
    "Papago", "Safe Superintelligence", "Sakana AI", "Rakuten", "LINE", "NEC", "Fujitsu", "Sony",
    "Huawei Ascend", "Cambricon", "SMIC", "TSMC", "Samsung Foundry", "SK hynix", "Micron",
    "MediaTek", "Qualcomm", "Rebellions", "FuriosaAI", "Twelve Labs", "Upstage", "Lunit", "Wrtn",
    "Riiid", "KakaoBank", "Toss", "EU AI Act", "OECD AI Principles", "Hiroshima AI Process",
    "Bletchley Declaration", "GPAI", "UNESCO", "ITU", "WIPO", "NIST AI RMF", "ISO/IEC 42001",
    "NeurIPS", "ICML", "ICLR", "Stanford HAI", "AI Index", "SemiAnalysis", "Gartner", "McKinsey",
    "Goldman Sachs", "KOSPI", "KOSDAQ", "NASDAQ", "NYSE", "S&P 500", "Dow Jones", "Nikkei 225",
    "Hang Seng", "FTSE 100", "DAX",
]


def test_names_briefs_cite_decide_a_particle():
    josa = Josa()
    undecided = []
    for name in CITED:
        try:
            josa.particle(name, "이/가")
        except BriefError:
            undecided.append(name)
    assert len(CITED) > 120 and undecided == []


# Names, model families and suffixes as Korean writing reads them
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("Gemini 1.0 Ultra", "이/가", "Gemini 1.0 Ultra가"),
        ("Claude 3 Haiku", "이/가", "Claude 3 Haiku가"),
        ("Claude 3.5 Sonnet", "이/가", "Claude 3.5 Sonnet이"),  # 소넷
        ("Claude 3 Opus", "을/를", "Claude 3 Opus를"),
        ("GPT-4o mini", "은/는", "GPT-4o mini는"),
        ("GPT-3.5 Turbo", "와/과", "GPT-3.5 Turbo와"),
        ("Gemini Nano", "이/가", "Gemini Nano가"),
        ("Gemini 2.0 Flash", "으로/로", "Gemini 2.0 Flash로"),
        ("Gemini 1.5 Pro", "이/가", "Gemini 1.5 Pro가"),
        ("Qwen2.5-Max", "이/가", "Qwen2.5-Max가"),
        ("Mistral Medium", "이/가", "Mistral Medium이"),  # 미디엄
        ("Gemini 1.0 Pro Vision", "은/는", "Gemini 1.0 Pro Vision은"),  # 비전
        ("Yi-Lightning", "이/가", "Yi-Lightning이"),  # 라이트닝
        ("Llama 4 Maverick", "이/가", "Llama 4 Maverick이"),  # 매버릭
        ("Command R+", "이/가", "Command R+가"),  # 플러스
        ("PanGu-Σ", "이/가", "PanGu-Σ가"),  # 시그마
        ("Tsinghua University", "이/가", "Tsinghua University가"),
        ("Google Brain", "이/가", "Google Brain이"),
        ("Kunlun Inc.", "이/가", "Kunlun Inc.가"),  # 인크
        ("JD.com", "이/가", "JD.com이"),  # 징둥닷컴
        ("Samsung Gauss Language", "으로/로", "Samsung Gauss Language로"),
        ("EXAONE 3.5", "이/가", "EXAONE 3.5가"),
        ("Grok", "이/가", "Grok이"),
        ("Qwen", "이/가", "Qwen이"),
        ("HyperCLOVA X", "와/과", "HyperCLOVA X와"),
        ("Moonshot AI", "이/가", "Moonshot AI가"),
        ("Hunyuan", "이/가", "Hunyuan이"),
    ],
)
def test_model_and_company_names(word, josa, expected):
    assert attach(word, josa) == expected


# ALL-CAPS: letter by letter only when nothing else is plausible (S53)
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        # letter names ending in a consonant: L 엘, M 엠, N 엔, R 알
        ("XML", "으로/로", "XML로"),
        ("SQL", "이/가", "SQL이"),
        ("LLM", "으로/로", "LLM으로"),
        ("HBM", "이/가", "HBM이"),
        ("RNN", "은/는", "RNN은"),
        ("CNN", "과/와", "CNN과"),
        ("HBR", "으로/로", "HBR로"),
        ("RLHF", "이/가", "RLHF가"),
        ("GPT", "이/가", "GPT가"),
        ("TSMC", "이/가", "TSMC가"),  # also in the dictionary
        ("GPU", "을/를", "GPU를"),  # G+PU is no word: spelled out
        ("IBM", "이/가", "IBM이"),
        ("OECD", "이/가", "OECD가"),
        ("IEEE", "이/가", "IEEE가"),
        ("MMLU", "이/가", "MMLU가"),
        ("KTX", "이/가", "KTX가"),
        ("AI", "이/가", "AI가"),
        ("GPUs", "이/가", "GPUs가"),
        # read as words, from the dictionary
        ("UNESCO", "이/가", "UNESCO가"),
        ("KOSPI", "이/가", "KOSPI가"),
        ("KOSDAQ", "이/가", "KOSDAQ이"),
        ("NASDAQ", "으로/로", "NASDAQ으로"),
        ("KAIST", "이/가", "KAIST가"),
        ("POSTECH", "이/가", "POSTECH이"),
        ("DRAM", "을/를", "DRAM을"),
        ("NAND", "이/가", "NAND가"),
        ("JPEG", "으로/로", "JPEG으로"),
        ("ARM", "이/가", "ARM이"),  # 암
        # could be either: the dictionary says which
        ("API", "이/가", "API가"),
        ("URL", "으로/로", "URL로"),
        ("MIT", "이/가", "MIT가"),
        ("ICT", "이/가", "ICT가"),
        ("CEO", "이/가", "CEO가"),
        # capitals closing a mixed-case name: BloombergGPT, InternLM, CogVideoX
        ("MathGPT", "이/가", "MathGPT가"),
        ("InternLM", "이/가", "InternLM이"),
        ("CogVideoX", "이/가", "CogVideoX가"),
        ("TensorRT", "이/가", "TensorRT가"),
    ],
)
def test_all_caps_words(word, josa, expected):
    assert attach(word, josa) == expected


@pytest.mark.parametrize("word", ["ZORBA", "KICT", "MOTEA", "XNET", "FooBAR", "KOSPA"])
def test_all_caps_words_that_could_be_pronounced_are_errors_asking_for_the_reading(word):
    with pytest.raises(BriefError) as info:
        attach(word, "이/가")
    message = str(info.value)
    assert "may be read as a word or letter by letter" in message
    assert f"readings: {{{word}: <한글 읽기>}}" in message and "\n" not in message
    assert attach(word, "이/가", readings={word: "킥트"}) == f"{word}가"


@pytest.mark.parametrize(
    ("capitals", "spelled"),
    [("LLM", True), ("GPU", True), ("CPU", True), ("IBM", True), ("OECD", True),
     ("IEEE", True), ("BAAI", True), ("UAE", True), ("IITP", True), ("HPLT", True),
     ("AI", True), ("EU", True), ("X", True),
     ("NASA", False), ("KOSPI", False), ("KOSDAQ", False), ("API", False), ("URL", False),
     ("MIT", False), ("JPEG", False), ("CNET", False), ("SRAM", False), ("DGIST", False),
     ("NYSE", False), ("ASCII", False)],
)
def test_spelled_out(capitals, spelled):
    assert spelled_out(capitals) is spelled


# Hanja read by their Korean sound
@pytest.mark.parametrize(
    ("word", "josa", "expected"),
    [
        ("韓", "이/가", "韓이"),  # 한
        ("韓美", "이/가", "韓美가"),  # 미
        ("對中", "은/는", "對中은"),  # 중
        ("韓日", "으로/로", "韓日로"),  # 일: ㄹ
        ("北", "과/와", "北과"),  # 북
        ("與野", "이/가", "與野가"),  # 야
        ("李", "이/가", "李가"),  # 리
        ("美中 갈등", "이/가", "美中 갈등이"),
        ("‘親中’", "을/를", "‘親中’을"),
    ],
)
def test_hanja(word, josa, expected):
    assert attach(word, josa) == expected


def test_unlisted_or_ambiguous_hanja_ask_for_the_reading():
    for word in ("龍", "不", "易"):  # 不 불/부 and 易 역/이 end differently: never guessed
        with pytest.raises(BriefError, match=rf"readings: \{{{word}: <한글 읽기>\}}"):
            attach(word, "이/가")
    assert attach("龍", "이/가", readings={"龍": "룡"}) == "龍이"


# Every pair the grammar uses after a noun
PAIRS = [
    # particle, after a vowel (AI), after a consonant (LLM), after ㄹ (서울)
    ("이라", "AI라", "LLM이라", "서울이라"),
    ("이라고", "AI라고", "LLM이라고", "서울이라고"),
    ("라는", "AI라는", "LLM이라는", "서울이라는"),
    ("이라도", "AI라도", "LLM이라도", "서울이라도"),
    ("라면", "AI라면", "LLM이라면", "서울이라면"),
    ("이라서", "AI라서", "LLM이라서", "서울이라서"),
    ("이라며", "AI라며", "LLM이라며", "서울이라며"),
    ("란", "AI란", "LLM이란", "서울이란"),
    ("이든", "AI든", "LLM이든", "서울이든"),
    ("든지", "AI든지", "LLM이든지", "서울이든지"),
    ("이든가", "AI든가", "LLM이든가", "서울이든가"),
    ("이나", "AI나", "LLM이나", "서울이나"),
    ("이나마", "AI나마", "LLM이나마", "서울이나마"),
    ("야말로", "AI야말로", "LLM이야말로", "서울이야말로"),
    ("이랑", "AI랑", "LLM이랑", "서울이랑"),
    ("이었다", "AI였다", "LLM이었다", "서울이었다"),
    ("였고", "AI였고", "LLM이었고", "서울이었고"),
    ("이었으며", "AI였으며", "LLM이었으며", "서울이었으며"),
    ("였던", "AI였던", "LLM이었던", "서울이었던"),
    ("(이)라", "AI라", "LLM이라", "서울이라"),
    ("은/는", "AI는", "LLM은", "서울은"),
    ("이/가", "AI가", "LLM이", "서울이"),
    ("을/를", "AI를", "LLM을", "서울을"),
    ("과/와", "AI와", "LLM과", "서울과"),
    ("(으)로", "AI로", "LLM으로", "서울로"),
    ("이에요", "AI예요", "LLM이에요", "서울이에요"),
]


@pytest.mark.parametrize(("josa", "vowel", "consonant", "rieul"), PAIRS, ids=[p[0] for p in PAIRS])
def test_every_pair_after_a_noun(josa, vowel, consonant, rieul):
    assert [attach(w, josa) for w in ("AI", "LLM", "서울")] == [vowel, consonant, rieul]


@pytest.mark.parametrize(
    ("josa", "style_ida", "style_da"),
    [("이다", "AI이다", "AI다"), ("이며", "AI이며", "AI며"), ("이자", "AI이자", "AI자"),
     ("이지만", "AI이지만", "AI지만"), ("이면", "AI이면", "AI면"), ("이므로", "AI이므로", "AI므로")],
)
def test_copula_forms_follow_the_brief_style_after_a_vowel(josa, style_ida, style_da):
    assert attach("AI", josa) == style_ida
    assert attach("AI", josa, copula="다") == style_da
    assert attach("LLM", josa, copula="다") == "LLM" + josa  # after a consonant: always 이


def test_readings_are_looked_up_by_length_longest_first():
    josa = Josa({"Gauss Language": "가우스 언어"})
    assert josa.attach("Samsung Gauss Language", "이/가") == "Samsung Gauss Language가"
    assert josa.used_readings() == ["Gauss Language"]
