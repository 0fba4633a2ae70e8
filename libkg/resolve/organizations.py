"""Organisations: one node per body, whatever abbreviation or province wording names it.

The key of an organisation is its folded name with the common abbreviations
expanded (``data/lexicon/abbreviations.tsv``: "Sở VHTTDL", "TV", "UBND"...)
and "tỉnh"/"thành phố" dropped before a province-level name, so "Thư viện
tỉnh Yên Bái", "Thư viện Yên Bái" and "TV tỉnh Yên Bái" are one node, while
"Thư viện thành phố Lào Cai" (the library of the city inside Lào Cai
province) stays another.  Bodies that were renamed or merged keep their own
nodes and are linked (``data/identity/org-lineage.tsv``): a 2019 statement
about the old board must not become a statement about the new one.

>>> org_key("TV tỉnh Yên Bái") == org_key("Thư viện Yên Bái") == org_key("Thư viện tỉnh Yên Bái")
True
>>> org_key("Thư viện thành phố Lào Cai") == org_key("Thư viện tỉnh Lào Cai")
False
>>> org_display("Sở VHTTDL tỉnh Quảng Nam")
'Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam'
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import URIRef

from libkg.normalize import fold, folded_admin_prefixes, nfc
from libkg.rdf.namespaces import data_base
from libkg.resolve.keys import new_tone, short_hash, words
from libkg.resolve.places import gazetteer
from libkg.resources import read_tsv

__all__ = ["is_subunit", "org_display", "org_iri", "org_key", "subunit_iri", "subunit_key"]


@lru_cache(maxsize=1)
def _abbreviations() -> list[tuple[re.Pattern[str], str, re.Pattern[str] | None, str]]:
    rows = [r for r in read_tsv("lexicon", "abbreviations.tsv") if len(r) >= 2]
    rows.sort(key=lambda r: -len(r[0]))
    out = []
    for a, b, *_ in rows:
        folded = re.compile(r"(?<!\w)" + re.escape(fold(a)) + r"(?!\w)")
        # display: case-sensitive, only the abbreviation as written in capitals
        display = re.compile(r"(?<!\w)" + re.escape(nfc(a)) + r"(?!\w)") if any(c.isupper() for c in a) else None
        out.append((folded, fold(b), display, nfc(b)))
    return out


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """Identity key of an organisation: folded, abbreviations expanded, province wording unified."""
    s = fold(name)
    for pattern, expansion, *_ in _abbreviations():
        s = pattern.sub(expansion, s)
    return words(gazetteer().canonical_org_text(s))


@lru_cache(maxsize=65536)
def org_display(name: str) -> str:
    """The display form of a name: abbreviations spelled out, new tone placement, spacing tidied.

    Only capitalised abbreviations are expanded ("TV", "VHTTDL"), so
    ordinary words are never rewritten.  Used as ``skos:prefLabel`` so that
    articles writing "Sở VHTTDL" and "Sở Văn hóa, Thể thao và Du lịch" agree.
    """
    s = " ".join(nfc(name).split())
    for _, _, display, expansion in _abbreviations():
        if display is not None:
            s = display.sub(expansion, s)
    return new_tone(s)


def org_iri(name: str, base: str | None = None) -> URIRef:
    """``{base}id/org/{slug}-{hash of the key}``: a pure function of the canonical key."""
    return _org_iri(name, data_base(base))


@lru_cache(maxsize=65536)
def _org_iri(name: str, base: str) -> URIRef:
    """:func:`org_iri` under a resolved base, made once per name (organisations recur in every article)."""
    from libkg.normalize import slug

    key = org_key(name)
    return URIRef(f"{base}id/org/{slug(key) or 'x'}-{short_hash(key)}")




@lru_cache(maxsize=1)
def _subunit_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(heads, compounds that are no head, words of a national body) of org_subunit_heads.txt."""
    lines = [fold(r[0]) for r in read_tsv("lexicon", "org_subunit_heads.txt") if r and r[0].strip()]
    heads = tuple(w + " " for w in lines if not w.startswith("!"))
    compounds = tuple(w[1:] + " " for w in lines if w.startswith("!") and not w.startswith("!@"))
    national = tuple(" " + w[2:] + " " for w in lines if w.startswith("!@"))
    return heads, compounds, national


@lru_cache(maxsize=1)
def _unit_opener() -> re.Pattern[str]:
    """An administrative word followed by a capitalised name ("huyện Phong Điền", not "Tỉnh ủy")."""
    words_ = sorted(folded_admin_prefixes(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?i:" + "|".join(re.escape(w) for w in words_) + r")\s+[A-ZĐÀ-Ỹ]")


@lru_cache(maxsize=65536)
def is_subunit(name: str) -> bool:
    """A department, board or faculty named without a place: not unique in the country.

    >>> is_subunit("phòng Nghiệp vụ"), is_subunit("Khoa Thông tin - Thư viện")
    (True, True)
    >>> is_subunit("Phòng Văn hóa và Thông tin huyện Phong Điền"), is_subunit("Thư viện tỉnh Bắc Giang")
    (False, False)
    >>> is_subunit("Tổ chức Y tế Thế giới"), is_subunit("Ban Tuyên giáo Trung ương")
    (False, False)
    """
    s = " ".join(nfc(name).split())
    heads, compounds, national = _subunit_words()
    folded = fold(s) + " "
    if not folded.startswith(heads) or folded.startswith(compounds) or any(w in folded for w in national):
        return False
    # the class [A-ZĐÀ-Ỹ] holds lower-case accented letters too: the letter must be a capital
    return gazetteer().in_name(s) is None and not any(s[m.end() - 1].isupper() for m in _unit_opener().finditer(s))


def subunit_iri(name: str, scope: str, base: str | None = None) -> URIRef:
    """``{base}id/org/{slug}-{hash}`` of a sub-unit inside ``scope`` (its parent's name, or an article).

    Two libraries' "phòng Nghiệp vụ" are two nodes; one library's, named in two articles, is one.

    >>> subunit_iri("phòng Nghiệp vụ", "Thư viện tỉnh Bắc Giang") == subunit_iri("Phòng Nghiệp vụ", "TV tỉnh Bắc Giang")
    True
    >>> subunit_iri("phòng Nghiệp vụ", "Thư viện tỉnh Bắc Giang") == subunit_iri("phòng Nghiệp vụ", "Thư viện tỉnh Lạng Sơn")
    False
    """
    from libkg.normalize import slug

    key = org_key(name)
    return URIRef(f"{data_base(base)}id/org/{slug(key) or 'x'}-{short_hash(subunit_key(name, scope))}")


def subunit_key(name: str, scope: str) -> str:
    """Identity key of a sub-unit inside ``scope`` (its parent's name, or "article {id}")."""
    return f"{org_key(name)} @ {org_key(scope)}"
