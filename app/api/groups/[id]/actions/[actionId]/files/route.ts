import { NextResponse } from 'next/server';
import { discardAnswerFile, uploadAnswerFile } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth';
import { DomainError, describeError } from '@/lib/errors';
import { portalTranslator, translateError } from '@/lib/i18n/server';
import { isUuid } from '@/lib/utils';

const NO_STORE = { 'cache-control': 'no-store' };

async function failure(code: string, english: string, status: number, params?: unknown, headers: Record<string, string> = {}) {
  const message = translateError(await portalTranslator(), code, params, english);
  return NextResponse.json({ message, errorCode: code }, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * A file that answers a survey question (`?question=N`, an Image or AttachmentList question) from the ACTIONS
 * tab: multipart/form-data, one file in part `files`, streamed through lib/media like `POST /v1/media` →
 * `{ mediaResource, fileName, kind, mimeType, size, url }`. Only who may answer the action may upload for it;
 * errors come in the user's language. A cross-site request is refused (the session cookie is SameSite=Lax too).
 */
const crossSite = (req: Request) => {
  const origin = req.headers.get('origin');
  return Boolean(origin && origin !== new URL(req.url).origin && origin !== `${req.headers.get('x-forwarded-proto') ?? 'http'}://${req.headers.get('host')}`);
};

export async function POST(req: Request, ctx: RouteContext<'/api/groups/[id]/actions/[actionId]/files'>) {
  if (crossSite(req)) return failure('Forbidden', 'You do not have permission to do this.', 403);
  const user = await getCurrentUser();
  if (!user) return failure('SessionEnded', 'Sign in again.', 401);
  const { id, actionId } = await ctx.params;
  const given = new URL(req.url).searchParams.get('question');
  const question = given === null || given === '' ? NaN : Number(given);
  if (!isUuid(id) || !isUuid(actionId)) return failure('ActionNotFound', 'This action does not exist in this group.', 404);
  try {
    if (!Number.isInteger(question) || question < 0) throw new DomainError('InvalidParameters', { detail: 'question: send the question’s position.' });
    return NextResponse.json(await uploadAnswerFile(user, id, actionId, question, req), { status: 201, headers: NO_STORE });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const e = describeError(err);
    return failure(err.code, e.message, e.status, err.params, e.headers);
  }
}

/** `?media=<mediaResource>`: a file removed from the form before sending (the user's own upload nothing carries) is deleted → 204. */
export async function DELETE(req: Request) {
  if (crossSite(req)) return failure('Forbidden', 'You do not have permission to do this.', 403);
  const user = await getCurrentUser();
  if (!user) return failure('SessionEnded', 'Sign in again.', 401);
  await discardAnswerFile(user, new URL(req.url).searchParams.get('media') ?? '');
  return new Response(null, { status: 204, headers: NO_STORE });
}
