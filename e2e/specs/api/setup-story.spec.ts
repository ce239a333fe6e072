import { newPhoneNumber, newTestUser } from '../../fixtures/data';
import { expect, test } from '../../fixtures/test';
import { ConnectorsPage } from '../../pages/connectors-page';
import { GroupPage, SEEDED_GROUPS } from '../../pages/group-page';
import { PhoneNumbersPage } from '../../pages/phone-numbers-page';
import { SignInPage } from '../../pages/sign-in-page';

test('[STORY] the Kaizala setup end to end: sign-in, phone + PIN, new connector, a group admin adds it, token call, group read', async ({
  browser,
  request,
  bobPage: adminPage,
}) => {
  // 1. the developer signs in with Office 365 and registers a phone number
  const devPage = await (await browser.newContext()).newPage();
  const dev = newTestUser({ name: 'developer' });
  await new SignInPage(devPage).signIn(dev.email, dev.password);
  await expect(devPage).toHaveURL(/\/settings\/phone-numbers/);
  await new PhoneNumbersPage(devPage).addAndVerify(newPhoneNumber());
  await expect(devPage.getByRole('heading', { name: /Welcome/ })).toBeVisible();

  // 2. creates a connector and writes down the ID & Secret
  const name = `Story ${Date.now().toString(36)}`;
  const { id, secret } = await new ConnectorsPage(devPage).create({ name, description: 'Reads the group it is added to.', permissions: ['Group Information'] });

  // 3. the group admin (signed in already: bob's stored state) adds it to their group and hands over the refresh token
  const group = new GroupPage(adminPage);
  await group.openConnectorsTab(SEEDED_GROUPS.fieldSales);
  const refreshToken = await group.addConnector(name);

  // 4. the developer's system calls the token service, then the platform API
  const tokenRes = await request.get('/v1/accessToken', { headers: { applicationId: id, applicationSecret: secret, refreshToken } });
  expect(tokenRes.status()).toBe(200);
  const { accessToken, endpointUrl } = await tokenRes.json();
  const groupRes = await request.get(`${endpointUrl}v1/groups/${SEEDED_GROUPS.fieldSales}`, { headers: { accessToken } });
  expect(groupRes.status()).toBe(200);
  const { groups } = await groupRes.json();
  expect(groups).toEqual([
    expect.objectContaining({ groupId: SEEDED_GROUPS.fieldSales, groupName: 'Field Sales', hasSubGroups: true, isMappedToTenant: true }),
  ]);
  // the group token reaches the group's sub-groups, never a sibling
  expect((await request.get(`${endpointUrl}v1/groups/${SEEDED_GROUPS.north}`, { headers: { accessToken } })).status()).toBe(200);
  expect((await request.get(`${endpointUrl}v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken } })).status()).toBe(404);

  await devPage.context().close();
});
