// HTML for the local sign-in provider, modelled on the Microsoft sign-in page: a white card with the
// logo, an email step ("Next"), then a password step ("Sign in"). No JavaScript needed.
import type { DemoAccount } from '../../db/demo-data';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const logo = `<svg width="140" height="24" viewBox="0 0 140 24" aria-label="Microsoft-style logo" role="img">
<rect x="0" y="1" width="10" height="10" fill="#f25022"/><rect x="11" y="1" width="10" height="10" fill="#7fba00"/>
<rect x="0" y="12" width="10" height="10" fill="#00a4ef"/><rect x="11" y="12" width="10" height="10" fill="#ffb900"/>
<text x="28" y="17" font-family="Segoe UI, system-ui, sans-serif" font-size="15" font-weight="600" fill="#737373">Office 365</text></svg>`;

function layout(title: string, body: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title>
<style>
*{box-sizing:border-box}body{margin:0;min-height:100vh;background:#f2f2f2 linear-gradient(135deg,#e8eef6,#f5f0e8);font-family:"Segoe UI",system-ui,-apple-system,sans-serif;color:#1b1b1b;display:flex;align-items:center;justify-content:center}
main{width:100%;max-width:440px;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2);margin:16px}
h1{font-size:24px;font-weight:600;margin:16px 0 12px}
label{display:block;font-size:13px;color:#444;margin-top:8px}
input[type=email],input[type=password],input[type=text]{width:100%;border:0;border-bottom:1px solid #666;padding:8px 0;font-size:15px;outline:none;background:transparent}
input:focus{border-bottom:2px solid #0067b8}
.error{color:#e81123;font-size:15px;margin:8px 0}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:28px}
button{min-width:108px;padding:6px 12px;font-size:15px;border:0;cursor:pointer}
.primary{background:#0067b8;color:#fff}.primary:hover{background:#005da6}
.secondary{background:#ccc;color:#000}
.identity{display:flex;align-items:center;gap:8px;font-size:15px;margin-top:12px}
.identity a{color:#1b1b1b;text-decoration:none;font-size:18px}
.hint{margin-top:28px;border-top:1px solid #e5e5e5;padding-top:16px;font-size:13px;color:#555}
.hint table{border-collapse:collapse;width:100%}.hint td{padding:2px 4px}
.hint code{font-family:ui-monospace,Consolas,monospace;white-space:nowrap}
a{color:#0067b8}
</style></head><body><main>${logo}${body}</main></body></html>`;
}

export function renderEmailStep(opts: { action: string; email: string; error?: string; accounts: DemoAccount[] }) {
  const rows = opts.accounts
    .map((a) => `<tr><td><code>${esc(a.email)}</code></td><td><code>${esc(a.password)}</code></td><td>${esc(a.persona)}</td></tr>`)
    .join('');
  return layout(
    'Sign in to your account',
    `<h1>Sign in</h1>
<form method="post" action="${esc(opts.action)}/email" novalidate>
  <label for="email">Email, phone, or Skype</label>
  <input id="email" name="email" type="email" autocomplete="username" autofocus value="${esc(opts.email)}"
    ${opts.error ? 'aria-invalid="true" aria-describedby="email-error"' : ''}>
  ${opts.error ? `<p class="error" id="email-error" role="alert">${esc(opts.error)}</p>` : ''}
  <div class="actions"><button class="primary" type="submit">Next</button></div>
</form>
<div class="hint" aria-label="Demo accounts"><p><strong>Local sign-in provider.</strong> Demo accounts:</p>
<table>${rows}</table></div>`,
  );
}

export function renderPasswordStep(opts: { action: string; email: string; error?: string }) {
  return layout(
    'Enter password',
    `<div class="identity"><a href="${esc(opts.action)}" aria-label="Back">&larr;</a><span>${esc(opts.email)}</span></div>
<h1>Enter password</h1>
<form method="post" action="${esc(opts.action)}/password" novalidate>
  <input type="hidden" name="email" value="${esc(opts.email)}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" autofocus
    ${opts.error ? 'aria-invalid="true" aria-describedby="password-error"' : ''}>
  ${opts.error ? `<p class="error" id="password-error" role="alert">${esc(opts.error)}</p>` : ''}
  <div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
  );
}

const SCOPE_TEXT: Record<string, string> = {
  openid: 'Sign you in',
  email: 'View your email address',
  profile: 'View your basic profile',
  offline_access: 'Maintain access to data you have given it access to',
};

/** The consent step a third-party app (the Connections client) gets: what it asks for, Accept or Cancel. */
export function renderConsentStep(opts: { action: string; app: string; email: string; scopes: string[] }) {
  const items = opts.scopes.map((s) => `<li>${esc(SCOPE_TEXT[s] ?? s)}</li>`).join('');
  return layout(
    'Permissions requested',
    `<div class="identity"><span>${esc(opts.email)}</span></div>
<h1>Permissions requested</h1>
<p><strong>${esc(opts.app)}</strong> would like to:</p>
<ul>${items}</ul>
<p style="font-size:13px;color:#555">Accepting lets this app use your data as described. You can remove its access at any time.</p>
<form method="post" action="${esc(opts.action)}">
  <div class="actions">
    <button class="secondary" type="submit" name="decision" value="deny">Cancel</button>
    <button class="primary" type="submit" name="decision" value="allow">Accept</button>
  </div>
</form>`,
  );
}
