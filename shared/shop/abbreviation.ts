/**
 * The company abbreviation rule, in one place: the shop schema checks it, the derivation keeps to it,
 * and every hint (shop form, plan conflicts, ERPNext's refusals) quotes the same words.
 * ERPNext itself only requires one and unique per site; 10 keeps account and warehouse names short.
 */
export const ABBREVIATION_MAX_LENGTH = 10;

/** Letters or digits of any script, nothing else (ERPNext appends " - {abbr}" to names). */
export const ABBREVIATION_PATTERN = new RegExp(`^[\\p{L}\\p{N}]{1,${ABBREVIATION_MAX_LENGTH}}$`, 'u');

/** The rule in installer words, quoted by every message about the abbreviation. */
export const ABBREVIATION_RULE = `1 to ${ABBREVIATION_MAX_LENGTH} letters or digits`;
