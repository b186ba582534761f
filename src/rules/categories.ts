/**
 * The blocking categories Haven knows. Each list category is compiled from `../shared/data/blocklists/<id>.txt`
 * into one static DNR ruleset with the same id; `safesearch` is a ruleset of its own built from engine rules.
 */
export const LIST_CATEGORIES = [
  'adult',
  'gambling',
  'drugs',
  'violence',
  'weapons',
  'dating',
  'hate',
  'phishing',
  'malware',
] as const;
export type ListCategory = (typeof LIST_CATEGORIES)[number];

export const CATEGORIES = [...LIST_CATEGORIES, 'safesearch'] as const;
export type Category = (typeof CATEGORIES)[number];

export const isCategory = (value: unknown): value is Category => CATEGORIES.includes(value as Category);
