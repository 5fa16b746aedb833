// How Rails writes times in JSON: TimeWithZone#as_json in UTC with
// millisecond precision ("2026-05-28T10:00:00.000Z"); `.to_i` is whole
// seconds (nil → 0); `.to_f` keeps the fraction.
export const iso = (seconds: number): string => new Date(Math.round(seconds * 1000)).toISOString();
export const isoOrNull = (seconds: number | null): string | null => (seconds === null ? null : iso(seconds));
export const toI = (seconds: number | null): number => (seconds === null ? 0 : Math.floor(seconds));
