"""What a learner reads teaches GANs: the notebooks leave the machinery that makes DL4J fast to the
behind-the-scenes page, and never name the library's speed-up package or its classes."""
import re

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FAST = ROOT / "lib/src/main/java/org/gantutorial/fast"
# Engineering words that belong on docs/behind-the-scenes.md, not in a lesson.
ENGINEERING = re.compile(r"\bBLAS\b|oneDNN|\blean layers?\b|\bLean[A-Z]\w*|OneDnn|skipp?\w* (?:their|its) weight gradients",
                         re.IGNORECASE)


def cells(path):
    return nbformat.read(path, as_version=4).cells


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_teaching_prose_leaves_the_engineering_behind_the_scenes(path):
    found = [m.group(0) for cell in cells(path) if cell.cell_type == "markdown" for m in ENGINEERING.finditer(cell.source)]
    assert not found, f"{path.name} explains machinery a learner need not know: {found}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_notebook_uses_the_speed_up_package(path):
    names = {f.stem for f in FAST.glob("*.java")} if FAST.is_dir() else set()
    text = "\n".join(cell.source for cell in cells(path))
    assert "org.gantutorial.fast" not in text, f"{path.name} imports the fast package"
    used = sorted(name for name in names if re.search(rf"\b{name}\b", text))
    assert not used, f"{path.name} names classes of the fast package: {used}"


def test_the_behind_the_scenes_page_is_linked_from_the_readme():
    assert (ROOT / "docs/behind-the-scenes.md").is_file()
    assert "docs/behind-the-scenes.md" in (ROOT / "README.md").read_text()
