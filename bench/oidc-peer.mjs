// The peer rung of the benchmark ladder: the OAuth 2.0 server most Node teams would pick (oidc-provider),
// doing the closest thing to our token exchange — a client_credentials grant with client_secret_basic —
// with its default in-memory adapter (no database at all). Usage: node bench/oidc-peer.mjs <port>
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 3302);
import { PEER_CLIENT } from './oidc-peer-client.mjs';

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: PEER_CLIENT.id,
      client_secret: PEER_CLIENT.secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
  scopes: ['api'],
  ttl: { ClientCredentials: 24 * 3600 },
});
provider.proxy = false;

const callback = provider.callback();
const server = createServer(callback);
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`[oidc-peer] listening on http://127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
