// A person's round badge with their short label (presence/PeoplePanel.tsx
// `useInitials`). A label made longer to tell two people apart ("FMü") is set
// smaller, so it still fits the circle.
export function Avatar({
  label,
  color,
  small = false,
  title,
}: {
  label: string;
  color: string;
  small?: boolean;
  title?: string;
}) {
  return (
    <span
      className={small ? 'avatar small' : 'avatar'}
      style={{ background: color }}
      title={title}
      aria-hidden="true"
      data-long={[...label].length > 2 ? '' : undefined}
    >
      {label}
    </span>
  );
}
