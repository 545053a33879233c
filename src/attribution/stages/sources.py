"""Sources: mentions become one canonical Source per real-world source.

Alias merging ("Ukrainian President Volodymyr Zelensky", "Zelensky", "the president"),
roles that name their holder ("Hale's spokeswoman, Dana Ortiz": Ortiz), documents whose
author speaks ("a report by the institute", "the institute released a report ... the
report said": the institute, through the report), body words that stand for the body just
named ("the agency"), typing from the rule set (news agency, person, official body,
anonymous...) and pronouns.

A pronoun ("he", "she", "it", "they") and a quote with no cue of its own are resolved
to the most salient earlier mention that agrees with them: in kind (a person, a body, a
group), gender and number, never inside an aside or a relative clause about someone
else, never inside what the pronoun's own clause governs. Salience favours the speaker
of the latest attribution, then the subjects of plain narrative sentences (a narrative
"she persisted" counts for whom it stands for; a person brought in with a description
counts more), then recency; a speaker or subject in an adverbial clause ("Although X
said ...") is background. Such links are marked inferred, with the reason and a
confidence that falls as the runner-up comes close. They inherit the relay of the
speaker's previous link.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..models import Article, Source
from ..models import Span as TextSpan
from ..rules.compiled import CompiledRules
from .ids import slug
from .parts import Link, Quote
from .syntax import doc_text, mention_span, sentences, subtree, subtree_indices

_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP"})
_PLACE_LABELS = frozenset({"GPE"})
_PLACE_MODIFIER_LABELS = frozenset({"GPE", "LOC", "NORP"})
_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_ASIDE_DEPS = frozenset({"relcl", "acl", "parataxis", "advcl", "prep", "pobj"})
_BODY_TYPES = frozenset({"organisation", "government"})
_NOT_ISSUERS = frozenset({"person", "anonymous", "document", "article", *_NEWS_TYPES})
_BODY_SENTENCES = 2  # "the agency" stands for a body named this close before it
_BODY_SPOKE_SENTENCES = 5  # ... or for a named body that spoke this close before it
_DOCUMENT_SENTENCES = 3  # "the report" is a document named this close before it
_ISSUER_SENTENCES = 1  # "X said ... A statement said": X's, if X spoke this close before it
_LOOKBACK = 40
_LOOKBACK_SENTENCES = 12
_MAX_NAME_TOKENS = 4
_EPITHET_SENTENCES = 3
_NAMED_NEXT_SENTENCES = 2  # "A spokeswoman said ... '...,' said Ada Kerr": this close after
CONFIDENCE_PRONOUN = 0.7
CONFIDENCE_MIN = 0.5
CONFIDENCE_MAX = 0.85
ARTICLE_SOURCE = "article"
UNRESOLVED_NAME = "unidentified speaker"
VAGUE_NAME = "unnamed sources"

# Salience weights: how a reader ranks the earlier mentions a pronoun may stand for.
_W_SPEAKER = 1.0  # the mention is the source of an earlier attribution
_W_LAST_SPEAKER = 0.5  # ... of the latest attribution before the pronoun
_W_SUBJECT = 1.0  # the subject of its sentence
_W_GENDER = 0.5  # its gender is known and agrees
_W_REPORTED = -1.0  # it sits in someone's reported speech
_W_DISTANCE = -0.6  # per sentence back
_W_NEWCOMER = 0.5  # brought in with a description: "... heard from Robin Tate, who ran it"
_W_SUBORDINATE = -1.0  # it sits in an adverbial clause: "Although Trump tweeted ..., ..."


@dataclass(frozen=True, slots=True)
class Resolved:
    """The sources of an article and, for each link, the id of its source."""

    sources: list[Source]
    links: list[Link]
    source_ids: list[str | None]
    publisher_id: str
    agency_id: str | None = None


@dataclass
class _Entry:
    key: str
    name: str
    type: str
    role: str | None = None
    anonymous: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    gender: str | None = None
    plural: bool = False
    titles: set[str] = field(default_factory=set)
    author: str | None = None
    author_span: tuple[int, int] | None = None
    author_earlier: bool = False  # the author is inferred: a document named before, a filer
    bare_title: str | None = None  # "the mayor": a role that may name a person given elsewhere
    bare_owner: frozenset[str] = frozenset()  # "the ABL commissioner": whose title it is
    bare_body: str | None = None  # "the union": a body that may be named elsewhere
    named: bool = False  # a proper name names it: "Transit Corp", not "the agency"


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An earlier mention a pronoun may point back to."""

    start: int
    span: tuple[int, int]
    token: int  # the mention's head token
    subject: bool
    aside: bool
    pronoun: str | None = None  # "she persisted": a narrative pronoun, resolved in turn
    newcomer: bool = False  # brought in with a description, to be heard next


