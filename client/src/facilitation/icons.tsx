// Small inline icons for the facilitation bar (no emoji: many desktops used in
// public administration lack an emoji font and would show empty boxes).
const PATHS = {
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3 2',
  eyeOff:
    'M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 6 9 6a17 17 0 0 1-3.2 3.6M6.3 7.8A16.6 16.6 0 0 0 3 12s4 6 9 6a9 9 0 0 0 3.2-.6',
  dot: 'M12 7a5 5 0 1 0 0 10a5 5 0 1 0 0-10',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  bellOff:
    'M3 3l18 18M6 16V11a6 6 0 0 1 .9-3.2M9.5 5.6A6 6 0 0 1 18 11v5l2 2H4zM10 20a2 2 0 0 0 4 0',
} as const;

export function FIcon({ name, size = 16 }: { name: keyof typeof PATHS; size?: number }) {
  return (
    <svg
      className="fac-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
