"""brief.yaml loading: YAML pitfalls, key lines, path safety."""

from __future__ import annotations

from briefgen.yamlio import parse_yaml as _parse_yaml


def test_yes_no_on_off_stay_text_but_true_false_are_booleans():
    """The YAML 1.1 'Norway problem': verdict maps like {YES: 적중, NO: 빗나감} must keep their keys."""
    data, lines = _parse_yaml("map: {YES: 적중, NO: 빗나감, on: 켜짐}\nflag: true\noff_flag: False\n", "b.yaml")
    assert data == {"map": {"YES": "적중", "NO": "빗나감", "on": "켜짐"}, "flag": True, "off_flag": False}
    assert lines == {"map": 1, "map.YES": 1, "map.NO": 1, "map.on": 1, "flag": 2, "off_flag": 3}
