// Durations in the config: "15m", "6h", "1d", "1h30m", "1w". Pure; used by the schema.

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds of a duration like "1h30m", or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (!/^(\d+\s*[smhdw]\s*)+$/.test(s)) return undefined;
  let ms = 0;
  for (const [, n, unit] of s.matchAll(/(\d+)\s*([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return ms;
}