class _Registry:
    """Canonical sources by key, in first-mention order."""

    def __init__(self, doc: Doc, rules: CompiledRules) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # spaCy rebuilds Doc.text on every access
        self.ents = list(doc.ents)
        self._mentions: dict[tuple[int, int], Span | None] = {}  # see _mention_tokens
        self._organisations: dict[tuple[int, int], tuple[str, str, str] | None] = {}
        self._persons: dict[tuple[int, int], _Entry | None] = {}  # see _known_person
        self.rules = rules
        self.entries: dict[str, _Entry] = {}
        self.last_names: dict[str, str] = {}
        self.last_document: dict[str, str] = {}
        self.merged: dict[str, str] = {}
        self.stood_for: dict[tuple[int, int], str] = {}  # "the agency" -> the body it names
        self.authoring: set[tuple[int, int]] = set()  # documents whose author is being added
        self.sentence_starts = [
            s.start_char
            for n, s in enumerate(sentences(doc))
            if not n or any(t.is_alpha for t in s)
        ]
        self.name_of = self._names()
        self.given_names: set[str] = set()  # the keys of people that are given names
        self.people = self._people()
        self.text_gender: dict[str, str] = {}  # none known while it is being read
        self.text_gender = self._text_genders()
        self.holders = self._holders()

    def _holders(self) -> dict[str, list[Span]]:
        """Title -> the named people who hold it: "Surrey Mayor Doug McCallum", "Ann
        Kessler, the governor", "the governor, Ann Kessler"."""
        holders: dict[str, list[Span]] = {}
        self.holder_words: dict[int, set[str]] = {}  # name start -> the words of its role
        titles = self.rules.titles
        for name in {n.start: n for n in self.name_of.values()}.values():
            found = []
            k = name.start - 1
            while k >= 0 and k >= name.start - 5 and self.doc[k].pos_ in {"PROPN", "NOUN", "ADJ"}:
                found.append(self._word(self.doc[k]))
                k -= 1
            root = name.root
            apposed = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                apposed.append(root.head)
            found += [self._word(t) for t in apposed]
            self.holder_words[name.start] = set(found) | {
                w.lower_ for t in apposed for w in subtree(t)
            }
            for title in {w for w in found if w in titles}:
                holders.setdefault(title, []).append(name)
        return holders

    def _names(self) -> dict[int, Span]:
        """Token -> the person's name it is part of: runs of proper nouns that the
        parser tags as a person, open with a known given name or follow a title or
        honorific ("Carole Laurin", "Mayor Oleksandr Honcharenko", "Ms. Patel"), less the
        title; and the parser's other PERSON entities."""
        names: dict[int, Span] = {}
        doc, i = self.doc, 0
        while i < len(doc):
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and _capitalised(doc[end]):
                end += 1 + _hyphen_joins(doc, end)  # "Diaz-Moreno": one surname
            if end > i:
                run = doc[i:end]
                lead = self._leading_titles(run) if end - i > 1 else 0
                core = run[lead:]
                tagged = any(t.ent_type_ in _PERSON_LABELS for t in core)
                starts = sum(t.ent_iob_ == "B" for t in core if t.text != "-")
                words = sum(t.text != "-" for t in core)
                if starts > 1 or words > _MAX_NAME_TOKENS:
                    pass  # "Bernie Sanders Burns Hillary Clinton": a headline, not one name
                elif self._is_place(run):
                    pass  # "Prince George", "Port Hope": a title-led place, not a person
                elif (words >= 2 and (tagged or self._opens_name(core[0]))) or (
                    lead and len(core) >= 1
                ):
                    names.update({k: core for k in range(core.start, core.end)})
            i = max(end, i + 1)
        for ent in self.ents:
            if ent.label_ in _PERSON_LABELS and ent.start not in names:
                name = ent[self._leading_titles(ent) :]
                names.update({k: name for k in range(name.start, name.end) if k not in names})
        return names

    def _is_place(self, run: Span) -> bool:
        """Every word of the run belongs to a place the parser found: "Prince George"."""
        return all(t.ent_type_ in _PLACE_MODIFIER_LABELS | {"FAC"} for t in run)

    def _opens_name(self, token: Token) -> bool:
        if token.text in self.rules.gender_of_name:
            return True
        if token.i == 0:
            return False
        before = self._word(token.nbor(-1))
        return before in self.rules.titles or before in self.rules.honorifics

    def _people(self) -> dict[str, Span]:
        """Each surname of a person named in full, and that full name: a later
        "Lonechild" is Darian Lonechild, a person, not a body. Also a given name that only
        one person named in full bears, and no one as a surname: "Jayla Brisco ... Jayla
        told police" (a child, a witness, a contestant often goes by a given name)."""
        people: dict[str, Span] = {}
        given: dict[str, set[str]] = {}
        self.bearers: dict[str, list[Span]] = {}  # surname -> each full name, in text order
        for name in sorted({n.start: n for n in self.name_of.values()}.values()):
            if len(name) > 1 and name[-1].pos_ == "PROPN" and " " in (full := _words(name)):
                surname = _surname(full)
                for part in [surname, *surname.split("-")]:  # "Diaz-Moreno", "Diaz"
                    people.setdefault(part, name)
                    self.bearers.setdefault(part, []).append(name)
                given.setdefault(full.split()[0].lower(), set()).add(full.lower())
        for first, fulls in given.items():
            if len(fulls) == 1 and first not in people:
                people[first] = next(n for n in self.name_of.values() if _words(n).lower() in fulls)
                self.bearers[first] = [people[first]]
                self.given_names.add(first)
        return people

    def _text_genders(self) -> dict[str, str]:
        """Full name -> the gender of the first he/she-pronoun after a person's name in its
        sentence, with no other person between, when the name is the subject of a clause
        that governs the pronoun: "Lonechild has proven herself", "Ruiz said she would".
        Not "When Ruiz left, he ...": there the pronoun's clause governs the name's, and
        the pronoun is someone else. Keyed by full name, as relatives share a surname.
        What the text says wins over a first-name list."""
        genders = self.rules.pronoun_gender
        found: dict[str, str] = {}
        for sent in sentences(self.doc):
            person: tuple[str, Token] | None = None
            for token in sent:
                name = self.name_of.get(token.i)
                if name is not None and token.i == name.start:
                    verb = self._subject_of(name)
                    person = (self._full_name(name).lower(), verb) if verb is not None else None
                elif person and token.lower_ in genders and _tells_gender(token):
                    gender = genders[token.lower_]
                    if person[1] in token.ancestors and not self._named_otherwise(
                        person[0], gender, token
                    ):
                        found.setdefault(person[0], gender)
                    person = None
        return found

    def _named_otherwise(self, full: str, gender: str, pronoun: Token) -> bool:
        """Whether the given name says another gender than a pronoun that may be someone
        else's ("Her lawyer, Paul Greer, said she would plead not guilty"); a reflexive
        ("Paul Greer proved himself") is always the name's own."""
        if pronoun.morph.get("Reflex") == ["Yes"]:
            return False
        listed = self.rules.gender_of_name.get(full.split()[0].title()) if full else None
        return listed is not None and listed != gender

    def _subject_of(self, name: Span) -> Token | None:
        """The verb a name is the subject of, also through an apposition ("the mayor,
        Ann Kessler, said"), if it is one."""
        token = name.root
        while token.dep_ in {"appos", "compound"} and token.head is not token:
            token = token.head
        return token.head if token.dep_ in _SUBJECT_DEPS else None

    def _full_name(self, name: Span) -> str:
        """A name as :meth:`_person` spells it: no honorific, a lone surname in full."""
        words = [t for t in name if t.tag_ != "POS" and self._word(t) not in self.rules.honorifics]
        titled = self.doc[max(name.start - 1, 0) : name.end]  # with its "Mrs.", if any
        bearer = self._bearer(words[0].text.lower(), titled) if len(words) == 1 else None
        return _words(bearer if bearer is not None else words) or name.text

    # --- adding mentions ----------------------------------------------------------------

    def add(self, span: tuple[int, int]) -> str:
        """Register a mention and return the key of the source it names."""
        entry = self.describe(span)
        if entry.author_span is not None and entry.author_span not in self.authoring | {span}:
            self.authoring.add(span)  # "a review of the study by the report": no loop
            try:
                entry.author = self.add(entry.author_span)
            finally:
                self.authoring.discard(span)
            entry.key += f":{entry.author}"
        else:
            entry.author_span = None
        key = self._known_key(entry)
        if key == entry.key and key not in self.entries:
            stands_for = self._stands_for(entry, span)
            if stands_for is not None:
                key = self._add_silently(stands_for)
                self.stood_for[span] = key
                self._retype_as_body(key, entry)
        existing = self.entries.get(key)
        if existing is None:
            self.entries[key] = existing = entry
        else:
            self._absorb(existing, entry)
        if entry.type == "document":
            self.last_document[entry.key.split(":")[1]] = key
        if entry.key.startswith("person:"):
            self.last_names[_surname(entry.name)] = key
        existing.mentions.append(span)
        existing.names.append(self.text[span[0] : span[1]])
        return key

    def _add_silently(self, span: tuple[int, int]) -> str:
        """Register what a mention stands for, without counting it as a mention."""
        key = self.add(span)
        self.entries[key].mentions.pop()
        self.entries[key].names.pop()
        return key

    def _stands_for(self, entry: _Entry, span: tuple[int, int]) -> tuple[int, int] | None:
        """ "the mayor": the one person the article names as mayor; "the union": the
        latest named organisation before it."""
        if entry.bare_title is not None:
            holders = {
                n.text: n
                for n in self.holders.get(entry.bare_title, ())
                if entry.bare_owner <= self.holder_words.get(n.start, set())
            }
            if len(holders) == 1:
                (name,) = holders.values()
                return name.start_char, name.end_char
            latest = self._latest_holder(entry.bare_title, span[0])
            if latest is not None:  # two senators: "the senator" is the one just named
                return latest
        if entry.bare_body is not None:
            apposed = self._apposed_name(span)
            if apposed is not None:  # "the railway, Northline Freight,": the name it gives
                return apposed
            kind = self.rules.type_of_lemma.get(entry.bare_body, "organisation")
            subject = self._subject_body(span[0], kind)
            if subject is not None:  # "Hydro One sold its stake to Brookfield. The company said"
                return subject
            latest = self._latest_organisation(span[0], kind)
            if latest is None and entry.bare_body in self.rules.any_kind_bodies:
                latest = self._latest_organisation(span[0], "organisation")  # "TransLink"
            main = self._main_organisation(span[0]) if kind == "organisation" else None
            untagged = self._untagged_subject(span[0]) if kind == "organisation" else None
            return latest or main or untagged
        return None

    def _retype_as_body(self, key: str, entry: _Entry) -> None:
        """ "Unifor said ... The union said": a lone name typed a person only for want of
        a better guess is the body the body word calls it."""
        target = self.entries.get(key)
        if entry.bare_body is None or target is None or not self._untyped_name(target):
            return
        target.type = self.rules.type_of_lemma.get(entry.bare_body, "organisation")

    def _untyped_name(self, entry: _Entry) -> bool:
        """A one-word name typed a person for want of a better guess: no title, no role, no
        gender, and no surname of someone the article names in full."""
        name = entry.name
        return (
            entry.type == "person"
            and " " not in name
            and name[:1].isupper()
            and not entry.titles
            and entry.role is None
            and entry.gender is None
            and name.lower() not in self.people
            and name not in self.rules.gender_of_name
        )

    def _several_hold(self, title: str) -> bool:
        """Whether the text names more than one person (by surname) with this title."""
        return len({n[-1].text for n in self.holders.get(title, ())}) > 1

    def _latest_holder(self, title: str, before: int) -> tuple[int, int] | None:
        """Of several people named with this title, the one named last before ``before``,
        if no more than two sentences back: "Sen. Ostrander said ... The senator added"."""
        named = [n for n in self.holders.get(title, ()) if n.end_char <= before]
        if not named:
            return None
        name = max(named, key=lambda n: n.start_char)
        here = bisect_right(self.sentence_starts, before)
        if here - bisect_right(self.sentence_starts, name.start_char) > _BODY_SENTENCES:
            return None
        return name.start_char, name.end_char

    def _subject_body(self, before: int, kind: str) -> tuple[int, int] | None:
        """The named body of that kind that is the subject of a clause in the sentence
        before the body word, or earlier in its own: what that sentence was about."""
        here = bisect_right(self.sentence_starts, before)
        since = self.sentence_starts[max(0, here - 2)]
        found = None
        for ent in self.ents:
            if ent.label_ != "ORG" or ent.start_char < since or ent.end_char > before:
                continue
            if ent.root.dep_ not in _SUBJECT_DEPS:
                continue
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type == kind and not entry.bare_body and not _is_channel(self, entry):
                found = span
        return found

    def _untagged_subject(self, before: int) -> tuple[int, int] | None:
        """A proper name the parser tagged as no entity, subject of a verb in this sentence or
        the one before: "Halden Health will close three clinics, the company said"."""
        here = bisect_right(self.sentence_starts, before)
        since = self.sentence_starts[max(0, here - 2)]
        found = None
        for token in self.doc.char_span(since, before, alignment_mode="contract") or ():
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if token.pos_ != "PROPN" or token.ent_type_ or token.i in self.name_of:
                continue
            found = mention_span(token)
        return found

    def _apposed_name(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The proper name set beside a description in apposition, as characters."""
        tokens = self._mention_tokens(span)
        if tokens is None or not len(tokens):
            return None
        for child in _set_beside(tokens.root):
            if child.pos_ == "PROPN" and child.i > tokens.root.i:
                return mention_span(child)
        return None

    def _latest_organisation(self, before: int, kind: str) -> tuple[int, int] | None:
        """ "TransLink ... The agency said": the body of that kind (a council is no
        company) named in the last few sentences, never a platform."""
        here = bisect_right(self.sentence_starts, before)
        spoke = [
            (max(m for m in e.mentions if m[1] <= before), named[0])
            for e in self.entries.values()
            if (e.type == kind and e.named) or (kind != "person" and self._untyped_name(e))
            if any(m[1] <= before for m in e.mentions)
            for named in [[m for m in e.mentions if not self._pronoun(self.text[m[0] : m[1]])]]
            if named
        ]
        if spoke:  # a body that has spoken: "Cisco's Talos unit said ... the firm wrote"
            latest, named = max(spoke)
            if here - bisect_right(self.sentence_starts, latest[0]) <= _BODY_SPOKE_SENTENCES:
                return named
        for ent in reversed(self.ents):
            if ent.end_char > before or ent.label_ != "ORG":
                continue
            if here - bisect_right(self.sentence_starts, ent.start_char) > _BODY_SENTENCES:
                return None
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type == kind and not entry.bare_body and not _is_channel(self, entry):
                return span
        return None

    def _main_organisation(self, before: int) -> tuple[int, int] | None:
        """The organisation the article is about so far: the most often named one
        (the latest on a tie), never a platform."""
        counts: dict[str, tuple[int, int, tuple[int, int]]] = {}
        for ent in self.ents:
            if ent.label_ != "ORG" or ent.start_char >= before:
                continue
            span = (ent.start_char, ent.end_char)
            entry = self.describe(span)
            if entry.type != "organisation" or _is_channel(self, entry):
                continue
            n = counts.get(entry.key, (0, 0, span))[0]
            counts[entry.key] = (n + 1, ent.start_char, span)
        if not counts:
            return None
        return max(counts.values())[2]

    def key_of(self, span: tuple[int, int]) -> str:
        """The key a mention would get, without registering it."""
        return self._known_key(self.describe(span))

    def _known_key(self, entry: _Entry) -> str:
        key = self.last_names.get(entry.key.removeprefix("name:"), entry.key)
        if entry.key.startswith("person:"):
            key = self._same_person(entry)
        several = entry.bare_title is not None and self._several_hold(entry.bare_title)
        if entry.bare_title is not None and (entry.bare_owner or not several):
            key = self._title_holder(entry.bare_title, entry.bare_owner) or key
        if entry.type == "document" and entry.author_span is None:
            key = self.last_document.get(entry.key.split(":")[1], key)
        return self.merged.get(key, key)

    def _same_person(self, entry: _Entry) -> str:
        """The person already known by this surname, unless the first names differ
        ("Mary Nicholson" and "Trevor Nicholson" are two people)."""
        earlier = self.last_names.get(_surname(entry.name))
        known = self.entries.get(self.merged.get(earlier, earlier)) if earlier else None
        if known is None or _other_gender(entry, known):
            return entry.key  # "Mrs. Clinton" after Bill Clinton: his wife
        first, other = entry.name.split(), known.name.split()
        shorter, longer = sorted(([w.lower() for w in first], [w.lower() for w in other]), key=len)
        if longer[len(longer) - len(shorter) :] == shorter:  # "Van Doorn" of "Emeric Van Doorn"
            return self.merged.get(earlier, earlier)
        if len(first) == 1 or len(other) == 1 or first[0].lower() == other[0].lower():
            return self.merged.get(earlier, earlier)
        return entry.key

    def _absorb(self, existing: _Entry, entry: _Entry) -> None:
        if existing.role is None:
            existing.role = entry.role
        existing.titles |= entry.titles
        existing.gender = existing.gender or entry.gender
        existing.author = existing.author or entry.author
        existing.anonymous = existing.anonymous or (entry.anonymous and existing.type != "person")
        longer = len(entry.name) > len(existing.name) and entry.type == existing.type
        if longer and not entry.bare_title and not entry.bare_body:  # "the company": no name
            existing.name = entry.name

    def _title_holder(self, title: str, owner: frozenset[str] = frozenset()) -> str | None:
        """The one named person who holds this title in the article so far, if only one."""
        holders = {
            k
            for k, e in self.entries.items()
            if e.type == "person"
            and not e.bare_title
            and title in e.titles
            and owner <= set((e.role or "").lower().split())
        }
        return holders.pop() if len(holders) == 1 else None

    def learn_gender(self, key: str, gender: str | None) -> None:
        entry = self.entries.get(key)
        if entry is not None and gender and entry.gender is None and entry.type == "person":
            entry.gender = gender

    # --- describing one mention ---------------------------------------------------------

    def describe(self, span: tuple[int, int]) -> _Entry:
        """What a mention names: its key, name, type, role, gender and number."""
        tokens = self._mention_tokens(span)
        text = self.text[span[0] : span[1]]
        if tokens is None or not len(tokens):
            return _Entry(f"group:{text.lower()}", text, "person")
        org = self._known_organisation(span, tokens)
        if org is not None:
            key, name, kind = org
            return _Entry(f"org:{key}", name, kind, named=True)
        root = tokens.root
        person = self._known_person(span, tokens)
        if person is not None:
            return person
        if self._word(root) in self.rules.documents:
            return self._document(tokens, root)
        return self._describe_group(tokens, text)

    def _mention_tokens(self, span: tuple[int, int]) -> Span | None:
        """The tokens of a mention, kept per span: resolution describes the same
        candidate mentions again for every pronoun that looks back at them."""
        if span not in self._mentions:
            self._mentions[span] = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        return self._mentions[span]

    def _known_organisation(
        self, span: tuple[int, int], tokens: Span
    ) -> tuple[str, str, str] | None:
        """:meth:`_gazetteer` kept per span: it reads only the tokens and the rules, and
        tries every run of words in the mention."""
        if span not in self._organisations:
            self._organisations[span] = self._gazetteer(tokens)
        return self._organisations[span]

    def _known_person(self, span: tuple[int, int], tokens: Span) -> _Entry | None:
        """:meth:`_person` kept per span, handed out as a fresh copy (callers change the
        entry they get). It may be kept because it reads only the parse, the rules and
        what ``__init__`` fixed (``name_of``, ``people``, ``text_gender``), never what
        resolution adds (``entries``, ``last_names``, ``merged``)."""
        if span not in self._persons:
            self._persons[span] = self._person(tokens, tokens.root)
        held = self._persons[span]
        if held is None:
            return None
        return replace(
            held, mentions=list(held.mentions), names=list(held.names), titles=set(held.titles)
        )

    def _person(self, tokens: Span, root: Token) -> _Entry | None:
        """A named person: the name holds the mention's head, or stands beside it in
        apposition ("the governor, Ann Kessler"; "Hale's spokeswoman, Dana Ortiz")."""
        name = self.name_of.get(root.i)
        if name is not None:
            name = self._role_before_name(root, name)
        role_tokens = [t for t in tokens if name is None or t.i < name.start]
        if name is None:
            name = self._titled_name(tokens, root)
            if name is None:
                return None
            role_tokens = [t for t in tokens if t.i < name.start or t.i >= name.end]
        else:
            role_tokens += self._appositive_role(root)
        if any(c.dep_ == "conj" for c in name.root.children):
            return None  # "Tore Sohlberg and Lehla Abreder": a group of people
        if self._named_body(tokens, name) or self._appositive_kind(root) is not None:
            return None  # "the group Border Fairness", "Nordline, the rail operator,"
        if self._body_word(root):
            return None  # "the railway, Northline Freight,": the name is the railway's
        lead = self._leading_titles(name)
        role_tokens += list(name[:lead])
        words = [
            t for t in name[lead:] if t.tag_ != "POS" and self._word(t) not in self.rules.honorifics
        ]
        full = _words(words) or name.text
        new_relative = full.lower() in self.given_names and name.root.dep_ == "appos"
        bearer = self._bearer(full.lower(), tokens) if " " not in full else None
        if bearer is not None and not new_relative:
            full = _words(bearer)  # "Lonechild": Darian Lonechild
        role = self._role(role_tokens)
        entry = _Entry(f"person:{full.lower()}", full, "person", role)
        entry.titles = {self._word(t) for t in role_tokens if self._word(t) in self.rules.titles}
        entry.gender = self.text_gender.get(full.lower()) or self._gender(
            [*tokens, *role_tokens, *self._apposed_relation(name)], full.split()
        )
        return entry

    def _apposed_relation(self, name: Span) -> list[Token]:
        """The nouns a name is set beside ("Her nephew, Dale Pritchard", "Kim Sato, a
        widower"): a gendered word among them tells the named person's gender."""
        root = name.root
        beside = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            beside.append(root.head)
            beside += [c for c in root.head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        return beside

    def _named_body(self, tokens: Span, name: Span) -> bool:
        """ "the group Border Fairness", "the charity Safe Harbour": a kind of body right
        before the name says the name is the body's, whatever the parser took it for."""
        before = [t for t in tokens if t.i < name.start and not t.is_punct]
        if not before or before[-1].i != name.start - 1:
            return False
        return self._kind_before_name([before[-1], name[0]]) is not None

    def _leading_titles(self, name: Span) -> int:
        """How many of the name's first tokens are a title: "Mayor Dan Reilly"."""
        rules = self.rules
        titled = [
            k
            for k, t in enumerate(name[:-1])
            if self._word(t) in rules.titles or self._word(t) in rules.honorifics
        ]
        return titled[-1] + 1 if titled else 0  # "Police Chief Ray Dunn": after "Chief"

    def _titled_name(self, tokens: Span, root: Token) -> Span | None:
        """The name beside a title head: "the governor, Ann Kessler", "Director of
        Research Kevin Haley"; not the owner in "a spokeswoman for Trudeau"."""
        appos = next((c for c in root.children if c.dep_ == "appos"), None)
        if appos is not None and appos.left_edge.i <= tokens.end + 1:  # "..., Ann Kessler"
            if appos.i in self.name_of:
                return self.name_of[appos.i]
            if appos.pos_ == "PROPN" and appos.text in self.rules.gender_of_name:
                return self.doc[appos.i : appos.i + 1]  # "Wise's dad, Darrin"
        named = self._name_after_modifier(tokens, root)
        if named is not None:
            return named
        if self._word(root) not in self.rules.titles:
            return self._name_after_role(tokens, root)
        for t in tokens:
            name = self.name_of.get(t.i)
            if name is not None and name.root.dep_ in {"appos", "npadvmod", "nmod", "dep"}:
                return name
        return self._name_after_role(tokens, root)

    def _name_after_role(self, tokens: Span, root: Token) -> Span | None:
        """ "Chief economist at Northgate Bank, Priya Nair, said", "Director, research at
        the firm Halden, Kevin Marsh, said": a full name closing the subject's phrase,
        which the parser set beside the last noun of the role's own phrase (a body, a
        thing, never a person), is the role's holder."""
        if root.pos_ not in {"NOUN", "PROPN"} or root.dep_ not in _SUBJECT_DEPS:
            return None
        if root.i in self.name_of:
            return None
        last = root.right_edge
        while last.is_punct and last.i > root.i:
            last = last.nbor(-1)
        name = self.name_of.get(last.i)
        if name is None or len(name) < 2 or name.root.dep_ != "appos":
            return None
        beside = name.root.head
        if beside == root or beside.i in self.name_of or self.person_word(beside):
            return None
        return name if root in beside.ancestors else None

    def _role_before_name(self, root: Token, name: Span) -> Span:
        """ "Keeper of the provincial archive, Omar Ahmad,": a one-word "name" heading a
        phrase of its own, with a full name in apposition, is an office; the full name
        is the person's."""
        if len(name) != 1 or not any(c.dep_ == "prep" for c in root.children):
            return name
        for child in root.children:
            apposed = self.name_of.get(child.i)
            if child.dep_ == "appos" and apposed is not None and len(apposed) > 1:
                return apposed
        return name

    def _name_after_modifier(self, tokens: Span, root: Token) -> Span | None:
        """ "A lawyer representing the family, Tom Vance, said", "One pastor backing him,
        Ann Hale of First Church, said": a name set off by commas after the head's own
        participle or prepositional phrase, right before the verb, names the head (the
        parser may hang it on the phrase's last noun instead)."""
        verb = root.head
        if root.dep_ not in {"nsubj", "nsubjpass"} or verb.i < 2 or root.i >= verb.i:
            return None
        if self.doc[verb.i - 1].text != "," or root.pos_ not in {"NOUN", "PRON"}:
            return None
        phrases = [c for c in root.rights if c.dep_ in {"acl", "prep"} and c.i < verb.i]
        inside = {root.i} | {t.i for c in phrases for t in subtree(c)}
        for k in range(tokens.end, verb.i - 1):
            name = self.name_of.get(k) or self._proper_run(k)
            if name is None or k != name.start or self.doc[k - 1].text != ",":
                continue
            apposed = name.root.dep_ == "appos" and name.root.head.i in inside
            if apposed and name.root.right_edge.i == verb.i - 2:
                return name
        return None

    def _proper_run(self, start: int) -> Span | None:
        """Two to four capitalised proper nouns from ``start``: a name the parser did not
        tag as one ("Darran Whiting")."""
        end = start
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN" and _capitalised(self.doc[end]):
            end += 1
        run = self.doc[start:end]
        return run if 2 <= len(run) <= _MAX_NAME_TOKENS and run.root.i == end - 1 else None

    def _appositive_role(self, root: Token) -> list[Token]:
        """ "Ann Kessler, the governor, said": the role in apposition after the name."""
        for child in root.children:
            is_role = (
                child.ent_type_ not in _PERSON_LABELS and self._word(child) in self.rules.titles
            )
            if child.dep_ == "appos" and is_role:
                return list(subtree(child))
        return []

    def _role(self, tokens: list[Token]) -> str | None:
        """The role words: no determiner, no honorific; a possessor, or a named body or person
        before the title, becomes "for X" ("Hale's spokeswoman" -> "spokeswoman for Hale");
        an office's own words stay as written ("Majority Leader", "Board president")."""
        owners = [
            t
            for t in tokens
            if t.pos_ == "PROPN"
            and (
                t.dep_ == "poss"
                or (
                    t.dep_ == "compound"
                    and t.ent_type_  # "Pentagon spokesman", not "Majority Leader"
                    and self._word(t.head) in self.rules.titles
                )
            )
        ]
        owner_tokens = {o.i for t in owners for o in subtree(t)}
        kept = [
            t
            for t in tokens
            if t.pos_ not in {"DET", "PUNCT"}
            and self._word(t) not in self.rules.honorifics
            and t.i not in owner_tokens
            and t.tag_ != "POS"
        ]
        role = _words(kept) or None
        if role and owners:
            owned = [[o for o in subtree(t) if o.tag_ != "POS"] for t in owners]
            role += " for " + " and ".join(_words(o) for o in owned)
        return role

    def _gender(self, tokens: list[Token], name: list[str]) -> str | None:
        """From a gendered word in the mention ("Ms.", "spokeswoman"), else the first name."""
        for t in tokens:
            gender = self.rules.gender_of_lemma.get(self._word(t))
            if gender:
                return gender
        if len(name) == 1 and name[0].lower() in self.people:
            return None  # "Hale": the surname of someone named in full, not a given name
        return self.rules.gender_of_name.get(name[0]) if name else None

    def _document(self, tokens: Span, root: Token) -> _Entry:
        """A report, letter or statement: a document, whose named author is the source."""
        author = self._author(root)
        earlier = author is None and tokens[0].lower_ == "the"
        if earlier:
            author = self._earlier_author(root)  # "A study by the institute ... the report"
        filed = author is None and tokens[0].lower_ in {"the", "a", "an"}
        if filed:
            author = self._filer(root)  # "According to the complaint ... Prosecutors say"
        name = _words([t for t in tokens if t.pos_ != "DET"]) or tokens.text
        entry = _Entry(f"doc:{self._word(root)}", name, "document")
        entry.author_span = mention_span(author) if author is not None else None
        entry.author_earlier = (earlier or filed) and author is not None
        return entry

    def _earlier_author(self, root: Token) -> Token | None:
        """The author of the nearest document named in the last few sentences, if it
        names one: "the report" is the study just named, whatever word it goes by; or
        of one named anywhere before by the same word ("released a report ... [many
        paragraphs] ... the report also found")."""
        here = bisect_right(self.sentence_starts, root.idx)
        for k in range(root.i - 1, -1, -1):
            token = self.doc[k]
            back = here - bisect_right(self.sentence_starts, token.idx)
            same = self._word(token) == self._word(root)  # "released a report ... the report"
            if back > _DOCUMENT_SENTENCES and not same:
                continue
            if token.pos_ == "NOUN" and self._word(token) in self.rules.documents:
                author = self._author(token) or self._written_by(token)
                if author is not None or not self._same_document(token, root):
                    return author
        return None

    def _same_document(self, earlier: Token, root: Token) -> bool:
        """ "... the post read. According to the post, ...": a definite mention by the same
        word, which says no more of its author than this one: look further back."""
        definite = earlier.i > 0 and self.doc[earlier.i - 1].lower_ == "the"
        return self._word(earlier) == self._word(root) and definite

    def _filer(self, root: Token) -> Token | None:
        """Who files such a document, named anywhere in the article ("the complaint":
        the prosecutors), the nearest before it first; None if the text names no one."""
        filers = self.rules.filers.get(self._word(root))
        if not filers:
            return None
        found = [t for t in self.doc if t.pos_ in {"NOUN", "PROPN"} and self._word(t) in filers]
        before = [t for t in found if t.i < root.i]
        if before:
            return self._named_holder(before[-1])
        return self._named_holder(found[0]) if found else None

    def _named_holder(self, token: Token) -> Token:
        """The person a role word names, if the text names them with it: "Justice Paul
        Raines", "Ana Roy, the plaintiff", "Ana Roy is the lead plaintiff"; else the word."""
        name = self.name_of.get(token.i + 1)
        if name is not None and name.start == token.i + 1:
            return name.root
        if token.dep_ == "appos" and token.head.i in self.name_of:
            return token.head
        apposed = next((c for c in token.children if c.dep_ == "appos"), None)
        if apposed is not None and apposed.i in self.name_of:
            return apposed
        if token.dep_ == "attr":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in self.name_of:
                return subject
        return token

    def _author(self, root: Token) -> Token | None:
        """ "the union's statement", "a report by the institute", "the TransLink memo",
        "a release sent from the union"."""
        for verb in self._issuing_participles(root):
            for child in verb.children:
                if child.dep_ in {"prep", "agent"} and self._word(child) in self.rules.authorship:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and self._could_write(pobj):
                        return pobj
        for child in root.children:
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                return self._issuer(root) or child  # "Al Roy wrote in the firm's blog post"
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child
            if child.dep_ == "prep" and self._word(child) in self.rules.authorship:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and self._could_write(pobj):
                    return pobj
            if child.dep_ == "compound" and self._is_platform(child):
                continue  # "a Facebook post": where it was posted, not who wrote it
            if child.dep_ == "compound" and child.ent_type_ in {"ORG", "PERSON"}:
                return child
            if child.dep_ == "compound" and self._compound_author(child):
                return child  # "the TransLink memo", "the police report", "a union letter"
        return self._issuer(root)

    def _issuing_participles(self, root: Token) -> list[Token]:
        """The document's participles: its own ("a report *issued* by ..."), and an issuing
        one the parser hung on the noun of the document's topic phrase ("a report about
        jobs *issued* by the agency"); not "a report about firms *owned* by ..."."""
        own = [c for c in root.children if c.dep_ == "acl"]
        hung, nouns = [], [root]
        for _ in range(3):  # "a report about the integration of immigrants issued by ..."
            nouns = [
                g
                for n in nouns
                for c in n.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            hung += [
                v
                for n in nouns
                for v in n.children
                if v.dep_ == "acl" and self._word(v) in self.rules.authorship
            ]
        return own + hung

    def _is_platform(self, token: Token) -> bool:
        words = self.rules.channel_words
        return token.text in words or token.lower_ in words

    def _written_by(self, document: Token) -> Token | None:
        """ "Omar Said, the lead author of the study": the person an author noun describes,
        as the author of the document it is the author of."""
        if document.dep_ == "poss":
            noun = document.head  # "the study's lead author"
        elif document.dep_ == "pobj" and document.head.lower_ == "of":
            noun = document.head.head  # "the lead author of the study"
        else:
            return None
        if self._word(noun) not in self.rules.authorship:
            return None
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head  # "Omar Said, the lead author of the study,"
        apposed = next((c for c in noun.children if c.dep_ == "appos"), None)
        if apposed is not None and apposed.pos_ == "PROPN":
            return apposed  # "the study's lead author, Omar Said"
        if noun.dep_ == "attr":  # "Omar Said is the lead author of the study"
            return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return None

    def _compound_author(self, token: Token) -> bool:
        """A word before a document's head that names who wrote it: a name the parser left
        untagged ("the StatCan report"), or a noun for a body or for people ("the police
        report"); not a date, a place or a topic ("the March report", "the budget memo")."""
        if token.pos_ == "PROPN":
            return not token.ent_type_ and _capitalised(token)
        return token.pos_ == "NOUN" and (self._body_word(token) or self.person_word(token))

    def _could_write(self, token: Token) -> bool:
        """Who may be a document's author: a name, or a noun for people or a body ("a study
        by researchers at the university", "filed by the county prosecutor"), not "by the
        lake" or "by the end of May"."""
        if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            return True
        return token.pos_ == "NOUN" and (self.person_word(token) or self._body_word(token))

    def _issuer(self, root: Token) -> Token | None:
        """ "Greenfield Energy released a report", "Dora Finch wrote in a report": the
        named subject of the verb that issued the document, or wrote in it."""
        verb = root.head
        if root.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "wrote in a report": the verb the document is set on
        elif root.dep_ != "dobj":
            return None
        if verb.pos_ != "VERB" or self._word(verb) not in self.rules.authorship:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.pos_ == "PROPN" or subject.ent_type_):
            return None
        return subject

    def _word(self, token: Token) -> str:
        """The token's lemma, a title's short form spelled out ("Sen." -> senator)."""
        word = token.lemma_.lower().rstrip(".")
        return self.rules.title_short_forms.get(word, word)

    def person_word(self, token: Token) -> bool:
        """A noun for a person: a title, a member, an unnamed-source word, a relation."""
        rules, word = self.rules, self._word(token)
        return (
            word in rules.titles
            or word in rules.affiliations
            or word in rules.anonymous
            or word in rules.gender_of_lemma
        )

    def _gazetteer(self, tokens: Span) -> tuple[str, str, str] | None:
        """A known organisation the mention names, as a run of words holding its head:
        "the Ukrainian State Emergency Services" is one; "the U.N. refugee agency" is not
        the U.N. A member noun speaks for its body: "a spokesperson for the ministry"."""
        words = [t.text for t in tokens]
        for head in self._heads(tokens):
            for start in range(head + 1):
                for end in range(len(words), head, -1):
                    org = self.rules.organisation(" ".join(words[start:end]))
                    if org is not None:
                        return org
        return None

    def _heads(self, tokens: Span) -> list[int]:
        """The mention's head, and the body a member noun belongs to, as offsets in it."""
        root = tokens.root
        heads = [root.i - tokens.start]
        if root.lemma_.lower() in self.rules.affiliations:
            bodies = (g for c in root.children if c.dep_ == "prep" for g in c.children)
            heads += [b.i - tokens.start for b in bodies if tokens.start <= b.i < tokens.end]
        return heads

    def _describe_group(self, tokens: Span, text: str) -> _Entry:
        rules = self.rules
        content = [t for t in tokens if not (t.is_punct or t.pos_ in {"DET", "PRON"})]
        body = self._kind_before_name(content)
        content = content[1:] if body else content  # "the group Border Fairness": the name
        core = [t for t in content if t.lemma_.lower() not in rules.affiliations] or content
        lemmas = [t.lemma_.lower() for t in core] or [text.lower()]
        name = _words(self.doc[content[0].i : content[-1].i + 1]) if content else text
        head = tokens.root
        plural = head.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)
        is_named = any(
            t.pos_ == "PROPN" and not _place_modifier(t) for t in core if t.i <= head.i
        )  # not "aide to Hale", not "the Cambridge resident"
        if len(core) == 1 and is_named and core[0].text.lower() in self.last_names:
            return _Entry(f"name:{core[0].text.lower()}", name, "person")
        if is_named and self._ends_a_known_name(core):  # "Van Doorn" of "Emeric Van Doorn"
            return _Entry(f"name:{core[-1].text.lower()}", name, "person")
        surname = self.doc[core[0].i : core[-1].i + 1].text.lower() if core else ""
        bearer = self._bearer(surname, tokens) if all(_capitalised(t) for t in core) else None
        if bearer is not None:
            full = _words(bearer)  # "Lonechild", "Diaz-Moreno"
            entry = _Entry(f"person:{full.lower()}", full, "person")
            entry.gender = self.text_gender.get(full.lower()) or self._gender([], full.split())
            return entry
        if self._word(head) in rules.anonymous:  # "a nurse at one of the clinics": a nurse
            lemmas = [t.lemma_.lower() for t in core if t.i <= head.i] or lemmas
        kind = body or next(
            (rules.type_of_lemma[x] for x in reversed(lemmas) if x in rules.type_of_lemma), None
        )
        if kind == "person" and all(t.pos_ == "PROPN" for t in core):
            kind = None  # "The Star" is a name, not a star: a person word only as a noun
        if kind is not None and self._holds_office(head):
            kind = None  # "the board president" is a person; "police officials" their body
        anonymous = not is_named and head.lemma_.lower() in rules.anonymous and kind is None
        if anonymous:
            kind = "anonymous"
        elif kind is None:
            kind = self._default_type(tokens, head, is_named)
        if kind == "person" and self._looks_like_a_name(core):
            full = _words(core)  # "Patrice Lindsay": a name the parser did not tag
            entry = _Entry(f"person:{full.lower()}", full, "person")
            entry.gender = self.text_gender.get(full.lower()) or self._gender([], full.split())
            return entry
        members = self._apposed_names(head) if plural else None
        if members is not None and kind in {"person", "anonymous"}:  # "His lawyers, Al Roy"
            entry = _Entry(f"group:{members.lower()}", members, "person", role=_words(core))
            entry.plural = True
            return entry
        entry = _Entry("group:" + " ".join(lemmas), name, kind, anonymous=anonymous)
        entry.plural = plural
        word = self._word(head)
        owner = self._title_owner(tokens, core) if is_named else None
        bare = not is_named and self._bare(core)
        if kind == "person" and word in rules.titles and (bare or owner):
            entry.bare_title = word  # "the mayor": the mayor named elsewhere, if only one
            entry.bare_owner = owner or frozenset()  # "the ABL commissioner": that body's
            entry.titles = {word}
        if kind == "person" and word in rules.titles:
            entry.role = self._role(list(tokens))
        definite = tokens[0].lower_ == "the"
        entry.named = is_named
        bare = definite and not any(t.ent_type_ for t in core)  # not "the Canadian government"
        bare = bare and not any(c.dep_ == "poss" for c in head.children)  # "the pilots' union"
        if not is_named and bare and rules.type_of_lemma.get(word) in _BODY_TYPES:
            entry.bare_body = word
        if kind == "person" and not plural:
            entry.gender = self._gender(list(tokens), [])
            if len(core) == 1 and is_named and not any(t.dep_ == "det" for t in core[0].children):
                entry.gender = entry.gender or self.rules.gender_of_name.get(core[0].text)
        return entry

    def _apposed_names(self, head: Token) -> str | None:
        """ "His lawyers, Carl Boyd and Rita Jonas, said": the people named beside a plural
        description, who are the group ("Carl Boyd and Rita Jonas")."""
        appos = next((c for c in head.children if c.dep_ == "appos"), None)
        if appos is None or appos.i not in self.name_of:
            return None
        conjs = [c for c in appos.children if c.dep_ == "conj"]
        if not conjs or any(c.i not in self.name_of for c in conjs):
            return None
        first, last = self.name_of[appos.i], self.name_of[conjs[-1].i]
        return self.doc[first.start : last.end].text

    def _holds_office(self, head: Token) -> bool:
        """A title that is no member noun heads the mention: a person holds that office."""
        word = self._word(head)
        return word in self.rules.titles and word not in self.rules.affiliations

    def _title_owner(self, tokens: Span, core: list[Token]) -> frozenset[str] | None:
        """ "the ABL commissioner", "the Kremlin spokesman": a definite title after the
        proper names of the body it belongs to (no person's name), as those names' words."""
        if tokens[0].lower_ != "the" or len(core) < 2 or core[-1].pos_ != "NOUN":
            return None
        owner = core[:-1]
        if any(t.pos_ != "PROPN" or t.i in self.name_of for t in owner):
            return None
        return frozenset(t.lower_ for t in owner)

    def _bare(self, core: list[Token]) -> bool:
        """ "the mayor", "the board president": a title, at most after a kind of body."""
        kinds = self.rules.type_of_lemma
        return len(core) == 1 or (len(core) == 2 and self._word(core[0]) in kinds)

    def _kind_before_name(self, content: list[Token]) -> str | None:
        """The type a kind of body gives the name right after it ("the union Unifor")."""
        if len(content) < 2 or content[0].pos_ != "NOUN" or content[1].pos_ != "PROPN":
            return None
        word = self._word(content[0])
        kind = self.rules.type_of_lemma.get(word)
        return None if word in self.rules.titles or kind == "person" else kind  # "actor Al Roy"

    def _bearer(self, surname: str, tokens: Span) -> Span | None:
        """The person named in full whom a lone surname names: the first one the text
        names, unless an honorific says another gender ("Mrs. Clinton" is not Bill Clinton,
        "Mr. Trump" not Ivana Trump): then the first who does not disagree, or no one."""
        bearers = self.bearers.get(surname, []) if surname in self.people else []
        said = self._gender(list(tokens), [])
        if said is None:
            return bearers[0] if bearers else None
        for name in bearers:
            full = _words(name)
            known = self.text_gender.get(full.lower()) or self._gender([], full.split())
            if known is None or known == said:
                return name
        return None

    def _ends_a_known_name(self, core: list[Token]) -> bool:
        """The words are the last words of a person's name given before."""
        key = self.last_names.get(core[-1].text.lower())
        known = self.entries.get(self.merged.get(key, key)) if key else None
        if known is None or len(core) >= len(known.name.split()):
            return False
        words = [t.text.lower() for t in core]
        return [w.lower() for w in known.name.split()][-len(words) :] == words

    def _looks_like_a_name(self, core: list[Token]) -> bool:
        """Two to four capitalised proper nouns and nothing else: a person's name."""
        return 2 <= len(core) <= _MAX_NAME_TOKENS and all(
            t.pos_ == "PROPN" and _capitalised(t) and t.ent_type_ not in _GROUP_LABELS for t in core
        )

    def _default_type(self, tokens: Span, head: Token, is_named: bool) -> str:
        """A title or a person's relation ("Campbell's partner") is a person; a name
        the parser knows as a place is its government; another name is a body."""
        described = self._appositive_kind(head)
        if described is not None:
            return described  # "Nordline, the regional rail operator,"
        if head.lemma_.lower() in self.rules.titles or head.i in self.name_of:
            return "person"
        if head.ent_type_ in _PLACE_LABELS:
            return "government"
        if any(c.dep_ == "poss" and c.i in self.name_of for c in head.children):
            return "person"
        articled = any(t.dep_ == "det" and t.head == head for t in tokens)
        if head.pos_ == "PROPN" and self.rules.gender_of_name.get(head.text) and not articled:
            return "person"  # "Star said"; but "The Star" is a name with an article
        if head.pos_ == "PROPN" and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and self.person_word(c) for c in head.children
        ):
            return "person"  # "Yuni, a resident of Lampung"
        if self._entity_in([t for t in tokens if not _place_modifier(t)], _GROUP_LABELS):
            return "organisation"
        if head.pos_ == "PROPN" and len(tokens) == 1 and not head.ent_type_:
            return "person"  # "Laurin said": a lone surname the parser could not place
        return "organisation" if is_named else "person"

    def _body_word(self, token: Token) -> bool:
        """Whether a common noun names a kind of body ("railway", "agency"), not a person."""
        word = self._word(token)
        kind = self.rules.type_of_lemma.get(word)
        return (
            token.pos_ == "NOUN"
            and word not in self.rules.titles
            and kind
            not in {
                None,
                "person",
                "anonymous",
            }
        )

    def _appositive_kind(self, head: Token) -> str | None:
        """The kind of body an apposition says a name is ("Nordline, the rail operator",
        "the railway, Northline Freight")."""
        apposed = [c for c in head.children if c.dep_ == "appos"]
        apposed += [t for t in _set_beside(head) if t.i < head.i]  # "the railway, Northline"
        for child in apposed:
            if child.pos_ == "NOUN" and child.i not in self.name_of:  # not "Trevor Banks"
                word = self._word(child)
                if word not in self.rules.titles:
                    return self.rules.type_of_lemma.get(word)
        return None

    def _entity_in(self, tokens: Span | list[Token], labels: frozenset[str]) -> bool:
        return any(t.ent_type_ in labels for t in tokens)

    # --- output -------------------------------------------------------------------------

    def merge_titles(self) -> None:
        """ "The mayor said ..." before "Mayor Doug McCallum": once every mention is in,
        a bare role goes to the one named person who holds it."""
        for key, entry in list(self.entries.items()):
            if entry.bare_title is None or key in self.merged:
                continue
            holder = self._title_holder(entry.bare_title, entry.bare_owner)
            if holder is None or holder == key:
                continue
            target = self.entries[holder]
            target.mentions += entry.mentions
            target.names += entry.names
            self.merged[key] = holder
            del self.entries[key]

    def final_key(self, key: str | None) -> str | None:
        seen = set()
        while key in self.merged and key not in seen:
            seen.add(key)
            key = self.merged[key]
        return key

    def sources(self) -> tuple[list[Source], dict[str, str]]:
        """Source models with unique slug ids, and the id of each registry key."""
        ids: dict[str, str] = {}
        result: list[Source] = []
        for key, entry in self.entries.items():
            base = slug(entry.name)
            source_id, n = base, 2
            while source_id in ids.values():
                source_id, n = f"{base}-{n}", n + 1
            ids[key] = source_id
            mentions = sorted(set(entry.mentions))
            aliases = sorted({n for n in entry.names if n != entry.name and not self._pronoun(n)})
            result.append(
                Source(
                    id=source_id,
                    name=entry.name,
                    aliases=aliases,
                    type=entry.type,
                    role=entry.role,
                    anonymous=entry.anonymous,
                    mentions=[TextSpan(start=s, end=e, text=self.text[s:e]) for s, e in mentions],
                )
            )
        return result, ids

    def _pronoun(self, text: str) -> bool:
        return text.lower() in self.rules.pronouns


def _capitalised(token: Token) -> bool:
    """A capital, then some small letters: "Laurin", "McAllister", "Ha'nuuk"; not "OTTAWA"."""
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text)


