// L0 of the benchmark ladder: a bare node:http hello in its own process, the floor every other rung is
// compared with. Usage: node bench/hello-server.mjs <port>
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 3301);
const body = JSON.stringify({ hello: 'world' });

const server = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(port, '127.0.0.1', () => console.log(`[hello] listening on http://127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
