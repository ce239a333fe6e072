/**
 * One worker's per-webhook bookkeeping (lib/webhooks/worker.ts): attempts in flight, at most `cap` per webhook,
 * and claimed rows waiting here for a slot, at most `depth` per webhook in all. Waiting rows are leased to this
 * worker, so a slot that frees starts the next attempt at once instead of after a claim's round trip; a row is
 * only started while its lease outlasts the attempt's deadline (`startBy`), else it is given back. A receiver
 * that hangs holds its own slots and its own waiting rows, nothing of any other webhook. The worker holds at most
 * `limit` rows in all (in flight and waiting).
 */
export interface SlotRow {
  id: string;
  webhook_id: string;
}

export class Slots<Row extends SlotRow> {
  private readonly inflightBy = new Map<string, number>();
  private readonly waitingBy = new Map<string, { row: Row; claimedAt: number }[]>();
  /** webhooks whose last claim was cut by their room: they may have due rows left in the queue */
  private readonly cut = new Set<string>();
  /** the last `claimSize` found no room: the worker holds all it may */
  private full = false;
  inflight = 0;
  waiting = 0;

  constructor(
    private readonly cap: number,
    readonly depth: number,
    private readonly limit: number,
  ) {}

  /** How many rows the next claim may ask for (at most `most`); 0: the worker holds all it may. */
  claimSize(most: number): number {
    const n = Math.max(0, Math.min(this.limit - this.inflight - this.waiting, most));
    this.full = n === 0;
    return n;
  }

  /** The claim's parameters: every webhook this worker has rows of, with the room it has left under `depth`. */
  rooms(): { ids: string[]; rooms: number[] } {
    const ids = new Set([...this.inflightBy.keys(), ...this.waitingBy.keys()]);
    const out = { ids: [...ids], rooms: [] as number[] };
    for (const h of out.ids) out.rooms.push(Math.max(0, this.depth - (this.inflightBy.get(h) ?? 0) - (this.waitingBy.get(h)?.length ?? 0)));
    return out;
  }

  /**
   * After a claim that asked `asked.rooms` for `asked.ids` (and `depth` for any other webhook) and got `rows`: a
   * webhook that got all it asked for may have more due rows, one that got less has none left for now.
   */
  noteClaim(asked: { ids: string[]; rooms: number[] }, rows: Row[]) {
    const got = new Map<string, number>();
    for (const r of rows) got.set(r.webhook_id, (got.get(r.webhook_id) ?? 0) + 1);
    if (this.cut.size > 10_000) this.cut.clear();
    const mark = (hook: string, room: number) => ((got.get(hook) ?? 0) >= room ? this.cut.add(hook) : this.cut.delete(hook));
    asked.ids.forEach((hook, i) => mark(hook, asked.rooms[i]!));
    const known = new Set(asked.ids);
    for (const hook of got.keys()) if (!known.has(hook)) mark(hook, this.depth);
  }

  /**
   * An attempt of `hook` ended: whether a claim may find rows now — the worker had stopped claiming because it held
   * all it may, or `hook`'s last claim was cut by its room. Otherwise new rows come with NOTIFY, retries with the poll.
   */
  claimWorthAfter(hook: string): boolean {
    return this.full || this.cut.has(hook);
  }

  add(rows: Row[], claimedAt: number) {
    for (const row of rows) {
      const q = this.waitingBy.get(row.webhook_id);
      if (q) q.push({ row, claimedAt });
      else this.waitingBy.set(row.webhook_id, [{ row, claimedAt }]);
      this.waiting++;
    }
  }

  /**
   * Moves waiting rows into free slots (the per-webhook cap and `maxInflight` in all): `start` them now; `expired`
   * were claimed before `startBy` (their lease could end before the attempt's deadline) and must be given back.
   */
  take(maxInflight: number, startBy: number): { start: Row[]; expired: string[] } {
    const start: Row[] = [];
    const expired: string[] = [];
    for (const [hook, q] of this.waitingBy) {
      let n = this.inflightBy.get(hook) ?? 0;
      while (q.length && n < this.cap && this.inflight < maxInflight) {
        const { row, claimedAt } = q.shift()!;
        this.waiting--;
        if (claimedAt < startBy) {
          expired.push(row.id);
          continue;
        }
        n++;
        this.inflight++;
        start.push(row);
      }
      if (n) this.inflightBy.set(hook, n);
      if (!q.length) this.waitingBy.delete(hook);
    }
    return { start, expired };
  }

  /** An attempt of `hook` finished. */
  done(hook: string) {
    this.inflight--;
    const n = (this.inflightBy.get(hook) ?? 1) - 1;
    if (n <= 0) this.inflightBy.delete(hook);
    else this.inflightBy.set(hook, n);
  }

  /** Every waiting row, taken out (to give back: the worker stops or pauses). */
  clearWaiting(): string[] {
    const ids = [...this.waitingBy.values()].flatMap((q) => q.map((w) => w.row.id));
    this.waitingBy.clear();
    this.waiting = 0;
    return ids;
  }
}