def _hyphen_joins(doc: Doc, i: int) -> int:
    """2 when a bare hyphen joins the proper noun at ``i`` to the next one ("Diaz-Moreno"),
    else 0."""
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_:
        return 0
    after = doc[i + 2]
    joined = not doc[i + 1].whitespace_ and after.pos_ == "PROPN" and _capitalised(after)
    return 2 if joined else 0


def _place_modifier(token: Token) -> bool:
    """A place that only says where someone is from: "the Cambridge resident"."""
    return token.ent_type_ in _PLACE_MODIFIER_LABELS and token.dep_ in {"compound", "amod", "nmod"}


def _words(tokens) -> str:
    """The tokens' text with their own spacing: "Russia's defence ministry"; a space where
    a token between them was left out ("the island's council chair" -> "island council
    chair", not "islandcouncil chair")."""
    tokens = list(tokens)
    parts = []
    for k, token in enumerate(tokens):
        follows = k + 1 < len(tokens) and tokens[k + 1].i == token.i + 1
        parts.append(token.text_with_ws if follows or token.whitespace_ else token.text + " ")
    return "".join(parts).strip()


def _other_gender(entry: _Entry, known: _Entry) -> bool:
    """Whether two mentions of one surname say different genders ("Mr." and "Mrs.")."""
    return entry.gender is not None and known.gender is not None and entry.gender != known.gender


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else name.lower()


