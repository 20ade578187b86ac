// A clause text read into lines of text and chips, each chip with its French label (fields, blanks, references, conditions, lists).
import { FIELD_LABELS, NBSP, type LabelContext, type Lines, type Segment } from "./model";
import { blockEnd, keyword, sourceOf, tokenize, type Token } from "./tokens";

/** Groups tokens into segments: one chip per tag, or per whole `if`/`for` block. */
function segmentsOf(tokens: Token[], context: LabelContext): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (token.type === "text") {
      segments.push({ type: "text", text: token.text });
      i++;
      continue;
    }
    const end = blockEnd(tokens, i);
    if (end !== null) {
      const block = tokens.slice(i, end + 1);
      segments.push(blockChip(block, context));
      i = end + 1;
      continue;
    }
    segments.push(tagChip(token, context));
    i++;
  }
  return segments;
}

/** Parses a stored clause text into the editor's lines. `serialize(parse(text))` is always `text`. */
export function parse(source: string, context: LabelContext = {}): Lines {
  const lines: Lines = [[]];
  for (const segment of segmentsOf(tokenize(source), context)) {
    if (segment.type === "chip") {
      (lines[lines.length - 1] as Segment[]).push(segment);
      continue;
    }
    segment.text.split("\n").forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) (lines[lines.length - 1] as Segment[]).push({ type: "text", text: part });
    });
  }
  return lines;
}

/** The string literals of an expression, in order. */
function literals(expression: string): string[] {
  return [...expression.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1] ?? m[2] ?? "");
}

/** An expression without its string literals (so that their words are not read as field names). */
function withoutLiterals(expression: string): string {
  return expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
}

/** The fields an expression reads, by their French names, in order. */
function fieldNames(expression: string): string[] {
  const names: string[] = [];
  for (const m of withoutLiterals(expression).matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g)) {
    const label = FIELD_LABELS.get(m[0]);
    const before = withoutLiterals(expression).slice(0, m.index).trimEnd();
    if (label !== undefined && !before.endsWith("|") && !names.includes(label)) names.push(label);
  }
  return names;
}

function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** A field named inside a label: « Territoire » between guillemets (never brackets inside a chip). */
function named(label: string): string {
  return quoted(label);
}

