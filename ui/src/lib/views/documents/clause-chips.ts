// The clause editor's model: a clause text (the stored template form, e.g. « l’alliance « {{ alliance.name }} » »)
// cut into plain text and chips. A chip is one template tag, or one whole `{% if %}…{% endif %}` /
// `{% for %}…{% endfor %}` block, kept verbatim in `source` and shown by its French label; the person edits the
// text around chips, moves them or deletes them, and can never break one. Serialising gives back exactly the
// template text: text and chip sources, in order, lines joined by "\n".
//
// What the person types is text, never code: a `{` that could open a tag is written `{{ "{" }}` (ESCAPED_BRACE),
// which the template prints as « { » and this parser reads back as text. The clause mini-markup shows as
// formatting: `**gras**` and `*italique*` are marks (Ctrl + B, Ctrl + I), a line starting with « - » is a list item,
// and a `*` or `\` typed is escaped (`\*`) so it prints as typed. The vault refuses any other tag
// (allia_docs::templates::clause_shape), so a stored text is always one this editor can show.
//
// Labels come from `api/clause-fields.json`, written from Rust (allia_docs::templates::fields) next to the
// template context: this module never spells a field's name itself.
export { FIELD_LABELS, type ChipKind, type LabelContext, type Lines, type Segment } from "./clause-chips/model";
export { ESCAPED_BRACE, tokenize } from "./clause-chips/tokens";
export { parse } from "./clause-chips/segments";
export { chipText, displayText, escapeBraces, serialize } from "./clause-chips/text";
export { BLANK_CHOICE, clauseSchema, fieldChip, frenchTypography, fromDoc, toDoc, type DocOptions } from "./clause-chips/document";
export { bulletOnDash, enterInBullet, insertChip, leaveBullet, moveChip, needsSpaceBefore, pastedText, toggleBullet } from "./clause-chips/commands";
export { insertableFields, insertableGroups, type FieldGroup } from "./clause-chips/fields";
