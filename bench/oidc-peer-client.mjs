// The peer's client credentials, shared by bench/oidc-peer.mjs (server) and bench/run.mjs (load).
export const PEER_CLIENT = { id: 'bench-client', secret: 'bench-client-secret-0123456789abcdef' };
