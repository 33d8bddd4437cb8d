// The API describes itself: a valid OpenAPI 3 document with a success response
// and a tag on every operation, the docs page, and the health check.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, type DatabaseHandle } from '../server/db/client.js';
import type { App } from '../server/lib/http.js';
import { createTestApp } from './app.js';
import { createTestDatabase, testEngine } from './db.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

interface Operation {
  tags?: string[];
  summary?: string;
  responses?: Record<string, unknown>;
}

describe('API description and health', () => {
  let database: DatabaseHandle;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('serves a valid OpenAPI 3 document where every /api operation has a success response and a tag', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);

    const problems: string[] = [];
    let operations = 0;
    for (const [route, item] of Object.entries(doc.paths)) {
      if (!route.startsWith('/api/') || route.startsWith('/api/docs')) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        operations++;
        const where = `${method.toUpperCase()} ${route}`;
        const codes = Object.keys(op.responses ?? {});
        if (!codes.includes('200') && !codes.includes('201'))
          problems.push(`${where}: no 200/201 response (has ${codes.join(', ') || 'none'})`);
        if (!op.tags?.length) problems.push(`${where}: no tags`);
        // Path parameters in the URL template must be declared.
        for (const name of route.match(/\{(\w+)\}/g) ?? []) {
          const params = [
            ...((item as { parameters?: Array<{ name: string; in: string }> }).parameters ?? []),
            ...((op as { parameters?: Array<{ name: string; in: string }> }).parameters ?? []),
          ];
          if (!params.some((p) => p.in === 'path' && `{${p.name}}` === name))
            problems.push(`${where}: path parameter ${name} not declared`);
        }
      }
    }
    expect(operations).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    // The health check and the sign-in are documented.
    expect(doc.paths['/api/health']?.get).toBeTruthy();
    expect(doc.paths['/api/auth/sign-in']?.post).toBeTruthy();
  });

  it('serves the interactive documentation as HTML', async () => {
    let res = await app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      const location = String(res.headers.location);
      res = await app.inject({ method: 'GET', url: location.startsWith('/') ? location : `/api/docs/${location.replace(/^\.\//, '')}` });
    }
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(res.body.toLowerCase()).toContain('<html');
  });

  it('answers the health check without a session, with the engine and the newest migration', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: Array<{ tag: string }>;
    };
    expect(res.json()).toEqual({ status: 'ok', engine: testEngine(), migration: journal.entries.at(-1)!.tag });
  });
});
