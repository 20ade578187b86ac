// Conversions between API types (nullable strings) and form state (plain strings).
import { tick } from "svelte";
import type { Organisation } from "./api/bindings";
import { emptyIdentityForm, identityFromForm, identityToForm, type IdentityForm } from "./components/organisation-identity";

export const ORGANISATION_FIELDS = [
  "name",
  "acronym",
  "legalForm",
  "rna",
  "siret",
  "street",
  "postalCode",
  "city",
  "representativeName",
  "representativeRole",
  "email",
  "phone",
] as const satisfies readonly (keyof Organisation)[];

export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
/** The plain text fields, and the identity fields beyond the French registers (`organisation-identity.ts`). */
export type OrganisationForm = Record<OrganisationField, string> & IdentityForm;

export function emptyOrganisationForm(): OrganisationForm {
  return {
    name: "",
    acronym: "",
    legalForm: "",
    rna: "",
    siret: "",
    street: "",
    postalCode: "",
    city: "",
    representativeName: "",
    representativeRole: "",
    email: "",
    phone: "",
    ...emptyIdentityForm(),
  };
}

export function organisationToForm(organisation: Organisation | null): OrganisationForm {
  const form = emptyOrganisationForm();
  if (organisation === null) return form;
  for (const field of ORGANISATION_FIELDS) form[field] = organisation[field] ?? "";
  return { ...form, ...identityToForm(organisation) };
}

/** Empty optional text becomes null; the name stays a string (required, validated by the server). */
export function nullable(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

export function formToOrganisation(form: OrganisationForm): Organisation {
  return {
    name: form.name.trim(),
    acronym: nullable(form.acronym),
    legalForm: nullable(form.legalForm),
    rna: nullable(form.rna),
    siret: nullable(form.siret),
    street: nullable(form.street),
    postalCode: nullable(form.postalCode),
    city: nullable(form.city),
    representativeName: nullable(form.representativeName),
    representativeRole: nullable(form.representativeRole),
    email: nullable(form.email),
    phone: nullable(form.phone),
    ...identityFromForm(form),
  };
}

/**
 * After a refused save, brings the first field marked invalid into view and gives it
 * the focus, so the message next to it is seen (and read by screen readers).
 */
export async function focusFirstInvalid(root: ParentNode = document): Promise<void> {
  await tick();
  const field = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (field === null) return;
  // jsdom (unit tests) has no scrollIntoView.
  field.scrollIntoView?.({ block: "center" });
  field.focus({ preventScroll: true });
}

/** The largest whole number the vault's unsigned settings (u32) can receive. */
const U32_MAX = 4_294_967_295;

/**
 * A number field's value as the vault receives it: 0 when it is empty, negative, not whole or too large to send.
 * The vault refuses 0 with its own French message (« Choisissez un délai entre 1 et 240 minutes. »), so the rule
 * stays in Rust while nothing the person types makes the call itself fail. A decimal never reaches this (NumberField
 * refuses it with `wholeNumberMessage`); if one did, it is refused rather than rounded into another value.
 */
export function wholeNumberForVault(value: number | null | undefined): number {
  if (typeof value !== "number" || !Number.isInteger(value)) return 0;
  return value < 0 || value > U32_MAX ? 0 : value;
}

/**
 * Whether a number input holds something other than a whole number: a decimal (« 0.5 », the input's value 0.5) or
 * text the browser cannot read as a number (« 0,5 » in a French window, « dix »: `validity.badInput`, value empty).
 * Empty is not this: each form says what empty means.
 */
export function notWholeNumber(input: HTMLInputElement): boolean {
  if (input.validity.badInput) return true;
  if (input.value.trim() === "") return false;
  const number = Number(input.value);
  return !Number.isFinite(number) || !Number.isInteger(number);
}

/** The refusal of a decimal in a whole-number field: « Saisissez un nombre entier de minutes. » (`unit` plural). */
export function wholeNumberMessage(unit: string | null | undefined): string {
  if (unit === null || unit === undefined || unit === "") return "Saisissez un nombre entier.";
  const elided = /^[aeiouyhéèêàâîôû]/i.test(unit);
  return `Saisissez un nombre entier ${elided ? "d\u2019" : "de "}${unit}.`;
}

/**
 * The first date field of `form` whose text is not a date yet (half typed, or impossible such as 31/02): the form
 * must not be sent, or the vault would store an empty date in place of what the person sees. Returns the field's
 * first segment, to be focused (its own message already says what is wrong), or null when every date is settled.
 */
export function unsettledDateField(form: ParentNode): HTMLElement | null {
  const field = form.querySelector<HTMLElement>('[data-date-unsettled="true"]');
  if (field === null) return null;
  return field.querySelector<HTMLElement>("[data-segment]") ?? field;
}
