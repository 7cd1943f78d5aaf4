"""The PDF is laid out while the charts are drawn: layout passes use each chart's planned pixel
size, the final pass waits for each file as it draws it, and a chart of another size has the
layout redone."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from ir_sample import sample_document
from pdf_probe import THEME
from regen_helpers import copy_built, edit, output_bytes

import briefgen.charts.render
import briefgen.writers.pdf.pages
from briefgen.build import CACHE_DIR, build
from briefgen.charts.render import plan_chart
from briefgen.charts.spec import DPI as PNG_DPI
from briefgen.errors import BriefError
from briefgen.ir import Figure
from briefgen.numbering import document_blocks
from briefgen.project import load_project
from briefgen.theme import load_theme
from briefgen.writers.pdf import write_pdf
from briefgen.writers.pdf.images import PendingImages, image_size

CONTENT = "templates/ai-models/content.md"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path, bytes]:
    """The sample document, its (one) figure file, and its PDF written with the file present."""
    tmp = tmp_path_factory.mktemp("pending")
    doc = sample_document(tmp)
    (png,) = {b.image for b in document_blocks(doc) if isinstance(b, Figure)}
    out = tmp / "plain.pdf"
    write_pdf(doc, THEME, out)
    return doc, png, out.read_bytes()


def _pending_copy(doc, png: Path, tmp_path: Path, planned: tuple[int, int]):
    """The document with its figure pointing at a file that appears only when awaited."""
    later = tmp_path / png.name  # same file name: the PDF names images by their bytes
    moved = copy.deepcopy(doc)
    for block in document_blocks(moved):
        if isinstance(block, Figure):
            block.image = later
    waits: list[str] = []

    def wait_for(path: Path) -> None:
        assert path == later
        waits.append("one")
        shutil.copy(png, later)

    return moved, PendingImages({later: planned}, wait_for), waits


def test_layout_needs_no_file_until_the_final_pass(sample, tmp_path: Path) -> None:
    doc, png, plain = sample
    moved, pending, waits = _pending_copy(doc, png, tmp_path, image_size(png))
    out = tmp_path / "pending.pdf"
    write_pdf(moved, THEME, out, pending)
    assert waits == ["one"]
    assert out.read_bytes() == plain


def test_an_image_of_another_size_than_planned_is_laid_out_again(sample, tmp_path: Path) -> None:
    doc, png, plain = sample
    width, height = image_size(png)
    moved, pending, waits = _pending_copy(doc, png, tmp_path, (width, height * 3))
    out = tmp_path / "pending.pdf"
    write_pdf(moved, THEME, out, pending)
    assert waits == ["one", "one"]  # found when drawn; then laid out again with the file there
    assert out.read_bytes() == plain  # laid out at the real size, not the planned one


def test_planned_chart_sizes_are_the_drawn_sizes(example_build) -> None:
    from briefgen.charts.style import DPI

    assert PNG_DPI == DPI
    root, result = example_build
    project = load_project(root)
    theme = load_theme(project.theme, project.root)
    for name, spec in project.charts.items():
        job = plan_chart(name, spec, result.statistics, theme, root / CACHE_DIR / "charts",
                         project.config_file)
        assert job.path.is_file() and image_size(job.path) == job.pixels(), name


def test_planned_pixels_truncate_as_matplotlib_does() -> None:
    from matplotlib.figure import Figure as MplFigure

    from briefgen.charts.spec import ChartSpec

    for tenths in range(30, 400, 7):
        size = (tenths / 10, tenths / 20)
        fig = MplFigure(figsize=(size[0] / 2.54, size[1] / 2.54))
        fig.dpi = PNG_DPI
        width, height = fig.bbox.size
        spec = ChartSpec("c", "bar", "s", size=size)
        job = briefgen.charts.render.ChartJob(spec, None, Path("c.png"), "")
        assert job.pixels() == (int(width), int(height)), size


def test_charts_are_drawn_after_the_layout_passes_when_the_final_one_needs_them(
        example_build, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")  # charts drawn inline, when awaited
    project = copy_built(example_build[0], tmp_path / "brief")
    shutil.rmtree(project / CACHE_DIR)
    events: list[str] = []
    draw = briefgen.charts.render.ChartJob.draw
    lay_out = briefgen.writers.pdf.pages.BriefDocTemplate.build

    def drawing(job, theme):
        events.append("chart")
        draw(job, theme)

    def laying_out(template, flowables, canvasmaker, **kwargs):
        events.append(canvasmaker.__name__)
        lay_out(template, flowables, canvasmaker=canvasmaker, **kwargs)

    monkeypatch.setattr(briefgen.charts.render.ChartJob, "draw", drawing)
    monkeypatch.setattr(briefgen.writers.pdf.pages.BriefDocTemplate, "build", laying_out)
    build(project, formats=("pdf",), force=True)
    first = events.index("chart")
    assert set(events[: first - 1]) == {"DraftCanvas"} and events[first - 1 :] == ["Canvas"] + ["chart"] * 3


@pytest.mark.parametrize("serial", ["1", "0"])
def test_a_failing_chart_is_reported_before_a_pdf_error_and_keeps_old_outputs(
        example_build, tmp_path, monkeypatch, serial) -> None:
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    project = copy_built(example_build[0], tmp_path / "brief")
    before = output_bytes(project)
    shutil.rmtree(project / CACHE_DIR / "charts")
    edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 없는 글자 \U0001F600")  # not in NanumGothic
    with pytest.raises(BriefError, match="is not in font"):
        build(project, formats=("pdf",))  # the PDF's own error, with the charts drawn

    def failing(job, theme):
        if job.spec.name != "yearly":
            raise BriefError("cannot be drawn", source="brief.yaml", key=f"charts.{job.spec.name}")

    monkeypatch.setattr(briefgen.charts.render.ChartJob, "draw", failing)
    shutil.rmtree(project / CACHE_DIR / "charts")
    with pytest.raises(BriefError) as caught:
        build(project, formats=("pdf",))
    assert caught.value.key == "charts.year_domain"  # the first failing one in brief.yaml's order
    assert output_bytes(project) == before
