// The type of an attachment, read from its content (file-type), never from its
// name (docs/reporting.md "Attachments"). DOCX and XLSX are zip packages: a
// zip is accepted only when its [Content_Types].xml declares the Word or
// Excel main part and that part is in the package, so any other zip (or an
// .odt, a .docm with macros, a .jar) is refused.
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import { ATTACHMENT_MEDIA_TYPES } from '../../../../common/reports.js';

export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file-name extensions of each accepted type; the first is the one a corrected name gets. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
};

/** The Office Open XML main parts and their content types in [Content_Types].xml. */
const OFFICE_PACKAGES: { mediaType: AttachmentMediaType; mainPart: string; contentType: string }[] = [
  {
    mediaType: DOCX,
    mainPart: 'word/document.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  {
    mediaType: XLSX,
    mainPart: 'xl/workbook.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
];

async function officePackageType(content: Buffer): Promise<AttachmentMediaType | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    return null;
  }
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (!types) return null;
  for (const p of OFFICE_PACKAGES) {
    // The declared main part must be the one the package holds (a renamed .docm declares macroEnabled).
    const declared =
      new RegExp(`PartName="/${p.mainPart.replace('.', '\\.')}"[^>]*ContentType="${p.contentType.replace(/[.+]/g, '\\$&')}"`).test(types) ||
      new RegExp(`ContentType="${p.contentType.replace(/[.+]/g, '\\$&')}"[^>]*PartName="/${p.mainPart.replace('.', '\\.')}"`).test(types);
    if (declared && zip.file(p.mainPart)) return p.mediaType;
  }
  return null;
}

/** The accepted media type of the content, or null when it is none of ATTACHMENT_MEDIA_TYPES. */
export async function detectAttachmentType(content: Buffer): Promise<AttachmentMediaType | null> {
  if (content.length === 0) return null;
  const found = await fileTypeFromBuffer(content);
  if (!found) return null;
  // file-type names DOCX/XLSX from the zip's entries; check the package ourselves whatever it said of a zip.
  if (found.mime === 'application/zip' || found.mime === DOCX || found.mime === XLSX) return officePackageType(content);
  return (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(found.mime) ? (found.mime as AttachmentMediaType) : null;
}

/**
 * The name kept for a file of the detected type: the type is the content's, and
 * the name's extension is made to match it — kept when it is one of the type's
 * extensions (any case), replaced when it is another type's extension
 * ("ảnh.pdf" that is a PNG → "ảnh.png"), added when the name has none.
 */
export function correctedFileName(fileName: string, mediaType: AttachmentMediaType): string {
  const extensions = ATTACHMENT_EXTENSIONS[mediaType];
  const match = /^(.*)\.([A-Za-z0-9]{1,5})$/.exec(fileName);
  if (match && extensions.includes(match[2]!.toLowerCase())) return fileName;
  const known = Object.values(ATTACHMENT_EXTENSIONS).flat();
  const stem =
    match && (known.includes(match[2]!.toLowerCase()) || ['zip', 'doc', 'xls', 'gif', 'txt'].includes(match[2]!.toLowerCase()))
      ? match[1]!
      : fileName;
  return `${stem || 'tep'}.${extensions[0]}`;
}

/** A file name as given by the client, made safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep as sent */
  }
  name = name
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim()
    .normalize('NFC');
  if (name.length > 200) {
    const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || 'tep';
}
