// The clause editor's model: a clause text (the stored template form, e.g. « l’alliance « {{ alliance.name }} » »)
// cut into plain text and chips. A chip is one template tag, or one whole `{% if %}…{% endif %}` /
// `{% for %}…{% endfor %}` block, kept verbatim in `source` and shown by its French label; the person edits the
// text around chips, moves them or deletes them, and can never break one. Serialising gives back exactly the
// template text: text and chip sources, in order, lines joined by "\n".
//
// Labels come from `api/clause-fields.json`, written from Rust (allia_docs::templates::fields) next to the
// template context: this module never spells a field's name itself.
import { Fragment, Schema, type Node as PmNode } from "prosemirror-model";
import { NodeSelection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import fieldList from "$lib/api/clause-fields.json";

/** What a chip stands for, for its style and its wording. */
export type ChipKind = "field" | "blank" | "reference" | "condition" | "list" | "code";

/** One piece of a clause text: plain text, or a chip that keeps its template source verbatim. */
export type Segment = { type: "text"; text: string } | { type: "chip"; kind: ChipKind; source: string; label: string };

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

/** Cuts a template text into plain text and tags. A tag that is never closed stays text (the vault refuses it). */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const opener = OPENERS[source.slice(i, i + 2)];
    const end = opener ? tagEnd(source, i, opener.close) : null;
    if (opener && end !== null) {
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

/** The stored text of the editor's lines: text and chip sources in order, lines joined by "\n". */
export function serialize(lines: Lines): string {
  return lines.map((line) => line.map((s) => (s.type === "text" ? s.text : s.source)).join("")).join("\n");
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

/** The label of one expression (`{{ … }}`). */
function expressionChip(source: string, expression: string, context: LabelContext): Segment {
  const call = /^([a-z_]+)\s*\(/.exec(expression)?.[1];
  if (call === "blank") {
    const words = literals(expression).join("").trim();
    const fields = fieldNames(expression).map(chipText).join(" ");
    const what = [words, fields].filter(Boolean).join(" ");
    return { type: "chip", kind: "blank", source, label: what ? `À compléter${NBSP}: ${what}` : "À compléter" };
  }
  if (call === "ref") {
    const id = literals(expression)[0] ?? "";
    const title = context.titles?.[id] ?? id;
    return { type: "chip", kind: "reference", source, label: `Numéro de l’article ${quoted(title)}` };
  }
  const names = fieldNames(expression);
  if (names.length === 1 && !/\bif\b/.test(withoutLiterals(expression))) {
    return { type: "chip", kind: "field", source, label: names[0] as string };
  }
  if (names.length > 0) return { type: "chip", kind: "field", source, label: `Selon ${names.map(chipText).join(", ")}` };
  return { type: "chip", kind: "code", source, label: "Donnée calculée" };
}

/** The chip of a lone tag (an expression, or a statement outside any whole block). */
function tagChip(token: Extract<Token, { type: "tag" }>, context: LabelContext): Segment {
  if (token.tag === "expr") return expressionChip(token.source, token.inner, context);
  if (token.tag === "comment") return { type: "chip", kind: "code", source: token.source, label: "Note du modèle" };
  return { type: "chip", kind: "condition", source: token.source, label: "Repère de condition" };
}

/** What a condition tests, in words: « si [Territoire] est renseigné ». */
function conditionWords(test: string, context: LabelContext): string {
  const has = /^has\(\s*["']([^"']+)["']\s*\)$/.exec(test);
  if (has) return `si l’article ${quoted(context.titles?.[has[1] as string] ?? (has[1] as string))} est présent`;
  // Yes-or-no fields (`party.is_lead`) are labelled as a statement: « si [La partie est chef de file] ».
  const isYesNo = (path: string) => /(^|\.)is_[a-z_]+$/.test(path);
  const negated = /^not\s+([A-Za-z_.]+)$/.exec(test);
  if (negated) {
    const path = negated[1] as string;
    const label = FIELD_LABELS.get(path);
    if (label !== undefined) return isYesNo(path) ? `sauf si ${chipText(label)}` : `si ${chipText(label)} n’est pas renseigné`;
  }
  const label = FIELD_LABELS.get(test);
  if (label !== undefined) return isYesNo(test) ? `si ${chipText(label)}` : `si ${chipText(label)} est renseigné`;
  const names = fieldNames(test);
  return names.length > 0 ? `selon ${names.map(chipText).join(", ")}` : "selon les données";
}

/** A short reading of a branch: its text with inner chips as « [label] », on one line, cut when long. */
function branchPreview(tokens: Token[], context: LabelContext): string {
  const text = displayText(sourceOf(tokens), context)
    .replace(/\*\*|\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text;
}

/** One chip for a whole `if … endif` or `for … endfor` block, labelled by what it tests and what it prints. */
function blockChip(block: Token[], context: LabelContext): Segment {
  const source = sourceOf(block);
  const head = block[0] as Extract<Token, { type: "tag" }>;
  if (keyword(head) === "for") {
    const iterable = /^for\s+\S+\s+in\s+(.+)$/.exec(head.inner)?.[1]?.trim() ?? "";
    const over = FIELD_LABELS.get(iterable);
    const body = branchPreview(block.slice(1, -1), context);
    const what = over === undefined ? "Liste répétée" : `Pour chaque élément de ${chipText(over)}`;
    return { type: "chip", kind: "list", source, label: body ? `${what}${NBSP}: ${body}` : what };
  }
  // Branches at depth 1: `if`, then each `elif` / `else`.
  const parts: string[] = [];
  let depth = 0;
  let test = head.inner.replace(/^if\s+/, "");
  let start = 1;
  const flush = (end: number) => {
    const body = branchPreview(block.slice(start, end), context);
    const words = test === "" ? "sinon" : conditionWords(test, context);
    parts.push(`${words}${NBSP}: ${body || "rien"}`);
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
  const label = parts.join(" ; ");
  return { type: "chip", kind: "condition", source, label: label.charAt(0).toUpperCase() + label.slice(1) };
}

// ---------------------------------------------------------------------------------------------------------------
// The ProseMirror document

/** Lines of text (paragraphs) holding text and chips; a chip is an atom: selected, moved or deleted whole. */
export const clauseSchema = new Schema({
  nodes: {
    doc: { content: "line+" },
    line: {
      content: "inline*",
      toDOM: () => ["p", { class: "clause-line" }, 0],
      parseDOM: [{ tag: "p" }, { tag: "div" }],
    },
    text: { group: "inline" },
    chip: {
      group: "inline",
      inline: true,
      atom: true,
      selectable: true,
      draggable: true,
      attrs: { source: { default: "" }, label: { default: "" }, kind: { default: "field" } },
      leafText: (node: PmNode) => chipText(String(node.attrs["label"])),
      toDOM: (node: PmNode) => [
        "span",
        {
          class: `chip chip-${String(node.attrs["kind"])}`,
          "data-chip": String(node.attrs["source"]),
          "data-kind": String(node.attrs["kind"]),
          contenteditable: "false",
        },
        chipText(String(node.attrs["label"])),
      ],
      parseDOM: [
        {
          tag: "span[data-chip]",
          getAttrs: (dom: HTMLElement) => ({
            source: dom.getAttribute("data-chip") ?? "",
            kind: dom.getAttribute("data-kind") ?? "field",
            label: (dom.textContent ?? "").replace(/^\[|\]$/g, ""),
          }),
        },
      ],
    },
  },
});

/** The editor document of a stored clause text. */
export function toDoc(source: string, context: LabelContext = {}): PmNode {
  const lines = parse(source, context).map((line) =>
    clauseSchema.node(
      "line",
      null,
      line.map((s) =>
        s.type === "text" ? clauseSchema.text(s.text) : clauseSchema.node("chip", { source: s.source, label: s.label, kind: s.kind }),
      ),
    ),
  );
  return clauseSchema.node("doc", null, lines);
}

/** The stored text of an editor document. */
export function fromDoc(doc: PmNode): string {
  const lines: string[] = [];
  doc.forEach((line) => {
    let text = "";
    line.forEach((node) => {
      text += node.isText ? (node.text ?? "") : String(node.attrs["source"]);
    });
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

/** Inserts a chip at the cursor (or in place of the selection), the cursor after it. */
export function insertChip(chip: PmNode): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = state.tr.replaceSelectionWith(chip, false);
      tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(state.selection.to)));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

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
