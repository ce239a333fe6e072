import { useEffect, useRef } from 'react';

/**
 * Keyboard help for forms: after a failed submit, the first field marked invalid gets the focus. Give the
 * returned ref to the <form>; pass the latest errors (a new object after each submit, so a repeated error
 * moves the focus again). Runs once React has rendered the errors.
 */
export function useFocusFirstInvalid<T>(errors: T) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!errors || (typeof errors === 'object' && Object.values(errors).every((v) => !v || (Array.isArray(v) && v.length === 0)))) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}
