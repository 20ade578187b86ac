// The clause editor's model: a clause text (the stored template form, e.g. « l’alliance « {{ alliance.name }} » »)
// cut into plain text and chips. A chip is one template tag, or one whole `{% if %}…{% endif %}` /
// `{% for %}…{% endfor %}` block, kept verbatim in `source` and shown by its French label; the person edits the
// text around chips, moves them or deletes them, and can never break one. Serialising gives back exactly the
// template text: text and chip sources, in order, lines joined by "\n".
//
// What the person types is text, never code: a `{` that could open a tag is written `{{ "{" }}` (ESCAPED_BRACE),
// which the template prints as « { » and this parser reads back as text. The clause mini-markup shows as
// formatting: `**gras**` and `*italique*` are marks (Ctrl + B, Ctrl + I), a line starting with « - » is a list item,
// and a `*` or `\` typed is escaped (`\*`) so it prints as typed. The vault refuses any other tag
// (allia_docs::templates::clause_shape), so a stored text is always one this editor can show.
//
// Labels come from `api/clause-fields.json`, written from Rust (allia_docs::templates::fields) next to the
// template context: this module never spells a field's name itself.
import { Fragment, Schema, Slice, type Node as PmNode, type NodeType } from "prosemirror-model";
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import fieldList from "$lib/api/clause-fields.json";

/** What a chip stands for, for its style and its wording. */
export type ChipKind = "field" | "blank" | "reference" | "condition" | "list" | "code";

/** One piece of a clause text: plain text, or a chip that keeps its template source verbatim. */
export type Segment =
  | { type: "text"; text: string }
  | {
      type: "chip";
      kind: ChipKind;
      source: string;
      /** What the chip reads: short, on one line, no brackets inside. */
      label: string;
      /** The full wording (a condition's branches, what a list repeats), for the chip's tooltip; "" when the label says it all. */
      detail?: string;
    };

/** A clause text as the editor shows it: one array of segments per line (newlines inside a chip do not count). */
export type Lines = Segment[][];

/** What the labels need besides the field names: the titles of the document's clauses, for references. */
export interface LabelContext {
  /** Clause id → title (« suivi » → « Suivi de la charte »). */
  titles?: Record<string, string>;
}

/** French name of every insertable field, by dotted path (« alliance.name » → « Nom de l’alliance »). */
export const FIELD_LABELS: ReadonlyMap<string, string> = new Map(fieldList.fields.map(([path, label]) => [path, label] as [string, string]));

const NBSP = "\u00a0";

// ---------------------------------------------------------------------------------------------------------------
// Template text → tokens → segments

type Token = { type: "text"; text: string } | { type: "tag"; tag: "expr" | "stmt" | "comment"; source: string; inner: string };

const OPENERS: Record<string, { close: string; tag: "expr" | "stmt" | "comment" }> = {
  "{{": { close: "}}", tag: "expr" },
  "{%": { close: "%}", tag: "stmt" },
  "{#": { close: "#}", tag: "comment" },
};

/** Where a tag that opens at `from` closes (the index after its closing delimiter), skipping string literals. */
function tagEnd(source: string, from: number, close: string): number | null {
  let quote: string | null = null;
  for (let i = from + 2; i < source.length; i++) {
    const c = source[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (source.startsWith(close, i)) {
      return i + close.length;
    }
  }
  return null;
}

/** How a literal `{` that could open a tag is stored: an expression printing « { », read back as text. */
export const ESCAPED_BRACE = '{{ "{" }}';

/** Cuts a template text into plain text and tags. A tag that is never closed stays text (the vault refuses it). */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const opener = OPENERS[source.slice(i, i + 2)];
    const end = opener ? tagEnd(source, i, opener.close) : null;
    if (opener && end !== null && source.slice(i, end) === ESCAPED_BRACE) {
      text += "{";
      i = end;
    } else if (opener && end !== null) {
      if (text) tokens.push({ type: "text", text });
      text = "";
      const whole = source.slice(i, end);
      const inner = whole
        .slice(2, -2)
        .replace(/^[-+]/, "")
        .replace(/[-+]$/, "")
        .trim();
      tokens.push({ type: "tag", tag: opener.tag, source: whole, inner });
      i = end;
    } else {
      text += source[i];
      i++;
    }
  }
  if (text) tokens.push({ type: "text", text });
  return tokens;
}

