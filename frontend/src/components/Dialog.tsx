import { useEffect, useEffectEvent, useId, useRef, type ReactNode } from 'react';

type DialogProps = {
  title: string;
  /** Called for Escape and for the parent's own cancel buttons; the parent unmounts the dialog. */
  onClose: () => void;
  children?: ReactNode;
  /** The dialog's buttons. Mark the one to focus first with `data-autofocus` (the safe choice, e.g. Cancel). */
  actions: ReactNode;
};

/**
 * A modal dialog on the native `<dialog>` element: focus moves into it and stays there, Escape closes it, the page
 * behind is inert, and focus returns to where it was when it closes. Render it only while it is open.
 */
export function Dialog({ title, onClose, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const close = useEffectEvent(onClose);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal?.();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('button');
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close?.();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId} aria-describedby={children ? bodyId : undefined}>
      <h2 className="modal__title" id={titleId}>
        {title}
      </h2>
      {children && (
        <div className="modal__body" id={bodyId}>
          {children}
        </div>
      )}
      <div className="modal__actions">{actions}</div>
    </dialog>
  );
}