def resolve_sources(
    doc: Doc, links: list[Link], article: Article, quotes: list[Quote], rules: CompiledRules
) -> Resolved:
    """Canonical sources for every link, plus the publisher (or the article itself)."""
    registry = _Registry(doc, rules)
    publisher_key = _publisher(registry, article)
    agency_key = _agency(registry, article, publisher_key)
    context = _Context(doc, registry, quotes, links)
    resolved_links = list(links)
    keys: list[str | None] = [None] * len(links)
    for index in range(len(links)):
        keys[index], resolved_links[index] = _resolve_link(context, resolved_links, keys, index)
        if keys[index] is not None:
            keys[index], resolved_links[index] = _through_document(
                registry, keys[index], resolved_links[index]
            )
            keys[index], resolved_links[index] = _issued_by_last_body(
                context, resolved_links, keys, index
            )
            _mark_anonymous(context, keys[index], resolved_links[index])
    registry.merge_titles()
    sources, ids = registry.sources()
    return Resolved(
        sources=sources,
        links=resolved_links,
        source_ids=[ids[registry.final_key(k)] if k else None for k in keys],
        publisher_id=ids[publisher_key],
        agency_id=ids[agency_key] if agency_key else None,
    )


def _publisher(registry: _Registry, article: Article) -> str:
    if not article.publisher:
        key = f"article:{ARTICLE_SOURCE}"
        registry.entries[key] = _Entry(key, "the article", "article")  # never the headline
        return key
    return _outlet(registry, article, article.publisher, "news_outlet")