/** The keyword a statement starts with (`if`, `endfor`…). */
function keyword(token: Token): string | null {
  if (token.type !== "tag" || token.tag !== "stmt") return null;
  return /^[a-z_]+/.exec(token.inner)?.[0] ?? null;
}

const BLOCK_END: Record<string, string> = { if: "endif", for: "endfor" };

/** The index of the tag that closes the block opened at `start`, or null when it is never closed. */
function blockEnd(tokens: Token[], start: number): number | null {
  const open = keyword(tokens[start] as Token);
  const close = open === null ? undefined : BLOCK_END[open];
  if (open === null || close === undefined) return null;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const k = keyword(tokens[i] as Token);
    if (k === open) depth++;
    else if (k === close) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return null;
}

function sourceOf(tokens: Token[]): string {
  return tokens.map((t) => (t.type === "text" ? t.text : t.source)).join("");
}

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

/**
 * A text part as stored: every `{` that could open a tag with what follows (`{{`, `{%`, `{#`), or with a chip
 * after it (a `{` ending the part), is written ESCAPED_BRACE, so nothing typed is ever run as code.
 */
export function escapeBraces(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    out += c === "{" && (next === undefined || next === "{" || next === "%" || next === "#") ? ESCAPED_BRACE : c;
  }
  return out;
}

/** The stored text of the editor's lines: text (braces escaped) and chip sources in order, lines joined by "\n". */
export function serialize(lines: Lines): string {
  return lines.map((line) => line.map((s) => (s.type === "text" ? escapeBraces(s.text) : s.source)).join("")).join("\n");
}

/** The text a person reads for a clause text: chips as « [label] », every template tag replaced. */
export function displayText(source: string, context: LabelContext = {}): string {
  return parse(source, context)
    .map((line) => line.map((s) => (s.type === "text" ? s.text : chipText(s.label))).join(""))
    .join("\n");
}

/** How a chip reads on screen: its label between brackets. */
export function chipText(label: string): string {
  return `[${label}]`;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

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
function expressionChip(source: string, expression: string, context: LabelContext): Segment {
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

// ---------------------------------------------------------------------------------------------------------------
// The ProseMirror document

/** Labels longer than this (characters) show as a box that wraps as a whole; shorter ones never wrap. */
const LONG_CHIP = 48;

/**
 * Lines of text (paragraphs) holding text and chips; a chip is an atom: selected, moved or deleted whole. A line
 * may be a list item (`bullet`, stored « - » at its start); text and chips may be bold or italic (stored `**`, `*`).
 */
export const clauseSchema = new Schema({
  nodes: {
    doc: { content: "line+" },
    line: {
      content: "inline*",
      attrs: { bullet: { default: false } },
      toDOM: (node: PmNode) => ["p", { class: node.attrs["bullet"] ? "clause-line clause-bullet" : "clause-line" }, 0],
      parseDOM: [
        { tag: "li", getAttrs: () => ({ bullet: true }) },
        { tag: "p", getAttrs: (dom: HTMLElement) => ({ bullet: dom.classList.contains("clause-bullet") }) },
        { tag: "div" },
      ],
    },
    text: { group: "inline" },
    chip: {
      group: "inline",
      inline: true,
      atom: true,
      selectable: true,
      draggable: true,
      attrs: { source: { default: "" }, label: { default: "" }, kind: { default: "field" }, detail: { default: "" } },
      leafText: (node: PmNode) => chipText(String(node.attrs["label"])),
      toDOM: (node: PmNode) => {
        const detail = String(node.attrs["detail"]);
        const label = String(node.attrs["label"]);
        const long = label.length > LONG_CHIP;
        return [
          "span",
          {
            // A long label may wrap as a whole box; a short one stays on one line with what it is tied to.
            class: `chip chip-${String(node.attrs["kind"])}${long ? " chip-long" : ""}`,
            "data-chip": String(node.attrs["source"]),
            "data-label": label,
            "data-kind": String(node.attrs["kind"]),
            ...(detail ? { title: detail, "data-detail": detail } : {}),
            contenteditable: "false",
          },
          // No-break spaces: a short label is never cut (with the chip's white-space: nowrap).
          long ? chipText(label) : chipText(label).replace(/ /g, NBSP),
        ];
      },
      parseDOM: [
        {
          tag: "span[data-chip]",
          getAttrs: (dom: HTMLElement) => ({
            source: dom.getAttribute("data-chip") ?? "",
            kind: dom.getAttribute("data-kind") ?? "field",
            detail: dom.getAttribute("data-detail") ?? "",
            label: dom.getAttribute("data-label") ?? (dom.textContent ?? "").replace(/^\[|\]$/g, ""),
          }),
        },
      ],
    },
  },
  marks: {
    bold: {
      toDOM: () => ["strong", 0],
      parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }],
    },
    italic: {
      toDOM: () => ["em", 0],
      parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
    },
  },
});

