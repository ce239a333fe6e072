import type { FormEvent } from 'react';

/**
 * onSubmit handler that passes the form's FormData to `handler` without letting React reset the form.
 * (React 19 clears uncontrolled fields after a `<form action>` completes — a failed submit would lose
 * what the person typed.)
 */
export function submitWith(handler: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handler(new FormData(event.currentTarget));
  };
}
