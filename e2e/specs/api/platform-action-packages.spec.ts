import { DAVE_GROUP } from '../../fixtures/api';
import { eventsOf } from '../../fixtures/actions';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { addMember, makeGroupWith, tenantId } from '../../fixtures/factory';
import { call, ERROR_BODY, memberToken, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

/**
 * Custom actions (kaizala-connectors.md §5.8 `id`): the organization's Action-package registry over /v1
 * (Tenant Data; writes with a tenant-level token) and actions created by package id, whose responses follow
 * the package's question template.
 */
const CHECKIN = {
  name: 'Store check-in',
  title: 'Check in',
  validity: 12,
  questions: [
    { title: 'Store open?', type: 'SingleOption', options: [{ title: 'Yes' }, { title: 'No' }] },
    { title: 'Staff on shift', type: 'Numeric' },
  ],
};

test.describe.serial('[API] action packages', () => {
  let group: string;
  let member: string;
  let t: TokenSet;
  const pkgId = `com.contoso.checkin-${Date.now() % 1_000_000}`;

  test.beforeAll(async ({ request }) => {
    member = newPhoneNumber();
    group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber() });
    await addMember(group, member, { name: 'Mo Member' });
    t = await platformTokens(request, group, ['groupinfo', 'action', 'tenantdata']);
  });

  test('register (PUT, tenant token, audited), list, replace; bad templates are a 400 naming the field; group tokens cannot register', async ({ request }) => {
    const put = await call(request, 'PUT', `/actionPackages/${pkgId}`, t.tenant, CHECKIN);
    expect(put.status()).toBe(200);
    expect(await put.json()).toEqual({
      id: pkgId,
      name: 'Store check-in',
      template: {
        title: 'Check in',
        dueInHours: 12,
        isAnonymous: false,
        isSenderOnly: false,
        acceptMultipleResponses: false,
        questions: CHECKIN.questions,
      },
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    const list = await (await call(request, 'GET', '/actionPackages', t.group)).json();
    expect(list.actionPackages.map((p: { id: string }) => p.id)).toContain(pkgId);

    const asGroup = await call(request, 'PUT', `/actionPackages/${pkgId}`, t.group, CHECKIN);
    expect(asGroup.status()).toBe(403);
    expect(await asGroup.json()).toEqual({ ...ERROR_BODY, errorCode: 'PackageNeedsTenantToken' });
    const cases: [string, unknown, string][] = [
      [pkgId, { name: 'x' }, 'actionBody.questions: is required'],
      [pkgId, { questions: CHECKIN.questions }, 'name: is required.'],
      [pkgId, { name: 'x', questions: [{ title: 'Q', type: 'Slider' }] }, 'actionBody.questions[0].type: must be one of'],
    ];
    for (const [id, body, message] of cases) {
      const res = await call(request, 'PUT', `/actionPackages/${id}`, t.tenant, body);
      expect(res.status(), message).toBe(400);
      expect((await res.json()).message, message).toContain(message);
    }
    expect((await call(request, 'PUT', '/actionPackages/bad%20id!', t.tenant, CHECKIN)).status()).toBe(404);

    const replaced = await call(request, 'PUT', `/actionPackages/${pkgId}`, t.tenant, { ...CHECKIN, name: 'Store check-in v2' });
    expect((await replaced.json()).name).toBe('Store check-in v2');
    const audit = await withDb(async (db) =>
      (await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at`, [pkgId])).rows.map((r) => r.action),
    );
    expect(audit).toEqual(['action_package.created', 'action_package.updated']);
  });

  test('POST …/actions { id } creates a Custom action with the template; responses follow it; reads show the package', async ({ request }) => {
    const res = await call(request, 'POST', `/groups/${group}/actions`, t.group, {
      id: pkgId,
      actionBody: { title: 'Monday check-in', validity: 24, properties: [{ name: 'region', type: 'Text', value: 'North' }] },
    });
    expect(res.status()).toBe(200);
    const { actionId } = await res.json();
    expect((await eventsOf(group, 'ActionCreated')).at(-1)!.data).toMatchObject({ actionId, actionType: 'Custom', title: 'Monday check-in' });

    const [item] = (await (await call(request, 'GET', `/groups/${group}/actions?actionType=Custom`, t.group)).json()).actions;
    expect(item).toMatchObject({ actionId, actionType: 'Custom' });
    expect(item.actionBody).toEqual({
      actionId,
      id: pkgId,
      packageName: 'Store check-in v2',
      title: 'Monday check-in',
      responseCount: 0,
      expiryDate: expect.any(Number),
      properties: [{ name: 'region', type: 'Text', value: 'North' }],
    });
    expect(Math.abs(item.actionBody.expiryDate - Date.now() - 24 * 3_600_000)).toBeLessThan(60_000);

    const asMember = await memberToken(request, t.connector, member);
    const path = `/groups/${group}/actions/${actionId}/responses`;
    const wrong = await call(request, 'POST', path, asMember, { actionBody: { answers: ['Maybe', 3] } });
    expect(wrong.status()).toBe(400);
    expect((await wrong.json()).message).toBe('answers[0] ("Store open?"): Choose one of "Yes", "No".');
    const ok = await call(request, 'POST', path, asMember, { actionBody: { answers: ['Yes', 3] } });
    expect(ok.status()).toBe(200);
    const detail = await (await call(request, 'GET', `/groups/${group}/actions/${actionId}?getDetails=true`, t.group)).json();
    expect(detail.actionDetails).toMatchObject({ questions: CHECKIN.questions, responseCount: 1 });
    expect(detail.actionDetails.responses.map((r: { answers: unknown[] }) => r.answers)).toEqual([['Yes', 3]]);
    expect((await eventsOf(group, 'ActionResponse')).at(-1)!.data).toMatchObject({ actionId, responder: member });

    const badProps = await call(request, 'POST', `/groups/${group}/actions`, t.group, { id: pkgId, actionBody: { properties: [{ name: 'x', type: 'Blob' }] } });
    expect(badProps.status()).toBe(400);
    expect((await badProps.json()).message).toContain('actionBody.properties[0].type: must be one of');
    const asType = await call(request, 'POST', `/groups/${group}/actions`, t.group, { actionType: 'Custom', actionBody: {} });
    expect((await asType.json()).message).toContain('id: a custom action is created with the id of its Action package');
  });

  test('unknown ids, another tenant’s package, deleted packages: 404; permission Tenant Data needed', async ({ request }) => {
    const unknown = await call(request, 'POST', `/groups/${group}/actions`, t.group, { id: 'com.contoso.nothing', actionBody: {} });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toEqual({ ...ERROR_BODY, errorCode: 'ActionPackageNotFound' });

    const dave = await platformTokens(request, DAVE_GROUP, ['groupinfo', 'action', 'tenantdata'], 'Fabrikam');
    expect((await (await call(request, 'GET', '/actionPackages', dave.tenant)).json()).actionPackages.map((p: { id: string }) => p.id)).not.toContain(pkgId);
    expect((await call(request, 'POST', `/groups/${DAVE_GROUP}/actions`, dave.group, { id: pkgId, actionBody: {} })).status()).toBe(404);
    expect((await call(request, 'DELETE', `/actionPackages/${pkgId}`, dave.tenant)).status()).toBe(404);

    const noTenantData = await platformTokens(request, group, ['groupinfo', 'action']);
    const forbidden = await call(request, 'GET', '/actionPackages', noTenantData.tenant);
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.json()).toEqual({ ...ERROR_BODY, errorCode: 'Forbidden', message: expect.stringContaining('Tenant Data') });

    expect((await call(request, 'DELETE', `/actionPackages/${pkgId}`, t.group)).status()).toBe(403);
    const del = await call(request, 'DELETE', `/actionPackages/${pkgId}`, t.tenant);
    expect(del.status()).toBe(200);
    expect(await del.json()).toEqual({ result: 'true' });
    expect((await call(request, 'POST', `/groups/${group}/actions`, t.group, { id: pkgId, actionBody: {} })).status()).toBe(404);
    expect((await call(request, 'DELETE', `/actionPackages/${pkgId}`, t.tenant)).status()).toBe(404);
    // the action already sent stays, with its template
    expect((await (await call(request, 'GET', `/groups/${group}/actions?actionType=Custom`, t.group)).json()).actions).toHaveLength(1);
  });
});
