// A clause text's lines back to the stored text, and the text a person reads for it.
import type { LabelContext, Lines } from "./model";
import { parse } from "./segments";
import { ESCAPED_BRACE } from "./tokens";

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
