// Fetch wrapper for the API: sends the CSRF token on writes and the chosen
// language, and turns error responses into ApiError with the server's
// (already translated) message and field messages.
export interface FieldMessage {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldMessage[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let language = 'vi';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setApiLanguage(locale: string) {
  language = locale;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'Cannot reach the server.' : 'Không kết nối được máy chủ.');
  }
  if (res.ok) {
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('application/json') ? await res.json() : await res.blob()) as T;
  }
  let payload: { error?: { code?: string; message?: string; fields?: FieldMessage[] } } = {};
  try {
    payload = await res.json();
  } catch {
    /* not JSON */
  }
  throw new ApiError(
    res.status,
    payload.error?.code ?? 'INTERNAL',
    payload.error?.message ?? (language === 'en' ? 'Unexpected error.' : 'Đã xảy ra lỗi.'),
    payload.error?.fields ?? [],
  );
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  /** A body only where the route takes one (a reason, the version read: DELETE /api/activities/:id). */
  delete: <T>(url: string, body?: unknown) => request<T>('DELETE', url, body),
};

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file from a GET endpoint (XLSX, DOCX). */
export async function download(url: string, fallbackName: string) {
  const res = await fetch(url, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  if (!res.ok) {
    let message = language === 'en' ? 'Download failed.' : 'Tải tệp không thành công.';
    try {
      message = (await res.json()).error.message;
    } catch {
      /* keep default */
    }
    throw new ApiError(res.status, 'DOWNLOAD', message);
  }
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]!) : fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
