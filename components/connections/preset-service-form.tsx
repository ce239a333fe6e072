'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { createServiceAction } from '@/lib/connections/actions';
import type { ServicePreset } from '@/lib/connections/schemas';
import { submitWith } from '@/lib/forms';
import { useActionRunner } from '@/lib/server-actions/use-action-runner';
import { formValues, RedirectUrlBox, type Errors } from './form-bits';

/** A preset only asks for what the provider gave you: client ID and secret (plus scopes and, where per account, the API base). */
export function PresetServiceForm({ preset, redirectUrl }: { preset: ServicePreset; redirectUrl: string }) {
  const router = useRouter();
  const { pending, run } = useActionRunner();
  const [errors, setErrors] = useState<Errors>({});
  return (
    <Card>
      <CardHeader>
        <CardTitle>{preset.name}</CardTitle>
        <CardDescription>Register an OAuth app at the provider ({preset.consoleHint}), then enter its client ID and secret here.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          noValidate
          method="post"
          className="grid gap-4"
          onSubmit={submitWith((form) =>
            run(
              () => createServiceAction(formValues(form)),
              `${preset.name} was added.`,
              (res) => {
                setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
                if (res.ok) router.push(`/connections/services/${res.data.id}`);
              },
            ),
          )}
        >
          <input type="hidden" name="preset" value={preset.key} />
          <RedirectUrlBox url={redirectUrl} />
          <Field id="name" label="Service name" errors={errors.name}>
            {(aria) => <Input {...aria} name="name" defaultValue={preset.name} maxLength={80} />}
          </Field>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field id="clientId" label="Client ID" errors={errors.clientId}>
              {(aria) => <Input {...aria} name="clientId" autoComplete="off" />}
            </Field>
            <Field id="clientSecret" label="Client secret" errors={errors.clientSecret} hint="Stored encrypted; never shown again.">
              {(aria) => <Input {...aria} name="clientSecret" type="password" autoComplete="new-password" />}
            </Field>
          </div>
          <Field
            id="scopes"
            label="Default scopes"
            errors={errors.scopes}
            hint={`Separated by spaces or commas (sent ${preset.scopeDelimiter === ',' ? 'comma' : 'space'}-separated).`}
          >
            {(aria) => <Input {...aria} name="scopes" defaultValue={preset.defaultScopes.join(' ')} />}
          </Field>
          <Field
            id="allowedBaseUrls"
            label="Allowed API base URLs"
            errors={errors.allowedBaseUrls}
            hint="One a line. Calls through this service may only go under these."
          >
            {(aria) => <Textarea {...aria} name="allowedBaseUrls" rows={2} defaultValue={preset.allowedBaseUrls.join('\n')} className="font-mono text-xs" />}
          </Field>
          <dl className="grid gap-1 text-xs text-muted-foreground">
            <div>
              <dt className="inline font-medium">Authorization URL: </dt>
              <dd className="inline break-all font-mono">{preset.authorizationUrl}</dd>
            </div>
            <div>
              <dt className="inline font-medium">Access-token URL: </dt>
              <dd className="inline break-all font-mono">{preset.tokenUrl}</dd>
            </div>
          </dl>
          {Object.keys(errors).length > 0 && !errors.name && !errors.clientId && !errors.clientSecret && !errors.scopes && !errors.allowedBaseUrls && (
            <Alert variant="error">{Object.values(errors).flat()[0]}</Alert>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Link href="/connections/new" className={buttonVariants({ variant: 'outline' })}>
              Back
            </Link>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Save service'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