def _agency(registry: _Registry, article: Article, publisher_key: str) -> str | None:
    """The agency a given publisher carries the story from, unless it is the publisher."""
    if not article.agency or not article.publisher:
        return None
    org = registry.rules.organisation(article.agency)
    key = f"org:{org[0]}" if org else f"group:{article.agency.lower()}"
    if key == publisher_key:
        return None
    return _outlet(registry, article, article.agency, "news_agency")


def _outlet(registry: _Registry, article: Article, name: str, default_type: str) -> str:
    """The registry key of a news organisation the article names, with its dateline mention."""
    text = registry.text
    span = None
    if article.dateline is not None:
        found = text.find(name, article.dateline.start, article.dateline.end)
        if found >= 0:
            span = (found, found + len(name))
    org = registry.rules.organisation(name)
    key = f"org:{org[0]}" if org else f"group:{name.lower()}"
    entry = registry.entries.get(key) or _Entry(
        key, org[1] if org else name, org[2] if org else default_type
    )
    registry.entries[key] = entry
    if span is not None:
        entry.mentions.append(span)
        entry.names.append(text[span[0] : span[1]])
    return key


def _through_document(registry: _Registry, key: str, link: Link) -> tuple[str, Link]:
    """A document with a named author: the author speaks, the document is the channel."""
    entry = registry.entries.get(key)
    if entry is None or entry.type != "document" or entry.author is None or link.source is None:
        return key, link
    if link.channel is None:
        link = replace(link, channel=link.source, channel_name=entry.name)
    if entry.author_earlier and not link.inferred:
        author = registry.entries.get(registry.final_key(entry.author) or entry.author)
        by = author.name if author is not None else "its author"
        reason = f"'{entry.name}' is taken to be by {by}, named before it or as its filer"
        link = replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)
    return entry.author, link