const NNBSP = "\u202f";

/**
 * French typography on a text as the editor shows it, like the printed document: ’ for ', a no-break space
 * before : ; ! ? and inside « ». Saving the unchanged model shown this way still counts as « not modified »
 * (ClauseEditor gives back the stored text when nothing else changed, and the vault compares texts typography
 * aside: allia_docs::templates::is_model_text).
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, "’")
    .replace(/[ \u202f]+([:;!?»])/g, `${NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(new RegExp(NNBSP, "g"), NBSP);
}

/** Options of `toDoc`. */
export interface DocOptions {
  /** Show the text with French typography (’, no-break spaces): what the editor does. */
  typography?: boolean;
}

type Inline = { type: "text"; text: string } | { type: "chip"; segment: Extract<Segment, { type: "chip" }> } | { type: "bold" } | { type: "italic" };

/** One line's markup cut into text (escapes resolved), chips and `**` / `*` markers; unmatched markers become text. */
function inlineTokens(line: Segment[]): Inline[] {
  const out: Inline[] = [];
  const push = (text: string) => {
    const last = out[out.length - 1];
    if (last?.type === "text") last.text += text;
    else out.push({ type: "text", text });
  };
  for (const segment of line) {
    if (segment.type === "chip") {
      out.push({ type: "chip", segment });
      continue;
    }
    const text = segment.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (c === "\\" && i + 1 < text.length) {
        push(text[i + 1] as string);
        i++;
      } else if (c === "*" && text[i + 1] === "*") {
        out.push({ type: "bold" });
        i++;
      } else if (c === "*") {
        out.push({ type: "italic" });
      } else {
        push(c);
      }
    }
  }
  // As allia_docs::templates::markup does: a marker never closed stays as written.
  let openBold = -1;
  let openItalic = -1;
  out.forEach((token, index) => {
    if (token.type === "bold") openBold = openBold >= 0 ? -1 : index;
    if (token.type === "italic") openItalic = openItalic >= 0 ? -1 : index;
  });
  if (openBold >= 0) out[openBold] = { type: "text", text: "**" };
  if (openItalic >= 0) out[openItalic] = { type: "text", text: "*" };
  return out;
}

