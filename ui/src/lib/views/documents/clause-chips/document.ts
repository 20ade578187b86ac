// The ProseMirror document of a clause: its schema, and a stored text to a document and back.
import { Schema, type Node as PmNode } from "prosemirror-model";
import { NBSP, type LabelContext, type Segment } from "./model";
import { expressionChip, parse } from "./segments";
import { chipText, escapeBraces } from "./text";

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
