import { z } from 'zod';
import type { MediaFileDto } from '@/lib/actions/schemas';

import { charCount, MESSAGE_MAX_CHARS } from './limits';

export { charCount, MESSAGE_MAX_CHARS };

/**
 * The text of a message: required (not only spaces), at most 4000 characters, never cut. Kept as sent
 * (line breaks and surrounding spaces included) once it passes.
 */
export const messageText = (field = 'message') =>
  z
    .string({ error: `Send the text of the message in ${field}.` })
    .refine((s) => s.trim().length > 0, { message: 'Write a message first.' })
    .refine((s) => charCount(s) <= MESSAGE_MAX_CHARS, {
      message: `A message can have at most ${MESSAGE_MAX_CHARS} characters.`,
    });

/** The portal's Send box (the group page's MESSAGES tab): the same rules, messages as keys of the `messages` namespace. */
export const postMessageSchema = z.object({
  groupId: z.uuid(),
  text: z
    .string({ error: 'messages.fields.missing' })
    .refine((s) => s.trim().length > 0, { message: 'messages.fields.empty' })
    .refine((s) => charCount(s) <= MESSAGE_MAX_CHARS, { message: 'messages.fields.tooLong' }),
});
export type PostMessageInput = z.infer<typeof postMessageSchema>;

/** What the portal (and its polling feed) shows of a message. */
export interface MessageDto {
  id: string;
  referenceId: string;
  text: string;
  sender: { type: 'member' | 'connector' | 'bot'; name: string; phone: string | null };
  /** ISO time */
  createdAt: string;
  isYou: boolean;
  /** Likes (reactions, /v1 §5.10) over the group's hierarchy */
  likes: number;
  /** a media post (an Image, Album, Audio, Video or Document action): `text` is its caption */
  media?: { actionType: string; files: MediaFileDto[] };
}

export interface MessagePage {
  messages: MessageDto[];
  /** older messages exist: send this back as `cursor` */
  cursor?: string;
}
