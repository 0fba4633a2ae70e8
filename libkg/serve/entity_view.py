"""How an entity page reads: its title, the facts in the page's language, a person's posts as a
timeline, an event's when / where / who, a place's era and lineage, an article's sentences.

Everything here works on the plain strings :func:`libkg.serve.pages.load_entity`
gathered in a worker; nothing queries the store.  Titles come from labels
(a name, a headline, a post's role and organisation, a mention's name); the
raw IRI is shown only when nothing has a label.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from libkg.rdf.namespaces import PREFIXES
from libkg.serve.links import kind_table, shorten
from libkg.serve.reform import era_of

if TYPE_CHECKING:
    from libkg.serve.pages import EntityView

__all__ = ["fold_chars", "highlight_spans", "page_context", "title_of"]

LKG, SCHEMA, SKOS_NS = PREFIXES["lkg"], PREFIXES["schema"], PREFIXES["skos"]
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
PROV, ORG, OA = PREFIXES["prov"], PREFIXES["org"], PREFIXES["oa"]
SUMMARY_PROPS = {  # event summary rows: property -> (vi, en)
    SCHEMA + "organizer": ("Đơn vị tổ chức", "Organised by"),
    SCHEMA + "attendee": ("Tham dự", "Attended by"),
    SCHEMA + "subEvent": ("Gồm các hoạt động", "Sub-events"),
}
HIDDEN = {LKG + "evidence", SKOS_NS + "prefLabel", SKOS_NS + "altLabel", RDFS + "label",
          "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
ARTICLE_PROPS = {SCHEMA + "headline", SCHEMA + "datePublished", SCHEMA + "publisher", SCHEMA + "url"}
STATUS = {"current": ("đương nhiệm", "current"), "former": ("nguyên", "former"),
          "ended": ("đã thôi", "ended")}


def pick(labels: dict[str, str], lang: str) -> str | None:
    """A label in ``lang``, else one without a language, else any."""
    if not labels:
        return None
    return labels.get(lang) or labels.get("") or labels.get("vi") or next(iter(labels.values()))


def kind_names(types: list[str]) -> tuple[str, str]:
    have = set(types)
    for iri, vi, en in kind_table():
        if iri in have:
            return vi, en
    return ("Tài nguyên", "Resource")


def _first(view: EntityView, prop: str) -> str | None:
    return next((v for p, v, _, _ in view.facts if p == prop), None)


def _label_of(view: EntityView, prop: str, lang: str) -> str | None:
    for p, _, labels, _ in view.facts:
        if p == prop and labels:
            return pick(labels, lang)
    return None


def title_of(view: EntityView, lang: str) -> str:
    """The page's title from labels: name, headline, role and organisation, a mention's person, a
    sentence; the last part of the IRI only when nothing has a label."""
    prefs = {lg: t for t, lg, p in view.labels if p == "skos:prefLabel"}
    others = [t for t, _, _ in view.labels]
    name = pick(prefs, lang) or (others[0] if others else None)
    if name:
        return name
    headline = _first(view, SCHEMA + "headline")
    if headline:
        return headline
    role = _first(view, LKG + "roleLabel")
    if role:
        org = _label_of(view, ORG + "organization", lang)
        return f"{role} — {org}" if org else role
    post = _label_of(view, LKG + "termOf", lang)  # a tenure: its post's role, organisation and dates
    if post:
        org = _label_of(view, ORG + "organization", lang)
        when = " – ".join(filter(None, (_first(view, LKG + "firstAttestedOn"), _first(view, LKG + "lastAttestedOn"))))
        return " ".join(filter(None, (f"{post} — {org}" if org else post, f"({when})" if when else None)))
    person = _label_of(view, LKG + "resolvedTo", lang)
    if person:
        return person
    key = _first(view, LKG + "nameKey")
    if key:
        return key.title()
    sentence = _first(view, LKG + "sentence") or _label_of(view, OA + "hasTarget", lang)  # (an annotation's)
    if sentence:
        return sentence if len(sentence) <= 80 else sentence[:77].rstrip() + "…"
    return view.iri.rsplit("/", 1)[-1] or view.iri


# ------------------------------------------------------------------ highlighting
def fold_chars(text: str) -> str:
    """``text`` folded one character at a time (lower case, no diacritics, đ -> d): same length,
    so a match in the folded text is a match at the same place in ``text``."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFD", c)[0].lower()
        out.append("d" if base in "đð" else base)
    return "".join(out)


