// The editor's commands: moving and inserting chips, list items, pasted text.
import { Fragment, Slice, type Node as PmNode, type NodeType } from "prosemirror-model";
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { clauseSchema } from "./document";

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
