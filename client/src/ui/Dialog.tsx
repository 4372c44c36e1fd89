// The one modal dialog. A native <dialog> opened with showModal(): the browser
// makes the rest of the page inert and draws the backdrop. On top of that:
// Tab and Shift+Tab cycle inside the dialog, Esc closes it (unless it is busy),
// the heading names it, and focus goes back to what opened it. Keys typed in a
// dialog never reach the board's shortcuts.
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useId,
  useLayoutEffect,
  useRef,
} from 'react';

export interface DialogProps {
  /** The heading; it also names the dialog for assistive technology. */
  title: ReactNode;
  /** Esc, and whatever close buttons the dialog has. */
  onClose(): void;
  /** A confirmation of something that cannot be undone (role alertdialog). */
  alert?: boolean;
  /** False while the dialog must stay (e.g. a request is running): Esc does nothing. */
  dismissible?: boolean;
  /** Makes the body a form; Enter in a field submits it. */
  onSubmit?(): void;
  /**
   * What is focused on opening: the first control (default), the heading (long
   * dialogs read from the top), or a given element.
   */
  initialFocus?: 'heading' | RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

export function Dialog({
  title,
  onClose,
  alert = false,
  dismissible = true,
  onSubmit,
  initialFocus,
  className = '',
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // The latest props for the native listeners, which are attached once.
  const latest = useRef({ onClose, dismissible });
  latest.current = { onClose, dismissible };
  const focusFirst = useRef(initialFocus);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let open = true;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const want = focusFirst.current;
    const first =
      want === 'heading'
        ? heading.current
        : (want?.current ?? dialog.querySelector<HTMLElement>('[data-autofocus]')) ||
          focusables(dialog)[0];
    (first ?? heading.current)?.focus();
    // Esc: the browser's cancel. Taken over so a busy dialog can stay.
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (latest.current.dismissible) latest.current.onClose();
    };
    // The browser may close a dialog itself after repeated Esc presses.
    const onNativeClose = () => {
      if (!open) return;
      if (latest.current.dismissible) latest.current.onClose();
      else if (typeof dialog.showModal === 'function') dialog.showModal();
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      open = false;
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The board's window-level shortcuts must not act on keys meant for the dialog.
    event.stopPropagation();
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (
      event.shiftKey &&
      (active === first || !ref.current.contains(active) || active === heading.current)
    ) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const body = (
    <>
      <h2 id={headingId} ref={heading} tabIndex={-1} className="dialog-title">
        {title}
      </h2>
      {children}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`.trim()}
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
    >
      {onSubmit ? (
        <form
          className="dialog-body"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {body}
        </form>
      ) : (
        <div className="dialog-body">{body}</div>
      )}
    </dialog>
  );
}