def highlight_spans(sentence: str, names: list[str]) -> Markup:
    """The sentence as HTML with each of ``names`` marked, found whatever the case, diacritics or
    tone placement (escaped piece by piece, so it stays safe)."""
    folded = fold_chars(sentence)
    marks = [False] * len(sentence)
    for name in {n.strip() for n in names if n and len(n.strip()) > 2}:
        f = fold_chars(name)
        for m in re.finditer(re.escape(f), folded):
            for i in range(m.start(), m.end()):
                marks[i] = True
    out, i = [], 0
    while i < len(sentence):
        j = i
        while j < len(sentence) and marks[j] == marks[i]:
            j += 1
        piece = str(escape(sentence[i:j]))
        out.append(f"<mark>{piece}</mark>" if marks[i] else piece)
        i = j
    return Markup("".join(out))


# ------------------------------------------------------------------ facts
def readable_facts(view: EntityView, lang: str, prop_labels: dict[str, dict[str, str]],
                   shown: set[str] | frozenset[str] = frozenset()) -> list[tuple]:
    """(property name, value, label, is IRI) once each: labels in the page's language, literal values
    that differ only in case ("Bà", "bà") shown once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for p, v, labels, is_iri in view.facts:
        if p in HIDDEN or p in shown:
            continue
        key = (p, v if is_iri else v.casefold())
        if key in seen:
            continue
        seen.add(key)
        out.append((pick(prop_labels.get(p, {}), lang) or shorten(p), v, pick(labels, lang), is_iri))
    out.sort(key=lambda f: (f[0], f[2] or f[1]))
    return out


def _values(view: EntityView, prop: str, lang: str) -> list[tuple[str, str]]:
    out, seen = [], set()
    for p, v, labels, is_iri in view.facts:
        if p == prop and v not in seen:
            seen.add(v)
            out.append((v, pick(labels, lang) or (shorten(v) if is_iri else v)))
    return sorted(out, key=lambda x: x[1])


def _incoming(view: EntityView, prop: str) -> list[tuple[str, str]]:
    """(subject, label) of the statements ``subject prop this``."""
    return [(s, lab or shorten(s)) for s, p, lab in view.incoming if p == prop]


def event_summary(view: EntityView, lang: str) -> dict[str, Any]:
    """When, where (with the provinces, and what they became in 2025), what kind, who."""
    start, end = _first(view, SCHEMA + "startDate"), _first(view, SCHEMA + "endDate")
    who = [(vi, en, _values(view, prop, lang)) for prop, (vi, en) in SUMMARY_PROPS.items()]
    parents = set(_incoming(view, SCHEMA + "subEvent"))
    parents |= set(_values(view, SCHEMA + "superEvent", lang))  # graphs written before issue 20
    who.append(("Thuộc sự kiện", "Part of", sorted(parents, key=lambda x: x[1])))
    sources = list(view.extra.get("articles", []))
    sources += [v for v in _values(view, PROV + "wasDerivedFrom", lang) if v not in sources]
    who.append(("Nguồn", "Source", sources))
    return {"start": start, "end": end, "kind": _label_of(view, LKG + "eventKind", lang),
            "places": _values(view, SCHEMA + "location", lang), "provinces": view.extra.get("provinces", []),
            "who": [w for w in who if w[2]]}


def lineage_banner(view: EntityView, lang: str) -> dict[str, Any] | None:
    """A place's era and lineage: valid from / until, merged into, succeeded by, formed from."""
    valid_from, until = _first(view, LKG + "validFrom"), _first(view, LKG + "validUntil")
    # each succession may be stated one way or both (succeededBy / successorOf): read both ways
    merged = _values(view, LKG + "mergedInto", lang)
    nxt = _values(view, LKG + "succeededBy", lang) + _incoming(view, LKG + "successorOf")
    nxt = sorted({v for v in nxt if v not in merged}, key=lambda x: x[1])
    before = _values(view, LKG + "successorOf", lang) + _incoming(view, LKG + "succeededBy")
    before += _incoming(view, LKG + "mergedInto")
    era = era_of(valid_from, until) or view.extra.get("province_era", "")
    if not (era or merged or nxt or before):
        return None
    return {"era": era, "from": valid_from, "until": until, "merged": merged, "next": nxt,
            "before": sorted(set(before), key=lambda x: x[1]), "basis": _first(view, LKG + "legalBasis"),
            "province": view.extra.get("province")}


