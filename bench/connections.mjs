// Connections overhead (issue 14): at a fixed 500 req/s (open loop), p99 of POST /v1/connections/{linkName}/invoke
// against the local provider's resource API, and p99 of calling that resource directly. Target: the
// difference (our overhead) ≤ 5 ms.
import path from 'node:path';

export const INVOKE_RATE = Number(process.env.BENCH_INVOKE_RATE ?? 500);

export async function benchInvoke({ base, idp, root, runToEnd, log, env, duration }) {
  const setupArgs = ['--import', 'tsx', path.join('bench', 'connections-setup.ts'), idp];
  const fx = JSON.parse(await runToEnd('bench/connections-setup.ts', setupArgs, env));
  try {
    const exchange = await fetch(`${base}/v1/accessToken`, {
      headers: { applicationId: fx.applicationId, applicationSecret: fx.applicationSecret, refreshToken: fx.refreshToken },
    });
    if (exchange.status !== 200) throw new Error(`connections connector: token exchange answered ${exchange.status}`);
    const { accessToken } = await exchange.json();
    const invokeUrl = `${base}/v1/connections/${fx.linkName}/invoke`;
    const body = JSON.stringify({ url: fx.resourceUrl });
    const probe = await fetch(invokeUrl, { method: 'POST', headers: { accessToken, 'content-type': 'application/json' }, body });
    const probeBody = await probe.json();
    if (probe.status !== 200 || probeBody.status !== 200) throw new Error(`invoke probe: ${probe.status} ${JSON.stringify(probeBody).slice(0, 200)}`);
    const openLoop = (url, headers, extra = [], requestBody) =>
      runToEnd(
        'bench/open-loop.mjs',
        [path.join(root, 'bench', 'open-loop.mjs'), '--url', url, '--rate', String(INVOKE_RATE), '--duration', String(duration), '--json', ...extra],
        { ...process.env, BENCH_HEADERS: JSON.stringify(headers), ...(requestBody ? { BENCH_BODY: requestBody } : {}) },
      ).then((out) => JSON.parse(out));
    log(`connections: direct resource call at ${INVOKE_RATE} req/s for ${duration} s…`);
    const direct = await openLoop(fx.resourceUrl, { authorization: `Bearer ${fx.providerAccessToken}` });
    log(`connections: invoke at ${INVOKE_RATE} req/s for ${duration} s…`);
    const invoke = await openLoop(invokeUrl, { accessToken, 'content-type': 'application/json' }, ['--method', 'POST'], body);
    return { direct, invoke };
  } finally {
    await runToEnd('bench/connections-setup.ts cleanup', [...setupArgs, 'cleanup'], env).catch(() => undefined);
  }
}

export function invokeReport({ direct, invoke }) {
  const over = Math.round((invoke.latencyMs.p99 - direct.latencyMs.p99) * 100) / 100;
  const line = (name, r) =>
    `  ${name}: ${r.requests} requests (${r.achievedRate} req/s): p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; errors ${r.errors}${r.errors ? ` ${JSON.stringify(r.statuses)}` : ''}\n    client timer lag p99 ${r.sendLagMs.p99} ms; worst per second (ms) from ${r.startEpochMs}: ${r.worstPerSecondMs.join(' ')}`;
  return {
    lines: [
      `Connections, open loop at ${INVOKE_RATE} req/s:`,
      line('direct GET /resource/me (local provider)', direct),
      line('POST /v1/connections/{linkName}/invoke', invoke),
      `  invoke overhead at p99: ${over} ms`,
      `  [${over <= 5 ? 'met ' : 'MISS'}] invoke overhead (p99 invoke − p99 direct) ≤ 5 ms at ${INVOKE_RATE} req/s: ${over} ms`,
    ],
    over,
    errors: direct.errors + invoke.errors,
  };
}