/** The words a blank's label is made of: its literals, and « de la partie » for a party's « de » + name field. */
function blankWords(expression: string): string {
  const words = literals(expression).join("").trim();
  const fields = [...withoutLiterals(expression).matchAll(/\b(party|lead)\.([a-z_]+)/g)].map((m) =>
    m[2]?.startsWith("of_") ? (m[1] === "lead" ? "du chef de file" : "de la partie") : "…",
  );
  return [words, ...fields].filter(Boolean).join(" ").replace(/[ \t\n]+/g, " ").replace(/'/g, "’");
}

/** The label of one expression (`{{ … }}`). */
export function expressionChip(source: string, expression: string, context: LabelContext): Segment {
  const call = /^([a-z_]+)\s*\(/.exec(expression)?.[1];
  if (call === "blank") {
    const what = blankWords(expression);
    return { type: "chip", kind: "blank", source, label: what ? `À compléter${NBSP}: ${what}` : "À compléter" };
  }
  if (call === "ref") {
    const id = literals(expression)[0] ?? "";
    const title = context.titles?.[id] ?? id;
    return { type: "chip", kind: "reference", source, label: `Numéro de l’article ${quoted(title)}` };
  }
  // `{{ party | agree("dénommé") }}`, `{{ lead | pronoun }}`: a word the contracts agree with a party.
  const grammar = /^(party|lead)\s*\|\s*(agree|pronoun)\b/.exec(expression.trim());
  if (grammar) {
    const owner = grammar[1] === "lead" ? "le chef de file" : "la partie";
    const word = literals(expression)[0];
    const label =
      grammar[2] === "agree" && word
        ? `${quoted(word)} accordé avec ${owner}`
        : `«${NBSP}celui-ci${NBSP}» ou «${NBSP}celle-ci${NBSP}» selon ${owner}`;
    return { type: "chip", kind: "field", source, label };
  }
  const bare = withoutLiterals(expression);
  const names = fieldNames(expression);
  if (names.length === 1 && !/\bif\b/.test(bare)) {
    return { type: "chip", kind: "field", source, label: names[0] as string };
  }
  // `{{ " ;" if not loop.last else "." }}`: the punctuation that ends each line of a list.
  if (/\bloop\./.test(bare) && literals(expression).every((l) => /^[\s.,;:!?]*$/.test(l))) {
    return { type: "chip", kind: "code", source, label: "Ponctuation de fin de ligne", detail: "« ; » après chaque ligne, un point (ou une virgule) après la dernière" };
  }
  if (names.length > 0) {
    return { type: "chip", kind: "field", source, label: `Texte selon ${names.map(named).join(", ")}` };
  }
  return { type: "chip", kind: "code", source, label: "Donnée calculée" };
}

/** The chip of a lone tag (an expression, or a statement outside any whole block). */
function tagChip(token: Extract<Token, { type: "tag" }>, context: LabelContext): Segment {
  if (token.tag === "expr") return expressionChip(token.source, token.inner, context);
  if (token.tag === "comment") return { type: "chip", kind: "code", source: token.source, label: "Note du modèle" };
  return { type: "chip", kind: "condition", source: token.source, label: "Repère de condition" };
}

/** What a condition tests, in words: « si la donnée « Territoire » est renseignée », « si la partie est chef de file ». */
function conditionWords(test: string, context: LabelContext, short = false): string {
  const has = /^has\(\s*["']([^"']+)["']\s*\)$/.exec(test);
  if (has) return `si l’article ${quoted(context.titles?.[has[1] as string] ?? (has[1] as string))} est présent`;
  // Yes-or-no fields (`party.is_lead`) are labelled as a statement: « si la partie est chef de file ».
  const isYesNo = (path: string) => /(^|\.)is_[a-z_]+$/.test(path);
  const statement = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
  const negated = /^not\s+([A-Za-z_.]+)$/.exec(test);
  if (negated) {
    const path = negated[1] as string;
    const label = FIELD_LABELS.get(path);
    if (label !== undefined) {
      if (isYesNo(path)) return `sauf si ${statement(label)}`;
      return short ? `si ${named(label)} non renseigné` : `si la donnée ${named(label)} n’est pas renseignée`;
    }
  }
  const label = FIELD_LABELS.get(test);
  if (label !== undefined) {
    if (isYesNo(test)) return `si ${statement(label)}`;
    return short ? `si ${named(label)} renseigné` : `si la donnée ${named(label)} est renseignée`;
  }
  const names = fieldNames(test);
  // A label names two data at most, to stay readable at a glance; the chip's detail names them all.
  if (short && names.length > 2) return "selon plusieurs données";
  return names.length > 0 ? `selon ${names.map(named).join(", ")}` : "selon les données";
}

/** A branch as a person reads it: its text on one line, inner chips as « … », formatting marks left out. */
function branchText(tokens: Token[], context: LabelContext, chip: (label: string) => string): string {
  return parse(sourceOf(tokens), context)
    .map((line) => line.map((s) => (s.type === "text" ? s.text : chip(s.label))).join(""))
    .join(" ")
    .replace(/\\(.)/g, "$1")
    .replace(/\*\*|\*/g, "")
    .replace(/^[ \t]*-[ \t]+/, "")
    // Line breaks and runs of spaces as one space; the no-break spaces of « » stay.
    .replace(/[ \t\n]+/g, " ")
    .trim()
    .replace(/'/g, "’");
}

/** A short quote of a branch for a label: « “sur leur territoire, …” », cut when long; « rien » when empty. */
function branchQuote(tokens: Token[], context: LabelContext): string {
  const text = branchText(tokens, context, () => "…").replace(/…(\s*…)+/g, "…");
  if (!text) return "rien";
  const short = text.length > 32 ? `${text.slice(0, 31).trimEnd()}…` : text;
  return `“${short}”`;
}

/** The nouns of a list the models repeat: « Liste des parties (une ligne par partie) ». */
const LISTS: Record<string, string> = {
  parties: "Liste des parties (une ligne par partie)",
  objectives: "Liste des objectifs (une ligne par objectif)",
  public_funders: "Liste des financeurs publics",
};

/** One chip for a whole `if … endif` or `for … endfor` block: a short label, the full wording in `detail`. */
function blockChip(block: Token[], context: LabelContext): Segment {
  const source = sourceOf(block);
  const head = block[0] as Extract<Token, { type: "tag" }>;
  const full = (tokens: Token[]) => branchText(tokens, context, (label) => quoted(label));
  if (keyword(head) === "for") {
    const iterable = /^for\s+\S+\s+in\s+(.+)$/.exec(head.inner)?.[1]?.trim() ?? "";
    const over = FIELD_LABELS.get(iterable);
    const label = LISTS[iterable] ?? (over === undefined ? "Liste répétée" : `Liste répétée pour chaque élément de ${named(over)}`);
    const body = full(block.slice(1, -1));
    return { type: "chip", kind: "list", source, label, detail: body ? `Chaque ligne${NBSP}: ${body}` : "" };
  }
  // Branches at depth 1: `if`, then each `elif` / `else`.
  const branches: { words: string; short: string; tokens: Token[] }[] = [];
  let depth = 0;
  let test = head.inner.replace(/^if\s+/, "");
  let start = 1;
  const flush = (end: number) => {
    const words = test === "" ? "sinon" : conditionWords(test, context);
    branches.push({ words, short: test === "" ? words : conditionWords(test, context, true), tokens: block.slice(start, end) });
  };
  for (let i = 1; i < block.length - 1; i++) {
    const k = keyword(block[i] as Token);
    if (k === "if" || k === "for") depth++;
    else if (k === "endif" || k === "endfor") depth--;
    else if (depth === 0 && (k === "elif" || k === "else")) {
      flush(i);
      test = k === "elif" ? (block[i] as Extract<Token, { type: "tag" }>).inner.replace(/^elif\s+/, "") : "";
      start = i + 1;
    }
  }
  flush(block.length - 1);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const [first, ...others] = branches;
  const shown = first === undefined ? "Selon les données" : `${capital(first.short)}${NBSP}: ${branchQuote(first.tokens, context)}`;
  const withElse = others.length === 1 && others[0]?.words === "sinon" ? `${shown}, sinon ${branchQuote(others[0].tokens, context)}` : null;
  // Short enough to read at a glance: the other branch is only named when the label would grow long.
  const label = others.length === 0 ? shown : withElse !== null && withElse.length <= 100 ? withElse : `${shown}, sinon un autre texte`;
  const detail = capital(branches.map((b) => `${b.words}${NBSP}: ${full(b.tokens) || "rien"}`).join(" ; "));
  return { type: "chip", kind: "condition", source, label, detail };
}
