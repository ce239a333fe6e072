// The platform API part 2 rungs of `npm run bench` (issue 12 "Speed"): L7 message post, L8 the Poll list, and M1 the
// app server's resident memory while 20 clients upload a 1 MB image each at once (uploads stream to the media
// store; a server that buffered whole bodies would grow by ~20 MB per round). They use the members connector of
// bench/setup.ts (its own 1,000-member group, removed again by the clean-up, with `textmessage`, `action`, `media`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { deflateSync } from 'node:zlib';

export const POLLS = 20;
const UPLOADS = 20;
const ROUNDS = 3;
const UPLOAD_BYTES = 1024 * 1024;

const pollBody = (i) =>
  JSON.stringify({
    actionType: 'Poll',
    actionBody: { question: `Bench poll ${i}?`, choices: [{ title: 'Yes' }, { title: 'No' }, { title: 'Maybe' }], expiryInHours: 24 },
  });

/**
 * Against the SQL_TRACE server: POLLS polls for the list to return (they stay for the measured server), then one
 * message post and one Poll list read with their X-SQL-Statements.
 */
export async function probePlatform({ base, token, groupId, expect200 }) {
  const headers = { accessToken: token, 'content-type': 'application/json' };
  for (let i = 0; i < POLLS; i++)
    await expect200(`${base}/v1/groups/${groupId}/actions`, headers, 'poll post (L8 fixture)', { method: 'POST', body: pollBody(i), headers });
  const post = await expect200(`${base}/v1/groups/${groupId}/messages`, headers, 'message post probe', {
    method: 'POST',
    body: JSON.stringify({ message: 'bench probe' }),
    headers,
  });
  const polls = await expect200(`${base}/v1/groups/${groupId}/actions?actionType=Poll`, { accessToken: token }, 'Poll list probe');
  const listed = JSON.parse(polls.body);
  const n = (listed.actions ?? listed.groupActions ?? []).length;
  if (n < POLLS) throw new Error(`Poll list probe: expected at least ${POLLS} polls, got ${n}: ${polls.body.slice(0, 200)}`);
  return { sqlPost: post.res.headers.get('x-sql-statements'), sqlPolls: polls.res.headers.get('x-sql-statements') };
}

export function platformRungs({ base, token, groupId, sql }) {
  const headers = { accessToken: token, 'content-type': 'application/json' };
  return [
    {
      id: 'L7',
      name: 'POST /v1/groups/{groupId}/messages (text, event row included)',
      url: `${base}/v1/groups/${groupId}/messages`,
      method: 'POST',
      body: JSON.stringify({ message: 'Benchmark message' }),
      headers,
      sql: sql.sqlPost,
    },
    {
      id: 'L8',
      name: `GET /v1/groups/{groupId}/actions?actionType=Poll (${POLLS} polls)`,
      url: `${base}/v1/groups/${groupId}/actions?actionType=Poll`,
      headers: { accessToken: token },
      sql: sql.sqlPolls,
    },
  ];
}

// ---------------------------------------------------------------- M1: RSS during parallel uploads

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A valid 1×1 PNG padded to `size` bytes with a private ancillary chunk (as lib/media/samples.ts samplePng). */
function paddedPng(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const head = [Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0x33, 0x66, 0x99])))];
  const used = head.reduce((n, b) => n + b.length, 0) + 12 + 12;
  return Buffer.concat([...head, chunk('pdPd', Buffer.alloc(size - used, 7)), chunk('IEND', Buffer.alloc(0))]);
}

/** The app server under run.mjs (its `server.ts` process) — the process whose memory we watch. */
export function serverPid(runPid) {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const procs = out
    .trim()
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const family = new Set([runPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs)
      if (family.has(p.ppid) && !family.has(p.pid)) {
        family.add(p.pid);
        grew = true;
      }
  }
  // the app's `server.ts`, not the sign-in provider's `scripts/idp/server.ts`
  const server = procs.find((p) => family.has(p.pid) && /(^|\s)server\.ts(\s|$)/.test(p.args));
  if (!server) throw new Error('M1: could not find the app server process (server.ts) under run.mjs');
  return server.pid;
}

const rssMb = (pid) => {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * Idle RSS, then ROUNDS rounds of UPLOADS parallel uploads sampled every 20 ms, once with 1 MB and once with 8 MB
 * files: peak and growth of each. A server that held bodies whole would grow with the file size (8 × the bytes);
 * one that streams them to the store grows by about the same for both sizes (socket and parser buffers).
 */
export async function mediaRss({ base, token, runPid, log }) {
  if (!fs.existsSync('/proc/self/status')) return { line: 'M1 media upload RSS: skipped (needs /proc, Linux)', errors: 0 };
  const pid = serverPid(runPid);
  const upload = (file) => async () => {
    const form = new FormData();
    form.append('files', new Blob([file], { type: 'image/png' }), 'bench.png');
    const res = await fetch(`${base}/v1/media`, { method: 'POST', headers: { accessToken: token }, body: form });
    await res.arrayBuffer();
    return res.status;
  };
  await upload(paddedPng(UPLOAD_BYTES))(); // first use: code paths loaded before the idle figure
  await new Promise((r) => setTimeout(r, 1_000));
  const idle = rssMb(pid);
  const statuses = {};
  const growth = [];
  let peak = idle;
  for (const mb of [1, 8]) {
    const send = upload(paddedPng(mb * UPLOAD_BYTES));
    const before = rssMb(pid);
    log(`M1 media upload RSS: app server pid ${pid}, ${before.toFixed(1)} MB; ${ROUNDS} × ${UPLOADS} parallel ${mb} MB uploads…`);
    let top = before;
    const sampler = setInterval(() => (top = Math.max(top, rssMb(pid))), 20);
    try {
      for (let r = 0; r < ROUNDS; r++) for (const st of await Promise.all(Array.from({ length: UPLOADS }, send))) statuses[st] = (statuses[st] ?? 0) + 1;
    } finally {
      clearInterval(sampler);
    }
    top = Math.max(top, rssMb(pid));
    peak = Math.max(peak, top);
    growth.push(`${mb} MB files: +${(top - before).toFixed(1)} MB (held whole: +${UPLOADS * mb} MB)`);
  }
  const errors = Object.entries(statuses).reduce((n, [st, c]) => n + (st === '200' ? 0 : c), 0);
  const line =
    `M1 media upload RSS (${ROUNDS} rounds of ${UPLOADS} parallel image uploads, sampled every 20 ms): idle ${idle.toFixed(1)} MB, ` +
    `peak ${peak.toFixed(1)} MB; growth over each size's start — ${growth.join('; ')}; statuses ${JSON.stringify(statuses)}`;
  log(line);
  return { line, errors, idle, peak };
}