def _issued_by_last_body(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    """ "The charity said two staff were hurt. A statement said ...": a document with no
    author, in or right after the sentence where a body spoke last, is that body's."""
    registry = context.registry
    key, link = keys[index], links[index]
    entry = registry.entries.get(key) if key else None
    if entry is None or entry.type != "document" or entry.author or link.source is None:
        return key, link
    tokens = context.tokens(link.source)
    if tokens is None or any(t.pos_ not in {"DET", "ADJ", "NOUN"} for t in tokens):
        return key, link  # "a statement from the union" names its own author
    here = context.sentence_at(link.source[0])
    made_in = _made_in(context, links, keys, index, tokens)
    if made_in is not None:  # "Dhillon said in a statement ... the statement said"
        speaker = registry.entries[made_in]
        reason = f"'{entry.name}' is taken to be the one {speaker.name} spoke in just before"
        return made_in, _through_the_document(link, entry.name, reason)
    for prev in range(index - 1, -1, -1):
        source = links[prev].source
        if keys[prev] is None or source is None or source[0] >= link.source[0]:
            continue
        if here - context.sentence_at(source[0]) > _ISSUER_SENTENCES:
            break
        body = registry.final_key(keys[prev])
        speaker = registry.entries.get(body) if body else None
        if body is None or speaker is None or speaker.type in _NOT_ISSUERS:
            break
        reason = f"'{entry.name}' is taken to be by {speaker.name}, who spoke just before it"
        return body, _through_the_document(link, entry.name, reason)
    return key, link


def _through_the_document(link: Link, document: str, reason: str) -> Link:
    """The link with the document as its channel, inferred for ``reason``."""
    return replace(
        link,
        channel=link.channel or link.source,
        channel_name=link.channel_name or document,
        inferred=True,
        reason=reason,
        confidence=CONFIDENCE_PRONOUN,
    )


def _made_in(
    context: _Context, links: list[Link], keys: list[str | None], index: int, mention: Span
) -> str | None:
    """ "Dhillon said in a statement that ... The ministry would act, the statement said":
    a definite mention of the document an earlier link was made in, no more than a sentence
    before, is that document, whoever its speaker is."""
    if mention[0].lower_ != "the":
        return None
    text, here = context.registry.text, context.sentence_at(links[index].source[0])
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        link, key = links[prev], context.registry.final_key(keys[prev])
        if link.source is None or here - context.sentence_at(link.source[0]) > _ISSUER_SENTENCES:
            continue
        said_in = text[link.channel[0] : link.channel[1]].lower().split() if link.channel else []
        if key in context.registry.entries and mention.root.lower_ in said_in:
            return key
    return None


def _mark_anonymous(context: _Context, key: str, link: Link) -> None:
    """ "an engineer, asking for anonymity, said": a phrase by the source makes it anonymous."""
    entry = context.registry.entries.get(key)
    if entry is None or link.source is None or entry.anonymous:
        return
    tokens = context.tokens(link.source)
    if tokens is None or tokens.root.pos_ in {"PROPN", "PRON"} or tokens.root.ent_type_:
        return  # a named source, or a pronoun for one, is not anonymous ("an aide to Hale" is)
    if context.near_anonymity(link):
        entry.anonymous = True
        if entry.type == "person":
            entry.type = "anonymous"


# --- pronouns and continued quotes -------------------------------------------------------


class _Context:
    """What resolution reads besides the registry: candidates, sentences, quotes."""

    def __init__(self, doc: Doc, registry: _Registry, quotes: list[Quote], links: list[Link]):
        self.doc = doc
        self.registry = registry
        self.rules = registry.rules
        self.links = links
        self.quote_starts = [q.start for q in quotes]
        self.quote_ends = [q.end for q in quotes]
        self.sentence_of = [0] * len(doc)
        self.sentence_starts: list[int] = []
        for sent in sentences(doc):
            if not self.sentence_starts or any(t.is_alpha for t in sent):
                self.sentence_starts.append(sent.start_char)  # a lone " ." joins the last one
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = len(self.sentence_starts) - 1
        self.telling = {self.sentence_at(link.cue[0]) for link in links if link.cue}
        self.candidates = self._candidates()
        self.candidate_starts = [c.start for c in self.candidates]
        self.speaker_at: dict[int, int] = {}
        self.pronoun_keys: dict[int, str | None] = {}  # narrative pronoun -> what it is

    def tokens(self, span: tuple[int, int]) -> Span | None:
        return self.doc.char_span(span[0], span[1], alignment_mode="expand")

    def in_quote(self, offset: int) -> bool:
        k = bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and offset < self.quote_ends[k]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def subordinate(self, span: tuple[int, int]) -> bool:
        """Whether a speaker mention sits in an adverbial clause of its sentence."""
        tokens = self.tokens(span)
        return tokens is not None and len(tokens) > 0 and _in_adverbial_clause(tokens.root)

    def _candidates(self) -> list[_Candidate]:
        """Mentions outside quotes that a pronoun may point back to: named people and
        bodies, and nouns headed by a title, a kind of body or an unnamed-source word."""
        rules = self.rules
        result: dict[int, _Candidate] = {}
        names = {name.start: name for name in self.registry.name_of.values()}
        for name in [*names.values(), *self.doc.ents]:
            label = name.label_ or "PERSON"  # a name the parser did not tag is a person's
            if label == "NORP" and name.root.tag_ not in _PLURAL_TAGS:
                continue  # "Canadian" describes; "the Conservatives" may speak
            if self._modifies_thing(name.root):
                continue  # "the Kinder Morgan pipeline", "Stella's location": not a speaker
            if label in _PERSON_LABELS | _GROUP_LABELS and not self.in_quote(name.start_char):
                result.setdefault(name.root.i, self._candidate(name.root))
        for token in self.doc:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in result:
                continue
            if self.in_quote(token.idx):
                continue
            if self._named_person(token):
                result[token.i] = self._candidate(token)
                continue
            if token.ent_type_:
                continue
            lemma = token.lemma_.lower()
            if lemma in rules.non_agents:
                continue  # "the Liberals' hopes", "those efforts": no one a pronoun stands for
            if token.dep_ in _SUBJECT_DEPS and (
                lemma in rules.titles
                or lemma in rules.type_of_lemma
                or lemma in rules.anonymous
                or token.tag_ in _PLURAL_TAGS  # "two farmers", "the owners"
            ):
                result[token.i] = self._candidate(token)
        for token in self._narrative_pronouns():
            result[token.i] = replace(self._candidate(token), pronoun=token.lower_)
        return sorted(result.values(), key=lambda c: c.start)

    def _narrative_pronouns(self) -> list[Token]:
        """Gendered subject pronouns of the narration ("But she persisted."), not a
        link's own speaker: each keeps the person it stands for in the reader's focus,
        so a later "she said" goes on with that person, not with a nearer noun."""
        genders = self.rules.pronoun_gender
        speakers = {link.source[0] for link in self.links if link.source is not None}
        return [
            t
            for t in self.doc
            if t.pos_ == "PRON"
            and t.dep_ in _SUBJECT_DEPS
            and t.lower_ in genders
            and t.idx not in speakers
            and not self.in_quote(t.idx)
        ]

    def _modifies_thing(self, token: Token) -> bool:
        """A name that only modifies a noun for a thing: "the Kinder Morgan pipeline",
        "Stella's location"; not "Pentagon spokesman" nor "Hale's aide"."""
        head = token.head
        if token.dep_ not in {"compound", "poss"} or head.pos_ not in {"NOUN", "PROPN"}:
            return False
        return head.i not in self.registry.name_of and not self.registry.person_word(head)

    def _named_person(self, token: Token) -> bool:
        """A lone surname of someone named in full ("Matlow said"), or a name with a
        person in apposition ("Yuni, a resident of Lampung")."""
        if token.pos_ != "PROPN" or not _capitalised(token) or self._modifies_thing(token):
            return False
        if token.text.lower() in self.registry.people and token.i not in self.registry.name_of:
            return True
        return token.dep_ in _SUBJECT_DEPS and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and self.registry.person_word(c)
            for c in token.children
        )

    def _candidate(self, token: Token) -> _Candidate:
        span = mention_span(token)
        members = [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
        if members:  # "Tore Lund and Mia Berg": the group with its members
            last = members[-1].right_edge
            span = (span[0], max(span[1], last.idx + len(last.text)))
        head = token.head if token.dep_ in {"appos", "compound"} else token
        introduced = self.sentence_of[token.i] not in self.telling and (
            any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and self.registry.person_word(c)
                for c in token.children
            )  # "... worries Henry Crespo, president of the caucus": a newcomer in narration
            or self._described_newcomer(token)
        )
        subject = head.dep_ in _SUBJECT_DEPS or _is_agent(head) or introduced
        aside = _in_aside(token) and not introduced
        return _Candidate(span[0], span, token.i, subject, aside, newcomer=introduced)

    def _described_newcomer(self, token: Token) -> bool:
        """ "The paper spoke to Dana Kowal, who has coached here for 20 years": a person
        named in full and described in a relative clause is brought in to be heard."""
        name = self.registry.name_of.get(token.i)
        if name is None or len(name) < 2 or token.dep_ in _SUBJECT_DEPS:
            return False
        return any(c.dep_ == "relcl" for c in token.children)

    def before(self, offset: int, limit: int) -> list[_Candidate]:
        k = bisect_left(self.candidate_starts, offset)
        return self.candidates[max(0, k - limit) : k]

    def near_anonymity(self, link: Link) -> bool:
        """An anonymity phrase in the source's sentence, outside what it said."""
        assert link.source is not None
        tokens = self.tokens(link.source)
        if tokens is None:
            return False
        sent = tokens[0].sent
        content = link.content
        words = [
            t.lower_ for t in sent if not (content[0] <= t.idx < content[1]) and not t.is_punct
        ]
        joined = " " + " ".join(words) + " "
        return any(f" {phrase} " in joined for phrase in self.rules.anonymity)


