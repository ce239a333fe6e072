import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { DAVE_GROUP } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { call, ERROR_BODY, membersOf, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/** Groups and sub-groups over /v1 (kaizala-connectors.md §5.1, §5.2; issue 09). */
test.describe.serial('[API] groups and sub-groups', () => {
  let contoso: string;
  let home: string; // the group token's group
  let homeAdmin: string;
  let t: TokenSet;

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    homeAdmin = newPhoneNumber();
    home = await makeGroupWith({ tenant: contoso, name: `Home ${Date.now()}`, admin: homeAdmin });
    t = await platformTokens(request, home);
  });

  test('POST /v1/groups with a tenant token: lenient JSON, members reported per number, every detail field over GET', async ({ request }) => {
    const [a, b] = [newPhoneNumber(), newPhoneNumber()];
    // Postman-style body: unquoted and single-quoted keys
    const res = await call(request, 'POST', '/groups', t.tenant, `{name:'Ops ${a.slice(-4)}', 'welcomeMessage':"Hi all", members:["${a}", "${b}", "12345"]}`);
    expect(res.status(), await res.text()).toBe(200);
    const created = await res.json();
    expect(created).toEqual({
      groupName: `Ops ${a.slice(-4)}`,
      groupId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      membersAdded: false,
      failedResult: [{ mobileNumber: '12345', errorCode: 'InvalidPhone', errorReason: expect.stringContaining('international format') }],
    });
    // the token's user is admin, the two good numbers are members
    expect(await membersOf(created.groupId)).toEqual({ [t.orgAdmin.phone!]: 'Admin', [a]: 'Member', [b]: 'Member' });

    const detail = await call(request, 'GET', `/groups/${created.groupId}`, t.tenant);
    expect(detail.status()).toBe(200);
    expect((await detail.json()).groups).toEqual([
      {
        groupId: created.groupId,
        groupName: created.groupName,
        groupImageUrl: '',
        hasSubGroups: false,
        hasParentGroups: false,
        isMappedToTenant: true,
        groupType: 'Group',
        userCount: 3,
        currentLevelUserCount: 3,
        callerRole: 'Admin',
        currentLevelSubGroupCount: 0,
        currentLevelParentGroupCount: 0,
        uniqueUserCount: 3,
        // a and b have no verified user yet; the org admin has
        currentLevelUnProvisionedUserCount: 2,
        unProvisionedUserCount: 2,
        isDuplicate: false,
        isEditable: true,
        isDetailsReadable: true,
      },
    ]);
    // community `@N` suffix
    expect((await call(request, 'GET', `/groups/${created.groupId}@1`, t.tenant)).status()).toBe(200);

    // created by the connector: stored and audited with the connector as the actor
    const row = await withDb(async (db) => {
      const g = (await db.query('SELECT created_by_connector_id, created_by FROM groups WHERE id = $1', [created.groupId])).rows[0];
      const audit = (await db.query(`SELECT actor_connector_id, actor_user_id, action FROM audit_events WHERE target_id = $1`, [created.groupId])).rows;
      return { g, audit };
    });
    expect(row.g).toEqual({ created_by_connector_id: t.connector.id, created_by: t.orgAdmin.id });
    expect(row.audit).toEqual([{ actor_connector_id: t.connector.id, actor_user_id: t.orgAdmin.id, action: 'group.created' }]);

    // without members the token's user becomes the admin, and membersAdded is true
    const alone = await (await call(request, 'POST', '/groups', t.tenant, { name: 'Solo group', welcomeMessage: 'Welcome' })).json();
    expect(alone).toEqual({ groupName: 'Solo group', groupId: expect.any(String), membersAdded: true });
    expect(await membersOf(alone.groupId)).toEqual({ [t.orgAdmin.phone!]: 'Admin' });
  });

  test('POST /v1/groups: a group token creates a sub-group of its group; a ConnectGroup needs a tenant token; bad bodies are 400', async ({ request }) => {
    const res = await call(request, 'POST', '/groups', t.group, { name: 'Made by group token', welcomeMessage: 'Hello' });
    expect(res.status()).toBe(200);
    const { groupId } = await res.json();
    // the home group's admins administer the new sub-group (a group token has no user of its own)
    expect(await membersOf(groupId)).toEqual({ [homeAdmin]: 'Admin' });
    const subs = await (await call(request, 'GET', `/groups/${home}/subGroups`, t.group)).json();
    expect(subs.groups.map((g: { groupId: string }) => g.groupId)).toContain(groupId);
    const detail = (await (await call(request, 'GET', `/groups/${groupId}`, t.group)).json()).groups[0];
    expect(detail).toMatchObject({ hasParentGroups: true, currentLevelParentGroupCount: 1 });

    const connect = await call(request, 'POST', '/groups', t.group, { name: 'Broadcast', welcomeMessage: 'Hi', groupType: 'ConnectGroup' });
    expect(connect.status()).toBe(403);
    expect(await connect.json()).toEqual({ ...ERROR_BODY, errorCode: 'ConnectGroupNeedsTenantToken' });
    const byTenant = await call(request, 'POST', '/groups', t.tenant, { name: 'Broadcast', welcomeMessage: 'Hi', groupType: 'ConnectGroup' });
    expect(byTenant.status()).toBe(200);
    const bc = (await (await call(request, 'GET', `/groups/${(await byTenant.json()).groupId}`, t.tenant)).json()).groups[0];
    expect(bc.groupType).toBe('ConnectGroup');

    const missing = await call(request, 'POST', '/groups', t.tenant, { name: 'No welcome' });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidParameters', message: expect.stringContaining('welcomeMessage') });
    const tooMany = await call(request, 'POST', '/groups', t.tenant, {
      name: 'Too many',
      welcomeMessage: 'x',
      members: Array.from({ length: 101 }, () => newPhoneNumber()),
    });
    expect(tooMany.status()).toBe(400);
    expect((await tooMany.json()).message).toContain('At most 100');
    const broken = await call(request, 'POST', '/groups', t.tenant, `{name: 'x', welcomeMessage: `);
    expect(broken.status()).toBe(400);
    expect(await broken.json()).toEqual({ ...ERROR_BODY, errorCode: 'InvalidParameters', message: 'The body is not valid JSON.' });
  });

  test('sub-groups: create (lowercase path too), nested listing, link without cycles or other tenants, unlink', async ({ request }) => {
    const made = await call(request, 'POST', `/groups/${home}/subgroups`, t.tenant, {
      groupName: 'Child A',
      welcomeMessage: 'A',
      groupImageUrl: 'https://images.example.com/a.png',
      addUserToGroup: 'false',
    });
    expect(made.status()).toBe(200);
    const childA = await made.json();
    expect(childA).toEqual({ groupId: expect.any(String), groupName: 'Child A' });
    // addUserToGroup false: the org admin stays out; the parent's admins administer it
    expect(await membersOf(childA.groupId)).toEqual({ [homeAdmin]: 'Admin' });
    const grand = await (await call(request, 'POST', `/groups/${childA.groupId}/subGroups`, t.group, { groupName: 'Grandchild' })).json();

    const one = await (await call(request, 'GET', `/groups/${home}/subGroups`, t.group)).json();
    const a = one.groups.find((g: { groupId: string }) => g.groupId === childA.groupId);
    expect(a).toEqual({
      groupId: childA.groupId,
      groupName: 'Child A',
      groupImageUrl: 'https://images.example.com/a.png',
      hasSubGroups: true,
      hasParentGroups: true,
      isMappedToTenant: true,
      groupType: 'Group',
      welcomeMessage: 'A',
      isDuplicate: false,
      subGroups: [],
    });
    const all = await (await call(request, 'GET', `/groups/${home}/subGroups?fetchAllGroups=true`, t.group)).json();
    expect(all.groups.find((g: { groupId: string }) => g.groupId === childA.groupId).subGroups.map((g: { groupName: string }) => g.groupName)).toEqual([
      'Grandchild',
    ]);

    // link: an org group outside the group token's reach is 404 for it; the tenant token links it
    const outside = await makeGroupWith({ tenant: contoso, name: 'Outside', admin: newPhoneNumber() });
    const refused = await call(request, 'PUT', `/groups/${home}/subGroups`, t.group, { subGroups: [outside] });
    expect(refused.status()).toBe(404);
    expect(await refused.json()).toEqual({ ...ERROR_BODY, errorCode: 'LinkTargetNotFound' });
    const linked = await call(request, 'PUT', `/groups/${home}/subGroups`, t.tenant, { subGroups: [outside, grand.groupId] });
    expect(linked.status()).toBe(200);
    expect(await linked.json()).toEqual({ result: 'true' });
    // Grandchild now has two parents: it appears twice in the hierarchy
    const dup = (await (await call(request, 'GET', `/groups/${grand.groupId}`, t.group)).json()).groups[0];
    expect(dup).toMatchObject({ isDuplicate: true, currentLevelParentGroupCount: 2 });

    // a cycle, all or nothing: nothing of the request is linked
    const cycle = await call(request, 'PUT', `/groups/${grand.groupId}/subGroups`, t.tenant, { subGroups: [outside, home] });
    expect(cycle.status()).toBe(400);
    expect(await cycle.json()).toEqual({ ...ERROR_BODY, errorCode: 'SubGroupCycle' });
    const grandSubs = await (await call(request, 'GET', `/groups/${grand.groupId}/subGroups`, t.tenant)).json();
    expect(grandSubs.groups).toEqual([]);
    // another tenant's group: not found (never linked across organizations)
    const foreign = await call(request, 'PUT', `/groups/${home}/subGroups`, t.tenant, { subGroups: [DAVE_GROUP] });
    expect(foreign.status()).toBe(404);

    expect((await call(request, 'DELETE', `/groups/${home}/subGroups/${outside}`, t.tenant)).status()).toBe(200);
    const again = await call(request, 'DELETE', `/groups/${home}/subgroups/${outside}`, t.tenant);
    expect(again.status()).toBe(404);
    expect(await again.json()).toEqual({ ...ERROR_BODY, errorCode: 'SubGroupNotLinked' });
  });

  test('reach and permissions: other tenants are 404, members cannot change a group, a connector without Group Information is 403', async ({ request }) => {
    const foreign = await call(request, 'GET', `/groups/${DAVE_GROUP}/subGroups`, t.tenant);
    expect(foreign.status()).toBe(404);
    expect(await foreign.json()).toEqual({ ...ERROR_BODY, errorCode: 'GroupNotFound' });
    expect((await call(request, 'POST', `/groups/${DAVE_GROUP}/subGroups`, t.tenant, { groupName: 'Sneaky' })).status()).toBe(404);

    const member = newPhoneNumber();
    const group = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber(), members: [member] });
    const asMember = await memberToken(request, t.connector, member);
    expect((await call(request, 'GET', `/groups/${group}/subGroups`, asMember)).status()).toBe(200);
    const denied = await call(request, 'POST', `/groups/${group}/subGroups`, asMember, { groupName: 'Nope' });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ ...ERROR_BODY, errorCode: 'NotGroupAdmin' });

    const membersOnly = await platformTokens(request, home, ['groupmember']);
    const forbidden = await call(request, 'POST', '/groups', membersOnly.tenant, { name: 'x y', welcomeMessage: 'x' });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden' });
  });

  test('GET /v1/groups: showDetail and showDetails add the detail fields; fetchAllGroups adds sub-groups', async ({ request }) => {
    const plain = (await (await call(request, 'GET', '/groups', t.group)).json()).groups;
    expect(plain.map((g: { groupId: string }) => g.groupId)).toEqual([home]);
    expect(plain[0].callerRole).toBeUndefined();
    for (const q of ['showDetail=true', 'showDetails=true']) {
      const detailed = (await (await call(request, 'GET', `/groups?${q}`, t.group)).json()).groups;
      expect(detailed[0]).toMatchObject({ callerRole: 'Admin', isDuplicate: false, unProvisionedUserCount: expect.any(Number) });
    }
    const all = (await (await call(request, 'GET', '/groups?fetchAllGroups=true', t.group)).json()).groups;
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((g: { groupName: string }) => g.groupName)).toEqual(expect.arrayContaining(['Child A', 'Grandchild', 'Made by group token']));
  });
});
