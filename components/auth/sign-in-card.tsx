import { Plug } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SignInButton } from './sign-in-button';

const ERRORS: Record<string, string> = {
  Configuration: 'Sign-in is not available right now: the sign-in service could not be reached or is misconfigured. Try again in a moment.',
  AccessDenied: 'Your account is not allowed to use this portal.',
  Verification: 'The sign-in link is no longer valid. Please sign in again.',
};

export function SignInCard({ callbackUrl, error, signedOut }: { callbackUrl?: string; error?: string; signedOut?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-md">
        <CardHeader className="items-center text-center">
          <div className="mb-2 flex size-12 items-center justify-center rounded-xl bg-primary text-primary-foreground">
            <Plug aria-hidden className="size-6" />
          </div>
          <CardTitle className="text-2xl">
            <span className="sr-only">Sign in to </span>Connector Portal
          </CardTitle>
          <CardDescription>Connect your systems to conversation groups with connectors, tokens and webhooks.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {signedOut && <Alert variant="success">You have signed out.</Alert>}
          {error && <Alert variant="error">{ERRORS[error] ?? 'We could not sign you in. Please try again.'}</Alert>}
          <SignInButton callbackUrl={callbackUrl} />
          <p className="text-center text-xs text-muted-foreground">Use your work account. You will register a phone number after your first sign-in.</p>
        </CardContent>
      </Card>
    </main>
  );
}
