// Splitting a total target among child units (phân bổ chỉ tiêu), e.g. "+10
// members" or "15 CĐCS hold Worker Month activities". Pure logic.

export interface AllocationWeight {
  unitId: string;
  /** e.g. the unit's member count; units with weight 0 get nothing. */
  weight: number;
}

/**
 * Whole-number shares proportional to the weights that add up exactly to the
 * total (largest-remainder method; ties go to the larger weight, then to the
 * unit id, so the result is stable).
 */
export function allocateProportionally(total: number, weights: AllocationWeight[]): Map<string, number> {
  const result = new Map<string, number>(weights.map((w) => [w.unitId, 0]));
  const sum = weights.reduce((s, w) => s + Math.max(0, w.weight), 0);
  if (total <= 0 || sum <= 0) return result;
  const shares = weights.map((w) => {
    const exact = (total * Math.max(0, w.weight)) / sum;
    return { ...w, floor: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((s, x) => s + x.floor, 0);
  for (const s of shares) result.set(s.unitId, s.floor);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.unitId.localeCompare(b.unitId));
  for (const s of order) {
    if (left <= 0) break;
    if (s.weight <= 0) continue;
    result.set(s.unitId, (result.get(s.unitId) ?? 0) + 1);
    left--;
  }
  return result;
}

/** The difference between the allocations and the total (0 when they add up). */
export function allocationGap(total: number, allocations: Iterable<number>): number {
  let sum = 0;
  for (const a of allocations) sum += a;
  return sum - total;
}
