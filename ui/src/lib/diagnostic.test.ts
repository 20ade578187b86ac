// The diagnostic offered after a real fault: what identifies the fault, nothing of the person's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, call, toApiError } from "$lib/api/client";
import { APP_VERSION, diagnosticText, dismissFault, faultOf, faults, systemName, vaultFault } from "./diagnostic.svelte";

const NOW = new Date("2026-11-30T12:34:56Z");
const LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)";

/** What a person may have typed or own, planted in the error the diagnostic is made from. */
const PERSONAL = ["Claire Moreau", "hérisson turquoise", "/home/claire", "C:\\Users\\claire", "732 829 320", "claire@asso.fr"];
const SHELL_REFUSAL =
  "invalid args `signature` for command `document_record_signature`: invalid type: string \"Claire Moreau, hérisson turquoise, /home/claire/Documents, C:\\Users\\claire, 732 829 320, claire@asso.fr\", expected a date";

describe("diagnostic", () => {
  afterEach(() => {
    dismissFault();
    vi.restoreAllMocks();
  });

  it("names the version, the system, the error's code and kind and the command, and nothing typed", () => {
    const text = diagnosticText(faultOf(SHELL_REFUSAL, NOW), LINUX);
    expect(text).toBe(
      [
        "Diagnostic Allia (sans données personnelles)",
        `Version d’Allia\u00a0: ${APP_VERSION}`,
        "Système\u00a0: Linux x86_64",
        "Erreur\u00a0: unexpected (argument)",
        "Commande\u00a0: document_record_signature",
        "Moment\u00a0: 2026-11-30T12:34Z",
      ].join("\n"),
    );
    for (const secret of PERSONAL) expect(text).not.toContain(secret);
  });

  it("keeps an exception's class, never its message", () => {
    const fault = faultOf(new TypeError("Cannot read properties of Claire Moreau at /home/claire/allia"), NOW);
    expect(fault).toEqual({ code: "unexpected", kind: "TypeError", command: null, at: "2026-11-30T12:34Z" });
    const text = diagnosticText(fault, LINUX);
    expect(text).toContain("Erreur\u00a0: unexpected (TypeError)");
    expect(text).toContain("Commande\u00a0: inconnue");
    for (const secret of PERSONAL) expect(text).not.toContain(secret);
    // An error class named after something odd is not copied either.
    const odd = new Error("x");
    odd.name = "Claire Moreau /home/claire";
    expect(faultOf(odd, NOW).kind).toBe("exception");
    expect(faultOf({ message: "Claire" }, NOW).kind).toBe("exception");
  });

  it("reads only an identifier as the command's name", () => {
    expect(faultOf("invalid args `x` for command `Claire Moreau`: …", NOW).command).toBeNull();
    expect(faultOf("something else went wrong for /home/claire", NOW)).toMatchObject({ kind: "shell", command: null });
    expect(vaultFault("storage", NOW)).toEqual({ code: "storage", kind: "vault", command: null, at: "2026-11-30T12:34Z" });
  });

  it("names the system without the user", () => {
    expect(systemName(LINUX)).toBe("Linux x86_64");
    expect(systemName("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/120")).toBe("Windows NT 10.0");
    expect(systemName("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15")).toBe("macOS 10.15.7");
    expect(systemName("")).toBe("inconnu");
  });

  it("is recorded when the UI meets a fault it cannot explain, not for a refusal it can", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    toApiError({ code: "validation", message: "Indiquez le nom.", field: "name", fieldErrors: [] });
    expect(faults.last).toBeNull();
    await expect(call(Promise.reject(SHELL_REFUSAL))).rejects.toBeInstanceOf(ApiError);
    expect(faults.last).toMatchObject({ code: "unexpected", kind: "argument", command: "document_record_signature" });
    dismissFault();
    toApiError({ code: "storage", message: "Le coffre n’a pas pu être lu.", field: null, fieldErrors: [] });
    expect(faults.last).toMatchObject({ code: "storage", kind: "vault" });
  });

  it("carries the version the app is built with", () => {
    const conf = JSON.parse(readFileSync(join(process.cwd(), "..", "src-tauri", "tauri.conf.json"), "utf8")) as { version: string };
    expect(APP_VERSION).toBe(conf.version);
  });
});
