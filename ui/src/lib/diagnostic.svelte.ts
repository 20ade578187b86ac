// The last real fault (an error Allia cannot explain to the person) and the diagnostic text offered to copy for
// whoever helps them. The text carries what identifies the fault — app version, system, error code and kind, the
// command — and nothing the person typed or owns: no message text, no field value, no name, no file path.
import { version as packageVersion } from "../../package.json";

/** What is kept of a fault: closed codes and identifiers only. */
export interface Fault {
  /** The error code: `unexpected` (raised in the web view), or the vault's code (`storage`, `io`…). */
  code: string;
  /**
   * What kind of fault: `argument` (the app's shell refused what a screen sent), `shell` (another refusal of the
   * shell), `vault` (a code the vault sent), or the JavaScript exception's class (`TypeError`…).
   */
  kind: string;
  /** The command that failed (`document_record_signature`), when known. */
  command: string | null;
  /** When it happened, ISO 8601 in UTC to the minute. */
  at: string;
}

/** The app's version (ui/package.json, kept equal to src-tauri/tauri.conf.json by a test). */
export const APP_VERSION: string = packageVersion;

/** Only these characters survive from anything read off an error: identifiers, never sentences. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function identifier(value: unknown): string | null {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : null;
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/**
 * The fault behind an error the UI cannot explain. A string is the shell's own refusal (Tauri writes « invalid
 * args `draft` for command `partner_update`: … » and may quote the value sent there): only the command's name is
 * read from it. An exception gives its class name, never its message.
 */
export function faultOf(error: unknown, now: Date = new Date()): Fault {
  if (typeof error === "string") {
    const command = identifier(/\bcommand `([A-Za-z0-9_]+)`/.exec(error)?.[1]);
    return { code: "unexpected", kind: /invalid args/i.test(error) ? "argument" : "shell", command, at: minute(now) };
  }
  const name = error instanceof Error ? identifier(error.name) : null;
  return { code: "unexpected", kind: name ?? "exception", command: null, at: minute(now) };
}

/** A fault the vault reported with its own code (`storage`, `io`): the code is all that is kept. */
export function vaultFault(code: string, now: Date = new Date()): Fault {
  return { code: identifier(code) ?? "inconnu", kind: "vault", command: null, at: minute(now) };
}

/** The system as the web view names it (« Linux x86_64 », « Windows NT 10.0 », « macOS 14.5 »): no user name. */
export function systemName(userAgent: string): string {
  const windows = /Windows NT [\d.]+/.exec(userAgent);
  if (windows) return windows[0];
  const mac = /Mac OS X ([\d_]+)/.exec(userAgent);
  if (mac?.[1]) return `macOS ${mac[1].replaceAll("_", ".")}`;
  const linux = /Linux (x86_64|aarch64|arm\w*|i686)/.exec(userAgent);
  if (linux?.[1]) return `Linux ${linux[1]}`;
  if (/Linux/.test(userAgent)) return "Linux";
  return "inconnu";
}

/** The text put in the clipboard: one fact a line, labelled in French for the person who reads it. */
export function diagnosticText(fault: Fault, userAgent: string, version: string = APP_VERSION): string {
  return [
    "Diagnostic Allia (sans données personnelles)",
    `Version d’Allia\u00a0: ${version}`,
    `Système\u00a0: ${systemName(userAgent)}`,
    `Erreur\u00a0: ${fault.code} (${fault.kind})`,
    `Commande\u00a0: ${fault.command ?? "inconnue"}`,
    `Moment\u00a0: ${fault.at}`,
  ].join("\n");
}

/** The last fault since the notice was closed; null when none. */
export const faults = $state<{ last: Fault | null }>({ last: null });

/** Keeps a fault for the « Copier le diagnostic » notice. */
export function recordFault(fault: Fault): void {
  faults.last = fault;
}

/** Closes the notice. */
export function dismissFault(): void {
  faults.last = null;
}

/**
 * Copies the diagnostic: the clipboard API when the web view allows it, else the older copy command on a hidden
 * text area. Resolves to whether it worked (the notice shows the text to copy by hand otherwise).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the web view: try the older way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
