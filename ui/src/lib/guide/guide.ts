// The in-app guide: each area's « Pourquoi ? / Comment ? » text, taken from the guide « Construire une alliance
// associative » (../shared/reference/guide-alliance-associative.txt) in its own words. The texts live in
// ./content/<name>.md, one file per guide text, written in the small Markdown-like format `parseGuide` reads; the
// area registry (areas.ts) gives each area one of `GUIDES`. Nothing of the guide is written in a component.
import allianceText from "./content/alliance.md?raw";
import diagnosticText from "./content/diagnostic.md?raw";
import documentsText from "./content/documents.md?raw";
import evaluationText from "./content/evaluation.md?raw";
import modeleText from "./content/modele.md?raw";
import objectifsText from "./content/objectifs.md?raw";
import partenairesText from "./content/partenaires.md?raw";
import profileText from "./content/profile.md?raw";
import projetText from "./content/projet.md?raw";
import settingsText from "./content/settings.md?raw";

/** An item of a guide list, with the points under it (one level, as in the guide). */
export interface GuideItem {
  text: string;
  items: string[];
}

/** One piece of a guide text, as the guide panel lays it out. */
export type GuideBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A bulleted (`ordered: false`) or numbered list. */
  | { kind: "list"; ordered: boolean; items: GuideItem[] };

/** An area's guide text: its title, why (« Pourquoi ? ») and how (« Comment ? »). */
export interface AreaGuide {
  title: string;
  why: GuideBlock[];
  how: GuideBlock[];
}

/** The two parts of every guide text, as the panel titles them (U+202F before « ? »). */
export const WHY_HEADING = "Pourquoi\u202f?";
export const HOW_HEADING = "Comment\u202f?";

/** A guide text that does not follow the format: which file, which line, what is wrong. */
export class GuideFormatError extends Error {}

/**
 * Reads a guide content file. The format, line by line:
 * - `# Title`, once, first;
 * - `## Pourquoi ?` then `## Comment ?`, the two parts, each with at least one block;
 * - `### Heading`, a heading inside a part;
 * - `- text` a bullet, `1. text` a numbered item; a line indented under an item (`  - point`) is a point under it,
 *   any other indented line continues the item or point above;
 * - any other line is a paragraph; consecutive lines make one paragraph; a blank line ends a paragraph or a list;
 * - `<!-- … -->` on one line is a note for whoever edits the file (the guide's section it comes from), not shown.
 * The text is kept as written (French typography included: the content test checks it).
 */
export function parseGuide(name: string, source: string): AreaGuide {
  let title: string | null = null;
  let why: GuideBlock[] | null = null;
  let how: GuideBlock[] | null = null;
  /** The part being read (`why` or `how`), null before `## Pourquoi ?`. */
  let blocks: GuideBlock[] | null = null;
  /** The paragraph's lines or the list being read, if any. */
  let paragraph: string[] | null = null;
  let list: { ordered: boolean; items: GuideItem[] } | null = null;
  let lineNumber = 0;

  function fail(message: string): never {
    throw new GuideFormatError(`${name}, line ${lineNumber}: ${message}`);
  }
  function part(): GuideBlock[] {
    return blocks ?? fail("text before « ## Pourquoi ? »");
  }
  /** Ends the paragraph or the list being read. */
  function close() {
    if (paragraph !== null) part().push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list !== null) part().push({ kind: "list", ordered: list.ordered, items: list.items });
    paragraph = null;
    list = null;
  }

  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    lineNumber += 1;
    const line = raw.trimEnd();
    const text = line.trim();
    const indented = text !== "" && /^\s/.test(line);
    if (text === "") {
      close();
      continue;
    }
    if (/^<!--.*-->$/.test(text)) continue;
    const heading = indented ? null : /^(#{1,3}) (.+)$/.exec(line);
    if (heading !== null) {
      close();
      const marks = heading[1];
      const words = (heading[2] ?? "").trim();
      if (marks === "#") {
        if (title !== null || blocks !== null) fail("one « # » title, first");
        title = words;
      } else if (marks === "##") {
        if (title === null) fail("the « # » title comes first");
        const which = partOf(words);
        if (which === null) fail(`« ## ${words} »: the parts are « ## Pourquoi ? » and « ## Comment ? »`);
        if (which === "why" && (why !== null || how !== null)) fail("« ## Pourquoi ? » once, before « ## Comment ? »");
        if (which === "how" && (why === null || how !== null)) fail("« ## Comment ? » once, after « ## Pourquoi ? »");
        blocks = [];
        if (which === "why") why = blocks;
        else how = blocks;
      } else {
        part().push({ kind: "heading", text: words });
      }
      continue;
    }
    const bullet = /^(-|\d+\.) (.+)$/.exec(text);
    if (indented) {
      // Under the last item of the list being read: a point, or the item (or point) going on.
      const item = list?.items[list.items.length - 1] ?? fail("an indented line outside a list");
      if (bullet !== null && bullet[1] === "-") item.items.push(bullet[2] ?? "");
      else if (item.items.length > 0) item.items[item.items.length - 1] += ` ${text}`;
      else item.text += ` ${text}`;
      continue;
    }
    if (bullet !== null) {
      const ordered = bullet[1] !== "-";
      if (paragraph !== null || (list !== null && list.ordered !== ordered)) close();
      part();
      list ??= { ordered, items: [] };
      list.items.push({ text: bullet[2] ?? "", items: [] });
      continue;
    }
    if (list !== null) close();
    part();
    paragraph ??= [];
    paragraph.push(text);
  }
  close();
  if (title === null) fail("no « # » title");
  if (why === null || why.length === 0) fail("« ## Pourquoi ? » is missing or empty");
  if (how === null || how.length === 0) fail("« ## Comment ? » is missing or empty");
  return { title, why, how };
}

