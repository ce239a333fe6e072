/** Public base URL of the app and its /v1 API (`endpointUrl`), always with a trailing slash. */
export function publicUrl(): string {
  const url = process.env.PUBLIC_URL ?? process.env.AUTH_URL ?? 'http://localhost:3000/';
  return url.endsWith('/') ? url : `${url}/`;
}