/** The editor line of a stored line: « - » at its start makes a list item, markup becomes marks. */
function lineNode(line: Segment[], options: DocOptions): PmNode {
  const first = line[0];
  const bullet = first?.type === "text" && first.text.startsWith("- ");
  const content: Segment[] =
    bullet && first.type === "text" ? [...(first.text.length > 2 ? [{ type: "text" as const, text: first.text.slice(2) }] : []), ...line.slice(1)] : line;
  const nodes: PmNode[] = [];
  let bold = false;
  let italic = false;
  for (const token of inlineTokens(content)) {
    if (token.type === "bold") bold = !bold;
    else if (token.type === "italic") italic = !italic;
    else {
      const marks = [...(bold ? [clauseSchema.marks["bold"]!.create()] : []), ...(italic ? [clauseSchema.marks["italic"]!.create()] : [])];
      if (token.type === "chip") {
        const { source, label, kind, detail } = token.segment;
        nodes.push(clauseSchema.node("chip", { source, label, kind, detail: detail ?? "" }, undefined, marks));
      } else if (token.text) {
        nodes.push(clauseSchema.text(options.typography ? frenchTypography(token.text) : token.text, marks));
      }
    }
  }
  return clauseSchema.node("line", { bullet }, nodes);
}

/** The editor document of a stored clause text. */
export function toDoc(source: string, context: LabelContext = {}, options: DocOptions = {}): PmNode {
  return clauseSchema.node(
    "doc",
    null,
    parse(source, context).map((line) => lineNode(line, options)),
  );
}

/** Text typed as it is stored in the markup: `*` and `\` escaped, so they print as typed. */
function escapeMarkup(text: string): string {
  return text.replace(/[\\*]/g, (c) => `\\${c}`);
}

/** The stored text of an editor document: markup for marks and list items, braces escaped, chips verbatim. */
export function fromDoc(doc: PmNode): string {
  const lines: string[] = [];
  doc.forEach((line) => {
    let text = "";
    let pending = "";
    let bold = false;
    let italic = false;
    const flush = () => {
      text += escapeBraces(pending);
      pending = "";
    };
    const setMarks = (nextBold: boolean, nextItalic: boolean) => {
      // Close the inner mark first, open the outer one first: `**` outside `*`.
      if (italic && (!nextItalic || bold !== nextBold)) {
        pending += "*";
        italic = false;
      }
      if (bold !== nextBold) {
        pending += "**";
        bold = nextBold;
      }
      if (italic !== nextItalic) {
        pending += "*";
        italic = nextItalic;
      }
    };
    line.forEach((node) => {
      setMarks(node.marks.some((m) => m.type.name === "bold"), node.marks.some((m) => m.type.name === "italic"));
      if (node.isText) {
        pending += escapeMarkup(node.text ?? "");
      } else {
        flush();
        text += String(node.attrs["source"]);
      }
    });
    setMarks(false, false);
    flush();
    if (line.attrs["bullet"]) text = `- ${text}`;
    else if (/^[-]\s/.test(text) || text.startsWith("-\u00a0")) text = `\\${text}`;
    lines.push(text);
  });
  return lines.join("\n");
}

/** What the « Insérer une donnée » list gives for a passage to fill in by hand: « [À compléter] ». */
export const BLANK_CHOICE = "blank()";

/**
 * A chip node for a field inserted by the person (`{{ path }}`), labelled like a parsed one; `BLANK_CHOICE` gives
 * a passage to fill in by hand (`{{ blank() }}`, printed « [à compléter] »).
 */
export function fieldChip(path: string, context: LabelContext = {}): PmNode {
  const source = `{{ ${path} }}`;
  const segment = expressionChip(source, path, context);
  if (segment.type !== "chip") throw new Error("a field is a chip");
  return clauseSchema.node("chip", { source, label: segment.label, kind: segment.kind });
}

/** A line's content as words, runs of spaces and chips, in order (text nodes are cut at each space run). */
type Piece = { kind: "word" | "space"; text: string } | { kind: "chip"; node: PmNode };