def _is_agent(token: Token) -> bool:
    """The doer of a passive ("filmed by a student, Jia Chen"): its sentence's logical
    subject, as salient for a pronoun after it as a subject."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _tells_gender(token: Token) -> bool:
    """A subject or reflexive pronoun ("she said", "proved herself") speaks of the person
    before it; a possessive ("Paul Grant, her aide") speaks of someone else."""
    return token.pos_ == "PRON" and (token.dep_ in _SUBJECT_DEPS or token.lower_.endswith("self"))


def _in_adverbial_clause(token: Token) -> bool:
    """The mention sits in an adverbial clause that a subordinator opens ("Although Trump
    has tweeted that ...", "When the mayor left, ..."): the background of its sentence,
    not what the story goes on about."""
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" for c in a.children)
        for a in [token, *token.ancestors]
    )


def _in_aside(token: Token) -> bool:
    """The mention sits in a relative clause or an aside about another mention ("X, who
    succeeded Y as chairman, said"), not in its sentence's own frame."""
    return any(a.dep_ in {"relcl", "acl", "parataxis"} for a in [token, *token.ancestors])


def _resolve_link(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    registry = context.registry
    link = links[index]
    if link.continues is not None:
        return _continue(context, links, keys, index)
    if link.source is None:
        return None, link
    if link.antecedent is not None:  # "who said": the relative clause's noun speaks
        key = registry.add(link.antecedent)
        registry.entries[key].mentions.append(link.source)
        return key, link
    text = registry.text[link.source[0] : link.source[1]]
    refers_to = registry.rules.pronouns.get(text.lower())
    owner = _pronoun_owner(context, link)
    if refers_to is None and owner is not None:  # "Its statement said": it, in a statement
        return _through_owner(context, links, keys, index, owner)
    holder = _role_holder(context, link) if refers_to is None else None
    if holder is not None:  # "Omar Beck's attorney, Dana Price ... His attorney said"
        return _as_holder(context, link, holder)
    if refers_to is None:
        return _resolve_description(context, links, keys, index)
    if "person" not in refers_to and _is_expletive(registry.doc, link.source):
        return _vague(registry, link)  # "it was reported"; "he was quoted as saying" is someone
    return _resolve_pronoun(context, links, keys, index, text.lower(), refers_to)


def _role_holder(context: _Context, link: Link) -> str | None:
    """ "His attorney", "her mother": a possessive pronoun and a title or a relation stand
    for the named person last given that role ("Omar Beck's attorney, Dana Price")."""
    assert link.source is not None
    registry = context.registry
    tokens = context.tokens(link.source)
    if tokens is None or len(tokens) != 2 or tokens[1] != tokens.root:
        return None
    owner, head = tokens[0], tokens.root
    if owner.dep_ != "poss" or owner.lower_ not in context.rules.pronouns:
        return None
    if head.tag_ in _PLURAL_TAGS or not registry.person_word(head):
        return None
    word, here = registry._word(head), context.sentence_at(link.source[0])
    latest: tuple[int, str] | None = None
    for key, entry in registry.entries.items():
        if not key.startswith("person:") or word not in (entry.role or "").lower().split():
            continue
        before = [m[0] for m in entry.mentions if m[0] < link.source[0]]
        if before and here - context.sentence_at(max(before)) <= _LOOKBACK_SENTENCES:
            latest = max(latest or (-1, ""), (max(before), key))
    return latest[1] if latest else None


def _as_holder(context: _Context, link: Link, key: str) -> tuple[str, Link]:
    assert link.source is not None
    registry = context.registry
    entry = registry.entries[key]
    surface = registry.text[link.source[0] : link.source[1]]
    entry.mentions.append(link.source)
    entry.names.append(surface)
    reason = f"'{surface}' resolved to {entry.name}, named in that role before"
    return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)


def _pronoun_owner(context: _Context, link: Link) -> Token | None:
    """The possessive pronoun that owns a document named as the source: "its statement",
    "their research"."""
    assert link.source is not None
    tokens = context.tokens(link.source)
    if tokens is None or context.registry._word(tokens.root) not in context.rules.documents:
        return None
    owner = next((c for c in tokens.root.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in context.rules.pronouns or owner.i < tokens.start:
        return None
    return owner


def _through_owner(
    context: _Context, links: list[Link], keys: list[str | None], index: int, owner: Token
) -> tuple[str, Link]:
    """The pronoun owning the document speaks; the document is the channel."""
    link = links[index]
    assert link.source is not None
    document = context.registry.text[owner.idx + len(owner.text) : link.source[1]].strip()
    links[index] = replace(link, source=(owner.idx, owner.idx + len(owner.text)))
    try:
        key, resolved = _resolve_pronoun(
            context, links, keys, index, owner.lower_, context.rules.pronouns[owner.lower_]
        )
    finally:
        links[index] = link
    channel = link.channel or link.source
    return key, replace(
        resolved,
        source=link.source,
        channel=channel,
        channel_name=link.channel_name or document,
    )


def _resolve_description(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str, Link]:
    """ "the affable proprietor", "the self-taught Cambridge resident": a definite
    description with no name and no title of office stands for the person just named."""
    registry = context.registry
    link = links[index]
    entry = registry.describe(link.source)
    tokens = context.tokens(link.source)
    if not _is_epithet(context, entry, tokens):
        if _is_unnamed_role(context, entry, tokens):  # "A spokeswoman for X said ..."
            return _named_next(context, links, index, entry) or _stand_in(registry, link)
        return _stand_in(registry, link)
    agreement = _Agreement(frozenset({"person"}), entry.gender, False)
    start = link.source[0]
    since = context.sentence_starts[max(0, context.sentence_at(start) - _EPITHET_SENTENCES)]
    ranked = _rank(context, links, keys, index, start, agreement, link, since=since)
    named = ranked is not None and registry.entries[ranked[0]].key.startswith("person:")
    if not named:  # "The busiest referee in hockey said ... Paul Garver has announced"
        return _named_next(context, links, index, entry) or _stand_in(registry, link)
    key, confidence, _ = ranked
    target = registry.entries[key]
    target.mentions.append(link.source)
    target.names.append(registry.text[link.source[0] : link.source[1]])
    surface = registry.text[link.source[0] : link.source[1]]
    reason = f"'{surface}' resolved to {target.name}"
    return key, replace(link, inferred=True, reason=reason, confidence=confidence)


def _is_unnamed_role(context: _Context, entry: _Entry, tokens: Span | None) -> bool:
    """ "A spokeswoman for the premier", "an aide": one person by a role, with no name and
    no owner's name before the head, that the text may name in the next breath."""
    if tokens is None or not len(tokens) or tokens[0].lower_ not in {"a", "an"}:
        return False
    if entry.type not in {"person", "anonymous"} or entry.plural:
        return False
    root = tokens.root
    registry = context.registry
    named = any(t.pos_ == "PROPN" and t.i < root.i and not _place_modifier(t) for t in tokens)
    return root.pos_ == "NOUN" and not named and registry.person_word(root)


def _named_next(
    context: _Context, links: list[Link], index: int, entry: _Entry
) -> tuple[str, Link] | None:
    """The person a description stands for when the text names them only after it:
    "A spokeswoman for the premier said ... '...,' said Ada Kerr." The next speaker, no
    more than two sentences on, named for the first time there by a bare full name (no
    role or aside of their own) of no other gender, is the one described."""
    registry, link = context.registry, links[index]
    assert link.source is not None
    here = context.sentence_at(link.source[0])
    for later in links[index + 1 :]:
        if later.source is None or later.source[0] <= link.source[1]:
            continue
        if context.sentence_at(later.source[0]) - here > _NAMED_NEXT_SENTENCES:
            return None
        tokens = context.tokens(later.source)
        name = registry.name_of.get(tokens.root.i) if tokens is not None else None
        if name is None or tokens is None or (name.start, name.end) != (tokens.start, tokens.end):
            return None  # the next speaker is someone else, or comes with a role
        if len(name) < 2 or any(c.dep_ in _ASIDE_DEPS | {"appos"} for c in name.root.children):
            return None
        surname = _surname(_words(name))
        if surname in registry.text[: link.source[0]].lower():
            return None  # named before: a known person, not the one described here
        full = registry.describe(later.source)
        if entry.gender and full.gender and full.gender != entry.gender:
            return None
        key = registry.add(later.source)
        target = registry.entries[key]
        target.mentions.pop()
        target.names.pop()
        target.mentions.append(link.source)
        surface = registry.text[link.source[0] : link.source[1]]
        target.names.append(surface)
        target.role = target.role or entry.role
        reason = f"'{surface}' is taken to be {target.name}, named as the next speaker"
        return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)
    return None


def _stand_in(registry: _Registry, link: Link) -> tuple[str, Link]:
    """A mention's source; "the agency" standing for the body just named is inferred."""
    assert link.source is not None
    key = registry.add(link.source)
    if link.source not in registry.stood_for:
        return key, link
    surface = registry.text[link.source[0] : link.source[1]]
    reason = f"'{surface}' stands for {registry.entries[key].name}, named before it"
    return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)


def _is_epithet(context: _Context, entry: _Entry, tokens: Span | None) -> bool:
    if tokens is None or not len(tokens) or tokens[0].lower_ != "the":
        return False
    if entry.type not in {"person", "anonymous"} or entry.plural or entry.bare_title:
        return False
    root = _epithet_head(context, tokens)
    rules = context.rules
    word = context.registry._word(root)
    known_by_work = rules.type_of_lemma.get(word) == "person"  # "the Star Wars actor"
    described = _counted(root)  # "the 39-year-old founder of ...": a person already named
    return (
        root.pos_ == "NOUN"
        and not any(
            (
                t.pos_ == "PROPN"
                and not _place_modifier(t)
                and not (known_by_work and t.i < root.i)
                and not _in_post_modifier(t, root)
            )
            or t.dep_ == "poss"
            for t in tokens
        )
        and (word not in rules.titles or described)
        and (word not in rules.affiliations or described)
        and word not in rules.nouns  # "the claim", "the warning": a statement, no person
        and word not in rules.non_agents  # "the move", "the crash"
        and not context.registry._body_word(root)  # "the railway" is no "proprietor"
        and not _named_in_apposition(root)
    )


def _counted(root: Token) -> bool:
    """A number in a modifier before the head ("the 39-year-old founder", "the two-time
    champion"): it describes one person, not an office that someone else may hold."""
    return any(
        c.dep_ == "amod" and c.i < root.i and any(t.pos_ == "NUM" for t in subtree(c))
        for c in root.children
    )


def _in_post_modifier(token: Token, root: Token) -> bool:
    """A name inside a phrase after the head ("the owner *of Crumb Collective*"): what the
    person owns or leads, not the person's own name."""
    return token.i > root.i and any(
        a.dep_ == "prep" and a.head.i == root.i for a in token.ancestors
    )


def _epithet_head(context: _Context, tokens: Span) -> Token:
    """The noun a description is headed by: its last word when that is a noun for a person
    known by what they do, even where the parser took a show's title before it for the head
    ("the Cooking in the Dark star")."""
    last = tokens[-1]
    if last.pos_ == "NOUN" and context.rules.type_of_lemma.get(context.registry._word(last)) == (
        "person"
    ):
        return last
    return tokens.root


def _named_in_apposition(root: Token) -> bool:
    """Whether a name in apposition says who the description is ("the carrier, Northline
    Freight,"): it names its own source rather than standing for one named before."""
    return any(t.pos_ == "PROPN" for t in _set_beside(root))


def _set_beside(root: Token) -> list[Token]:
    """The heads of appositions set right beside a phrase, only a comma between: "the
    railway, *Northline Freight*," and "*Northline Freight*, the railway". An apposition
    the parser hung on a word further off (a title after a relative clause) is not one."""
    beside = [c for c in root.children if c.dep_ == "appos" and c.left_edge.i <= root.i + 2]
    if root.dep_ == "appos" and root.head.i >= root.left_edge.i - 2:
        beside.append(root.head)
    return beside


def _is_expletive(doc: Doc, span: tuple[int, int]) -> bool:
    """ "It was reported that ...": a passive subject "it" stands for nobody in particular;
    "he was quoted as saying" still stands for someone."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens is not None and tokens.root.dep_ == "nsubjpass"


def _vague(registry: _Registry, link: Link) -> tuple[str, Link]:
    key = f"unresolved:{VAGUE_NAME}"
    registry.entries.setdefault(key, _Entry(key, VAGUE_NAME, "anonymous", anonymous=True))
    registry.entries[key].mentions.append(link.source)
    return key, link


@dataclass(frozen=True, slots=True)
class _Agreement:
    """What a pronoun (or a continued quote) demands of what it stands for."""

    kinds: frozenset[str]
    gender: str | None = None
    plural: bool | None = None


def _resolve_pronoun(context, links, keys, index, pronoun: str, refers_to) -> tuple[str, Link]:
    """he/she/they/it -> the most salient earlier mention that agrees with it."""
    registry = context.registry
    link = links[index]
    rules = context.rules
    agreement = _Agreement(
        refers_to, rules.pronoun_gender.get(pronoun), rules.pronoun_plural.get(pronoun)
    )
    surface = registry.text[link.source[0] : link.source[1]]
    cited = _document_just_cited(context, links, keys, index, agreement)
    if cited is not None:  # "The lawsuit alleges ... It says ...": the lawsuit, its author's
        prev = links[cited]
        key = registry.final_key(keys[cited]) or keys[cited]
        assert key is not None and prev.source is not None
        reason = f"'{surface}' resolved to {registry.text[prev.source[0] : prev.source[1]]}"
        return key, replace(
            link,
            channel=link.channel or prev.channel or prev.source,
            channel_name=link.channel_name or prev.channel_name,
            inferred=True,
            reason=reason,
            confidence=CONFIDENCE_PRONOUN,
        )
    ranked = _rank(context, links, keys, index, link.source[0], agreement, link)
    if not ranked:
        key = f"unresolved:{UNRESOLVED_NAME}"
        registry.entries.setdefault(key, _Entry(key, UNRESOLVED_NAME, "anonymous", anonymous=True))
        registry.entries[key].mentions.append(link.source)
        reason = f"'{surface}' has no antecedent"
        return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_MIN)
    key, confidence, runner_up = ranked
    entry = registry.entries[key]
    entry.mentions.append(link.source)
    registry.learn_gender(key, agreement.gender)
    reason = f"'{surface}' resolved to {entry.name}"
    if runner_up:
        reason += f" over {runner_up}"
    relay = _inherited_relay(registry, links, keys, index, key)
    if relay is not None and link.relayed_by is None:
        reason += ", still in the relayed report"
        link = replace(link, relayed_by=relay)
    return key, replace(link, inferred=True, reason=reason, confidence=confidence)


def _document_just_cited(
    context: _Context, links: list[Link], keys: list[str | None], index: int, agreement
) -> int | None:
    """The index of the link just before, in this sentence or the one before, whose source
    is a document ("The review found ... It recommends ..."): "it" goes on citing it."""
    if "person" in agreement.kinds or agreement.plural:
        return None
    link = links[index]
    assert link.source is not None
    here = context.sentence_at(link.source[0])
    for prev in range(index - 1, -1, -1):
        source = links[prev].source
        if source is None or keys[prev] is None or source[0] >= link.source[0]:
            continue
        if here - context.sentence_at(source[0]) > 1:
            return None
        entry = context.registry.describe(source)
        return prev if entry.type == "document" else None
    return None


def _rank(
    context: _Context,
    links: list[Link],
    keys: list[str | None],
    index: int,
    start: int,
    agreement: _Agreement,
    link: Link | None,
    since: int = -1,
) -> tuple[str, float, str | None] | None:
    """The best agreeing antecedent's key, a confidence from its margin over the
    runner-up, and the runner-up's name. ``since`` keeps only mentions after an offset."""
    registry = context.registry
    here = context.sentence_at(start)
    ruled_out = _governed(context, link) if link is not None else set()
    scores: dict[str, float] = {}
    spans: dict[str, tuple[int, int]] = {}
    last_speaker = True
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        key, source = keys[prev], links[prev].source
        if key is None or source is None or source[0] >= start or source[0] < since:
            continue
        if not _agrees(registry, key, agreement):
            continue
        distance = here - context.sentence_at(source[0])
        if distance > _LOOKBACK_SENTENCES:
            break
        if context.subordinate(source):
            score = _W_SPEAKER + _W_SUBORDINATE + _W_DISTANCE * distance
            scores[key] = max(scores.get(key, score), score)
            continue  # a backgrounded speaker is not the one the story goes on with
        score = _W_SPEAKER + (_W_LAST_SPEAKER if last_speaker else 0.0) + _W_DISTANCE * distance
        last_speaker = False
        score += _gender_bonus(registry, key, agreement)
        scores[key] = max(scores.get(key, score), score)
    for cand in context.before(start, _LOOKBACK):
        if cand.start < since or cand.aside or cand.token in ruled_out:
            continue
        if link is not None and link.content[0] <= cand.start < link.content[1]:
            continue  # a name in what the speaker says is someone the speaker speaks about
        distance = here - context.sentence_of[cand.token]
        if distance > _LOOKBACK_SENTENCES:
            continue
        if cand.pronoun is not None:
            if agreement.gender is None:
                continue  # only a "he" or a "she" is sure to go on with the same person
            key = _narrative_key(context, links, keys, index, cand)
            if key is None or not _agrees(registry, key, agreement):
                continue
        else:
            key = registry.key_of(cand.span)
            if not _agrees(registry, key, agreement, cand.span):
                continue
        score = _W_DISTANCE * distance + (_W_SUBJECT if cand.subject else 0.0)
        score += _W_NEWCOMER if cand.newcomer else 0.0
        if _in_reported_speech(context, cand.start, index):
            score += _W_REPORTED
        if _in_adverbial_clause(context.doc[cand.token]):
            score += _W_SUBORDINATE
        score += _gender_bonus(registry, key, agreement, cand.span)
        if score > scores.get(key, float("-inf")):
            scores[key] = score
            spans[key] = cand.span
    if not scores:
        return None
    order = sorted(scores.items(), key=lambda kv: -kv[1])
    best_key, best = order[0]
    if best_key not in registry.entries:
        best_key = registry.add(spans[best_key])
        registry.entries[best_key].mentions.pop()
        registry.entries[best_key].names.pop()
    if len(order) == 1:
        return best_key, CONFIDENCE_MAX, None
    margin = best - order[1][1]
    confidence = min(CONFIDENCE_MAX, CONFIDENCE_MIN + 0.15 * margin)
    runner_up = registry.entries.get(order[1][0]) or registry.describe(spans[order[1][0]])
    return best_key, round(confidence, 2), runner_up.name


def _narrative_key(
    context: _Context, links: list[Link], keys: list[str | None], index: int, cand: _Candidate
) -> str | None:
    """What a narrative pronoun ("But she persisted.") stands for, ranked like a
    speaker's pronoun at its own place, once per pronoun."""
    if cand.token not in context.pronoun_keys:
        context.pronoun_keys[cand.token] = None  # a pronoun never stands for itself
        pronoun, rules = cand.pronoun or "", context.rules
        agreement = _Agreement(
            rules.pronouns[pronoun],
            rules.pronoun_gender.get(pronoun),
            rules.pronoun_plural.get(pronoun),
        )
        ranked = _rank(context, links, keys, index, cand.start, agreement, None)
        context.pronoun_keys[cand.token] = ranked[0] if ranked else None
    return context.pronoun_keys[cand.token]


def _governed(context: _Context, link: Link) -> set[int]:
    """Tokens the pronoun's own cue governs: "Asked about Trump, he said": not Trump."""
    if link.cue is None:
        return set()
    cue = context.tokens(link.cue)
    if cue is None or not len(cue):
        return set()
    return set(subtree_indices(cue.root))


def _in_reported_speech(context: _Context, offset: int, index: int) -> bool:
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        content = context.links[prev].content
        if content[0] <= offset < content[1]:
            return True
    return False


def _agrees(
    registry: _Registry, key: str, agreement: _Agreement, span: tuple[int, int] | None = None
) -> bool:
    entry = registry.entries.get(key) or (registry.describe(span) if span else None)
    if entry is None or entry.type in {"document", "article"}:
        return False
    if entry.plural:
        return bool({"group", "organisation"} & agreement.kinds) and agreement.plural is not False
    if entry.type in {"person", "anonymous"}:
        if "person" not in agreement.kinds or agreement.plural:
            return False
        return not (agreement.gender and entry.gender and entry.gender != agreement.gender)
    if _is_channel(registry, entry):
        return False  # "on Telegram": where it was said, never who said it
    return "organisation" in agreement.kinds


def _is_channel(registry: _Registry, entry: _Entry) -> bool:
    words = registry.rules.channel_words
    return any(n in words or n.lower() in words for n in (entry.name, *entry.names))


def _gender_bonus(
    registry: _Registry, key: str, agreement: _Agreement, span: tuple[int, int] | None = None
) -> float:
    if agreement.gender is None:
        return 0.0
    entry = registry.entries.get(key) or (registry.describe(span) if span else None)
    return _W_GENDER if entry is not None and entry.gender == agreement.gender else 0.0


def _continue(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    """A quote with no cue continues its speaker, unless the narrative since that
    speaker's last words has turned to another person."""
    registry = context.registry
    link = links[index]
    previous = links[link.continues]
    key = keys[link.continues]
    link = replace(link, relayed_by=previous.relayed_by)
    since = max(previous.content[1], previous.cue[1] if previous.cue else 0)
    if key is None or since >= link.content[0]:
        return key, link
    person = _Agreement(frozenset({"person"}), None, False)
    turned = [
        c
        for c in context.before(link.content[0], _LOOKBACK)
        if c.start >= since and c.subject and not c.aside
    ]
    if not turned:
        return key, link
    ranked = _rank(context, links, keys, index, link.content[0], person, link, since=since)
    if ranked is None or ranked[0] == key:
        return key, link
    other = ranked[0]
    registry.entries[other].mentions.sort()
    reason = f"a quote after narrative about {registry.entries[other].name} continues them"
    return other, replace(link, reason=reason, relayed_by=None)


def _inherited_relay(
    registry: _Registry, links: list[Link], keys: list[str | None], index: int, key: str
) -> int | None:
    """The news relay of the speaker's previous link, if that is the latest link of all:
    "Khorunzhyi said, according to CNN. ... he added" is still CNN's report."""
    relayers = {link.relayed_by for link in links[max(0, index - _LOOKBACK) : index]}
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        if keys[prev] is None or prev in relayers:
            continue
        relay = links[prev].relayed_by if keys[prev] == key else None
        relayer = keys[relay] if relay is not None else None
        if relayer is None or registry.entries[relayer].type not in _NEWS_TYPES:
            return None
        return relay
    return None
