// The foot of a destructive confirmation dialog: what went wrong (announced),
// then "cancel" and the danger button that submits the dialog's form, both
// held while the request runs.

export interface ConfirmActionsProps {
  error: string | null;
  busy: boolean;
  cancelLabel: string;
  confirmLabel: string;
  busyLabel: string;
  /** Further reasons to hold the confirm button (e.g. a title not yet typed). */
  confirmDisabled?: boolean;
  onCancel: () => void;
}

export function ConfirmActions({
  error,
  busy,
  cancelLabel,
  confirmLabel,
  busyLabel,
  confirmDisabled = false,
  onCancel,
}: ConfirmActionsProps) {
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button danger" disabled={confirmDisabled || busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </>
  );
}
