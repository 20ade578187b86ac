// A refusal with several problems (an alliance file that cannot be imported) arrives as one French message: its first
// line says what happened, each further line is one problem with its place (« partenaire 3, SIRET : … »), written
// once in allia-core (`ValidationErrors::alliance_file_message`). The screens show the problems as a list.

/** A message split for display: its first line, and the lines after it (one problem each, blank lines dropped). */
export interface ErrorLines {
  lead: string;
  items: string[];
}

/** Splits a message at its line breaks; a one-line message has no items. */
export function errorLines(message: string): ErrorLines {
  const [lead = "", ...rest] = message.split(/\r?\n/);
  return { lead, items: rest.map((line) => line.trim()).filter((line) => line !== "") };
}
