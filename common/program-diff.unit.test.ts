import { describe, expect, it } from 'vitest';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import { diffProgramContent, isUnchanged } from './program-diff.js';

const base = DEMO_PROGRAM_2024.content;

describe('diffProgramContent', () => {
  it('finds nothing between equal contents', () => {
    const changes = diffProgramContent(base, structuredClone(base));
    expect(isUnchanged(changes)).toBe(true);
    expect(changes.sections).toEqual([]);
  });

  it('names targets added, removed and edited by code, and sections edited', () => {
    const next = structuredClone(base);
    next.targets = next.targets.filter((t) => t.code !== '3');
    next.targets[0] = { ...next.targets[0]!, text: 'Chỉ tiêu mới' };
    next.targets.push({ code: '11', text: 'Thêm', stretch: false, whenConditionsAllow: false });
    next.theme = '“Chủ đề khác”';
    next.recipients = next.recipients.slice(1);
    const changes = diffProgramContent(base, next);
    expect(changes.targets).toEqual({ added: ['11'], removed: ['3'], edited: ['1'], reordered: false });
    expect(changes.sections).toEqual(['theme', 'recipients']);
    expect(changes.taskGroups).toEqual({ added: [], removed: [], edited: [], reordered: false });
  });

  it('names task groups by number and header fields that changed', () => {
    const next = structuredClone(base);
    next.taskGroups = next.taskGroups.slice(0, -1);
    next.taskGroups[1] = { ...next.taskGroups[1]!, actions: [] };
    const changes = diffProgramContent(base, next, {
      before: { title: 'A', signerName: 'X' },
      after: { title: 'A', signerName: 'Y' },
    });
    expect(changes.taskGroups).toEqual({ added: [], removed: [9], edited: [2], reordered: false });
    expect(changes.header).toEqual(['signerName']);
    expect(isUnchanged(changes)).toBe(false);
  });

  it('notices targets moved without other changes', () => {
    const next = structuredClone(base);
    [next.targets[0], next.targets[1]] = [next.targets[1]!, next.targets[0]!];
    const changes = diffProgramContent(base, next);
    expect(changes.targets).toEqual({ added: [], removed: [], edited: [], reordered: true });
    expect(isUnchanged(changes)).toBe(false);
  });
});
