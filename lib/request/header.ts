/** Header set by server.ts from the socket address (or the trusted proxy's X-Forwarded-For). */
export const CLIENT_IP_HEADER = 'x-connector-client-ip';
