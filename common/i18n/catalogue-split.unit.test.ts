import { describe, expect, it } from 'vitest';
import * as vi from './vi/index.js';
import * as rest from './vi/rest.js';
import * as start from './vi/start.js';

describe('the Vietnamese catalogue split for the web app', () => {
  it('has every namespace in exactly one of start and rest', () => {
    const startNs = Object.keys(start);
    const restNs = Object.keys(rest);
    expect(startNs.filter((ns) => restNs.includes(ns))).toEqual([]);
    expect([...startNs, ...restNs].sort()).toEqual(Object.keys(vi).sort());
  });
});
