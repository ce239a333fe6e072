/**
 * "Pick Your Service" (product.md §9): services whose OAuth 2.0 endpoints we know, written by us from each
 * provider's own developer documentation. An admin only adds the client ID and secret registered at the
 * provider (with our redirect URL) and may change the scopes. Isomorphic: the portal lists them too.
 */
export interface ServicePreset {
  key: string;
  name: string;
  authorizationUrl: string;
  tokenUrl: string;
  revocationUrl?: string;
  defaultScopes: string[];
  scopeDelimiter: ' ' | ',';
  extraAuthParams: Record<string, string>;
  tokenAuthMethod: 'body' | 'basic';
  allowedBaseUrls: string[];
  /** where to register the client, shown as a hint */
  consoleHint: string;
}

export const SERVICE_PRESETS: readonly ServicePreset[] = [
  {
    key: 'google',
    name: 'Google',
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revocationUrl: 'https://oauth2.googleapis.com/revoke',
    defaultScopes: ['openid', 'email', 'https://www.googleapis.com/auth/drive.readonly'],
    scopeDelimiter: ' ',
    // a refresh token only comes with offline access, and again on every consent
    extraAuthParams: { access_type: 'offline', prompt: 'consent' },
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://www.googleapis.com/', 'https://openidconnect.googleapis.com/'],
    consoleHint: 'Google Cloud console › APIs & Services › Credentials › OAuth client ID (Web application)',
  },
  {
    key: 'microsoft-graph',
    name: 'Microsoft Graph',
    authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    defaultScopes: ['offline_access', 'User.Read', 'Files.Read'],
    scopeDelimiter: ' ',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://graph.microsoft.com/'],
    consoleHint: 'Microsoft Entra admin center › App registrations › New registration (Web redirect URI)',
  },
  {
    key: 'slack',
    name: 'Slack',
    authorizationUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    revocationUrl: 'https://slack.com/api/auth.revoke',
    defaultScopes: ['channels:read', 'chat:write'],
    scopeDelimiter: ',',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://slack.com/api/'],
    consoleHint: 'api.slack.com › Your Apps › OAuth & Permissions › Redirect URLs',
  },
  {
    key: 'github',
    name: 'GitHub',
    authorizationUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    defaultScopes: ['read:user', 'repo'],
    scopeDelimiter: ' ',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://api.github.com/'],
    consoleHint: 'GitHub › Settings › Developer settings › OAuth Apps (Authorization callback URL)',
  },
  {
    key: 'dropbox',
    name: 'Dropbox',
    authorizationUrl: 'https://www.dropbox.com/oauth2/authorize',
    tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
    revocationUrl: 'https://api.dropboxapi.com/2/auth/token/revoke',
    defaultScopes: ['account_info.read', 'files.metadata.read', 'files.content.read'],
    scopeDelimiter: ' ',
    extraAuthParams: { token_access_type: 'offline' },
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://api.dropboxapi.com/2/', 'https://content.dropboxapi.com/2/'],
    consoleHint: 'Dropbox App Console › your app › Settings › OAuth 2 Redirect URIs',
  },
  {
    key: 'mailchimp',
    name: 'Mailchimp',
    authorizationUrl: 'https://login.mailchimp.com/oauth2/authorize',
    tokenUrl: 'https://login.mailchimp.com/oauth2/token',
    defaultScopes: [],
    scopeDelimiter: ' ',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    // the data centre (us1, us21…) is per account: replace it with yours
    allowedBaseUrls: ['https://login.mailchimp.com/oauth2/metadata', 'https://us1.api.mailchimp.com/3.0/'],
    consoleHint: 'Mailchimp › Account › Extras › Registered apps (Redirect URI)',
  },
  {
    key: 'zoho',
    name: 'Zoho CRM',
    authorizationUrl: 'https://accounts.zoho.com/oauth/v2/auth',
    tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
    revocationUrl: 'https://accounts.zoho.com/oauth/v2/token/revoke',
    defaultScopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.users.READ'],
    scopeDelimiter: ',',
    extraAuthParams: { access_type: 'offline', prompt: 'consent' },
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://www.zohoapis.com/crm/'],
    consoleHint: 'Zoho API Console › Add Client › Server-based Applications (Authorized Redirect URIs)',
  },
  {
    key: 'salesforce',
    name: 'Salesforce',
    authorizationUrl: 'https://login.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://login.salesforce.com/services/oauth2/token',
    revocationUrl: 'https://login.salesforce.com/services/oauth2/revoke',
    defaultScopes: ['api', 'refresh_token'],
    scopeDelimiter: ' ',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    // each org has its own instance: replace with yours (https://<domain>.my.salesforce.com/services/data/)
    allowedBaseUrls: ['https://login.salesforce.com/services/oauth2/userinfo'],
    consoleHint: 'Salesforce Setup › App Manager › New Connected App (Callback URL)',
  },
  {
    key: 'hubspot',
    name: 'HubSpot',
    authorizationUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
    defaultScopes: ['crm.objects.contacts.read', 'crm.objects.companies.read'],
    scopeDelimiter: ' ',
    extraAuthParams: {},
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://api.hubapi.com/'],
    consoleHint: 'HubSpot developer account › Apps › Auth › Redirect URLs',
  },
  {
    key: 'atlassian',
    name: 'Atlassian (Jira, Confluence)',
    authorizationUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    defaultScopes: ['read:jira-user', 'read:jira-work', 'offline_access'],
    scopeDelimiter: ' ',
    extraAuthParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    tokenAuthMethod: 'body',
    allowedBaseUrls: ['https://api.atlassian.com/'],
    consoleHint: 'developer.atlassian.com › Developer console › your app › Authorization › Callback URL',
  },
];

export const presetByKey = (key: string) => SERVICE_PRESETS.find((p) => p.key === key);
