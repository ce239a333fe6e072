/** Kept apart from the schemas so the send form can count characters without shipping zod to the browser. */

/** kaizala-connectors.md §5.5: a text message has at most 4000 characters (1000 in older docs). */
export const MESSAGE_MAX_CHARS = 4000;

/** Characters as a person counts them (code points: an emoji is one), the same as Postgres' char_length. */
export const charCount = (text: string) => [...text].length;
