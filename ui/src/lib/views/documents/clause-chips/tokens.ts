// Template text cut into tokens: plain text and tags, an escaped brace read back as text.

/** A piece of a template text: plain text, or one tag kept verbatim with its inner text. */
export type Token = { type: "text"; text: string } | { type: "tag"; tag: "expr" | "stmt" | "comment"; source: string; inner: string };

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
export function keyword(token: Token): string | null {
  if (token.type !== "tag" || token.tag !== "stmt") return null;
  return /^[a-z_]+/.exec(token.inner)?.[0] ?? null;
}

const BLOCK_END: Record<string, string> = { if: "endif", for: "endfor" };

/** The index of the tag that closes the block opened at `start`, or null when it is never closed. */
export function blockEnd(tokens: Token[], start: number): number | null {
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

export function sourceOf(tokens: Token[]): string {
  return tokens.map((t) => (t.type === "text" ? t.text : t.source)).join("");
}
