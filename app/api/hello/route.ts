// Benchmark reference rung (bench/README.md, L1): the smallest App Router route handler. Not part of the API.
export function GET() {
  return Response.json({ hello: 'world' });
}
