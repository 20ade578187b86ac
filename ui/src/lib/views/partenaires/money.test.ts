// Amounts on screen must read exactly like the vault's messages and the documents', which Rust writes:
// `api/french-amounts.json` is written by crates/allia-core/tests/french_amounts.rs from `money::format_euros`.
import { describe, expect, it } from "vitest";
import golden from "$lib/api/french-amounts.json";
import { AMOUNT_REFUSALS, amountError, centsToInput, formatEuros, inputToCents, NOT_AN_AMOUNT, readAmount } from "./money";

const N = "\u202f";

describe("amounts in euros", () => {
  it("are written as allia-core writes them (money::format_euros)", () => {
    // The same cases as crates/allia-core/src/money.rs.
    expect(formatEuros(0)).toBe(`0,00${N}€`);
    expect(formatEuros(5)).toBe(`0,05${N}€`);
    expect(formatEuros(50_000)).toBe(`500,00${N}€`);
    expect(formatEuros(1_250_050)).toBe(`12${N}500,50${N}€`);
    expect(formatEuros(10_000_000_000)).toBe(`100${N}000${N}000,00${N}€`);
    expect(formatEuros(-12_345)).toBe(`\u2212123,45${N}€`);
  });

  it.each(golden.amounts)("%d → %s, as the vault writes it", (cents, label) => {
    expect(formatEuros(Number(cents))).toBe(label);
    // What a field shows for it reads back as the same cents.
    expect(inputToCents(centsToInput(Number(cents)))).toBe(Number(cents));
  });

  it("read what people type, to the cent", () => {
    expect(inputToCents("12 500")).toBe(1_250_000);
    expect(inputToCents("12 500,50")).toBe(1_250_050);
    expect(inputToCents(`12${N}500,5`)).toBe(1_250_050);
    expect(inputToCents("12\u00a0500.05 €")).toBe(1_250_005);
    expect(inputToCents("0,01")).toBe(1);
    expect(inputToCents("30000")).toBe(3_000_000);
    expect(inputToCents("-5")).toBe(-500);
    expect(inputToCents("  ")).toBeNull();
    expect(inputToCents("30.000")).toBe(3_000_000);
    expect(inputToCents("1.200,50")).toBe(120_050);
    expect(inputToCents("12.5")).toBe(1_250);
    for (const bad of ["12,345", "douze", "0.500", "1,234.56", "12,", ",5", "1e5", "12 500 €€"]) {
      expect(inputToCents(bad), bad).toBeUndefined();
    }
    expect(amountError("1,234")).toBe(AMOUNT_REFUSALS.ambiguous);
    expect(amountError("1.234.5")).toBe(AMOUNT_REFUSALS.mixed_separators);
    expect(amountError("douze")).toBe(NOT_AN_AMOUNT);
    expect(amountError("30.000")).toBeNull();
  });

  it.each(golden.readings)("reads %j as money::parse_euros does", (text, cents, refusal) => {
    const reading = readAmount(String(text));
    if (refusal === null) expect(reading).toEqual({ cents });
    else expect(reading).toEqual({ refusal });
  });

  it("refuses with the vault's messages (money::AmountRefusal::message)", () => {
    expect(AMOUNT_REFUSALS).toEqual(golden.refusals);
  });

  it("show in a field what reads back as the same cents", () => {
    for (const cents of [0, 1, 99, 100, 1_250_000, 1_250_050, 10_000_000_000]) {
      expect(inputToCents(centsToInput(cents))).toBe(cents);
    }
    expect(centsToInput(1_250_000)).toBe(`12${N}500`);
    expect(centsToInput(1_250_050)).toBe(`12${N}500,50`);
    expect(centsToInput(null)).toBe("");
  });
});
