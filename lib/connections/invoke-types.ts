/** What a call through a connection answers (isomorphic: the Try it panel shows it). */
export interface InvokeResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  bodyEncoding: 'json' | 'text' | 'base64' | 'none';
}
