import { useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';

/** The copy-ready call (Zoho's code block): curl and TypeScript fetch, with the link name filled in. */
export function Snippets({ endpoint, linkName, sampleUrl }: { endpoint: string; linkName: string; sampleUrl: string }) {
  const t = useTranslations('connections.snippets');
  const url = `${endpoint}v1/connections/${linkName}/invoke`;
  const curl = `curl -s -X POST '${url}' \\
  -H "accessToken: $ACCESS_TOKEN" \\
  -H 'Content-Type: application/json' \\
  -d '{ "method": "GET", "url": "${sampleUrl}" }'`;
  const ts = `const res = await fetch('${url}', {
  method: 'POST',
  headers: { accessToken: process.env.ACCESS_TOKEN!, 'Content-Type': 'application/json' },
  body: JSON.stringify({ method: 'GET', url: '${sampleUrl}' }),
});
const { status, headers, body } = await res.json(); // the provider's answer`;
  const block = (title: string, code: string) => (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        <CopyButton value={code} what={t('snippet', { name: title })} />
      </div>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('title')}</CardTitle>
        <CardDescription>{t.rich('description', { strong: (chunks) => <strong>{chunks}</strong> })}</CardDescription>
      </CardHeader>
      <CardContent className="grid min-w-0 gap-4">
        {block('curl', curl)}
        {block('TypeScript', ts)}
      </CardContent>
    </Card>
  );
}
