import { z } from 'zod';
import { mediaUrlViaApi, serveSignedMedia, uploadMediaViaApi } from '@/lib/platform';
import { route } from '../route';

/**
 * Media (kaizala-connectors.md §5.6). Permission: Media. The upload streams (lib/media/upload.ts): the body is
 * multipart/form-data, not JSON, with limits per kind instead of the router's 1 MiB.
 */
const kind = z.enum(['image', 'audio', 'video', 'document']);
const signed = z.object({
  mediaUrl: z.string().describe('Signed URL of the file for this caller; valid MEDIA_URL_TTL_SECONDS (15 min)'),
  expiresAt: z.number().int().describe('epoch ms'),
});

export const mediaRoutes = [
  route({
    method: 'POST',
    path: '/media',
    permission: 'media',
    tag: 'Media',
    summary:
      'Upload one file (multipart/form-data, part `files` or `FileName`): .jpg .jpeg .png .mp3 .wav .mp4 .3gpp .pdf .doc .docx .xls .xlsx .ppt .pptx, recognised by content (else 415); over the limit of its kind 413. → `{ mediaResource }` for an action',
    bodyTypes: ['multipart'],
    body: z.object({ files: z.string().describe('the file (binary); `FileName` is accepted as the part name too') }),
    response: z.object({
      mediaResource: z.string().describe('Opaque: pass it in `actionBody.mediaResource`'),
      kind,
      mimeType: z.string().describe('as found in the content'),
      fileName: z.string(),
      size: z.number().int(),
      sha256: z.string(),
    }),
    handler: async ({ claims, request }) => uploadMediaViaApi(claims!, request),
  }),
  route({
    method: 'GET',
    path: '/media/{mediaResource}',
    permission: 'media',
    tag: 'Media',
    summary:
      'A short-lived signed URL of a media item (ours): for the connector that uploaded it, and once it is used in a group for every token that reaches that group',
    params: z.object({ mediaResource: z.string().max(512).describe('The `mediaResource` of the upload') }),
    response: signed.extend({ mediaResource: z.string(), kind, mimeType: z.string(), fileName: z.string(), size: z.number().int() }),
    handler: async ({ params, claims }) => mediaUrlViaApi(claims!, params.mediaResource),
  }),
  route({
    method: 'GET',
    path: '/media/{mediaId}/content',
    permission: null,
    tag: 'Media',
    summary:
      'The file itself, through a signed URL (no access token; 403 when the link has expired or was altered). Honours a single `Range: bytes=…` (206 with `Content-Range`; 416 past the end) so players can seek in audio and video.',
    params: z.object({ mediaId: z.string().max(64) }),
    query: z.object({
      exp: z.string().max(20).optional(),
      viewer: z.string().max(200).optional(),
      kid: z.string().max(64).optional(),
      sig: z.string().max(128).optional(),
    }),
    response: z.unknown().describe('the file'),
    handler: async ({ params, query, request }) => ({ body: null, raw: await serveSignedMedia(params.mediaId, query, request.headers.get('range')) }),
  }),
];