function pieces(line: PmNode): Piece[] {
  const out: Piece[] = [];
  line.forEach((node) => {
    if (!node.isText) {
      out.push({ kind: "chip", node });
      return;
    }
    for (const m of (node.text ?? "").matchAll(/\s+|\S+/g)) {
      out.push({ kind: /^\s/.test(m[0]) ? "space" : "word", text: m[0] });
    }
  });
  return out;
}

function pieceSize(piece: Piece): number {
  return piece.kind === "chip" ? 1 : piece.text.length;
}

/**
 * Moves the selected chip one word left (-1) or right (1) within its line: the chip and the next word (or chip)
 * trade places and the spaces stay where they are, so « Le [Nom] réunit ses » becomes « Le réunit [Nom] ses ».
 * The keyboard's way to move a chip (Alt + ← / →), besides dragging it. Does nothing when no chip is selected;
 * at either end of its line the chip stays.
 */
export function moveChip(direction: -1 | 1): Command {
  return (state: EditorState, dispatch) => {
    const selection = state.selection;
    if (!(selection instanceof NodeSelection) || selection.node.type !== clauseSchema.nodes["chip"]) return false;
    const $pos = state.doc.resolve(selection.from);
    const line = $pos.parent;
    const lineStart = $pos.start();
    const list = pieces(line);
    let offset = 0;
    let index = -1;
    for (let k = 0; k < list.length; k++) {
      if (offset === selection.from - lineStart && list[k]?.kind === "chip") {
        index = k;
        break;
      }
      offset += pieceSize(list[k] as Piece);
    }
    let other = index + direction;
    while (other >= 0 && other < list.length && list[other]?.kind === "space") other += direction;
    if (index < 0 || other < 0 || other >= list.length) return true;
    [list[index], list[other]] = [list[other] as Piece, list[index] as Piece];
    if (dispatch) {
      const nodes: PmNode[] = [];
      let text = "";
      let chipAt = lineStart;
      for (const [k, piece] of list.entries()) {
        if (piece.kind !== "chip") {
          text += piece.text;
          continue;
        }
        if (text) nodes.push(clauseSchema.text(text));
        text = "";
        if (k === other) chipAt = lineStart + nodes.reduce((size, node) => size + node.nodeSize, 0);
        nodes.push(piece.node);
      }
      if (text) nodes.push(clauseSchema.text(text));
      const tr = state.tr.replaceWith(lineStart, lineStart + line.content.size, Fragment.from(nodes));
      tr.setSelection(NodeSelection.create(tr.doc, chipAt));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Inserts a chip at the cursor (or in place of the selection), the cursor after it; a space goes first when the
 * chip would be stuck to the previous word (`needsSpaceBefore`).
 */
export function insertChip(chip: PmNode): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const $from = state.selection.$from;
      const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
      const tr = state.tr.replaceSelectionWith(chip, false);
      if (needsSpaceBefore(before)) tr.insertText(" ", tr.mapping.map(state.selection.from, -1));
      tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(state.selection.to)));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Toggles a list item on the cursor's lines: stored as « - » at the line's start. */
export const toggleBullet: Command = (state, dispatch) => {
  const { from, to } = state.selection;
  const lines: { pos: number; node: PmNode }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type === clauseSchema.nodes["line"]) lines.push({ pos, node });
    return node.type === clauseSchema.nodes["doc"];
  });
  if (lines.length === 0) return false;
  const on = !lines.every(({ node }) => node.attrs["bullet"]);
  if (dispatch) {
    const tr = state.tr;
    for (const { pos } of lines) tr.setNodeMarkup(pos, undefined, { bullet: on });
    dispatch(tr);
  }
  return true;
};