def person_posts(view: EntityView) -> list[dict[str, Any]]:
    """The terms of the person's posts in time order (a post held again after it ended is two),
    each from its begin (else first attestation) to its end (else last attestation; ``open``
    when no end is known); the posts themselves when the store has no tenures."""
    if view.tenures:
        terms = [{**t, "first": t["begin"] or t["first"], "last": t["end"] or t["last"], "open": not t["end"],
                  "status": None} for t in view.tenures]
        terms.sort(key=lambda p: (p["first"] or "9999", p["role"] or ""))
        return terms
    out = []
    for p in view.positions:
        dates = p["dates"]
        first = p["start"] or (dates[0] if dates else None)
        last = p["end"] or (dates[-1] if dates else None)
        out.append({**p, "first": first, "last": last})
    out.sort(key=lambda p: (p["first"] or "9999", p["role"] or ""))
    return out


def article_sentences(view: EntityView) -> list[dict[str, Any]]:
    """Each sentence of the article once, in reading order, with what was read in it and those
    names marked."""
    out = []
    for s in view.extra.get("sentences", []):
        names = [x["label"] for x in s["facts"] if x["label"]]
        for x in s["facts"]:
            x["kind"] = kind_names(x["types"])
        out.append({**s, "html": highlight_spans(s["sentence"], names)})
    return out


def page_context(view: EntityView, lang: str, prop_labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Everything entity.html shows, in ``lang``."""
    vi, en = kind_names(view.types)
    place_kind = _label_of(view, LKG + "placeKind", lang)
    if LKG + "Place" in view.types and place_kind:  # "tỉnh", "huyện", "Province" rather than "Place"
        vi = en = place_kind[:1].upper() + place_kind[1:]
    title = title_of(view, lang)
    names = sorted({t for t, _, _ in view.labels})
    spellings: dict[str, list[str]] = {}
    for text, lg, prop in sorted(set(view.labels)):
        spellings.setdefault(text, []).append(prop + (f"@{lg}" if lg else ""))
    is_article = SCHEMA + "NewsArticle" in view.types
    skip_in = {PROV + "wasQuotedFrom", PROV + "wasDerivedFrom"} if is_article else set()
    incoming = sorted({(pick(prop_labels.get(p, {}), lang) or shorten(p), s, lab) for s, p, lab in view.incoming
                       if p not in skip_in}, key=lambda x: (x[0], x[2] or x[1]))
    facts = readable_facts(view, lang, prop_labels, ARTICLE_PROPS if is_article else set())
    abouts = {p["iri"]: " ".join(filter(None, [p["role"], p["orgLabel"]])) for p in view.positions}
    is_event, is_place = LKG + "Event" in view.types, LKG + "Place" in view.types
    return {
        "view": view, "title": title, "kind": en if lang == "en" else vi, "kind_vi": vi, "kind_en": en,
        "names": names, "spellings": sorted(spellings.items(), key=lambda kv: (kv[0] != title, kv[0])),
        "facts": facts, "incoming": incoming,
        "type_names": sorted(shorten(t) for t in view.types), "abouts": abouts,
        "sentences": [(s, highlight_spans(s["sentence"], names)) for s in view.sources],
        "posts": person_posts(view) if LKG + "Person" in view.types else [],
        "summary": event_summary(view, lang) if is_event else None,
        "lineage": lineage_banner(view, lang) if is_place else None,
        "article": ({"headline": _first(view, SCHEMA + "headline"), "url": _first(view, SCHEMA + "url"),
                     "published": _first(view, SCHEMA + "datePublished"),
                     "publisher": next(iter(_values(view, SCHEMA + "publisher", lang)), None),
                     "sentences": article_sentences(view)}
                    if is_article else None),
        "status_names": STATUS,
    }
