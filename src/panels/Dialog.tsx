// A modal dialog shell: labelled by its title, focus moved inside on open (to the element marked
// data-autofocus, else the first control) and back to where it was on close, Tab kept inside,
// Escape cancels. ConfirmDialog, PromptDialog and the help overlay build on it.
import './Dialog.css';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Extra description read out when the dialog opens (an id inside the dialog). */
  describedBy?: string;
  /**
   * False when whoever closes it puts focus somewhere itself (the link picker: on the card); a
   * function when that depends on how it was closed, asked as it closes.
   */
  restoreFocus?: boolean | (() => boolean);
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled') && !el.closest('[hidden]'));
}

export function Dialog({ title, onClose, children, className, describedBy, restoreFocus = true }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Read during the first render, before anything inside the dialog can take focus.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));

  useEffect(() => {
    const root = box.current;
    if (root) {
      const first = root.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(root)[0] ?? root;
      first.focus();
      if (first instanceof HTMLInputElement) first.select();
    }
    return () => {
      const restore = typeof restoreFocus === 'function' ? restoreFocus() : restoreFocus;
      if (restore && opener && opener.isConnected) opener.focus();
    };
  }, [opener, restoreFocus]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = focusableIn(box.current);
    if (focusable.length === 0) {
      event.preventDefault();
      return;
    }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === box.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="pm-dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={box}
        className={`pm-dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
