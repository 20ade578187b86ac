// The screens' dates must read exactly like the documents' and the command line's, which Rust formats.
// `api/french-dates.json` is written by crates/allia-docs/tests/french_dates.rs from the Rust functions.
import { describe, expect, it } from "vitest";
import golden from "$lib/api/french-dates.json";
import { formatDateTime } from "./backups";
import { formatDate } from "./format";

describe("dates on screen read as in documents", () => {
  it.each(golden.dates)("%s → %s", (date, label) => {
    expect(formatDate(date)).toBe(label);
  });

  // The pairs are local times; asking for them in UTC from a UTC instant gives the same wall-clock time.
  it.each(golden.dateTimes)("%s → %s", (at, label) => {
    expect(formatDateTime(`${at}Z`, "UTC")).toBe(label);
  });
});