/** Which part a `##` line opens (spaces before « ? » may be any kind). */
function partOf(heading: string): "why" | "how" | null {
  const words = heading.replace(/\s+/gu, "");
  if (words === "Pourquoi?") return "why";
  if (words === "Comment?") return "how";
  return null;
}

/**
 * Whether a list reads well in two columns: short items only, without points under them. Longer ones take the
 * panel's width (a bullet is never split across columns either way).
 */
export function inTwoColumns(items: readonly GuideItem[]): boolean {
  return items.length >= 4 && items.every((item) => item.items.length === 0 && item.text.length <= 40);
}

/** Every text of a guide, in reading order (for the content tests). */
export function guideTexts(guide: AreaGuide): string[] {
  const texts = [guide.title];
  for (const block of [...guide.why, ...guide.how]) {
    if (block.kind === "list") for (const item of block.items) texts.push(item.text, ...item.items);
    else texts.push(block.text);
  }
  return texts;
}

/** The content files, by name (`./content/<name>.md`). */
export const GUIDE_SOURCES = {
  alliance: allianceText,
  diagnostic: diagnosticText,
  projet: projetText,
  partenaires: partenairesText,
  modele: modeleText,
  documents: documentsText,
  objectifs: objectifsText,
  evaluation: evaluationText,
  profile: profileText,
  settings: settingsText,
} as const;

export type GuideName = keyof typeof GUIDE_SOURCES;

/** Every guide text, read once when the app starts (a file out of format fails the content test). */
export const GUIDES = Object.fromEntries(
  Object.entries(GUIDE_SOURCES).map(([name, source]) => [name, parseGuide(name, source)]),
) as Record<GuideName, AreaGuide>;

/** A step of « Construire une alliance en 5 étapes »: its number, its title and its points. */
export interface GuideStep {
  number: number;
  title: string;
  points: string[];
}

/** The five steps of the guide's section 3, from the alliance's guide text (its numbered list). */
export const FIVE_STEPS: GuideStep[] = GUIDES.alliance.how
  .filter((block): block is Extract<GuideBlock, { kind: "list" }> => block.kind === "list" && block.ordered)
  .flatMap((block) => block.items)
  .map((item, index) => ({ number: index + 1, title: item.text, points: item.items }));

/** What an alliance is, for the screen shown before the first one exists. */
export const ALLIANCE_DEFINITION =
  "Une alliance réunit votre association et d’autres organisations (associations, collectivités, entreprises, fondations…) autour d’un projet commun\u00a0: mutualiser des moyens, répondre ensemble à un besoin social, amplifier votre impact.";
