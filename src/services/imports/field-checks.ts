import { matching, notInFuture, optionalText, requiredText } from '../validate';
import type { FieldCheck } from './csv-table';

/**
 * The checks createMember (clean, admission) and createOrgUnit make of each field on its own, with
 * their limits, run per column of an import so that a row reports all its bad values at once
 * (issue #16 item 6). The services still check everything again when a row is applied.
 */
export const MEMBER_FIELD_CHECKS: Readonly<Record<string, FieldCheck>> = {
  partyCardNumber: (v, f) => matching(optionalText(v, f, 20), f, /^[0-9A-Z.-]{4,20}$/, '4 to 20 digits or capital letters'),
  fullName: (v, f) => requiredText(v, f, 200),
  birthDate: (v, f) => notInFuture(v, f),
  ethnicity: (v, f) => requiredText(v, f, 50),
  religion: (v, f) => optionalText(v, f, 50),
  admissionDate: (v, f) => notInFuture(v, f),
  officialDate: (v, f) => notInFuture(v, f),
  citizenId: (v, f) => matching(optionalText(v, f, 12), f, /^\d{12}$/, '12 digits'),
  phone: (v, f) => matching(optionalText(v, f, 16), f, /^\+?\d{9,15}$/, 'a phone number of 9 to 15 digits'),
  address: (v, f) => optionalText(v, f, 300),
};

/** createOrgUnit's checks of a unit's own fields (limits of org-unit-commands.ts). */
export const ORG_UNIT_FIELD_CHECKS: Readonly<Record<string, FieldCheck>> = {
  code: (v, f) => optionalText(v, f, 50),
  name: (v, f) => requiredText(v, f, 200),
  foundedOn: (v, f) => notInFuture(v, f),
};
