/**
 * The media Kaizala accepts (kaizala-connectors.md §5.6), decided by the content (file-type's sniffing),
 * never by the declared Content-Type. Pure, so the unit tests and the upload share it.
 */
export type MediaKind = 'image' | 'audio' | 'video' | 'document';

interface Accepted {
  kind: MediaKind;
  mime: string;
  /** extensions a file of this content may carry (the first is the canonical one) */
  exts: string[];
}

/** by file-type's `ext` */
const BY_SNIFFED: Record<string, Accepted> = {
  jpg: { kind: 'image', mime: 'image/jpeg', exts: ['jpg', 'jpeg'] },
  png: { kind: 'image', mime: 'image/png', exts: ['png'] },
  mp3: { kind: 'audio', mime: 'audio/mpeg', exts: ['mp3'] },
  wav: { kind: 'audio', mime: 'audio/wav', exts: ['wav'] },
  mp4: { kind: 'video', mime: 'video/mp4', exts: ['mp4'] },
  '3gp': { kind: 'video', mime: 'video/3gpp', exts: ['3gpp', '3gp'] },
  pdf: { kind: 'document', mime: 'application/pdf', exts: ['pdf'] },
  docx: { kind: 'document', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'] },
  xlsx: { kind: 'document', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exts: ['xlsx'] },
  pptx: { kind: 'document', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', exts: ['pptx'] },
};

/** Office 97–2003 files are all one container format (CFB): the extension tells which one it is. */
const CFB_BY_EXT: Record<string, Accepted> = {
  doc: { kind: 'document', mime: 'application/msword', exts: ['doc'] },
  xls: { kind: 'document', mime: 'application/vnd.ms-excel', exts: ['xls'] },
  ppt: { kind: 'document', mime: 'application/vnd.ms-powerpoint', exts: ['ppt'] },
};

export const ACCEPTED_EXTENSIONS = ['jpg', 'jpeg', 'png', 'mp3', 'wav', 'mp4', '3gpp', '3gp', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'];

export interface Classified {
  kind: MediaKind;
  mime: string;
  /** the file name to keep: the sent one, or `file.<ext>` when none came */
  fileName: string;
}

/** The last path segment of a sent file name, without control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined | null): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
}

export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * What a file is, from what its content was sniffed as (`sniffed`: file-type's ext, or undefined) and the
 * name it was sent with. null: not accepted (415). A name whose extension contradicts the content (a PNG
 * named .pdf, text named .png) is refused too; a name without an extension gets the content's.
 */
export function classify(sniffed: string | undefined, sentName: string | undefined | null): Classified | null {
  const name = cleanFileName(sentName);
  const ext = extensionOf(name);
  const accepted = sniffed === 'cfb' ? CFB_BY_EXT[ext] : sniffed ? BY_SNIFFED[sniffed] : undefined;
  if (!accepted) return null;
  if (ext && !accepted.exts.includes(ext)) return null;
  return { kind: accepted.kind, mime: accepted.mime, fileName: ext ? name : `${name || 'file'}.${accepted.exts[0]}` };
}
