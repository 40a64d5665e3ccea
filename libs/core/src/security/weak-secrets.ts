/**
 * Refusing the secrets nobody should run a shop with (docs/api.md#limits): the placeholders that
 * documentation and compose files ship with, common words, and values too short or made of one
 * short piece repeated. Pure: the config loader calls it with NODE_ENV=production.
 */
export const MIN_JWT_SECRET_LENGTH = 32;
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/** Placeholders and common words, compared lower-cased with everything but letters removed. */
const COMMON = new Set([
  'admin',
  'administrator',
  'changeme',
  'changemeplease',
  'changemetoalongrandomstringofcharsormore',
  'chance',
  'chancestore',
  'default',
  'letmein',
  'password',
  'passwd',
  'qwerty',
  'root',
  'secret',
  'test',
  'welcome',
  'jwtsecret',
  'supersecret',
  'mysecret',
  'yoursecret',
]);

/** Words that mark a value as a placeholder wherever they appear in it. */
const PLACEHOLDER_PARTS = ['changeme', 'replaceme', 'placeholder', 'yoursecret', 'secretkey', 'example', 'xxxxxx'];

const letters = (value: string) => value.toLowerCase().replace(/[^a-z]/g, '');

/** True when the value is a shorter piece repeated (`abcabcabc`, `0123456789012345…`, `xxxx`). */
export function isRepetitive(value: string): boolean {
  for (let period = 1; period <= value.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < value.length && repeats; i++) repeats = value[i] === value[i - period];
    if (repeats) return true;
  }
  return false;
}

function weakness(value: string, minLength: number): string | null {
  if (value.length < minLength) return `is shorter than ${minLength} characters`;
  const words = letters(value);
  if (COMMON.has(words) || PLACEHOLDER_PARTS.some((part) => words.includes(part))) return 'is a known placeholder or a common word';
  if (isRepetitive(value) || (words.length >= 8 && isRepetitive(words)) || new Set(value).size < 6) return 'is a short piece repeated';
  return null;
}

/** Why `JWT_SECRET` is unfit for production, or null. Never echoes the value. */
export const jwtSecretWeakness = (value: string): string | null => weakness(value, MIN_JWT_SECRET_LENGTH);

/** Why `ADMIN_PASSWORD` is unfit for production, or null. Never echoes the value. */
export const adminPasswordWeakness = (value: string): string | null => weakness(value, MIN_ADMIN_PASSWORD_LENGTH);
