'use client';
import { Link } from '@/components/ui/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { SERVICE_PRESETS } from '@/lib/connections/presets';
import { cn } from '@/lib/utils';
import { CustomServiceForm } from './custom-service-form';
import { PresetServiceForm } from './preset-service-form';

/** Zoho's two tabs: Pick Your Service (a preset) or Custom Service (every field). */
export function ServiceSetup({ redirectUrl, allowHttp }: { redirectUrl: string; allowHttp: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const t = useTranslations('connections.setup');
  const tab = params.get('tab') === 'custom' ? 'custom' : 'pick';
  const preset = SERVICE_PRESETS.find((p) => p.key === params.get('preset'));
  const tabButton = (key: 'pick' | 'custom', label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${key}`}
      aria-selected={tab === key}
      aria-controls={`panel-${key}`}
      onClick={() => router.replace(key === 'custom' ? '/connections/new?tab=custom' : '/connections/new')}
      className={cn(
        '-mb-px border-b-2 px-4 py-2 text-sm font-medium',
        tab === key ? 'border-primary text-primary' : 'border-transparent text-muted-foreground',
      )}
    >
      {label}
    </button>
  );
  return (
    <div className="grid gap-4">
      <div role="tablist" aria-label={t('tabs')} className="flex border-b border-border">
        {tabButton('pick', t('pick'))}
        {tabButton('custom', t('custom'))}
      </div>
      {tab === 'custom' ? (
        <div role="tabpanel" id="panel-custom" aria-labelledby="tab-custom">
          <CustomServiceForm redirectUrl={redirectUrl} allowHttp={allowHttp} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-pick" aria-labelledby="tab-pick" className="grid gap-4">
          {preset ? (
            <PresetServiceForm key={preset.key} preset={preset} redirectUrl={redirectUrl} />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('pickList')}>
              {SERVICE_PRESETS.map((p) => (
                <li key={p.key}>
                  <Card className="h-full p-0">
                    <Link href={`/connections/new?preset=${p.key}`} className="grid h-full gap-1 rounded-xl p-4 hover:bg-muted/40">
                      <span className="font-medium">{p.name}</span>
                      <span className="break-all font-mono text-xs text-muted-foreground">{p.allowedBaseUrls[0]}</span>
                    </Link>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
