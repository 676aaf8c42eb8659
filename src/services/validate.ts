import { badInput } from '../errors/app-error';
import { todayInVietnam } from './calendar';
import { textProblem } from './text-hygiene';

/** Up to this length a text is a name or an identifier: bidirectional controls are refused there too. */
const NAME_MAX = 300;

/** Field checks shared by every mutation; each names the offending input field. Text is stored in Unicode NFC. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  const problem = textProblem(text, max <= NAME_MAX ? 'singleLine' : 'multiline');
  if (problem) throw badInput(field, problem);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(value, field, max);
}

export function matching(value: string | null, field: string, pattern: RegExp, what: string): string | null {
  if (value !== null && !pattern.test(value)) throw badInput(field, `must be ${what}`);
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validDate(value: string, field: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'must be a date as YYYY-MM-DD');
  }
  if (value < '1900-01-01') throw badInput(field, 'must not be before 1900');
  return value;
}

/** A calendar year the domain deals in. */
export function validYear(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) throw badInput(field, 'must be a year from 2000 to 2100');
  return value;
}

export function notInFuture(value: string, field: string): string {
  validDate(value, field);
  if (value > todayInVietnam()) throw badInput(field, 'must not be in the future');
  return value;
}
