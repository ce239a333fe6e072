import { accessTokenFor, apiConnector, type ApiConnector } from '../../fixtures/api';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe.serial('[API] first reads: reach and permissions', () => {
  let main: ApiConnector; // Group Information + User Profile, granted to Marketing
  let other: ApiConnector; // Text Message only, granted to Marketing

  test.beforeAll(async () => {
    main = await apiConnector({ permissions: ['Group Information', 'User Profile'] });
    other = await apiConnector({ permissions: ['Text Message'] });
  });

  test("GET /v1/groups and /v1/groups/{id} stay inside the group token's reach; one SQL statement per read (two right after a change)", async ({ request }) => {
    const accessToken = await accessTokenFor(request, main, main.refreshToken);
    const one = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken } });
    expect(one.status()).toBe(200);
    const { groups } = await one.json();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      groupId: SEEDED_GROUPS.marketing,
      groupName: 'Marketing',
      isMappedToTenant: true,
      groupType: 'Group',
      hasSubGroups: false,
      callerRole: 'Admin',
    });
    expect(groups[0].currentLevelUserCount).toBeGreaterThanOrEqual(2);
    // the group read is cached (lib/platform/live-batch.ts): one statement cold or cached, two when Contoso's data
    // changed since an answer was cached (other specs write to Contoso while this one runs)
    expect(Number(one.headers()['x-sql-statements'])).toBeGreaterThanOrEqual(1);
    expect(Number(one.headers()['x-sql-statements'])).toBeLessThanOrEqual(2);

    const list = await request.get('/v1/groups', { headers: { accesstoken: accessToken } });
    expect((await list.json()).groups.map((g: { groupName: string }) => g.groupName)).toEqual(['Marketing']);
    expect(Number(list.headers()['x-sql-statements'])).toBe(1);

    const outside = await request.get(`/v1/groups/${SEEDED_GROUPS.fieldSales}`, { headers: { accessToken } });
    expect(outside.status()).toBe(404);
    expect(await outside.json()).toEqual({ ...ERROR_SHAPE, errorCode: 'GroupNotFound' });

    // a group token is not a user: /users/me is refused with the error body
    const me = await request.get('/v1/users/me', { headers: { accessToken } });
    expect(me.status()).toBe(403);
    expect(await me.json()).toMatchObject(ERROR_SHAPE);
  });

  test('permissions: a connector without Group Information gets 403 on group reads', async ({ request }) => {
    const accessToken = await accessTokenFor(request, other, other.refreshToken);
    const res = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'Forbidden' });
  });

  test('every route of the table (as served in /v1/openapi.json) enforces its permission against the running API', async ({ request }) => {
    const withoutGroupInfo = await accessTokenFor(request, other, other.refreshToken);
    const withoutTextMessage = await accessTokenFor(request, main, main.refreshToken);
    const doc = await (await request.get('/v1/openapi.json')).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, { 'x-permission'?: string; tags: string[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), permission: op['x-permission'] ?? null, tag: op.tags[0] })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(7);
    expect(operations.filter((o) => o.permission !== null).map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['GET /v1/groups', 'GET /v1/groups/{groupId}', 'GET /v1/users/me']),
    );
    for (const row of operations) {
      const path = row.path.replace('{groupId}', SEEDED_GROUPS.marketing);
      const call = (headers: Record<string, string>) => request.fetch(path, { method: row.method, headers, data: row.method === 'GET' ? undefined : {} });
      if (row.tag === 'Service') {
        expect((await call({})).status(), path).toBe(200);
        continue;
      }
      if (row.permission === null && row.tag === 'Media') {
        // the file behind a signed media URL: no token, the signature is the permission
        const r = await call({});
        expect(r.status(), path).toBe(403);
        expect(await r.json()).toMatchObject({ errorCode: 'MediaLinkInvalid' });
        continue;
      }
      if (row.permission === null) {
        // public token-service routes: no access token needed (they answer 400 for the empty request)
        const r = await call({});
        expect(r.status(), path).toBe(400);
        continue;
      }
      const anonymous = await call({});
      expect(anonymous.status(), path).toBe(401);
      // `other` has only Text Message, `main` everything but it: every permission-guarded route is refused with 403
      const denied = await call({ accessToken: row.permission === 'Text Message' ? withoutTextMessage : withoutGroupInfo });
      expect(denied.status(), path).toBe(403);
      expect(await denied.json()).toMatchObject({ errorCode: 'Forbidden', message: expect.stringContaining(row.permission) });
    }
  });
});
