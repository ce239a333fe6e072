// No zod here: the browser's survey form imports this (the page-weight budget; schemas.ts re-exports it).

/** The files a survey's Image / AttachmentList question is answered with (the server checks each file's content). */
export const ANSWER_FILE_KINDS = {
  image: ['jpg', 'jpeg', 'png'],
  audio: ['mp3', 'wav'],
  video: ['mp4', '3gpp', '3gp'],
  document: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'],
} as const;
export type AnswerFileKind = keyof typeof ANSWER_FILE_KINDS;

/** A file name's kind by its extension (what the picker can tell before the upload; the server decides). */
export function answerFileKind(name: string): AnswerFileKind | null {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  for (const [kind, exts] of Object.entries(ANSWER_FILE_KINDS)) if ((exts as readonly string[]).includes(ext)) return kind as AnswerFileKind;
  return null;
}
