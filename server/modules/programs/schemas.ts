// The wire schemas live in common/api/programs.ts (shared with the web);
// this file adds what only the server needs.
import { z } from 'zod';

export * from '../../../common/api/programs.js';

/** The DOCX file (binary). */
export const DocxFile = z.any().meta({ description: 'Tệp DOCX (application/vnd.openxmlformats-officedocument.wordprocessingml.document)' });
