import { clsx, type ClassValue } from 'clsx';
import { mergeClasses } from './class-merge';

export function cn(...inputs: ClassValue[]) {
  return mergeClasses(clsx(inputs));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs, headers and bodies are checked before they reach a `uuid` column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The first value of a search parameter (Next gives string | string[] | undefined). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
