// Helpers for the programs tests: a valid request body and the text of a DOCX.
import JSZip from 'jszip';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import type { CreateProgramBody } from './schemas.js';

/** A create body built on the seed program, for any unit. */
export function sampleProgramBody(unitId: string, overrides: Partial<CreateProgramBody> = {}): CreateProgramBody {
  const { unitCode: _code, ...demo } = DEMO_PROGRAM_2024;
  return { ...demo, unitId, ...overrides };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of a part of the package (word/document.xml by default). */
export async function docxParagraphs(buffer: Buffer, part = 'word/document.xml'): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file(part)!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
  );
}

export async function docxPart(buffer: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return zip.file(part)!.async('string');
}
