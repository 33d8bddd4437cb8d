import { z } from 'zod';

// Downloads (XLSX tables, DOCX documents): content types, the OpenAPI shape of
// a binary 200 response, and the Content-Disposition header with a UTF-8 name.

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A binary 200 response for OpenAPI (the route sends a Buffer; the zod serializer never sees it). */
export function binaryFileResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } } };
}

export const XlsxFileResponse = binaryFileResponse(XLSX_CONTENT_TYPE, 'Tệp Excel (XLSX)');

/** An ASCII stand-in for old clients: diacritics dropped, other characters → "-". */
export function asciiFileName(fileName: string): string {
  return fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
}

/** "Nhật ký hệ thống.xlsx" → an ASCII fallback and the RFC 5987 UTF-8 name. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
