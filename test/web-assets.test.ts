// The built web app as the server sends it: the precompressed file the browser
// accepts, a year of immutable caching for hashed assets, no-cache for the page,
// and a 404 (not the page) for a missing asset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { DatabaseHandle } from '../server/db/client.js';
import type { App } from '../server/lib/http.js';
import { createTestDatabase } from './db.js';

const SCRIPT = 'console.log("Công đoàn số");\n'.repeat(100);
const PAGE = `<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

describe('web assets', () => {
  let database: DatabaseHandle;
  let app: App;
  let webDist: string;
  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(webDist, name), text);
      fs.writeFileSync(path.join(webDist, `${name}.br`), zlib.brotliCompressSync(text));
      fs.writeFileSync(path.join(webDist, `${name}.gz`), zlib.gzipSync(text));
    };
    write('index.html', PAGE);
    write('assets/index-AbC123.js', SCRIPT);
    database = await createTestDatabase();
    app = await buildApp({ database, config: { cookieSecure: false, logLevel: 'silent', webDist }, serveWeb: true });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a hashed asset precompressed, cached for a year and immutable', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('makes the browser revalidate the page, at / and at any page address', async () => {
    for (const url of ['/', '/index.html', '/targets/123', '/members?q=x']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(PAGE);
    }
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-Old999.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
