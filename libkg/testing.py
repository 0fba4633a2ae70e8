"""A small hand-built article and its facts, for tests and examples of the RDF layer.

It exercises what the graph must get right without any extractor: one person
under two spellings (Thuý / Thúy), a position, an organisation inside a
parent written with an abbreviation, a city inside a province of the same
name, an event with an interval, a sub-event and counts, and evidence offsets.

>>> facts = example_facts()
>>> example_article().text[facts.persons[0].evidence[0].start:facts.persons[0].evidence[0].end]
'Hoàng Thị Thuý'
"""

from __future__ import annotations

from libkg.extract.facts import Event, Evidence, Facts, Organization, Person, Place, Position
from libkg.read.article import Article

__all__ = ["EXAMPLE_BASE", "EXAMPLE_TEXT", "example_article", "example_facts"]

EXAMPLE_BASE = "https://example.org/kg/"

EXAMPLE_TEXT = (
    "Bà Hoàng Thị Thuý, Giám đốc Thư viện tỉnh Lào Cai, chủ trì Hội nghị tổng kết tại TP. Lào Cai "
    "từ ngày 2 đến 3/5/2024. Trong khuôn khổ hội nghị có Hội thảo chuyên đề. "
    "Bà Hoàng Thị Thúy trao tặng 500 cuốn sách."
)


def span(needle: str, text: str = EXAMPLE_TEXT) -> Evidence:
    """Evidence for the first occurrence of ``needle`` in ``text``, with its sentence."""
    start = text.index(needle)
    s0 = text.rfind(". ", 0, start)
    s0 = 0 if s0 < 0 else s0 + 2
    s1 = text.find(". ", start)
    s1 = len(text) if s1 < 0 else s1 + 1
    return Evidence(start, start + len(needle), text[s0:s1])


def example_article() -> Article:
    return Article(id="t1", text=EXAMPLE_TEXT, title="Hội nghị tổng kết", url="https://example.vn/tin/1",
                   published="2024-05-04")


def example_facts() -> Facts:
    return Facts(
        "t1",
        persons=[
            Person("Hoàng Thị Thuý", "Bà", [span("Hoàng Thị Thuý")]),
            Person("Hoàng Thị Thúy", "Bà", [span("Hoàng Thị Thúy")]),
        ],
        organizations=[
            Organization("Thư viện tỉnh Lào Cai", "Library", parent="Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai",
                         province="Lào Cai", evidence=[span("Thư viện tỉnh Lào Cai")]),
            Organization("Sở VH,TT&DL tỉnh Lào Cai", "GovernmentBody"),
        ],
        positions=[
            Position("Hoàng Thị Thuý", "Giám đốc", "Thư viện tỉnh Lào Cai",
                     evidence=[span("Giám đốc Thư viện tỉnh Lào Cai")]),
        ],
        events=[
            Event("Hội nghị tổng kết", "Conference", "2024-05-02", "2024-05-03", "TP. Lào Cai",
                  organizers=["Thư viện tỉnh Lào Cai"], participants=["Hoàng Thị Thúy"],
                  counts={"participants": 120}, evidence=[span("Hội nghị tổng kết")]),
            Event("Hội thảo chuyên đề", "Workshop", "2024-05", parent="Hội nghị tổng kết",
                  evidence=[span("Hội thảo chuyên đề")]),
            Event("Trao tặng sách", "BookDonation", "2024-05-03", counts={"books": 500},
                  participants=["Hoàng Thị Thúy"], evidence=[span("trao tặng 500 cuốn sách")]),
        ],
        places=[Place("TP. Lào Cai", "City", within="tỉnh Lào Cai", evidence=[span("TP. Lào Cai")])],
    )



# ---- a real SPARQL server for tests (the Oxigraph server from the `oxigraph` PyPI package)

def oxigraph_exe() -> str:
    """The Oxigraph server binary the ``oxigraph`` PyPI package installs beside this Python."""
    import shutil
    import sys
    from pathlib import Path

    here = Path(sys.executable).parent / "oxigraph"
    exe = str(here) if here.exists() else shutil.which("oxigraph")
    if exe is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph; scripts/setup.sh test does)")
    return exe


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(*args: str):
    """Start ``oxigraph ARGS --bind 127.0.0.1:PORT`` and wait until it answers; return (process, base URL)."""
    import subprocess
    import time
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([oxigraph_exe(), *args, "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            return proc, base
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError("oxigraph server did not start") from None
            time.sleep(0.1)

