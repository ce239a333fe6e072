// Demo identities shared by the local sign-in provider (scripts/idp) and the seed (db/seed.ts).
// The local provider plays the part of Office 365: `tid` is the Entra tenant id, `roles` the app roles.

export const DEMO_TENANTS = {
  contoso: { tid: '6f1d5a4e-2c3b-4a8f-9e71-0c5b3d2a1f01', name: 'Contoso' },
  fabrikam: { tid: '9b2e7c13-5d4f-4e6a-8b90-1a2c3d4e5f02', name: 'Fabrikam' },
} as const;

export type DemoTenantKey = keyof typeof DEMO_TENANTS;

export interface DemoAccount {
  sub: string;
  email: string;
  password: string;
  name: string;
  tenant: DemoTenantKey;
  roles: string[];
  /** What the account is for in the demo; printed at start-up. */
  persona: string;
  /** A phone number the user may register (not pre-verified). */
  phone: string;
}

export const ORG_ADMIN_ROLE = 'OrgAdmin';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    sub: 'a1f0c9d2-0001-4c1a-9a11-000000000001',
    email: 'alice@contoso.com',
    password: 'alice-pass',
    name: 'Alice Anders',
    tenant: 'contoso',
    roles: [ORG_ADMIN_ROLE],
    persona: 'org admin, developer',
    phone: '+14255550101',
  },
  {
    sub: 'b2e1d0c3-0002-4c1a-9a11-000000000002',
    email: 'bob@contoso.com',
    password: 'bob-pass',
    name: 'Bob Berger',
    tenant: 'contoso',
    roles: [],
    persona: 'group admin of "Field Sales"',
    phone: '+14255550102',
  },
  {
    sub: 'c3f2e1d4-0003-4c1a-9a11-000000000003',
    email: 'carol@contoso.com',
    password: 'carol-pass',
    name: 'Carol Chen',
    tenant: 'contoso',
    roles: [],
    persona: 'member',
    phone: '+14255550103',
  },
  {
    sub: 'd4a3f2e5-0004-4c1a-9a11-000000000004',
    email: 'dave@fabrikam.com',
    password: 'dave-pass',
    name: 'Dave Duarte',
    tenant: 'fabrikam',
    roles: [ORG_ADMIN_ROLE],
    persona: 'org admin of the other tenant',
    phone: '+442071838750',
  },
];
