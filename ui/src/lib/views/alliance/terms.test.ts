import { describe, expect, it } from "vitest";
import { durationInWords, formToTerms, termNumber, termsToForm } from "./terms";

const NBSP = "\u00a0";

describe("durationInWords", () => {
  it("says a duration in years and months", () => {
    expect(durationInWords(36)).toBe(`3${NBSP}ans`);
    expect(durationInWords(12)).toBe(`1${NBSP}an`);
    expect(durationInWords(18)).toBe(`1${NBSP}an et 6${NBSP}mois`);
    expect(durationInWords(1)).toBe(`1${NBSP}mois`);
    expect(durationInWords(11)).toBe(`11${NBSP}mois`);
    expect(durationInWords(120)).toBe(`10${NBSP}ans`);
    expect(durationInWords(121)).toBe(`10${NBSP}ans et 1${NBSP}mois`);
  });

  it("says nothing for no duration or one that is not a count of months", () => {
    expect(durationInWords(null)).toBe("");
    expect(durationInWords(undefined)).toBe("");
    expect(durationInWords(0)).toBe("");
    expect(durationInWords(-3)).toBe("");
    expect(durationInWords(2.5)).toBe("");
  });
});

describe("terms in the form", () => {
  it("starts empty when the alliance has no terms", () => {
    expect(termsToForm(undefined)).toEqual({
      durationMonths: null,
      tacitRenewal: false,
      noticeMonths: null,
      signaturePlace: "",
      signatureDate: null,
      copies: null,
      court: "",
    });
  });

  it("goes back to the same terms, empty texts as null", () => {
    const terms = {
      durationMonths: 36,
      tacitRenewal: true,
      noticeMonths: 0,
      signaturePlace: "Lyon",
      signatureDate: "2027-03-03",
      copies: 4,
      court: null,
    };
    expect(formToTerms(termsToForm(terms))).toEqual(terms);
    expect(formToTerms({ ...termsToForm(terms), signaturePlace: "  ", court: " Tribunal judiciaire de Tours " })).toMatchObject({
      signaturePlace: null,
      court: "Tribunal judiciaire de Tours",
    });
  });

  it("sends what the vault must refuse as a count it refuses, never as another valid one", () => {
    expect(termNumber(null)).toBeNull();
    expect(termNumber(undefined)).toBeNull();
    expect(termNumber(Number.NaN)).toBeNull();
    expect(termNumber(0)).toBe(0);
    expect(termNumber(24)).toBe(24);
    expect(termNumber(-1)).toBe(4_294_967_295);
    expect(termNumber(1.5)).toBe(4_294_967_295);
    expect(termNumber(1e12)).toBe(4_294_967_295);
  });
});