/** « - » then a space typed at the start of a line makes it a list item (like a word processor). */
export function bulletOnDash(state: EditorState, from: number, to: number, text: string): Transaction | null {
  const $from = state.doc.resolve(from);
  if (text !== " " || from !== to || $from.parent.attrs["bullet"]) return null;
  if ($from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc") !== "-") return null;
  return state.tr.delete($from.start(), from).setNodeMarkup($from.before(), undefined, { bullet: true });
}

/** Backspace at the start of a list item makes it a plain line again; Enter in an empty list item too. */
export const leaveBullet: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || !$from.parent.attrs["bullet"] || $from.parentOffset !== 0) return false;
  dispatch?.(state.tr.setNodeMarkup($from.before(), undefined, { bullet: false }));
  return true;
};

/** Enter in a list item: a new list item after it; in an empty one, the list ends (a plain line). */
export const enterInBullet: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.attrs["bullet"]) return false;
  if ($from.parent.content.size === 0) return leaveBullet(state, dispatch);
  if (dispatch) {
    const tr = state.tr.deleteSelection();
    tr.split(tr.selection.from, 1, [{ type: clauseSchema.nodes["line"] as NodeType, attrs: { bullet: true } }]);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** The fields a person can insert in a clause: the alliance's and the document's, the party's in per-party clauses. */
export function insertableFields(perParty: boolean): { path: string; label: string }[] {
  return fieldList.fields
    .map(([path, label]) => ({ path: path as string, label: label as string }))
    .filter(
      ({ path, label }) =>
        !label.includes("(code)") &&
        !path.startsWith("loop.") &&
        !["objective", "party", "lead", "parties", "objectives", "party.is_profile", "party.is_lead", "lead.is_profile", "lead.is_lead"].includes(path) &&
        (perParty || !path.startsWith("party.")),
    );
}

/** A group of the « Insérer une donnée » list. */
export interface FieldGroup {
  label: string;
  fields: { path: string; label: string }[];
}

/** Which group a field is listed in, by where it comes from. */
function groupOf(path: string): string {
  if (path.startsWith("lead.")) return "Le chef de file";
  if (path.startsWith("party.")) return "La partie";
  if (path.startsWith("document.")) return "Le document";
  if (path.startsWith("review.") || path.startsWith("governance.")) return "Le suivi et la gouvernance";
  if (path.startsWith("subsidy_") || path === "public_funders") return "Les financements";
  return "L’alliance";
}

/** The insertable fields grouped for the list (optgroups), the party's first in a per-party clause. */
export function insertableGroups(perParty: boolean): FieldGroup[] {
  const order = perParty
    ? ["La partie", "L’alliance", "Le chef de file", "Les financements", "Le suivi et la gouvernance", "Le document"]
    : ["L’alliance", "Le chef de file", "Les financements", "Le suivi et la gouvernance", "Le document"];
  const groups = new Map<string, FieldGroup>(order.map((label) => [label, { label, fields: [] }]));
  for (const field of insertableFields(perParty)) groups.get(groupOf(field.path))?.fields.push(field);
  return [...groups.values()].filter((group) => group.fields.length > 0);
}

/**
 * Whether a chip inserted after `before` (the text just before the cursor) would be stuck to the previous word
 * (« l’alliance[Nom] »): then a space goes first. Not after a space, an opening bracket or quote, or an apostrophe.
 */
export function needsSpaceBefore(before: string): boolean {
  const last = before.slice(-1);
  return last !== "" && !/[\s([«“'’\/-]/.test(last);
}

/**
 * Plain text pasted into the editor: one editor line per line (blank lines kept, so pasted paragraphs stay apart),
 * « - » or « • » at a line's start making a list item. Text only: nothing in it becomes a chip or code.
 */
export function pastedText(text: string): Slice {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const nodes = lines.map((line) => {
    const bullet = /^[-•]\s/.test(line);
    const content = bullet ? line.replace(/^[-•]\s+/, "") : line;
    return clauseSchema.node("line", { bullet }, content ? [clauseSchema.text(content)] : []);
  });
  return new Slice(Fragment.from(nodes), 1, 1);
}
