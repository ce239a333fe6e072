import { useEffect, useRef } from 'react';

const hasErrors = (errors: unknown) =>
  Boolean(errors) && !(typeof errors === 'object' && Object.values(errors as object).every((v) => !v || (Array.isArray(v) && v.length === 0)));

/**
 * Keyboard help for forms: after a failed submit, the first field marked invalid (`aria-invalid="true"`)
 * inside the returned ref's element gets the focus. Pass the latest errors (a new object after each submit,
 * so a repeated error moves the focus again). Runs once React has rendered the errors.
 */
export function useFocusFirstInvalid<E extends HTMLElement = HTMLFormElement>(errors: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    if (hasErrors(errors)) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}

/**
 * Moves the focus to the returned ref's element (a heading with tabIndex -1) whenever `value` changes — the
 * next step of a wizard — and, with `onMount`, when it first appears (a result page replacing a form).
 */
export function useFocusOnChange<E extends HTMLElement = HTMLHeadingElement>(value: unknown, { onMount = false } = {}) {
  const ref = useRef<E>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && !onMount) {
      first.current = false;
      return;
    }
    first.current = false;
    ref.current?.focus();
  }, [value, onMount]);
  return ref;
}
