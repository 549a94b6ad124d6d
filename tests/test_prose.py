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


# Names a learner reads in backticks must be real: a class, method or knob of the library, or a name the notebook's
# own cells use. The article's Keras calls, quoted where this edition departs from it, are the exceptions.
ARTICLE_NAMES = {"train_on_batch"}
IDENTIFIER = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\))?$")
WORD = re.compile(r"[A-Za-z_]\w*")


def library_words() -> set[str]:
    words = set()
    for source in (ROOT / "lib/src/main/java").rglob("*.java"):
        words |= set(WORD.findall(source.read_text()))
    return words


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_name_in_backticks_exists(path):
    known = library_words() | ARTICLE_NAMES
    for cell in cells(path):
        if cell.cell_type == "code":
            known |= set(WORD.findall(cell.source))
    unknown = set()
    for cell in cells(path):
        if cell.cell_type != "markdown":
            continue
        for span in re.findall(r"`([^`\n]+)`", cell.source):
            name = span.strip()
            if IDENTIFIER.match(name):
                unknown |= {name for part in name.rstrip("()").split(".") if part not in known}
    assert not unknown, f"{path.name} names what neither the library nor its cells define: {sorted(unknown)}"


# Run times come from one table, the README's Binder table; notebooks point to it instead of stating their own.
TIME = re.compile(r"\b\d[\d,.]*\s*(?:minutes?|min|seconds?|hours?)\b", re.IGNORECASE)
README_LIMITS = ("culled", "its limit")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebooks_leave_run_times_to_the_readme_table(path):
    stated = [m.group(0) for cell in cells(path) if cell.cell_type == "markdown" for m in TIME.finditer(cell.source)]
    assert not stated, f"{path.name} states run times of its own ({stated}); point to the README's table instead"


def test_the_readme_states_run_times_in_its_table_only():
    lines = (ROOT / "README.md").read_text().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("|") and "Time on one CPU" in line)
    end = next(i for i in range(header, len(lines)) if not lines[i].startswith("|"))
    outside = [line for i, line in enumerate(lines) if not header <= i < end
               and TIME.search(line) and not any(limit in line for limit in README_LIMITS)]
    assert not outside, f"run times outside the README's table: {outside}"


# A lesson a learner reads in one sitting: the article-sized teaching notebooks, and the two beyond it a little longer.
WORD_BUDGET = {"08-invented-findings.ipynb": 1500, "09-latent-walk-and-levels.ipynb": 1500}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_each_notebook_reads_in_one_sitting(path):
    words = sum(len(cell.source.split()) for cell in cells(path) if cell.cell_type == "markdown")
    assert words <= WORD_BUDGET.get(path.name, 1200), f"{path.name} has {words} words of markdown"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_each_notebook_ends_with_what_to_take_away_and_answers_its_questions(path):
    markdown = "\n".join(cell.source for cell in cells(path) if cell.cell_type == "markdown")
    assert "## What to take away" in markdown, f"{path.name} has no takeaways"
    questions = markdown.split("## Try this", 1)[1].split("## What to take away", 1)[0] if "## Try this" in markdown else ""
    asked = len(re.findall(r"^- ", questions, re.MULTILINE))
    answered = questions.count("<details>")
    assert answered >= asked, f"{path.name}: {asked} questions in Try this, {answered} answers"
