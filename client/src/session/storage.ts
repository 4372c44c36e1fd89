// Small typed wrapper over localStorage: everything Pinnwand remembers on a
// device (name, tokens, last session, invitation links) goes through here, and
// a browser that refuses storage degrades to "not remembered", never a crash.
export function readJson<T>(key: string, check: (value: unknown) => value is T): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return check(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the value is simply not remembered
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
