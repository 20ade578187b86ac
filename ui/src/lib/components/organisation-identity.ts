// The identity fields beyond the French registers (country, foreign registration, Alsace-Moselle register, bank
// details), as the organisation form holds them (flat strings) and as the vault receives them (nested, null when
// empty). The rules themselves (which country is France, IBAN key, which postal codes are of local law) live in
// allia-core; here only what decides which fields a person sees.
import type { BankDetails, Designation, ForeignRegistration, LocalRegister, Organisation } from "$lib/api/bindings";

/** The form's identity fields, flat; each maps to one nested field of `Organisation`. */
export const IDENTITY_FIELDS = [
  "country",
  "foreignRegister",
  "foreignNumber",
  "localCourt",
  "localVolume",
  "localFolio",
  "iban",
  "bic",
] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/**
 * The key under which the vault's error for each field reaches the form: `fieldErrorMap` keeps the last segment of
 * the core's dotted name (`bank.iban` → `iban`, `foreignRegistration.number` → `number`).
 */
export const IDENTITY_ERROR_KEYS: Record<IdentityField, string> = {
  country: "country",
  foreignRegister: "register",
  foreignNumber: "number",
  localCourt: "court",
  localVolume: "volume",
  localFolio: "folio",
  iban: "iban",
  bic: "bic",
};

export type IdentityForm = Record<IdentityField, string> & {
  /** Kept as it came from the vault until its own field edits it (DesignationField). */
  designation: Designation | null;
};

/** The country shown when none is recorded. */
export const FRANCE = "France";

/** Countries offered while typing « Pays » (the field stays free text): allia-core's list, generated. */
export { COUNTRY_SUGGESTIONS } from "$lib/api/bindings";

/** What people write for France; the vault stores France as no country (allia-core `normalize_country`). */
const FRANCE_ALIASES = ["", "france", "fr", "fra", "république française"];

/** Whether the typed country means France (empty included). */
export function isFrance(country: string): boolean {
  return FRANCE_ALIASES.includes(country.trim().toLowerCase());
}

/** Whether a French postal code is in Moselle (57), Bas-Rhin (67) or Haut-Rhin (68): local-law associations. */
export function isLocalLawPostalCode(postalCode: string): boolean {
  return /^\s*(57|67|68)/.test(postalCode);
}

/** Whether a legal form says « droit local » (Alsace-Moselle). */
export function isLocalLawForm(legalForm: string): boolean {
  return /droit\s+local/i.test(legalForm);
}

export function emptyIdentityForm(): IdentityForm {
  return {
    country: FRANCE,
    foreignRegister: "",
    foreignNumber: "",
    localCourt: "",
    localVolume: "",
    localFolio: "",
    iban: "",
    bic: "",
    designation: null,
  };
}

export function identityToForm(organisation: Organisation | null): IdentityForm {
  const form = emptyIdentityForm();
  if (organisation === null) return form;
  form.country = organisation.country ?? FRANCE;
  form.foreignRegister = organisation.foreignRegistration?.register ?? "";
  form.foreignNumber = organisation.foreignRegistration?.number ?? "";
  form.localCourt = organisation.localRegister?.court ?? "";
  form.localVolume = organisation.localRegister?.volume ?? "";
  form.localFolio = organisation.localRegister?.folio ?? "";
  form.iban = groupIban(organisation.bank?.iban ?? "");
  form.bic = organisation.bank?.bic ?? "";
  form.designation = organisation.designation ?? null;
  return form;
}

/**
 * A stored IBAN (compact, as the vault keeps it) shown by groups of four, as people read it on a RIB
 * (« FR76 3000 6000 0112 3456 7890 189 »); the vault removes the spaces again. Contracts print it with
 * allia-core's `format_iban`.
 */
export function groupIban(iban: string): string {
  return iban.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ");
}

const filled = (...values: string[]) => values.some((value) => value.trim() !== "");

/**
 * The nested fields the vault receives. A group left empty is null; a group partly filled is sent whole, so the vault
 * names what is missing. A foreign registration typed and then hidden by choosing France again is still sent: the
 * vault refuses it with its message rather than losing it silently.
 */
export function identityFromForm(form: IdentityForm): Pick<
  Organisation,
  "country" | "foreignRegistration" | "localRegister" | "bank" | "designation"
> {
  const foreignRegistration: ForeignRegistration | null = filled(form.foreignRegister, form.foreignNumber)
    ? { register: form.foreignRegister.trim(), number: form.foreignNumber.trim() }
    : null;
  const localRegister: LocalRegister | null = filled(form.localCourt, form.localVolume, form.localFolio)
    ? { court: form.localCourt.trim(), volume: form.localVolume.trim(), folio: form.localFolio.trim() }
    : null;
  const bank: BankDetails | null = filled(form.iban, form.bic)
    ? { iban: form.iban.trim(), bic: form.bic.trim() === "" ? null : form.bic.trim() }
    : null;
  return {
    country: isFrance(form.country) ? null : form.country.trim(),
    foreignRegistration,
    localRegister,
    bank,
    designation: form.designation,
  };
}

/** Which optional groups the form shows, from what is typed (and always when a group holds something). */
export function identitySections(form: IdentityForm & { postalCode: string; legalForm: string; rna: string }): {
  foreign: boolean;
  rna: boolean;
  localRegister: boolean;
} {
  const france = isFrance(form.country);
  return {
    foreign: !france || filled(form.foreignRegister, form.foreignNumber),
    rna: france || filled(form.rna),
    localRegister:
      (france && (isLocalLawPostalCode(form.postalCode) || isLocalLawForm(form.legalForm))) ||
      filled(form.localCourt, form.localVolume, form.localFolio),
  };
}

/** Whether the bank details hold something (their section then opens by itself). */
export function hasBankDetails(form: IdentityForm): boolean {
  return filled(form.iban, form.bic);
}
